import "server-only";
import type { TFunction } from "i18next";
import { createPdfDocument } from "../pdf/pdfDocument";
import { formatDate, formatDay } from "../i18n/format";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";
import { getT } from "../i18n/server";
import { lookUpByAccessCode } from "../throttle/accessCodes";
import { clientOf, type TDbOption } from "../db/client";

export type TLetterRequest = {
  trackingNumber: string;
  requesterName: string;
  description: string;
  receivedOn: Date | null;
  repliedAt: Date | null;
  letterNumber: string | null;
  outcome: string | null;
  outcomeSub: string | null;
  legalBasis: string | null;
  replyText: string | null;
  department: { name: string; nameEn: string };
};

/**
 * 政府信息公开申请答复书: the numbered reply letter — receipt date, outcome, legal basis and the
 * remedies (行政复议 within 60 days, 行政诉讼 within 6 months), signed by the department.
 */
export async function renderReplyLetter(input: {
  locale: TLocale;
  t: TFunction;
  request: TLetterRequest;
}): Promise<Uint8Array<ArrayBuffer>> {
  const { locale, t, request: r } = input;
  const { doc, finish } = createPdfDocument({
    locale,
    margin: 64,
    info: { Title: `${t("disclosure:letter.title")} ${r.letterNumber ?? ""}` },
  });
  const width = doc.page.width - 128;
  const department = lt(locale, r.department.name, r.department.nameEn);
  doc.font("heading").fontSize(20).text(t("disclosure:letter.title"), { align: "center", width });
  doc.moveDown(0.4);
  doc
    .font("body")
    .fontSize(12)
    .text(r.letterNumber ?? "", { align: "center", width });
  doc.moveDown(1.2);
  doc.text(t("disclosure:letter.to", { name: r.requesterName }), { width });
  doc.moveDown(0.6);
  const paragraphs = [
    t("disclosure:letter.received", {
      date: formatDay(locale, r.receivedOn),
      number: r.trackingNumber,
      description: lt(locale, r.description),
    }),
    t("disclosure:letter.outcome", {
      outcome:
        t(`disclosure:outcome.${r.outcome ?? "OTHER"}`) +
        (r.outcomeSub ? `（${t(`disclosure:outcomeSub.${r.outcomeSub}`)}）` : ""),
    }),
    r.replyText ? lt(locale, r.replyText) : "",
    r.legalBasis ? t("disclosure:letter.basis", { basis: lt(locale, r.legalBasis) }) : "",
    t("disclosure:request.remedies"),
  ].filter(Boolean);
  for (const paragraph of paragraphs) {
    doc.text(paragraph, { width, lineGap: 4, indent: 24 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1.5);
  doc.text(department, { align: "right", width });
  doc.text(formatDate(locale, r.repliedAt), { align: "right", width });
  return finish();
}

/**
 * The reply letter of a replied request, for whoever holds its number and 查询码 (null for
 * anything else, including a request not yet replied to). Guesses are limited and audited
 * (lookUpByAccessCode): over the limit this throws TooManyRequestsError.
 */
export async function getReplyLetter(
  input: { trackingNumber: string; accessCode: string; locale: TLocale } & TDbOption,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> } | null> {
  const prisma = await clientOf(input);
  const found = await lookUpByAccessCode({ ...input, db: prisma, entityType: "DisclosureRequest" }, () =>
    prisma.disclosureRequest.findFirst({
      where: {
        trackingNumber: input.trackingNumber,
        accessCode: input.accessCode,
        letterNumber: { not: null },
      },
      select: {
        trackingNumber: true,
        requesterName: true,
        description: true,
        receivedOn: true,
        repliedAt: true,
        letterNumber: true,
        outcome: true,
        outcomeSub: true,
        legalBasis: true,
        replyText: true,
        department: { select: { name: true, nameEn: true } },
      },
    }),
  );
  if (!found) return null;
  const t = await getT(input.locale, ["disclosure"]);
  return {
    fileName: `reply-${found.trackingNumber}.pdf`,
    bytes: await renderReplyLetter({ locale: input.locale, t, request: found }),
  };
}
