import { expect, test } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { fetchPages, foreignScripts, markupProblems, sentMarkup, watchDialogs } from "../helpers/xss";

/**
 * A search query is the one text any visitor can put on a page without signing in (and share as a
 * link): every payload of the corpus comes back as the query typed into the search box, never as
 * markup that runs. Every query's page is fetched and its markup checked as the server sent it
 * (an element a payload brought would be there whether or not it could run: no navigation needed
 * for that); every tenth query is also opened in the browser with JavaScript on, where the page
 * hydrates and anything a payload smuggled into the client's rendering would run.
 */
test("every XSS payload as a search query is shown as text and never runs", async ({ browser }) => {
  const context = await browser.newContext();
  // what the page is made of is the question here, not how it looks
  await context.route(/\.(css|woff2?|png|jpe?g|svg|ico)(\?|$)/, (route) => route.abort());
  const page = await context.newPage();
  const dialogs = watchDialogs(page);

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
  const url = (query: string) => `/en/search?q=${encodeURIComponent(query)}`;
  // the query typed back into the search box (a text field drops line breaks from its value)
  const typed = (query: string) => query.trim().replace(/[\r\n]/g, "");

  // every query's page as sent, a few at a time
  const htmls = await fetchPages(page, queries.map(url));
  const sent = await sentMarkup(page, htmls, "main", { formControls: true, value: "#search-q" });
  for (const [index, query] of queries.entries()) {
    expect(sent[index].value, query).toBe(typed(query));
    expect(sent[index].foreignScripts, query).toBe(0);
    expect(sent[index].problems, query).toEqual([]);
  }

  // every tenth hydrated
  for (const [index, query] of queries.entries()) {
    if (index % 10) continue;
    await page.goto(url(query));
    await expect(page.locator("#search-q"), query).toHaveValue(typed(query));
    expect(await foreignScripts(page), query).toBe(0);
    expect(await markupProblems(page, "main", { formControls: true }), query).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});
