import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";
import { expectAccessible } from "../helpers/axe";
import { pdfFile } from "../helpers/files";
import { employmentAnswers } from "../../helpers/answers";

/** Applies for 就业登记 through the API with the page's session, as the citizen's app would. */
async function applyThroughApi(request: APIRequestContext): Promise<string> {
  const uploaded = await request.post("/api/v1/uploads", {
    multipart: { file: { name: pdfFile.name, mimeType: pdfFile.mimeType, buffer: pdfFile.buffer } },
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const created = await request.post("/api/v1/applications", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: { serviceCode: "RS-JYDJ-001", answers: employmentAnswers(id), uploads: { idCardCopy: id } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { trackingNumber: string }).trackingNumber;
}

/** A step's section on the case page, found by its heading. */
const stepSection = (page: Page, name: string) =>
  page.locator("section[data-tone]").filter({ has: page.getByRole("heading", { name, exact: true }) });

/** "2026年12月4日" → a sortable number. */
const dayNumber = (text: string) => {
  const match = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  return match ? Number(match[1]) * 10000 + Number(match[2]) * 100 + Number(match[3]) : null;
};

test("a caseworker: the queue, one way forward, 不予受理 confirmed on a second page without JavaScript", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signInCitizen(page, "citizen@example.cn");
  const refused = await applyThroughApi(page.request);
  const accepted = await applyThroughApi(page.request);

  // one sign-in; the steps are taken in a second window without JavaScript (axe runs where scripts do)
  const context = await browser.newContext();
  const caseworker = await context.newPage();
  await signInStaff(caseworker, "caseworker@example.cn");
  const plain = await (
    await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })
  ).newPage();

  // the queue opens on open cases, the nearest promised date first, with the time of day cases came in
  await expect(caseworker.locator("#q-show")).toHaveValue("open");
  const rows = caseworker.locator("table tbody tr");
  await expect(rows.filter({ hasText: refused })).toHaveCount(1);
  await expect(rows.filter({ hasText: refused }).locator("td").nth(4)).toHaveText(
    /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
  );
  const statuses = await rows.locator("td:nth-child(4)").allTextContents();
  for (const closed of ["不予受理", "已送达", "已撤回"]) expect(statuses).not.toContain(closed);
  const dues = (await rows.locator("td:nth-child(6)").allTextContents()).map(dayNumber);
  const dated = dues.filter((due): due is number => due !== null);
  expect(dated).toEqual([...dated].sort((a, b) => a - b));
  // dated cases come first, then the ones still waiting for 受理
  expect(dues.slice(0, dated.length).every((due) => due !== null)).toBe(true);
  await expectAccessible(caseworker);

  // one primary step; 不予受理 is a warning that says it will be confirmed
  await caseworker.goto(`/staff/cases/${refused}`);
  await expect(caseworker.locator("section[data-tone=primary]")).toHaveCount(1);
  // and one button styled as the way forward on the whole page: claiming and assigning are secondary
  await expect(caseworker.locator("main button.bg-brand")).toHaveCount(1);
  await expect(stepSection(caseworker, "开始预审")).toHaveAttribute("data-tone", "primary");
  await expect(stepSection(caseworker, "受理")).toHaveAttribute("data-tone", "secondary");
  await expect(stepSection(caseworker, "不予受理")).toHaveAttribute("data-tone", "warning");
  await expect(stepSection(caseworker, "不予受理")).toContainText("此操作不可撤销");
  await expectAccessible(caseworker);

  await plain.goto(`/staff/cases/${refused}`);
  const reject = stepSection(plain, "不予受理");
  // the first submit only asks: the confirmation page repeats what will happen and the reason
  await plain.locator("#reject-reason").fill("不属于本部门受理范围，请向区民政局申请。");
  await reject.getByRole("button", { name: "不予受理", exact: true }).click();
  await expect(plain).toHaveURL(new RegExp(`/staff/cases/${refused}/confirm\\?form=`));
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText(`确认不予受理：${refused}`);
  await expect(plain.locator("main")).toContainText("不能撤销");
  await expect(plain.locator("main dl")).toContainText("不属于本部门受理范围，请向区民政局申请。");
  await caseworker.goto(plain.url());
  await expectAccessible(caseworker);
  // 返回修改 keeps the reason; nothing has happened yet
  await plain.getByRole("link", { name: "返回修改" }).click();
  await expect(plain.locator("#reject-reason")).toHaveValue("不属于本部门受理范围，请向区民政局申请。");
  await expect(plain.locator("main dl").first()).toContainText("已申报");
  await stepSection(plain, "不予受理").getByRole("button", { name: "不予受理", exact: true }).click();
  await expect(plain).toHaveURL(new RegExp(`/staff/cases/${refused}/confirm\\?form=`));
  await plain.getByRole("button", { name: "确认不予受理" }).click();
  const done = plain.getByRole("status").filter({ hasText: `已不予受理 ${refused}` });
  await expect(done).toBeVisible();
  await expect(plain.locator("main dl").first()).toContainText("不予受理");

  // a success and an error never show together: a note sent empty brings its error, and the success goes
  await plain.getByRole("button", { name: "添加内部备注" }).click();
  await expect(errorSummary(plain)).toBeVisible();
  await expect(done).toBeHidden();

  // a reversible step is taken at once, and says what it did with the case's own dates
  await plain.goto(`/staff/cases/${accepted}`);
  await stepSection(plain, "受理").getByRole("button", { name: "受理", exact: true }).click();
  await expect(
    plain
      .getByRole("status")
      .filter({ hasText: new RegExp(`已受理 ${accepted}，承诺办结 \\d{4}年\\d{1,2}月\\d{1,2}日`) }),
  ).toBeVisible();

  // the closed case is behind the filter
  await plain.goto("/staff");
  await expect(plain.locator("table tbody tr").filter({ hasText: refused })).toHaveCount(0);
  await plain.locator("#q-show").selectOption("closed");
  await plain.getByRole("button", { name: "筛选" }).click();
  await expect(plain).toHaveURL(/show=closed/);
  await expect(plain.locator("table tbody tr").filter({ hasText: refused })).toContainText("不予受理");
});

