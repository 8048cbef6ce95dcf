import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { chinaDay } from "../calendar/workdays";
import { outcomeCells, requesterTypes, type TRequesterType } from "./outcomes";

/** The year of a report as a path names it (1900–2099), or null for anything else (a 404). */
export function reportYear(value: string): number | null {
  return /^(19|20)\d{2}$/.test(value) ? Number(value) : null;
}

export type TColumns = Record<TRequesterType | "TOTAL", number>;
export type TRequestTable = {
  year: number;
  /** 本年新收政府信息公开申请数量 */
  newReceived: TColumns;
  /** 上年结转政府信息公开申请数量 */
  carriedIn: TColumns;
  /** 本年度办理结果, one row per outcome cell (category/sub) */
  results: { category: string; sub: string | null; columns: TColumns }[];
  resultsTotal: TColumns;
  /** 结转下年度继续办理 */
  carriedOut: TColumns;
  /** 新收 + 上年结转 = 办理结果 + 结转下年, in every column */
  balanced: boolean;
};

const emptyColumns = (): TColumns => ({
  PERSON: 0,
  BUSINESS: 0,
  RESEARCH: 0,
  NONPROFIT: 0,
  LEGAL: 0,
  OTHER: 0,
  TOTAL: 0,
});

/**
 * Part three of the annual report (收到和处理政府信息公开申请情况), generated from the requests:
 * counted from the day receipt was confirmed to the day the request was finished (replied,
 * abandoned for no correction, or withdrawn — the last counted under 其他处理/其他).
 */
export async function requestTable(
  input: { year: number; departmentCode?: string } & TDbOption,
): Promise<TRequestTable> {
  const prisma = await clientOf(input);
  const start = `${input.year}-01-01`;
  const end = `${input.year}-12-31`;
  const rows = await prisma.disclosureRequest.findMany({
    where: {
      receivedOn: { not: null, lte: new Date(`${end}T00:00:00Z`) },
      ...(input.departmentCode ? { department: { code: input.departmentCode } } : {}),
    },
    select: {
      requesterType: true,
      receivedOn: true,
      repliedAt: true,
      status: true,
      outcome: true,
      outcomeSub: true,
    },
  });
  const table: TRequestTable = {
    year: input.year,
    newReceived: emptyColumns(),
    carriedIn: emptyColumns(),
    results: outcomeCells.map((cell) => ({ ...cell, columns: emptyColumns() })),
    resultsTotal: emptyColumns(),
    carriedOut: emptyColumns(),
    balanced: true,
  };
  const add = (columns: TColumns, type: TRequesterType) => {
    columns[type]++;
    columns.TOTAL++;
  };
  for (const row of rows) {
    const received = row.receivedOn!.toISOString().slice(0, 10);
    const finished = row.repliedAt ? chinaDay(row.repliedAt) : null;
    if (finished && finished < start) continue; // finished before the year: not in this report
    add(received >= start ? table.newReceived : table.carriedIn, row.requesterType);
    if (finished && finished <= end) {
      const outcome =
        row.status === "WITHDRAWN"
          ? { category: "OTHER", sub: "OTHERS" }
          : { category: row.outcome ?? "OTHER", sub: row.outcomeSub ?? null };
      const cell =
        table.results.find((r) => r.category === outcome.category && r.sub === outcome.sub) ??
        table.results.find((r) => r.category === "OTHER" && r.sub === "OTHERS")!;
      add(cell.columns, row.requesterType);
      add(table.resultsTotal, row.requesterType);
    } else {
      add(table.carriedOut, row.requesterType);
    }
  }
  table.balanced = (["TOTAL", ...requesterTypes] as const).every(
    (column) =>
      table.newReceived[column] + table.carriedIn[column] ===
      table.resultsTotal[column] + table.carriedOut[column],
  );
  return table;
}

/** Part two: documents proactively published in the year, by 体裁 and by 主题分类. */
export async function proactiveTable(input: { year: number; departmentCode?: string } & TDbOption) {
  const prisma = await clientOf(input);
  const department = input.departmentCode ? { department: { code: input.departmentCode } } : {};
  const where = { status: "PUBLISHED" as const, publishedYear: input.year, ...department };
  const [byType, byCategory, total, repealed] = await Promise.all([
    prisma.disclosureDocument.groupBy({ by: ["docType"], where, _count: { _all: true } }),
    prisma.disclosureDocument.groupBy({ by: ["category"], where, _count: { _all: true } }),
    prisma.disclosureDocument.count({ where }),
    prisma.disclosureDocument.count({
      where: {
        ...department,
        validity: { in: ["EXPIRED", "REPEALED"] },
        validityFrom: {
          gte: new Date(`${input.year}-01-01T00:00:00Z`),
          lte: new Date(`${input.year}-12-31T00:00:00Z`),
        },
      },
    }),
  ]);
  return {
    total,
    /** documents that became 失效 or 废止 during the year */
    ended: repealed,
    byType: byType
      .map((row) => ({ key: row.docType, count: row._count._all }))
      .sort((a, b) => b.count - a.count),
    byCategory: byCategory
      .map((row) => ({ key: row.category, count: row._count._all }))
      .sort((a, b) => b.count - a.count),
  };
}

/** The data of the annual report for a year (whole government). */
export async function annualReport(input: { year: number } & TDbOption) {
  const prisma = await clientOf(input);
  const [requests, proactive] = await Promise.all([
    requestTable({ year: input.year, db: prisma }),
    proactiveTable({ year: input.year, db: prisma }),
  ]);
  return { requests, proactive };
}
