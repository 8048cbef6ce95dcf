import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";

export type TCountRow = { points: number; expire: Date | null };

/**
 * RateLimiterPrisma counting an attempt in one statement. Its own way is two round trips: it
 * deletes the key's row when its window has ended, then upserts (a new row, or the points
 * added). Every API write paid both, and on PostgreSQL every search, the cached search page's
 * too. One INSERT … ON CONFLICT starts the new window or adds to the current one, atomically.
 * What the store reads back (points, expire) and every other method are the library's own.
 */
export class OneStatementLimiter extends RateLimiterPrisma {
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
