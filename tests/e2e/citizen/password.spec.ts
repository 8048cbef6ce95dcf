import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { demoPassword, errorSummary, registerCitizen, signInCitizen } from "../helpers/accounts";

const newPassword = "Changed-pass-2027";

async function changePasswordOn(page: Page, from: string, to: string): Promise<void> {
  await page.goto("/en/account/password");
  await page.getByLabel("Current password").fill(from);
  await page.getByLabel("New password", { exact: true }).fill(to);
  await page.getByLabel("Enter the new password again").fill(to);
  await page.getByRole("button", { name: "Change password" }).click();
}

/**
 * A person of this file's own (a password change and "sign out of all other sessions" would sign
 * other specs' users of a demo account out), registered by the first test of this test process
 * that asks and signed in on two devices; the tests leave them with the demo password.
 */
let person: string | undefined;
async function laptopAndPhone(browser: Browser): Promise<{ laptop: Page; phone: Page }> {
  const laptop = await (await browser.newContext()).newPage();
  if (person) await signInCitizen(laptop, person, "en");
  else {
    const email = `password-${Date.now()}@example.cn`;
    await registerCitizen(laptop, email);
    person = email;
  }
  const phone = await (await browser.newContext()).newPage();
  await signInCitizen(phone, person, "en");
  return { laptop, phone };
}

test("a citizen's password change signs out every other session at once; sessions show a readable device", async ({
  browser,
}) => {
  const { laptop, phone } = await laptopAndPhone(browser);

  await laptop.goto("/en/account/sessions");
  // "Chrome on Linux", not the raw user agent
  await expect(laptop.locator("tbody tr").first()).toContainText(/ on (Linux|Windows|macOS|Android|iOS)/);
  await expect(laptop.locator("tbody")).not.toContainText("Mozilla/5.0");

  await laptop.goto("/en/account");
  await laptop.getByRole("link", { name: "Change your password" }).click();
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("Change your password");
  await expectAccessible(laptop);

  // a wrong current password changes nothing
  await changePasswordOn(laptop, "not-the-password-1", newPassword);
  await expect(errorSummary(laptop)).toContainText("Your current password is not right");
  await phone.goto("/en/account");
  await expect(phone).toHaveURL(/\/en\/account$/);

  await changePasswordOn(laptop, demoPassword, newPassword);
  await expect(laptop.getByRole("status")).toContainText("Your password has been changed");
  await laptop.goto("/en/account");
  await expect(laptop).toHaveURL(/\/en\/account$/);
  await phone.goto("/en/account");
  await expect(phone).toHaveURL(/\/en\/sign-in\?returnTo=/);

  // and the new password is the one that works from now on: back again, for the next test
  await changePasswordOn(laptop, newPassword, demoPassword);
  await expect(laptop.getByRole("status")).toContainText("Your password has been changed");
});

test("signing out of the other sessions keeps this one", async ({ browser }) => {
  const { laptop, phone } = await laptopAndPhone(browser);
  await laptop.goto("/en/account/sessions");
  await laptop.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(laptop.getByRole("status")).toContainText("The session has been ended");
  await expect(laptop.locator("tbody tr")).toHaveCount(1);
  await phone.goto("/en/account");
  await expect(phone).toHaveURL(/\/en\/sign-in\?returnTo=/);
});
