import { expect, test } from "@playwright/test";

/**
 * Links do not prefetch (components/ui/Link.tsx): every prefetch of a portal page is a render on
 * the server, past the page cache. A viewport as tall as the pages puts every link in view at
 * once, as Lighthouse's full-page load does and a reader scrolling to the end would.
 */
test.use({ viewport: { width: 1280, height: 6000 } });

test("a visitor's pages ask the server for nothing they were not asked for; a link still opens its page in place", async ({
  page,
}) => {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || request.url().includes("_rsc=")) prefetches.push(request.url());
  });
  for (const path of [
    "/zh-Hans",
    "/zh-Hans/notices",
    "/zh-Hans/disclosure",
    "/zh-Hans/services/RS-JYDJ-001",
  ]) {
    await page.goto(path, { waitUntil: "networkidle" });
    // the router's prefetches wait for an idle moment after the page loaded
    await page.waitForTimeout(1_500);
  }
  expect(prefetches).toEqual([]);

  // a click still navigates on the client: one request for the page it opens, and the document stays
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page
    .getByRole("navigation", { name: "主导航" })
    .first()
    .getByRole("link", { name: "社区公告" })
    .click();
  await expect(page).toHaveURL(/\/zh-Hans\/notices$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("社区公告");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
