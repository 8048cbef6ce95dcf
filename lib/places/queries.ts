import "server-only";
import { cache } from "react";
import { db } from "../db/client";

/** Districts → streets → communities, in code order. */
export const placeTree = cache(async () =>
  (await db()).district.findMany({
    orderBy: { code: "asc" },
    include: { streets: { orderBy: { code: "asc" }, include: { communities: { orderBy: { code: "asc" } } } } },
  }),
);

export const departmentList = cache(async () => (await db()).department.findMany({ orderBy: { sortOrder: "asc" } }));
