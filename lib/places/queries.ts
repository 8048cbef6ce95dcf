import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { lt } from "../i18n/content";
import type { TLocale } from "../i18n/settings";

/** Districts → streets → communities, in code order. */
export const placeTree = cache(async () =>
  (await db()).district.findMany({
    orderBy: { code: "asc" },
    include: {
      streets: { orderBy: { code: "asc" }, include: { communities: { orderBy: { code: "asc" } } } },
    },
  }),
);

export const departmentList = cache(async () =>
  (await db()).department.findMany({ orderBy: { sortOrder: "asc" } }),
);

/** The place tree with names in the page's language, for pickers. */
export async function labelledPlaceTree(locale: TLocale) {
  return (await placeTree()).map((d) => ({
    code: d.code,
    label: lt(locale, d.name, d.nameEn),
    streets: d.streets.map((s) => ({
      code: s.code,
      label: lt(locale, s.name, s.nameEn),
      communities: s.communities.map((c) => ({ code: c.code, label: lt(locale, c.name, c.nameEn) })),
    })),
  }));
}
