import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { trackByForm } from "../helpers/track";

const l = {
  en: {
    link: "Request government information",
    office: "Office asked",
    person: "A person",
    name: "Your name or your organisation's name",
    id: "ID card number or unified social credit code",
    phone: "Mobile phone",
    what: "What information do you want?",
    download: "Download online",
    send: "Send request",
    corrected: "Your corrected request",
    sendCorrection: "Send correction",
    partly: "Partly disclosed",
  },
  "zh-Hans": {
    link: "政府信息公开申请",
    office: "受理机关",
    person: "自然人",
    name: "申请人姓名或名称",
    id: "身份证号或统一社会信用代码",
    phone: "联系电话（手机）",
    what: "所需政府信息的内容描述",
    download: "网上下载",
    send: "提交申请",
    corrected: "补正后的申请内容",
    sendCorrection: "提交补正",
    partly: "部分公开",
  },
};

async function fileRequest(page: Page, locale: "en" | "zh-Hans") {
  const x = l[locale];
  await page.goto(`/${locale}/disclosure`);
  await page.getByRole("link", { name: x.link }).click();
  await page.getByLabel(x.office).selectOption("RSJ");
  await page.getByLabel(x.person, { exact: true }).check();
  await page.getByLabel(x.name).fill("张晓明");
  await page.getByLabel(x.id).fill("510104199003071237");
  await page.getByLabel(x.phone).fill("13800280001");
  await page.getByLabel(x.what).fill("2025 年度本市就业补助资金使用情况");
  await page.getByLabel(x.download).check();
  await page.getByRole("button", { name: x.send }).click();
  return {
    number: (await page.getByTestId("tracking-number").textContent())!,
    code: (await page.getByTestId("access-code").textContent())!,
  };
}

async function staff(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, email);
  return page;
}

async function step(page: Page, number: string, name: string, fill?: () => Promise<void>) {
  await page.goto(`/staff/requests/${number}`);
  if (fill) await fill();
  await page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name, exact: true }) })
    .getByRole("button", { name, exact: true })
    .click();
  await expect(page.getByRole("status").filter({ hasText: number })).toBeVisible();
}

