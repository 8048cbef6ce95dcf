import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { xssPayloads } from "../../fixtures/xss-payloads";
import { signInCitizen, signInStaff } from "../helpers/accounts";
import { pdfFile } from "../helpers/files";
import { formFields, postForm } from "../helpers/forms";
import { fetchPages, foreignScripts, markupProblems, sentMarkup, watchDialogs } from "../helpers/xss";
import { lookUpLetterByForm, trackByForm } from "../helpers/track";

/**
 * The XSS corpus through the HTML sinks a signed-in person writes into: form answers (the
 * applicant's check-your-answers page and form, their case page and the staff case page),
 * attachment names (every page that lists them), the 补正 list, disclosure request descriptions
 * (the requester's pages and the officer's), letters (the writer's pages, the 查询码 view and the
 * mailbox's staff pages) and search synonyms (the public search page and the administrators'
 * page). Many payloads share one record, so the corpus takes a few dozen records rather than a
 * hundred.
 *
 * What runs needs a page with JavaScript on: the first record of each sink is made through the
 * pages as a person does and every page it reaches is seen hydrated, with a dialog watcher (and
 * where the product lists many records on one page — the synonyms, the mailbox's letters — that
 * page is seen hydrated with all of them). The other records are posted as a browser without
 * JavaScript posts the same forms (their fields as sent, hidden ones too: tests/e2e/helpers/forms.ts)
 * and every page they reach is fetched with the same session and its markup checked as the
 * server sent it (sentMarkup): an element a payload brought would be in that markup whether or not
 * it could run.
 */

test.describe.configure({ timeout: 600_000 });

/** Citizens' sessions signed in by an earlier test of this file: each signs in once (staff: signInStaff keeps them). */
const citizenSessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();

