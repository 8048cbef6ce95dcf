import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { notices } from "../../../prisma/seed/data/notices";

const locales = ["zh-Hans", "zh-Hant", "en"] as const;
const interpretationNames = {
  "zh-Hans": { interpretations: "政策解读", original: "原文" },
  "zh-Hant": { interpretations: "政策解讀", original: "原文" },
  en: { interpretations: "Policy interpretation", original: "Original document" },
};

for (const locale of locales) {
  test(`service catalogue and guide in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/services`);
    await expectAccessible(page);
    await page.goto(`/${locale}/services/RS-JYDJ-001`);
    await expect(page.locator("h1")).toBeVisible();
    await expect(page.getByText("RS-JYDJ-001").first()).toBeVisible();
    await expect(page.locator("table")).toBeVisible();
    await expectAccessible(page);
  });

  test(`disclosure catalogue and document in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/disclosure`);
    await expectAccessible(page);
    await page.goto(`/${locale}/disclosure/SZF/2006-00001`);
    await expect(page.getByText("SZF/2006-00001").first()).toBeVisible();
    await expectAccessible(page);

    // 政策解读 ↔ 原文: the seeded pension notice links to its interpretation, and back
    await test.step("政策解读 ↔ 原文", async () => {
      const names = interpretationNames[locale];
      await page.goto(`/${locale}/disclosure/RSJ/2025-00001`);
      // the seeded interpretation comes first (oldest first); a browser test may add another
      await page
        .getByRole("region", { name: names.interpretations, exact: true })
        .getByRole("link")
        .first()
        .click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/disclosure/RSJ/2025-00003$`));
      await expect(
        page.getByRole("region", { name: names.original, exact: true }).getByRole("link"),
      ).toHaveAttribute("href", `/${locale}/disclosure/RSJ/2025-00001`);
      // axe once, where the Chinese-only titles must be marked
      if (locale === "en") await expectAccessible(page);
    });
  });

  test(`notice list and a notice in ${locale}`, async ({ page }) => {
    await page.goto(`/${locale}/notices`);
    await expectAccessible(page);
    await page.locator("main ul li h2 a").first().click();
    await expect(page.locator("h1")).toBeVisible();
    await expectAccessible(page);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the service filters narrow the catalogue to organisations", async ({ page }) => {
    await page.goto("/zh-Hans/services");
    const all = await page.locator("main ul > li").count();
    await page.locator("#f-audience").selectOption("LEGAL_PERSON");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/audience=LEGAL_PERSON/);
    const legal = await page.locator("main ul > li").count();
    expect(legal).toBeGreaterThan(0);
    expect(legal).toBeLessThan(all);
    await expect(page.locator("h1")).toHaveText("法人办事");
  });

  test("the guide shows every 办事指南 element", async ({ page }) => {
    await page.goto("/zh-Hans/services/RS-JYDJ-001");
    for (const term of [
      "事项名称",
      "事项编码",
      "事项类型",
      "服务对象",
      "实施主体",
      "设定依据",
      "受理条件",
      "申请材料",
      "办理流程",
      "法定办结时限",
      "承诺办结时限",
      "收费标准",
      "办理地点",
      "办理时间",
      "咨询电话",
      "监督投诉电话",
      "到办事现场次数",
      "办理结果",
      "送达方式",
    ]) {
      await expect(page.getByText(term, { exact: true }).first(), term).toBeVisible();
    }
    await expect(page.getByText("全程网办").first()).toBeVisible();
  });

  test("the disclosure catalogue filters by department with counts, and a document shows all its metadata", async ({
    page,
  }) => {
    await page.goto("/zh-Hans/disclosure");
    // the plan is filed under its issuer, the city government (成府发)
    const option = page.locator("#d-department option[value='SZF']");
    const count = Number((await option.textContent())?.match(/（(\d+)）/)?.[1]);
    expect(count).toBeGreaterThan(0);
    await page.locator("#d-department").selectOption("SZF");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByRole("status")).toContainText(String(count));
    await expect(page.locator("tbody tr")).toHaveCount(count);
    await page
      .getByRole("link", { name: /十一五/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/zh-Hans\/disclosure\/SZF\/2006-00001$/);
    for (const term of [
      "索引号",
      "主题分类",
      "发布机构",
      "成文日期",
      "发布日期",
      "文号",
      "主题词",
      "有效性",
      "来源",
    ]) {
      await expect(page.locator("dt", { hasText: term }).first(), term).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "内容概述" })).toBeVisible();
    await expect(page.locator(".prose-gov h3").first()).toHaveText("一、发展条件");
    await expect(page.locator(".prose-gov h4").first()).toHaveText("（一）发展基础");
    await expect(page.locator(".prose-gov")).toContainText("门户网站");
  });

  test("an expired notice leaves the list but keeps its page, which says it expired", async ({ page }) => {
    const expired = notices.find((n) => n.expiresInDays !== undefined && n.expiresInDays < 0)!;
    const current = notices.find((n) => n.expiresInDays === undefined || n.expiresInDays > 0)!;
    const listed = async () =>
      page.locator("main ul li h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await page.goto(`/zh-Hans/notices?community=${current.communities[0]}`);
    expect(await listed()).toContain(`/zh-Hans/notices/${current.key}`);
    await page.goto(`/zh-Hans/notices?community=${expired.communities[0]}`);
    expect(await listed()).not.toContain(`/zh-Hans/notices/${expired.key}`);
    const response = await page.goto(`/zh-Hans/notices/${expired.key}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText(expired.title);
    await expect(page.getByRole("note")).toContainText("过期");
  });
});
