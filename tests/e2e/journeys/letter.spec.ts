import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { lookUpLetterByForm, watchUrls } from "../helpers/track";

const l = {
  en: {
    write: "Write a letter",
    complaint: "Complaint",
    mailbox: "Mailbox",
    subject: "Subject",
    content: "Your letter",
    files: "Attachments (optional)",
    yes: "Yes, it may be published",
    send: "Send the letter",
    sent: "Your letter has been sent",
    unsatisfied: "Not satisfied",
    rate: "Send rating",
    reopened: "Reopened",
    attachments: "Attachments",
  },
  "zh-Hans": {
    write: "我要写信",
    complaint: "投诉",
    mailbox: "收信信箱",
    subject: "标题",
    content: "内容",
    files: "附件（可选）",
    yes: "同意公开",
    send: "提交信件",
    sent: "信件已提交",
    unsatisfied: "不满意",
    rate: "提交评价",
    reopened: "重新办理",
    attachments: "附件",
  },
};
type TLocale = keyof typeof l;

const content = "我叫张晓明，家住锦江区春熙路88号3栋2单元501室，电话13800280001。春熙路工地每晚施工到凌晨。";

/** A 投诉 with a PDF attached, from the letters list; answers its 信件编号 and 查询码. */
async function writeComplaint(page: Page, locale: TLocale, mailbox: string, subject: string, axe: boolean) {
  const x = l[locale];
  await page.goto(`/${locale}/letters`);
  if (axe) await expectAccessible(page);
  await page.getByRole("link", { name: x.write }).click();
  if (axe) await expectAccessible(page);
  await page.getByLabel(x.complaint, { exact: true }).check();
  await page.getByLabel(x.mailbox).selectOption(mailbox);
  await page.getByLabel(x.subject).fill(subject);
  await page.getByLabel(x.content, { exact: true }).fill(content);
  await page.getByLabel(x.files).setInputFiles(pdfFile);
  await page.getByLabel(x.yes, { exact: true }).check();
  await page.getByRole("button", { name: x.send }).click();
  await expect(page.getByRole("heading", { name: x.sent })).toBeVisible();
  if (axe) await expectAccessible(page);
  const number = (await page.getByTestId("tracking-number").textContent())!;
  // the confirmation page's URL carries the number only; the code is shown as text
  expect(page.url()).toMatch(new RegExp(`/${locale}/letters/${number}/sent$`));
  return { number, code: (await page.getByTestId("access-code").textContent())! };
}

/** The writer rates the reply 不满意 on the letter's page. */
async function rateUnsatisfied(page: Page, locale: TLocale, number: string) {
  const x = l[locale];
  await page.goto(`/${locale}/letters/${number}`);
  await page.getByLabel(x.unsatisfied, { exact: true }).check();
  await page.getByRole("button", { name: x.rate }).click();
  await expect(page.getByText(x.reopened, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: x.rate })).toHaveCount(0);
}

/** Takes one step from the staff letter page: the step's section, its fields filled, its button. */
async function act(page: Page, number: string, name: string, fill?: (section: Locator) => Promise<void>) {
  await page.goto(`/staff/letters/${number}`);
  // each step's form is a region named by its heading (inside the region of all next steps)
  const section = page.getByRole("region", { name, exact: true });
  if (fill) await fill(section);
  await section.getByRole("button", { name, exact: true }).click();
  await expect(page.getByText("操作已完成。")).toBeVisible();
}

/** Accepted, drafted by the caseworker, signed off by the supervisor, sent. */
async function answer(number: string) {
  await act(staff.caseworker, number, "受理");
  await act(staff.caseworker, number, "拟写答复", (s) =>
    s.getByLabel("答复内容").fill("张晓明您好：已责令施工单位夜间停工。"),
  );
  // the drafter cannot sign their own draft off: the supervisor does
  await act(staff.supervisor, number, "审核通过");
  await act(staff.caseworker, number, "发送答复");
}

const staff = {} as Record<"letters" | "caseworker" | "caseworker2" | "supervisor", Page>;
const newPage = async (browser: Browser, javaScriptEnabled = true) =>
  (await browser.newContext({ javaScriptEnabled })).newPage();