async function signedIn(browser: Browser, who: "citizen" | "staff", email: string): Promise<Page> {
  const kept = who === "citizen" ? citizenSessions.get(email) : undefined;
  const page = await (await browser.newContext(kept ? { storageState: kept } : {})).newPage();
  if (kept) return page;
  if (who === "citizen") {
    await signInCitizen(page, email, "en");
    citizenSessions.set(email, await page.context().storageState());
  } else await signInStaff(page, email);
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
  /** The markup of pages as the server sent them: nothing a payload brought (see sentMarkup). */
  const expectSentInert = async (htmls: string[], root = "main") => {
    for (const [index, found] of (await sentMarkup(citizen, htmls, root, { formControls: true })).entries()) {
      expect(found.foreignScripts, `page ${index}`).toBe(0);
      expect(found.problems, `page ${index}`).toEqual([]);
    }
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
    if (!cases.length) {
      // the first through the pages, with JavaScript on: check your answers, the answers back in
      // the form's fields, and the button
      await citizen.goto("/en/services/RS-JYDJ-001/apply?step=check");
      await expect(citizen.locator("h1")).toHaveText("Check your answers");
      await expectInert(citizen);
      await citizen.goto("/en/services/RS-JYDJ-001/apply?step=applicant");
      await expect(citizen.getByLabel("Full name")).toHaveValue(record.fullName.trim());
      await expectInert(citizen);
      await citizen.goto("/en/services/RS-JYDJ-001/apply?step=check");
      await citizen.getByRole("button", { name: "Accept and submit" }).click();
      cases.push({ number: (await citizen.getByTestId("tracking-number").textContent())!, files: 1 });
      continue;
    }
    // the rest as a browser without JavaScript sees and sends them
    const [check] = await fetchPages(citizen, ["/en/services/RS-JYDJ-001/apply?step=check"]);
    await expectSentInert([check]);
    // the answers back in the form's fields (the first records: the same field, other payloads)
    if (cases.length < 3) {
      const [applicantStep] = await fetchPages(citizen, ["/en/services/RS-JYDJ-001/apply?step=applicant"]);
      const [answer] = await sentMarkup(citizen, [applicantStep], "main", {
        formControls: true,
        value: "input[name=fullName]",
      });
      expect(answer.value).toBe(record.fullName.trim());
      expect(answer.foreignScripts).toBe(0);
      expect(answer.problems).toEqual([]);
    }
    const submit = await formFields(citizen, check, "form:has(input[name=idempotencyKey])");
    const submitted = await postForm(citizen, "/en/services/RS-JYDJ-001/apply?step=check", submit);
    expect(submitted.status()).toBe(303);
    const number = /[?&]number=(SV\d{14})/.exec(submitted.headers().location ?? "")?.[1];
    expect(number, submitted.headers().location).toBeDefined();
    cases.push({ number: number!, files: 1 });
  }
  for (const [index, found] of cases.entries()) {
    const batch = names.splice(0, 10);
    if (!batch.length) break;
    if (index === 0) {
      // the 补正 list names the documents, one a line, as the caseworker writes it
      await caseworker.goto(`/staff/cases/${found.number}`);
      await caseworker.locator("#requestSupplement-missing").fill(batch.join("\n"));
      await caseworker
        .locator("section")
        .filter({ has: caseworker.getByRole("heading", { name: "要求补齐补正", exact: true }) })
        .getByRole("button", { name: "要求补齐补正", exact: true })
        .click();
      await expect(caseworker.getByRole("status").filter({ hasText: found.number })).toBeVisible();
      await citizen.goto(`/en/account/cases/${found.number}`);
      await expectInert(citizen);
      // each item of the list its own file, named by the payload
      for (const [item, name] of batch.entries())
        await citizen.locator(`#supply-item-${item}`).setInputFiles(pdfNamed(name));
      await citizen.getByRole("button", { name: "Send documents" }).click();
      await expect(citizen.getByRole("status")).toBeVisible();
    } else {
      const [staffPage] = await fetchPages(caseworker, [`/staff/cases/${found.number}`]);
      const asked = await postForm(
        caseworker,
        "/api/forms/case-step",
        await formFields(caseworker, staffPage, "form:has(#requestSupplement-missing)"),
        { missing: batch.join("\r\n") },
      );
      expect(asked.status(), found.number).toBe(303);
      expect(asked.headers().location, found.number).not.toContain("form=");
      const [casePage] = await fetchPages(citizen, [`/en/account/cases/${found.number}`]);
      await expectSentInert([casePage]);
      const supplied = await postForm(
        citizen,
        "/api/forms/case-supply",
        await formFields(citizen, casePage, "form:has(#supply-item-0)"),
        Object.fromEntries(batch.map((name, item) => [`item-${item}`, pdfNamed(name)])),
      );
      expect(supplied.status(), found.number).toBe(303);
      expect(supplied.headers().location, found.number).not.toContain("form=");
    }
    found.files += batch.length;
  }
  expect(names).toEqual([]);

  // every case's page for the applicant and the caseworker: the first with JavaScript on, all as sent
  await citizen.goto(`/en/account/cases/${cases[0].number}`);
  await expect(citizen.locator("section[aria-labelledby=files] li")).toHaveCount(cases[0].files);
  await expectInert(citizen);
  await caseworker.goto(`/staff/cases/${cases[0].number}`);
  await expect(caseworker.locator("section[aria-labelledby=answers]")).toContainText("510104199003071237");
  await expectInert(caseworker);
  const applicantPages = await fetchPages(
    citizen,
    cases.map((found) => `/en/account/cases/${found.number}`),
  );
  const staffPages = await fetchPages(
    caseworker,
    cases.map((found) => `/staff/cases/${found.number}`),
  );
  await expectSentInert([...applicantPages, ...staffPages]);
  const files = await sentMarkup(citizen, applicantPages, "main", {
    count: "section[aria-labelledby=files] li",
  });
  const answers = await sentMarkup(citizen, staffPages, "section[aria-labelledby=answers]");
  for (const [index, found] of cases.entries()) {
    expect(files[index].count, found.number).toBe(found.files);
    expect(answers[index].text, found.number).toContain("510104199003071237");
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
  // the first request through the form: a mistake elsewhere brings the description back into it
  await fill(descriptions[0], "1380028");
  await expect(citizen.getByLabel("What information do you want?")).toHaveValue(descriptions[0]);
  await expectInert(citizen);
  await fill(descriptions[0], "13800280001");
  await expect(citizen.getByTestId("tracking-number")).toBeVisible();
  numbers.push({
    number: (await citizen.getByTestId("tracking-number").textContent())!,
    code: (await citizen.getByTestId("access-code").textContent())!,
  });
  await expectInert(citizen);
  // the others as the form is posted without JavaScript, the same two ways
  const [formSent] = await fetchPages(citizen, ["/en/disclosure/request"]);
  const form = await formFields(citizen, formSent, "form:has(textarea[name=description])");
  const post = (description: string, phone: string) =>
    postForm(citizen, "/en/disclosure/request", form, {
      department: "RSJ",
      requesterType: "PERSON",
      requesterName: "张晓明",
      idNumber: "510104199003071237",
      phone,
      description: description.replace(/\n/g, "\r\n"),
      deliveryMethod: "download",
    });
  for (const description of descriptions.slice(1)) {
    const refused = await post(description, "1380028");
    expect(refused.status()).toBe(200);
    const [kept] = await sentMarkup(citizen, [await refused.text()], "main", {
      formControls: true,
      value: "textarea[name=description]",
    });
    expect(kept.value).toBe(description);
    expect(kept.foreignScripts).toBe(0);
    expect(kept.problems).toEqual([]);
    const filed = await post(description, "13800280001");
    expect(filed.status()).toBe(303);
    const [confirmation] = await fetchPages(citizen, [filed.headers().location ?? ""]);
    const [number, code, page] = await Promise.all(
      ["[data-testid=tracking-number]", "[data-testid=access-code]", "main"].map(
        async (root) => (await sentMarkup(citizen, [confirmation], root, { formControls: true }))[0],
      ),
    );
    expect(page.foreignScripts).toBe(0);
    expect(page.problems).toEqual([]);
    numbers.push({ number: number.text.trim(), code: code.text.trim() });
  }
  // the first request's pages with JavaScript on, every request's as sent
  const [first] = numbers;
  await citizen.goto(`/en/account/requests/${first.number}`);
  await expectInert(citizen);
  await trackByForm(citizen, "en", first.number, first.code);
  await expectInert(citizen);
  await officer.goto(`/staff/requests/${first.number}`);
  await expect(officer.locator("section[aria-labelledby=application]")).toContainText("1. ");
  await expectInert(officer);
  const [trackSent] = await fetchPages(citizen, ["/en/track"]);
  const track = await formFields(citizen, trackSent, "form:has(#field-accessCode)");
  // one lookup at a time: the 查询码 is kept in one cookie, the last lookup's
  const looked: string[] = [];
  for (const { number, code } of numbers) {
    const found = await postForm(citizen, "/en/track", track, { trackingNumber: number, accessCode: code });
    expect(found.status(), number).toBe(303);
    expect(found.headers().location, number).toMatch(/\/track\?lookup=/);
    looked.push(...(await fetchPages(citizen, [found.headers().location!])));
  }
  const [own, handled] = await Promise.all([
    fetchPages(
      citizen,
      numbers.map(({ number }) => `/en/account/requests/${number}`),
    ),
    fetchPages(
      officer,
      numbers.map(({ number }) => `/staff/requests/${number}`),
    ),
  ]);
  const seen = await sentMarkup(citizen, [...own, ...looked, ...handled], "main", { formControls: true });
  for (const [index, found] of seen.entries()) {
    const { number } = numbers[index % numbers.length];
    expect(found.text, number).toContain(number);
    expect(found.foreignScripts, number).toBe(0);
    expect(found.problems, number).toEqual([]);
  }
  const application = await sentMarkup(citizen, handled, "section[aria-labelledby=application]");
  for (const found of application) expect(found.text).toContain("1. ");
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
  // the first group through the page as an administrator adds it; the rest posted as the page's
  // form is without JavaScript (the page comes back with the new group listed, ready for the next)
  const synonymsPage = "/staff/search/synonyms";
  await admin.goto(synonymsPage);
  await admin.locator("#new-terms").fill([groups[0].anchor, ...groups[0].words].join("\n"));
  await admin.getByRole("button", { name: "新增" }).click();
  await expect(admin.getByRole("heading", { name: new RegExp(`${groups[0].anchor}\\b`) })).toHaveCount(1);
  await expect(admin.getByRole("status")).toHaveText("已保存。");
  const [pageSent] = await fetchPages(admin, [synonymsPage]);
  const add = await formFields(admin, pageSent, "form:has(#new-terms)");
  for (const group of groups.slice(1)) {
    const response = await postForm(admin, synonymsPage, add, {
      terms: [group.anchor, ...group.words].join("\r\n"),
    });
    expect(response.status(), group.anchor).toBe(303);
    expect(response.headers().location, group.anchor).toContain("done=saved");
  }
  // every group at once on the administrators' page, with JavaScript on
  await admin.goto(synonymsPage);
  for (const group of groups)
    await expect(admin.getByRole("heading", { name: new RegExp(`${group.anchor}\\b`) })).toHaveCount(1);
  await expectInert(admin);

  // the public page (it shows the first few of a group's other words as searched too): the first
  // groups with JavaScript on, the others as the server sends them
  for (const group of groups.slice(0, 3)) {
    await withScript.goto(`/en/search?q=${group.anchor}`);
    await expect(withScript.locator("main")).toContainText("Synonyms searched too");
    await expectInert(withScript);
  }
  const searched = await sentMarkup(
    withScript,
    await fetchPages(
      withScript,
      groups.slice(3).map((group) => `/en/search?q=${group.anchor}`),
    ),
    "main",
    { formControls: true },
  );
  for (const [index, group] of groups.slice(3).entries()) {
    expect(searched[index].text, group.anchor).toContain("Synonyms searched too");
    expect(searched[index].foreignScripts, group.anchor).toBe(0);
    expect(searched[index].problems, group.anchor).toEqual([]);
  }

  // the groups go again, so that other tests search without them: the first through the page,
  // the rest by their delete forms as sent
  await admin.goto(synonymsPage);
  const first = admin.locator("section", {
    has: admin.getByRole("heading", { name: new RegExp(`${groups[0].anchor}\\b`) }),
  });
  await first.getByRole("button", { name: "删除这一组" }).click();
  await expect(first).toHaveCount(0);
  await expect(admin.getByRole("status")).toHaveText("已删除。");
  const [listed] = await fetchPages(admin, [synonymsPage]);
  const deletes = await admin.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    return [...doc.querySelectorAll("main section")].flatMap((section) => {
      const form = [...section.querySelectorAll("form")].find((f) =>
        f.querySelector("button")?.textContent?.includes("删除这一组"),
      );
      if (!form) return [];
      const fields = [...new FormData(form).entries()].flatMap(([name, value]) =>
        typeof value === "string" ? [[name, value] as [string, string]] : [],
      );
      return [{ heading: section.querySelector("h2")?.textContent ?? "", fields }];
    });
  }, listed);
  for (const group of groups.slice(1)) {
    const form = deletes.find((d) => new RegExp(`${group.anchor}\\b`).test(d.heading));
    expect(form, group.anchor).toBeDefined();
    const response = await postForm(admin, synonymsPage, form!.fields);
    expect(response.status(), group.anchor).toBe(303);
    expect(response.headers().location, group.anchor).toContain("done=deleted");
  }
  await admin.goto(synonymsPage);
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
  // the first letter through the form; the others posted as the form is without JavaScript
  await writer.goto("/en/letters/write");
  await writer.getByLabel("Complaint", { exact: true }).check();
  await writer.getByLabel("Mailbox").selectOption("RSJ");
  await writer.getByLabel("Subject").fill(subjects[0]);
  await writer.getByLabel("Your letter", { exact: true }).fill(contents[0]);
  await writer.getByLabel("Yes, it may be published", { exact: true }).check();
  await writer.getByRole("button", { name: "Send the letter" }).click();
  await expect(writer.getByRole("heading", { name: "Your letter has been sent" })).toBeVisible();
  await expectInert(writer);
  letters.push({
    number: (await writer.getByTestId("tracking-number").textContent())!,
    code: (await writer.getByTestId("access-code").textContent())!,
  });
  const [writeSent] = await fetchPages(writer, ["/en/letters/write"]);
  const write = await formFields(
    writer,
    writeSent,
    "form:has(#field-content), form:has(textarea[name=content])",
  );
  for (const [i, content] of contents.entries()) {
    if (i === 0) continue;
    const response = await postForm(writer, "/api/forms/letter-write", write, {
      kind: "COMPLAINT",
      mailbox: "RSJ",
      subject: subjects[i],
      content: content.replace(/\n/g, "\r\n"),
      consentToPublish: "yes",
    });
    expect(response.status(), subjects[i]).toBe(303);
    const sentPath = response.headers().location ?? "";
    expect(sentPath).toMatch(/^\/en\/letters\/XJ\d{14}\/sent$/);
    const [sent] = await fetchPages(writer, [sentPath]);
    const [number, code, page] = await Promise.all(
      ["[data-testid=tracking-number]", "[data-testid=access-code]", "main"].map(
        async (root) => (await sentMarkup(writer, [sent], root, { formControls: true }))[0],
      ),
    );
    expect(page.problems).toEqual([]);
    expect(page.foreignScripts).toBe(0);
    letters.push({ number: number.text.trim(), code: code.text.trim() });
  }
  await handler.goto("/staff/letters");
  for (const { number } of letters) await expect(handler.getByRole("link", { name: number })).toBeVisible();
  await expectInert(handler);
  // the first letter's pages with JavaScript on, every letter's as sent
  const [first] = letters;
  await writer.goto(`/en/letters/${first.number}`);
  await expect(writer.locator("main")).toContainText("1. ");
  await expectInert(writer);
  await lookUpLetterByForm(visitor, "en", first.number, first.code);
  await expectInert(visitor);
  await handler.goto(`/staff/letters/${first.number}`);
  await expect(handler.locator("main")).toContainText(first.number);
  await expectInert(handler);
  const [lookupSent] = await fetchPages(visitor, ["/en/letters/lookup"]);
  const lookup = await formFields(visitor, lookupSent, "form:has(#field-accessCode)");
  for (const { number, code } of letters) {
    const opened = await postForm(visitor, "/en/letters/lookup", lookup, { number, accessCode: code });
    expect(opened.status(), number).toBe(303);
    expect(opened.headers().location, number).toBe(`/en/letters/${number}`);
  }
  const paths = letters.map(({ number }) => `/en/letters/${number}`);
  const [written, looked, handled] = await Promise.all([
    fetchPages(writer, paths),
    fetchPages(visitor, paths),
    fetchPages(
      handler,
      letters.map(({ number }) => `/staff/letters/${number}`),
    ),
  ]);
  const seen = await sentMarkup(writer, [...written, ...looked, ...handled], "main", { formControls: true });
  for (const [index, found] of seen.entries()) {
    const { number } = letters[index % letters.length];
    expect(found.text, number).toContain(index < 2 * letters.length ? "1. " : number);
    expect(found.foreignScripts, number).toBe(0);
    expect(found.problems, number).toEqual([]);
  }
  expect(dialogs).toEqual([]);
});
