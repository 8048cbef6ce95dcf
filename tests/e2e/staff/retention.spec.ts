import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInStaff } from "../helpers/accounts";

test("an administrator sets a retention period and the privacy notice says so", async ({ page }) => {
  await signInStaff(page, "admin@example.cn");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "保存期限" }).click();
  await expect(page).toHaveURL(/\/staff\/retention$/);
  await expectAccessible(page);
  const field = page.getByLabel("邮件正文和收件地址（发送后，天）");
  await expect(field).toHaveValue("180");
  await field.fill("0");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.getByLabel("邮件正文和收件地址（发送后，天）")).toHaveValue("0");
  await expectAccessible(page);
  await page.getByLabel("邮件正文和收件地址（发送后，天）").fill("120");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("保存期限已更新。");
  await page.goto("/en/privacy");
  await expect(page.locator("main")).toContainText("120 days after sending");
  // back to the default, for the other tests
  await page.goto("/staff/retention");
  await page.getByLabel("邮件正文和收件地址（发送后，天）").fill("180");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toBeVisible();
});

test("a caseworker does not find the retention settings", async ({ page }) => {
  await signInStaff(page, "caseworker@example.cn");
  const response = await page.goto("/staff/retention");
  expect(response?.status()).toBe(404);
});
