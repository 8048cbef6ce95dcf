import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { ZSiteSettings, defaultSiteSettings, type TSiteSettings } from "./site";

/** The site settings, falling back field by field to the defaults. */
export const getSiteSettings = cache(async (): Promise<TSiteSettings> => {
  const row = await (await db()).siteSetting.findUnique({ where: { key: "site" } });
  const parsed = ZSiteSettings.partial().safeParse(row?.value ?? {});
  return { ...defaultSiteSettings, ...(parsed.success ? parsed.data : {}) };
});
