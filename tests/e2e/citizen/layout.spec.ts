import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "../helpers/axe";
import { signInCitizen } from "../helpers/accounts";
import { staffDo, staffPage } from "../helpers/staff";
import { pdfFile } from "../helpers/files";
import { trackByForm } from "../helpers/track";
import { readPdf } from "../../helpers/pdf";
import { employmentAnswers } from "../../helpers/answers";

/**
 * Issue 14 points 5, 6, 7 and 10 as a person sees them: phone layouts (nothing sideways, no
 * crushed cells, a short header, folded filters and menu, a sticky 在线办理), the guide's files
 * and printable guide, place filters that narrow, the current section marked, and a 补正 list
 * answered item by item. Phone 390×844 and desktop 1366×900, zh-Hans and en.
 */
const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };

/** Nothing scrolls sideways, no visible table cell is under 4em wide, the header is within a fifth of the screen. */
async function expectPhoneLayout(page: Page) {
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    const narrow = [...document.querySelectorAll("td, th")]
      .filter((cell) => getComputedStyle(cell.closest("thead") ?? cell).position !== "absolute")
      .filter((cell) => {
        const width = cell.getBoundingClientRect().width;
        return width > 0 && width < 4 * parseFloat(getComputedStyle(cell).fontSize);
      })
      .map((cell) => cell.textContent?.slice(0, 20));
    const header = document.querySelector("body > header")!.getBoundingClientRect().height;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, narrow, header };
  });
  const where = page.url();
  expect(layout.scrollWidth, `sideways scroll on ${where}`).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.narrow, `cells under 4em on ${where}`).toEqual([]);
  expect(layout.header, `header height on ${where}`).toBeLessThanOrEqual(phone.height * 0.2);
}

/** Han text anywhere on the page that no element marks as Chinese (lang="zh-…"): none on an English page. */
async function unmarkedChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!/\p{Script=Han}/u.test(text) || node.parentElement?.closest("script, style")) continue;
      if (!(node.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "").startsWith("zh"))
        found.push(text.trim().slice(0, 40));
    }
    return found;
  });
}

/** The main navigation marks exactly this section as the current page. */
async function expectCurrentSection(page: Page, href: string) {
  await expect(page.locator("header nav a[aria-current=page]").first()).toHaveAttribute("href", href);
  await expect(page.locator("header nav a[aria-current=page]")).toHaveCount(
    await page.locator(`header nav a[href='${href}']`).count(),
  );
}

const filterButton = (page: Page) => page.getByRole("form", { name: "筛选条件" }).getByRole("button");

