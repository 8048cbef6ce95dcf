import type { Page } from "@playwright/test";

/** The apply journey's first step for a person's account: applying for themselves, not 代办. */
export async function applyForMyself(page: Page, locale: "en" | "zh-Hans" = "en"): Promise<void> {
  await page.getByLabel(locale === "en" ? "For myself" : "本人申请").check();
  await page.getByRole("button", { name: locale === "en" ? "Save and continue" : "保存并继续" }).click();
}
