import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { signInCitizen, signInStaff } from "../helpers/accounts";

const newPage = async (browser: Browser, javaScriptEnabled = true) =>
  (await browser.newContext({ javaScriptEnabled })).newPage();

// the seeded ordinary consultation open for comment (prisma/seed/consultations.ts)
const id = "consult-community-it";
const title = "关于推进社区公共服务信息化建设的实施意见（征求意见稿）";

test("意见征集: a citizen comments without JavaScript, an editor approves, the public comment appears and the private one never does; axe on the pages", async ({
  browser,
}) => {
  // four contexts and five axe runs: room for a loaded machine
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const shown = `建议自助终端增加语音播报功能，方便视力不好的老人。${stamp}`;
  const kept = `我家附近的社区服务站周末不开门（请勿公开）。${stamp}`;

  // a visitor: the list with the open consultation and its days left, the page asks them to sign in
  const visitor = await newPage(browser);
  await visitor.goto("/zh-Hans/consultations");
  const open = visitor.getByRole("region", { name: "正在征集" });
  await expect(open.getByRole("link", { name: title })).toBeVisible();
  await expect(open.getByText(/还剩 \d+ 天/).first()).toBeVisible();
  await expect(
    visitor.getByRole("region", { name: "已结束的征集" }).getByText("已公布采纳情况"),
  ).toBeVisible();
  await expectAccessible(visitor);
  // the closed one: its feedback and the final document's link
  await visitor.goto("/zh-Hans/consultations/consult-employment-measures");
  await expect(
    visitor
      .getByRole("region", { name: "意见采纳情况" })
      .getByRole("link", { name: "成都市就业困难人员认定管理办法" }),
  ).toBeVisible();
  await expectAccessible(visitor);

  // a citizen without JavaScript: one public comment and one private one
  const citizen = await newPage(browser, false);
  await signInCitizen(citizen, "citizen@example.cn");
  await citizen.goto("/zh-Hans/consultations");
  await citizen.getByRole("link", { name: title }).click();
  await expect(citizen).toHaveURL(new RegExp(`/zh-Hans/consultations/${id}$`));
  for (const [text, choice] of [
    [shown, "同意公开（审核后在本页显示，不显示姓名）"],
    [kept, "不公开"],
  ] as const) {
    await citizen.getByLabel("您的意见").fill(text);
    await citizen.getByLabel(choice, { exact: true }).check();
    await citizen.getByRole("button", { name: "提交意见" }).click();
    await expect(citizen.getByRole("status")).toContainText("您的意见已提交");
  }
  const mine = citizen.getByRole("region", { name: "我提交的意见" });
  await expect(mine.getByRole("listitem").filter({ hasText: shown })).toContainText("待审核");
  await expect(mine.getByRole("listitem").filter({ hasText: kept })).toContainText("不公开");
  // not yet moderated: not public
  await expect(citizen.getByRole("region", { name: "公开的意见" })).not.toContainText(stamp);

  // the editor approves both from the moderation queue
  const editor = await newPage(browser);
  await signInStaff(editor, "editor@example.cn");
  await editor.goto(`/staff/consultations/${id}`);
  await expectAccessible(editor);
  for (const text of [shown, kept]) {
    await editor
      .locator("article", { hasText: text })
      .getByRole("button", { name: "通过", exact: true })
      .click();
    await expect(editor.locator("article", { hasText: text })).toHaveCount(0);
  }

  // the public page in English: the approved public comment, marked as Chinese; the private one nowhere
  await visitor.goto(`/en/consultations/${id}`);
  const comments = visitor.getByRole("region", { name: "Published comments" });
  await expect(comments.getByText(shown)).toBeVisible();
  await expect(comments.locator(`[lang="zh-Hans"]`, { hasText: shown })).toHaveCount(1);
  await expect(visitor.locator("body")).not.toContainText(kept);
  await expect(visitor.getByRole("link", { name: "Sign in to comment" })).toBeVisible();
  await expectAccessible(visitor);

  // the citizen sees both approved; their page with the form, axe-checked in a JavaScript-on copy of their session
  await citizen.reload();
  await expect(mine.getByRole("listitem").filter({ hasText: kept })).toContainText("已通过审核");
  const withJs = await (
    await browser.newContext({
      javaScriptEnabled: true,
      storageState: await citizen.context().storageState(),
    })
  ).newPage();
  await withJs.goto(`/zh-Hans/consultations/${id}`);
  await expect(withJs.getByLabel("您的意见")).toBeVisible();
  await expectAccessible(withJs);
});

test("采纳情况: once the period has ended an editor without JavaScript closes the consultation, writes the feedback (a bad count named, the text kept) and publishes it; the public page shows it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // the seeded consultation whose last day has passed, still open (prisma/seed/consultations.ts)
  const ended = "consult-elderly-care";
  const feedback =
    "征求意见期间共收到意见2条。\n\n- **采纳**：已建成小区优先利用闲置社区用房改造，已写入第三条。";
  const editor = await newPage(browser, false);
  await signInStaff(editor, "editor@example.cn");
  await editor.goto(`/staff/consultations/${ended}`);
  // nothing to publish before the feedback is written: the step is not offered while open
  await expect(editor.getByRole("button", { name: "公布采纳情况" })).toHaveCount(0);
  await editor.getByRole("button", { name: "结束征集" }).click();
  await expect(editor.getByRole("status")).toBeVisible();

  // publishing with no feedback written is refused with why
  await editor.getByRole("button", { name: "公布采纳情况" }).click();
  await expect(editor.getByRole("alert")).toBeVisible();

  const form = editor.getByRole("region", { name: "意见采纳情况" });
  await form.getByLabel("意见采纳情况（Markdown）").fill(feedback);
  await form.getByLabel("采纳条数", { exact: true }).fill("两");
  await form.getByLabel("未采纳条数", { exact: true }).fill("1");
  await form.getByRole("button", { name: "保存采纳情况" }).click();
  // the count is named, and what was typed is still there
  const summary = editor.getByRole("alert");
  await expect(summary).toContainText("采纳条数");
  await expect(editor.getByLabel("意见采纳情况（Markdown）")).toHaveValue(feedback);
  await editor.getByLabel("采纳条数", { exact: true }).fill("1");
  await editor.getByRole("button", { name: "保存采纳情况" }).click();
  await expect(editor.getByRole("status")).toBeVisible();
  await editor.getByRole("button", { name: "公布采纳情况" }).click();
  await expect(editor.getByRole("button", { name: "公布采纳情况" })).toHaveCount(0);

  // the public page: the feedback, rendered, with its counts
  const visitor = await newPage(browser);
  await visitor.goto(`/zh-Hans/consultations/${ended}`);
  const published = visitor.getByRole("region", { name: "意见采纳情况" });
  await expect(published).toContainText("采纳 1 条，部分采纳 0 条，未采纳 1 条。");
  await expect(published.getByText("采纳", { exact: true })).toBeVisible();
  await expect(published).toContainText("已建成小区优先利用闲置社区用房改造");
  await expectAccessible(visitor);
});
