import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { demoPassword, errorSummary, registerCitizen, signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { applyForMyself } from "../helpers/apply";

/** Applies for 就业登记 (RS-JYDJ-001) and returns the case number. */
async function applyForEmployment(page: Page): Promise<string> {
  await page.goto("/en/services/RS-JYDJ-001/apply");
  await applyForMyself(page);
  await page.getByLabel("Full name").fill("Zhao Min");
  await page.getByLabel("ID card number").fill("510104199003071237");
  await page.getByLabel("Mobile phone").fill("13800280009");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Employer", { exact: true }).fill("Chengdu Rongcheng Technology Co., Ltd.");
  await page.getByLabel("Employment start date").fill("2026-11-02");
  await page.getByLabel("Full-time").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByLabel("Copy of ID card").setInputFiles(pdfFile);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByRole("button", { name: "Accept and submit" }).click();
  return (await page.getByTestId("tracking-number").textContent())!;
}

test.describe("personal-data rights without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the privacy notice gives the retention periods and is linked from the footer", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
    await expect(page).toHaveURL(/\/en\/privacy$/);
    await expect(page.locator("main")).toContainText("180 days after sending");
    await page.goto("/zh-Hant/privacy");
    await expect(page.locator("h1")).toHaveText("隱私政策");
  });

  test("a person downloads their data, corrects it, closes the account and can no longer sign in", async ({
    page,
  }) => {
    const email = `pipl-${Date.now()}@example.cn`;
    // a new person of their own, so closing the account leaves the demo accounts alone
    await registerCitizen(page, email);
    const caseNumber = await applyForEmployment(page);

    // correct the details: a wrong number comes back translated, with what was typed kept
    await page.goto("/en/account/profile");
    await page.locator("#profile-name").fill("Zhao Minmin");
    await page.locator("#profile-phone").fill("12345");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(errorSummary(page)).toContainText("must be an 11-digit mainland China mobile number");
    await expect(page.locator("#profile-name")).toHaveValue("Zhao Minmin");
    await page.locator("#profile-phone").fill("13900139000");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/en\/account\/profile\?saved=1$/);
    await expect(page.getByRole("status")).toContainText("updated");

    // the readable copy, and the JSON file
    await page.goto("/en/account/data");
    await expect(page.locator("main")).toContainText("Zhao Minmin");
    await expect(page.locator("main")).toContainText("13900139000");
    const download = await page.request.get("/en/account/data.json");
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    const data = await download.json();
    expect(data.profile).toMatchObject({ email, name: "Zhao Minmin", phone: "13900139000" });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.cases.map((c: { trackingNumber: string }) => c.trackingNumber)).toEqual([caseNumber]);

    // closing needs the password
    await page.goto("/en/account/close");
    await page.locator("#close-password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Close my account" }).click();
    await expect(errorSummary(page)).toContainText("The password is not right");
    await page.locator("#close-password").fill(demoPassword);
    await page.getByRole("button", { name: "Close my account" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\?closed=1$/);
    await expect(page.getByRole("status")).toContainText("Your account has been closed");

    // signed out, and signing in again fails as a wrong password would
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in\?returnTo=/);
    await expect(signInCitizen(page, email, "en")).rejects.toThrow();
    await expect(errorSummary(page)).toBeVisible();
    expect((await page.request.get("/en/account/data.json")).status()).toBe(404);

    // the case stays with staff, with the answers given in it and no contact details of the account
    await signInStaff(page, "caseworker@example.cn");
    await page.goto(`/staff/cases/${caseNumber}`);
    await expect(page.locator("main")).toContainText("账号已注销");
    await expect(page.locator("main")).toContainText("Zhao Min");
    await expect(page.locator("main")).not.toContainText(email);
    await expect(page.locator("main")).not.toContainText("closed.invalid");
  });
});

test("the privacy pages are accessible, a form with errors too", async ({ page }) => {
  await page.goto("/en/privacy");
  await expectAccessible(page);
  await signInCitizen(page, "citizen2@example.cn");
  for (const path of ["/zh-Hans/account/data", "/zh-Hans/account/profile", "/en/account/close"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "Close my account" }).click();
  await expect(errorSummary(page)).toContainText("Enter your password to confirm");
  await expectAccessible(page);
  await page.goto("/zh-Hans/account");
  await expect(page.getByRole("link", { name: "我的个人信息" })).toBeVisible();
});
