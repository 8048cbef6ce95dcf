import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible as checkAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";

const l = {
  en: {
    write: "Write a letter",
    complaint: "Complaint",
    mailbox: "Mailbox",
    subject: "Subject",
    content: "Your letter",
    yes: "Yes, it may be published",
    send: "Send the letter",
    sent: "Your letter has been sent",
    satisfied: "Satisfied",
    rate: "Send rating",
  },
  "zh-Hans": {
    write: "我要写信",
    complaint: "投诉",
    mailbox: "收信信箱",
    subject: "标题",
    content: "内容",
    yes: "同意公开",
    send: "提交信件",
    sent: "信件已提交",
    satisfied: "满意",
    rate: "提交评价",
  },
};

/** Writes a 投诉 to 人社局 that mentions the writer's name, phone and ID number. */
async function writeComplaint(page: Page, locale: "en" | "zh-Hans", subject: string, axe: boolean) {
  const x = l[locale];
  // axe runs in the page: only where JavaScript is on
  const expectAccessible = async (p: Page) => (axe ? checkAccessible(p) : undefined);
  await page.goto(`/${locale}/letters`);
  await expectAccessible(page);
  await page.getByRole("link", { name: x.write }).click();
  await expectAccessible(page);
  await page.getByLabel(x.complaint, { exact: true }).check();
  await page.getByLabel(x.mailbox).selectOption("RSJ");
  await page.getByLabel(x.subject).fill(subject);
  await page
    .getByLabel(x.content, { exact: true })
    .fill("我是张晓明，身份证号510104199003071237，电话13800280001。单位拖欠工资三个月。");
  await page.getByLabel(x.yes, { exact: true }).check();
  await page.getByRole("button", { name: x.send }).click();
  await expect(page.getByRole("heading", { name: x.sent })).toBeVisible();
  await expectAccessible(page);
  return {
    number: (await page.getByTestId("tracking-number").textContent())!,
    code: (await page.getByTestId("access-code").textContent())!,
  };
}

async function staffPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, email);
  return page;
}

async function step(page: Page, number: string, name: string, fill?: () => Promise<void>) {
  await page.goto(`/staff/letters/${number}`);
  if (fill) await fill();
  await page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name, exact: true }) })
    .getByRole("button", { name, exact: true })
    .click();
  await expect(page.getByText("操作已完成。")).toBeVisible();
}

for (const [locale, javaScriptEnabled] of [
  ["zh-Hans", true],
  ["en", false],
] as const) {
  test(`a 投诉 in ${locale} (JavaScript ${javaScriptEnabled ? "on" : "off"}): written, accepted, replied, rated, published redacted; 404 for others before`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const x = l[locale];
    const expectAccessible = async (p: Page) => (javaScriptEnabled ? checkAccessible(p) : undefined);
    const writer = await (await browser.newContext({ javaScriptEnabled })).newPage();
    await signInCitizen(writer, "citizen@example.cn", locale);
    const subject = `拖欠工资 ${locale} ${javaScriptEnabled ? "js" : "nojs"}`;
    const { number, code } = await writeComplaint(writer, locale, subject, javaScriptEnabled);
    expect(number).toMatch(/^XJ\d{14}$/);
    expect(code).toMatch(/^[2-9A-Z]{6}$/);

    // before publication: another citizen and a visitor without the code get 404; the code opens it
    const other = await (await browser.newContext()).newPage();
    await signInCitizen(other, "citizen2@example.cn", locale);
    expect((await other.goto(`/${locale}/letters/${number}`))!.status()).toBe(404);
    const visitor = await (await browser.newContext()).newPage();
    expect((await visitor.goto(`/${locale}/letters/${number}`))!.status()).toBe(404);
    expect((await visitor.goto(`/${locale}/letters/${number}?code=${code}`))!.status()).toBe(200);
    await expect(visitor.getByText("13800280001")).toBeVisible();
    // another department's caseworker gets 404 on the staff page too
    const otherDepartment = await staffPage(browser, "caseworker2@example.cn");
    expect((await otherDepartment.goto(`/staff/letters/${number}`))!.status()).toBe(404);

    const caseworker = await staffPage(browser, "caseworker@example.cn");
    await caseworker.goto("/staff/letters");
    await expect(caseworker.getByRole("link", { name: number })).toBeVisible();
    await expectAccessible(caseworker);
    await step(caseworker, number, "受理");
    await step(caseworker, number, "答复", () =>
      caseworker.getByLabel("答复内容").fill("张晓明您好：已责成用人单位在十日内补发工资。"),
    );
    await expectAccessible(caseworker);

    await writer.goto(`/${locale}/letters/${number}`);
    await writer.getByLabel(x.satisfied, { exact: true }).check();
    await writer.getByRole("button", { name: x.rate }).click();
    await expect(writer.getByRole("button", { name: x.rate })).toHaveCount(0);
    await expect(writer.getByText(x.satisfied, { exact: true })).toBeVisible();

    // the publish form proposes the masked copy; the handler publishes it as reviewed
    await caseworker.goto(`/staff/letters/${number}`);
    await expect(caseworker.getByLabel(/公开内容/)).toHaveValue(
      /张\*\*，身份证号\*{18}，电话138\*\*\*\*0001/,
    );
    await step(caseworker, number, "公开");

    const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
    await page.goto(`/${locale}/letters`);
    await page.getByRole("link", { name: subject }).click();
    await expect(page.getByRole("heading", { name: subject })).toBeVisible();
    await expect(page.getByText("我是张**，身份证号******************，电话138****0001。")).toBeVisible();
    await expect(page.getByText("张**您好：已责成用人单位在十日内补发工资。")).toBeVisible();
    await expect(page.getByText("13800280001")).toHaveCount(0);
    await expect(page.getByText("张晓明")).toHaveCount(0);
    await expectAccessible(page);
  });
}

test("a complaint needs an account; the figures page shows a table and a CSV", async ({ page }) => {
  await page.goto("/zh-Hans/letters/write");
  await page.getByLabel("投诉", { exact: true }).check();
  await page.getByLabel("收信信箱").selectOption("MAYOR");
  await page.getByLabel("标题").fill("噪音");
  await page.getByLabel("内容", { exact: true }).fill("夜间施工噪音扰民");
  await page.getByLabel("同意公开", { exact: true }).check();
  await page.getByRole("button", { name: "提交信件" }).click();
  await expect(errorSummary(page)).toContainText("投诉、求助和举报请登录后提交");

  await page.goto("/en/letters/figures");
  await expect(page.getByRole("table")).toContainText("2026-05");
  await checkAccessible(page);
  const csv = await page.request.get("/en/letters/figures.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Replied on time");
});
