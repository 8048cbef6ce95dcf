import { z } from "zod";
import { ZCodeList } from "../shared/codeList";
import categories from "./categories.json";

/**
 * Community-notice categories (the codes are data: categories.json); labels live in
 * locales/<lng>/catalog.json under noticeCategory.<code>.
 */
export const noticeCategories = ZCodeList.parse(categories);

/**
 * The filter programs give for notices (the feed, the API): a community by its statistical code
 * and a category. The portal's pages read the same parameters leniently instead.
 */
export const ZNoticeFilter = z.object({
  community: z
    .string()
    .regex(/^\d{6,15}$/)
    .optional(),
  category: z.enum(noticeCategories).optional(),
});
