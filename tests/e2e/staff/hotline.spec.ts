import { expect, test } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInStaff } from "../helpers/accounts";
import { lookUpLetterByForm } from "../helpers/track";

// staff pages, with JavaScript (axe answers only there); the caller's page is read as served
test("an operator files a 12345 work order whose caller number only handlers see; an administrator connects the hotline", async ({
  page,
  browser,
}) => {
  const phone = "13765430912";
  await signInStaff(page, "letters@example.cn");
  await page.goto("/staff/letters");
  await page.getByRole("link", { name: "新建热线工单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建 12345 热线工单");
  await expectAccessible(page);
  await page.getByLabel("来电号码").fill("12345");
  await page.locator('input[name="kind"][value="COMPLAINT"]').check();
  await page.getByLabel("收信信箱").selectOption("RSJ");
  await page.getByLabel("标题").fill("来电反映培训机构拒不退费");
  await page.getByLabel("来电内容").fill("来电人反映某职业培训机构拒不退还培训费。");
  await page.locator('input[name="consentToPublish"][value="no"]').check();
  await page.getByRole("button", { name: "提交工单" }).click();
  await expect(errorSummary(page)).toContainText("来电号码");
  // what was typed is kept
  await expect(page.getByLabel("标题")).toHaveValue("来电反映培训机构拒不退费");
  await page.getByLabel("来电号码").fill(phone);
  await page.getByRole("button", { name: "提交工单" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("工单已建立");
  const [, number, code] = /信件编号 (XJ\d{14})，查询码 ([A-Z0-9]+)/.exec(
    (await status.textContent()) ?? "",
  )!;
  await expect(page.locator("main")).toContainText("热线电话");
  await expect(page.locator("main")).toContainText(phone);

  // the caller follows it with the number and code: their number is not on the page
  await lookUpLetterByForm(page, "zh-Hans", number, code);
  await expect(page.locator("main")).toContainText("来电反映培训机构拒不退费");
  expect(await page.content()).not.toContain(phone);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInStaff(admin, "admin@example.cn");
  await admin.getByRole("link", { name: "热线对接" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("12345 热线对接");
  await admin.locator("#register-name").fill("12345 热线");
  await admin.locator("#register-url").fill("https://hotline.example.cn/hooks/onestop");
  await admin.getByRole("button", { name: "登记接收地址" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "签名密钥只显示这一次" })).toContainText("whsec_");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "停用 12345 热线" }).click();
  await expect(admin.locator("#endpoints")).toBeVisible();
  await admin.getByRole("link", { name: "查看推送投递记录" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("热线推送投递记录");
  await expectAccessible(admin);
  await adminContext.close();
});
