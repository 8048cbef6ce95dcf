import { apiActor } from "@/lib/api/actor";
import { readUpload } from "@/lib/uploads/readUpload";
import { apiRoute } from "@/lib/api/route";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

/** A stored file, for those who may see it (404 for everyone else). */
export const GET = apiRoute<{ id: string }>(async ({ request, params }) => {
  const file = await readUpload({ actor: await apiActor(request), id: params.id });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
