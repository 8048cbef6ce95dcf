import { expect, test, type Page } from "@playwright/test";
import { axeOn, expectAccessible } from "../helpers/axe";

/**
 * Issue 14, points 2, 4, 12 and 13, as a visitor sees them: English pages that say what is not
 * English, urgent notices first with the home page's banner, senior mode's own home page, and the
 * RSS feed read as a page. One test per point, zh-Hans and en in each.
 */

/** Text in Han characters in `main` that no element marks as Chinese (lang="zh-…"): should be none. */
async function unmarkedChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!/\p{Script=Han}/u.test(text) || node.parentElement?.closest("script, style")) continue;
      const marked = node.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "";
      if (!marked.startsWith("zh")) found.push(text.trim().slice(0, 40));
    }
    return found;
  });
}

/** Nothing on the page scrolls sideways at the current width. */
async function expectNoSideways(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, page.url()).toBeLessThanOrEqual(client);
}

test("English pages mark and label untranslated content once; zh pages carry no label; zh-Hant in Taiwan wording", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const note = page.locator("main > .untranslated-note");
  const pages: string[] = ["/en", "/en/services/RS-JYDJ-001", "/en/notices", "/en/disclosure"];
  await page.goto("/en/notices");
  const untranslatedNotice = page.locator("main ul.grid > li h2 a:has(span[lang='zh-Hans'])").first();
  pages.push(new URL(await untranslatedNotice.evaluate((a) => (a as HTMLAnchorElement).href)).pathname);
  await page.goto("/en/disclosure");
  const documents = await page
    .locator("main a[href*='/disclosure/']")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  pages.push(documents.find((path) => /\/disclosure\/[A-Z]+\/\d{4}-\d{5}$/.test(path))!);
  for (const path of pages) {
    await page.goto(path);
    expect(await unmarkedChinese(page), path).toEqual([]);
    // the label, once, where the page holds Chinese
    await expect(note, path).toHaveCount(1);
    if (await page.locator("main [lang|='zh']").count()) await expect(note, path).toBeVisible();
  }
  // the document page: English field names, Chinese body marked, and axe clean
  await expect(page.locator("main")).toContainText("Keywords");
  await expect(page.locator("main")).toContainText("Validity");
  await expect(page.locator("footer")).toContainText("Sponsored by");
  await expect(page.getByRole("button", { name: "Senior mode" })).toBeVisible();
  await expect(note).toHaveText(/^Available in Chinese only/);
  await expectAccessible(page);
  // a page with nothing in Chinese says nothing
  await page.goto("/en/track");
  await expect(note).toBeHidden();
  // Chinese pages have no such label at all
  await page.goto("/zh-Hans/disclosure");
  await expect(note).toHaveCount(0);
  // zh-Hant: Taiwan forms and wording, in the interface and in converted content
  await page.goto("/zh-Hant/services/RS-JYDJ-001");
  await expect(page.getByRole("link", { name: /線上辦理/ }).first()).toBeVisible();
  await page.goto("/zh-Hant/disclosure");
  await expect(page.locator("h1")).toHaveText("政府資訊主動公開目錄");
  expect(await page.locator("main").innerText()).not.toMatch(/[爲裏羣]/);
  await expect(note).toHaveCount(0);
});

test("urgent notices come first, and the current emergency is the home page's banner (zh-Hans, en, phone)", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const coldWave = { "zh-Hans": "【紧急】寒潮蓝色预警", en: "URGENT: Cold Wave Blue Warning" } as const;
  for (const locale of ["zh-Hans", "en"] as const) {
    await page.goto(`/${locale}`);
    const banner = page.getByTestId("urgent-banner");
    await expect(banner.getByRole("heading")).toHaveText(locale === "en" ? "Emergency" : "紧急通知");
    await banner.getByRole("link", { name: coldWave[locale] }).click();
    await expect(page.locator("h1")).toContainText(coldWave[locale]);
    await page.goto(`/${locale}`);
    // the latest notices lead with it too, marked urgent
    await expect(page.locator("#latest-notices + ul > li").first()).toContainText(coldWave[locale]);
    await expectAccessible(page);
    // the community list: urgent before every pinned routine notice
    await page.goto(`/${locale}/notices`);
    const items = page.locator("main ul.grid > li h2");
    await expect(items.first()).toContainText(locale === "en" ? "Urgent" : "紧急");
    await expect(items.first()).toContainText(coldWave[locale]);
    const badges = await items.evaluateAll((headings) =>
      headings.map((h) => [...h.querySelectorAll("span.bg-brand")].map((s) => s.textContent).join(" ")),
    );
    const pinned = locale === "en" ? "Pinned" : "置顶";
    const firstPinned = badges.findIndex(
      (b) => b.includes(pinned) && !b.includes(locale === "en" ? "Urgent" : "紧急"),
    );
    const lastUrgent = badges.map((b) => b.includes(locale === "en" ? "Urgent" : "紧急")).lastIndexOf(true);
    expect(lastUrgent).toBeGreaterThanOrEqual(0);
    if (firstPinned >= 0) expect(lastUrgent).toBeLessThan(firstPinned);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/zh-Hans");
  await expect(page.getByTestId("urgent-banner")).toBeVisible();
  await expectNoSideways(page);
});