async function expectPdf(request: APIRequestContext, href: string, disposition: RegExp) {
  const response = await request.get(href);
  expect(response.status(), href).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toMatch(disposition);
  return readPdf(new Uint8Array(await response.body()));
}

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("zh-Hans: pages fit, the section is marked, the guide offers its files and a sticky 在线办理", async ({
    page,
  }) => {
    // eight pages and two axe runs: room for a loaded machine
    test.setTimeout(120_000);
    for (const [path, section] of [
      ["/zh-Hans", "/zh-Hans"],
      ["/zh-Hans/services", "/zh-Hans/services"],
      ["/zh-Hans/disclosure", "/zh-Hans/disclosure"],
      ["/zh-Hans/disclosure/guide", "/zh-Hans/disclosure"],
      ["/zh-Hans/letters/figures", "/zh-Hans/letters"],
      ["/zh-Hans/contact", null],
      ["/zh-Hans/track", "/zh-Hans/track"],
    ] as const) {
      await page.goto(path);
      await expectPhoneLayout(page);
      if (section) await expectCurrentSection(page, section);
      else await expect(page.locator("header nav a[aria-current=page]")).toHaveCount(0);
    }

    // the guide: stacked materials, 份数 0 left out, files to download, 在线办理 always at hand
    await page.goto("/zh-Hans/services/RS-JYDJ-001");
    await expectPhoneLayout(page);
    await expectCurrentSection(page, "/zh-Hans/services");
    const contract = page.locator("tr", { hasText: "劳动合同或用工证明" });
    await expect(contract.locator("[data-label='份数']")).toBeHidden();
    // 全程网办: the identity card is an electronic material, nothing handed in on paper
    await expect(page.locator("tr", { hasText: "居民身份证" }).locator("[data-label='份数']")).toBeHidden();
    // where paper copies are handed in, the guide says how many
    await page.goto("/zh-Hans/services/GA-JZZ-001");
    await expect(page.locator("tr", { hasText: "居住证明" }).locator("[data-label='份数']")).toHaveText("1");
    await page.goto("/zh-Hans/services/RS-JYDJ-001");
    const blankForm = contract.getByRole("link", { name: /《用工证明》（空白格式）/ });
    const blank = await expectPdf(page.request, (await blankForm.getAttribute("href"))!, /^attachment;/);
    expect(blank.text).toContain("用工证明");
    const resultSample = page.getByRole("link", { name: /就业登记凭证样本/ });
    expect(
      (await expectPdf(page.request, (await resultSample.getAttribute("href"))!, /^attachment;/)).text,
    ).toContain("样本");
    await page.locator("section:has(#faq), section:has(#where)").first().scrollIntoViewIfNeeded();
    const sticky = page.getByRole("link", { name: "在线办理" }).last();
    await expect(sticky).toBeInViewport();
    const box = (await sticky.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(phone.height - 80);
    await expectAccessible(page);

    await page.goto("/zh-Hans/notices");
    await expectPhoneLayout(page);
    await expectAccessible(page);
  });

  test("zh-Hans without JavaScript: the filters fold behind 筛选, and 区县 → 街道 → 社区 narrow by submitting", async ({
    browser,
  }) => {
    const noScript = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
    const bare = await noScript.newPage();
    await bare.goto("/zh-Hans/notices");
    const district = bare.getByLabel("区县");
    await expect(district).toBeHidden();
    await bare.locator("summary", { hasText: "筛选" }).click();
    await district.selectOption({ label: "锦江区" });
    await filterButton(bare).click();
    await expect(bare).toHaveURL(/district=510104/);
    await expect(bare.locator("summary", { hasText: "筛选" })).toContainText("1");
    await bare.locator("summary", { hasText: "筛选" }).click();
    await expect(bare.locator("#n-street option")).toHaveText(["全部", "春熙路街道", "书院街街道"]);
    await bare.locator("#n-street").selectOption({ label: "春熙路街道" });
    await filterButton(bare).click();
    await bare.locator("summary", { hasText: "筛选" }).click();
    await expect(bare.locator("#n-community option")).toHaveText(["全部", "和平街社区", "红石柱社区"]);
    // a changed district drops the street that is not in it
    await bare.getByLabel("区县").selectOption({ label: "武侯区" });
    await filterButton(bare).click();
    await bare.locator("summary", { hasText: "筛选" }).click();
    await expect(bare.locator("#n-street")).toHaveValue("");
    await expect(bare.locator("#n-street option", { hasText: "春熙路街道" })).toHaveCount(0);
    await expectCurrentSection(bare, "/zh-Hans/notices");
    await noScript.close();
  });

  test("en: pages fit, the menu names the section, the guide's files are links", async ({ page }) => {
    for (const path of ["/en", "/en/disclosure", "/en/notices", "/en/disclosure/guide"]) {
      await page.goto(path);
      await expectPhoneLayout(page);
    }
    await page.goto("/en/services/RS-JYDJ-001");
    await expectPhoneLayout(page);
    await expect(page.locator("summary", { hasText: "Menu" })).toContainText("Services");
    await expect(page.getByRole("link", { name: /Blank form/ })).toHaveCount(1);
    await expectAccessible(page);
  });

  test("the newest pages fit and speak English: letters (write, track, published, figures), the account's e-mail, staff letters, annual reports, disclosure settings", async ({
    page,
    browser,
  }) => {
    // eleven pages, three axe runs (letter.spec, email-change.spec and disclosure-law.spec check the
    // others' axe already) and a staff sign-in: room for a loaded machine
    test.setTimeout(120_000);
    const visit = async (target: Page, path: string, { english = false } = {}) => {
      expect((await target.goto(path))?.status(), path).toBe(200);
      await expectPhoneLayout(target);
      if (english) expect(await unmarkedChinese(target), path).toEqual([]);
    };
    await visit(page, "/en/letters", { english: true });
    const published = await page
      .locator("main a[href^='/en/letters/XJ']")
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).pathname);
    await visit(page, published, { english: true });
    await visit(page, "/en/letters/figures", { english: true });
    // a question needs no account: written, then followed with its number and 查询码
    await visit(page, "/en/letters/write", { english: true });
    await page.getByLabel("Question", { exact: true }).check();
    await page.getByLabel("Mailbox").selectOption("MAYOR");
    await page.getByLabel("Subject").fill("春熙路 bus stop");
    await page
      .getByLabel("Your letter", { exact: true })
      .fill("春熙路公交站什么时候恢复？When does the stop reopen?");
    await page.getByLabel("No, keep it private", { exact: true }).check();
    await page.getByRole("button", { name: "Send the letter" }).click();
    const number = (await page.getByTestId("tracking-number").textContent())!;
    const code = (await page.getByTestId("access-code").textContent())!;
    await trackByForm(page, "en", number, code);
    await expectPhoneLayout(page);
    expect(await unmarkedChinese(page)).toEqual([]);
    await expectAccessible(page);
    // signed in: the writer's name is theirs, marked as Chinese, in the header and on the form
    await signInCitizen(page, "citizen@example.cn", "en");
    await visit(page, "/en/letters/write", { english: true });
    await expect(page.locator("main [lang='zh-Hans']", { hasText: "张晓明" })).toHaveCount(1);
    await visit(page, "/zh-Hans/account/email");
    // staff pages: nothing sideways either (the staff menu wraps); annual reports are axe-checked in
    // disclosure-law.spec
    const admin = await staffPage(browser, "admin@example.cn");
    await admin.setViewportSize(phone);
    for (const path of ["/staff/letters", "/staff/annual-reports", "/staff/disclosure-settings"]) {
      expect((await admin.goto(path))?.status(), path).toBe(200);
      const sideways = await admin.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
      if (path !== "/staff/annual-reports") await expectAccessible(admin);
    }
    await admin.context().close();
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: desktop });

  test("en: the section stays marked through client navigation; the guide prints as a PDF; filters stay open", async ({
    page,
  }) => {
    await page.goto("/en");
    await expectCurrentSection(page, "/en");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await nav.getByRole("link", { name: "Services" }).click();
    await expect(page).toHaveURL(/\/en\/services$/);
    await expectCurrentSection(page, "/en/services");
    await expect(page.getByLabel("Department")).toBeVisible();
    await page.getByRole("link", { name: "Employment registration" }).first().click();
    await expect(page).toHaveURL(/\/en\/services\/RS-JYDJ-001$/);
    await expectCurrentSection(page, "/en/services");
    // the table is a table here, with its column headers
    await expect(page.getByRole("columnheader", { name: "Copies" })).toBeVisible();
    const guide = await expectPdf(
      page.request,
      (await page.getByRole("link", { name: "Download the guide (PDF)" }).getAttribute("href"))!,
      /^inline;/,
    );
    // the extracted text loses its spaces
    expect(guide.text.replace(/\s/g, "")).toContain("Employmentregistration");
    expect(guide.text).toContain("RS-JYDJ-001");
    expect(guide.text).toContain("就业登记");
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Community notices" }).click();
    await expect(page).toHaveURL(/\/en\/notices$/);
    await expectCurrentSection(page, "/en/notices");
    await expect(page.getByLabel("District", { exact: true })).toBeVisible();
    expect((await page.request.get("/en/services/RS-JYDJ-001/files/..%2Fx.pdf")).status()).toBe(404);
    expect((await page.request.get("/en/services/NO-SUCH/files/result-sample.pdf")).status()).toBe(404);
  });
});

