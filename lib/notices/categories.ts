import { z } from "zod";

/** Community-notice categories; labels in locales/<lng>/catalog.json under noticeCategory.<code>. */
export const noticeCategories = [
  "utilities", // 停水停电
  "activities", // 社区活动
  "announcements", // 通知公告
  "emergency", // 防汛应急
  "health", // 卫生健康
  "elderly", // 为老服务
  "employment", // 就业服务
  "safety", // 平安建设
] as const;

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
