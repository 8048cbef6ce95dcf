import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import {
  errorSummary,
  newStaffCode,
  signInNewStaff,
  signInNewStaffByRecoveryCode,
} from "../helpers/accounts";
import { invitedStaff } from "../helpers/staff";

const password = "Account-spec-2027";

test("a staff member's password change signs out their other sessions; two-factor status and new recovery codes", async ({
  browser,
}) => {
  // an account of its own: changing a demo account's password would sign other specs out
  const email = `account-${Date.now()}@example.cn`;
  await invitedStaff(browser, email, password);
  const desk = await (await browser.newContext()).newPage();
  const other = await (await browser.newContext()).newPage();
  await signInNewStaff(desk, email, password);
  // the second session by a recovery code: a second authenticator code would wait for the next step
  await signInNewStaffByRecoveryCode(other, email, password);

  await desk.getByRole("link", { name: /新同事/ }).click();
  await expect(desk).toHaveURL(/\/staff\/account$/);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("我的账户");
  await expect(desk.locator("#two-factor").locator("..")).toContainText("已启用");
  await expectAccessible(desk);

  const change = async (from: string, to: string) => {
    await desk.goto("/staff/account");
    await desk.getByLabel("当前密码").fill(from);
    await desk.getByLabel("新密码", { exact: true }).fill(to);
    await desk.getByLabel("再次输入新密码").fill(to);
    await desk.getByRole("button", { name: "修改密码" }).click();
    await expect(desk.getByRole("status")).toContainText("密码已修改");
  };
  await change(password, "Changed-pass-2027");
  await desk.goto("/staff");
  await expect(desk).toHaveURL(/\/staff$/);
  await other.goto("/staff");
  await expect(other).toHaveURL(/\/staff\/sign-in$/);
  await change("Changed-pass-2027", password);

  // new recovery codes need a current code; a wrong one is refused
  await desk.goto("/staff/account");
  const recovery = desk.locator("#recovery-code");
  await recovery.fill("000000");
  await desk.getByRole("button", { name: "生成新的恢复码" }).click();
  await expect(errorSummary(desk)).toContainText("动态验证码不正确");
  await desk.locator("#recovery-code").fill(await newStaffCode(email));
  await desk.getByRole("button", { name: "生成新的恢复码" }).click();
  await expect(desk.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
});
