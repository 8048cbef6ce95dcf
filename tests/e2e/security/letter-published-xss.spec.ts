import { expect, test, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { signInStaff } from "../helpers/accounts";
import { formFields, postForm } from "../helpers/forms";
import { fetchPages, foreignScripts, markupProblems, watchDialogs } from "../helpers/xss";

/**
 * The XSS corpus on a published letter's public page, in a real browser with JavaScript on: one
 * letter written anonymously through the form carries the corpus — as many payloads as its text
 * holds (5000 characters) and the whole corpus in the reply (10000) — and is accepted, answered,
 * signed off, sent and published through the staff page's forms (the sign-off on the page itself,
 * which shows the letter and the reply with JavaScript on; the other steps posted as the page's
 * forms are without JavaScript). The public page (in English and in zh-Hant, whose text goes
 * through OpenCC) and the list show it as text: nothing runs, no markup.
 * The bulk (every payload as subject, content, reply and file name; the list, the feed, the
 * sitemap and search) is checked in tests/integration/letter-publication-xss.test.ts.
 */

/** Numbered payloads joined by line breaks, as many as fit in `max` characters (a break sent as two). */
function numbered(max: number): string {
  let text = "";
  for (const [i, payload] of xssPayloads.entries()) {
    const line = `${i + 1}. ${payload}`;
    const next = text ? `${text}\n${line}` : line;
    if (next.length + next.split("\n").length - 1 > max) break;
    text = next;
  }
  return text;
}

/** Takes one step from the staff letter page through the page: the step's region, its fields filled, its button. */
async function act(page: Page, number: string, name: string) {
  await page.goto(`/staff/letters/${number}`);
  const section = page.getByRole("region", { name, exact: true });
  await section.getByRole("button", { name, exact: true }).click();
  await expect(page.getByText("操作已完成。")).toBeVisible();
}

/** Takes one step by posting its form as the staff page sends it (as a browser without JavaScript does). */
async function post(page: Page, number: string, step: string, values: Record<string, string> = {}) {
  const path = `/staff/letters/${number}`;
  const [html] = await fetchPages(page, [path]);
  const fields = await formFields(page, html, `section[aria-labelledby=step-${step}] form`);
  const response = await postForm(page, path, fields, values);
  expect(response.status(), step).toBe(303);
  expect(response.headers().location, step).toBe(`${path}?done=${step}`);
}

test("a published letter carrying the XSS corpus shows it as text on its public page and the list", async ({
  browser,
}) => {
  const visitor = await (await browser.newContext()).newPage();
  const caseworker = await (await browser.newContext()).newPage();
  const supervisor = await (await browser.newContext()).newPage();
  const dialogs = watchDialogs(visitor, caseworker, supervisor);
  const content = numbered(5000);
  const reply = numbered(10000);
  expect(reply.split("\n")).toHaveLength(xssPayloads.length);
  const subject = `xss ${Date.now().toString(36)} <img src=x onerror=alert(1)>`;

  await visitor.goto("/en/letters/write");
  await visitor.getByLabel("Suggestion", { exact: true }).check();
  await visitor.getByLabel("Mailbox").selectOption("RSJ");
  await visitor.getByLabel("Subject").fill(subject);
  await visitor.getByLabel("Your letter", { exact: true }).fill(content);
  await visitor.getByLabel("Yes, it may be published", { exact: true }).check();
  await visitor.getByRole("button", { name: "Send the letter" }).click();
  await expect(visitor.getByRole("heading", { name: "Your letter has been sent" })).toBeVisible();
  const number = (await visitor.getByTestId("tracking-number").textContent())!;

  await signInStaff(caseworker, "caseworker@example.cn");
  await post(caseworker, number, "accept");
  await post(caseworker, number, "draft", { replyText: reply.replace(/\n/g, "\r\n") });
  // the drafter cannot sign their own draft off; the supervisor does on the page, which shows the
  // letter and the reply with JavaScript on
  await signInStaff(supervisor, "supervisor@example.cn");
  await act(supervisor, number, "审核通过");
  expect(await foreignScripts(supervisor)).toBe(0);
  expect(await markupProblems(supervisor, "main", { formControls: true })).toEqual([]);
  await post(caseworker, number, "send");
  await post(caseworker, number, "publish");

  const reader = await (await browser.newContext()).newPage();
  dialogs.push(...watchDialogs(reader));
  for (const locale of ["en", "zh-Hant"]) {
    expect((await reader.goto(`/${locale}/letters/${number}`))!.status()).toBe(200);
    const main = reader.locator("main");
    await expect(main).toContainText("<script>alert(1)</script>");
    await expect(main).toContainText(`${xssPayloads.length}. ${xssPayloads.at(-1)!.trim()}`);
    expect(await foreignScripts(reader), locale).toBe(0);
    expect(await markupProblems(reader, "main"), locale).toEqual([]);
  }
  await reader.goto(`/en/letters?q=${encodeURIComponent(subject.slice(0, 12))}`);
  await expect(reader.getByRole("link", { name: subject })).toBeVisible();
  expect(await markupProblems(reader, "main", { formControls: true })).toEqual([]);
  expect(dialogs).toEqual([]);
});
