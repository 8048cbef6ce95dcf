import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import fs from "node:fs";
import { generate } from "otplib";

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

/** The authenticator secret every demo staff account is enrolled with (published for the demo). */
const demoTotpSecret = "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA";

const stepMs = 30_000;
/**
 * The last time step a code was used in, per account, shared by the test processes of a run
 * (Playwright runs two at a time) through a file beside the mail file.
 */
const usedStepsFile = `.e2e-totp-${Number(process.env.E2E_PORT ?? 3100)}.json`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function usedSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(usedStepsFile, "utf8")) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A code the account has not used yet, as its owner's authenticator shows it. The portal accepts
 * each 30-second step's code once, so a second sign-in of one account within a step waits here
 * for the next step (only then: distinct accounts and sign-ins far apart never wait).
 */
export async function freshStaffCode(email: string, secret = demoTotpSecret): Promise<string> {
  const used = usedSteps()[email];
  if (used !== undefined && Math.floor(Date.now() / stepMs) <= used)
    await sleep((used + 1) * stepMs - Date.now() + 100);
  const now = Date.now();
  fs.writeFileSync(usedStepsFile, JSON.stringify({ ...usedSteps(), [email]: Math.floor(now / stepMs) }));
  return generate({ secret, epoch: Math.floor(now / 1000) });
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

/**
 * Signs in a member of staff whose password is their own (set from an invitation or reset link),
 * through the staff form, as a person would; lands on the workbench. The first time, the portal
 * asks them to enrol an authenticator: the helper reads the key from the page, confirms it with a
 * code and keeps it for the next sign-in.
 */
export async function signInNewStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff\/sign-in\/(code|enrol)$/);
  if (page.url().endsWith("/enrol")) {
    const secret = (await page.locator("main code").innerText()).replace(/\s/g, "");
    enrolledSecrets.set(email, secret);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.locator("form button[type=submit]").last().click();
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    await page.getByRole("link", { name: "进入工作台" }).click();
  } else {
    const secret = enrolledSecrets.get(email);
    if (!secret) throw new Error(`${email} enrolled outside this test process`);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.locator("form button[type=submit]").last().click();
  }
  await expect(page).toHaveURL(/\/staff$/);
}
