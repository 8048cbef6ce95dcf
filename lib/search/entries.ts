import { gramsOf, normalizeText, plainText } from "./normalize";

export const searchTypes = ["service", "document", "notice", "letter", "consultation"] as const;
export type TSearchType = (typeof searchTypes)[number];

/** A UTC wall-clock timestamp for SQL, as Prisma stores DateTime (never shifted by the session's time zone). */
export function utc(date: Date): string;
export function utc(date: Date | null): string | null;
export function utc(date: Date | null): string | null {
  return date ? date.toISOString().replace("Z", "") : null;
}

/**
 * Each entry's gram arrays also hold a marker of its type (codes 1–5 are control characters,
 * which normalisation never keeps), so the GIN index itself narrows a search to one type.
 */
export const typeGram: Record<TSearchType, number> = {
  service: 1,
  document: 2,
  notice: 3,
  letter: 4,
  consultation: 5,
};

/** One row of the search index, ready to write. */
export type TSearchEntryData = {
  type: TSearchType;
  refId: string;
  key: string;
  title: string;
  titleEn: string | null;
  titleNorm: string;
  titleEnNorm: string;
  metaNorm: string;
  headGrams: number[];
  bodyGrams: number[];
  bodyText: string;
  sortAt: Date;
  visibleFrom: Date | null;
  visibleUntil: Date | null;
};

// Fields are joined with a line break: normalisation keeps none, so no gram spans two fields.
const FIELD_BREAK = "\n";
const join = (parts: (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => !!p && !!p.trim())
    .map(normalizeText)
    .join(FIELD_BREAK);

type TEntryText = {
  type: TSearchType;
  refId: string;
  key: string;
  title: string;
  titleEn?: string | null;
  meta: (string | null | undefined)[];
  body: (string | null | undefined)[];
  sortAt: Date;
  visibleFrom?: Date | null;
  visibleUntil?: Date | null;
};

/** Normalises an item's fields and makes its grams (the heading fields with single characters too). */
function buildEntry(item: TEntryText): TSearchEntryData {
  const titleNorm = normalizeText(item.title);
  const titleEnNorm = item.titleEn ? normalizeText(item.titleEn) : "";
  const metaNorm = join(item.meta);
  const bodyText = join(item.body);
  return {
    type: item.type,
    refId: item.refId,
    key: item.key,
    title: item.title,
    titleEn: item.titleEn || null,
    titleNorm,
    titleEnNorm,
    metaNorm,
    headGrams: [
      typeGram[item.type],
      ...gramsOf([titleNorm, titleEnNorm, metaNorm].join(FIELD_BREAK), { unigrams: true }),
    ],
    bodyGrams: [typeGram[item.type], ...gramsOf(bodyText)],
    bodyText,
    sortAt: item.sortAt,
    visibleFrom: item.visibleFrom ?? null,
    visibleUntil: item.visibleUntil ?? null,
  };
}

const strings = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
};
const names = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((m) => (m && typeof m === "object" && "name" in m ? String(m.name) : ""))
    : [];

export type TServiceSource = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string | null;
  materials: unknown;
  conditions: unknown;
  process: unknown;
  legalBasis: unknown;
  faq: unknown;
  specialSteps: string | null;
  resultName: string;
  fee: string;
  updatedAt: Date;
};
/** A service: name (and English name), then 事项编码 and 申请材料, then the rest of the guide. */
export function serviceEntry(s: TServiceSource): TSearchEntryData {
  return buildEntry({
    type: "service",
    refId: s.id,
    key: s.code,
    title: s.name,
    titleEn: s.nameEn,
    sortAt: s.updatedAt,
    meta: [s.code, ...names(s.materials)],
    body: [
      s.summary,
      s.summaryEn,
      ...strings(s.conditions),
      ...strings(s.process),
      ...strings(s.legalBasis),
      s.resultName,
      s.fee,
      s.specialSteps,
      ...strings(s.faq),
    ],
  });
}

export type TDocumentSource = {
  id: string;
  indexNo: string;
  title: string;
  titleEn: string | null;
  docNumber: string | null;
  keywords: string;
  summary: string;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
};
/** A document: title, then 索引号, 文号 and 主题词, then summary and body. */
export function documentEntry(d: TDocumentSource): TSearchEntryData {
  return buildEntry({
    type: "document",
    refId: d.id,
    key: d.indexNo,
    title: d.title,
    titleEn: d.titleEn,
    sortAt: d.publishedAt ?? d.updatedAt,
    meta: [d.indexNo, d.docNumber, d.keywords],
    body: [d.summary, plainText(d.body)],
  });
}

export type TNoticeSource = {
  id: string;
  title: string;
  titleEn: string | null;
  body: string;
  source: string;
  publishedAt: Date | null;
  expiresAt: Date | null;
  updatedAt: Date;
};
/** A notice: title, then its source, then the body; shown only between publication and expiry. */
export function noticeEntry(n: TNoticeSource): TSearchEntryData {
  return buildEntry({
    type: "notice",
    refId: n.id,
    key: n.id,
    title: n.title,
    titleEn: n.titleEn,
    sortAt: n.publishedAt ?? n.updatedAt,
    meta: [n.source],
    body: [plainText(n.body)],
    visibleFrom: n.publishedAt,
    visibleUntil: n.expiresAt,
  });
}

export type TLetterSource = {
  id: string;
  number: string;
  publicSubject: string | null;
  publicContent: string | null;
  publicReply: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
};
/** A published letter: its redacted copy only (title, then 信件编号, then the letter and the reply). */
export function letterEntry(l: TLetterSource): TSearchEntryData {
  return buildEntry({
    type: "letter",
    refId: l.id,
    key: l.number,
    title: l.publicSubject ?? "",
    sortAt: l.publishedAt ?? l.updatedAt,
    meta: [l.number],
    body: [l.publicContent, l.publicReply],
  });
}

export type TConsultationSource = {
  id: string;
  title: string;
  summary: string;
  body: string;
  feedback: string | null;
  status: string;
  opensAt: Date;
  updatedAt: Date;
};
/**
 * A consultation from its opening: title, then its summary and draft, and the feedback (采纳情况)
 * only once published (the caller reads it that way). Never a draft.
 */
export function consultationEntry(c: TConsultationSource): TSearchEntryData {
  return buildEntry({
    type: "consultation",
    refId: c.id,
    key: c.id,
    title: c.title,
    sortAt: c.opensAt,
    meta: [],
    body: [
      c.summary,
      plainText(c.body),
      c.status === "FEEDBACK_PUBLISHED" ? plainText(c.feedback ?? "") : null,
    ],
  });
}
