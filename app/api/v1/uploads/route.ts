import { z } from "zod";
import { isCitizen } from "@/lib/auth/policy";
import { apiActor } from "@/lib/api/actor";
import { apiError, apiFailure, apiFormError, apiUnauthorized } from "@/lib/api/errors";
import { storeUpload, UploadFieldUnknown } from "@/lib/cases/storeUpload";
import { FormError } from "@/lib/shared/errors";

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
export async function POST(request: Request) {
  try {
    const actor = await apiActor(request);
    if (!isCitizen(actor)) return apiUnauthorized();
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

    const saved = await storeUpload({
      actor,
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      target: parts.service && parts.field ? { serviceCode: parts.service, field: parts.field } : undefined,
    });
    return Response.json(saved, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof FormError) return apiFormError(error);
    if (error instanceof UploadFieldUnknown)
      return apiError(400, "invalid_request", "The service has no upload field of this name", {
        field: "unknown",
      });
    return apiFailure(error);
  }
}
