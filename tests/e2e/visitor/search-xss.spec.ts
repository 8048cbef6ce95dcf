import { expect, test } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";

/**
 * A search query is the one text any visitor can put on a page without signing in (and share as a
 * link): every payload of the corpus comes back as the query typed into the search box, never as
 * markup that runs.
 */
test("every XSS payload as a search query is shown as text and never runs", async ({ page }) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const payload of xssPayloads) {
    const query = payload.slice(0, 100);
    const response = await page.goto(`/en/search?q=${encodeURIComponent(query)}`);
    expect(response?.status(), query).toBeLessThan(500);
    // no element the payload could have brought: every script is the page's own (it carries the
    // nonce) or a chunk of the app that Next's loader added ('strict-dynamic' trusts those)
    expect(await page.locator('script:not([nonce]):not([src^="/_next/static/"])').count(), query).toBe(0);
    expect(await page.locator("main iframe, main object, main embed, main svg script").count(), query).toBe(
      0,
    );
  }
  expect(dialogs).toEqual([]);
});
