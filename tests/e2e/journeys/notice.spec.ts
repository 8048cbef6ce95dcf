import { expect, test, type Browser, type Page } from "@playwright/test";
import Parser from "rss-parser";
import { errorSummary, signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { waitForMail } from "../helpers/mail";
import { expectAccessible } from "../helpers/axe";
import { feedStylesheetInstruction, readXml, rssVocabulary, sitemapVocabulary } from "../helpers/xml";
import { fetchPages, markupProblems, sentMarkup } from "../helpers/xss";

const HEPINGJIE = "510104001001";

/** The feed's policy: nothing but its own XSL stylesheet (at the public address) and its one hashed style. */
const feedPolicy = (locale: string) =>
  new RegExp(
    `^default-src 'none'; script-src http://localhost:\\d+/${locale}/notices/feed\\.xsl; style-src 'sha256-[A-Za-z0-9+/]{43}='; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$`,
  );

/** A datetime-local value in Beijing time, `seconds` from now. */
function beijing(secondsFromNow: number): string {
  return new Date(Date.now() + secondsFromNow * 1000 + 8 * 3600_000).toISOString().slice(0, 19);
}

/** Fills a moment's date and 24-hour time fields (Beijing time) on the notice form. */
async function fillMoment(page: Page, name: "publishAt" | "expiresAt", value: string): Promise<void> {
  const [date, time] = value.split("T");
  await page.locator(`#notice-${name}`).fill(date);
  await page.locator(`#notice-${name}Time`).fill(time);
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, email);
  return page;
}

async function listedTitles(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  return page.locator("main ul.grid > li h2 a").allTextContents();
}

