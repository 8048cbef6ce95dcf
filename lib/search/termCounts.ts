// No "server-only" marker: rebuildSearchIndex (seed, volume generator) writes these too.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { rankedFields, type TFieldTotals, type TRankedField } from "./rank";

type Tx = PrismaClient | Prisma.TransactionClient;

/** What ranking counts of one entry: its normalised fields and its grams. */
export type TCountedEntry = {
  headGrams: number[];
  bodyGrams: number[];
  titleNorm: string;
  titleEnNorm: string;
  metaNorm: string;
  bodyText: string;
};

// characters as PostgreSQL's char_length counts them (code points), as the migration's backfill did
const chars = (text: string) => Array.from(text).length;

/**
 * Changes to the ranking statistics (rank.ts): entries per gram and per-field totals. An entry
 * counts once per distinct gram of its heading and body grams, its type's marker included, so the
 * marker's count is the number of entries of that type.
 */
export class TermCounts {
  readonly grams = new Map<number, number>();
  readonly fields = Object.fromEntries(
    rankedFields.map((f) => [f, { entries: 0, chars: 0 }]),
  ) as TFieldTotals;

  /** Counts an entry in (sign 1) or out (sign -1). */
  add(entry: TCountedEntry, sign: 1 | -1 = 1): this {
    for (const gram of new Set([...entry.headGrams, ...entry.bodyGrams]))
      this.grams.set(gram, (this.grams.get(gram) ?? 0) + sign);
    const texts: Record<TRankedField, string> = {
      title: entry.titleNorm,
      titleEn: entry.titleEnNorm,
      meta: entry.metaNorm,
      body: entry.bodyText,
    };
    for (const field of rankedFields) {
      if (!texts[field]) continue;
      this.fields[field].entries += sign;
      this.fields[field].chars += sign * chars(texts[field]);
    }
    return this;
  }
}

const batch = 20_000;

/** Adds the changes to the stored counts (in the caller's transaction, with the entry itself). */
export async function applyTermCounts(tx: Tx, counts: TermCounts): Promise<void> {
  // in gram order, so that two transactions lock the rows they share in the same order
  const changed = [...counts.grams].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < changed.length; i += batch) {
    const part = changed.slice(i, i + batch);
    await tx.$executeRaw`
      INSERT INTO "SearchGramCount" ("gram", "entries")
      SELECT * FROM unnest(${part.map(([g]) => g)}::int4[], ${part.map(([, n]) => n)}::int4[])
      ON CONFLICT ("gram") DO UPDATE SET "entries" = "SearchGramCount"."entries" + EXCLUDED."entries"`;
  }
  if (changed.length)
    await tx.$executeRaw`DELETE FROM "SearchGramCount" WHERE "gram" = ANY(${changed.map(([g]) => g)}::int4[]) AND "entries" <= 0`;
  const fields = rankedFields.filter((f) => counts.fields[f].entries !== 0 || counts.fields[f].chars !== 0);
  if (fields.length)
    await tx.$executeRaw`
      INSERT INTO "SearchFieldLength" ("field", "entries", "chars")
      SELECT * FROM unnest(${fields}::text[], ${fields.map((f) => counts.fields[f].entries)}::int4[], ${fields.map((f) => counts.fields[f].chars)}::int8[])
      ON CONFLICT ("field") DO UPDATE SET "entries" = "SearchFieldLength"."entries" + EXCLUDED."entries", "chars" = "SearchFieldLength"."chars" + EXCLUDED."chars"`;
}

/** Replaces the stored counts with these (after a rebuild of the whole index). */
export async function replaceTermCounts(prisma: Tx, counts: TermCounts): Promise<void> {
  await prisma.$executeRaw`TRUNCATE "SearchGramCount", "SearchFieldLength"`;
  await applyTermCounts(prisma, counts);
}
