import { expect, type Locator, type Page } from "@playwright/test";

/** The GOV.UK-style error summary at the top of a form (Next adds its own role=alert announcer). */
export function errorSummary(page: Page): Locator {
  return page.locator("[role=alert][aria-labelledby$=error-summary-title]");
}

export const demoPassword = "Demo-pass-2026";

/** Signs in through the public form, as a person would. */
export async function signInCitizen(page: Page, email: string, locale = "zh-Hans"): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(demoPassword);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/account`));
}

export async function signInStaff(page: Page, email: string): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(demoPassword);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff$/);
}

/**
 * Signs in a member of staff whose password is their own (set from an invitation or reset link),
 * through the staff form, as a person would; lands on the workbench.
 */
export async function signInNewStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/staff$/);
}
