import { randomInt } from "node:crypto";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { chinaDay } from "../calendar/workdays";

type Tx = PrismaClient | Prisma.TransactionClient;
type TTrackingKind = "SV" | "GK" | "XJ";

const accessCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** The serial's daily limit: 6 digits. */
const maxSerial = 999_999;

const formatNumber = (kind: TTrackingKind, day: string, serial: number) =>
  `${kind}${day}${String(serial).padStart(6, "0")}`;

/**
 * The next 办件编号 for a kind inside the caller's transaction: two letters, the China date, and
 * a 6-digit daily serial taken with one atomic upsert, so concurrent submissions never share a
 * number. The serial row stays locked until the transaction ends: for kinds that arrive now and
 * then (letters, disclosure requests). Busy kinds use a TrackingNumberAllocator instead.
 */
export async function nextTrackingNumber(tx: Tx, kind: TTrackingKind, now = new Date()): Promise<string> {
  const day = chinaDay(now).replace(/-/g, "");
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${kind}, ${day}, 1)
    ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + 1
    RETURNING "value"`;
  const serial = Number(rows[0].value);
  if (serial > maxSerial) throw new Error(`daily serial for ${kind}${day} exhausted`);
  return formatNumber(kind, day, serial);
}

/** How many serials an instance reserves at a time (SERIAL_BLOCK_SIZE, default 20). */
function defaultBlockSize(): number {
  const configured = Number(process.env.SERIAL_BLOCK_SIZE);
  return Number.isInteger(configured) && configured >= 1 && configured <= 1000 ? configured : 20;
}

type TBlock = { day: string; next: number; last: number };

/**
 * 办件编号 drawn from blocks of the daily serial that this instance reserved, so that a
 * submission's transaction never waits on the serial row: each block is reserved with one atomic
 * upsert in a transaction of its own (committed before any number of it is handed out), so two
 * instances — or two allocators in one process — never hold the same serial, and a number once
 * handed out is never handed out again even when the submission that drew it fails. Gaps are
 * allowed: a failed submission's number, and what is left of a block when the instance stops,
 * are never used. Numbers of several instances interleave, so they are unique, not in time order.
 * `db` is the root client, never a transaction (the reservation must not roll back with it).
 */
export class TrackingNumberAllocator {
  private readonly blocks = new Map<TTrackingKind, TBlock>();
  private readonly refills = new Map<TTrackingKind, Promise<void>>();

  constructor(
    private readonly db: PrismaClient,
    private readonly blockSize = defaultBlockSize(),
  ) {}

  async next(kind: TTrackingKind, now = new Date()): Promise<string> {
    const day = chinaDay(now).replace(/-/g, "");
    for (;;) {
      const block = this.blocks.get(kind);
      if (block && block.day === day && block.next <= block.last)
        return formatNumber(kind, day, block.next++);
      // one reservation at a time per kind: the others wait for it instead of reserving their own
      let refill = this.refills.get(kind);
      if (!refill) {
        refill = this.reserve(kind, day).finally(() => this.refills.delete(kind));
        this.refills.set(kind, refill);
      }
      await refill;
    }
  }

  private async reserve(kind: TTrackingKind, day: string): Promise<void> {
    const size = this.blockSize;
    const rows = await this.db.$queryRaw<{ value: number }[]>`
      INSERT INTO "DailySerial" ("kind", "day", "value") VALUES (${kind}, ${day}, ${size})
      ON CONFLICT ("kind", "day") DO UPDATE SET "value" = "DailySerial"."value" + ${size}
      RETURNING "value"`;
    const last = Number(rows[0].value);
    const first = last - size + 1;
    if (first > maxSerial) throw new Error(`daily serial for ${kind}${day} exhausted`);
    this.blocks.set(kind, { day, next: first, last: Math.min(last, maxSerial) });
  }
}

// one allocator per database client: a test process may hold several databases at once
const allocators = new WeakMap<PrismaClient, TrackingNumberAllocator>();

/** The next 办件编号 from this instance's blocks (see TrackingNumberAllocator); `db` is the root client. */
export function allocateTrackingNumber(
  db: PrismaClient,
  kind: TTrackingKind,
  now = new Date(),
): Promise<string> {
  let allocator = allocators.get(db);
  if (!allocator) {
    allocator = new TrackingNumberAllocator(db);
    allocators.set(db, allocator);
  }
  return allocator.next(kind, now);
}

/** A 查询码: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export function newAccessCode(): string {
  return randomCode(6);
}

/**
 * A result document's verification code: 16 characters of the same alphabet (about 79 bits), so
 * that nobody finds a document by guessing; printed in four groups of four.
 */
export function newVerificationCode(): string {
  return randomCode(16);
}

function randomCode(length: number): string {
  return Array.from({ length }, () => accessCodeAlphabet[randomInt(accessCodeAlphabet.length)]).join("");
}
