import "server-only";
import type { TFunction } from "i18next";
import { createPdfDocument } from "../pdf/pdfDocument";
import { formatDay } from "../i18n/format";
import { chinaDay } from "../calendar/workdays";
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
  /** what the applicant sent as the corrected application after 补正, if they did */
  corrected: string | null;
  department: { name: string; nameEn: string; reviewBody: string | null; court: string | null };
};

/**
 * 政府信息公开申请答复书 in its legal form: issued in the name of the department (its name at
 * the head and the signature, with a seal placeholder and the date), numbered with the
 * department's 发文代字, addressed to the applicant named on the request, quoting the request as
 * corrected after 补正, with the receipt date, outcome, legal basis and the remedies naming the
 * 复议机关 and the court (行政复议 within 60 days, 行政诉讼 within 6 months).
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
  const day = (value: Date | null) =>
    value ? formatDay(locale, new Date(`${chinaDay(value)}T00:00:00Z`)) : "";
  doc.font("heading").fontSize(18).text(department, { align: "center", width });
  doc.moveDown(0.2);
  doc.font("heading").fontSize(20).text(t("disclosure:letter.title"), { align: "center", width });
  doc.moveDown(0.4);
  doc
    .font("body")
    .fontSize(12)
    .text(r.letterNumber ?? "", { align: "center", width });
  doc.moveDown(1.2);
  doc.text(t("disclosure:letter.to", { name: r.requesterName }), { width });
  doc.moveDown(0.6);
  const remedies =
    r.department.reviewBody && r.department.court
      ? t("disclosure:letter.remediesNamed", {
          reviewBody: lt(locale, r.department.reviewBody),
          court: lt(locale, r.department.court),
        })
      : t("disclosure:request.remedies");
  const paragraphs = [
    t("disclosure:letter.received", {
      date: formatDay(locale, r.receivedOn),
      number: r.trackingNumber,
      description: lt(locale, r.description),
    }),
    r.corrected ? t("disclosure:letter.corrected", { corrected: lt(locale, r.corrected) }) : "",
    t("disclosure:letter.answer"),
    t("disclosure:letter.outcome", {
      outcome:
        t(`disclosure:outcome.${r.outcome ?? "OTHER"}`) +
        (r.outcomeSub ? `（${t(`disclosure:outcomeSub.${r.outcomeSub}`)}）` : ""),
    }),
    r.replyText ? lt(locale, r.replyText) : "",
    r.legalBasis ? t("disclosure:letter.basis", { basis: lt(locale, r.legalBasis) }) : "",
    remedies,
  ].filter(Boolean);
  for (const paragraph of paragraphs) {
    doc.text(paragraph, { width, lineGap: 4, indent: 24 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1.5);
  doc.text(department, { align: "right", width });
  doc.text(t("disclosure:letter.seal"), { align: "right", width });
  doc.text(day(r.repliedAt), { align: "right", width });
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
        department: { select: { name: true, nameEn: true, reviewBody: true, court: true } },
        events: {
          where: { kind: "correct" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { reason: true },
        },
      },
    }),
  );
  if (!found) return null;
  const t = await getT(input.locale, ["disclosure"]);
  return {
    fileName: `reply-${found.trackingNumber}.pdf`,
    bytes: await renderReplyLetter({
      locale: input.locale,
      t,
      request: { ...found, corrected: found.events[0]?.reason ?? null },
    }),
  };
}
