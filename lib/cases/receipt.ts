import "server-only";
import QRCode from "qrcode";
import type { TFunction } from "i18next";
import { formatDate, formatDay, formatTime } from "../i18n/format";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";
import type { TCaseStatus } from "./caseWorkflow";
import { createPdfDocument, qrBeside } from "../pdf/pdfDocument";

/** What a receipt shows about a case; structurally a subset of `getOwnCase`'s result. */
export type TReceiptCase = {
  trackingNumber: string;
  accessCode: string;
  status: TCaseStatus;
  submittedAt: Date;
  /** set once the case is 受理: the receipt becomes the dated 受理通知书 */
  acceptedAt?: Date | null;
  promisedDue?: Date | null;
  /** 不予受理: the reason and day, for the dated 不予受理通知书 */
  rejection?: { reason: string; at: Date } | null;
  /** 补正 asked and not yet answered: the items, the day it ends and the day asked, for the 补正告知书 */
  supplement?: { items: string[]; due: string; askedAt: Date } | null;
  applicantName: string;
  service: {
    name: string;
    nameEn: string | null;
    promisedDays: number;
    /** the issuing department; its 复议机关 and court are named in a 不予受理通知书 where configured */
    department: { name: string; nameEn: string | null; reviewBody?: string | null; court?: string | null };
  };
};

type TReceiptInput = {
  locale: TLocale;
  case: TReceiptCase;
  /** `{origin}/{locale}/track?trackingNumber=…` (no 查询码), encoded in the QR code */
  trackUrl: string;
  /** needs the `receipt` and `account` namespaces */
  t: TFunction;
  /** site name and 主办单位, already in the receipt's language */
  site: { name: string; host: string };
};

/** The QR code for a URL as a PNG (black on white, with the standard 4-module quiet zone). */
export function renderQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 4,
    scale: 8,
    color: { dark: "#000000ff", light: "#ffffffff" },
  });
}

/**
 * The public tracking page for a case with its 办件编号 filled in: the 查询码, printed beside the
 * QR code, is typed and sent by POST, so it never travels in a URL (nor in any server's log).
 */
export function receiptTrackUrl(input: { origin: string; locale: TLocale; trackingNumber: string }): string {
  const query = new URLSearchParams({ trackingNumber: input.trackingNumber });
  return `${input.origin.replace(/\/+$/, "")}/${input.locale}/track?${query}`;
}

function submittedText(locale: TLocale, t: TFunction, at: Date): string {
  return t("receipt:submittedValue", { date: formatDate(locale, at), time: formatTime(at) });
}

const page = { width: 595.28, height: 841.89, margin: 56 };
const contentWidth = page.width - page.margin * 2;
const labelWidth = 130;
const qrSize = 128;

/**
 * The 受理回执 of a service application: a one-page A4 PDF with the case's particulars and a
 * QR code that opens the public tracking page. Once the case is 受理, 不予受理 or sent for 补正 it is
 * that fixed written notice instead (《行政许可法》第三十二条): naming the applicant as the form does,
 * issued by the handling department (its name, a seal placeholder and the day of the decision),
 * and a 不予受理 states the remedies with the 复议机关 and the court. No live status: what is
 * current is on the tracking page. Text comes from the `receipt` namespace.
 */
