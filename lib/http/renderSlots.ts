import type { IncomingMessage, ServerResponse } from "node:http";
import pLimit from "p-limit";

/**
 * How many requests Next works on at once; the others wait their turn, first come first served.
 * Every request in flight holds its render's memory (the page tree, query results, the HTML being
 * written), and on the embedded database the work is one thread's anyway: fifty renders
 * interleaved finish no sooner than fifty in turn, they only hold fifty times the memory (the
 * bench's server peaked at 1.2 GB with 50 connections). Cache hits are answered before this
 * (lib/cache/fastPath.ts) and never wait.
 */
export const defaultRenderSlots = 8;

/**
 * A slot is given back when the answer has been handed to the connection (`finish`), or the
 * connection closed, or after `holdLimitMs`: a client too slow to take a large download must not
 * keep others waiting, and by then the render that needed the memory is long done.
 */
export const slotHoldLimitMs = 10_000;

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
 * Wraps a request handler so that at most `slots` requests are in it at once. A request `skipsQueue`
 * says is one the requests in the slots may be waiting for (the page cache's own render of a copy
 * they all asked for): queued behind them, it would never come.
 */
export function withRenderSlots(
  handle: THandler,
  slots: number,
  options: { skipsQueue?: (request: IncomingMessage) => boolean; holdLimitMs?: number } = {},
): THandler {
  const limit = pLimit(slots);
  const holdLimitMs = options.holdLimitMs ?? slotHoldLimitMs;
  return (request, response) =>
    options.skipsQueue?.(request)
      ? handle(request, response)
      : limit(
          () =>
            new Promise<void>((resolve, reject) => {
              // a client that left while waiting is not rendered for
              if (request.socket.destroyed) return resolve();
              const timer = setTimeout(done, holdLimitMs);
              timer.unref();
              function done() {
                clearTimeout(timer);
                response.off("finish", done).off("close", done);
                resolve();
              }
              response.once("finish", done).once("close", done);
              handle(request, response).catch((error: unknown) => {
                done();
                reject(error);
              });
            }),
        );
}
