import "server-only";
import type { PrismaClient } from "../db/generated/client";

/** A job the runner queues by itself on a timetable: `cron` is five fields, in Beijing time. */
export type TJobSchedule = {
  kind: string;
  cron: string;
  /**
   * For work meant for the quiet hours: a run that has not started this long after its time (every
   * runner was down then) waits for the next time instead of running as soon as a runner is back,
   * in the middle of the day.
   */
  startWithinMs?: number;
};

type TField = { min: number; max: number };
// minute, hour, day of month, month, day of week (0 and 7 are Sunday)
const fields: TField[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
];

function parseField(text: string, { min, max }: TField): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`cron: cannot read "${part}"`);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron: "${part}" is out of range`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/** The five fields read once; throws on a malformed expression (a typo fails at start-up, not at 3 a.m.). */
export function parseCron(expression: string): (date: Date) => boolean {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron: "${expression}" needs five fields`);
  const [minutes, hours, days, months, weekdays] = parts.map((part, index) =>
    parseField(part, fields[index]),
  );
  if (weekdays.has(7)) weekdays.add(0);
  const anyDay = parts[2] === "*";
  const anyWeekday = parts[4] === "*";
  return (date) => {
    const china = new Date(date.getTime() + 8 * 3600_000);
    const dayMatches = days.has(china.getUTCDate());
    const weekdayMatches = weekdays.has(china.getUTCDay());
    return (
      minutes.has(china.getUTCMinutes()) &&
      hours.has(china.getUTCHours()) &&
      months.has(china.getUTCMonth() + 1) &&
      // as in cron: when both day fields are restricted, either one matching is enough
      (anyDay || anyWeekday ? dayMatches && weekdayMatches : dayMatches || weekdayMatches)
    );
  };
}

/** The first whole minute strictly after `after` that the expression names (within a year and a day). */
export function nextCronTime(expression: string, after: Date): Date {
  const matches = parseCron(expression);
  let at = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
  for (const end = at + 367 * 24 * 3600_000; at < end; at += 60_000)
    if (matches(new Date(at))) return new Date(at);
  throw new Error(`cron: "${expression}" names no time within a year`);
}

/**
 * Makes sure the next run of every schedule is queued. Each run has its own singleton key (the kind
 * and its minute), so every instance may call this on every tick and each run is queued once; the
 * job then runs once, on whichever runner claims it. A schedule whose time passed while every
 * runner was down runs once when one is back, not once for every time missed; with
 * `startWithinMs`, only if it is back within that long, else that run is dropped for the next.
 */
export async function queueScheduledJobs(input: {
  db: PrismaClient;
  schedules: TJobSchedule[];
  now?: Date;
}): Promise<void> {
  const now = input.now ?? new Date();
  for (const schedule of input.schedules) {
    const pending = await input.db.job.findFirst({
      where: { kind: schedule.kind, uniqueKey: { startsWith: "cron:" }, doneAt: null, failedAt: null },
      select: { id: true, runAt: true },
    });
    if (pending) {
      const late = now.getTime() - pending.runAt.getTime();
      if (schedule.startWithinMs === undefined || late <= schedule.startWithinMs) continue;
      // it never started (or its runner died and the lease lapsed): it goes, and the next time is
      // queued below; a run under way keeps its course
      const dropped = await input.db.job.deleteMany({
        where: {
          id: pending.id,
          doneAt: null,
          failedAt: null,
          OR: [{ lockedAt: null }, { lockedUntil: { lt: now } }],
        },
      });
      if (!dropped.count) continue;
      console.log(
        `[jobs] ${schedule.kind}: the run of ${pending.runAt.toISOString()} did not start within ${Math.round(schedule.startWithinMs / 60_000)} min; it waits for the next time`,
      );
    }
    const runAt = nextCronTime(schedule.cron, now);
    // two instances may get here at once: the key lets only one row in
    await input.db.$executeRaw`
      INSERT INTO "Job" ("id", "kind", "payload", "runAt", "uniqueKey")
      VALUES (gen_random_uuid()::text, ${schedule.kind}, '{}'::jsonb, ${runAt}, ${`cron:${schedule.kind}:${runAt.toISOString()}`})
      ON CONFLICT ("uniqueKey") DO NOTHING`;
  }
}
