import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary } from "../helpers/accounts";
import { waitForMail } from "../helpers/mail";

const password = "Register-2026";
const pathOf = (url: string) => url.replace(/^http:\/\/[^/]+/, "");

test("without JavaScript, a citizen changes their e-mail address by the link mailed to the new one", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  const stamp = Date.now();
  const oldEmail = `move-${stamp}@example.cn`;
  const newEmail = `moved-${stamp}@example.cn`;
  await page.goto("/en/register");
  await page.getByLabel("Individual", { exact: true }).check();
  await page.locator("#field-name").fill("Wang Fang");
  await page.locator("#field-email").fill(oldEmail);
  await page.locator("#field-password").fill(password);
  await page.locator("#field-confirm").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  const welcome = await waitForMail((m) => m.to.includes(oldEmail));
  await page.goto(pathOf(/http:\/\/\S+\/register\/confirm\?token=\S+/.exec(welcome.text ?? "")![0]));
  await page.getByRole("button", { name: "Confirm my account" }).click();
  await expect(page).toHaveURL(/\/en\/account\?welcome=1$/);

  await page.getByRole("link", { name: "Change your e-mail address" }).click();
  await expect(page.locator("main")).toContainText(oldEmail);
  // a wrong password names its field and keeps the address typed
  await page.getByLabel("New e-mail address").fill(newEmail);
  await page.getByLabel("Your password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(errorSummary(page)).toContainText("The password is not right");
  await expect(page.getByLabel("New e-mail address")).toHaveValue(newEmail);
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("A link has been sent to the new address");

  const mail = await waitForMail((m) => m.to.includes(newEmail));
  const link = /http:\/\/\S+\/account\/email\/confirm\?token=\S+/.exec(mail.text ?? "")![0];
  // opening the link changes nothing: the page asks first
  await page.goto(pathOf(link));
  await expect(page.locator("main")).toContainText(newEmail);
  await page.getByRole("button", { name: "Change my address" }).click();
  await expect(page.getByRole("status")).toContainText("Your e-mail address has been changed");
  const told = await waitForMail((m) => m.to.includes(oldEmail) && /changed/.test(m.subject ?? ""));
  expect(told.text).toContain("m***@example.cn");
  // a second use of the link does nothing
  await page.goto(pathOf(link));
  await expect(page.getByRole("alert")).toContainText("This link does not work any more");

  await page.goto("/en/account/profile");
  await expect(page.locator("main")).toContainText(newEmail);

  // the pages pass axe (with JavaScript, where axe runs)
  const checked = await (await browser.newContext()).newPage();
  await checked.goto("/en/sign-in");
  await checked.locator("#field-email").fill(newEmail);
  await checked.locator("#field-password").fill(password);
  await checked.locator("form button[type=submit]").last().click();
  await expect(checked).toHaveURL(/\/en\/account/);
  await checked.goto("/en/account/email");
  await expectAccessible(checked);
  await checked.goto(pathOf(link));
  await expectAccessible(checked);
});
