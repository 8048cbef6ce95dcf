import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import {
  demoPassword,
  errorSummary,
  registerCitizen,
  signInCitizen,
  signInNewStaff,
  signInNewStaffByRecoveryCode,
  signInStaff,
} from "../helpers/accounts";
import { waitForMail } from "../helpers/mail";

const password = "Caseworker-2027-pass";

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The administrator opens a person's page from the list, found by e-mail. */
async function openAccount(admin: Page, email: string): Promise<void> {
  await admin.goto(`/staff/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole("table").getByRole("link").first().click();
  await expect(admin.locator("main")).toContainText(email);
}

test("an administrator invites a caseworker, who sets a password and signs in; scope changes and disabling take effect at once", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `new-caseworker-${Date.now()}@example.cn`;
  const admin = await newPage(browser);
  await signInStaff(admin, "admin@example.cn");
  await admin.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "用户管理" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("用户管理");
  await expect(admin.getByRole("table")).toContainText("caseworker@example.cn");
  await expectAccessible(admin);

  await admin.getByRole("link", { name: "新建工作人员账号" }).click();
  await expectAccessible(admin);
  await admin.getByLabel("姓名").fill("孙新");
  await admin.getByLabel("工作邮箱").fill(email);
  await admin.locator("#account-role").selectOption("CASEWORKER");
  await admin.locator("#account-scope").selectOption("RSJ");
  await admin.getByRole("button", { name: "创建账号并发送邀请" }).click();
  await expect(admin.getByRole("status")).toHaveText("账号已创建，邀请邮件已发送。");
  await expect(admin.locator("main")).toContainText("邀请已发送，尚未使用");
  await expectAccessible(admin);

  // the invitation arrives over SMTP; its link sets the password once
  const mail = await waitForMail((m) => m.to.includes(email));
  const link = /http:\/\/\S+\/staff\/set-password\?token=\S+/.exec(mail.text ?? "")?.[0];
  expect(link).toBeTruthy();
  const path = link!.replace(/^http:\/\/[^/]+/, "");
  const caseworker = await newPage(browser);
  await caseworker.goto(path);
  await expect(caseworker.locator("main")).toContainText(email);
  await expectAccessible(caseworker);
  await caseworker.getByLabel("新密码", { exact: true }).fill("short1");
  await caseworker.getByLabel("再次输入新密码").fill("short1");
  await caseworker.getByRole("button", { name: "设置密码" }).click();
  await expect(errorSummary(caseworker)).toContainText("至少");
  await caseworker.getByLabel("新密码", { exact: true }).fill(password);
  await caseworker.getByLabel("再次输入新密码").fill(password);
  await caseworker.getByRole("button", { name: "设置密码" }).click();
  await expect(caseworker.getByRole("status")).toHaveText("密码已设置，现在可以登录。");
  await caseworker.goto(path);
  await expect(caseworker.locator("main")).toContainText("该链接已失效");

  await signInNewStaff(caseworker, email, password);
  await expect(caseworker.locator("main")).toContainText("窗口/承办人员 · 成都市人力资源和社会保障局");

  // the administrator moves the caseworker from 人社局 to 民政局: the open session loses access at once
  await openAccount(admin, email);
  await admin.locator("#grant-role").selectOption("CASEWORKER");
  await admin.locator("#grant-scope").selectOption("MZJ");
  await admin.getByRole("button", { name: "添加角色" }).click();
  await expect(admin.getByRole("status")).toContainText("角色已添加");
  await admin.getByRole("button", { name: "移除 窗口/承办人员 · 成都市人力资源和社会保障局" }).click();
  await expect(admin.getByRole("status")).toContainText("角色已移除");
  await expectAccessible(admin);

  await caseworker.goto("/staff");
  await expect(caseworker).toHaveURL(/\/staff\/sign-in$/);
  await signInNewStaff(caseworker, email, password);
  await expect(caseworker.locator("main")).toContainText("窗口/承办人员 · 成都市民政局");
  await expect(caseworker.locator("main")).not.toContainText("人力资源和社会保障局");

  // signed in on a second device too (by a recovery code: a second authenticator code in the same
  // 30-second step would wait for the next); disabling signs both out, and the password no longer works
  const laptop = await newPage(browser);
  await signInNewStaffByRecoveryCode(laptop, email, password);
  await openAccount(admin, email);
  await expect(admin.locator("main")).toContainText("2 个会话");
  await admin.getByRole("button", { name: "停用账号" }).click();
  await expect(admin.getByRole("status")).toHaveText("账号已停用，并已在所有设备上退出登录。");
  for (const device of [caseworker, laptop]) {
    await device.goto("/staff");
    await expect(device).toHaveURL(/\/staff\/sign-in$/);
  }
  await laptop.locator("#field-email").fill(email);
  await laptop.locator("#field-password").fill(password);
  await laptop.locator("form button[type=submit]").last().click();
  await expect(errorSummary(laptop)).toContainText("电子邮箱或密码不正确");
});

test("an administrator can neither remove their own administrator role nor disable themselves", async ({
  page,
}) => {
  await signInStaff(page, "admin@example.cn");
  await openAccount(page, "admin@example.cn");
  await page.getByRole("button", { name: "移除 系统管理员 · 全部部门" }).click();
  await expect(errorSummary(page)).toContainText("不能移除自己的系统管理员角色");
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(errorSummary(page).last()).toContainText("不能停用自己的账号");
  await expectAccessible(page);
  // still an administrator
  await page.goto("/staff/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("用户管理");
});

test("an administrator resets a citizen's password: the mailed link opens the public page, and the password set there signs in", async ({
  browser,
}) => {
  // a person of their own: a reset ends the account's sessions and its password until a new one is set
  const email = `reset-${Date.now()}@example.cn`;
  const citizen = await newPage(browser);
  await registerCitizen(citizen, email);
  await citizen.context().clearCookies();
  const admin = await newPage(browser);
  await signInStaff(admin, "admin@example.cn");
  await openAccount(admin, email);
  await admin.getByRole("button", { name: "重置密码" }).click();
  await expect(admin.getByRole("status")).toContainText("密码已重置");
  await expect(admin.locator("main")).toContainText("重置链接已发送，尚未使用");

  const mail = await waitForMail((m) => m.to.includes(email) && /set-password\?token=/.test(m.text ?? ""));
  // in the language the person registered in
  const link = /http:\/\/\S+\/en\/set-password\?token=\S+/.exec(mail.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await citizen.goto(link!.replace(/^http:\/\/[^/]+/, ""));
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Set your password");
  await expectAccessible(citizen);
  await citizen.getByLabel("New password", { exact: true }).fill(demoPassword);
  await citizen.getByLabel("New password again").fill(demoPassword);
  await citizen.getByRole("button", { name: "Set password" }).click();
  await expect(citizen.getByRole("status")).toHaveText("Your password is set. You can sign in now.");
  await signInCitizen(citizen, email, "en");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the new-account form shows its errors and keeps what was typed", async ({ page }) => {
    await signInStaff(page, "admin@example.cn");
    await page.goto("/staff/users/new");
    await page.getByLabel("姓名").fill("钱多");
    await page.getByLabel("工作邮箱").fill("not-an-address");
    await page.getByRole("button", { name: "创建账号并发送邀请" }).click();
    await expect(errorSummary(page)).toContainText("请输入正确的工作邮箱");
    await expect(page.getByLabel("姓名")).toHaveValue("钱多");
    await expect(page.getByLabel("工作邮箱")).toHaveValue("not-an-address");
    await expect(page.locator("#account-role-error")).toBeVisible();
    await page.getByLabel("工作邮箱").fill("caseworker@example.cn");
    await page.locator("#account-role").selectOption("EDITOR");
    await page.locator("#account-scope").selectOption("all");
    await page.getByRole("button", { name: "创建账号并发送邀请" }).click();
    await expect(errorSummary(page)).toContainText("该电子邮箱已有账号");
  });
});

test("only administrators see Users: a supervisor gets no link and a 404", async ({ page }) => {
  await signInStaff(page, "supervisor@example.cn");
  await expect(page.getByRole("navigation", { name: "工作台导航" })).not.toContainText("用户管理");
  for (const path of ["/staff/users", "/staff/users/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
});
