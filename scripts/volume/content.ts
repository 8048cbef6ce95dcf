/**
 * Pure row makers for the volume generator: given the run's seed, its end day and a row
 * number, each returns the same made-up document (here), notice (notices.ts) or case
 * (cases.ts) every time. Numbers that
 * depend on earlier rows (索引号 and 办件编号 serials) are assigned by the generator.
 */
import { rowRandom, type TRandom, type TRowInput } from "./prng";
import { plantedDocuments, type TPlantedDocument } from "./planted";
import { vocabulary } from "./vocabulary";

export const dayMs = 24 * 3600 * 1000;
export const years = 10;

export type TDepartmentRef = { code: string; name: string; shortName: string };
export type TCommunityRef = { code: string; name: string; streetName: string; districtName: string };

export type TGeneratedDocument = {
  department: string;
  /** the 索引号 year: the year of writtenOn */
  year: number;
  title: string;
  titleEn: string | null;
  category: string;
  docType: string;
  /** 文号 without its number: the generator appends the serial (unique per unit and year) */
  docNumberPrefix: string | null;
  keywords: string;
  writtenOn: string;
  publishedAt: Date;
  publishedYear: number;
  validity: "VALID" | "EXPIRED" | "REPEALED";
  validityFrom: string | null;
  source: string;
  summary: string;
  body: string;
};

/** Day arithmetic on YYYY-MM-DD strings, in UTC so no time zone moves a day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** A China-time moment on a day, between from and to o'clock. */
export function momentOn(random: TRandom, day: string, fromHour = 8, toHour = 18): Date {
  const minutes = random.int(fromHour * 60, toHour * 60 - 1);
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + minutes * 60_000 + random.int(0, 59_999));
}

function chinaYear(moment: Date): number {
  return new Date(moment.getTime() + 8 * 3600_000).getUTCFullYear();
}

const numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A sentence of 2–4 clauses. */
function sentence(random: TRandom, clauses: readonly string[]): string {
  const parts = Array.from({ length: random.int(2, 4) }, () => random.pick(clauses));
  return `${parts.join("，")}。`;
}

export function paragraph(
  random: TRandom,
  clauses: readonly string[],
  sentences: [number, number] = [2, 3],
): string {
  return Array.from({ length: random.int(...sentences) }, () => sentence(random, clauses)).join("");
}

const sectionHeadings = [
  "总体要求",
  "主要任务",
  "工作措施",
  "保障措施",
  "实施步骤",
  "适用范围",
  "职责分工",
  "监督管理",
  "工作目标",
  "基本原则",
  "申报条件",
  "办理程序",
];

/** A Markdown body of a few hundred characters in 2–3 numbered sections. */
function documentBody(random: TRandom): string {
  const { clauses } = vocabulary();
  const sections: string[] = [];
  const count = random.int(2, 3);
  const headings = [...sectionHeadings];
  for (let s = 0; s < count; s++) {
    const heading = headings.splice(random.int(0, headings.length - 1), 1)[0];
    let text = paragraph(random, clauses);
    // a few hundred characters in all: short draws get another sentence
    while (s === count - 1 && sections.join("").length + text.length < 300) text += sentence(random, clauses);
    sections.push(`## ${numerals[s]}、${heading}\n\n${text}`);
  }
  return sections.join("\n\n");
}

const departmentCategories: Record<string, string[]> = {
  JXW: ["economy.informatization", "general.e-government", "planning.plans"],
  RSJ: ["labour.employment", "labour.social-insurance"],
  MZJ: ["civil-affairs.assistance", "civil-affairs.community"],
  GAJ: ["public-security.household", "general.open-government"],
  WJW: ["health.medical"],
  JYJ: ["education.schools"],
  ZJJ: ["urban.housing", "urban.construction"],
  SCJGJ: ["market.regulation"],
  NYNCJ: ["agriculture.rural"],
  YBJ: ["labour.social-insurance", "health.medical"],
};

const docNumberPrefixes: Record<string, string> = {
  JXW: "成经信发",
  RSJ: "成人社发",
  MZJ: "成民发",
  GAJ: "成公发",
  WJW: "成卫健发",
  JYJ: "成教发",
  ZJJ: "成住建发",
  SCJGJ: "成市监发",
  NYNCJ: "成农发",
  YBJ: "成医保发",
};

