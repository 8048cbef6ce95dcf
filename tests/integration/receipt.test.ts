import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { submitApplication } from "@/lib/cases/submitApplication";
import { getOwnCase } from "@/lib/cases/ownCases";
import { receiptTrackUrl, renderReceiptPdf } from "@/lib/cases/receipt";
import { getT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import type { TLocale } from "@/lib/i18n/settings";
import { defaultSiteSettings } from "@/lib/settings/site";
import { employmentAnswers } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
let trackingNumber: string;
let accessCode: string;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const email of ["citizen", "citizen2"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${email}@example.cn` } });
    actors[email] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
  const upload = randomUUID().replace(/-/g, "").slice(0, 24);
  await database.prisma.attachment.create({
    data: {
      id: upload,
      fileName: "id-card.pdf",
      mimeType: "application/pdf",
      size: 1000,
      sha256: "0".repeat(64),
      storageKey: `test/${upload}`,
      uploaderId: actors.citizen.id,
    },
  });
  const answers = employmentAnswers(upload);
  ({ trackingNumber, accessCode } = await submitApplication({
    db: database.prisma,
    actor: actors.citizen,
    serviceCode: "RS-JYDJ-001",
    answers,
    idempotencyKey: randomUUID(),
  }));
});
afterAll(() => database.close());

/** The receipt as the route renders it, for the citizen's own case. */
async function receiptFor(locale: TLocale) {
  const found = await getOwnCase({
    db: database.prisma,
    actor: actors.citizen,
    trackingNumber: trackingNumber,
  });
  if (!found) throw new Error("the citizen's own case was not found");
  const trackUrl = receiptTrackUrl({
    origin: "http://localhost:3000",
    locale,
    trackingNumber: found.trackingNumber,
  });
  const site = {
    name: lt(locale, defaultSiteSettings.siteName.zh, defaultSiteSettings.siteName.en),
    host: lt(locale, defaultSiteSettings.host.zh, defaultSiteSettings.host.en),
  };
  const bytes = await renderReceiptPdf({
    locale,
    case: { ...found, applicantName: actors.citizen.name },
    trackUrl,
    t: await getT(locale, ["receipt", "account"]),
    site,
  });
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  // whitespace dropped: wrapped lines come back as separate items
  const text = (await page.getTextContent()).items
    .map((item) => ("str" in item ? item.str : ""))
    .join("")
    .replace(/\s+/g, "");
  const operators = await page.getOperatorList();
  const imageName = operators.argsArray[operators.fnArray.indexOf(OPS.paintImageXObject)]?.[0] as string;
  const image = await new Promise<{ width: number; height: number; data: Uint8ClampedArray }>((resolve) =>
    page.objs.get(imageName, resolve),
  );
  const channels = image.data.length / (image.width * image.height);
  const rgba = new Uint8ClampedArray(image.width * image.height * 4).map((_, i) =>
    i % 4 === 3 ? 255 : image.data[Math.floor(i / 4) * channels + (channels === 1 ? 0 : i % 4)],
  );
  const result = {
    bytes,
    pages: pdf.numPages,
    text,
    qr: jsQR(rgba, image.width, image.height)?.data,
    trackUrl,
    found,
    site,
  };
  await pdf.destroy();
  return result;
}

describe("the receipt of a submitted case", () => {
  it("is a one-page PDF in zh-Hans with the case's particulars and a QR code for the tracking page", async () => {
    const receipt = await receiptFor("zh-Hans");
    expect(Buffer.from(receipt.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(receipt.pages).toBe(1);
    const { found } = receipt;
    for (const expected of [
      receipt.site.name,
      "申报回执",
      trackingNumber,
      accessCode,
      found.service.name,
      found.service.department.name,
      actors.citizen.name,
      `${found.service.promisedDays} 个工作日`,
    ]) {
      expect(receipt.text).toContain(expected.replace(/\s+/g, ""));
    }
    // a fixed document: what is current is on the tracking page, not a 当前状态 frozen in a PDF
    expect(receipt.text).not.toContain("当前状态");
    expect(receipt.qr).toBe(`http://localhost:3000/zh-Hans/track?trackingNumber=${trackingNumber}`);
  });

  it("is in English for en, with the service's English names", async () => {
    const receipt = await receiptFor("en");
    expect(receipt.pages).toBe(1);
    const { found } = receipt;
    for (const expected of [
      "Receipt",
      "Case number",
      trackingNumber,
      accessCode,
      found.service.nameEn,
      found.service.department.nameEn,
      "Submitted",
      "working day",
    ]) {
      expect(receipt.text).toContain(expected.replace(/\s+/g, ""));
    }
    expect(receipt.text).not.toContain("申报回执");
    expect(receipt.qr).toBe(receipt.trackUrl);
    expect(receipt.trackUrl).toContain("/en/track?");
  });

  it("is not available to another citizen: their lookup of the case finds nothing (the route answers 404)", async () => {
    expect(
      await getOwnCase({ db: database.prisma, actor: actors.citizen2, trackingNumber: trackingNumber }),
    ).toBeNull();
  });
});
