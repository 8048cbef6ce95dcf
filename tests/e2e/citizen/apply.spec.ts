import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen } from "../helpers/accounts";
import { fakePdf, pdfFile } from "../helpers/files";
import { trackByForm } from "../helpers/track";
import { applyForMyself } from "../helpers/apply";

async function applicantStepEn(page: Page) {
  await page.getByLabel("Full name").fill("Zhang Xiaoming");
  await page.getByLabel("ID card number").fill("510104199003071237");
  await page.getByLabel("Mobile phone").fill("13800280001");
  await page.getByRole("button", { name: "Save and continue" }).click();
}

test.describe("applying for RS-JYDJ-001 without JavaScript (en)", () => {
  test.use({ javaScriptEnabled: false });

  test("bad answers come back translated and kept; a fake PDF is refused; the case is submitted once", async ({
    page,
  }) => {
    await signInCitizen(page, "citizen@example.cn", "en");
    await page.goto("/en/services/RS-JYDJ-001");
    await page.getByRole("link", { name: "Apply online" }).click();
    await expect(page).toHaveURL(/\/en\/services\/RS-JYDJ-001\/apply/);
    // a person's journey starts with who it is for
    await expect(page.getByText("Step 1 of 5")).toBeVisible();
    await applyForMyself(page);
    await expect(page.getByText("Step 2 of 5")).toBeVisible();

    await page.getByLabel("Full name").fill("Zhang Xiaoming");
    await page.getByLabel("ID card number").fill("510104199003071234");
    await page.getByLabel("Mobile phone").fill("1380028");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(errorSummary(page)).toContainText("ID card number must be a real 18-character number");
    await expect(errorSummary(page)).toContainText(
      "Mobile phone must be an 11-digit mainland China mobile number",
    );
    await expect(page.getByLabel("Full name")).toHaveValue("Zhang Xiaoming");
    await expect(page.getByLabel("ID card number")).toHaveValue("510104199003071234");

    await applicantStepEn(page);
    await expect(page.getByText("Step 3 of 5")).toBeVisible();
    await page.getByLabel("Employer", { exact: true }).fill("Chengdu Rongcheng Technology Co., Ltd.");
    await page.getByLabel("Employment start date").fill("2026-11-02");
    await page.getByLabel("Full-time").check();
    await page.getByRole("button", { name: "Save and continue" }).click();

    await expect(page.getByText("Step 4 of 5")).toBeVisible();
    await page.getByLabel("Copy of ID card").setInputFiles(fakePdf);
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(errorSummary(page)).toContainText("must be a PDF, JPEG or PNG");
    await page.getByLabel("Copy of ID card").setInputFiles(pdfFile);
    await page.getByRole("button", { name: "Save and continue" }).click();

    await expect(page.locator("h1")).toHaveText("Check your answers");
    await expect(page.locator("main")).toContainText("Zhang Xiaoming");
    await expect(page.locator("main")).toContainText("510104199003071237");
    await expect(page.locator("main")).toContainText("Full-time");
    await expect(page.locator("main")).toContainText("id-card.pdf");
    await page.getByRole("button", { name: "Accept and submit" }).click();

    await expect(page.locator("h1")).toHaveText("Application submitted");
    const number = (await page.getByTestId("tracking-number").textContent())!;
    const code = (await page.getByTestId("access-code").textContent())!;
    expect(number).toMatch(/^SV\d{14}$/);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);

    await page.goto("/en/account");
    await expect(page.locator("main")).toContainText(number);
    await expect(page.locator(`main tr:has-text("${number}")`)).toHaveCount(1);

    await page.context().clearCookies();
    await trackByForm(page, "en", number, code);
    await expect(page.locator("main")).toContainText("Employment registration");
    await expect(page.locator("main")).toContainText("Submitted");
  });

  test("save and come back later keeps the draft", async ({ page }) => {
    await signInCitizen(page, "citizen2@example.cn", "en");
    await page.goto("/en/services/RS-JYDJ-001/apply");
    await applyForMyself(page);
    await page.getByLabel("Full name").fill("Li Xuemei");
    await page.getByRole("button", { name: "Save and come back later" }).click();
    await expect(page).toHaveURL(/\/en\/account\?saved=RS-JYDJ-001/);
    await page.getByRole("link", { name: /Continue: Employment registration/ }).click();
    await expect(page.getByLabel("Full name")).toHaveValue("Li Xuemei");
  });
});

