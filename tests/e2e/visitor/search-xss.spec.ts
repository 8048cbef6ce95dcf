import { expect, test, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";

/**
 * A search query is the one text any visitor can put on a page without signing in (and share as a
 * link): every payload of the corpus comes back as the query typed into the search box, never as
 * markup that runs.
 */
test("every XSS payload as a search query is shown as text and never runs", async ({ browser }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const open = async (javaScriptEnabled: boolean): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled });
    // what the page is made of is the question here, not how it looks
    await context.route(/\.(css|woff2?|png|jpe?g|svg|ico)(\?|$)/, (route) => route.abort());
    const page = await context.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };
  const [withScript, withoutScript] = await Promise.all([open(true), open(false)]);

  // the payloads packed into queries of up to 100 characters (the longest cut there), so that the
  // corpus stays under the 120 searches a minute one address may make (lib/throttle/limits.ts)
  const queries: string[] = [];
  for (const payload of xssPayloads.map((p) => p.slice(0, 100))) {
    const last = queries.at(-1);
    if (last !== undefined && last.length + 1 + payload.length <= 100)
      queries[queries.length - 1] = `${last} ${payload}`;
    else queries.push(payload);
  }
  expect(queries.length + Math.ceil(queries.length / 10)).toBeLessThan(90);
  // every query without JavaScript (the markup as the server sends it: an element a payload
  // brought would be there whether or not it could run), every tenth with it too, where the page
  // hydrates and anything a payload smuggled into the client's rendering would run
  for (const [index, query] of queries.entries()) {
    for (const page of index % 10 === 0 ? [withoutScript, withScript] : [withoutScript]) {
      const response = await page.goto(`/en/search?q=${encodeURIComponent(query)}`);
      expect(response?.status(), query).toBeLessThan(500);
      // the query typed back into the search box (a text field drops line breaks from its value)
      await expect(page.locator("#search-q"), query).toHaveValue(query.trim().replace(/[\r\n]/g, ""));
      // no element the payload could have brought: every script is the page's own (it carries the
      // nonce) or a chunk of the app that Next's loader added ('strict-dynamic' trusts those)
      expect(await page.locator('script:not([nonce]):not([src^="/_next/static/"])').count(), query).toBe(0);
      expect(
        await page
          .locator("main iframe, main object, main embed, main svg script, main img[onerror]")
          .count(),
        query,
      ).toBe(0);
    }
  }
  expect(dialogs).toEqual([]);
});
