import { z } from "zod";
import { apiError } from "@/lib/api/errors";
import { citizenRoute } from "@/lib/api/route";
import { storeUpload, UploadFieldUnknown } from "@/lib/cases/storeUpload";
import {
  discardReceived,
  receiveUpload,
  uploadCeilingMb,
  UploadMalformed,
  UploadTooLarge,
} from "@/lib/uploads/receiveUpload";
import { FormError } from "@/lib/shared/errors";
import { splitErrorCode } from "@/lib/shared/errorCode";

export const dynamic = "force-dynamic";

// The field's own, smaller limit is checked once the whole part has arrived, since its name may
// come after it; reading stops at the ceiling no field exceeds.

const ZUploadParts = z
  .object({
    service: z.string().trim().min(1).max(64).optional(),
    field: z.string().trim().min(1).max(64).optional(),
  })
  .refine((parts) => !parts.service === !parts.field, {
    message: "service and field go together",
    path: ["field"],
  });

/** 413 naming the field, with the errors-namespace code clients translate (`fileTooLarge|10`). */
function tooLarge(field: string, code: string): Response {
  return apiError(413, splitErrorCode(code).key, code, { [field]: code });
}

/**
 * Stores one file (`file` part) for the signed-in citizen; with `service` and `field` parts
 * that form field's types and size limit apply. The type is checked by the file's bytes. The body
 * is read as a stream onto disk and refused with 413 as soon as it passes the ceiling, chunked or not.
 */
export const POST = citizenRoute("token or cookie", async ({ request, actor }) => {
  const ceiling = `fileTooLarge|${uploadCeilingMb}`;
  if (Number(request.headers.get("content-length") ?? 0) > uploadCeilingMb * 1024 * 1024 + 64 * 1024)
    return tooLarge("file", ceiling);
  let upload;
  try {
    upload = await receiveUpload({
      request,
      files: { fields: ["file"], maxCount: 1 },
      maxFileBytes: uploadCeilingMb * 1024 * 1024,
    });
  } catch (error) {
    if (error instanceof UploadTooLarge) return tooLarge(error.field, ceiling);
    if (error instanceof UploadMalformed)
      return apiError(400, "invalid_multipart", "Send multipart/form-data with a `file` part");
    throw error;
  }
  const { fields } = upload;
  const file = upload.files[0];
  try {
    if (!file) return apiError(400, "invalid_request", "The `file` part is missing", { file: "required" });
    const parts = ZUploadParts.parse({ service: fields.service, field: fields.field });
    const saved = await storeUpload({
      actor,
      received: file,
      target: parts.service && parts.field ? { serviceCode: parts.service, field: parts.field } : undefined,
    });
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadFieldUnknown)
      return apiError(400, "invalid_request", "The service has no upload field of this name", {
        field: "unknown",
      });
    if (error instanceof FormError && error.key.startsWith("fileTooLarge|"))
      return tooLarge(error.field ?? "file", error.key);
    throw error;
  } finally {
    if (file) await discardReceived(file);
  }
});
