import { ZodError } from "zod";
import { FormError, NotFoundError } from "../shared/errors";
import { splitErrorCode } from "../shared/errorCode";
import { TooManyRequestsError, tooManyRequestsResponse } from "../throttle/throttle";
import { busyReason, databaseBusy, databaseUnreachable } from "../db/unavailable";

/** A request body that is not JSON (answered 400). */
export class BadJsonError extends Error {}

/** A request body past the route's limit (answered 413), found while it was being read. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes`);
  }
}

/**
 * A JSON body sent without `Content-Type: application/json` (answered 415). A form on another site
 * can send text/plain without the browser asking first; it cannot send application/json.
 * The message is already in the caller's language.
 */
export class NotJsonMediaTypeError extends Error {}

/** A write that must be sent once with an Idempotency-Key header came without a valid one (400). */
export class IdempotencyKeyError extends Error {}

/** The API's error body: `{"error":{"code","message","fields"?}}` with a 4xx or 5xx status. */
export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
): Response {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/** Seconds a client is asked to wait before calling again when the database is busy. */
export const busyRetryAfterSeconds = 2;

/** Seconds a client is asked to wait when the database cannot be reached (a restart, a failover). */
export const unavailableRetryAfterSeconds = 10;

/**
 * Maps expected failures to 4xx, and a database too busy to take the call, or out of reach, to 503
 * with Retry-After (the call may be made again: the API's writes carry an Idempotency-Key);
 * anything else is logged and answered 500 with a reference.
 */
export function apiFailure(error: unknown): Response {
  if (error instanceof TooManyRequestsError) return tooManyRequestsResponse(error);
  if (databaseBusy(error)) {
    console.warn(`[api] database busy: ${busyReason(error)}`);
    const response = apiError(
      503,
      "busy",
      `The service is busy: try again in ${busyRetryAfterSeconds} seconds`,
    );
    response.headers.set("Retry-After", String(busyRetryAfterSeconds));
    return response;
  }
  if (databaseUnreachable(error)) {
    // no stack: the cause is known, and an outage would write one for every call
    console.warn(`[api] database unreachable: ${busyReason(error)}`);
    const response = apiError(
      503,
      "unavailable",
      `The service is unavailable for a moment: try again in ${unavailableRetryAfterSeconds} seconds`,
    );
    response.headers.set("Retry-After", String(unavailableRetryAfterSeconds));
    return response;
  }
  if (error instanceof NotFoundError) return apiError(404, "not_found", "Not found");
  if (error instanceof FormError) return apiFormError(error);
  if (error instanceof BodyTooLargeError) return apiError(413, "payload_too_large", error.message);
  if (error instanceof BadJsonError) return apiError(400, "invalid_json", "The request body must be JSON");
  if (error instanceof IdempotencyKeyError)
    return apiError(
      400,
      "idempotency_key_required",
      "Send an Idempotency-Key header of 8-100 letters, digits, - or _ (a UUID will do)",
    );
  if (error instanceof NotJsonMediaTypeError) return apiError(415, "unsupported_media_type", error.message);
  if (error instanceof ZodError) {
    const fields = Object.fromEntries(
      error.issues.map((issue) => [issue.path.join(".") || "body", issue.message]),
    );
    return apiError(400, "invalid_request", "The request is not valid", fields);
  }
  const reference = crypto.randomUUID().slice(0, 8);
  console.error(`[api ${reference}]`, error);
  return apiError(500, "internal", `Unexpected error (reference ${reference})`);
}

/** 401 for a call that needs a signed-in citizen (session cookie or Bearer token). */
export function apiUnauthorized(
  message = "Sign in as a citizen, or send Authorization: Bearer <personal token>",
): Response {
  return apiError(401, "unauthorized", message);
}

/**
 * A FormError as 422 whose code is the bare key (`fileTooLarge`, not `fileTooLarge|10`); the
 * field, if any, carries the full code with its limit.
 */
function apiFormError(error: FormError): Response {
  const { key: code } = splitErrorCode(error.key);
  return apiError(422, code, error.key, error.field ? { [error.field]: error.key } : undefined);
}