test("an editor starts at the notice desk and previews the notice beside the Markdown, with and without JavaScript", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const editor = await context.newPage();
  await signInStaff(editor, "editor@example.cn");
  // home is the notice desk, not an empty case queue
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("社区公告编辑");
  await expect(editor.getByRole("link", { name: "新建公告" })).toBeVisible();
  await expect(editor.locator("#q-show")).toHaveCount(0);
  await expectAccessible(editor);

  // the live preview follows the Markdown as it is typed, sanitised
  await editor.goto("/staff/notices/new");
  await expect(editor.locator("#notice-publishAtTime")).toHaveValue(/^([01]\d|2[0-3]):[0-5]\d$/);
  await expect(editor.locator("#notice-times option")).toHaveCount(48);
  await editor
    .locator("#notice-body")
    .fill("## 停水安排\n\n**请提前储水**\n\n<script>window.previewed = 1</script>");
  const preview = editor.locator("#notice-preview");
  await expect(preview.getByRole("heading", { level: 3, name: "停水安排" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("请提前储水");
  await expect(preview.locator("script")).toHaveCount(0);
  await expectAccessible(editor);

  // without JavaScript: 预览 renders the body and keeps everything typed, the urgent box and the 24-hour time too
  const plain = await (
    await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() })
  ).newPage();
  await plain.goto("/staff/notices/new");
  const title = `【紧急】河道涨水通知 ${Date.now().toString(36)}`;
  await plain.locator("#notice-title").fill(title);
  await plain.locator("#notice-body").fill("## 撤离路线\n\n- 沿滨江路向北");
  await plain.locator("#notice-publishAt").fill("2026-12-01");
  await plain.locator("#notice-publishAtTime").fill("18:30");
  await plain.locator("#notice-urgent").check();
  await plain.getByRole("button", { name: "预览（不保存）" }).click();
  await expect(plain.getByRole("status")).toContainText("公告尚未保存");
  await expect(plain.locator("#notice-preview").getByRole("heading", { name: "撤离路线" })).toBeVisible();
  await expect(plain.locator("#notice-title")).toHaveValue(title);
  await expect(plain.locator("#notice-body")).toHaveValue("## 撤离路线\n\n- 沿滨江路向北");
  await expect(plain.locator("#notice-publishAtTime")).toHaveValue("18:30");
  await expect(plain.locator("#notice-urgent")).toBeChecked();
  await editor.goto(plain.url());
  await expect(editor.locator("#notice-title")).toHaveValue(title);
  await expectAccessible(editor);

  // a time that is not on the 24-hour clock is named on its field; then the draft saves as urgent
  await plain.locator("#notice-category").selectOption("emergency");
  await plain.locator("#notice-source").fill("锦江区应急管理局");
  await plain.locator("#notice-scope-s-510104001").check();
  await plain.locator("#notice-publishAtTime").fill("6:30 PM");
  await plain.getByRole("button", { name: "保存草稿" }).click();
  await expect(errorSummary(plain)).toContainText("24 小时制");
  await expect(plain.locator("#notice-publishAtTime-error")).toBeVisible();
  await plain.locator("#notice-publishAtTime").fill("18:30");
  await plain.getByRole("button", { name: "保存草稿" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(plain.locator("#notice-urgent")).toBeChecked();
  await expect(plain.locator("#notice-publishAtTime")).toHaveValue("18:30");
  await expect(plain.locator("#notice-preview").getByRole("heading", { name: "撤离路线" })).toBeVisible();
});
