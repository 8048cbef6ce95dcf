import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";

test("the queue exports the filtered cases as CSV", async ({ page }) => {
  await signInStaff(page, "caseworker@example.cn");
  const response = await page.request.get("/staff/cases.csv?status=SUBMITTED");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const text = (await response.body()).toString("utf8");
  expect(text.startsWith("\uFEFF办件编号,事项编码")).toBe(true);
  for (const line of text.trim().split("\r\n").slice(1)) expect(line).toContain("已申报");
});

test("figures, the service editor and the outbox pass axe for those who may see them", async ({
  page,
  browser,
}) => {
  await signInStaff(page, "admin@example.cn");
  for (const path of [
    "/staff/figures",
    "/staff/services",
    "/staff/services/RS-JYDJ-001",
    "/staff/outbox",
    "/staff/follow-ups",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  // a bad edit comes back with field errors and keeps the text
  await page.goto("/staff/services/RS-JYDJ-001");
  await page.locator("#field-consultPhone").fill("12345");
  await page.locator("#field-legalBasis").fill("{ not json");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(errorSummary(page)).toContainText("电话格式应为 区号-号码");
  await expect(errorSummary(page)).toContainText("不是有效的 JSON");
  await expect(page.locator("#field-legalBasis")).toHaveValue("{ not json");

  const caseworker = await (await browser.newContext()).newPage();
  await signInStaff(caseworker, "caseworker@example.cn");
  for (const path of ["/staff/figures", "/staff/services/RS-JYDJ-001", "/staff/outbox"])
    expect((await caseworker.goto(path))?.status(), path).toBe(404);
});

test.describe("an organisation's application without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bad input in every kind of field comes back translated, kept, never a 500", async ({ page }) => {
    await signInCitizen(page, "org@example.cn", "en");
    const response = await page.goto("/en/services/SC-QYKB-001/apply");
    expect(response?.status()).toBe(200);
    await page.getByLabel("Company name").fill("成都锦城云数科技有限公司".repeat(6));
    await page.getByLabel("Registered capital (10,000 CNY)").fill("ten");
    await page.getByLabel("Registered address").fill("成都市高新区天府大道 1 号");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText("Company name must be 60 characters or fewer");
    await expect(summary).toContainText("Registered capital (10,000 CNY) must be a number");
    await expect(summary).toContainText("Enter your");
    await expect(page.getByLabel("Registered capital (10,000 CNY)")).toHaveValue("ten");
    await expect(page.getByLabel("Registered address")).toHaveValue("成都市高新区天府大道 1 号");
  });
});
