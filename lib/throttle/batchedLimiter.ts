import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";
import { OneStatementLimiter } from "./oneStatementLimiter";

/** How long attempts wait in memory before they are added to the shared table. */
export const batchMs = 100;
/** After a failed batch the next waits this long, doubling with each failure up to `retryMaxMs`. */
const retryMaxMs = 5_000;
/**
 * Keys an instance keeps for one limit. Past it, it forgets the keys with nothing to add (the
 * table has their counts; the next batch tells it again), at most once a batch; a key that still
 * finds no room is counted straight in the table, one statement, as before batching.
 */
export const batchedKeys = 50_000;

type TEntry = {
  /** the shared count when the table last answered for this key (every instance's attempts) */
  known: number;
  /** attempts in the batch being added now, and attempts not sent yet */
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
 * attempt is not counted (it costs the table nothing), and a crash loses at most one interval of
 * counts; while the database fails, counts wait in memory for their window and are retried with
 * a growing pause. What guards a secret never comes here: those limits need every attempt
 * counted before the answer (lib/throttle/throttle.ts).
 */
export class BatchedLimiter {
  private readonly entries = new Map<string, TEntry>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private again = false;
  private retryMs = batchMs;
  /** no batch before this, after a failed one */
  private pausedUntil = 0;
  private forgotAt = 0;
  /** counting past `batchedKeys`, and reward, delete and set (rare for a load limit): in the table at once */
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
      // the library's sweep of rows expired an hour ago, every 5 minutes
      clearExpiredByTimeout: true,
    });
  }

  private keyOf(key: string | number): string {
    return `${this.options.keyPrefix}:${key}`;
  }

  /**
   * The key's entry in its current window: a new one once the window has ended (a batch still on
   * its way answers for the old entry, which is then no one's), or none when there is no room.
   */
  private entryOf(rlKey: string, now: number): TEntry | null {
    const entry = this.entries.get(rlKey);
    if (entry && entry.windowEnds > now) return entry;
    if (!entry && this.entries.size >= batchedKeys) {
      this.forgetIdle(now);
      if (this.entries.size >= batchedKeys) return null;
    }
    const fresh = { known: 0, sending: 0, pending: 0, windowEnds: now + this.options.duration * 1000 };
    this.entries.set(rlKey, fresh);
    return fresh;
  }

  /** Forgets the keys with nothing to add or whose window has ended, at most once a batch. */
  private forgetIdle(now: number): void {
    if (now - this.forgotAt < batchMs) return;
    this.forgotAt = now;
    for (const [rlKey, entry] of this.entries)
      if (entry.windowEnds <= now || (entry.pending === 0 && entry.sending === 0)) this.entries.delete(rlKey);
  }

  /** The key's count as this instance sees it: the table's last answer and what it has added since. */
  private countOf(entry: TEntry): number {
    return entry.known + entry.sending + entry.pending;
  }

  private resOf(entry: TEntry, now: number, extra = 0): RateLimiterRes {
    const consumed = this.countOf(entry) + extra;
    return new RateLimiterRes(
      Math.max(this.options.points - consumed, 0),
      Math.max(entry.windowEnds - now, 1),
      consumed,
      consumed === 1,
    );
  }

  /** Counts one attempt; rejects with the RateLimiterRes (its wait) when the key is over its limit. */
  consume(key: string | number): Promise<RateLimiterRes> {
    const now = Date.now();
    const entry = this.entryOf(this.keyOf(key), now);
    if (!entry) return this.direct.consume(key);
    if (this.countOf(entry) >= this.options.points) return Promise.reject(this.resOf(entry, now, 1));
    entry.pending++;
    this.schedule(batchMs);
    return Promise.resolve(this.resOf(entry, now));
  }

  /** The key's count as this instance sees it, or the table's when it keeps none. */
  async get(key: string | number): Promise<RateLimiterRes | null> {
    const now = Date.now();
    const entry = this.entries.get(this.keyOf(key));
    if (entry && entry.windowEnds > now) return this.resOf(entry, now);
    return this.direct.get(key);
  }

  /** Takes points back in the table (after this instance's batch); the entry then holds the table's count. */
  async reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    await this.flush();
    const res = await this.direct.reward(key, points);
    this.learn(this.keyOf(key), res);
    return res;
  }

  async set(key: string | number, points: number, secDuration: number): Promise<RateLimiterRes> {
    await this.flush();
    const res = await this.direct.set(key, points, secDuration);
    this.learn(this.keyOf(key), res);
    return res;
  }

  async delete(key: string | number): Promise<boolean> {
    await this.flush();
    this.entries.delete(this.keyOf(key));
    return this.direct.delete(key);
  }

  private learn(rlKey: string, res: RateLimiterRes): void {
    const entry = this.entries.get(rlKey);
    if (!entry) return;
    entry.known = res.consumedPoints - entry.sending;
    if (res.msBeforeNext > 0) entry.windowEnds = Date.now() + res.msBeforeNext;
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.flush();
      },
      Math.max(delayMs, this.pausedUntil - Date.now()),
    );
    this.timer.unref();
  }

  /**
   * Adds every key's new attempts to the table now, one batch at a time: a call while a batch is
   * on its way is answered when the batch after it (which has the call's attempts) is done.
   * Never rejects; a failed batch is retried on a timer.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      let sent = true;
      do {
        this.again = false;
        sent = await this.send();
      } while (this.again && sent);
    })().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** One batch: every key's new attempts in one statement. False when the database failed. */
  private async send(): Promise<boolean> {
    const now = Date.now();
    const batch: { rlKey: string; entry: TEntry; points: number }[] = [];
    for (const [rlKey, entry] of this.entries) {
      if (entry.pending > 0) {
        batch.push({ rlKey, entry, points: entry.pending });
        entry.sending += entry.pending;
        entry.pending = 0;
      } else if (entry.windowEnds <= now && entry.sending === 0) this.entries.delete(rlKey);
    }
    if (batch.length === 0) return true;
    // rows locked in one order on every instance: two batches with keys in common never deadlock
    batch.sort((a, b) => (a.rlKey < b.rlKey ? -1 : a.rlKey > b.rlKey ? 1 : 0));
    const at = new Date(now).toISOString();
    const ends = new Date(now + this.options.duration * 1000).toISOString();
    try {
      const rows = await this.db.$queryRaw<TFlushRow[]>`
        INSERT INTO "ThrottleCount" ("key", "points", "expire")
        SELECT "key", "points", ${ends}::timestamp(3)
          FROM unnest(${batch.map((b) => b.rlKey)}::text[], ${batch.map((b) => b.points)}::int[]) AS added("key", "points")
          ORDER BY "key"
        ON CONFLICT ("key") DO UPDATE SET
          "points" = CASE WHEN "ThrottleCount"."expire" <= ${at}::timestamp(3)
            THEN EXCLUDED."points" ELSE "ThrottleCount"."points" + EXCLUDED."points" END,
          "expire" = CASE WHEN "ThrottleCount"."expire" <= ${at}::timestamp(3)
            THEN EXCLUDED."expire" ELSE "ThrottleCount"."expire" END
        RETURNING "key", "points", "expire"`;
      const answered = new Map(rows.map((row) => [row.key, row]));
      for (const { rlKey, entry, points } of batch) {
        entry.sending -= points;
        const row = answered.get(rlKey);
        if (!row) continue;
        entry.known = row.points - entry.sending;
        if (row.expire) entry.windowEnds = row.expire.getTime();
      }
      this.retryMs = batchMs;
      this.pausedUntil = 0;
      return true;
    } catch (error) {
      // the attempts wait here for the next batch while their window lasts
      const failedAt = Date.now();
      for (const { entry, points } of batch) {
        entry.sending -= points;
        if (entry.windowEnds > failedAt) entry.pending += points;
      }
      console.error(
        `[throttle] could not add ${batch.length} keys' counts; again in ${this.retryMs} ms`,
        error,
      );
      this.pausedUntil = failedAt + this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, retryMaxMs);
      this.schedule(0);
      return false;
    }
  }
}
