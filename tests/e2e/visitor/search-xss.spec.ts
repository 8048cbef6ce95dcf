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

  // every payload without JavaScript (the markup as the server sends it: an element the payload
  // brought would be there whether or not it could run), every tenth with it too, where the page
  // hydrates and anything the payload smuggled into the client's rendering would run
  for (const [index, payload] of xssPayloads.entries()) {
    const query = payload.slice(0, 100);
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
