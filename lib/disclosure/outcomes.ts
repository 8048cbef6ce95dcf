/**
 * Reply outcomes of 依申请公开, exactly the categories of the annual report's table
 * (《政府信息公开条例》 and the national annual-report format), so the report is generated.
 * Labels live in locales/<lng>/disclosure.json under outcome.<category> and outcome.<sub>.
 */
const outcomeCategories = {
  /** 予以公开 (includes "already public: here is where") */
  DISCLOSED: [] as const,
  /** 部分公开 (redacted) */
  PARTLY_DISCLOSED: [] as const,
  /** 不予公开 */
  NOT_DISCLOSED: [
    "STATE_SECRET", // 属于国家秘密
    "LAW_FORBIDS", // 其他法律行政法规禁止公开
    "THREE_SAFETIES", // 危及“三安全一稳定”
    "THIRD_PARTY", // 保护第三方合法权益
    "INTERNAL_AFFAIRS", // 属于三类内部事务信息
    "PROCESS_INFO", // 属于四类过程性信息
    "ENFORCEMENT_FILE", // 属于行政执法案卷
    "QUERY_MATTER", // 属于行政查询事项
  ] as const,
  /** 无法提供 */
  CANNOT_PROVIDE: [
    "NOT_HELD", // 本机关不掌握相关政府信息 (name the responsible body where known)
    "NEEDS_CREATION", // 没有现成信息需要另行制作
    "STILL_UNCLEAR", // 补正后申请内容仍不明确
  ] as const,
  /** 不予处理 */
  NOT_PROCESSED: [
    "PETITION", // 信访举报投诉类申请
    "DUPLICATE", // 重复申请
    "PUBLICATION", // 要求提供公开出版物
    "EXCESSIVE", // 无正当理由大量反复申请
    "CONFIRMATION", // 要求行政机关确认或重新出具已获取信息
  ] as const,
  /** 其他处理 */
  OTHER: [
    "NO_CORRECTION", // 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    "FEE_UNPAID", // 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    "OTHERS", // 其他
  ] as const,
} as const;

export type TOutcomeCategory = keyof typeof outcomeCategories;

/** Outcomes that only their own step gives: 逾期不补正 (abandon) and 逾期未缴费 (feeUnpaid). */
export const ownStepOutcomes: readonly string[] = ["NO_CORRECTION", "FEE_UNPAID"];
const outcomeCategoryList = Object.keys(outcomeCategories) as TOutcomeCategory[];

/** Every cell of the outcome rows: a category alone when it has no sub-codes, else category/sub. */
export type TOutcomeCell = { category: TOutcomeCategory; sub: string | null };
export const outcomeCells: TOutcomeCell[] = outcomeCategoryList.flatMap((category): TOutcomeCell[] => {
  const subs = outcomeCategories[category] as readonly string[];
  return subs.length ? subs.map((sub) => ({ category, sub })) : [{ category, sub: null }];
});

/** True when the sub-code belongs to the category (and is given exactly when the category has sub-codes). */
export function isValidOutcome(
  category: string,
  sub: string | null | undefined,
): category is TOutcomeCategory {
  if (!(category in outcomeCategories)) return false;
  const subs = outcomeCategories[category as TOutcomeCategory] as readonly string[];
  return subs.length ? !!sub && subs.includes(sub) : !sub;
}

/** Annual-report applicant columns (自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他). */
export const requesterTypes = ["PERSON", "BUSINESS", "RESEARCH", "NONPROFIT", "LEGAL", "OTHER"] as const;
export type TRequesterType = (typeof requesterTypes)[number];

/** How the applicant asks to receive the information (Art. 29: 获取信息的方式). */
export const deliveryMethods = ["download", "email", "paper", "inPerson"] as const;
