import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { signInCitizen } from "../helpers/accounts";
import { staffDo, staffPage } from "../helpers/staff";
import { pdfFile } from "../helpers/files";
import { applyForMyself } from "../helpers/apply";

type Labels = {
  apply: string;
  next: string;
  fullName: string;
  idNumber: string;
  mobile: string;
  employer: string;
  start: string;
  type: string;
  upload: string;
  submit: string;
  supplyFiles: string;
  supplySubmit: string;
  rateLevel: RegExp;
  rateComment: string;
  rateSubmit: string;
  followUpDone: string;
  appealReason: string;
  appealSubmit: string;
  steps: string[];
};

const labels: Record<"en" | "zh-Hans", Labels> = {
  en: {
    apply: "Apply online",
    next: "Save and continue",
    fullName: "Full name",
    idNumber: "ID card number",
    mobile: "Mobile phone",
    employer: "Employer",
    start: "Employment start date",
    type: "Part-time",
    upload: "Copy of ID card",
    submit: "Accept and submit",
    supplyFiles: "Documents",
    supplySubmit: "Send documents",
    rateLevel: /^Very dissatisfied$/,
    rateComment: "Comments (optional)",
    rateSubmit: "Send rating",
    followUpDone: "Follow-up completed",
    appealReason: "Why you appeal",
    appealSubmit: "Send the appeal",
    steps: [
      "Application submitted",
      "More documents needed",
      "Documents sent",
      "Accepted",
      "Review started",
      "Approved",
      "Completed",
    ],
  },
  "zh-Hans": {
    apply: "在线办理",
    next: "保存并继续",
    fullName: "姓名",
    idNumber: "公民身份号码",
    mobile: "手机号码",
    employer: "就业单位",
    start: "就业起始日期",
    type: "非全日制",
    upload: "身份证复印件",
    submit: "确认并提交申请",
    supplyFiles: "补正材料",
    supplySubmit: "提交补正材料",
    rateLevel: /^非常不满意$/,
    rateComment: "意见或建议（选填）",
    rateSubmit: "提交评价",
    followUpDone: "整改已完成",
    appealReason: "申诉理由",
    appealSubmit: "提交申诉",
    steps: [
      "提交申请（申报）",
      "需要补齐补正材料",
      "已提交补正材料",
      "已受理",
      "开始审查",
      "准予许可",
      "已办结",
    ],
  },
};

async function applyForEmployment(
  page: Page,
  locale: "en" | "zh-Hans",
  person: { name: string; id: string; mobile: string },
) {
  const l = labels[locale];
  await page.goto(`/${locale}/services/RS-JYDJ-001`);
  await page.getByRole("link", { name: l.apply }).click();
  await applyForMyself(page, locale);
  await page.getByLabel(l.fullName).fill(person.name);
  await page.getByLabel(l.idNumber).fill(person.id);
  await page.getByLabel(l.mobile).fill(person.mobile);
  await page.getByRole("button", { name: l.next }).click();
  await page.getByLabel(l.employer, { exact: true }).fill("成都蓉城科技有限公司");
  await page.getByLabel(l.start).fill("2026-11-02");
  await page.getByLabel(l.type).check();
  await page.getByRole("button", { name: l.next }).click();
  await page.getByLabel(l.upload).setInputFiles(pdfFile);
  await page.getByRole("button", { name: l.next }).click();
  await page.getByRole("button", { name: l.submit }).click();
  return (await page.getByTestId("tracking-number").textContent())!;
}

