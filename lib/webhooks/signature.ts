import { createHmac, timingSafeEqual } from "node:crypto";

/** The header that carries a delivery's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const signatureHeader = "X-Onestop-Signature";

/** How far a receiver should trust a signature's timestamp (seconds either side of its clock). */
const signatureToleranceSeconds = 300;

/**
 * The signature of one delivery, as Stripe signs its events: HMAC-SHA256 with the endpoint's
 * secret over `<timestamp>.<body>` (the exact bytes sent), hex, in `t=…,v1=…`. The timestamp
 * inside the signed text stops an old delivery from being replayed as new.
 */
export function signPayload(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

/**
 * What a receiver does (and the tests do): true when the header's v1 matches the body under the
 * secret and its timestamp is within the tolerance of `now` (seconds).
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now = Math.floor(Date.now() / 1000),
): boolean {
  const parts = new Map(
    (header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string]),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > signatureToleranceSeconds) return false;
  const expected = signPayload(secret, body, timestamp).split("v1=")[1];
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
