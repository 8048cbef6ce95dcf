import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isNonPublicAddress, privateTargetsAllowed, webhookUrlProblem } from "./address";

/** A receiver that answered something else than 2xx, or could not be reached. */
export class WebhookSendError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

const timeoutMs = 10_000;
const maxAnswerBytes = 1024;

type TLookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves like dns.lookup but refuses a name that resolves to a non-public address, at the
 * moment of connecting (so a name that changes its answer after registration — DNS rebinding —
 * still cannot reach the server's own network).
 */
export function guardedLookup(hostname: string, options: { all?: boolean }, callback: TLookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (!privateTargetsAllowed() && list.some((a) => isNonPublicAddress(a.address)))
      return callback(
        Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: "EPRIVATE" }),
        [],
      );
    if (options.all) return callback(null, list);
    return callback(null, list[0]?.address ?? "", list[0]?.family ?? 4);
  });
}

/**
 * POSTs one JSON delivery: http(s) only, no redirects followed, 10 s at most, the answer read
 * to 1 KB (for the log) and no further. Resolves with the status of a 2xx answer; anything else
 * throws a WebhookSendError with what the log shows.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<number> {
  const problem = webhookUrlProblem(url);
  if (problem) return Promise.reject(new WebhookSendError(`refused URL (${problem})`));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isNonPublicAddress(host) && !privateTargetsAllowed())
    return Promise.reject(new WebhookSendError("refused URL (webhookUrlPrivate)"));
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          ...headers,
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": String(Buffer.byteLength(body)),
          "User-Agent": "onestop-webhooks/1",
        },
        lookup: guardedLookup as never,
        timeout: timeoutMs,
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const settle = () => {
          if (status >= 200 && status < 300) resolve(status);
          else
            reject(
              new WebhookSendError(
                `HTTP ${status}: ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`,
                status,
              ),
            );
        };
        response.on("data", (chunk: Buffer) => {
          if (size < maxAnswerBytes) chunks.push(chunk.subarray(0, maxAnswerBytes - size));
          size += chunk.length;
          if (size >= maxAnswerBytes) {
            response.destroy();
            settle();
          }
        });
        response.on("end", settle);
        response.on("error", (error) => reject(new WebhookSendError(error.message, status)));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => reject(new WebhookSendError(error.message)));
    request.end(body);
  });
}
