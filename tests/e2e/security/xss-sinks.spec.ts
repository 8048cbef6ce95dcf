import { expect, test, type Browser, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { foreignScripts, markupProblems, watchDialogs } from "../helpers/xss";
import { lookUpLetterByForm, trackByForm } from "../helpers/track";

/**
 * The XSS corpus through the HTML sinks a signed-in person writes into, checked in a real browser
 * with JavaScript on: form answers (the applicant's check-your-answers page, their case page and
 * the staff case page), attachment names (every page that lists them), the 补正 list, disclosure
 * request descriptions (the requester's pages and the officer's) and search synonyms (the public
 * search page and the administrators' page). Many payloads share one record, so the corpus takes
 * a few dozen journeys rather than a hundred.
 */

test.describe.configure({ timeout: 600_000 });

async function signedIn(browser: Browser, who: "citizen" | "staff", email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (who === "citizen") await signInCitizen(page, email, "en");
  else await signInStaff(page, email);
  return page;
}

/** Nothing ran, no script the page did not make, no markup a payload brought. */
async function expectInert(page: Page, root = "main") {
  expect(await foreignScripts(page), page.url()).toBe(0);
  expect(await markupProblems(page, root, { formControls: true }), page.url()).toEqual([]);
}

/**
 * The payloads packed into records of text fields (greedy first fit, joined by `separator`), so
 * that every payload is written whole somewhere: `caps` are the fields' lengths.
 */
function pack<K extends string>(
  payloads: string[],
  caps: Record<K, number>,
  separator = " ",
): Record<K, string>[] {
  const records: Record<K, string>[] = [];
  for (const payload of payloads) {
    const fits = (record: Record<K, string>) =>
      (Object.keys(caps) as K[]).find(
        (field) =>
          (record[field] ? record[field].length + separator.length : 0) + payload.length <= caps[field],
      );
    let record = records.find((r) => fits(r) !== undefined);
    if (!record) {
      record = Object.fromEntries(Object.keys(caps).map((field) => [field, ""])) as Record<K, string>;
      records.push(record);
    }
    const field = fits(record)!;
    record[field] = record[field] ? `${record[field]}${separator}${payload}` : payload;
  }
  return records;
}

const pdfNamed = (payload: string) => ({ ...pdfFile, name: `${payload}.pdf` });

test("form answers, attachment names and the 补正 list never run and never reach a page as markup", async ({
  browser,
}) => {
  const citizen = await signedIn(browser, "citizen", "citizen2@example.cn");
  const caseworker = await signedIn(browser, "staff", "caseworker@example.cn");
  const dialogs = watchDialogs(citizen, caseworker);
  // the same people without JavaScript: the markup as the server sends it (an element a payload
  // brought would be there whether or not it could run) at a fraction of a hydrated page's cost;
  // the first records and cases are also seen with JavaScript, where anything a payload smuggled
  // into the client's rendering would run
  const quietly = async (page: Page) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    // what the page is made of is the question here, not how it looks
    await context.route(/\.(css|woff2?|png|jpe?g|svg|ico)(\?|$)/, (route) => route.abort());
    return context.newPage();
  };
  const [citizenQuiet, caseworkerQuiet] = [await quietly(citizen), await quietly(caseworker)];
  const withScript = 2;
  // RS-JYDJ-001's free-text answers: 姓名 (50), 就业单位 (100), 现居住地址 (300)
  const records = pack(xssPayloads, { fullName: 50, employer: 100, address: 300 });
  const step = async (stepId: string, fields: Record<string, string | typeof pdfFile>) => {
    const response = await citizen.request.post("/api/forms/apply-step", {
      multipart: { locale: "en", serviceCode: "RS-JYDJ-001", stepId, intent: "continue", ...fields },
      maxRedirects: 0,
    });
    expect(response.status(), stepId).toBe(303);
    expect(response.headers().location, stepId).not.toContain("form=");
  };
  // every payload also names a file: each case's upload, then the 补正 documents (ten at most,
  // once a case: 补正 is asked for once) until every name is used
  const names = [...xssPayloads];
  const cases: { number: string; files: number }[] = [];
  for (const record of records) {
    await step("applicant", {
      fullName: record.fullName,
      idNumber: "510104199003071237",
      mobile: "13800280001",
      address: record.address,
    });
    await step("employment", {
      employer: record.employer,
      startDate: "2026-11-02",
      employmentType: "full-time",
    });
    await step("materials", { idCardCopy: pdfNamed(names.shift() ?? "id-card") });
    const applicant = cases.length < withScript ? citizen : citizenQuiet;
    await applicant.goto("/en/services/RS-JYDJ-001/apply?step=check");
    await expect(applicant.locator("h1")).toHaveText("Check your answers");
    await expectInert(applicant);
    // the answers back in the form's fields (the first records: the same field, other payloads)
    if (cases.length < 3) {
      await applicant.goto("/en/services/RS-JYDJ-001/apply?step=applicant");
      await expect(applicant.getByLabel("Full name")).toHaveValue(record.fullName.trim());
      await expectInert(applicant);
      await applicant.goto("/en/services/RS-JYDJ-001/apply?step=check");
    }
    await applicant.getByRole("button", { name: "Accept and submit" }).click();
    cases.push({ number: (await applicant.getByTestId("tracking-number").textContent())!, files: 1 });
  }
  for (const [index, found] of cases.entries()) {
    const batch = names.splice(0, 10);
    if (!batch.length) break;
    const applicant = index < withScript ? citizen : citizenQuiet;
    // the 补正 list names the documents, one a line, as the caseworker writes it
    await caseworker.goto(`/staff/cases/${found.number}`);
    await caseworker.locator("#requestSupplement-missing").fill(batch.join("\n"));
    await caseworker
      .locator("section")
      .filter({ has: caseworker.getByRole("heading", { name: "要求补齐补正", exact: true }) })
      .getByRole("button", { name: "要求补齐补正", exact: true })
      .click();
    await expect(caseworker.getByRole("status").filter({ hasText: found.number })).toBeVisible();
    await applicant.goto(`/en/account/cases/${found.number}`);
    await expectInert(applicant);
    // each item of the list its own file, named by the payload
    for (const [item, name] of batch.entries())
      await applicant.locator(`#supply-item-${item}`).setInputFiles(pdfNamed(name));
    await applicant.getByRole("button", { name: "Send documents" }).click();
    await expect(applicant.getByRole("status")).toBeVisible();
    found.files += batch.length;
  }
  expect(names).toEqual([]);

  for (const [index, found] of cases.entries()) {
    const [applicant, staff] = index < withScript ? [citizen, caseworker] : [citizenQuiet, caseworkerQuiet];
    await applicant.goto(`/en/account/cases/${found.number}`);
    await expect(applicant.locator("section[aria-labelledby=files] li")).toHaveCount(found.files);
    await expectInert(applicant);
    await staff.goto(`/staff/cases/${found.number}`);
    await expect(staff.locator("section[aria-labelledby=answers]")).toContainText("510104199003071237");
    await expectInert(staff);
  }
  expect(dialogs).toEqual([]);
});