test.describe("senior mode", () => {
  test.use({ javaScriptEnabled: false });

  test("a simpler home page: big tiles, the hotline as one tap, large targets, the rest hidden (zh-Hans, en, phone)", async ({
    browser,
    page,
  }) => {
    test.setTimeout(180_000);
    for (const locale of ["zh-Hans", "en"] as const) {
      await page.goto(`/${locale}`);
      await expect(page.getByTestId("elder-home")).toBeHidden();
      await expect(page.locator("#themes")).toBeVisible();
      await page.getByRole("button", { name: locale === "en" ? "Senior mode" : "长辈版" }).click();
      await expect(page.locator("html")).toHaveClass(/elder/);
      const home = page.getByTestId("elder-home");
      await expect(home).toBeVisible();
      const call = home.getByRole("link", { name: locale === "en" ? "Call 12345" : "拨打 12345" });
      await expect(call).toHaveAttribute("href", "tel:12345");
      const tiles = home.getByRole("listitem").getByRole("link");
      expect(await tiles.count()).toBeGreaterThanOrEqual(4);
      await expect(
        tiles.filter({ hasText: locale === "en" ? "Employment registration" : "就业登记" }),
      ).toHaveCount(1);
      // the parts senior mode leaves out are really hidden
      for (const hidden of ["#themes", "#hot", "#latest-documents", "#entries"])
        await expect(page.locator(hidden), hidden).toBeHidden();
      await expect(page.getByTestId("urgent-banner")).toBeVisible();
      // read-aloud needs the browser's speech: without JavaScript the header says so instead
      await expect(page.locator("header")).toContainText(
        locale === "en" ? "Reading aloud needs JavaScript" : "朗读本页需要浏览器开启 JavaScript",
      );
      // every tile, the call button and the header's controls are at least 48 px tall
      const heights = await page
        .locator("[data-testid='elder-home'] a, header button, header nav a")
        .evaluateAll((els) =>
          els
            // the phone menu's copy of the navigation is not rendered at this width
            .filter((e) => e.getClientRects().length > 0)
            .map((e) => [e.textContent?.trim(), e.getBoundingClientRect().height] as const),
        );
      for (const [label, height] of heights) expect(height, label).toBeGreaterThanOrEqual(48);
      // axe runs as a script, so it needs a context with JavaScript on, and must say so: inside this
      // describe, browser.newContext() inherits javaScriptEnabled: false from test.use
      const checked = await (
        await browser.newContext({
          javaScriptEnabled: true,
          storageState: await page.context().storageState(),
        })
      ).newPage();
      await checked.goto(page.url());
      await expect(checked.getByTestId("elder-home")).toBeVisible();
      // with JavaScript and speech the control replaces the note (what a voice does is the browser's)
      const read = checked.getByRole("button", {
        name: locale === "en" ? "Read this page aloud" : "朗读本页",
      });
      await expect(read).toBeVisible();
      await expect(checked.locator("header")).not.toContainText(
        locale === "en" ? "Reading aloud needs JavaScript" : "朗读本页需要浏览器开启 JavaScript",
      );
      await expectAccessible(checked);
      await checked.context().close();
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSideways(page);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByRole("button", { name: locale === "en" ? "Leave senior mode" : "退出长辈版" }).click();
      await expect(page.getByTestId("elder-home")).toBeHidden();
    }
  });
});

test("the RSS feed reads as a page in the browser, with links to the public address (zh-Hans, en)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  for (const locale of ["zh-Hans", "en"] as const) {
    const response = await page.goto(`/${locale}/notices/feed.xml`);
    expect(response?.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    await expect(page.locator("h1")).toHaveText(locale === "en" ? "Community notices" : "社区公告");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("p.about")).toContainText("RSS");
    // the one hashed style applies (the policy allows it and nothing else)
    expect(await page.locator("p.about").evaluate((p) => getComputedStyle(p).backgroundColor)).toBe(
      "rgb(245, 246, 248)",
    );
    const links = await page
      .locator("main a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(link.startsWith(`${baseURL}/${locale}/notices`), link).toBe(true);
    const first = page.locator("main li").first();
    await expect(first.locator("h2")).toContainText(locale === "en" ? "URGENT" : "【紧急】");
    await expect(first.locator(".meta")).toContainText(
      locale === "en" ? /\d{1,2} [A-Z][a-z]+ 20\d\d/ : /20\d\d年/,
    );
    if (locale === "en") {
      await expect(page.locator("p.note")).toHaveText(/^Available in Chinese only/);
      expect(await page.locator("main li[lang='zh-Hans']").count()).toBeGreaterThan(0);
    }
    // axe on our page; Chromium adds a banner of its own (XSLT is deprecated), outside our markup
    const results = await axeOn(page).exclude("xslt-warning-banner").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  }
});