/** Applies for 就业登记 through the API with the page's session, as the citizen's app would. */
async function applyThroughApi(request: APIRequestContext): Promise<string> {
  const uploaded = await request.post("/api/v1/uploads", {
    multipart: { file: { name: pdfFile.name, mimeType: pdfFile.mimeType, buffer: pdfFile.buffer } },
  });
  const { id } = (await uploaded.json()) as { id: string };
  const created = await request.post("/api/v1/applications", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: { serviceCode: "RS-JYDJ-001", answers: employmentAnswers(id), uploads: { idCardCopy: id } },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { trackingNumber: string }).trackingNumber;
}

test.describe("补正 on a phone", () => {
  test.use({ viewport: phone });

  test("zh-Hans: the case page lists each item with its own upload and the deadline; answered without JavaScript", async ({
    page: withScript,
    browser,
  }) => {
    // a staff sign-in and two posts with files: room for a loaded machine
    test.setTimeout(120_000);
    let page = withScript;
    await signInCitizen(page, "citizen2@example.cn");
    const number = await applyThroughApi(page.request);
    const caseworker = await staffPage(browser, "caseworker@example.cn");
    await staffDo(caseworker, number, "要求补齐补正", async (p) => {
      await p.locator("#requestSupplement-missing").fill("劳动合同首页\n身份证反面");
    });

    await page.goto(`/zh-Hans/account/cases/${number}`);
    const section = () => page.locator("section:has(#supply)");
    await expect(section()).toContainText(/请于\d{4}年\d{1,2}月\d{1,2}日前提交/);
    await expect(page.getByText("补正期限")).toBeVisible();
    await expect(section().getByLabel("第1项：劳动合同首页")).toHaveAttribute("type", "file");
    await expect(section().getByLabel("第2项：身份证反面")).toHaveAttribute("type", "file");
    await expectPhoneLayout(page);
    await expectAccessible(page);
    // without JavaScript, as the same citizen: an item left without its file is marked beside its own input
    const noScript = await browser.newContext({
      viewport: phone,
      javaScriptEnabled: false,
      storageState: await withScript.context().storageState(),
    });
    page = await noScript.newPage();
    await page.goto(`/zh-Hans/account/cases/${number}`);
    await section().getByLabel("第1项：劳动合同首页").setInputFiles(pdfFile);
    await section().getByRole("button", { name: "提交补正材料" }).click();
    await expect(page.locator("#supply-item-1-error")).toContainText("请上传第2项：身份证反面");
    await expect(page.locator("#supply-item-0-error")).toHaveCount(0);
    await withScript.goto(page.url());
    await expect(withScript.locator("#supply-item-1-error")).toBeVisible();
    await expectAccessible(withScript);
    await section().getByLabel("第1项：劳动合同首页").setInputFiles(pdfFile);
    await section()
      .getByLabel("第2项：身份证反面")
      .setInputFiles({ ...pdfFile, name: "back.pdf" });
    await section().getByRole("button", { name: "提交补正材料" }).click();
    await expect(page).toHaveURL(/done=supplied/);
    await expect(page.locator("section:has(#supply)")).toHaveCount(0);
    await expect(page.locator("section[aria-labelledby=files]")).toContainText("back.pdf");
    await noScript.close();
  });
});