test("disclosure request descriptions never run, for the requester or the officer", async ({ browser }) => {
  const citizen = await signedIn(browser, "citizen", "citizen2@example.cn");
  const officer = await signedIn(browser, "staff", "officer@example.cn");
  const dialogs = watchDialogs(citizen, officer);
  const descriptions = pack(
    xssPayloads.map((payload, i) => `${i + 1}. ${payload}`),
    // 4000 characters, less room for the browser sending each line break as two
    { description: 3800 },
    "\n",
  ).map((record) => record.description);
  const fill = async (description: string, phone: string) => {
    await citizen.goto("/en/disclosure/request");
    await citizen.getByLabel("Office asked").selectOption("RSJ");
    await citizen.getByLabel("A person", { exact: true }).check();
    await citizen.getByLabel("Your name or your organisation's name").fill("张晓明");
    await citizen.getByLabel("ID card number or unified social credit code").fill("510104199003071237");
    await citizen.getByLabel("Mobile phone").fill(phone);
    await citizen.getByLabel("What information do you want?").fill(description);
    await citizen.getByLabel("Download online").check();
    await citizen.getByRole("button", { name: "Send request" }).click();
  };
  const numbers: { number: string; code: string }[] = [];
  for (const description of descriptions) {
    // a mistake elsewhere brings the description back into the form
    await fill(description, "1380028");
    await expect(citizen.getByLabel("What information do you want?")).toHaveValue(description);
    await expectInert(citizen);
    await fill(description, "13800280001");
    await expect(citizen.getByTestId("tracking-number")).toBeVisible();
    numbers.push({
      number: (await citizen.getByTestId("tracking-number").textContent())!,
      code: (await citizen.getByTestId("access-code").textContent())!,
    });
    await expectInert(citizen);
  }
  for (const { number, code } of numbers) {
    await citizen.goto(`/en/account/requests/${number}`);
    await expectInert(citizen);
    await trackByForm(citizen, "en", number, code);
    await expectInert(citizen);
    await officer.goto(`/staff/requests/${number}`);
    await expect(officer.locator("section[aria-labelledby=application]")).toContainText("1. ");
    await expectInert(officer);
  }
  expect(dialogs).toEqual([]);
});

