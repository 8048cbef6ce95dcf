import { expect, type Browser, type Page } from "@playwright/test";
import { signInStaff } from "./accounts";
import { waitForMail } from "./mail";

/** A staff member signed in in a browser context of their own. */
export async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, email);
  return page;
}

/**
 * Takes one step on a case from the caseworker's case page, after `fill` fills its form; the page
 * then says what was done to the case.
 */
export async function staffDo(
  page: Page,
  trackingNumber: string,
  step: string,
  fill?: (page: Page) => Promise<void>,
) {
  await page.goto(`/staff/cases/${trackingNumber}`);
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: step, exact: true }) });
  if (fill) await fill(page);
  await section.getByRole("button", { name: step, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: trackingNumber })).toBeVisible();
}

/**
 * A member of staff of their own, for a spec that changes what the demo accounts' other users rely
 * on (sessions, password, authenticator): the administrator creates a 人社局 caseworker called
 * 新同事 on the Users pages, and the invitation's link sets `password`. The account has no
 * authenticator yet: signInNewStaff enrols one at the first sign-in.
 */
export async function invitedStaff(browser: Browser, email: string, password: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, "admin@example.cn");
  await page.goto("/staff/users/new");
  await page.getByLabel("姓名").fill("新同事");
  await page.getByLabel("工作邮箱").fill(email);
  await page.locator("#account-role").selectOption("CASEWORKER");
  await page.locator("#account-scope").selectOption("RSJ");
  await page.getByRole("button", { name: "创建账号并发送邀请" }).click();
  await expect(page.getByRole("status")).toHaveText("账号已创建，邀请邮件已发送。");
  const mail = await waitForMail((m) => m.to.includes(email));
  const link = /http:\/\/\S+\/staff\/set-password\?token=\S+/.exec(mail.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await context.clearCookies();
  await page.goto(link!.replace(/^http:\/\/[^/]+/, ""));
  await page.getByLabel("新密码", { exact: true }).fill(password);
  await page.getByLabel("再次输入新密码").fill(password);
  await page.getByRole("button", { name: "设置密码" }).click();
  await expect(page.getByRole("status")).toHaveText("密码已设置，现在可以登录。");
  await context.close();
}
