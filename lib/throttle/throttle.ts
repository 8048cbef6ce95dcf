import "server-only";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { clientOf, type TDbOption } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { isEmbedded } from "../db/adapter";
import { processWide } from "../shared/processWide";
import { limits, loadLimits, type TLimitName } from "./limits";

/** Over a limit: the client may try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: retry after ${retryAfterSeconds} s`);
  }
}

type TLimiter = RateLimiterPrisma | RateLimiterMemory;

type TCountRow = { points: number; expire: Date | null };

/**
 * RateLimiterPrisma counting an attempt in one statement. Its own way is two round trips: it
 * deletes the key's row when its window has ended, then upserts (a new row, or the points
 * added). Every API write paid both, and on PostgreSQL every search, the cached search page's
 * too. One INSERT … ON CONFLICT starts the new window or adds to the current one, atomically.
 * What the store reads back (points, expire) and every other method are the library's own.
 */
class OneStatementLimiter extends RateLimiterPrisma {
  private readonly db: PrismaClient;

  constructor(options: ConstructorParameters<typeof RateLimiterPrisma>[0] & { storeClient: PrismaClient }) {
    super(options);
    this.db = options.storeClient;
  }

  /** Called by consume, penalty and reward (points added, or taken back) and by set (forceExpire). */
  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<TCountRow> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const [row] = await this.db.$queryRaw<TCountRow[]>`
      INSERT INTO "ThrottleCount" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN ${forceExpire} OR "ThrottleCount"."expire" <= ${now}
          THEN EXCLUDED."points" ELSE "ThrottleCount"."points" + EXCLUDED."points" END,
        "expire" = CASE WHEN ${forceExpire} OR "ThrottleCount"."expire" <= ${now}
          THEN EXCLUDED."expire" ELSE "ThrottleCount"."expire" END
      RETURNING "points", "expire"`;
    return row;
  }
}

// one limiter per client, limit and tier; the store's own sweep of expired rows runs once per client
const limiters = new WeakMap<PrismaClient, Map<string, TLimiter>>();
// the load limits' counts when this process runs on the embedded database, one set per client
// and process: the search page (counted in front of Next) and the search API (in Next's bundle)
// count together
const inMemory = () =>
  processWide("throttle.inMemory", () => new WeakMap<PrismaClient, Map<string, RateLimiterMemory>>());

function tiersOf(prisma: PrismaClient, name: TLimitName): TLimiter[] {
  let byName = limiters.get(prisma);
  if (!byName) limiters.set(prisma, (byName = new Map()));
  const memory = loadLimits.includes(name) && isEmbedded(prisma);
  return limits[name].map((tier) => {
    const prefix = `${name}:${tier.windowSeconds}`;
    if (memory) {
      const byClient = inMemory();
      let kept = byClient.get(prisma);
      if (!kept) byClient.set(prisma, (kept = new Map()));
      let limiter = kept.get(prefix);
      if (!limiter) {
        limiter = new RateLimiterMemory({
          keyPrefix: prefix,
          points: tier.points,
          duration: tier.windowSeconds,
        });
        kept.set(prefix, limiter);
      }
      return limiter;
    }
    let limiter = byName.get(prefix);
    if (!limiter) {
      limiter = new OneStatementLimiter({
        storeClient: prisma,
        tableName: "throttleCount",
        keyPrefix: prefix,
        points: tier.points,
        duration: tier.windowSeconds,
        clearExpiredByTimeout: byName.size === 0,
        // a client over a load limit is refused from this process's memory for the rest of the
        // window: a search page from the cache is a write to this table, and one address asking
        // over and over after its 429 would otherwise keep writing (the others keep their count
        // exact: a refund or a cleared count must reach every instance at once)
        ...(loadLimits.includes(name) ? { inMemoryBlockOnConsumed: tier.points + 1 } : {}),
      });
      byName.set(prefix, limiter);
    }
    return limiter;
  });
}

type TKeyInput = { limit: TLimitName; key: string } & TDbOption;

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
      if (!(error instanceof RateLimiterRes)) throw error;
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
