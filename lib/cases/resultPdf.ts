import "server-only";
import type { TFunction } from "i18next";
import { formatDate } from "../i18n/format";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";
import { createPdfDocument, qrBeside } from "../pdf/pdfDocument";
import { getT } from "../i18n/server";
import { getSiteSettings } from "../settings/queries";
import { pdfResponse } from "../http/contentDisposition";
import { renderQrPng } from "./receipt";
import { groupedCode, resultWording, type TResultDocument } from "./resultDocument";

type TResultPdfInput = {
  locale: TLocale;
  document: TResultDocument;
  /** `{origin}/{locale}/verify?code=…`, encoded in the QR code */
  verifyUrl: string;
  /** needs the `result` namespace */
  t: TFunction;
  /** the site's name, already in the document's language */
  siteName: string;
};

/** The public check page for a document, prefilled so that a scan shows the verdict. */
export function resultVerifyUrl(input: { origin: string; locale: TLocale; code: string }): string {
  return `${input.origin.replace(/\/+$/, "")}/${input.locale}/verify?${new URLSearchParams({ code: groupedCode(input.code) })}`;
}

const page = { width: 595.28, height: 841.89, margin: 64 };
const contentWidth = page.width - page.margin * 2;
const qrSize = 112;

/**
 * The result document of a case (办理结果文书) as a one-page A4 PDF: its title and the decision in
 * the wording of the service's kind, a denial's reason and the remedies the law gives
 * (行政复议法 Art. 20: 60 days; 行政诉讼法 Art. 46: six months) naming the department's 复议机关 and
 * court, the deciding department with a seal placeholder and the date, and the verification code with a QR code that opens /verify.
 */
export async function renderResultPdf(input: TResultPdfInput): Promise<Uint8Array<ArrayBuffer>> {
  const { locale, t, document: issued } = input;
  const { facts } = issued;
  const wording = resultWording(issued.serviceType, issued.kind);
  const title = t(`result:wording.${wording}.title`);
  const department = lt(locale, facts.departmentName, facts.departmentNameEn);
  const qr = await renderQrPng(input.verifyUrl);
  const { doc, finish } = createPdfDocument({
    locale,
    margin: page.margin,
    info: { Title: `${title} ${facts.trackingNumber}`, Author: department, Creator: input.siteName },
  });

  doc.font("heading").fontSize(15).fillColor("#a61b1b");
  doc.text(department, page.margin, page.margin, { width: contentWidth, align: "center" });
  doc.moveDown(0.5);
  doc.font("heading").fontSize(22).fillColor("#000000").text(title, { width: contentWidth, align: "center" });
  doc.moveDown(0.3);
  doc
    .font("body")
    .fontSize(11)
    .text(`${t("result:trackingNumber")}：${facts.trackingNumber}`, { width: contentWidth, align: "center" });
  doc.moveDown(1.2);

  doc.font("body").fontSize(13).fillColor("#000000");
  const body = t(`result:wording.${wording}.body`, {
    holder: facts.holderName,
    service: lt(locale, facts.serviceName, facts.serviceNameEn),
    trackingNumber: facts.trackingNumber,
  });
  doc.text(body, { width: contentWidth, lineGap: 6, paragraphGap: 10 });
  if (issued.kind === "denial") {
    if (facts.reason) doc.text(`${t("result:reason")}：${facts.reason}`, { width: contentWidth, lineGap: 6 });
    doc.moveDown(0.5);
    const remedy =
      facts.reviewBody && facts.court
        ? t("result:remedyNamed", {
            reviewBody: lt(locale, facts.reviewBody),
            court: lt(locale, facts.court),
          })
        : t("result:remedy");
    doc.text(remedy, { width: contentWidth, lineGap: 6 });
  }
  doc.moveDown(2);
  doc.text(`${department}${t("result:seal")}`, { width: contentWidth, align: "right" });
  doc.text(formatDate(locale, new Date(facts.decidedAt)), { width: contentWidth, align: "right" });

  const qrTop = page.height - page.margin - qrSize - 40;
  // a long reason pushes the verification block to a page of its own rather than under the text
  if (doc.y > qrTop - 24) doc.addPage();
  doc.lineWidth(0.7).strokeColor("#888888");
  doc
    .moveTo(page.margin, qrTop - 16)
    .lineTo(page.width - page.margin, qrTop - 16)
    .stroke();
  const { textWidth } = qrBeside(
    doc,
    { qr, size: qrSize, left: page.margin, top: qrTop, width: contentWidth, gap: 18 },
    { text: t("result:scanToVerify"), size: 12, drop: 2 },
  );
  doc.moveDown(0.3);
  doc
    .font("body")
    .fontSize(12)
    .text(`${t("result:verificationCode")}：${groupedCode(issued.verificationCode)}`, { width: textWidth });
  doc.moveDown(0.3);
  doc
    .fontSize(9.5)
    .fillColor("#222222")
    .text(t("result:howToVerify", { url: input.verifyUrl.split("?")[0] }), { width: textWidth, lineGap: 2 });
  doc.fontSize(8.5).fillColor("#555555");
  doc.text(
    `${t("result:generatedBy", { site: input.siteName })} · ${t("result:issuedAt")}：${formatDate(locale, issued.issuedAt)}`,
    page.margin,
    page.height - page.margin - 14,
    { width: contentWidth, lineBreak: false },
  );
  return finish();
}

/** The document as a PDF answer (inline, never cached), in the locale asked for. */
export async function resultPdfResponse(input: {
  request: Request;
  locale: TLocale;
  document: TResultDocument;
}): Promise<Response> {
  const [t, settings] = await Promise.all([getT(input.locale, "result"), getSiteSettings()]);
  // NEXTAUTH_URL is the configured public address; the Host header is only a fallback
  const origin = process.env.NEXTAUTH_URL || new URL(input.request.url).origin;
  const bytes = await renderResultPdf({
    locale: input.locale,
    document: input.document,
    verifyUrl: resultVerifyUrl({ origin, locale: input.locale, code: input.document.verificationCode }),
    t,
    siteName: lt(input.locale, settings.siteName.zh, settings.siteName.en),
  });
  return pdfResponse(bytes, {
    name: `result-${input.document.facts.trackingNumber}.pdf`,
    cache: "private, no-store",
  });
}
