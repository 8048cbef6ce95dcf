import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import { generate } from "otplib";
import { waitForMail } from "./mail";

/** The GOV.UK-style error summary at the top of a form (Next adds its own role=alert announcer). */
export function errorSummary(page: Page): Locator {
  return page.locator("[role=alert][aria-labelledby$=error-summary-title]");
}

export const demoPassword = "Demo-pass-2026";

/** Signs in through the public form, as a person would. */
export async function signInCitizen(page: Page, email: string, locale = "zh-Hans"): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(demoPassword);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account`));
}

/**
 * Registers a new person of their own (in English) and confirms the account from the mailed link,
 * for a spec that changes what the demo citizens' other users rely on (sessions, password, the
 * account itself); signed in on the account page afterwards, with the demo password.
 */
export async function registerCitizen(page: Page, email: string, name = "Zhao Min"): Promise<void> {
  await page.goto("/en/register");
  await expect(page.getByRole("link", { name: "Privacy notice" })).toBeVisible();
  await page.getByLabel("Individual").check();
  await page.locator("#field-name").fill(name);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(demoPassword);
  await page.locator("#field-confirm").fill(demoPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  const mail = await waitForMail((m) => m.to.includes(email));
  const link = /http:\/\/\S+\/register\/confirm\?token=\S+/.exec(mail.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!.replace(/^http:\/\/[^/]+/, ""));
  await page.getByRole("button", { name: "Confirm my account" }).click();
  await expect(page).toHaveURL(/\/en\/account\?welcome=1$/);
}

/** The authenticator secret every demo staff account is enrolled with (published for the demo). */
const demoTotpSecret = "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA";

const stepMs = 30_000;
/**
 * The time steps codes were used in, per account, shared by the test processes of a run
 * (Playwright runs two at a time) through a file beside the mail file. Each use is a line appended
 * to it: two processes rewriting one JSON object lost each other's entries, and a sign-in then got
 * the step its account's enrolment had just used, which the portal refuses as a replay.
 */
const usedStepsFile = `.e2e-totp-${Number(process.env.E2E_PORT ?? 3100)}.jsonl`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last step each account used a code in. */
function usedSteps(): Record<string, number> {
  const last: Record<string, number> = {};
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(usedStepsFile, "utf8").split("\n").filter(Boolean);
  } catch {
    return last;
  }
  for (const line of lines) {
    const { email, step } = JSON.parse(line) as { email: string; step: number };
    last[email] = Math.max(last[email] ?? Number.NEGATIVE_INFINITY, step);
  }
  return last;
}

/** How much of a step must be left for a code of the step before to still arrive in time. */
const previousStepMarginMs = 10_000;

/**
 * A code the account has not used yet, as its owner's authenticator shows it. The portal accepts
 * each 30-second step's code once, and besides the current step's code the one of the step just
 * before (lib/auth/totp.ts: for the delay of typing and sending it). So an account that used
 * neither first gets the previous step's code (while enough of this step is left for it to arrive
 * within it), and a second sign-in in the same step the current one; only a third waits here for
 * the next step (distinct accounts and sign-ins far apart never wait).
 */
export async function freshStaffCode(email: string, secret = demoTotpSecret): Promise<string> {
  for (;;) {
    const used = usedSteps()[email] ?? Number.NEGATIVE_INFINITY;
    const now = Date.now();
    const current = Math.floor(now / stepMs);
    const step =
      used < current - 1 && now - current * stepMs < stepMs - previousStepMarginMs
        ? current - 1
        : used < current
          ? current
          : undefined;
    if (step !== undefined) {
      // one short line in append mode: written whole, whatever the other process does meanwhile
      fs.appendFileSync(usedStepsFile, `${JSON.stringify({ email, step })}\n`);
      return generate({ secret, epoch: (step * stepMs) / 1000 });
    }
    await sleep((used + 1) * stepMs - now + 100);
  }
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;
/** Signed-in staff sessions of this test process, by origin and e-mail, and the test that last took each. */
const staffSessions = new Map<string, { cookies: Cookies; testId: string }>();

/**
 * Signs in at the staff door as a person would: password, then the authenticator's code on the
 * second page. A code refused because this account used it from another test process (a worker
 * restarted after a failure) is retried once in the next step.
 *
 * Each code works once per 30-second step, so signing one account in again and again would wait
 * for the next step each time. Unless `fresh` is asked for, a session this process signed in
 * earlier for the account is put back into the page's context instead, when it still works (not
 * signed out, expired or ended by a password change since) and no other page of the same test
 * holds it: a test that signs one account in twice gets two real sessions.
 */
export async function signInStaff(
  page: Page,
  email: string,
  secret = demoTotpSecret,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  await page.goto("/staff/sign-in");
  const key = `${new URL(page.url()).origin} ${email}`;
  const testId = test.info().testId;
  const kept = staffSessions.get(key);
  if (!fresh && kept && kept.testId !== testId) {
    await page.context().addCookies(kept.cookies);
    await page.goto("/staff");
    if (!/\/staff\/sign-in/.test(new URL(page.url()).pathname)) {
      kept.testId = testId;
      return;
    }
    for (const { name } of kept.cookies) await page.context().clearCookies({ name });
    await page.goto("/staff/sign-in");
  }
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(demoPassword);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
  const submitCode = async () => {
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.locator("form button[type=submit]").last().click();
  };
  await submitCode();
  const refused = await Promise.race([
    page.waitForURL(/\/staff$/).then(
      () => false,
      () => false,
    ),
    errorSummary(page)
      .waitFor()
      .then(
        () => true,
        () => false,
      ),
  ]);
  if (refused) await submitCode();
  await expect(page).toHaveURL(/\/staff$/);
  staffSessions.set(key, { cookies: await page.context().cookies(), testId });
}

/** The authenticator secrets new staff enrolled with in this test process, by e-mail. */
const enrolledSecrets = new Map<string, string>();
/** The recovery codes new staff were given at enrolment in this test process and have not used, by e-mail. */
const enrolledRecoveryCodes = new Map<string, string[]>();

/** The password step of the staff form, with a member of staff's own password. */
async function staffPasswordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/(code|enrol)$/);
}

/**
 * Signs in a member of staff whose password is their own (set from an invitation or reset link),
 * through the staff form, as a person would; lands on the workbench. The first time, the portal
 * asks them to enrol an authenticator: the helper reads the key from the page, confirms it with a
 * code and keeps it, and the recovery codes shown, for the next sign-ins.
 */
export async function signInNewStaff(page: Page, email: string, password: string): Promise<void> {
  await staffPasswordStep(page, email, password);
  if (page.url().endsWith("/enrol")) {
    const secret = (await page.locator("main code").innerText()).replace(/\s/g, "");
    enrolledSecrets.set(email, secret);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.locator("form button[type=submit]").last().click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await expect(codes).toHaveCount(10);
    enrolledRecoveryCodes.set(email, await codes.allInnerTexts());
    await page.getByRole("link", { name: "进入工作台" }).click();
  } else {
    const secret = enrolledSecrets.get(email);
    if (!secret) throw new Error(`${email} enrolled outside this test process`);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.locator("form button[type=submit]").last().click();
  }
  await expect(page).toHaveURL(/\/staff$/);
}

/** A code not used yet from the authenticator a member of staff enrolled through signInNewStaff. */
export async function newStaffCode(email: string): Promise<string> {
  const secret = enrolledSecrets.get(email);
  if (!secret) throw new Error(`${email} enrolled outside this test process`);
  return freshStaffCode(email, secret);
}

/**
 * Signs in a member of staff enrolled by signInNewStaff with one of their recovery codes instead of
 * a code from the authenticator (the way to a second session in the same 30-second step without
 * waiting for the next one); the code is then used up.
 */
export async function signInNewStaffByRecoveryCode(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  const codes = enrolledRecoveryCodes.get(email);
  const code = codes?.shift();
  if (!code) throw new Error(`${email} has no recovery code left in this test process`);
  await staffPasswordStep(page, email, password);
  await page.getByRole("link", { name: "无法使用身份验证器？改用恢复码" }).click();
  await page.getByLabel("恢复码").fill(code);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff$/);
}