test.describe("letters", () => {
  // each staff account signs in once for the file (a code works once per 30-second step)
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    for (const [key, email] of [
      ["letters", "letters@example.cn"],
      ["caseworker", "caseworker@example.cn"],
      ["caseworker2", "caseworker2@example.cn"],
      ["supervisor", "supervisor@example.cn"],
    ] as const) {
      staff[key] = await newPage(browser);
      await signInStaff(staff[key], email);
    }
  });

  test("a 投诉 with a file to the 市长信箱: forwarded, answered, signed off, 不满意, answered again, published redacted, found by search; 404 for others before", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const writer = await newPage(browser);
    await signInCitizen(writer, "citizen@example.cn");
    const subject = `春熙路工地夜间施工扰民 ${Date.now().toString(36)}`;
    const { number, code } = await writeComplaint(writer, "zh-Hans", "MAYOR", subject, true);
    expect(number).toMatch(/^XJ\d{14}$/);

    // before publication: another citizen and a visitor without the code get 404; the code opens it
    const other = await newPage(browser);
    await signInCitizen(other, "citizen2@example.cn");
    expect((await other.goto(`/zh-Hans/letters/${number}`))!.status()).toBe(404);
    const visitor = await newPage(browser);
    expect((await visitor.goto(`/zh-Hans/letters/${number}`))!.status()).toBe(404);
    // the code in a URL is not accepted; posted in the lookup form, it opens the letter's clean URL
    expect((await visitor.goto(`/zh-Hans/letters/${number}?code=${code}`))!.status()).toBe(404);
    await visitor.goto("/zh-Hans/letters/lookup");
    await expectAccessible(visitor);
    await lookUpLetterByForm(visitor, "zh-Hans", number, code);
    await expect(visitor.getByText("13800280001")).toBeVisible();
    // a department's staff cannot open a letter to the 市长信箱
    expect((await staff.caseworker.goto(`/staff/letters/${number}`))!.status()).toBe(404);

    // the city's letters office forwards it to 人社局; 民政局 never sees it
    await staff.letters.goto("/staff/letters");
    await expect(staff.letters.getByRole("link", { name: number })).toBeVisible();
    await act(staff.letters, number, "转办", async (s) => {
      await s.getByLabel("转办至").selectOption("RSJ");
      await s.getByLabel("理由").fill("拖欠工资属人社局职责");
    });
    expect((await staff.caseworker2.goto(`/staff/letters/${number}`))!.status()).toBe(404);
    await staff.caseworker.goto(`/staff/letters/${number}`);
    await expectAccessible(staff.caseworker);
    const file = staff.caseworker.getByRole("link", { name: /id-card\.pdf/ });
    expect((await staff.caseworker.request.get((await file.getAttribute("href"))!)).status()).toBe(200);

    await answer(number);
    await rateUnsatisfied(writer, "zh-Hans", number);
    await expect(writer.getByText("拖欠工资属人社局职责")).toBeVisible();
    await act(staff.supervisor, number, "再次答复", (s) =>
      s.getByLabel("答复内容").fill("张晓明您好：经复查，施工单位已调整作业时间，22 点后停工。"),
    );

    // the publish form proposes the masked copy; the handler publishes it as reviewed
    await staff.caseworker.goto(`/staff/letters/${number}`);
    await expect(staff.caseworker.getByLabel(/公开内容/)).toHaveValue(
      /我叫张\*\*，家住锦江区\*+，电话138\*\*\*\*0001。/,
    );
    await act(staff.caseworker, number, "公开");

    // found by the portal's search and the letters list's, shown redacted
    const reader = await newPage(browser);
    await reader.goto(`/zh-Hans/search?q=${encodeURIComponent(subject)}`);
    await reader.getByRole("link", { name: subject }).click();
    await expect(reader.getByRole("heading", { name: subject })).toBeVisible();
    await expect(
      reader.getByText("我叫张**，家住锦江区***************，电话138****0001。", { exact: false }),
    ).toBeVisible();
    await expect(reader.getByText("张**您好：经复查，施工单位已调整作业时间，22 点后停工。")).toBeVisible();
    for (const secret of ["13800280001", "张晓明", "春熙路88号", "id-card.pdf"])
      await expect(reader.getByText(secret)).toHaveCount(0);
    await expectAccessible(reader);
    await reader.goto(`/zh-Hans/letters?q=${encodeURIComponent(subject)}`);
    await expect(reader.getByRole("link", { name: subject })).toBeVisible();
  });

  test("in English without JavaScript: a 投诉 with a file, followed by number and code, rated 不满意 and reopened", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const writer = await newPage(browser, false);
    const writerUrls = watchUrls(writer);
    await signInCitizen(writer, "citizen@example.cn", "en");
    const { number, code } = await writeComplaint(writer, "en", "RSJ", "Night-time building noise", false);
    // the confirmation page's button posts the number and code and opens the letter's clean URL
    expect(await writerUrls.targets()).not.toContainEqual(expect.stringContaining(code));
    await writer.getByRole("button", { name: "Open this letter" }).click();
    await writer.waitForURL(new RegExp(`/en/letters/${number}$`));
    await expect(writer.getByRole("heading", { name: l.en.attachments })).toBeVisible();
    await expect(writer.getByRole("link", { name: /id-card\.pdf/ })).toBeVisible();

    const visitor = await newPage(browser, false);
    const visitorUrls = watchUrls(visitor);
    expect((await visitor.goto(`/en/letters/${number}`))!.status()).toBe(404);
    // the lookup form, reached from the letters list, names the field in error and keeps what was typed
    await visitor.goto("/en/letters");
    await visitor.getByRole("link", { name: "Look up a letter with its number and access code" }).click();
    await visitor.locator("#field-number").fill(number);
    await visitor.locator("#field-accessCode").fill("12");
    await visitor.getByRole("button", { name: "Look up", exact: true }).click();
    await expect(errorSummary(visitor)).toContainText(/access code/i);
    await expect(visitor.locator("#field-number")).toHaveValue(number);
    await lookUpLetterByForm(visitor, "en", number, code);
    await expect(visitor.getByText("13800280001")).toBeVisible();
    // no request, redirect, link or form target of either browser carried the code
    for (const watched of [writerUrls, visitorUrls]) {
      expect(watched.urls).not.toContainEqual(expect.stringContaining(code));
      expect(await watched.targets()).not.toContainEqual(expect.stringContaining(code));
    }
    // the code lets one follow the letter, not see its files
    await expect(visitor.getByRole("link", { name: /id-card\.pdf/ })).toHaveCount(0);

    await answer(number);
    await rateUnsatisfied(writer, "en", number);
  });
});

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
  await expectAccessible(page);
  const csv = await page.request.get("/en/letters/figures.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Replied on time");
});
