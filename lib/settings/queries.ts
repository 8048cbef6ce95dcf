import "server-only";
import { cache } from "react";
import { clientOf, type TDbOption } from "../db/client";
import { ZSiteSettings, defaultSiteSettings, type TSiteSettings } from "./site";

/** The site settings, falling back field by field to the defaults. */
export const getSiteSettings = cache(async (input: TDbOption = {}): Promise<TSiteSettings> => {
  const row = await (await clientOf(input)).siteSetting.findUnique({ where: { key: "site" } });
  const parsed = ZSiteSettings.partial().safeParse(row?.value ?? {});
  return { ...defaultSiteSettings, ...(parsed.success ? parsed.data : {}) };
});
