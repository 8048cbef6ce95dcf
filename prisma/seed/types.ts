import type { TFormDefinition } from "../../lib/services/form-definition";
import type { TMaterial } from "../../lib/services/guide";

export type SeedDepartment = {
  /** unit code used in 索引号 and 事项编码 prefixes, upper-case pinyin initials, e.g. "RSJ" */
  code: string;
  name: string; // 成都市人力资源和社会保障局
  nameEn: string;
  shortName: string; // 人社局
  phone: string; // 028-xxxxxxxx
  email: string;
  address: string;
  hours: string; // 工作日 9:00-12:00, 13:30-17:00 (法定节假日除外)
  /** 发文代字 of its disclosure replies, e.g. 成人社公开 */
  letterPrefix?: string;
  /** 行政复议机关 and the court for 行政诉讼, named in its replies */
  reviewBody?: string;
  court?: string;
  /** 统一社会信用代码: the first part of its 索引号 where configured */
  creditCode?: string;
  /** number its documents {creditCode}/{year}-{serial} (default: {code}/{year}-{serial}) */
  indexByCreditCode?: boolean;
  /** issues documents only: no services, cases, mailboxes, disclosure requests or consultations */
  issuerOnly?: boolean;
};

export type SeedService = {
  code: string; // 事项编码, e.g. RS-JYDJ-001
  name: string;
  nameEn: string;
  type:
    | "LICENSING"
    | "CONFIRMATION"
    | "ADJUDICATION"
    | "PAYMENT"
    | "REWARD"
    | "FILING"
    | "OTHER_POWER"
    | "PUBLIC_SERVICE";
  audience: "PERSON" | "LEGAL_PERSON";
  /** theme codes from lib/services/themes.ts */
  themes: string[];
  department: string; // department code
  summary: string;
  summaryEn: string;
  legalBasis: { law: string; article: string; text: string }[];
  conditions: string[];
  materials: TMaterial[];
  process: string[];
  specialSteps?: string;
  statutoryDays: number | null; // 0 = 即办; null = no law sets a period (say why in laws.ts)
  statutoryDayCount?: "WORKING" | "CALENDAR"; // how the law counts it; WORKING when left out
  statutorySource?: string; // the law and article that set the period
  promisedDays: number; // 0 = 即办, <= statutoryDays
  fee: string; // "不收费" written out when free
  location: string;
  hours: string;
  consultPhone: string; // 028-xxxxxxxx
  complaintPhone: string; // 028-xxxxxxxx
  visits: 0 | 1 | 2;
  resultName: string;
  resultSample?: string;
  delivery: string;
  faq: { q: string; a: string }[];
  form: TFormDefinition;
  hot?: boolean;
};

export type SeedDocument = {
  /** the issuing unit's code (发布机构); 索引号 is made as {code}/{year of publishedOn}-{serial} in seed order */
  department: string;
  title: string;
  titleEn?: string;
  /** 主题分类 code from lib/disclosure/categories.ts */
  category: string;
  /** 体裁 code from lib/disclosure/doc-types.ts */
  docType: string;
  docNumber?: string; // 成府发〔2006〕12号
  keywords: string; // space-separated 主题词
  writtenOn: string; // YYYY-MM-DD
  publishedOn: string; // YYYY-MM-DD, on or after writtenOn
  validity: "VALID" | "EXPIRED" | "REPEALED";
  validityFrom?: string; // YYYY-MM-DD, for EXPIRED or REPEALED
  source: string;
  summary: string;
  /** Markdown body; or the literal "@seed-plan" for the city informatization plan's full text */
  body: string;
  /** a 政策解读: the title of the seeded document (原文) it interprets */
  interprets?: string;
  /** 索引号 it was filed under before: kept as aliases that redirect to the current number */
  formerIndexNos?: string[];
};

export type SeedPlace = {
  districts: {
    code: string;
    name: string;
    nameEn: string;
    streets: {
      code: string;
      name: string;
      nameEn: string;
      rural: boolean;
      communities: { code: string; name: string; nameEn: string; village: boolean }[];
    }[];
  }[];
};

export type SeedNotice = {
  /** stable key so seeding is idempotent */
  key: string;
  title: string;
  titleEn?: string;
  body: string; // Markdown
  /** category code from lib/notices/categories.ts */
  category: string;
  /** community codes */
  communities: string[];
  pinned?: boolean;
  emergency?: boolean;
  /** 【紧急】: listed first and, while current, the home page's banner */
  urgent?: boolean;
  source: string; // e.g. 锦江区春熙路街道办事处
  department?: string;
  /** days relative to the seeding day (negative = in the past) */
  publishedDaysAgo: number;
  /** days from the seeding day; omit for no expiry; negative = already expired */
  expiresInDays?: number;
};
