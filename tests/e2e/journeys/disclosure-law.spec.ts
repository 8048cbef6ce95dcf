import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";

/** Today in China (UTC+8), YYYY-MM-DD: the latest receipt day an officer may record. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test("zh-Hans: the officer records a posted application's receipt date; the applicant sees the 补正 period and the paused deadline", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInCitizen(page, "citizen@example.cn", "zh-Hans");
  await page.goto("/zh-Hans/disclosure/request");
  await page.getByLabel("受理机关").selectOption("RSJ");
  await page.getByLabel("自然人", { exact: true }).check();
  await page.getByLabel("申请人姓名或名称").fill("张晓明");
  await page.getByLabel("身份证号或统一社会信用代码").fill("510104199003071237");
  await page.getByLabel("联系电话（手机）").fill("13800280001");
  await page.getByLabel("所需政府信息的内容描述").fill("本市 2025 年职业技能培训补贴发放情况");
  await page.getByLabel("网上下载").check();
  await page.getByRole("button", { name: "提交申请" }).click();
  const number = (await page.getByTestId("tracking-number").textContent())!;

  const officer = await (await browser.newContext()).newPage();
  await signInStaff(officer, "officer@example.cn");
  await officer.goto(`/staff/requests/${number}`);
  const receipt = officer
    .locator("section")
    .filter({ has: officer.getByRole("heading", { name: "确认收到申请", exact: true }) });
  // a posted application needs the day it was signed for: left out, the form says so and keeps the channel
  await receipt.getByLabel("申请方式").selectOption("post");
  await receipt.getByRole("button", { name: "确认收到申请", exact: true }).click();
  await expect(errorSummary(officer)).toContainText("请输入实际收到日期");
  await expect(officer.locator("#confirmReceipt-channel")).toHaveValue("post");
  await officer.locator("#confirmReceipt-receivedOn").fill(chinaToday());
  await officer.getByRole("button", { name: "确认收到申请", exact: true }).click();
  await expect(officer.getByRole("status").filter({ hasText: `已确认收到申请 ${number}` })).toBeVisible();
  await expect(officer.locator("main")).toContainText("收到申请日期");
  await expectAccessible(officer);

  await officer.locator("#requestSupplement-missing").fill("请写明培训补贴的发放年度和项目");
  await officer.getByRole("button", { name: "要求补正", exact: true }).click();
  await expect(officer.getByRole("status").filter({ hasText: `已要求补正 ${number}` })).toBeVisible();

  await page.goto(`/zh-Hans/account/requests/${number}`);
  const main = page.locator("main");
  await expect(main).toContainText("请写明培训补贴的发放年度和项目");
  await expect(main).toContainText(/补正期限 15 个工作日，至 \d{4}年\d{1,2}月\d{1,2}日 止/);
  await expect(page.getByTestId("request-due")).toContainText("期限中止：等待您补正");
  await expectAccessible(page);
});

test("zh-Hans: a supervisor publishes the department's annual report; anyone downloads it as published", async ({
  page,
}) => {
  await signInStaff(page, "supervisor@example.cn");
  await page.goto("/staff/annual-reports?year=2025&scope=RSJ");
  await page.locator("#figures-part4\\.review\\.upheld").fill("2");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  // 总计 left at 0: the table does not balance, the form says so and keeps what was typed
  await expect(errorSummary(page)).toContainText("“总计”应等于");
  await expect(page.locator("#figures-part4\\.review\\.upheld")).toHaveValue("2");
  await page.locator("#figures-part4\\.review\\.total").fill("2");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByText("报告已发布。")).toBeVisible();

  const visitor = await (await page.context().browser()!.newContext()).newPage();
  await visitor.goto("/zh-Hans/disclosure/annual-report/2025");
  const href = await visitor.getByRole("link", { name: /下载已发布的年度报告/ }).getAttribute("href");
  const csv = await visitor.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text).toContain("成都市人力资源和社会保障局");
  expect(text).toContain("四、政府信息公开行政复议、行政诉讼情况");
  expect(text).toContain("行政复议,2,0,0,0,2");
});
