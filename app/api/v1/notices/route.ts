import { z } from "zod";
import { listNotices } from "@/lib/notices/queries";
import { ZNoticeFilter } from "@/lib/notices/categories";
import { publicListRoute } from "@/lib/api/publicList";
import { noticeJson } from "./noticeJson";

export const dynamic = "force-dynamic";

const ZQuery = ZNoticeFilter.extend({ page: z.coerce.number().int().min(1).max(100_000).optional() });

/** Current community notices, pinned first (`?community=&category=&page=`). */
export const GET = publicListRoute({
  schema: ZQuery,
  read: (filter) => listNotices({ filter }),
  item: (n) => ({
    ...noticeJson(n),
    communities: n.targets.map((t) => ({
      code: t.community.code,
      name: t.community.name,
      nameEn: t.community.nameEn,
    })),
  }),
});
