import type { IncomingMessage, ServerResponse } from "node:http";
import pLimit from "p-limit";
import { answerBusy } from "./busyAnswer";

/**
 * How many page renders Next works on at once; the others wait their turn, first come first
 * served. Every render in flight holds its memory (the page tree, query results, the HTML being
 * written), and on the embedded database the work is one thread's anyway: fifty renders
 * interleaved finish no sooner than fifty in turn, they only hold fifty times the memory (the
 * bench's server peaked at 1.2 GB with 50 connections). Cache hits are answered before this
 * (lib/cache/fastPath.ts) and never wait.
 */
export const defaultRenderSlots = 8;

/**
 * A slot is given back when the answer has been handed to the connection (`finish`), when the
 * client stops taking it as fast as it is written (the connection's buffer is full: what is left
 * waits on the client, not on the server), when the connection closes, and at the latest after
 * `holdLimitMs`. A slow client never keeps the others waiting for long.
 */
export const slotHoldLimitMs = 10_000;

/**
 * How long a page request may wait for a slot before it is answered 503 with Retry-After instead
 * (lib/http/busyAnswer.ts). On a deadline day more visitors may come than the server can render
 * for: without a bound the queue grows, every visitor waits longer than the last, and all of them
 * time out together (a proxy's 504, a phone's spinner) while the server renders pages nobody is
 * still waiting for. With it, whoever gets a slot is served in about this long at most, and the
 * others learn within it that the portal is busy. Only reads (GET, HEAD) are turned away: a write
 * carries what someone typed or sent, and is never dropped for load.
 */
export const defaultQueueWaitMs = 10_000;
/** The longest wait RENDER_QUEUE_WAIT_MS may set: an hour (a timer cannot wait past 2³¹ ms). */
const maxQueueWaitMs = 3_600_000;

/**
 * How many reads may wait for a page slot, per slot. Past it a read is answered busy at once: one
 * client pipelining thousands of requests on one connection must not hold that many requests,
 * timers and answers in memory. Set well above what the queue's wait lets through (2,048 reads
 * behind 8 slots is a minute of the staff queue's renders here): a client turned away at once asks
 * again at once, and at 64 a slot, 1,000 connections doing so took 14,000 answers a second of the
 * thread, and the pages rendered fell from 27 to 6 a second.
 */
export const queuedReadsPerSlot = 256;

export type THandler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

/** RENDER_SLOTS from the environment (a whole number from 1), else the default. */
export function renderSlotCount(env: Partial<Record<string, string>> = process.env): number {
  const configured = env.RENDER_SLOTS?.trim();
  if (!configured) return defaultRenderSlots;
  const count = Number(configured);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`RENDER_SLOTS=${configured}: a whole number from 1`);
  return count;
}

/**
 * Requests with a body (a form, an upload, an API write) do not wait behind page renders: their
 * handler first waits for the client to send the body, and a render slot held while a phone
 * uploads a scan, or an attacker sends a byte a second, would stall every page. They have a pool
 * of their own, this many times larger, so that a flood of writes is bounded too (the server's
 * heap has a budget: scripts/serverCommand.ts) while slow senders only ever hold up other writes.
 */
export const writeSlotsPerRenderSlot = 8;

/** Whether a request carries a body. */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (length !== undefined && length !== "0") || request.headers["transfer-encoding"] !== undefined;
}

/** RENDER_QUEUE_WAIT_MS from the environment (whole milliseconds from 1 to an hour), else the default. */
export function renderQueueWaitMs(env: Partial<Record<string, string>> = process.env): number {
  const configured = env.RENDER_QUEUE_WAIT_MS?.trim();
  if (!configured) return defaultQueueWaitMs;
  const ms = Number(configured);
  if (!Number.isInteger(ms) || ms < 1 || ms > maxQueueWaitMs)
    throw new Error(`RENDER_QUEUE_WAIT_MS=${configured}: whole milliseconds from 1 to ${maxQueueWaitMs}`);
  return ms;
}

/**
 * Whether a request only reads, so that turning it away for load loses nothing. A read goes to the
 * page slots even with a body (nothing reads a GET's body), so a body cannot move it to the writes'
 * larger pool, which is never turned away.
 */
function onlyReads(request: IncomingMessage): boolean {
  return request.method === "GET" || request.method === "HEAD";
}

/**
 * What never waits for a render slot: the build's static files (a page's scripts and styles: a
 * visitor whose page was rendered must not then wait, or be turned away, for them), the icons, and
 * the health check (a load balancer's probe must learn that the instance is alive, not that it is
 * busy). Next answers these from files or in a few lines, with nothing to render.
 */
export function needsNoSlot(request: IncomingMessage): boolean {
  const url = request.url ?? "";
  return (
    url.startsWith("/_next/static/") || url === "/api/health" || url === "/favicon.ico" || url === "/icon.svg"
  );
}

