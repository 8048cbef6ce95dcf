import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { trackByForm } from "../helpers/track";

/** Every entry of the error summary links to a field on the page that shows the same message beside it. */
async function expectSummaryLinksToFields(page: Page) {
  const links = errorSummary(page).locator("a");
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    const target = (await link.getAttribute("href"))!;
    expect(target).toMatch(/^#[\w-]+$/);
    await expect(page.locator(`${target}-error`)).toHaveText((await link.textContent())!);
    await expect(page.locator(target)).toHaveCount(1);
  }
}

test.describe("an application without JavaScript (en)", () => {
  test.use({ javaScriptEnabled: false });

  test("errors name their fields, 修改 returns to check your answers, dates are long, tracking is by POST", async ({
    page,
  }) => {
    await signInCitizen(page, "citizen2@example.cn", "en");
    const apply = "/en/services/RS-JYDJ-001/apply";
    await page.goto(`${apply}?step=applicant`);
    for (const label of ["Full name", "ID card number", "Mobile phone"])
      await page.getByLabel(label, { exact: true }).fill("");
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText("Enter your full name");
    await expect(summary).toContainText("Enter your ID card number");
    await expect(summary).toContainText("Enter your mobile phone");
    await expect(summary).not.toContainText("Enter this information");
    await expectSummaryLinksToFields(page);

    await page.getByLabel("Full name").fill("Li Xuemei");
    await page.getByLabel("ID card number").fill("11010519491231002X");
    await page.getByLabel("Mobile phone").fill("13800280002");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByLabel("Employer", { exact: true }).fill("Chengdu Jincheng Data Co., Ltd.");
    await page.getByLabel("Employment start date").fill("2026-11-02");
    await page.getByLabel("Full-time").check();
    await page.getByRole("button", { name: "Save and continue" }).click();
    await page.getByLabel("Copy of ID card").setInputFiles(pdfFile);
    await page.getByRole("button", { name: "Save and continue" }).click();

    // check your answers: the date in the long form; 修改 goes to that question and straight back
    await expect(page.locator("h1")).toHaveText("Check your answers");
    await expect(page.locator("main")).toContainText("2 November 2026");
    await page.getByRole("link", { name: "Change Employer", exact: true }).click();
    await expect(page).toHaveURL(/step=employment&return=check/);
    await page.getByLabel("Employer", { exact: true }).fill("Chengdu Rongcheng Data Co., Ltd.");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page).toHaveURL(/step=check/);
    await expect(page.locator("h1")).toHaveText("Check your answers");
    await expect(page.locator("main")).toContainText("Chengdu Rongcheng Data Co., Ltd.");
    await page.getByRole("button", { name: "Accept and submit" }).click();

    // tracking from the confirmation: a posted form; the 查询码 never enters a URL
    const code = (await page.getByTestId("access-code").textContent())!;
    await page.getByRole("button", { name: /track/i }).click();
    await expect(page).toHaveURL(/\/en\/track\?lookup=[0-9a-f]{16}$/);
    expect(page.url()).not.toContain(code);
    await expect(page.locator("main")).toContainText("Worked out on acceptance");
    await expect(page.getByTestId("next-step")).toContainText(
      /decides whether to accept it.* by \d{1,2} [A-Z][a-z]+ 20\d\d/,
    );
    // a bare visit shows an empty form, and an old link with the code in it looks nothing up
    await page.goto(`/en/track?trackingNumber=SV20261126000001&accessCode=${code}`);
    await expect(page.locator("#field-trackingNumber")).toHaveValue("SV20261126000001");
    await expect(page.locator("#field-accessCode")).toHaveValue("");
    await expect(page.getByTestId("next-step")).toHaveCount(0);
  });
});

test("zh-Hans: a signed-in citizen's disclosure request starts from the profile, names its fields, and shows in the account", async ({
  page,
}) => {
  // four pages through axe: room for a busy machine
  test.setTimeout(120_000);
  await signInCitizen(page, "citizen@example.cn");
  await page.goto("/zh-Hans/disclosure/request");
  await expect(page.locator("#field-requesterName")).toHaveValue("张晓明");
  await expect(page.locator("#field-idNumber")).toHaveValue("510104199003071237");
  await expect(page.locator("#field-email")).toHaveValue("citizen@example.cn");
  await expect(page.getByLabel("自然人", { exact: true })).toBeChecked();
  await expect(page.getByRole("status")).toContainText("已根据您的账户资料填写");
  await expectAccessible(page);

  await page.locator("#field-requesterName").fill("");
  await page.locator("#field-phone").fill("1380028");
  await page.getByRole("button", { name: "提交申请" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("请输入申请人姓名或名称");
  await expect(summary).toContainText("请选择受理机关");
  await expect(summary).toContainText("联系电话（手机）应为 11 位中国大陆手机号码");
  await expect(summary).not.toContainText("请填写此项");
  await expectSummaryLinksToFields(page);
  await expectAccessible(page);

  await page.locator("#field-department").selectOption("RSJ");
  await page.locator("#field-requesterName").fill("张晓明");
  await page.locator("#field-phone").fill("13800280001");
  await page.locator("#field-description").fill("2026 年就业补助资金的使用情况");
  await page.locator("#field-deliveryMethod input").first().check();
  await page.getByRole("button", { name: "提交申请" }).click();
  const number = (await page.getByTestId("tracking-number").textContent())!;
  const code = (await page.getByTestId("access-code").textContent())!;
  expect(page.url()).not.toContain(code);

  await page.goto("/zh-Hans/account");
  const row = page.getByRole("row", { name: new RegExp(number) });
  await expect(row).toContainText("已提交，待确认收到");
  await expect(row).toContainText("确认收到申请后开始计算");
  await expect(row).toContainText("2026 年就业补助资金的使用情况");
  await expectAccessible(page);

  await trackByForm(page, "zh-Hans", number, code);
  expect(page.url()).not.toContain(code);
  await expect(page.getByTestId("next-step")).toContainText("受理机关确认收到申请后");
  await expectAccessible(page);
});
