import "server-only";
import type { Prisma } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { hasRole, isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { contentChanged } from "../cache/contentChanged";
import { FormError, NotFoundError } from "../shared/errors";
import { proactiveTable, requestTable, type TRequestTable } from "./annualReport";
import {
  ZReportFigures,
  emptyFigures,
  sumFigures,
  unbalancedRows,
  type TReportFigures,
} from "./reportFigures";

/** The city's own report and total; any other scope is a department's code. */
export const cityScope = "CITY";

/** A report as published: every part, frozen. */
export type TPublishedReport = {
  year: number;
  scope: string;
  issuer: string;
  publishedAt: string;
  part1: { documents: number; requests: number; replied: number };
  figures: TReportFigures;
  part3: TRequestTable;
};

/** Who keeps a report: the city's, administrators; a department's, its supervisors and disclosure officers. */
function mayKeep(actor: TSessionUser, scope: string, publish = false): boolean {
  if (isAdministrator(actor)) return true;
  if (scope === cityScope) return false;
  return hasRole(actor, "SUPERVISOR", scope) || (!publish && hasRole(actor, "DISCLOSURE_OFFICER", scope));
}

async function refuseUnlessKeeper(
  prisma: Awaited<ReturnType<typeof clientOf>>,
  input: { actor: TSessionUser; year: number; scope: string },
  action: string,
  publish = false,
) {
  if (mayKeep(input.actor, input.scope, publish)) return;
  throw await deniedAsNotFound(prisma, {
    actorId: input.actor.id,
    action,
    entityType: "AnnualReport",
    entityId: `${input.year}/${input.scope}`,
  });
}

const parseFigures = (value: unknown): TReportFigures => {
  const parsed = ZReportFigures.safeParse(value);
  return parsed.success ? parsed.data : emptyFigures;
};

/** A report for its keepers: the figures entered so far (empty when none), and whether it is published. */
export async function reportForKeeper(
  input: { actor: TSessionUser; year: number; scope: string } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseUnlessKeeper(prisma, input, "annualReport.read");
  const row = await prisma.annualReport.findUnique({
    where: { year_scope: { year: input.year, scope: input.scope } },
  });
  return {
    figures: parseFigures(row?.figures),
    published: row?.status === "PUBLISHED",
    publishedAt: row?.publishedAt ?? null,
  };
}

/**
 * Saves the hand-entered figures of a draft report: part four must balance (总计 = the four
 * columns) in each row; a published report is frozen and refuses any change.
 */
export async function saveReportFigures(
  input: { actor: TSessionUser; year: number; scope: string; figures: unknown } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseUnlessKeeper(prisma, input, "annualReport.save");
  const figures = ZReportFigures.parse(input.figures);
  const unbalanced = unbalancedRows(figures);
  if (unbalanced.length) throw new FormError("part4Unbalanced", `part4.${unbalanced[0]}.total`);
  await prisma.$transaction(async (tx) => {
    const existing = await tx.annualReport.findUnique({
      where: { year_scope: { year: input.year, scope: input.scope } },
    });
    if (existing?.status === "PUBLISHED") throw new FormError("reportPublished");
    const value = figures as Prisma.InputJsonValue;
    await tx.annualReport.upsert({
      where: { year_scope: { year: input.year, scope: input.scope } },
      create: { year: input.year, scope: input.scope, figures: value },
      update: { figures: value, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "annualReport.save",
      entityType: "AnnualReport",
      entityId: `${input.year}/${input.scope}`,
    });
  });
}

/**
 * The report as it stands: part one's counts and part three's table from the portal's records
 * (the department's, or everyone's for the city), the hand-entered figures — for the city, its
 * own plus every department's.
 */
export async function buildReport(
  input: { year: number; scope: string; now?: Date } & TDbOption,
): Promise<TPublishedReport> {
  const prisma = await clientOf(input);
  const departmentCode = input.scope === cityScope ? undefined : input.scope;
  const department = departmentCode
    ? // the city government's own report is the city's (CITY), not a department's
      await prisma.department.findFirst({
        where: { code: departmentCode, issuerOnly: false },
        select: { name: true },
      })
    : null;
  if (departmentCode && !department) throw new NotFoundError();
  const [part3, proactive, rows] = await Promise.all([
    requestTable({ year: input.year, departmentCode, db: prisma }),
    proactiveTable({ year: input.year, departmentCode, db: prisma }),
    prisma.annualReport.findMany({ where: { year: input.year } }),
  ]);
  const own = parseFigures(rows.find((r) => r.scope === input.scope)?.figures);
  const figures = departmentCode
    ? own
    : sumFigures(
        own,
        rows.filter((r) => r.scope !== cityScope).map((r) => parseFigures(r.figures)),
      );
  return {
    year: input.year,
    scope: input.scope,
    issuer: department?.name ?? "成都市人民政府",
    publishedAt: (input.now ?? new Date()).toISOString(),
    part1: {
      documents: proactive.total,
      requests: part3.newReceived.TOTAL,
      replied: part3.resultsTotal.TOTAL,
    },
    figures,
    part3,
  };
}

/** Publishes a report: the whole of it frozen as it stands now (supervisors; the city's by administrators). */
export async function publishReport(
  input: { actor: TSessionUser; year: number; scope: string; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  await refuseUnlessKeeper(prisma, input, "annualReport.publish", true);
  const snapshot = await buildReport({ ...input, db: prisma });
  const unbalanced = unbalancedRows(snapshot.figures);
  if (unbalanced.length) throw new FormError("part4Unbalanced");
  if (!snapshot.part3.balanced) throw new FormError("part3Unbalanced");
  const now = input.now ?? new Date();
  await prisma.$transaction(async (tx) => {
    const existing = await tx.annualReport.findUnique({
      where: { year_scope: { year: input.year, scope: input.scope } },
    });
    if (existing?.status === "PUBLISHED") throw new FormError("reportPublished");
    const data = {
      status: "PUBLISHED",
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      publishedAt: now,
      publishedById: input.actor.id,
    };
    await tx.annualReport.upsert({
      where: { year_scope: { year: input.year, scope: input.scope } },
      create: { year: input.year, scope: input.scope, figures: snapshot.figures, ...data },
      update: { ...data, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "annualReport.publish",
      entityType: "AnnualReport",
      entityId: `${input.year}/${input.scope}`,
    });
  });
  // the public report page and the disclosure pages' links to it
  contentChanged();
  return snapshot;
}

/** A published report, exactly as published (null when it is not published). */
export async function publishedReport(
  input: { year: number; scope: string } & TDbOption,
): Promise<TPublishedReport | null> {
  const row = await (
    await clientOf(input)
  ).annualReport.findUnique({ where: { year_scope: { year: input.year, scope: input.scope } } });
  return row?.status === "PUBLISHED" && row.snapshot ? (row.snapshot as unknown as TPublishedReport) : null;
}

/** The published reports of a year (the city's first), for the disclosure pages' links. */
export async function publishedReports(input: { year?: number } & TDbOption = {}) {
  return (await clientOf(input)).annualReport.findMany({
    where: { status: "PUBLISHED", ...(input.year ? { year: input.year } : {}) },
    orderBy: [{ year: "desc" }, { scope: "asc" }],
    select: { year: true, scope: true, publishedAt: true },
  });
}

/** The reports the actor keeps: the city's and every department's for administrators, else their departments'. */
export function keptScopes(actor: TSessionUser): string[] | null {
  if (isAdministrator(actor)) return null;
  const codes = actor.grants
    .filter((grant) => grant.role === "SUPERVISOR" || grant.role === "DISCLOSURE_OFFICER")
    .map((grant) => grant.department)
    .filter((code): code is string => !!code);
  return [...new Set(codes)];
}