for (const locale of ["en", "zh-Hans"] as const) {
  test(`the whole service journey in ${locale}: apply, 补正, accept, approve, complete, download, 差评, follow-up`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const l = labels[locale];
    await signInCitizen(page, "citizen@example.cn", locale);
    const number = await applyForEmployment(page, locale, {
      name: "张晓明",
      id: "510104199003071237",
      mobile: "13800280001",
    });

    // a caseworker of 人社局 asks for 补正 with the full list
    const caseworker = await staffPage(browser, "caseworker@example.cn");
    await caseworker.goto("/staff");
    await expect(caseworker.getByRole("link", { name: number })).toBeVisible();
    await expectAccessible(caseworker);
    await staffDo(caseworker, number, "要求补齐补正", async (p) => {
      await p.locator("#requestSupplement-missing").fill("身份证复印件不清晰，请重新扫描\n劳动合同首页");
      await p.locator("#requestSupplement-reason").fill("请一次性补齐以下材料");
    });
    await expectAccessible(caseworker);

    // the citizen sees the list and answers with a new upload
    await page.goto(`/${locale}/account/cases/${number}`);
    await expect(page.locator("main")).toContainText("劳动合同首页");
    // one upload for each item asked for
    await page.locator("#supply-item-0").setInputFiles(pdfFile);
    await page.locator("#supply-item-1").setInputFiles({ ...pdfFile, name: "contract.pdf" });
    await page.getByRole("button", { name: l.supplySubmit }).click();
    await expect(page.getByRole("status")).toBeVisible();

    // accept → review → approve → complete with a result file
    await staffDo(caseworker, number, "受理");
    await staffDo(caseworker, number, "开始审查");
    await staffDo(caseworker, number, "准予");
    await staffDo(caseworker, number, "办结", async (p) => {
      await p.locator("#complete-resultFile").setInputFiles({ ...pdfFile, name: "就业登记凭证.pdf" });
    });

    // the citizen sees every public step, downloads the result, and rates it 非常不满意 (差评)
    await page.goto(`/${locale}/account/cases/${number}`);
    for (const step of l.steps) await expect(page.locator("#timeline + ol")).toContainText(step);
    await expectAccessible(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /就业登记凭证\.pdf/ }).click();
    expect((await download).suggestedFilename()).toBe("就业登记凭证.pdf");
    await page.getByLabel(l.rateLevel).check();
    await page.locator("#rate-comment").fill("等待时间太长");
    await page.getByRole("button", { name: l.rateSubmit }).click();
    await expect(page.getByRole("status")).toBeVisible();

    // the supervisor sees the follow-up and takes it to closed
    const supervisor = await staffPage(browser, "supervisor@example.cn");
    await supervisor.goto("/staff/follow-ups");
    const item = supervisor.locator("section").filter({ hasText: number });
    await expect(item).toContainText("非常不满意");
    await expectAccessible(supervisor);
    const steps = [
      ["记录核实情况", "已核实：补正往返耗时较长", "已核实，待整改"],
      ["记录整改措施", "已优化补正清单模板", "已整改，待回访"],
      ["记录回访结果", "已电话回访申请人", "已回访，待关闭"],
      ["关闭整改", "整改完成", null],
    ] as const;
    for (const [button, note, next] of steps) {
      await item.getByLabel("情况说明").fill(note);
      await item.getByRole("button", { name: button }).click();
      if (next) await expect(item).toContainText(next);
    }
    await expect(supervisor.locator("main")).not.toContainText(number);

    // the rater reads the outcome and appeals it, once; the supervisor answers the appeal
    await page.goto(`/${locale}/account/cases/${number}`);
    await expect(page.locator("section", { has: page.locator("#follow-up") })).toContainText(l.followUpDone);
    await expect(page.locator("main")).toContainText("整改完成");
    await page.getByLabel(l.appealReason).fill("补正清单仍不清楚");
    await page.getByRole("button", { name: l.appealSubmit }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.getByLabel(l.appealReason)).toHaveCount(0);
    await expectAccessible(page);
    await supervisor.goto("/staff/follow-ups");
    const appealed = supervisor.locator("section").filter({ hasText: number });
    await expect(appealed).toContainText("申诉中");
    await appealed.getByLabel("情况说明").fill("复核：已重新制作补正清单");
    await appealed.getByRole("button", { name: "答复申诉并关闭" }).click();
    await expect(supervisor.locator("main")).not.toContainText(number);
  });
}

test("a caseworker of 民政局 can neither see nor act on a 人社局 case; another citizen gets 404", async ({
  page,
  browser,
}) => {
  await signInCitizen(page, "citizen2@example.cn");
  const number = await applyForEmployment(page, "zh-Hans", {
    name: "李雪梅",
    id: "510107198511200044",
    mobile: "13800280002",
  });

  const other = await staffPage(browser, "caseworker2@example.cn");
  await other.goto("/staff");
  await expect(other.getByRole("link", { name: number })).toHaveCount(0);
  expect((await other.goto(`/staff/cases/${number}`))?.status()).toBe(404);

  const stranger = await (await browser.newContext()).newPage();
  await signInCitizen(stranger, "citizen@example.cn");
  expect((await stranger.goto(`/zh-Hans/account/cases/${number}`))?.status()).toBe(404);
  await page.goto(`/zh-Hans/account/cases/${number}`);
  const fileLink = await page.locator("a[href^='/api/v1/files/']").first().getAttribute("href");
  expect((await stranger.request.get(fileLink!)).status()).toBe(404);
  expect((await other.request.get(fileLink!)).status()).toBe(404);
  expect((await page.request.get(fileLink!)).status()).toBe(200);
});
