/**
 * npx tsx scripts/screenshots.ts BASE_URL OUT_DIR: issue 14's five views of a running portal
 * (seeded demo data), each full-page at desktop 1366×900 and phone 390×844, in Debian's Chromium:
 *
 *   apply-errors   the 就业登记 application after an empty submit (zh-Hans)
 *   guide          the 就业登记 guide
 *   notices        the notice list, with the seeded current emergency (寒潮蓝色预警)
 *   staff-case     a caseworker's page of a case just applied for (staff sign-in with the demo TOTP)
 *   citizen-case   the applicant's case page once it is closed (where its document is offered)
 *   document.png   that document's first page, rendered from the PDF with pdfjs-dist
 *
 * It applies for one case as citizen@example.cn and takes it through 受理 → 开始审查 → 准予 → 办结
 * as caseworker@example.cn, so run it against a demo instance, not one with real data. It also
 * works against builds from before issue 14 (no second factor, no generated result document: it
 * then renders the 受理通知书 the case page offered, and says so). Not part of `npm test`.
 * Writes JPEG (quality 80) when `--jpeg` is given, PNG otherwise.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { employmentAnswers } from "../tests/helpers/answers";
import { runMain } from "./runMain";

const password = "Demo-pass-2026";
const totpSecret = "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA";
const service = "RS-JYDJ-001";
const sizes = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} as const;
type TSize = keyof typeof sizes;

/** A minimal, valid PDF for the ID card upload. */
const pdfBytes = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

type TRun = { base: string; out: string; jpeg: boolean; notes: string[] };

async function shoot(run: TRun, page: Page, name: string) {
  // images and web fonts settle before the picture
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(run.out, `${name}.${run.jpeg ? "jpg" : "png"}`);
  await page.screenshot({
    path: file,
    fullPage: true,
    type: run.jpeg ? "jpeg" : "png",
    ...(run.jpeg ? { quality: 80 } : {}),
  });
  console.log(`${file}  ${page.url()}`);
}

async function newContext(browser: Browser, run: TRun, size: TSize, from?: BrowserContext) {
  return browser.newContext({
    ...sizes[size],
    baseURL: run.base,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    storageState: from ? await from.storageState() : undefined,
  });
}

async function signInCitizen(page: Page) {
  await page.goto("/zh-Hans/sign-in");
  await page.locator("#field-email").fill("citizen@example.cn");
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
  await page.waitForURL(/\/zh-Hans\/account/);
}

/** Password, then (where the build asks for it) the authenticator's code for this 30-second step. */
async function signInStaff(page: Page, email: string) {
  await page.goto("/staff/sign-in");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form button[type=submit]").last().click();
  await page.waitForURL(/\/staff(\/sign-in\/code)?$/);
  if (page.url().endsWith("/sign-in/code")) {
    await page.getByLabel("动态验证码").fill(await generate({ secret: totpSecret }));
    await page.locator("form button[type=submit]").last().click();
    await page.waitForURL(/\/staff$/);
  }
}

/** Applies for 就业登记 through the JSON API with the citizen's session, as the app would. */
async function applyThroughApi(page: Page): Promise<string> {
  const uploaded = await page.request.post("/api/v1/uploads", {
    multipart: { file: { name: "id-card.pdf", mimeType: "application/pdf", buffer: pdfBytes } },
  });
  if (uploaded.status() !== 201) throw new Error(`upload: ${uploaded.status()} ${await uploaded.text()}`);
  const { id } = (await uploaded.json()) as { id: string };
  const created = await page.request.post("/api/v1/applications", {
    headers: { "Idempotency-Key": crypto.randomUUID() },
    data: { serviceCode: service, answers: employmentAnswers(id), uploads: { idCardCopy: id } },
  });
  if (created.status() !== 201) throw new Error(`apply: ${created.status()} ${await created.text()}`);
  return ((await created.json()) as { trackingNumber: string }).trackingNumber;
}

/**
 * Takes one step from the caseworker's case page; a step that asks for confirmation on a second
 * page is confirmed there. The step is taken when the case page no longer offers it. Before issue
 * 14, 办结 wanted the result as an uploaded file: a placeholder PDF is given when it is refused.
 */
