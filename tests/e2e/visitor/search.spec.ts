import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a plain GET form: query, highlights, type filter and pages", async ({ page }) => {
    await page.goto("/zh-Hans/search");
    await page.getByRole("searchbox").fill("服务");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/search\?q=%E6%9C%8D%E5%8A%A1/);
    await expect(page.getByRole("status")).toContainText("找到");
    const results = page.locator("main ol > li");
    await expect(results).toHaveCount(10);
    await expect(page.locator("main ol mark").first()).toHaveText(/服务/);

    await page.getByRole("link", { name: /^下一页/ }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/第 2 页/)).toBeVisible();

    await page
      .getByRole("navigation", { name: "按类型筛选" })
      .getByRole("link", { name: /^办事服务/ })
      .click();
    await expect(page).toHaveURL(/type=service/);
    await expect(
      page.getByRole("navigation", { name: "按类型筛选" }).getByRole("link", { name: /^办事服务/ }),
    ).toHaveAttribute("aria-current", "page");
    const labels = await page.locator("main ol > li > p:first-child").allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toContain("办事服务");
  });

  test("synonyms, Traditional queries, and help when nothing is found", async ({ page }) => {
    await page.goto(`/zh-Hans/search?q=${encodeURIComponent("低保")}`);
    await expect(page.getByRole("link", { name: /最低生活保障申请/ })).toBeVisible();
    await expect(page.getByText(/同时搜索了同义词：最低生活保障/)).toBeVisible();
    await page.goto(`/zh-Hant/search?q=${encodeURIComponent("就業登記")}`);
    await expect(page.locator("main ol > li").first().getByRole("link")).toHaveAttribute(
      "href",
      "/zh-Hant/services/RS-JYDJ-001",
    );
    await page.goto(`/zh-Hans/search?q=${encodeURIComponent("生活补助zz")}`);
    await expect(page.getByRole("status")).toContainText("没有找到");
    await expect(page.getByRole("link", { name: /最低生活保障申请/ })).toBeVisible();
    await expect(page.locator("main").getByText(/热线 12345/)).toBeVisible();
  });
});

test("search results and the empty answer pass axe", async ({ page }) => {
  await page.goto(`/en/search?q=${encodeURIComponent("employment")}`);
  await expect(page.locator("main ol mark").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/zh-Hans/search?q=${encodeURIComponent("生活补助zz")}`);
  await expectAccessible(page);
});
