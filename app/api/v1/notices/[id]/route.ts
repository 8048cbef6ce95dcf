import { getNotice } from "@/lib/notices/queries";
import { apiError, apiFailure } from "@/lib/api/errors";
import { noticeJson } from "../noticeJson";

export const dynamic = "force-dynamic";

/** One notice by id (expired ones too, marked so). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return apiError(404, "not_found", "Not found");
    const n = await getNotice({ id });
    if (!n) return apiError(404, "not_found", "Not found");
    return Response.json(
      {
        ...noticeJson(n),
        body: n.body,
        expired: n.status === "ARCHIVED" || (n.expiresAt !== null && n.expiresAt <= new Date()),
        communities: n.targets.map((t) => ({ code: t.community.code, name: t.community.name })),
        attachments: n.attachments.map((a) => ({
          id: a.id,
          fileName: a.fileName,
          size: a.size,
          url: `/api/v1/files/${a.id}`,
        })),
      },
      { headers: { "Cache-Control": "public, max-age=60" } },
    );
  } catch (error) {
    return apiFailure(error);
  }
}