test("applying in zh-Hans with JavaScript, every page passes axe", async ({ page }) => {
  // 就业登记 is a person's service: a person applies (an organisation is refused, tested below)
  await signInCitizen(page, "citizen2@example.cn");
  // the first step by name: a draft saved earlier (the test above) would resume at its own step
  await page.goto("/zh-Hans/services/RS-JYDJ-001/apply?step=applyingFor");
  await expectAccessible(page);
  await applyForMyself(page, "zh-Hans");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(errorSummary(page)).toContainText("请输入公民身份号码");
  await expect(errorSummary(page)).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel("姓名").fill("张三");
  await page.getByLabel("公民身份号码").fill("11010519491231002X");
  await page.getByLabel("手机号码").fill("13900139000");
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.getByText("第 3 步，共 5 步")).toBeVisible();
  await page.getByLabel("就业单位", { exact: true }).fill("成都蓉城科技有限公司");
  await page.getByLabel("就业起始日期").fill("2026-11-02");
  await page.getByLabel("灵活就业").check();
  await page.getByRole("button", { name: "保存并继续" }).click();
  await page.getByLabel("身份证复印件").setInputFiles(pdfFile);
  await page.getByRole("button", { name: "保存并继续" }).click();
  await expect(page.locator("h1")).toHaveText("检查您的答案");
  await expectAccessible(page);
  await page.getByRole("button", { name: "确认并提交申请" }).click();
  await expect(page.locator("h1")).toHaveText("申请已提交");
  await expect(page.getByTestId("tracking-number")).toHaveText(/^SV\d{14}$/);
  await expectAccessible(page);
  const number = (await page.getByTestId("tracking-number").textContent())!;

  // the printable receipt (PDF with a QR code) is the applicant's alone
  const receipt = await page.request.get(`/zh-Hans/account/cases/${number}/receipt.pdf`);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toBe("application/pdf");
  expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const anonymous = await page.context().browser()!.newContext();
  expect(
    (
      await anonymous.request.get(
        `http://localhost:${process.env.E2E_PORT ?? 3100}/zh-Hans/account/cases/${number}/receipt.pdf`,
      )
    ).status(),
  ).toBe(404);

  // the JSON API answers with the session cookie too, the owner's cases only
  const mine = await (await page.request.get("/api/v1/applications")).json();
  expect(mine.items.map((c: { trackingNumber: string }) => c.trackingNumber)).toContain(number);
  expect(
    (
      await anonymous.request.get(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/v1/applications`)
    ).status(),
  ).toBe(401);
});

test("a person is told a company's service needs an organisation account, and an organisation the reverse", async ({
  page,
  browser,
}) => {
  await signInCitizen(page, "citizen@example.cn", "en");
  await page.goto("/en/services/SC-QYKB-001/apply");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You cannot apply for this service with this account",
  );
  await expect(page.locator("main")).toContainText("sign in with your organisation's account");
  await expect(page.getByLabel("Company name")).toHaveCount(0);
  await expectAccessible(page);

  const organisation = await (await browser.newContext()).newPage();
  await signInCitizen(organisation, "org@example.cn", "zh-Hans");
  await organisation.goto("/zh-Hans/services/RS-JYDJ-001/apply");
  await expect(organisation.locator("main")).toContainText("本事项由自然人办理，请使用个人账号登录后申请");
});
