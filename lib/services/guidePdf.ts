import "server-only";
import type { TFunction } from "i18next";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";
import { createPdfDocument } from "../pdf/pdfDocument";
import type { TGuideLists } from "./guide";
import { copiesShown } from "./guideFiles";
import { periodText, statutoryText } from "./periods";
import type { DayCount } from "../db/generated/enums";

const page = { width: 595.28, height: 841.89, margin: 56 };
const contentWidth = page.width - page.margin * 2;
const labelWidth = 120;

/** What the printable guide shows: the service's guide as the page has it. */
export type TGuideForPdf = TGuideLists & {
  code: string;
  name: string;
  nameEn: string | null;
  summary: string;
  summaryEn: string | null;
  type: string;
  audience: string;
  statutoryDays: number | null;
  statutoryDayCount: DayCount;
  statutorySource: string | null;
  promisedDays: number;
  visits: number;
  fee: string;
  resultName: string;
  delivery: string;
  specialSteps: string | null;
  location: string;
  hours: string;
  consultPhone: string;
  complaintPhone: string;
  department: { name: string; nameEn: string | null };
};

/**
 * The printable 办事指南 of a service (A4, the Chinese fonts every PDF here uses): its particulars,
 * legal basis, conditions, materials (份数 only where copies are handed in, and the files the
 * guide offers), process, where and when, and the questions asked most, with the address of the
 * guide online. Labels come from the `services`, `catalog` and `apply` namespaces; content the
 * portal holds only in Chinese stays Chinese.
 */
export async function renderGuidePdf(input: {
  locale: TLocale;
  t: TFunction;
  service: TGuideForPdf;
  /** the guide's public address, printed at the end */
  guideUrl: string;
  siteName: string;
}): Promise<Uint8Array<ArrayBuffer>> {
  const { locale, t, service } = input;
  const title = lt(locale, service.name, service.nameEn);
  const { doc, finish } = createPdfDocument({
    locale,
    margin: page.margin,
    info: {
      Title: `${title} · ${t("services:guidePdf.title")}`,
      Author: lt(locale, service.department.name, service.department.nameEn),
      Subject: input.siteName,
      Creator: input.siteName,
    },
  });
  const heading = (text: string) => {
    if (doc.y > page.height - page.margin - 80) doc.addPage();
    doc.moveDown(0.8);
    doc
      .font("heading")
      .fontSize(14)
      .fillColor("#a61b1b")
      .text(text, page.margin, doc.y, { width: contentWidth });
    doc.moveDown(0.3);
    doc.font("body").fontSize(10.5).fillColor("#000000");
  };
  const row = (label: string, value: string) => {
    if (doc.y > page.height - page.margin - 30) doc.addPage();
    const y = doc.y;
    doc
      .font("heading")
      .fontSize(10.5)
      .text(label, page.margin, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc.font("body").text(value, page.margin + labelWidth, y, { width: contentWidth - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 4;
  };
  const para = (text: string, indent = 0) =>
    doc
      .font("body")
      .fontSize(10.5)
      .text(text, page.margin + indent, doc.y, { width: contentWidth - indent });
  const numbered = (items: string[]) => items.forEach((item, index) => para(`${index + 1}. ${item}`));

  doc
    .font("body")
    .fontSize(10)
    .fillColor("#444444")
    .text(input.siteName, { width: contentWidth, align: "center" });
  doc.moveDown(0.4);
  doc.font("heading").fontSize(20).fillColor("#000000").text(title, { width: contentWidth, align: "center" });
  doc.font("body").fontSize(12).text(t("services:guidePdf.title"), { width: contentWidth, align: "center" });
  doc.moveDown(0.6);
  para(lt(locale, service.summary, service.summaryEn));

  heading(t("services:guide.basic"));
  row(t("services:guide.name"), service.name);
  row(t("services:guide.code"), service.code);
  row(t("services:guide.type"), t(`catalog:serviceType.${service.type}`));
  row(t("services:guide.audience"), t(`catalog:audienceParty.${service.audience}`));
  row(t("services:guide.department"), lt(locale, service.department.name, service.department.nameEn));
  const source = service.statutorySource ? `\n${t("services:periodSource")}: ${service.statutorySource}` : "";
  row(t("services:guide.statutory"), statutoryText(t, service) + source);
  row(t("services:guide.promised"), periodText(t, service.promisedDays));
  row(
    t("services:guide.visits"),
    service.visits === 0 ? t("services:fullyOnline") : t("services:visits", { count: service.visits }),
  );
  row(t("services:guide.fee"), service.fee);
  row(t("services:guide.result"), service.resultName);
  row(t("services:guide.delivery"), service.delivery);

  heading(t("services:guide.legalBasis"));
  for (const basis of service.legalBasis) {
    doc
      .font("heading")
      .fontSize(10.5)
      .text(`${basis.law} ${basis.article}`, page.margin, doc.y, { width: contentWidth });
    para(basis.text);
    doc.moveDown(0.3);
  }

  heading(t("services:guide.conditions"));
  numbered(service.conditions);

  heading(t("services:guide.materials"));
  service.materials.forEach((material, index) => {
    if (doc.y > page.height - page.margin - 60) doc.addPage();
    doc
      .font("heading")
      .fontSize(10.5)
      .text(`${index + 1}. ${lt(locale, material.name, material.nameEn)}`, page.margin, doc.y, {
        width: contentWidth,
      });
    const copies = copiesShown(material);
    const facts = [
      `${t("services:material.form")}: ${t(`services:material.forms.${material.form}`)}`,
      copies ? `${t("services:material.copies")}: ${copies}` : null,
      `${t("services:material.required")}: ${material.required ? t("yes") : t("no")}`,
      `${t("services:material.source")}: ${material.source}`,
    ].filter(Boolean);
    para(facts.join("　"), 14);
    if (material.note) para(material.note, 14);
    const files = [material.blankForm, material.sample].filter(Boolean);
    if (files.length) para(`${t("services:material.blankForm")}: ${files.join("、")}`, 14);
    doc.moveDown(0.3);
  });

  heading(t("services:guide.process"));
  numbered(service.process);
  if (service.specialSteps) para(`${t("services:guide.specialSteps")}: ${service.specialSteps}`);

  heading(t("services:guide.where"));
  row(t("services:guide.location"), service.location);
  row(t("services:guide.hours"), service.hours);
  row(t("services:guide.consultPhone"), service.consultPhone);
  row(t("services:guide.complaintPhone"), service.complaintPhone);

  if (service.faq.length) {
    heading(t("services:guide.faq"));
    for (const item of service.faq) {
      if (doc.y > page.height - page.margin - 40) doc.addPage();
      doc.font("heading").fontSize(10.5).text(item.q, page.margin, doc.y, { width: contentWidth });
      para(item.a);
      doc.moveDown(0.3);
    }
  }

  doc.moveDown(1);
  doc.font("body").fontSize(9).fillColor("#444444");
  doc.text(t("services:guidePdf.online", { url: input.guideUrl }), page.margin, doc.y, {
    width: contentWidth,
  });
  return finish();
}
