import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { demoPassword, errorSummary, freshStaffCode, signInStaff } from "../helpers/accounts";
import { invitedStaff } from "../helpers/staff";

/** The password step alone, as someone who knows the password but holds no authenticator. */
async function passwordOnly(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
}

test.describe("staff two-factor sign-in (demo accounts)", () => {
  test("the password alone reaches no staff page, action or file", async ({ page }) => {
    await passwordOnly(page, "caseworker2@example.cn");
    await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("双因素登录");
    await expectAccessible(page);
    for (const path of ["/staff", "/staff/requests", "/staff/sessions", "/staff/account"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/staff\/sign-in$/);
    }
    expect((await page.request.get("/staff/cases.csv", { maxRedirects: 0 })).status()).toBe(404);
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
    // the second page is still there to finish on
    await page.goto("/staff/sign-in/code");
    await expect(page.getByLabel("动态验证码")).toBeVisible();
  });

  test("the code field is a plain numeric one-time-code input; a wrong code is an error naming it", async ({
    page,
  }) => {
    await passwordOnly(page, "caseworker2@example.cn");
    const field = page.getByLabel("动态验证码");
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    await expect(field).toHaveAttribute("type", "text");
    await field.fill("000000");
    await page.getByRole("button", { name: "继续" }).click();
    await expect(errorSummary(page)).toContainText("动态验证码不正确");
    await expect(page.locator("#field-code-error")).toContainText("动态验证码不正确");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
    await expectAccessible(page);
  });

  test("signs in with the code; the English label is Verification code", async ({ page }) => {
    await signInStaff(page, "caseworker2@example.cn");
    await expect(page.locator("header")).toContainText("赵丽");
    const english = JSON.parse(fs.readFileSync("locales/en/staff.json", "utf8"));
    expect(english.twoFactor.code).toBe("Verification code");
  });
});

test.describe("enrolment and recovery codes (accounts of their own, invited by the administrator)", () => {
  const password = "Two-factor-spec-2027";
  const run = Date.now();
  const new1 = `two-factor-1-${run}@example.cn`;
  const new2 = `two-factor-2-${run}@example.cn`;

  /** Enrols on the page after the password: reads the key shown, confirms a code from it, keeps the codes. */
  async function enrol(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    await passwordOnly(page, email, password);
    await expect(page).toHaveURL(/\/staff\/sign-in\/enrol$/);
    await expect(page.getByRole("img", { name: "供身份验证器应用扫描的二维码" })).toBeVisible();
    const secret = (await page.locator("main code").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // not yet: /staff stays closed during enrolment
    const closed = await page.request.get("/staff", { maxRedirects: 0 });
    expect(closed.headers().location ?? "").toMatch(/\/staff\/sign-in$/);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(email, secret));
    await page.getByRole("button", { name: "确认并登录" }).click();
    const codes = page.getByTestId("recovery-codes").locator("li");
    await expect(codes).toHaveCount(10);
    const recoveryCodes = await codes.allInnerTexts();
    await page.getByRole("link", { name: "进入工作台" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.locator("header")).toContainText("新同事");
    return { secret, recoveryCodes };
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
  }

  test("enrols, signs in with a code, and with a recovery code once", async ({ browser, page }) => {
    await invitedStaff(browser, new1, password);
    const { secret, recoveryCodes } = await enrol(page, new1);
    await signOut(page);

    // the code from the authenticator (one the enrolment did not use)
    await passwordOnly(page, new1, password);
    await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
    await page.getByLabel("动态验证码").fill(await freshStaffCode(new1, secret));
    await page.getByRole("button", { name: "继续" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await signOut(page);

    // a recovery code instead, once
    for (const attempt of ["first", "second"]) {
      await passwordOnly(page, new1, password);
      await page.getByRole("link", { name: "无法使用身份验证器？改用恢复码" }).click();
      await page.getByLabel("恢复码").fill(recoveryCodes[0]);
      await page.getByRole("button", { name: "继续" }).click();
      if (attempt === "first") {
        await expect(page).toHaveURL(/\/staff$/);
        await signOut(page);
      } else {
        await expect(errorSummary(page)).toContainText("恢复码不正确或已使用过");
        await expect(page).toHaveURL(/\/staff\/sign-in\/code/);
      }
    }
  });

  test("works without JavaScript: enrolment, recovery codes, code sign-in", async ({ browser }) => {
    await invitedStaff(browser, new2, password);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const { secret } = await enrol(page, new2);
    await signOut(page);
    await passwordOnly(page, new2, password);
    // a wrong code, then the right one
    await page.getByLabel("动态验证码").fill("000000");
    await page.getByRole("button", { name: "继续" }).click();
    await expect(errorSummary(page)).toContainText("动态验证码不正确");
    await page.getByLabel("动态验证码").fill(await freshStaffCode(new2, secret));
    await page.getByRole("button", { name: "继续" }).click();
    await expect(page).toHaveURL(/\/staff$/);
    await context.close();
  });
});
