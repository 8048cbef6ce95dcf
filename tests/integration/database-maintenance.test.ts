/**
 * The nightly database pass (lib/jobs/databaseMaintenance.ts): the embedded database has no
 * autovacuum, so without it the planner never learns how big the tables have grown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { drainJobs, enqueueJob } from "@/lib/jobs/queue";
import { databaseMaintenanceJobKind } from "@/lib/jobs/databaseMaintenance";
import { jobHandlers, jobSchedules } from "@/lib/worker/handlers";
import { nextCronTime } from "@/lib/jobs/cron";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
}, 120_000);
afterAll(() => database.close());

/** What the planner believes a table holds (-1: never analysed), from the schema the client uses. */
async function plannerRows(table: string): Promise<number> {
  const [row] = await database.prisma.$queryRaw<{ rows: number }[]>`
    SELECT c.reltuples::float8 AS rows FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ${table}`;
  return Number(row.rows);
}

describe("the nightly database pass", () => {
  it("is on the runner's timetable every night, at 04:10 Beijing time", () => {
    const schedule = jobSchedules.find((s) => s.kind === databaseMaintenanceJobKind);
    expect(schedule).toBeDefined();
    expect(jobHandlers[databaseMaintenanceJobKind]).toBeDefined();
    // 2026-12-02 00:00 Beijing is 2026-12-01 16:00 UTC; the next run is 04:10 Beijing, 20:10 UTC
    expect(nextCronTime(schedule!.cron, new Date("2026-12-01T16:00:00Z")).toISOString()).toBe(
      "2026-12-01T20:10:00.000Z",
    );
    // a night missed (every runner down) waits for the next night rather than stall the day
    expect(schedule!.startWithinMs).toBe(2 * 3600_000);
  });

  it("vacuums and analyses every table as a queued job, so the planner's row counts are the real ones", async () => {
    const prisma = database.prisma;
    // rows the planner has not been told about: 300 finished jobs, as a day of mail leaves behind
    await prisma.job.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        kind: "mail.send",
        payload: {},
        uniqueKey: `maintenance-test-${i}`,
        doneAt: new Date(),
      })),
    });
    const jobs = await prisma.job.count();
    const documents = await prisma.disclosureDocument.count();
    expect(documents).toBeGreaterThan(0);

    await enqueueJob(prisma, { kind: databaseMaintenanceJobKind, payload: {} });
    // only this kind: the seed's own queued work is not this test's
    await drainJobs({
      db: prisma,
      handlers: { [databaseMaintenanceJobKind]: jobHandlers[databaseMaintenanceJobKind] },
    });
    const run = await prisma.job.findFirstOrThrow({ where: { kind: databaseMaintenanceJobKind } });
    expect(run).toMatchObject({ failedAt: null, attempts: 1 });
    expect(run.doneAt).not.toBeNull();

    // ANALYZE reads every row of a table this small: the estimates are the counts (the job's own
    // row, queued before the pass, included)
    expect(await plannerRows("Job")).toBe(jobs + 1);
    expect(await plannerRows("DisclosureDocument")).toBe(documents);
    expect(await plannerRows("User")).toBe(await prisma.user.count());

    // the long texts and the body grams have no statistics (no plan uses them, and building them
    // detoasted every sampled value); the columns queries do filter on have theirs
    const analysed = await prisma.$queryRaw<{ table: string; column: string }[]>`
      SELECT tablename AS "table", attname AS "column" FROM pg_stats
       WHERE schemaname = current_schema() AND tablename IN ('SearchEntry', 'SearchBody', 'DisclosureDocument', 'Notice')`;
    const has = (table: string, column: string) =>
      analysed.some((a) => a.table === table && a.column === column);
    for (const [table, column] of [
      ["SearchEntry", "bodyGrams"],
      ["SearchBody", "text"],
      ["DisclosureDocument", "body"],
      ["Notice", "body"],
    ])
      expect(has(table, column), `${table}.${column} has no statistics`).toBe(false);
    for (const [table, column] of [
      ["SearchEntry", "headGrams"],
      ["SearchEntry", "sortAt"],
      ["SearchBody", "entryId"],
      ["DisclosureDocument", "title"],
      ["Notice", "title"],
    ])
      expect(has(table, column), `${table}.${column} has statistics`).toBe(true);
  }, 120_000);
});
