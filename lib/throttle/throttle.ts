import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { clientOf, type TDbOption } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { isEmbedded } from "../db/adapter";
import { processWide } from "../shared/processWide";
import { limits, loadLimits, type TLimitName } from "./limits";
import { OneStatementLimiter } from "./oneStatementLimiter";
import { BatchedLimiter } from "./batchedLimiter";

/** Over a limit: the client may try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: retry after ${retryAfterSeconds} s`);
  }
}

type TLimiter = RateLimiterPrisma | RateLimiterMemory | BatchedLimiter;

// one limiter per client, limit and tier; the store's own sweep of expired rows runs once per client
const limiters = new WeakMap<PrismaClient, Map<string, TLimiter>>();
// the load limits' counters, one set per client and process: every chunk's copy of this module
// (the search page's gate and the API routes) counts together, in memory on the embedded
// database (its process is its only instance) and in batches to the shared table on PostgreSQL
const loadLimiters = () =>
  processWide(
    "throttle.loadLimiters",
    () => new WeakMap<PrismaClient, Map<string, RateLimiterMemory | BatchedLimiter>>(),
  );

function loadLimiter(prisma: PrismaClient, prefix: string, tier: { points: number; windowSeconds: number }) {
  const byClient = loadLimiters();
  let kept = byClient.get(prisma);
  if (!kept) byClient.set(prisma, (kept = new Map()));
  let limiter = kept.get(prefix);
  if (!limiter) {
    const options = { keyPrefix: prefix, points: tier.points, duration: tier.windowSeconds };
    // a search, the cached search page's too, must not be a database write of its own
    limiter = isEmbedded(prisma) ? new RateLimiterMemory(options) : new BatchedLimiter(prisma, options);
    kept.set(prefix, limiter);
  }
  return limiter;
}

function tiersOf(prisma: PrismaClient, name: TLimitName): TLimiter[] {
  let byName = limiters.get(prisma);
  if (!byName) limiters.set(prisma, (byName = new Map()));
  return limits[name].map((tier) => {
    const prefix = `${name}:${tier.windowSeconds}`;
    if (loadLimits.includes(name)) return loadLimiter(prisma, prefix, tier);
    let limiter = byName.get(prefix);
    if (!limiter) {
      limiter = new OneStatementLimiter({
        storeClient: prisma,
        tableName: "throttleCount",
        keyPrefix: prefix,
        points: tier.points,
        duration: tier.windowSeconds,
        clearExpiredByTimeout: byName.size === 0,
      });
      byName.set(prefix, limiter);
    }
    return limiter;
  });
}

/**
 * Adds what the load limits of a client hold in memory to the shared table now: before a server
 * stops, and in tests. Only limiters that exist are flushed; none is made.
 */
export async function flushLoadCounts(input: { db: PrismaClient }): Promise<void> {
  const kept = loadLimiters().get(input.db);
  for (const limiter of kept?.values() ?? []) if ("flush" in limiter) await limiter.flush();
}

type TKeyInput = { limit: TLimitName; key: string } & TDbOption;

/**
 * Whether a limiter's rejection is its answer (over the limit, with the wait) rather than a
 * failure. Not `instanceof RateLimiterRes`: the load limiters are one per process, shared by the
 * copies of this module the build puts in different chunks (the search page's gate, registered
 * by instrumentation.ts, and each API route), and each chunk has its own copy of the library, so
 * an answer made by one is not an instance of the other's class (the API's search answered 500,
 * not 429, to a client the search page had counted first).
 */
function isLimiterAnswer(error: unknown): error is Pick<RateLimiterRes, "msBeforeNext"> {
  return (
    typeof error === "object" &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { msBeforeNext?: unknown }).msBeforeNext === "number"
  );
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Counts one attempt against every tier of a limit; throws TooManyRequestsError when any tier
 * is now over (the attempt must not go ahead). Counted in the database: concurrent attempts on
 * every instance add up (the load limits on the embedded database, its only instance, in memory).
 */
export async function countAttempt(input: TKeyInput): Promise<void> {
  const prisma = await clientOf(input);
  let wait = 0;
  for (const limiter of tiersOf(prisma, input.limit)) {
    try {
      await limiter.consume(input.key);
    } catch (error) {
      if (!isLimiterAnswer(error)) throw error;
      wait = Math.max(wait, error.msBeforeNext);
    }
  }
  if (wait > 0) throw new TooManyRequestsError(secondsOf(wait));
}

/** Throws TooManyRequestsError when a key has used up a tier, without counting anything. */
export async function checkLimit(input: TKeyInput): Promise<void> {
  const wait = await retryAfterMs(input);
  if (wait > 0) throw new TooManyRequestsError(secondsOf(wait));
}

/** How long until the key may try again: 0 when it may now. */
async function retryAfterMs(input: TKeyInput): Promise<number> {
  const prisma = await clientOf(input);
  let wait = 0;
  const tiers = tiersOf(prisma, input.limit);
  for (const [index, limiter] of tiers.entries()) {
    const state = await limiter.get(input.key);
    if (state && state.consumedPoints >= limits[input.limit][index].points)
      wait = Math.max(wait, state.msBeforeNext);
  }
  return wait;
}

/** Gives back an attempt counted by countAttempt (it turned out not to be one the limit counts). */
export async function refundAttempt(input: TKeyInput): Promise<void> {
  const prisma = await clientOf(input);
  for (const limiter of tiersOf(prisma, input.limit)) await limiter.reward(input.key);
}

/** Forgets a key's count (a successful sign-in ends a run of wrong passwords). */
export async function clearAttempts(input: TKeyInput): Promise<void> {
  const prisma = await clientOf(input);
  for (const limiter of tiersOf(prisma, input.limit)) await limiter.delete(input.key);
}

/** Marks a key for the length of its limit's window (a remembered sign-in address). */
export async function rememberKey(input: TKeyInput): Promise<void> {
  const prisma = await clientOf(input);
  for (const [index, limiter] of tiersOf(prisma, input.limit).entries())
    await limiter.set(input.key, 1, limits[input.limit][index].windowSeconds);
}

/** Whether rememberKey marked the key and the mark has not expired. */
export async function isRemembered(input: TKeyInput): Promise<boolean> {
  const prisma = await clientOf(input);
  const [limiter] = tiersOf(prisma, input.limit);
  return !!(await limiter.get(input.key));
}

/** The HTTP answer over a limit: 429 with the seconds to wait in Retry-After, in the API's error shape. */
export function tooManyRequestsResponse(error: TooManyRequestsError): Response {
  return Response.json(
    {
      error: {
        code: "tooManyRequests",
        message: `Too many requests: try again in ${error.retryAfterSeconds} seconds`,
      },
    },
    {
      status: 429,
      headers: { "Cache-Control": "no-store", "Retry-After": String(error.retryAfterSeconds) },
    },
  );
}

/** The wait, in whole minutes, to tell a person (at least one). */
export const minutesToWait = (error: TooManyRequestsError) =>
  Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
