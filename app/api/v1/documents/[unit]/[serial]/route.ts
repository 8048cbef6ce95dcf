import { currentIndexNo, getDocument } from "@/lib/disclosure/queries";
import { apiError } from "@/lib/api/errors";
import { apiRoute, publicJson } from "@/lib/api/route";
import { fileJson } from "@/lib/api/fileJson";

export const dynamic = "force-dynamic";

/**
 * One document by its 索引号 (`/api/v1/documents/SZF/2006-00001`, or a department's credit code
 * where it numbers by it), with every metadata field. A former 索引号 (e.g. JXW/2006-00001)
 * answers a permanent redirect (308) to the document's current address.
 */
export const GET = apiRoute<{ unit: string; serial: string }>(async ({ params }) => {
  const indexNo = `${params.unit}/${params.serial}`;
  const d = await getDocument({ indexNo });
  if (!d) {
    const current = await currentIndexNo({ indexNo });
    if (current)
      return new Response(null, {
        status: 308,
        headers: { Location: `/api/v1/documents/${current}`, "Cache-Control": "public, max-age=3600" },
      });
    return apiError(404, "not_found", "Not found");
  }
  return publicJson({
    indexNo: d.indexNo,
    title: d.title,
    titleEn: d.titleEn,
    category: d.category,
    docType: d.docType,
    docNumber: d.docNumber,
    keywords: d.keywords,
    writtenOn: d.writtenOn.toISOString().slice(0, 10),
    publishedAt: d.publishedAt,
    validity: d.validity,
    validityFrom: d.validityFrom?.toISOString().slice(0, 10) ?? null,
    source: d.source,
    summary: d.summary,
    body: d.body,
    department: { code: d.department.code, name: d.department.name, nameEn: d.department.nameEn },
    attachments: d.attachments.map((a) => ({ ...fileJson(a), mimeType: a.mimeType })),
    // 政策解读 ↔ 原文, published documents only
    interprets: d.interprets,
    interpretations: d.interpretations,
  });
});
