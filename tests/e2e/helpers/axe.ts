import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Whether the page runs timer callbacks. With JavaScript off Chromium never runs a setTimeout
 * callback (page.evaluate still works), and axe-core settles each rule's result in one: axe then
 * never answers and the test times out without saying why. Inside a `test.use({ javaScriptEnabled:
 * false })` block, `browser.newContext()` inherits that setting too, so a "JavaScript-on copy"
 * must ask for `javaScriptEnabled: true` itself.
 */
async function timersRun(page: Page): Promise<boolean> {
  let wait: ReturnType<typeof setTimeout> | undefined;
  const fired = page
    .evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0)))
    .catch(() => false);
  const late = new Promise<boolean>((resolve) => {
    wait = setTimeout(() => resolve(false), 5_000);
  });
  try {
    return await Promise.race([fired, late]);
  } finally {
    clearTimeout(wait);
  }
}

/**
 * axe with the portal's rule set, run in the page itself (axe.run). The builder's default runs axe
 * in every frame and then merges the results in a blank page it opens for each check: twice the
 * time (0.7 s against 1.4–2.6 s a check, measured on the catalogue, search and home pages, with
 * identical results), for frames from other origins, which the portal's pages never contain
 * (same-origin frames are still checked).
 */
export function axeOn(page: Page): AxeBuilder {
  return (
    new AxeBuilder({ page })
      // only violations come back in full: passes, incomplete and inapplicable rules report one node
      // each, instead of every element they looked at
      .options({ resultTypes: ["violations"] })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .setLegacyMode(true)
  );
}

/** Zero axe violations on the page as it stands (WCAG 2.2 A and AA rules and best practice). */
export async function expectAccessible(page: Page): Promise<void> {
  expect(
    await timersRun(page),
    `axe needs JavaScript: check ${page.url()} in a context with javaScriptEnabled: true`,
  ).toBe(true);
  // after a client-side navigation Next puts the new page's <title> in a moment after its content:
  // axe would otherwise catch the page between the two titles, with none
  await expect(page, `a <title> on ${page.url()}`).toHaveTitle(/\S/);
  let results = await axeOn(page).analyze();
  // the wait above can still be met by the old page's title, just before Next takes it out and
  // puts the new one in (a fresh-clone CI run caught /letters/write so, reached from /letters):
  // then wait for a <title> element with text and look again. A page with no title still fails.
  if (results.violations.some((violation) => violation.id === "document-title")) {
    await expect
      .poll(() => page.evaluate(() => document.querySelector("title")?.textContent?.trim() ?? ""), {
        message: `a <title> element on ${page.url()}`,
        timeout: 5_000,
      })
      .not.toBe("");
    results = await axeOn(page).analyze();
  }
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
