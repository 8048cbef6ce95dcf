import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInStaff } from "../helpers/accounts";

test.describe("search synonyms without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an administrator adds a group, search uses it at once, and the group is deleted", async ({
    page,
  }) => {
    await signInStaff(page, "admin@example.cn");
    await page.getByRole("link", { name: "搜索同义词" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("搜索同义词");
    await expect(page.locator("main")).toContainText("低保、最低生活保障");

    await page.locator("#new-terms").fill("就业手续");
    await page.getByRole("button", { name: "新增" }).click();
    await expect(errorSummary(page)).toContainText("至少输入两个不同的词");

    await page.locator("#new-terms").fill("就业手续、就业登记");
    await page.getByRole("button", { name: "新增" }).click();
    await expect(page.getByRole("status")).toHaveText("已保存。");

    await page.goto(`/zh-Hans/search?q=${encodeURIComponent("就业手续")}`);
    await expect(page.locator("main ol > li").first().getByRole("link")).toHaveAttribute(
      "href",
      "/zh-Hans/services/RS-JYDJ-001",
    );

    await page.goto("/staff/search/synonyms");
    const group = page.locator("section", { has: page.getByRole("heading", { name: /就业手续、就业登记/ }) });
    await group.getByRole("button", { name: "删除这一组" }).click();
    await expect(page.getByRole("status")).toHaveText("已删除。");
    await expect(page.locator("main")).not.toContainText("就业手续");
  });
});

test("the synonyms page passes axe, and is for administrators only", async ({ page }) => {
  await signInStaff(page, "admin@example.cn");
  await page.goto("/staff/search/synonyms");
  await expectAccessible(page);
  await page.getByRole("button", { name: "退出登录" }).click();
  await signInStaff(page, "editor@example.cn");
  await expect(page.getByRole("link", { name: "搜索同义词" })).toHaveCount(0);
  const response = await page.goto("/staff/search/synonyms");
  expect(response?.status()).toBe(404);
});
