import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { drainJobs, enqueueJob, maxJobAttempts, sideBySide, type TJobHandler } from "@/lib/jobs/queue";
import { cleanupJobs } from "@/lib/jobs/cleanup";
import { queueScheduledJobs } from "@/lib/jobs/cron";
import { listFailedJobs, retryFailedJob } from "@/lib/worker/failedJobs";
import { demoActor } from "../helpers/demo";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
});
afterAll(() => database.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let serial = 0;
/** A job kind of its own for each test, so one test's runners never see another's jobs. */
const freshKind = () => `test.kind${++serial}`;

describe("the job queue", () => {
  it("renews the lease while a handler runs: a second runner never claims a job that runs past its lease", async () => {
    const kind = freshKind();
    await enqueueJob(database.prisma, { kind, payload: {} });
    let runs = 0;
    const slow: TJobHandler = async () => {
      runs++;
      await sleep(2000);
    };
    const lease = { leaseMs: 300, timeoutMs: 10_000 };
    const first = drainJobs({ db: database.prisma, handlers: { [kind]: slow }, runnerId: "a", ...lease });
    await sleep(100);
    // another instance's runner looks for work again and again while the first holds the job
    const other = await database.secondClient();
    try {
      let claimedByOther = 0;
      for (let i = 0; i < 15; i++) {
        claimedByOther += await drainJobs({
          db: other.prisma,
          handlers: { [kind]: slow },
          runnerId: "b",
          ...lease,
        });
        await sleep(100);
      }
      expect(claimedByOther).toBe(0);
    } finally {
      await other.close();
    }
    expect(await first).toBe(1);
    expect(runs).toBe(1);
    const job = await database.prisma.job.findFirstOrThrow({ where: { kind } });
    expect(job.doneAt).not.toBeNull();
    expect(job.attempts).toBe(1);
  });

  it("claims again a job whose runner died (its lease lapsed without renewal)", async () => {
    const kind = freshKind();
    await enqueueJob(database.prisma, { kind, payload: {} });
    await database.prisma.job.updateMany({
      where: { kind },
      data: { lockedBy: "gone", lockedAt: new Date(), lockedUntil: new Date(Date.now() - 1000), attempts: 1 },
    });
    let runs = 0;
    expect(await drainJobs({ db: database.prisma, handlers: { [kind]: async () => void runs++ } })).toBe(1);
    expect(runs).toBe(1);
    expect((await database.prisma.job.findFirstOrThrow({ where: { kind } })).attempts).toBe(2);
  });

  it("gives up an attempt that runs past its time limit, aborts its signal and retries it later", async () => {
    const kind = freshKind();
    await enqueueJob(database.prisma, { kind, payload: {} });
    let aborted = false;
    const stuck: TJobHandler = async ({ signal }) => {
      signal?.addEventListener("abort", () => (aborted = true));
      await sleep(1500);
    };
    const started = Date.now();
    expect(await drainJobs({ db: database.prisma, handlers: { [kind]: stuck }, timeoutMs: 300 })).toBe(0);
    expect(Date.now() - started).toBeLessThan(1400);
    expect(aborted).toBe(true);
    const job = await database.prisma.job.findFirstOrThrow({ where: { kind } });
    expect(job.doneAt).toBeNull();
    expect(job.failedAt).toBeNull();
    expect(job.lockedBy).toBeNull();
    expect(job.lastError).toMatch(/timed out after 300 ms/);
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it(`keeps a job that failed ${maxJobAttempts} times as a dead letter, listed for administrators, who can retry it`, async () => {
    const kind = freshKind();
    await enqueueJob(database.prisma, { kind, payload: { n: 1 } });
    let fail = true;
    let runs = 0;
    const flaky: TJobHandler = async () => {
      runs++;
      if (fail) throw new Error("the far side is down");
    };
    // each retry is due after its back-off: the runner's clock is moved past all of them
    const later = () => new Date(Date.now() + 365 * 24 * 3600_000);
    expect(await drainJobs({ db: database.prisma, handlers: { [kind]: flaky }, now: later })).toBe(0);
    expect(runs).toBe(maxJobAttempts);
    const dead = await database.prisma.job.findFirstOrThrow({ where: { kind } });
    expect(dead.failedAt).not.toBeNull();
    expect(dead.attempts).toBe(maxJobAttempts);
    expect(dead.lastError).toMatch(/the far side is down/);
    // nothing claims it any more
    expect(await drainJobs({ db: database.prisma, handlers: { [kind]: flaky }, now: later })).toBe(0);
    expect(runs).toBe(maxJobAttempts);

    const admin = await demoActor(database.prisma, "admin@example.cn");
    const caseworker = await demoActor(database.prisma, "caseworker@example.cn");
    expect((await listFailedJobs({ db: database.prisma, actor: admin })).map((j) => j.id)).toContain(dead.id);
    await expect(listFailedJobs({ db: database.prisma, actor: caseworker })).rejects.toThrow();
    await expect(retryFailedJob({ db: database.prisma, actor: caseworker, id: dead.id })).rejects.toThrow();

    fail = false;
    await retryFailedJob({ db: database.prisma, actor: admin, id: dead.id });
    expect(await drainJobs({ db: database.prisma, handlers: { [kind]: flaky } })).toBe(1);
    const done = await database.prisma.job.findUniqueOrThrow({ where: { id: dead.id } });
    expect(done.doneAt).not.toBeNull();
    expect(done.failedAt).toBeNull();
    expect(
      await database.prisma.auditLog.count({
        where: { action: "job.retry", entityId: dead.id, actorId: admin.id },
      }),
    ).toBe(1);
  });

  it("keeps one pending job per singleton key, and a key that ran stays done", async () => {
    const kind = freshKind();
    const soon = new Date(Date.now() + 60_000);
    await enqueueJob(database.prisma, { kind, payload: { v: 1 }, uniqueKey: `${kind}:x` });
    await enqueueJob(database.prisma, { kind, payload: { v: 2 }, runAt: soon, uniqueKey: `${kind}:x` });
    const [job] = await database.prisma.job.findMany({ where: { kind } });
    expect(await database.prisma.job.count({ where: { kind } })).toBe(1);
    expect(job.payload).toEqual({ v: 2 });
    expect(job.runAt.getTime()).toBe(soon.getTime());
    let runs = 0;
    await drainJobs({ db: database.prisma, handlers: { [kind]: async () => void runs++ }, now: () => soon });
    await enqueueJob(database.prisma, { kind, payload: { v: 3 }, uniqueKey: `${kind}:x` });
    await drainJobs({ db: database.prisma, handlers: { [kind]: async () => void runs++ } });
    expect(runs).toBe(1);
  });

  it("removes finished jobs after their keeping time, and never a confirmation mail job of the last hour", async () => {
    const hour = 3600_000;
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms);
    const rows = [
      {
        name: "done long ago",
        kind: "test.cleanup",
        doneAt: ago(10 * 24 * hour),
        createdAt: ago(10 * 24 * hour),
      },
      { name: "done recently", kind: "test.cleanup", doneAt: ago(2 * hour), createdAt: ago(2 * hour) },
      {
        name: "confirm, 30 min",
        kind: "subscription.confirm",
        doneAt: ago(hour / 2),
        createdAt: ago(hour / 2),
      },
      { name: "confirm, 2 h", kind: "subscription.confirm", doneAt: ago(2 * hour), createdAt: ago(2 * hour) },
      {
        name: "failed long ago",
        kind: "test.cleanup",
        failedAt: ago(40 * 24 * hour),
        createdAt: ago(41 * 24 * hour),
      },
      {
        name: "failed recently",
        kind: "test.cleanup",
        failedAt: ago(24 * hour),
        createdAt: ago(25 * 24 * hour),
      },
      { name: "pending, old", kind: "test.cleanup", createdAt: ago(90 * 24 * hour) },
    ];
    await database.prisma.job.createMany({
      data: rows.map(({ name, ...row }) => ({ ...row, payload: { name } })),
    });
    const left = async () =>
      (
        await database.prisma.job.findMany({
          where: { kind: { in: ["test.cleanup", "subscription.confirm"] } },
        })
      )
        .map((j) => (j.payload as { name: string }).name)
        .sort();

    // the defaults: a month for dead letters; done jobs wait for the daily retention run
    await cleanupJobs({ db: database.prisma });
    expect(await left()).toEqual(
      [
        "confirm, 2 h",
        "confirm, 30 min",
        "done long ago",
        "done recently",
        "failed recently",
        "pending, old",
      ].sort(),
    );
    // an operator's keeping time for done jobs (JOB_KEEP_DONE_HOURS): a week
    await cleanupJobs({ db: database.prisma, keepDoneMs: 7 * 24 * hour });
    expect(await left()).toEqual(
      ["confirm, 2 h", "confirm, 30 min", "done recently", "failed recently", "pending, old"].sort(),
    );
    // a keeping time shorter than an hour is taken as an hour: the subscription mail limit
    // counts an address's confirmation jobs of the last hour
    await cleanupJobs({ db: database.prisma, keepDoneMs: 60_000, keepFailedMs: 60_000 });
    expect(await left()).toEqual(["confirm, 30 min", "pending, old"]);
  });

  it("queues each timetable run once, whichever instances ask, and runs it once when due", async () => {
    const kind = freshKind();
    const schedules = [{ kind, cron: "17 3 * * *" }];
    const now = new Date("2026-12-01T00:00:00Z");
    const other = await database.secondClient();
    try {
      await Promise.all([
        queueScheduledJobs({ db: database.prisma, schedules, now }),
        queueScheduledJobs({ db: other.prisma, schedules, now }),
        queueScheduledJobs({ db: database.prisma, schedules, now }),
      ]);
    } finally {
      await other.close();
    }
    const queued = await database.prisma.job.findMany({ where: { kind } });
    expect(queued).toHaveLength(1);
    // 03:17 Beijing time is 19:17 UTC the day before
    expect(queued[0].runAt.toISOString()).toBe("2026-12-01T19:17:00.000Z");

    let runs = 0;
    const handlers = { [kind]: async () => void runs++ };
    expect(await drainJobs({ db: database.prisma, handlers, now: () => now })).toBe(0);
    const due = new Date("2026-12-01T19:17:30Z");
    expect(await drainJobs({ db: database.prisma, handlers, now: () => due })).toBe(1);
    expect(await drainJobs({ db: database.prisma, handlers, now: () => due })).toBe(0);
    expect(runs).toBe(1);

    // the next run is the next day's
    await queueScheduledJobs({ db: database.prisma, schedules, now: due });
    await queueScheduledJobs({ db: database.prisma, schedules, now: due });
    const next = await database.prisma.job.findMany({ where: { kind, doneAt: null } });
    expect(next.map((j) => j.runAt.toISOString())).toEqual(["2026-12-02T19:17:00.000Z"]);
  });
  it("lets a quiet-hours run that could not start in its window wait for the next time, not run in the day", async () => {
    const kind = freshKind();
    const schedules = [{ kind, cron: "10 4 * * *", startWithinMs: 2 * 3600_000 }];
    // queued for 04:10 Beijing time (20:10 UTC the day before), then every runner was down
    await queueScheduledJobs({ db: database.prisma, schedules, now: new Date("2026-12-01T12:00:00Z") });
    const pending = () => database.prisma.job.findMany({ where: { kind, doneAt: null } });
    expect((await pending()).map((j) => j.runAt.toISOString())).toEqual(["2026-12-01T20:10:00.000Z"]);

    let runs = 0;
    const handlers = { [kind]: async () => void runs++ };
    // back within the window (an hour late): it runs now
    const inWindow = new Date("2026-12-01T21:10:00Z");
    await queueScheduledJobs({ db: database.prisma, schedules, now: inWindow });
    expect(await drainJobs({ db: database.prisma, handlers, now: () => inWindow })).toBe(1);
    expect(runs).toBe(1);

    // the next night's run is missed by a whole morning: a runner back at 10:52 leaves it for the night
    await queueScheduledJobs({ db: database.prisma, schedules, now: inWindow });
    const morning = new Date("2026-12-03T02:52:00Z");
    await queueScheduledJobs({ db: database.prisma, schedules, now: morning });
    const moved = await pending();
    expect(moved.map((j) => [j.runAt.toISOString(), j.uniqueKey])).toEqual([
      ["2026-12-03T20:10:00.000Z", `cron:${kind}:2026-12-03T20:10:00.000Z`],
    ]);
    expect(await drainJobs({ db: database.prisma, handlers, now: () => morning })).toBe(0);
    expect(runs).toBe(1);
    // asking again (every instance does, every tick) changes nothing, and the night's run runs once
    await queueScheduledJobs({ db: database.prisma, schedules, now: morning });
    expect((await pending()).map((j) => j.id)).toEqual(moved.map((j) => j.id));
    const night = new Date("2026-12-03T20:10:30Z");
    expect(await drainJobs({ db: database.prisma, handlers, now: () => night })).toBe(1);
    expect(runs).toBe(2);

    // a run whose runner died mid-way (its lease lapsed) is dropped too; one whose lease holds keeps its course
    await queueScheduledJobs({ db: database.prisma, schedules, now: night });
    const [next] = await pending();
    expect(next.runAt.toISOString()).toBe("2026-12-04T20:10:00.000Z");
    const nextMorning = new Date("2026-12-05T03:00:00Z");
    await database.prisma.job.update({
      where: { id: next.id },
      data: {
        lockedAt: new Date("2026-12-04T20:10:05Z"),
        lockedUntil: new Date("2026-12-05T03:01:00Z"),
        lockedBy: "alive",
      },
    });
    await queueScheduledJobs({ db: database.prisma, schedules, now: nextMorning });
    expect((await pending()).map((j) => j.id)).toEqual([next.id]);
    await database.prisma.job.update({
      where: { id: next.id },
      data: { lockedUntil: new Date("2026-12-04T20:11:05Z"), lockedBy: "dead" },
    });
    await queueScheduledJobs({ db: database.prisma, schedules, now: nextMorning });
    expect((await pending()).map((j) => j.runAt.toISOString())).toEqual(["2026-12-05T20:10:00.000Z"]);

    // without a window (the hourly clean-up) a missed run still runs as soon as a runner is back
    const hourly = freshKind();
    await queueScheduledJobs({
      db: database.prisma,
      schedules: [{ kind: hourly, cron: "17 * * * *" }],
      now: morning,
    });
    await queueScheduledJobs({
      db: database.prisma,
      schedules: [{ kind: hourly, cron: "17 * * * *" }],
      now: new Date("2026-12-03T09:00:00Z"),
    });
    const late = await database.prisma.job.findMany({ where: { kind: hourly, doneAt: null } });
    expect(late.map((j) => j.runAt.toISOString())).toEqual(["2026-12-03T03:17:00.000Z"]);
  });

  it("runs jobs marked side by side in four lanes, each once, and the others one at a time in order", async () => {
    const parallel = freshKind();
    const ordered = freshKind();
    for (let n = 0; n < 12; n++) await enqueueJob(database.prisma, { kind: parallel, payload: { n } });
    for (let n = 0; n < 4; n++)
      await enqueueJob(database.prisma, {
        kind: ordered,
        payload: { n },
        runAt: new Date(Date.now() - 1000 + n),
      });
    const ran: number[] = [];
    const inOrder: number[] = [];
    let inFlight = 0;
    let most = 0;
    let orderedInFlight = 0;
    let orderedMost = 0;
    const waiting: TJobHandler = async ({ payload }) => {
      most = Math.max(most, ++inFlight);
      await sleep(300);
      inFlight--;
      ran.push((payload as { n: number }).n);
    };
    const keepsOrder: TJobHandler = async ({ payload }) => {
      orderedMost = Math.max(orderedMost, ++orderedInFlight);
      await sleep(100);
      orderedInFlight--;
      inOrder.push((payload as { n: number }).n);
    };
    const started = Date.now();
    expect(
      await drainJobs({
        db: database.prisma,
        handlers: { [parallel]: sideBySide(waiting), [ordered]: keepsOrder },
        concurrency: 4,
      }),
    ).toBe(16);
    // one lane would take 3.6 s for the first kind alone
    expect(Date.now() - started).toBeLessThan(2600);
    expect(most).toBeGreaterThanOrEqual(3);
    expect(most).toBeLessThanOrEqual(4);
    expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
    expect(orderedMost).toBe(1);
    expect(inOrder).toEqual([0, 1, 2, 3]);
    const jobs = await database.prisma.job.findMany({ where: { kind: { in: [parallel, ordered] } } });
    expect(jobs.every((job) => job.doneAt !== null && job.attempts === 1)).toBe(true);
  });
});
