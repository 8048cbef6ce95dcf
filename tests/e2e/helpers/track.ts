import type { Page } from "@playwright/test";

/**
 * Looks a case or request up as a person does: the tracking page's form, whose 查询码 is posted
 * (never put in a URL).
 */
export async function trackByForm(page: Page, locale: string, trackingNumber: string, accessCode: string) {
  await page.goto(`/${locale}/track`);
  await page.locator("#field-trackingNumber").fill(trackingNumber);
  await page.locator("#field-accessCode").fill(accessCode);
  await page.locator("form:has(#field-accessCode) button[type=submit]").click();
  await page.waitForURL(/\/track\?lookup=/);
}

/**
 * Opens a letter with its number and 查询码 through the letter lookup form (a POST; the code is kept
 * in a cookie for that letter), landing on the letter's clean URL.
 */
export async function lookUpLetterByForm(page: Page, locale: string, number: string, accessCode: string) {
  await page.goto(`/${locale}/letters/lookup`);
  await page.locator("#field-number").fill(number);
  await page.locator("#field-accessCode").fill(accessCode);
  await page.locator("form:has(#field-accessCode) button[type=submit]").click();
  await page.waitForURL(new RegExp(`/letters/${number}$`));
}

/**
 * Every URL a page asks for or is sent to (requests, Location headers) and every link and form
 * target it shows, to check that a secret never appears in one.
 */
export function watchUrls(page: Page): { urls: string[]; targets: () => Promise<string[]> } {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("response", (response) => urls.push(response.headers()["location"] ?? ""));
  const targets = () =>
    page
      .locator("a[href], form[action]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("href") ?? n.getAttribute("action") ?? ""));
  return { urls, targets };
}