type TTitleMaker = (random: TRandom, topic: string, year: number, dept: TDepartmentRef) => string;
const titleMakers: Record<string, TTitleMaker[]> = {
  notice: [
    (r, t, y) => `关于${r.pick(["做好", "进一步做好", "扎实做好"])}${y}年${t}工作的通知`,
    (r, t) => `关于印发《${t}${r.pick(["工作方案", "实施方案", "工作要点"])}》的通知`,
    (r, t) => `关于开展${t}${r.pick(["专项检查", "试点", "示范创建", "评估"])}的通知`,
  ],
  announcement: [
    (r, t, y) => `${y}年${t}${r.pick(["结果", "情况", "名单"])}公告`,
    (r, t) => `关于${t}有关事项的公告`,
  ],
  opinion: [
    (r, t) => `关于${r.pick(["加快", "深入", "全面", "持续"])}推进${t}的${r.pick(["", "实施", "指导"])}意见`,
  ],
  measures: [
    (r, t) => `成都市${t}管理办法${r.pick(["", "（试行）", "（修订）"])}`,
    (_r, t) => `成都市${t}实施细则`,
  ],
  regulation: [(_r, t) => `成都市${t}若干规定`, (_r, t) => `关于规范${t}的规定`],
  report: [
    (_r, t, y) => `${y}年度${t}工作情况报告`,
    (r, t, y, d) => `${d.shortName}${y}年${t}工作${r.pick(["总结", "报告"])}`,
  ],
  decision: [
    (_r, t, y) => `关于表彰${y}年度${t}先进集体和先进个人的决定`,
    (_r, t) => `关于废止部分${t}规范性文件的决定`,
  ],
  reply: [
    (r, t) => `关于${r.pick(["锦江区", "武侯区", "郫都区", "青羊区", "成华区", "金牛区"])}${t}项目的批复`,
  ],
  plan: [(_r, t, y) => `成都市${t}发展规划（${y}—${y + 4}年）`, (_r, t, y) => `${y}年${t}工作要点`],
  other: [(_r, t) => `《${t}》政策解读`, (_r, t, y) => `${y}年${t}常见问题解答`],
};

const docTypeWeights: [string, number][] = [
  ["notice", 30],
  ["announcement", 15],
  ["opinion", 8],
  ["measures", 10],
  ["regulation", 4],
  ["report", 10],
  ["decision", 5],
  ["reply", 6],
  ["plan", 6],
  ["other", 6],
];

function plantedDocument(
  random: TRandom,
  planted: TPlantedDocument,
  endDay: string,
  dept: TDepartmentRef,
): TGeneratedDocument {
  const start = `${planted.year}-01-01`;
  const last = `${planted.year}-12-31` < endDay ? `${planted.year}-12-31` : endDay;
  const writtenOn = addDays(start, random.int(0, Math.max(0, daysBetween(start, last) - 10)));
  const publishedAt = momentOn(random, addDays(writtenOn, random.int(1, 10)));
  return {
    department: planted.department,
    year: planted.year,
    title: planted.title,
    titleEn: planted.titleEn,
    category: planted.category,
    docType: planted.docType,
    docNumberPrefix: docNumberPrefixes[planted.department] ?? null,
    keywords: planted.keywords,
    writtenOn,
    publishedAt,
    publishedYear: chinaYear(publishedAt),
    validity: "VALID",
    validityFrom: null,
    source: dept.name,
    summary: `${planted.title}。${sentence(random, vocabulary().clauses)}`,
    body: documentBody(random),
  };
}

/**
 * The index-th generated document (the planted ones first). `departments` must list the
 * seeded departments; `endDay` is the last day of the ten years.
 */
export function makeDocument(input: TRowInput & { departments: TDepartmentRef[] }): TGeneratedDocument {
  const { seed, index, endDay, departments } = input;
  const random = rowRandom(seed, "document", index);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  if (index < plantedDocuments.length) {
    const planted = plantedDocuments[index];
    return plantedDocument(random, planted, endDay, byCode.get(planted.department) ?? departments[0]);
  }
  const { topics, clauses } = vocabulary();
  const dept = random.pick(departments);
  const topicList = topics[dept.code] ?? Object.values(topics).flat();
  const topic = random.pick(topicList);
  const writtenOn = addDays(endDay, -random.int(15, years * 365));
  const year = Number(writtenOn.slice(0, 4));
  const publishedAt = momentOn(random, addDays(writtenOn, random.int(1, 14)));
  const docType = random.weighted(docTypeWeights);
  const title = random.pick(titleMakers[docType])(random, topic, year, dept);
  const age = daysBetween(writtenOn, endDay);
  const validity =
    age > 5 * 365 && random.chance(0.3) ? random.pick(["EXPIRED", "REPEALED"] as const) : "VALID";
  const keywords = [topic, ...Array.from({ length: random.int(2, 4) }, () => random.pick(topicList))];
  return {
    department: dept.code,
    year,
    title,
    titleEn: null,
    category: random.pick(departmentCategories[dept.code] ?? ["general.open-government"]),
    docType,
    docNumberPrefix:
      ["notice", "opinion", "measures", "regulation", "decision", "reply"].includes(docType) &&
      random.chance(0.8)
        ? (docNumberPrefixes[dept.code] ?? null)
        : null,
    keywords: [...new Set(keywords)].join(" "),
    writtenOn,
    publishedAt,
    publishedYear: chinaYear(publishedAt),
    validity,
    validityFrom:
      validity === "VALID" ? null : addDays(writtenOn, random.int(3 * 365, Math.max(3 * 365, age - 1))),
    source: dept.name,
    summary: paragraph(random, clauses, [1, 2]),
    body: documentBody(random),
  };
}
