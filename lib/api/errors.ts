import { ZodError } from "zod";
import { FormError, NotFoundError } from "../shared/errors";

/** The API's error body: `{"error":{"code","message","fields"?}}` with a 4xx status. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Maps expected failures to 4xx; anything else is logged and answered 500 with a reference. */
export function apiFailure(error: unknown): Response {
  if (error instanceof NotFoundError) return apiError(404, "not_found", "Not found");
  if (error instanceof FormError) return apiError(422, error.key, error.key, error.field ? { [error.field]: error.key } : undefined);
  if (error instanceof ZodError) {
    const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join(".") || "body", issue.message]));
    return apiError(400, "invalid_request", "The request is not valid", fields);
  }
  const reference = crypto.randomUUID().slice(0, 8);
  console.error(`[api ${reference}]`, error);
  return apiError(500, "internal", `Unexpected error (reference ${reference})`);
}
