import { expect, type Browser, type Page } from "@playwright/test";
import { signInStaff } from "./accounts";

/** A staff member signed in in a browser context of their own. */
export async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, email);
  return page;
}

/**
 * Takes one step on a case from the caseworker's case page, after `fill` fills its form; the page
 * then says what was done to the case.
 */
export async function staffDo(
  page: Page,
  trackingNumber: string,
  step: string,
  fill?: (page: Page) => Promise<void>,
) {
  await page.goto(`/staff/cases/${trackingNumber}`);
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: step, exact: true }) });
  if (fill) await fill(page);
  await section.getByRole("button", { name: step, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: trackingNumber })).toBeVisible();
}