async function staffDo(run: TRun, page: Page, number: string, step: string) {
  const section = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: step, exact: true }) });
  const take = async () => {
    await page.goto(`/staff/cases/${number}`);
    // a form posted by JavaScript does not navigate: wait until its request has been answered
    await section.getByRole("button", { name: step, exact: true }).click();
    await page.waitForLoadState("networkidle");
    if (/\/confirm/.test(page.url())) {
      await page.locator("main form button[type=submit]").first().click();
      await page.waitForLoadState("networkidle");
    }
    await page.goto(`/staff/cases/${number}`);
    return (await section.count()) === 0;
  };
  if (await take()) return;
  if (step === "办结" && (await page.locator("#complete-resultFile").count()) > 0) {
    run.notes.push("办结 was refused without a result file: a placeholder PDF was uploaded as the result");
    await page.locator("#complete-resultFile").setInputFiles({
      name: "就业登记凭证.pdf",
      mimeType: "application/pdf",
      buffer: pdfBytes,
    });
    await section.getByRole("button", { name: step, exact: true }).click();
    await page.waitForLoadState("networkidle");
    const said = (await page.locator("[role=alert], [role=status]").allInnerTexts()).join(" / ");
    await page.goto(`/staff/cases/${number}`);
    if ((await section.count()) === 0) return;
    throw new Error(`${step} was not taken on ${number}: ${said}`);
  }
  throw new Error(`${step} was not taken on ${number}`);
}

/** Page 1 of a PDF as an image, at twice the PDF's own size (about 1190 px wide for A4). */
async function renderPdf(bytes: Uint8Array, file: string, jpeg: boolean) {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 2 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  fs.writeFileSync(file, jpeg ? await canvas.encode("jpeg", 85) : await canvas.encode("png"));
  await pdf.destroy();
  console.log(file);
}

async function main() {
  const args = process.argv.slice(2);
  const [base, out] = args.filter((arg) => !arg.startsWith("--"));
  if (!base || !out) throw new Error("usage: npx tsx scripts/screenshots.ts BASE_URL OUT_DIR [--jpeg]");
  const run: TRun = { base, out, jpeg: args.includes("--jpeg"), notes: [] };
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    // the citizen applies (one case for the staff views) and takes the public and apply views
    const citizen: Partial<Record<TSize, Page>> = {};
    for (const size of ["desktop", "phone"] as const) {
      const context = await newContext(browser, run, size);
      const page = await context.newPage();
      await signInCitizen(page);
      citizen[size] = page;
    }
    const number = await applyThroughApi(citizen.desktop!);
    console.log(`case ${number}`);
    for (const size of ["desktop", "phone"] as const) {
      const page = citizen[size]!;
      await page.goto(`/zh-Hans/services/${service}/apply`);
      await page
        .getByRole("button", { name: /保存并继续|继续/ })
        .first()
        .click();
      await page.locator("[role=alert][aria-labelledby$=error-summary-title]").waitFor();
      await shoot(run, page, `apply-errors-${size}`);
      await page.goto(`/zh-Hans/services/${service}`);
      await shoot(run, page, `guide-${size}`);
      await page.goto("/zh-Hans/notices");
      await shoot(run, page, `notices-${size}`);
    }

    // the caseworker: one sign-in, its session reused at the other size
    const staffDesktop = await newContext(browser, run, "desktop");
    const caseworker = await staffDesktop.newPage();
    await signInStaff(caseworker, "caseworker@example.cn");
    const staffPhone = await (await newContext(browser, run, "phone", staffDesktop)).newPage();
    for (const [size, page] of [
      ["desktop", caseworker],
      ["phone", staffPhone],
    ] as const) {
      await page.goto(`/staff/cases/${number}`);
      await shoot(run, page, `staff-case-${size}`);
    }
    for (const step of ["受理", "开始审查", "准予", "办结"]) await staffDo(run, caseworker, number, step);

    // the applicant's closed case and the document it offers: the generated result where there is
    // one, else the 受理通知书 (the only document the portal made before issue 14)
    for (const size of ["desktop", "phone"] as const) {
      await citizen[size]!.goto(`/zh-Hans/account/cases/${number}`);
      await shoot(run, citizen[size]!, `citizen-case-${size}`);
    }
    const page = citizen.desktop!;
    const result = page.locator(`a[href$="/cases/${number}/result.pdf"]`);
    const receipt = page.locator(`a[href$="/cases/${number}/receipt.pdf"]`);
    const link = (await result.count()) > 0 ? result.first() : receipt.first();
    if ((await result.count()) === 0)
      run.notes.push(
        "no generated result document: document.* is the 受理通知书 (receipt.pdf) the case page offered",
      );
    const response = await page.request.get((await link.getAttribute("href"))!);
    if (response.status() !== 200) throw new Error(`document: ${response.status()}`);
    await renderPdf(
      new Uint8Array(await response.body()),
      path.join(out, `document.${run.jpeg ? "jpg" : "png"}`),
      run.jpeg,
    );
  } finally {
    await browser.close();
  }
  for (const note of run.notes) console.log(`note: ${note}`);
}

runMain(main);
