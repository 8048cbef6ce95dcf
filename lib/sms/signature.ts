import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/**
 * How requests between the portal and the SMS platform are signed, in the shape Chinese
 * providers use (Aliyun's and Tencent Cloud's API signatures): the sender adds its access key id,
 * a timestamp and a nonce, and an HMAC-SHA256 over them and the exact body, keyed with the access
 * key secret. The receiver recomputes it and refuses a stale timestamp, so a captured request
 * cannot be replayed later.
 */
export const signatureHeaders = {
  keyId: "x-sms-access-key-id",
  timestamp: "x-sms-timestamp",
  nonce: "x-sms-nonce",
  signature: "x-sms-signature",
} as const;

/** A signed request older or newer than this is refused. */
export const maxClockSkewSeconds = 300;

export function signBody(input: { body: string; timestamp: string; nonce: string; secret: string }): string {
  return createHmac("sha256", input.secret)
    .update(`${input.timestamp}\n${input.nonce}\n${input.body}`)
    .digest("base64");
}

/** The headers that sign one request body. */
export function signedHeaders(input: {
  body: string;
  keyId: string;
  secret: string;
  now?: Date;
}): Record<string, string> {
  const timestamp = String(Math.floor((input.now ?? new Date()).getTime() / 1000));
  const nonce = randomUUID();
  return {
    [signatureHeaders.keyId]: input.keyId,
    [signatureHeaders.timestamp]: timestamp,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: signBody({ body: input.body, timestamp, nonce, secret: input.secret }),
  };
}

/** Whether a body and its headers carry a fresh signature by the given key. */
export function verifySignedBody(input: {
  body: string;
  headers: Headers;
  keyId: string;
  secret: string;
  now?: Date;
}): boolean {
  const get = (name: string) => input.headers.get(name) ?? "";
  const timestamp = get(signatureHeaders.timestamp);
  const nonce = get(signatureHeaders.nonce);
  const given = Buffer.from(get(signatureHeaders.signature));
  if (get(signatureHeaders.keyId) !== input.keyId || !/^\d{1,12}$/.test(timestamp) || !nonce) return false;
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > maxClockSkewSeconds) return false;
  const expected = Buffer.from(signBody({ body: input.body, timestamp, nonce, secret: input.secret }));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
