import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { signInStaff } from "../helpers/accounts";

test("the audit page is not for caseworkers: no link, and the address is not found", async ({ page }) => {
  await signInStaff(page, "caseworker@example.cn");
  await expect(page.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  const response = await page.goto("/staff/audit");
  expect(response?.status()).toBe(404);
});

test("a supervisor filters their department's audit rows and follows a row to its target", async ({
  browser,
}) => {
  // a second session of the same supervisor, ended from the first: an audit row about a person of the department
  const other = await (await browser.newContext()).newPage();
  await signInStaff(other, "supervisor@example.cn");
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, "supervisor@example.cn");
  await page.goto("/staff/sessions");
  await page.getByRole("button", { name: "退出此会话" }).first().click();
  await expect(page.getByRole("status")).toContainText("该会话已退出");

  await page.getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计日志");
  await expect(page.getByRole("button", { name: "立即核验" })).toHaveCount(0);
  await page.locator("#audit-action").fill("session.");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=session\./);
  const row = page.locator("tbody tr", { hasText: "session.end" }).first();
  await expect(row).toBeVisible();
  await expectAccessible(page);

  await row.getByRole("link", { name: /^用户 / }).click();
  await expect(page).toHaveURL(/\/staff\/audit\?person=/);
  await expect(page.locator("#audit-person")).not.toHaveValue("");
  await expect(page.locator("tbody tr", { hasText: "session.end" }).first()).toBeVisible();
});

test("an administrator verifies the chain, filters refusals and exports them as CSV", async ({ page }) => {
  // a refusal to record: a caseworker trying the audit page
  await signInStaff(page, "caseworker@example.cn");
  await page.goto("/staff/audit");
  await page.context().clearCookies();

  await signInStaff(page, "admin@example.cn");
  await page.getByRole("link", { name: "审计日志" }).click();
  await page.getByRole("button", { name: "立即核验" }).click();
  await expect(page.getByRole("status").first()).toHaveText("已核验：审计链完整。");
  await expect(page.locator("#chain + p")).toHaveText(/核验：审计链完整，共 \d+ 条记录。$/);

  await page.locator("#audit-person").fill("caseworker@example.cn");
  await page.locator("#audit-outcome").selectOption("DENIED");
  await page.getByRole("button", { name: "筛选" }).click();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("audit.view");
  await expect(rows.first()).toContainText("拒绝");
  await expectAccessible(page);

  const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(href).toMatch(/^\/staff\/audit\.csv\?.*outcome=DENIED/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toContain("时间");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain("caseworker@example.cn");
  expect(lines[1]).toContain("audit.view");
});
