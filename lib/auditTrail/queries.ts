import "server-only";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { pageOf, type TPage } from "../shared/paging";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { auditReadScope } from "./policy";
import type { TAuditFilter } from "./schema";

const auditPageSize = 50;

const rowSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  outcome: true,
  detail: true,
  ip: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

export type TAuditRow = Prisma.AuditLogGetPayload<{ select: typeof rowSelect }>;

/** A timestamp as Prisma stores DateTime (UTC wall clock), whatever the session's time zone. */
const utc = (date: Date) => Prisma.sql`${date.toISOString().replace("Z", "")}::timestamp`;
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The rows about a set of departments: their cases (by tracking number), disclosure requests,
 * documents (by index number) and notices, and the staff who hold a role in them.
 */
function departmentRows(codes: string[]): Prisma.Sql {
  const departments = Prisma.sql`(SELECT "id" FROM "Department" WHERE "code" IN (${Prisma.join(codes)}))`;
  return Prisma.sql`(
    (a."entityType" = 'Application' AND a."entityId" IN (SELECT c."trackingNumber" FROM "Application" c
       JOIN "Service" s ON s."id" = c."serviceId" WHERE s."departmentId" IN ${departments}))
    OR (a."entityType" = 'DisclosureRequest' AND a."entityId" IN (SELECT r."trackingNumber"
       FROM "DisclosureRequest" r WHERE r."departmentId" IN ${departments}))
    OR (a."entityType" = 'DisclosureDocument' AND a."entityId" IN (SELECT d."indexNo"
       FROM "DisclosureDocument" d WHERE d."departmentId" IN ${departments}))
    OR (a."entityType" = 'Notice' AND a."entityId" IN (SELECT n."id" FROM "Notice" n
       WHERE n."departmentId" IN ${departments}))
    OR (a."entityType" = 'User' AND a."entityId" IN (SELECT g."userId" FROM "RoleGrant" g
       WHERE g."departmentId" IN ${departments})))`;
}

function whereOf(scope: "all" | string[], filter: TAuditFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (scope !== "all") conditions.push(departmentRows(scope));
  if (filter.person)
    conditions.push(Prisma.sql`(a."actorId" = ${filter.person} OR a."actorId" IN (SELECT u."id" FROM "User" u
      WHERE lower(u."email") = ${filter.person.toLowerCase()} OR u."name" LIKE ${`%${likePrefix(filter.person)}`}))`);
  if (filter.action) conditions.push(Prisma.sql`a."action" LIKE ${likePrefix(filter.action)}`);
  if (filter.targetType) conditions.push(Prisma.sql`a."entityType" = ${filter.targetType}`);
  if (filter.target) conditions.push(Prisma.sql`a."entityId" = ${filter.target}`);
  if (filter.outcome) conditions.push(Prisma.sql`a."outcome"::TEXT = ${filter.outcome}`);
  if (filter.from) conditions.push(Prisma.sql`a."at" >= ${utc(filter.from)}`);
  if (filter.to) conditions.push(Prisma.sql`a."at" <= ${utc(filter.to)}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** The reader's scope, or the refusal (audited, told as "not found"). */
async function readScope(prisma: PrismaClient, actor: TSessionUser, action: string) {
  const scope = auditReadScope(actor);
  if (!scope) throw await deniedAsNotFound(prisma, { actorId: actor.id, action, entityType: "AuditLog" });
  return scope;
}

async function rowsByIds(prisma: PrismaClient, ids: bigint[]): Promise<TAuditRow[]> {
  return prisma.auditLog.findMany({ where: { id: { in: ids } }, orderBy: { id: "desc" }, select: rowSelect });
}

/**
 * One page of the audit log, newest first, narrowed by the filter and by what the reader may see
 * (administrators everything, supervisors their departments' rows).
 */
export async function listAuditEntries(
  input: { actor: TSessionUser; filter: TAuditFilter; page?: number } & TDbOption,
): Promise<{ rows: TAuditRow[]; total: number; page: TPage }> {
  const prisma = await clientOf(input);
  const where = whereOf(await readScope(prisma, input.actor, "audit.view"), input.filter);
  const [{ total }] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::INT AS "total" FROM "AuditLog" a WHERE ${where}`;
  const page = pageOf(total, auditPageSize, input.page);
  const ids = await prisma.$queryRaw<{ id: bigint }[]>`
    SELECT a."id" FROM "AuditLog" a WHERE ${where} ORDER BY a."id" DESC LIMIT ${page.take} OFFSET ${page.skip}`;
  return {
    rows: await rowsByIds(
      prisma,
      ids.map((r) => r.id),
    ),
    total,
    page,
  };
}

/**
 * Every row the filter and the reader's scope select, newest first, a batch at a time (an export
 * of the whole log never sits in memory). The reader is checked and the export audited, with its
 * filter, before anything is read, so a refusal comes before a response starts.
 */
export async function exportAuditEntries(
  input: { actor: TSessionUser; filter: TAuditFilter; batchSize?: number } & TDbOption,
): Promise<AsyncGenerator<TAuditRow[]>> {
  const prisma = await clientOf(input);
  const where = whereOf(await readScope(prisma, input.actor, "audit.export"), input.filter);
  await writeAudit(prisma, {
    actorId: input.actor.id,
    action: "audit.export",
    entityType: "AuditLog",
    detail: JSON.parse(JSON.stringify(input.filter)),
  });
  const batchSize = input.batchSize ?? 1000;
  return (async function* () {
    let before: bigint | null = null;
    for (;;) {
      const after: Prisma.Sql = before === null ? Prisma.sql`TRUE` : Prisma.sql`a."id" < ${before}`;
      const ids: { id: bigint }[] = await prisma.$queryRaw<{ id: bigint }[]>`
        SELECT a."id" FROM "AuditLog" a WHERE ${where} AND ${after} ORDER BY a."id" DESC LIMIT ${batchSize}`;
      if (!ids.length) return;
      yield await rowsByIds(
        prisma,
        ids.map((r) => r.id),
      );
      before = ids[ids.length - 1].id;
    }
  })();
}

/** The last recorded walk of the chain, for the top of the audit page. */
export async function latestAuditVerification(input: { actor: TSessionUser } & TDbOption) {
  const prisma = await clientOf(input);
  await readScope(prisma, input.actor, "audit.view");
  return prisma.auditVerification.findFirst({ orderBy: { at: "desc" } });
}
