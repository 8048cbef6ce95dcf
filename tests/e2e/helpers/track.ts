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
