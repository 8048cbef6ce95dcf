import { z } from "zod";
import { apiError } from "@/lib/api/errors";
import { citizenRoute } from "@/lib/api/route";
import { storeUpload, UploadFieldUnknown } from "@/lib/cases/storeUpload";

export const dynamic = "force-dynamic";

// far above any form's limit: refuse before reading a huge body into memory
const maxBodyBytes = 64 * 1024 * 1024;

const ZUploadParts = z
  .object({
    service: z.string().trim().min(1).max(64).optional(),
    field: z.string().trim().min(1).max(64).optional(),
  })
  .refine((parts) => !parts.service === !parts.field, {
    message: "service and field go together",
    path: ["field"],
  });

/**
 * Stores one file (`file` part) for the signed-in citizen; with `service` and `field` parts
 * that form field's types and size limit apply. The type is checked by the file's bytes.
 */
export const POST = citizenRoute("token or cookie", async ({ request, actor }) => {
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes)
    return apiError(422, "fileTooLarge", "The file is too large", { file: "fileTooLarge" });
  const form = await request.formData().catch(() => null);
  if (!form) return apiError(400, "invalid_multipart", "Send multipart/form-data with a `file` part");
  const file = form.get("file");
  if (!(file instanceof File))
    return apiError(400, "invalid_request", "The `file` part is missing", { file: "required" });
  const parts = ZUploadParts.parse({
    service: form.get("service") ?? undefined,
    field: form.get("field") ?? undefined,
  });
  try {
    const saved = await storeUpload({
      actor,
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      target: parts.service && parts.field ? { serviceCode: parts.service, field: parts.field } : undefined,
    });
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadFieldUnknown)
      return apiError(400, "invalid_request", "The service has no upload field of this name", {
        field: "unknown",
      });
    throw error;
  }
});