test("a notice goes from draft to a resident's list, feed and mailbox at its time, then expires", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `和平街社区临时停水通知 ${Date.now().toString(36)}`;

  // a resident picks her community and subscribes to it (no JavaScript)
  const resident = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInCitizen(resident, "citizen@example.cn");
  await resident.goto("/zh-Hans/account");
  await resident.locator(`#mine-${HEPINGJIE}`).check();
  await resident.getByRole("button", { name: "保存我的社区" }).click();
  await expect(resident.getByRole("status").filter({ hasText: "已保存我的社区" })).toBeVisible();
  await resident.goto(`/zh-Hans/notices/subscribe?community=${HEPINGJIE}`);
  await expect(resident.locator("#field-email")).toHaveValue("citizen@example.cn");
  await resident.getByRole("button", { name: "订阅" }).click();
  await expect(resident.getByRole("heading", { name: "请查收确认邮件" })).toBeVisible();
  const confirmation = await waitForMail(
    (m) => m.to.includes("citizen@example.cn") && m.subject === "请确认订阅社区公告",
  );
  const confirmLink = /(\/zh-Hans\/notices\/subscribe\/confirm\?token=[\w-]+)/.exec(
    confirmation.text ?? "",
  )![1];
  await resident.goto(confirmLink);
  await resident.getByRole("button", { name: "确认订阅" }).click();
  await expect(resident.getByRole("status").filter({ hasText: "订阅已生效" })).toBeVisible();

  // the editor drafts with an attachment, scheduled 20 s ahead, expiring 15 s after that
  const editor = await staffPage(browser, "editor@example.cn");
  await editor.goto("/staff/notices/new");
  await editor.locator("#notice-title").fill(title);
  await editor.locator("#notice-category").selectOption("utilities");
  await editor.locator("#notice-source").fill("锦江区春熙路街道办事处");
  await editor
    .locator("#notice-body")
    .fill("## 停水时间\n\n今日施工，**请提前储水**。\n\n- 和平街1号至27号院");
  await editor.locator(`#notice-scope-c-${HEPINGJIE}`).check();
  const publishAt = Date.now() + 20_000;
  await fillMoment(editor, "publishAt", beijing(20));
  await fillMoment(editor, "expiresAt", beijing(35));
  await editor.locator("#notice-attachments").setInputFiles({ ...pdfFile, name: "停水范围示意图.pdf" });
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const noticeId = /\/staff\/notices\/(\w+)/.exec(editor.url())![1];
  await editor.getByRole("button", { name: "提交审核" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "待审核" })).toBeVisible();
  // the same editor cannot approve
  await expect(editor.getByRole("button", { name: "审核通过" })).toHaveCount(0);
  await expect(editor.getByRole("note").filter({ hasText: "须由另一位编辑或主管审核" })).toBeVisible();

  // editor2 reads the preview (the public page itself) and approves
  const reviewer = await staffPage(browser, "editor2@example.cn");
  await reviewer.goto(`/zh-Hans/notices/${noticeId}/preview`);
  await expect(reviewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: /停水范围示意图\.pdf/ })).toBeVisible();
  await reviewer.goto(`/staff/notices/${noticeId}`);
  await reviewer.getByRole("button", { name: "审核通过" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已审核待发布" })).toBeVisible();
  // approved is not published: nobody sees it before its time
  if (Date.now() < publishAt - 3000)
    expect(await listedTitles(resident, "/zh-Hans/notices")).not.toContain(title);
  expect((await resident.goto(`/zh-Hans/notices/${noticeId}`))!.status()).toBe(404);

  // at its time it is published by the job runner: first in the resident's list, marked as hers
  await expect
    .poll(async () => (await listedTitles(resident, "/zh-Hans/notices")).includes(title), {
      timeout: 75_000,
      intervals: [1000],
    })
    .toBe(true);
  expect(Date.now()).toBeGreaterThanOrEqual(publishAt - 1000);
  const mine = resident.locator("main ul.grid > li", { hasText: title });
  await expect(mine).toContainText("我的社区");
  // in the feed
  const feed = await new Parser().parseString(
    await (await resident.request.get(`/zh-Hans/notices/feed.xml?community=${HEPINGJIE}`)).text(),
  );
  expect(feed.items.map((i) => i.title)).toContain(title);
  // and in the subscriber's mail, with the link to it and a one-click unsubscribe link
  const mail = await waitForMail(
    (m) => m.to.includes("citizen@example.cn") && (m.subject ?? "").includes(title),
    30_000,
  );
  expect(mail.text).toContain(`/zh-Hans/notices/${noticeId}`);
  expect(mail.text).toMatch(/\/zh-Hans\/notices\/unsubscribe\?token=[\w-]+/);
  await resident.goto(`/zh-Hans/notices/${noticeId}`);
  await expect(resident.getByRole("link", { name: /停水范围示意图\.pdf/ })).toBeVisible();

  // after expiry it leaves the list and its page says it expired
  await expect
    .poll(async () => (await listedTitles(resident, "/zh-Hans/notices")).includes(title), {
      timeout: 60_000,
      intervals: [1000],
    })
    .toBe(false);
  await resident.goto(`/zh-Hans/notices/${noticeId}`);
  await expect(resident.getByRole("note")).toContainText("过期");

  // the unsubscribe link works in one click
  const unsubscribe = /(\/zh-Hans\/notices\/unsubscribe\?token=[\w-]+)/.exec(mail.text ?? "")![1];
  await resident.goto(unsubscribe);
  await expect(resident.getByRole("status")).toContainText("您已退订");
});

test("the feed parses with an RSS parser and holds exactly the listed notices", async ({ page }) => {
  const parser = new Parser();
  for (const query of [
    "",
    `?community=${HEPINGJIE}`,
    "?category=activities",
    `?community=510117101201&category=utilities`,
  ]) {
    const response = await page.request.get(`/en/notices/feed.xml${query}`);
    // application/xml: browsers apply the XSL stylesheet to it (application/rss+xml they show as text)
    expect(response.headers()["content-type"]).toContain("application/xml");
    expect(response.headers()["content-security-policy"]).toMatch(feedPolicy("en"));
    const xml = await response.text();
    expect(
      (await readXml(page, xml, rssVocabulary, "title", [feedStylesheetInstruction])).problems,
      query,
    ).toEqual([]);
    const feed = await parser.parseString(xml);
    const listed: string[] = [];
    for (let p = 1; ; p++) {
      await page.goto(`/en/notices${query ? `${query}&` : "?"}page=${p}`);
      listed.push(
        ...(await page
          .locator("main ul.grid > li h2 a")
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))),
      );
      if (!(await page.getByRole("link", { name: "Next" }).count())) break;
    }
    expect(feed.items.map((item) => new URL(item.link!).pathname).sort(), query).toEqual(listed.sort());
  }
  expect((await page.request.get("/en/notices/feed.xml?community=nope")).status()).toBe(400);
});

