import "server-only";
import { z } from "zod";
import { isCitizen } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { apiActor, cookieActor } from "./actor";
import {
  apiFailure,
  apiUnauthorized,
  BadJsonError,
  IdempotencyKeyError,
  BodyTooLargeError,
  NotJsonMediaTypeError,
} from "./errors";
import { getT } from "../i18n/server";
import { localeFromAcceptLanguage } from "../i18n/settings";
import { applySecurityHeaders } from "../http/securityHeaders";
import { requestClientAddress } from "../http/clientAddress";
import { readLimitedText } from "../http/smallForm";
import { countAttempt } from "../throttle/throttle";

type TParams = Record<string, string>;

/**
 * A route handler that answers every failure the API's way (apiFailure): 404 for NotFoundError,
 * 422 for FormError, 400 for a ZodError, 429 over a limit, and a logged 500 with a reference for
 * anything else; every answer carries the security headers of data (lib/http/securityHeaders).
 * Every write (any method but GET and HEAD) counts against the client address's limit before it runs.
 */
export function apiRoute<P extends TParams = TParams>(
  handle: (call: { request: Request; params: P }) => Promise<Response>,
) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    let response: Response;
    try {
      if (request.method !== "GET" && request.method !== "HEAD")
        await countAttempt({ limit: "apiWrite", key: requestClientAddress(request) ?? "unknown" });
      // a route without dynamic segments may be called without a context
      response = await handle({ request, params: (await context?.params) ?? ({} as P) });
    } catch (error) {
      response = apiFailure(error);
    }
    // proxy.ts sets these too, but not on the routes it leaves alone (uploads, whose bodies it must not buffer)
    applySecurityHeaders(response.headers, { resource: new URL(request.url).pathname });
    return response;
  };
}

/**
 * A route handler for the signed-in citizen's own calls; anyone else is answered 401. "cookie":
 * a call a personal token may not make (managing the tokens themselves).
 */
export function citizenRoute<P extends TParams = TParams>(
  by: "token or cookie" | "cookie",
  handle: (call: { request: Request; params: P; actor: TSessionUser }) => Promise<Response>,
) {
  return apiRoute<P>(async (call) => {
    const actor = await (by === "cookie" ? cookieActor : apiActor)(call.request);
    if (!isCitizen(actor)) return apiUnauthorized();
    return handle({ ...call, actor });
  });
}

/** A public answer that any cache may keep for a minute. */
export function publicJson(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=60" } });
}

/**
 * The request's body as text, read no further than `maxBytes`: a larger body (announced, or
 * chunked without a length) is refused with 413 once the limit is passed, not after it arrived.
 */
async function limitedText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new BodyTooLargeError(maxBytes);
  const text = await readLimitedText(request, maxBytes);
  if (text === null) throw new BodyTooLargeError(maxBytes);
  return text;
}

const ZIdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

/** The request's Idempotency-Key header (8-100 letters, digits, - or _): 400 without one. */
export function idempotencyKey(request: Request): string {
  const key = ZIdempotencyKey.safeParse(request.headers.get("idempotency-key"));
  if (!key.success) throw new IdempotencyKeyError();
  return key.data;
}

/**
 * The request's JSON body parsed with the route's schema: 415 when it is not sent as
 * application/json, 400 when it is not JSON or does not parse; with `maxBytes`, 413 as soon as
 * the body passes it.
 */
export async function jsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes?: number,
): Promise<z.infer<S>> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") {
    const t = await getT(localeFromAcceptLanguage(request.headers.get("accept-language")), "errors");
    throw new NotJsonMediaTypeError(t("errors:jsonContentTypeRequired"));
  }
  let json: unknown;
  if (maxBytes) {
    const text = await limitedText(request, maxBytes);
    try {
      json = JSON.parse(text);
    } catch {
      throw new BadJsonError();
    }
  } else
    json = await request.json().catch(() => {
      throw new BadJsonError();
    });
  return schema.parse(json);
}
