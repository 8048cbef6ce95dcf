import { z } from "zod";
import { listDocuments } from "@/lib/disclosure/queries";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";
import { unitCodePattern } from "@/lib/disclosure/indexNumbers";
import { apiFailure } from "@/lib/api/errors";
import { queryParams } from "@/lib/api/queryParams";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(disclosureCategories).optional(),
  department: z.string().regex(unitCodePattern).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  docType: z.enum(docTypes).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** The proactive-disclosure catalogue (`?q=&category=&department=&year=&docType=&page=`). */
export async function GET(request: Request) {
  try {
    const query = ZQuery.parse(queryParams(request.url));
    const result = await listDocuments(query);
    return Response.json(
      {
        items: result.items.map((d) => ({
          indexNo: d.indexNo,
          title: d.title,
          titleEn: d.titleEn,
          docNumber: d.docNumber,
          category: d.category,
          validity: d.validity,
          publishedAt: d.publishedAt,
          department: { code: d.department.code, name: d.department.shortName, nameEn: d.department.nameEn },
        })),
        total: result.total,
        page: result.page,
        pages: result.pages,
      },
      { headers: { "Cache-Control": "public, max-age=60" } },
    );
  } catch (error) {
    return apiFailure(error);
  }
}
