/**
 * Finding, rendering and personalising the shared copy of a public page, for both doors to the
 * cache: proxy.ts (lib/cache/servePublicPage.ts) and the server in front of Next
 * (lib/cache/fastPath.ts). A copy is rendered by Next, through a request to this same server that
 * skips the cache, with a stand-in CSP nonce known only to this process; every answer gets a nonce
 * of its own, written over the stand-in in the body and in the headers (the stylesheet's `Link`
 * preload names it), so no two visitors share one and the stand-in never leaves the process.
 * Free of `server-only`: proxy.ts and scripts/server.ts import it.
 */
import crypto from "node:crypto";
import { isShareableResponse, pageCacheKey } from "./pagePolicy";
import { freshPage, isAgeing, pageStore, renderOnce, stalePage, type TRenderedPage } from "./pageStore";
import { elderCookie } from "../i18n/settings";
import { piecesAround, piecesWith, planPieces, withSlotBetween, type TPlannedPieces } from "./answerPieces";

/** Marks the cache's own render request; its value is the process's fill token. */
export const cacheFillHeader = "x-onestop-cache-fill";

/** Headers of the rendered answer that do not carry over to a copy served later. */
const notCopied = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "cache-control",
  "vary",
  "set-cookie",
  "content-security-policy",
]);

export type TCopyAddress = { pathname: string; search: string; elder: boolean };

/** Renders the page for an anonymous visitor (elder mode or not), through Next, past the cache. */
export async function renderCopy({ pathname, search, elder }: TCopyAddress): Promise<TRenderedPage> {
  const port = process.env.PORT ?? "3000";
  // the shared copy depends on the path and elder mode only: nothing else the visitor sends
  // (Host, X-Forwarded-*, other cookies) reaches its render, so no visitor can shape another's page
  const headers = new Headers({ accept: "text/html", [cacheFillHeader]: pageStore().fillToken });
  if (elder) headers.set("cookie", `${elderCookie}=1`);
  const response = await fetch(`http://127.0.0.1:${port}${pathname}${search}`, {
    headers,
    redirect: "manual",
    cache: "no-store",
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const kept: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!notCopied.has(name)) kept.push([name, value]);
  });
  const cookies = response.headers.getSetCookie();
  return {
    nonceAt: offsetsOf(body, new TextEncoder().encode(pageStore().nonceStandIn)),
    status: response.status,
    headers: [...kept, ...cookies.map((cookie): [string, string] => ["set-cookie", cookie])],
    body,
    shareable: isShareableResponse({
      status: response.status,
      contentType: response.headers.get("content-type"),
      setsCookie: cookies.length > 0,
    }),
  };
}

/**
 * The fresh copy at this address, or null. A copy past half its life is still answered, and a
 * new one is rendered in the background, so that busy pages are never waited for.
 */
export function freshCopy(address: TCopyAddress): TRenderedPage | null {
  const store = pageStore();
  const key = pageCacheKey(address);
  // one clock reading: Next's patched Date.now costs more than the look-up
  const now = Date.now();
  const cached = freshPage(store, key, now);
  if (cached && isAgeing(store, key, now)) {
    renderOnce(store, key, () => renderCopy(address), Date.now).catch((error: unknown) =>
      console.error("[page-cache] refresh failed", error),
    );
  }
  return cached;
}

/** The copy at this address kept past its TTL, to answer when the page fails to render, or null. */
export function staleCopy(address: TCopyAddress): TRenderedPage | null {
  return stalePage(pageStore(), pageCacheKey(address), Date.now());
}

const etags = new WeakMap<TRenderedPage, string>();

/**
 * The copy's ETag, worked out once. The copy holds the stand-in nonce, which never changes within
 * the process, so an unchanged page rendered again keeps its ETag; the hash tells nothing of it.
 */
export function etagOf(page: TRenderedPage): string {
  let etag = etags.get(page);
  if (!etag) {
    etag = `"${crypto.createHash("sha256").update(page.body).digest("base64url").slice(0, 27)}"`;
    etags.set(page, etag);
  }
  return etag;
}

/** Every place `needle` starts in `body`. */
function offsetsOf(body: Uint8Array, needle: Uint8Array): number[] {
  const haystack = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const offsets: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    offsets.push(at);
  return offsets;
}

/** The body with this answer's nonce in place of the stand-in, in one buffer. */
export function bodyWithNonce(page: TRenderedPage, nonce: string): Uint8Array {
  return Buffer.concat(bodyChunksWithNonce(page, Buffer.from(nonce, "latin1")));
}

/** The copy's body as the pieces to write, planned once; slot 0 is the answer's nonce. */
const bodyPieces = new WeakMap<TRenderedPage, TPlannedPieces>();

function piecesOf(page: TRenderedPage): TPlannedPieces {
  let planned = bodyPieces.get(page);
  if (!planned) {
    const standIn = Buffer.byteLength(pageStore().nonceStandIn);
    planned = planPieces(withSlotBetween(piecesAround(page.body, page.nonceAt, standIn), 0), [standIn]);
    bodyPieces.set(page, planned);
  }
  return planned;
}

/**
 * The body with this answer's nonce in place of the stand-in, as the pieces to write one after
 * another: the long pieces between the nonces are views of the copy, cut once, not copies of it
 * (lib/cache/answerPieces.ts). Copying the whole page for each answer (50–115 KB) put the
 * allocation and its collection on every request.
 */
export function bodyChunksWithNonce(page: TRenderedPage, nonce: Uint8Array): Uint8Array[] {
  return piecesWith(piecesOf(page), [nonce]);
}

/** The copy's headers with this answer's nonce in place of the stand-in. */
export function headersWithNonce(page: TRenderedPage, nonce: string): [string, string][] {
  const standIn = pageStore().nonceStandIn;
  return page.headers.map(([name, value]) => [name, value.replaceAll(standIn, nonce)]);
}
