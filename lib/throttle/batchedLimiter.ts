import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";
import { OneStatementLimiter } from "./oneStatementLimiter";

/** How long attempts wait in memory before they are added to the shared table. */
export const batchMs = 100;
/**
 * Keys an instance keeps for one limit: past it, it forgets the keys with nothing to add (the
 * table has their counts, and the next batch tells it again), and if every key still has
 * something, adds them at once.
 */
export const batchedKeys = 50_000;

type TEntry = {
  /** the shared count when the table last answered for this key (every instance's attempts) */
  known: number;
  /** attempts being added now, and attempts not sent yet */
  sending: number;
  pending: number;
  /** the end of the window, ms (the table's, once it has answered) */
  windowEnds: number;
};

type TFlushRow = { key: string; points: number; expire: Date | null };

/**
 * A load limit (searches, API writes) on PostgreSQL, counted in the table every instance shares
 * but written in batches. Counted one statement per attempt, a search page served from the cache
 * was a database write: the page's row on PostgreSQL measured 1,700 req/s against 15,000–20,000
 * for the other cached pages. Here an attempt is counted in memory and, at most `batchMs` later,
 * every key's new attempts are added to the table in one statement, which answers with each
 * key's shared count. The view of a key is that count plus what this instance has added since.
 *
 * What that gives: on one instance the limit is exact (the 121st search of a minute is refused).
 * Across instances each learns the others' attempts when it next writes, so a client spreading
 * its requests over several may get one batch interval's worth more through on each. A refused
 * attempt is not counted (as `inMemoryBlockOnConsumed` did before, it costs the table nothing),
 * and a crash loses at most one interval of counts. What guards a secret never comes here: those
 * limits need every attempt counted before the answer (lib/throttle/throttle.ts).
 */
export class BatchedLimiter {
  private readonly entries = new Map<string, TEntry>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** reward, delete and set: rare for a load limit, done at once in the table */
  private readonly direct: OneStatementLimiter;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: { keyPrefix: string; points: number; duration: number },
  ) {
    this.direct = new OneStatementLimiter({
      storeClient: db,
      tableName: "throttleCount",
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.duration,
      clearExpiredByTimeout: false,
    });
  }

  private keyOf(key: string | number): string {
    return `${this.options.keyPrefix}:${key}`;
  }

  /** The key's entry, a fresh one once its window has ended. */
  private entryOf(rlKey: string, now: number): TEntry {
    let entry = this.entries.get(rlKey);
    if (!entry || (entry.windowEnds <= now && entry.sending === 0)) {
      entry = { known: 0, sending: 0, pending: 0, windowEnds: now + this.options.duration * 1000 };
      this.entries.set(rlKey, entry);
    }
    return entry;
  }

  private resOf(entry: TEntry, now: number, extra = 0): RateLimiterRes {
    const consumed = entry.known + entry.sending + entry.pending + extra;
    return new RateLimiterRes(
      Math.max(this.options.points - consumed, 0),
      Math.max(entry.windowEnds - now, 0),
      consumed,
      consumed === 1,
    );
  }

  /** Counts one attempt; rejects with the RateLimiterRes (its wait) when the key is over its limit. */
  consume(key: string | number): Promise<RateLimiterRes> {
    const now = Date.now();
    const entry = this.entryOf(this.keyOf(key), now);
    if (entry.known + entry.sending + entry.pending >= this.options.points)
      return Promise.reject(this.resOf(entry, now, 1));
    entry.pending++;
    this.schedule();
    return Promise.resolve(this.resOf(entry, now));
  }

  /** The key's count as this instance sees it (null when it has none). */
  async get(key: string | number): Promise<RateLimiterRes | null> {
    const rlKey = this.keyOf(key);
    const now = Date.now();
    const entry = this.entries.get(rlKey);
    if (entry && entry.windowEnds > now) return this.resOf(entry, now);
    return this.direct.get(key);
  }

  async reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    await this.flush();
    this.entries.delete(this.keyOf(key));
    return this.direct.reward(key, points);
  }

  async delete(key: string | number): Promise<boolean> {
    await this.flush();
    this.entries.delete(this.keyOf(key));
    return this.direct.delete(key);
  }

  async set(key: string | number, points: number, secDuration: number): Promise<RateLimiterRes> {
    await this.flush();
    this.entries.delete(this.keyOf(key));
    return this.direct.set(key, points, secDuration);
  }

  private schedule(): void {
    if (this.entries.size >= batchedKeys)
      for (const [rlKey, entry] of this.entries)
        if (entry.pending === 0 && entry.sending === 0) this.entries.delete(rlKey);
    if (this.entries.size >= batchedKeys) {
      void this.flush();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, batchMs);
    this.timer.unref();
  }

  /** Adds every key's new attempts to the table, one statement, and keeps its answers. Never throws. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.send().finally(() => (this.flushing = null));
    await this.flushing;
  }

  private async send(): Promise<void> {
    const now = Date.now();
    const batch: { rlKey: string; entry: TEntry; points: number }[] = [];
    for (const [rlKey, entry] of this.entries) {
      if (entry.pending > 0) {
        batch.push({ rlKey, entry, points: entry.pending });
        entry.sending += entry.pending;
        entry.pending = 0;
      } else if (entry.windowEnds <= now && entry.sending === 0) this.entries.delete(rlKey);
    }
    if (batch.length === 0) return;
    const ends = new Date(now + this.options.duration * 1000).toISOString();
    try {
      const rows = await this.db.$queryRaw<TFlushRow[]>`
        INSERT INTO "ThrottleCount" ("key", "points", "expire")
        SELECT "key", "points", ${ends}::timestamp(3)
          FROM unnest(${batch.map((b) => b.rlKey)}::text[], ${batch.map((b) => b.points)}::int[]) AS added("key", "points")
        ON CONFLICT ("key") DO UPDATE SET
          "points" = CASE WHEN "ThrottleCount"."expire" <= ${new Date(now).toISOString()}::timestamp(3)
            THEN EXCLUDED."points" ELSE "ThrottleCount"."points" + EXCLUDED."points" END,
          "expire" = CASE WHEN "ThrottleCount"."expire" <= ${new Date(now).toISOString()}::timestamp(3)
            THEN EXCLUDED."expire" ELSE "ThrottleCount"."expire" END
        RETURNING "key", "points", "expire"`;
      const answered = new Map(rows.map((row) => [row.key, row]));
      for (const { rlKey, entry, points } of batch) {
        entry.sending -= points;
        const row = answered.get(rlKey);
        if (!row) continue;
        entry.known = row.points;
        if (row.expire) entry.windowEnds = row.expire.getTime();
      }
    } catch (error) {
      // the attempts stay counted here and go with the next batch
      for (const { entry, points } of batch) {
        entry.sending -= points;
        entry.pending += points;
      }
      console.error("[throttle] could not add a batch of counts", error);
      this.schedule();
    }
  }
}