test("a title that ends the feed's CDATA twice and carries XHTML script reaches the feed as text, and nothing runs", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const marker = Date.now().toString(36);
  // `]]>` twice: a writer that escapes only the first lets the second close the section, and the
  // trailing `<![CDATA[` swallows the writer's own closing `]]>`, so the document stays well-formed
  const title = `${marker}\u0001\u000bx]]>y]]><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script><![CDATA[ & <b>`;
  const body = `]]> ]]> <script>alert(2)</script> \u0001 <x:i xmlns:x="http://www.w3.org/1999/xhtml">i</x:i> &amp;`;
  const editor = await staffPage(browser, "editor@example.cn");
  await editor.goto("/staff/notices/new");
  await editor.locator("#notice-title").fill(title);
  await editor.locator("#notice-category").selectOption("emergency");
  await editor.locator("#notice-source").fill("]]> <script>alert(3)</script>");
  await editor.locator("#notice-body").fill(body);
  await editor.locator(`#notice-scope-c-${HEPINGJIE}`).check();
  await fillMoment(editor, "expiresAt", beijing(600));
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const noticeId = /\/staff\/notices\/(\w+)/.exec(editor.url())![1];
  const supervisor = await staffPage(browser, "supervisor@example.cn");
  await supervisor.goto(`/staff/notices/${noticeId}`);
  await supervisor.getByRole("button", { name: /紧急发布/ }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();

  const dialogs: string[] = [];
  supervisor.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const locale of ["zh-Hans", "en"]) {
    const response = await supervisor.request.get(`/${locale}/notices/feed.xml?category=emergency`);
    const feed = await readXml(supervisor, await response.text(), rssVocabulary, "title", [
      feedStylesheetInstruction,
    ]);
    expect(feed.problems).toEqual([]);
    // what the editor typed, as text: only the control characters XML cannot carry are gone
    expect(feed.texts).toContain(title.replace(/[\u0001\u000b]/g, ""));
    expect(response.headers()["content-security-policy"]).toMatch(feedPolicy(locale));
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
  const sitemap = await supervisor.request.get("/sitemap.xml");
  const { problems } = await readXml(supervisor, await sitemap.text(), sitemapVocabulary, "loc");
  expect(problems).toEqual([]);
  expect(sitemap.headers()["content-security-policy"]).toBe("default-src 'none'");
  expect(sitemap.headers()["x-content-type-options"]).toBe("nosniff");

  // the feed opened in the browser itself (an administrator following a link to it)
  await supervisor.goto("/zh-Hans/notices/feed.xml?category=emergency");
  await supervisor.waitForTimeout(500);
  expect(
    await supervisor.evaluate(
      () => document.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "script").length,
    ),
  ).toBe(0);
  expect(dialogs).toEqual([]);
});

test("the editors' and subscription pages pass axe; a citizen cannot open the editors' desk or a preview", async ({
  browser,
  page,
}) => {
  for (const url of [
    "/zh-Hans/notices/subscribe",
    "/en/notices/subscribe",
    "/zh-Hans/notices/subscribe/confirm?token=not-a-token",
    "/zh-Hans/notices/unsubscribed?ok=1",
  ]) {
    await page.goto(url);
    await expectAccessible(page);
  }
  const editor = await staffPage(browser, "editor@example.cn");
  for (const url of ["/staff/notices", "/staff/notices/new"]) {
    await editor.goto(url);
    await expectAccessible(editor);
  }
  await editor.goto("/staff/notices");
  await editor.locator("main table a").first().click();
  // the click navigates on the client: wait for the notice's own address before checking it
  await editor.waitForURL(/\/staff\/notices\/\w+/);
  await expectAccessible(editor);
  const id = /\/staff\/notices\/(\w+)/.exec(editor.url())![1];
  await signInCitizen(page, "citizen@example.cn");
  expect((await page.goto(`/zh-Hans/notices/${id}/preview`))!.status()).toBe(404);
  await page.goto("/staff/notices");
  await expect(page).not.toHaveURL(/\/staff\/notices$/);
});

