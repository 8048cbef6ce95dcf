import { getDocument } from "@/lib/disclosure/queries";
import { apiError, apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

/** One document by its 索引号 (`/api/v1/documents/JXW/2006-00001`), with every metadata field. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ unit: string; serial: string }> },
) {
  try {
    const { unit, serial } = await params;
    const d = await getDocument({ indexNo: `${unit}/${serial}` });
    if (!d) return apiError(404, "not_found", "Not found");
    return Response.json(
      {
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
        attachments: d.attachments.map((a) => ({
          id: a.id,
          fileName: a.fileName,
          size: a.size,
          mimeType: a.mimeType,
          url: `/api/v1/files/${a.id}`,
        })),
      },
      { headers: { "Cache-Control": "public, max-age=60" } },
    );
  } catch (error) {
    return apiFailure(error);
  }
}
