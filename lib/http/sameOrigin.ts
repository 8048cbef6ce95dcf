/**
 * Whether a request that changes something comes from the portal's own pages (CSRF defence).
 * Pure and free of `server-only`: proxy.ts refuses cross-site server-action calls with it, and the
 * API treats a cross-site cookie call as anonymous.
 */
import { publicOrigin } from "./securityHeaders";

const safeMethods = ["GET", "HEAD", "OPTIONS"];

/**
 * A read, or a write whose browser says it came from this origin: `Sec-Fetch-Site` is
 * same-origin (or none: typed by the user), and the `Origin`, when sent, is the portal's configured
 * public origin or names the host the request was sent to. `X-Forwarded-Host` is never believed:
 * anyone can send it, and behind a proxy the configured origin is what browsers use. A program
 * without a browser sends no Origin and is let through (it carries no victim's cookie).
 */
export function sameOriginOrSafe(request: Request): boolean {
  if (safeMethods.includes(request.method)) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    return false;
  }
  if (sender.origin === "null") return false;
  if (sender.origin === publicOrigin()?.origin) return true;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  return sender.host === host;
}