export async function renderReceiptPdf(input: TReceiptInput): Promise<Uint8Array<ArrayBuffer>> {
  const { locale, t, case: found } = input;
  const qr = await renderQrPng(input.trackUrl);
  // 受理 and 不予受理 each produce a dated written notice (《行政许可法》第三十二条); before that it is a receipt
  const kind =
    found.status === "REJECTED" && found.rejection
      ? "rejected"
      : found.status === "SUPPLEMENT" && found.supplement
        ? "supplement"
        : found.acceptedAt
          ? "accepted"
          : "submitted";
  const title = {
    rejected: t("receipt:titleRejected"),
    supplement: t("receipt:titleSupplement"),
    accepted: t("receipt:titleAccepted"),
    submitted: t("receipt:title"),
  }[kind];
  const { doc, finish } = createPdfDocument({
    locale,
    margin: page.margin,
    info: {
      Title: `${title} ${found.trackingNumber}`,
      Author: input.site.host,
      Subject: input.site.name,
      Creator: input.site.name,
    },
  });

  doc
    .font("body")
    .fontSize(11)
    .fillColor("#444444")
    .text(input.site.name, page.margin, page.margin, { width: contentWidth, align: "center" });
  doc.moveDown(0.6);
  doc.font("heading").fontSize(22).fillColor("#000000").text(title, { width: contentWidth, align: "center" });
  doc.moveDown(0.8);

  const rows: [string, string][] = [
    [t("receipt:trackingNumber"), found.trackingNumber],
    [t("receipt:accessCode"), found.accessCode],
    [t("receipt:service"), lt(locale, found.service.name, found.service.nameEn)],
    [t("receipt:department"), lt(locale, found.service.department.name, found.service.department.nameEn)],
    [t("receipt:applicant"), found.applicantName],
    [t("receipt:submittedAt"), submittedText(locale, t, found.submittedAt)],
  ];
  if (kind === "accepted" && found.acceptedAt) {
    rows.push([t("receipt:acceptedAt"), formatDate(locale, found.acceptedAt)]);
    if (found.promisedDue) rows.push([t("receipt:promisedDue"), formatDay(locale, found.promisedDue)]);
  } else if (kind === "supplement" && found.supplement) {
    // 一次性告知: every item at once, and the day the period ends (《行政许可法》第三十二条第一款第四项)
    rows.push(
      [t("receipt:supplementAskedAt"), formatDay(locale, found.supplement.askedAt)],
      [
        t("receipt:supplementItems"),
        found.supplement.items.map((item, index) => `${index + 1}. ${lt(locale, item)}`).join("\n"),
      ],
      [t("receipt:supplementDue"), formatDay(locale, new Date(`${found.supplement.due}T00:00:00Z`))],
    );
  } else if (kind === "rejected" && found.rejection) {
    rows.push(
      [t("receipt:rejectedAt"), formatDate(locale, found.rejection.at)],
      [t("receipt:rejectionReason"), lt(locale, found.rejection.reason)],
    );
  } else {
    rows.push([
      t("receipt:timeLimit"),
      t("receipt:timeLimitValue", { days: t("receipt:workingDays", { count: found.service.promisedDays }) }),
    ]);
  }
  let y = doc.y;
  const padding = 7;
  const valueWidth = contentWidth - labelWidth - padding * 2;
  doc.lineWidth(0.7).strokeColor("#888888");
  for (const [label, value] of rows) {
    doc.font("body").fontSize(12);
    const height =
      Math.max(
        doc.heightOfString(label, { width: labelWidth - padding * 2 }),
        doc.heightOfString(value, { width: valueWidth }),
      ) +
      padding * 2;
    doc.rect(page.margin, y, labelWidth, height).fillAndStroke("#f1f3f6", "#888888");
    doc.rect(page.margin + labelWidth, y, contentWidth - labelWidth, height).stroke();
    doc
      .fillColor("#000000")
      .text(label, page.margin + padding, y + padding, { width: labelWidth - padding * 2 });
    doc.text(value, page.margin + labelWidth + padding, y + padding, { width: valueWidth });
    y += height;
  }

  const department = lt(locale, found.service.department.name, found.service.department.nameEn);
  const issuedOn = {
    rejected: found.rejection?.at,
    supplement: found.supplement?.askedAt,
    accepted: found.acceptedAt,
    submitted: null,
  }[kind];
  if (issuedOn) {
    doc.font("body").fontSize(11.5).fillColor("#000000");
    doc.x = page.margin;
    doc.y = y + 14;
    if (kind === "rejected") {
      const { reviewBody, court } = found.service.department;
      const remedies =
        reviewBody && court
          ? t("receipt:remediesNamed", { reviewBody: lt(locale, reviewBody), court: lt(locale, court) })
          : t("receipt:remedies");
      doc.text(remedies, { width: contentWidth, lineGap: 3 });
      doc.moveDown(0.6);
    }
    doc.text(`${department}${t("receipt:seal")}`, { width: contentWidth, align: "right" });
    doc.text(formatDay(locale, issuedOn), { width: contentWidth, align: "right" });
    y = doc.y;
  }

  const qrTop = y + 28;
  const { textWidth } = qrBeside(
    doc,
    { qr, size: qrSize, left: page.margin, top: qrTop, width: contentWidth, gap: 20 },
    { text: t("receipt:scanToTrack"), size: 13, drop: 8 },
    { lines: 0.5, size: 11 },
  );
  doc.fillColor("#222222").text(t("receipt:howToTrack"), { width: textWidth, lineGap: 3 });

  doc.fontSize(9).fillColor("#555555");
  doc.text(t("receipt:keepSafe"), page.margin, page.height - page.margin - 30, {
    width: contentWidth,
    lineBreak: false,
  });
  doc.text(t("receipt:issuedBy", { host: input.site.host }), page.margin, page.height - page.margin - 16, {
    width: contentWidth,
    lineBreak: false,
  });
  return finish();
}
