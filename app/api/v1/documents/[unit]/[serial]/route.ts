import { getDocument } from "@/lib/disclosure/queries";
import { apiError } from "@/lib/api/errors";
import { apiRoute, publicJson } from "@/lib/api/route";
import { fileJson } from "@/lib/api/fileJson";

export const dynamic = "force-dynamic";

/** One document by its 索引号 (`/api/v1/documents/JXW/2006-00001`), with every metadata field. */
export const GET = apiRoute<{ unit: string; serial: string }>(async ({ params }) => {
  const d = await getDocument({ indexNo: `${params.unit}/${params.serial}` });
  if (!d) return apiError(404, "not_found", "Not found");
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