test("bad editor input comes back with messages and keeps what was typed (no JavaScript)", async ({
  browser,
}) => {
  const editor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signInStaff(editor, "editor@example.cn");
  await editor.goto("/staff/notices/new");
  await editor.locator("#notice-title").fill("标题保留");
  await editor.locator("#notice-body").fill("正文保留");
  await editor.locator("#notice-scope-s-510104001").check();
  await fillMoment(editor, "publishAt", "2026-12-01T09:00");
  await fillMoment(editor, "expiresAt", "2026-11-30T09:00");
  await editor.getByRole("button", { name: "保存草稿" }).click();
  const summary = errorSummary(editor);
  await expect(summary).toContainText("请选择类别");
  await expect(editor.locator("#notice-title")).toHaveValue("标题保留");
  await expect(editor.locator("#notice-body")).toHaveValue("正文保留");
  await expect(editor.locator("#notice-scope-s-510104001")).toBeChecked();
  await editor.locator("#notice-category").selectOption("activities");
  await editor.locator("#notice-source").fill("春熙路街道");
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(summary).toContainText("有效期");
  await expect(editor.locator("#notice-category")).toHaveValue("activities");
});

test("100 known XSS payloads in titles, bodies and attachment names never run and never reach a page or the feed as markup", async ({
  browser,
}) => {
  test.setTimeout(540_000);
  const { xssPayloads } = await import("../../fixtures/xss-payloads");
  expect(xssPayloads.length).toBeGreaterThanOrEqual(100);
  const dialogs: string[] = [];
  const watch = (page: Page) =>
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

  // titles hold as many payloads as fit in 120 characters (the two longer ones cut to 120); the
  // first notice also carries every payload, whole, in its body (the others a plain one: a body
  // of every payload on each of them made this the slowest browser test without testing more)
  const titles: string[][] = [[]];
  for (const payload of xssPayloads.map((p) => p.slice(0, 120))) {
    const current = titles.at(-1)!;
    if (current.length && [...current, payload].join(" ").length > 120) titles.push([payload]);
    else current.push(payload);
  }
  const body = xssPayloads.map((payload, i) => `${i + 1}. ${payload}`).join("\n\n");
  const filesPerNotice = Math.ceil(xssPayloads.length / titles.length);
  const filesOf = (index: number) =>
    xssPayloads
      .slice(index * filesPerNotice, (index + 1) * filesPerNotice)
      .map((name) => ({ ...pdfFile, name: `${name}.pdf` }));
  const editor = await staffPage(browser, "editor@example.cn");
  watch(editor);

  // the first notice through the form as an editor fills it in
  await editor.goto("/staff/notices/new");
  await editor.locator("#notice-title").fill(titles[0].join(" "));
  await editor.locator("#notice-category").selectOption("emergency");
  await editor.locator("#notice-source").fill("XSS 测试");
  await editor.locator("#notice-body").fill(body);
  await editor.locator(`#notice-scope-c-${HEPINGJIE}`).check();
  // long enough for the first notice to be published once all of them are written
  await fillMoment(editor, "expiresAt", beijing(600));
  // what the filled form sends, less its files: the others are posted with it, as a browser
  // without JavaScript posts the form (multipart, to the same form route), each in a fraction of
  // the time a filled-in form takes
  const fields: [string, string][] = await editor
    .locator("main form")
    .first()
    .evaluate((form: HTMLFormElement) =>
      [...new FormData(form).entries()].flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value] as [string, string]] : [],
      ),
    );
  await editor.locator("#notice-attachments").setInputFiles(filesOf(0));
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  const notices: { id: string; title: string; files: number }[] = [
    {
      id: /\/staff\/notices\/(\w+)/.exec(editor.url())![1],
      title: titles[0].join(" "),
      files: filesOf(0).length,
    },
  ];
  for (const [index, parts] of titles.entries()) {
    if (index === 0) continue;
    const title = parts.join(" ");
    const form = new FormData();
    for (const [name, value] of fields)
      form.append(name, name === "title" ? title : name === "body" ? "XSS 测试正文" : value);
    for (const file of filesOf(index))
      form.append("attachments", new Blob([file.buffer], { type: file.mimeType }), file.name);
    const response = await editor.request.post("/api/forms/notice-new", {
      multipart: form,
      headers: { Origin: new URL(editor.url()).origin },
      maxRedirects: 0,
    });
    expect(response.status(), title).toBe(303);
    const location = response.headers().location ?? "";
    expect(location, title).toMatch(/^\/staff\/notices\/\w+\?saved=1$/);
    notices.push({ id: /\/staff\/notices\/(\w+)/.exec(location)![1], title, files: filesOf(index).length });
  }
  expect(notices.reduce((sum, n) => sum + n.files, 0)).toBe(xssPayloads.length);

  // every title at once on the editors' desk, with JavaScript on: nothing runs, nothing is markup
  await editor.goto("/staff/notices?status=DRAFT");
  for (const notice of notices)
    await expect(editor.locator(`main a[href="/staff/notices/${notice.id}"]`)).toHaveText(notice.title);
  expect(await markupProblems(editor, "main table, main ul")).toEqual([]);
  // the public page as it will be: the first notice (every payload in its body) with JavaScript
  // on; the rest as the server sends them (fetched with the editor's session: an element a
  // payload brought would be in that markup whether or not it could run), all checked at once
  await editor.goto(`/zh-Hans/notices/${notices[0].id}/preview`);
  await expect(editor.locator("main h1")).toHaveText(notices[0].title);
  await expect(editor.locator("main article section li a")).toHaveCount(notices[0].files);
  expect(await markupProblems(editor, "main article"), notices[0].title).toEqual([]);
  const previews = await fetchPages(
    editor,
    notices.slice(1).map((notice) => `/zh-Hans/notices/${notice.id}/preview`),
  );
  const [articles, headings] = await Promise.all([
    sentMarkup(editor, previews, "main article", { count: "main article section li a" }),
    sentMarkup(editor, previews, "main h1"),
  ]);
  const spaced = (text: string) => text.replace(/\s+/g, " ").trim();
  for (const [index, notice] of notices.slice(1).entries()) {
    expect(spaced(headings[index].text), notice.id).toBe(spaced(notice.title));
    expect(articles[index].count, notice.title).toBe(notice.files);
    expect(articles[index].problems, notice.title).toEqual([]);
    expect(articles[index].foreignScripts, notice.title).toBe(0);
  }
  // the editor's own page with the revision diff shows them as text too
  await editor.goto(`/staff/notices/${notices[0].id}`);
  expect(await markupProblems(editor, "main pre, main h1, main dl")).toEqual([]);

  // one of them published (an emergency, by the supervisor): the public page, the list and the feed
  const supervisor = await staffPage(browser, "supervisor@example.cn");
  watch(supervisor);
  await supervisor.goto(`/staff/notices/${notices[0].id}`);
  await supervisor.getByRole("button", { name: /紧急发布/ }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await supervisor.goto(`/zh-Hans/notices/${notices[0].id}`);
  await expect(supervisor.locator("main h1")).toHaveText(notices[0].title);
  expect(await markupProblems(supervisor, "main article")).toEqual([]);
  await supervisor.goto(`/zh-Hans/notices?community=${HEPINGJIE}&category=emergency`);
  await expect(
    supervisor.locator("main ul.grid > li h2 a", { hasText: notices[0].title.slice(0, 20) }),
  ).toHaveCount(1);
  expect(await markupProblems(supervisor, "main ul.grid")).toEqual([]);
  const xml = await (await supervisor.request.get(`/zh-Hans/notices/feed.xml?category=emergency`)).text();
  const strict = await readXml(supervisor, xml, rssVocabulary, "title", [feedStylesheetInstruction]);
  expect(strict.problems).toEqual([]);
  expect(strict.texts).toContain(notices[0].title);
  const feed = await new Parser().parseString(xml);
  expect(feed.items.map((item) => item.title)).toContain(notices[0].title);
  await supervisor.goto("/zh-Hans/notices/feed.xml?category=emergency");
  await supervisor.waitForTimeout(500);
  expect(dialogs).toEqual([]);
});
