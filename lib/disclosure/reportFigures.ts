import { z } from "zod";
import { wholeNumberField } from "../shared/numberField";

/**
 * The figures of the annual report (《中华人民共和国政府信息公开工作年度报告格式》,
 * 国办公开办函〔2021〕30号) that the portal does not hold, entered by hand: part two's fixed
 * table (Art. 20 items 1, 5, 6 and 8) and part four's 行政复议 / 行政诉讼 table; parts five
 * and six as text.
 */
const ZCount = wholeNumberField(0, 10_000_000);

/** Part four's five columns: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export const outcomeColumns = ["upheld", "corrected", "other", "pending", "total"] as const;
const ZOutcomes = z.object(
  Object.fromEntries(outcomeColumns.map((c) => [c, ZCount])) as Record<
    (typeof outcomeColumns)[number],
    typeof ZCount
  >,
);
export type TOutcomes = z.infer<typeof ZOutcomes>;

/** Part two's made/repealed/in-force rows (第二十条第（一）项). */
export const ruleColumns = ["made", "repealed", "inForce"] as const;
const ZRules = z.object({ made: ZCount, repealed: ZCount, inForce: ZCount });

export const ZReportFigures = z.object({
  part2: z.object({
    /** 规章 */
    regulations: ZRules,
    /** 行政规范性文件 */
    normativeDocuments: ZRules,
    /** 第（五）项 行政许可: 本年处理决定数量 */
    licensing: ZCount,
    /** 第（六）项 行政处罚, 行政强制 */
    punishment: ZCount,
    enforcement: ZCount,
    /** 第（八）项 行政事业性收费: 本年收费金额（万元）, up to four decimals */
    feesTenThousandYuan: z.coerce
      .number({ message: "numberFormat" })
      .min(0, "numberMin|0")
      .max(100_000_000, "numberMax|100000000")
      .refine((v) => Math.round(v * 10_000) === v * 10_000, "numberFormat"),
  }),
  part4: z.object({
    /** 行政复议 */
    review: ZOutcomes,
    /** 行政诉讼: 未经复议直接起诉 */
    directSuit: ZOutcomes,
    /** 行政诉讼: 复议后起诉 */
    suitAfterReview: ZOutcomes,
  }),
  /** 五、存在的主要问题及改进情况 */
  problems: z.string().trim().max(10_000, "tooLongMax|10000"),
  /** 六、其他需要报告的事项 */
  other: z.string().trim().max(10_000, "tooLongMax|10000"),
});
export type TReportFigures = z.infer<typeof ZReportFigures>;

export const part4Rows = ["review", "directSuit", "suitAfterReview"] as const;

/** The rows of part four whose 总计 is not the sum of its four columns (the table must balance). */
export function unbalancedRows(figures: TReportFigures): (typeof part4Rows)[number][] {
  return part4Rows.filter((row) => {
    const r = figures.part4[row];
    return r.upheld + r.corrected + r.other + r.pending !== r.total;
  });
}

const zeroOutcomes: TOutcomes = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
export const emptyFigures: TReportFigures = {
  part2: {
    regulations: { made: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { made: 0, repealed: 0, inForce: 0 },
    licensing: 0,
    punishment: 0,
    enforcement: 0,
    feesTenThousandYuan: 0,
  },
  part4: { review: zeroOutcomes, directSuit: zeroOutcomes, suitAfterReview: zeroOutcomes },
  problems: "",
  other: "",
};

/** The city's total: its own figures plus every department's, number by number (texts are the city's). */
export function sumFigures(own: TReportFigures, departments: TReportFigures[]): TReportFigures {
  const add = <T extends Record<string, number>>(key: (f: TReportFigures) => T): T =>
    Object.fromEntries(
      Object.keys(key(own)).map((k) => [k, [own, ...departments].reduce((sum, f) => sum + key(f)[k], 0)]),
    ) as T;
  const scalar = (key: "licensing" | "punishment" | "enforcement" | "feesTenThousandYuan") =>
    [own, ...departments].reduce((sum, f) => sum + f.part2[key], 0);
  return {
    part2: {
      regulations: add((f) => f.part2.regulations),
      normativeDocuments: add((f) => f.part2.normativeDocuments),
      licensing: scalar("licensing"),
      punishment: scalar("punishment"),
      enforcement: scalar("enforcement"),
      feesTenThousandYuan: Math.round(scalar("feesTenThousandYuan") * 10_000) / 10_000,
    },
    part4: {
      review: add((f) => f.part4.review),
      directSuit: add((f) => f.part4.directSuit),
      suitAfterReview: add((f) => f.part4.suitAfterReview),
    },
    problems: own.problems,
    other: own.other,
  };
}

/** The figures as a flat form (part2.regulations.made → "part2.regulations.made"), and back. */
export function flattenFigures(figures: TReportFigures): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else flat[path] = String(value);
  };
  walk(figures, "");
  return flat;
}

export function unflattenFigures(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split(".");
    let node = out;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return out;
}

/** Every figure field's path, in the form's order. */
export const figureFields = Object.keys(flattenFigures(emptyFigures));

/** The figures form, flat as the browser sends it (`part2.regulations.made`, …), into the figures. */
export const ZReportFiguresForm = z
  .object(
    Object.fromEntries(
      figureFields.map((field) => [
        field,
        field === "problems" || field === "other"
          ? z.string().trim().max(10_000, "tooLongMax|10000")
          : field === "part2.feesTenThousandYuan"
            ? ZReportFigures.shape.part2.shape.feesTenThousandYuan
            : ZCount,
      ]),
    ) as Record<string, z.ZodType<string | number>>,
  )
  .transform((flat) => ZReportFigures.parse(unflattenFigures(flat)));