for (const locale of ["en", "zh-Hans"] as const) {
  test(`an information request in ${locale}: file, 补正, correct, extension approved, 部分公开 reply`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await signInCitizen(page, "citizen@example.cn", locale);
    const { number } = await fileRequest(page, locale);
    expect(number).toMatch(/^GK\d{14}$/);

    const officer = await staff(browser, "officer@example.cn");
    await officer.goto("/staff/requests");
    await expect(officer.getByRole("link", { name: number })).toBeVisible();
    await expectAccessible(officer);
    await step(officer, number, "确认收到申请");
    await step(officer, number, "要求补正", () =>
      officer.locator("#requestSupplement-missing").fill("请写明所需信息的年度和范围"),
    );

    await page.goto(`/${locale}/account/requests/${number}`);
    await expect(page.locator("main")).toContainText("请写明所需信息的年度和范围");
    await page.getByLabel(l[locale].corrected).fill("2025 年 1 月至 12 月本市就业补助资金分项目使用情况");
    await page.getByRole("button", { name: l[locale].sendCorrection }).click();
    await expectAccessible(page);

    await step(officer, number, "申请延期", async () => {
      await officer.locator("#requestExtension-days").fill("15");
      await officer.locator("#requestExtension-reason").fill("需汇总多个区县的数据");
    });
    const supervisor = await staff(browser, "supervisor@example.cn");
    await step(supervisor, number, "批准延期");
    await step(officer, number, "答复", async () => {
      await officer.locator("#reply-outcome").selectOption("PARTLY_DISCLOSED");
      await officer.locator("#reply-legalBasis").fill("《中华人民共和国政府信息公开条例》第三十七条");
      await officer
        .locator("#reply-replyText")
        .fill("所申请信息中涉及个人信息的部分已作区分处理，其余部分予以公开。");
      await officer
        .locator("#reply-replyFiles")
        .setInputFiles({ ...pdfFile, name: "就业补助资金使用情况.pdf" });
    });

    await page.goto(`/${locale}/account/requests/${number}`);
    await expect(page.locator("main")).toContainText(l[locale].partly);
    await expect(page.locator("main")).toContainText("成人社公开〔");
    await expectAccessible(page);
    // the letter is fetched by POST: its 查询码 is in the form, never in a link
    const letterButton = page.getByRole("button", {
      name: locale === "en" ? "Download the reply letter (PDF)" : "下载答复书（PDF）",
    });
    const letterForm = page.locator("form", { has: letterButton });
    const accessCode = (await letterForm.locator("input[name=code]").inputValue())!;
    const letterUrl = `/${locale}/disclosure/request/letter.pdf`;
    const letter = await page.request.post(letterUrl, { form: { number, code: accessCode } });
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // without the right 查询码 there is no letter, and a GET with it in the URL finds nothing
    const wrong = accessCode === "ABCDEF" ? "ABCDEG" : "ABCDEF";
    expect((await page.request.post(letterUrl, { form: { number, code: wrong } })).status()).toBe(404);
    expect((await page.request.get(`${letterUrl}?number=${number}&code=${accessCode}`)).status()).toBe(405);
    // the file sent with the reply is the applicant's to download
    const fileHref = await page.getByRole("link", { name: "就业补助资金使用情况.pdf" }).getAttribute("href");
    expect((await page.request.get(fileHref!)).status()).toBe(200);

    // another citizen sees neither the request nor its file
    const stranger = await (await browser.newContext()).newPage();
    await signInCitizen(stranger, "citizen2@example.cn", locale);
    expect((await stranger.goto(`/${locale}/account/requests/${number}`))?.status()).toBe(404);
    expect((await stranger.request.get(fileHref!)).status()).toBe(404);
  });
}

test.describe("an anonymous request without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bad input comes back translated and kept; the requester tracks by number and code", async ({
    page,
  }) => {
    await page.goto("/en/disclosure/request");
    await page.getByLabel("A person", { exact: true }).check();
    await page.getByLabel("Your name or your organisation's name").fill("Wang Fang");
    await page.getByLabel("ID card number or unified social credit code").fill("510104199003071234");
    await page.getByRole("button", { name: "Send request" }).click();
    // each message names its field and says what to do
    await expect(errorSummary(page)).toContainText(
      "ID card number or unified social credit code must be a real 18-character number",
    );
    await expect(errorSummary(page)).toContainText(
      "Mobile phone must be an 11-digit mainland China mobile number",
    );
    await expect(errorSummary(page)).toContainText("Select your office");
    await expect(page.getByLabel("Your name or your organisation's name")).toHaveValue("Wang Fang");
    const { number, code } = await fileRequest(page, "en");
    await trackByForm(page, "en", number, code);
    await expect(page.locator("main")).toContainText("Sent, awaiting receipt");
    await trackByForm(page, "en", number, code === "ABCDEF" ? "ABCDEG" : "ABCDEF");
    await expect(page.getByRole("status")).toContainText("No case matches");
  });
});

test("the guide and the annual report pass axe; the report balances and its table downloads as CSV", async ({
  page,
}) => {
  for (const locale of ["zh-Hans", "en"] as const) {
    await page.goto(`/${locale}/disclosure/guide`);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectAccessible(page);
    await page.goto(`/${locale}/disclosure/annual-report/2026`);
    await expect(page.getByTestId("balance")).toContainText(
      locale === "en" ? "The table balances" : "数据平衡",
    );
    await expectAccessible(page);
  }
  const csv = await page.request.get("/zh-Hans/disclosure/annual-report/2026/requests.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text).toContain("本年新收政府信息公开申请数量");
  expect(text).toContain("部分公开");
});
