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
 * others learn at once that the portal is busy. Only reads (GET, HEAD) are turned away: a write
 * carries what someone typed or sent, and is never dropped for load.
 */
export const defaultQueueWaitMs = 10_000;

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

/** RENDER_QUEUE_WAIT_MS from the environment (a whole number of milliseconds from 1), else the default. */
export function renderQueueWaitMs(env: Partial<Record<string, string>> = process.env): number {
  const configured = env.RENDER_QUEUE_WAIT_MS?.trim();
  if (!configured) return defaultQueueWaitMs;
  const ms = Number(configured);
  if (!Number.isInteger(ms) || ms < 1)
    throw new Error(`RENDER_QUEUE_WAIT_MS=${configured}: a whole number of milliseconds from 1`);
  return ms;
}

/** Whether a request only reads, so that turning it away for load loses nothing. */
function onlyReads(request: IncomingMessage): boolean {
  return request.method === "GET" || request.method === "HEAD";
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
  const turnedAway = busyLog();
  const inSlot = (
    limit: TLimit,
    request: IncomingMessage,
    response: ServerResponse,
    answered: () => boolean = () => false,
  ) =>
    limit(
      () =>
        new Promise<void>((resolve, reject) => {
          // a client that left while waiting, or was told the portal is busy, is not served
          if (request.socket.destroyed || answered()) return resolve();
          const timer = setTimeout(done, holdLimitMs);
          timer.unref();
          const { write, end } = response;
          function done() {
            clearTimeout(timer);
            response.off("finish", done).off("close", done);
            Object.assign(response, { write, end });
            resolve();
          }
          // the answer is written; what the client has not taken yet is up to the client
          const waitsOnClient = () => {
            if (response.writableNeedDrain || response.socket?.writableNeedDrain) done();
          };
          response.write = function (this: ServerResponse, ...args: Parameters<ServerResponse["write"]>) {
            const flowing = write.apply(this, args);
            waitsOnClient();
            return flowing;
          } as ServerResponse["write"];
          response.end = function (this: ServerResponse, ...args: Parameters<ServerResponse["end"]>) {
            const ended = end.apply(this, args);
            waitsOnClient();
            return ended;
          } as ServerResponse["end"];
          response.once("finish", done).once("close", done);
          handle(request, response).catch((error: unknown) => {
            done();
            reject(error);
          });
        }),
    );
  /** a read that finds every page slot taken waits at most queueWaitMs, then is answered busy */
  const inPageSlot = (request: IncomingMessage, response: ServerResponse) => {
    if (!onlyReads(request) || pages.activeCount + pages.pendingCount < slots)
      return inSlot(pages, request, response);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      turnedAway();
      void Promise.resolve(busy(request, response)).catch((error: unknown) =>
        console.error("[slots] busy answer failed", error),
      );
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
      : hasBody(request)
        ? inSlot(writes, request, response)
        : inPageSlot(request, response);
}

/**
 * Counts the requests turned away for load and logs how many once every 10 s while it goes on, not
 * a line each: the log of an overloaded server should not add to its load.
 */
function busyLog(): () => void {
  let count = 0;
  return () => {
    if (count++ > 0) return;
    setTimeout(() => {
      console.warn(`[slots] ${count} page request(s) waited too long for a render slot: answered 503 busy`);
      count = 0;
    }, 10_000).unref();
  };
}
