import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { keptRead } from "../cache/keptReads";
import type { PrismaClient } from "../db/generated/client";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";

const readPlaceTree = (prisma: PrismaClient) =>
  prisma.district.findMany({
    orderBy: { code: "asc" },
    include: {
      streets: { orderBy: { code: "asc" }, include: { communities: { orderBy: { code: "asc" } } } },
    },
  });
const readDepartments = (prisma: PrismaClient) =>
  prisma.department.findMany({ orderBy: { sortOrder: "asc" } });

// with no client given, read once for every request within a moment (lib/cache/keptReads.ts)
const serverPlaceTree = keptRead("placeTree", async () => readPlaceTree(await clientOf({})));
const serverDepartments = keptRead("departments", async () => readDepartments(await clientOf({})));

/** Districts → streets → communities, in code order. */
export function placeTree(input: TDbOption = {}) {
  return input.db ? readPlaceTree(input.db) : serverPlaceTree();
}

/**
 * The departments, in the order the portal lists them: those with services, cases, mailboxes and
 * a disclosure queue. `issuers: true` adds the bodies that only issue documents (成都市人民政府),
 * for the document catalogue's filter and the editors' publishing form.
 */
export async function departmentList(input: TDbOption & { issuers?: boolean } = {}) {
  const all = await (input.db ? readDepartments(input.db) : serverDepartments());
  return input.issuers ? all : all.filter((d) => !d.issuerOnly);
}

/** The place tree with names in the page's language, for pickers. */
export async function labelledPlaceTree(input: { locale: TLocale } & TDbOption) {
  const { locale } = input;
  return (await placeTree(input)).map((d) => ({
    code: d.code,
    label: lt(locale, d.name, d.nameEn),
    streets: d.streets.map((s) => ({
      code: s.code,
      label: lt(locale, s.name, s.nameEn),
      communities: s.communities.map((c) => ({ code: c.code, label: lt(locale, c.name, c.nameEn) })),
    })),
  }));
}
