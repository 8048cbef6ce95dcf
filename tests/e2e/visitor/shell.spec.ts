import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";

const locales = ["zh-Hans", "zh-Hant", "en"] as const;
const navLabel = { "zh-Hans": "政务服务", "zh-Hant": "政務服務", en: "Services" };

test.describe("the root redirect", () => {
  test("sends a Chinese or unknown browser to /zh-Hans", async ({ request }) => {
    for (const header of ["zh-CN,zh;q=0.9", "de-DE"]) {
      const response = await request.get("/", { headers: { "Accept-Language": header }, maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toMatch(/\/zh-Hans$/);
    }
  });

  test("follows Accept-Language to English and Traditional Chinese", async ({ request }) => {
    const en = await request.get("/", { headers: { "Accept-Language": "en-GB,en;q=0.8" }, maxRedirects: 0 });
    expect(en.headers().location).toMatch(/\/en$/);
    const hant = await request.get("/", { headers: { "Accept-Language": "zh-TW" }, maxRedirects: 0 });
    expect(hant.headers().location).toMatch(/\/zh-Hant$/);
  });
});

for (const locale of locales) {
  test.describe(`the shell in ${locale}`, () => {
    test("home page: lang, navigation, footer, search box, entries, latest items; no axe violations", async ({
      page,
    }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const nav = page.getByRole("navigation", {
        name: locale === "en" ? "Main navigation" : locale === "zh-Hant" ? "主導航" : "主导航",
      });
      await expect(nav.getByRole("link")).toHaveCount(6);
      await expect(nav.getByRole("link", { name: navLabel[locale] })).toBeVisible();
      await expect(
        nav.getByRole("link", {
          name: locale === "en" ? "Letters" : locale === "zh-Hant" ? "互動交流" : "互动交流",
        }),
      ).toHaveAttribute("href", `/${locale}/letters`);
      await expect(page.getByRole("search")).toBeVisible();
      await expect(page.locator("footer")).toContainText("5101000001");
      await expect(page.locator("footer")).toContainText(
        locale === "zh-Hant" ? "蜀ICP備05003304號" : "蜀ICP备05003304号",
      );
      await expect(page.locator("h1")).toHaveCount(1);
      await expectAccessible(page);
    });

    test("skip link moves focus to the main content", async ({ page }) => {
      await page.goto(`/${locale}`);
      await page.keyboard.press("Tab");
      const skip = page.locator("a[href='#main']");
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/#main$/);
    });

    test("the language switcher keeps the current page", async ({ page }) => {
      await page.goto(`/${locale}/services/RS-JYDJ-001`);
      const other = locales.find((l) => l !== locale)!;
      await page.locator(`a[hreflang='${other}']`).first().click();
      await expect(page).toHaveURL(new RegExp(`/${other}/services/RS-JYDJ-001$`));
      await expect(page.locator("html")).toHaveAttribute("lang", other);
    });
  });
}

test.describe("English UI", () => {
  test("/en shows English navigation and an English service name", async ({ page }) => {
    await page.goto("/en");
    await expect(page.getByRole("link", { name: "Open government" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Track a case" })).toBeVisible();
    await page.goto("/en/services/RS-JYDJ-001");
    await expect(page.locator("h1")).toHaveText("Employment registration");
  });
});

test.describe("elder mode", () => {
  test.use({ javaScriptEnabled: false });

  test("turns on and off without JavaScript and is kept across pages", async ({ page }) => {
    await page.goto("/zh-Hans/notices");
    await page.getByRole("button", { name: "长辈版" }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/notices$/);
    await expect(page.locator("html")).toHaveClass(/elder/);
    await page.goto("/zh-Hans/services");
    await expect(page.locator("html")).toHaveClass(/elder/);
    await page.getByRole("button", { name: "退出长辈版" }).click();
    await expect(page.locator("html")).not.toHaveClass(/elder/);
    // the header's links and switch keep the query too
    await page.goto("/zh-Hans/services?audience=LEGAL_PERSON");
    await expect(page.locator("a[hreflang='en']")).toHaveAttribute(
      "href",
      "/en/services?audience=LEGAL_PERSON",
    );
    await page.getByRole("button", { name: "长辈版" }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/services\?audience=LEGAL_PERSON$/);
    await page.getByRole("button", { name: "退出长辈版" }).click();
    await expect(page).toHaveURL(/\/zh-Hans\/services\?audience=LEGAL_PERSON$/);
  });
});

test("after a client-side navigation the language links and the 长辈版 switch name the page the visitor is on", async ({
  page,
}) => {
  await page.goto("/zh-Hans");
  // a mark that survives client-side navigation and is lost on a full page load
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const sameDocument = () => page.evaluate(() => "sameDocument" in window);
  await page.locator("a[href='/zh-Hans/services?audience=LEGAL_PERSON']").click();
  await expect(page.locator("h1")).toHaveText("法人办事");
  expect(await sameDocument()).toBe(true);
  await expect(page.locator("a[hreflang='en']")).toHaveAttribute(
    "href",
    "/en/services?audience=LEGAL_PERSON",
  );
  await expect(page.locator("a[hreflang='zh-Hant']")).toHaveAttribute(
    "href",
    "/zh-Hant/services?audience=LEGAL_PERSON",
  );
  await page.getByRole("button", { name: "长辈版" }).click();
  await expect(page.locator("html")).toHaveClass(/elder/);
  await expect(page).toHaveURL(/\/zh-Hans\/services\?audience=LEGAL_PERSON$/);
  // and again in senior mode, to another section
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: navLabel["zh-Hans"] })
    .click();
  await expect(page).toHaveURL(/\/zh-Hans\/services$/);
  expect(await sameDocument()).toBe(true);
  await expect(page.locator("a[hreflang='en']")).toHaveAttribute("href", "/en/services");
  await page.getByRole("button", { name: "退出长辈版" }).click();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  await expect(page).toHaveURL(/\/zh-Hans\/services$/);
  await page.locator("a[hreflang='en']").click();
  await expect(page).toHaveURL(/\/en\/services$/);
});

test.describe("pages that do not exist", () => {
  test("answer 404 with a localised page", async ({ page }) => {
    const response = await page.goto("/en/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText("Page not found");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("elder mode pages pass axe (large type, high contrast)", async ({ page }) => {
  await page.goto("/zh-Hans/services");
  await page.getByRole("button", { name: "长辈版" }).click();
  await expect(page.locator("html")).toHaveClass(/elder/);
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(parseFloat(size)).toBeGreaterThanOrEqual(20);
  await expectAccessible(page);
  await page.goto("/zh-Hans");
  await expectAccessible(page);
});

test.describe("the other public pages", () => {
  for (const locale of ["zh-Hans", "en"] as const) {
    test(`search, sign-in, contact, site map and accessibility statement pass axe in ${locale}`, async ({
      page,
    }) => {
      await page.goto(`/${locale}/search?q=${encodeURIComponent("就业")}`);
      await expect(page.locator("main a[href*='/services/RS-JYDJ-001']")).toBeVisible();
      await expectAccessible(page);
      for (const path of ["sign-in", "contact", "sitemap", "accessibility"]) {
        await page.goto(`/${locale}/${path}`);
        await expect(page.locator("h1")).toHaveCount(1);
        await expectAccessible(page);
      }
    });
  }
});