/** Next's speculative fetch of a page a link points to: when no slot is free, it is not worth one. */
function isPrefetch(request: IncomingMessage): boolean {
  return request.headers["next-router-prefetch"] !== undefined;
}

type TLimit = ReturnType<typeof pLimit>;

/**
 * Wraps a request handler so that at most `slots` page renders, and `slots ×
 * writeSlotsPerRenderSlot` requests with a body, are in it at once. A request `skipsQueue` says is
 * one the requests in the slots may be waiting for (the page cache's own render of a copy they all
 * asked for): queued behind them, it would never come. A read that waits `queueWaitMs` for a slot
 * is answered by `busy` (503, lib/http/busyAnswer.ts) and leaves the queue.
 */
export function withRenderSlots(
  handle: THandler,
  slots: number,
  options: {
    skipsQueue?: (request: IncomingMessage) => boolean;
    holdLimitMs?: number;
    queueWaitMs?: number;
    busy?: (request: IncomingMessage, response: ServerResponse) => unknown;
  } = {},
): THandler {
  const pages = pLimit(slots);
  const writes = pLimit(slots * writeSlotsPerRenderSlot);
  const holdLimitMs = options.holdLimitMs ?? slotHoldLimitMs;
  const queueWaitMs = options.queueWaitMs ?? defaultQueueWaitMs;
  const busy = options.busy ?? answerBusy;
  const logTurnedAway = busyLog();
  const inSlot = (
    limit: TLimit,
    request: IncomingMessage,
    response: ServerResponse,
    answered: () => boolean = () => false,
  ) =>
    limit(
      () =>
        new Promise<void>((resolve, reject) => {
          // a client that was told the portal is busy, or left while waiting, is not served
          if (answered() || request.socket.destroyed) return resolve();
          const timer = setTimeout(done, holdLimitMs);
          timer.unref();
          const { write, end } = response;
          function done() {
            clearTimeout(timer);
            response.off("finish", done).off("close", done);
            // put back only what is still this slot's own: a wrapper added after it (Next's
            // compression, the failed page's) holds this one and stays in place, else Next's later
            // writes would skip it (raw bytes in a gzip answer, a write after end waiting forever)
            if (response.write === slotWrite) response.write = write;
            if (response.end === slotEnd) response.end = end;
            resolve();
          }
          // the answer is written; what the client has not taken yet is up to the client
          const waitsOnClient = () => {
            if (response.writableNeedDrain || response.socket?.writableNeedDrain) done();
          };
          const slotWrite = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
            const flowing = write.apply(this, args);
            waitsOnClient();
            return flowing;
          } as ServerResponse["write"];
          const slotEnd = function (this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
            const ended = end.apply(this, args);
            waitsOnClient();
            return ended;
          } as ServerResponse["end"];
          Object.assign(response, { write: slotWrite, end: slotEnd });
          response.once("finish", done).once("close", done);
          handle(request, response).catch((error: unknown) => {
            done();
            reject(error);
          });
        }),
    );
  const turnAway = (request: IncomingMessage, response: ServerResponse) => {
    // a client that has gone is not answered, nor counted
    if (request.socket.destroyed) return;
    logTurnedAway();
    try {
      void Promise.resolve(busy(request, response)).catch(busyFailed(response));
    } catch (error) {
      busyFailed(response)(error);
    }
  };
  /**
   * A read that finds every page slot taken waits at most queueWaitMs, then is answered busy; at
   * once when the queue is full, or when it is only a prefetch.
   */
  const inPageSlot = (request: IncomingMessage, response: ServerResponse) => {
    if (pages.activeCount + pages.pendingCount < slots) return inSlot(pages, request, response);
    if (pages.pendingCount >= slots * queuedReadsPerSlot || isPrefetch(request))
      return Promise.resolve(turnAway(request, response));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      turnAway(request, response);
    }, queueWaitMs);
    timer.unref();
    return inSlot(pages, request, response, () => {
      clearTimeout(timer);
      return timedOut;
    });
  };
  return (request, response) =>
    options.skipsQueue?.(request)
      ? handle(request, response)
      : onlyReads(request)
        ? inPageSlot(request, response)
        : hasBody(request)
          ? inSlot(writes, request, response)
          : inSlot(pages, request, response);
}

/** A busy answer that failed: logged, and the connection closed so the client is not left waiting. */
function busyFailed(response: ServerResponse) {
  return (error: unknown) => {
    console.error("[slots] busy answer failed", error);
    response.destroy();
  };
}

/**
 * Logs the first request turned away for load at once, then how many more every 10 s while it goes
 * on, not a line each: the log of an overloaded server should not add to its load.
 */
function busyLog(): () => void {
  let count = 0;
  return () => {
    if (count++ > 0) return;
    console.warn("[slots] a page request was answered 503 busy: every render slot is taken");
    setTimeout(() => {
      if (count > 1) console.warn(`[slots] ${count - 1} more page request(s) answered 503 busy in 10 s`);
      count = 0;
    }, 10_000).unref();
  };
}
