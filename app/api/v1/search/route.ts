import { z } from "zod";
import { searchAll } from "@/lib/search/searchAll";
import { apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ q: z.string().trim().min(1, "required").max(100, "tooLongMax|100") });

/** One search over public services, documents and notices; each result has a `type`. */
export async function GET(request: Request) {
  try {
    const { q } = ZQuery.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
    const found = await searchAll(q);
    const items = [
      ...found.services.map((s) => ({ type: "service", id: s.code, title: s.name, titleEn: s.nameEn, url: `/zh-Hans/services/${s.code}` })),
      ...found.documents.map((d) => ({ type: "document", id: d.indexNo, title: d.title, titleEn: d.titleEn, url: `/zh-Hans/disclosure/${d.indexNo}` })),
      ...found.notices.map((n) => ({ type: "notice", id: n.id, title: n.title, titleEn: n.titleEn, url: `/zh-Hans/notices/${n.id}` })),
    ];
    return Response.json({ q, items, total: items.length });
  } catch (error) {
    return apiFailure(error);
  }
}