test("search synonyms never run on the public search page or the administrators' page", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "staff", "admin@example.cn");
  const withScript = await (await browser.newContext()).newPage();
  const dialogs = watchDialogs(admin, withScript);
  // a group's terms are split at spaces and commas and hold 30 characters each: every payload
  // goes in as its words, nine to a group (a group holds ten) beside a word of our own to search for
  const words = [
    ...new Set(
      xssPayloads.flatMap((payload) =>
        payload
          .split(/[\s,，、;；|]+/)
          .filter(Boolean)
          .map((word) => word.slice(0, 30)),
      ),
    ),
  ];
  const groups: { anchor: string; words: string[] }[] = [];
  for (let start = 0; start < words.length; start += 9)
    groups.push({ anchor: `xsssyn${groups.length}q`, words: words.slice(start, start + 9) });
  await admin.goto("/staff/search/synonyms");
  for (const group of groups) {
    // the page comes back with the new group listed, ready for the next
    await admin.locator("#new-terms").fill([group.anchor, ...group.words].join("\n"));
    await admin.getByRole("button", { name: "新增" }).click();
    await expect(admin.getByRole("heading", { name: new RegExp(`${group.anchor}\\b`) })).toHaveCount(1);
  }
  await expect(admin.getByRole("status")).toHaveText("已保存。");
  await expectInert(admin);

  // the public page without JavaScript (the markup as sent), the first groups with it too
  const quiet = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const [index, group] of groups.entries()) {
    const visitor = index < 3 ? withScript : quiet;
    await visitor.goto(`/en/search?q=${group.anchor}`);
    // the group's other words are shown as searched too
    await expect(visitor.locator("main")).toContainText("Synonyms searched too");
    await expectInert(visitor);
  }

  // the groups go again, so that other tests search without them
  await admin.goto("/staff/search/synonyms");
  for (const group of groups) {
    const section = admin.locator("section", {
      has: admin.getByRole("heading", { name: new RegExp(`${group.anchor}\\b`) }),
    });
    await section.getByRole("button", { name: "删除这一组" }).click();
    // the page comes back without the group (the status line alone may still be the last one's)
    await expect(section).toHaveCount(0);
    await expect(admin.getByRole("status")).toHaveText("已删除。");
  }
  await expect(admin.locator("main")).not.toContainText("xsssyn");
  expect(dialogs).toEqual([]);
});

test("letters never run: the writer's pages, the 查询码 view and the mailbox's staff pages", async ({
  browser,
}) => {
  const writer = await signedIn(browser, "citizen", "citizen2@example.cn");
  // the RSJ mailbox's supervisor (not a staff account the tests above sign in)
  const handler = await signedIn(browser, "staff", "supervisor@example.cn");
  const visitor = await (await browser.newContext()).newPage();
  const dialogs = watchDialogs(writer, handler, visitor);
  // every payload in a letter's text (5000 characters, less room for line breaks sent as two),
  // and as many as fit in each letter's subject (100)
  const contents = pack(
    xssPayloads.map((payload, i) => `${i + 1}. ${payload}`),
    { content: 4700 },
    "\n",
  ).map((record) => record.content);
  const subjects = pack(xssPayloads, { subject: 100 }).map((record) => record.subject);
  const letters: { number: string; code: string }[] = [];
  for (const [i, content] of contents.entries()) {
    await writer.goto("/en/letters/write");
    await writer.getByLabel("Complaint", { exact: true }).check();
    await writer.getByLabel("Mailbox").selectOption("RSJ");
    await writer.getByLabel("Subject").fill(subjects[i]);
    await writer.getByLabel("Your letter", { exact: true }).fill(content);
    await writer.getByLabel("Yes, it may be published", { exact: true }).check();
    await writer.getByRole("button", { name: "Send the letter" }).click();
    await expect(writer.getByRole("heading", { name: "Your letter has been sent" })).toBeVisible();
    await expectInert(writer);
    letters.push({
      number: (await writer.getByTestId("tracking-number").textContent())!,
      code: (await writer.getByTestId("access-code").textContent())!,
    });
  }
  await handler.goto("/staff/letters");
  for (const { number } of letters) await expect(handler.getByRole("link", { name: number })).toBeVisible();
  await expectInert(handler);
  for (const { number, code } of letters) {
    await writer.goto(`/en/letters/${number}`);
    await expect(writer.locator("main")).toContainText("1. ");
    await expectInert(writer);
    await lookUpLetterByForm(visitor, "en", number, code);
    await expectInert(visitor);
    await handler.goto(`/staff/letters/${number}`);
    await expect(handler.locator("main")).toContainText(number);
    await expectInert(handler);
  }
  expect(dialogs).toEqual([]);
});
