import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { listQueue } from "@/lib/cases/staffCases";
import { closedStatuses, openStatuses, queueFilterFrom, queueQuery } from "@/lib/cases/queueFilter";
import { staffHome } from "@/lib/users/staffHome";
import { demoActor, submitCase } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
/** "today" for the queue: a fixed Beijing working day, so the flags do not depend on the run's date */
const now = new Date("2026-12-01T02:00:00Z"); // Tuesday 1 December 2026, 10:00 in Beijing
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "caseworker", "caseworker2", "editor", "admin", "officer", "supervisor"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

async function step(trackingNumber: string, name: "accept" | "reject" | "startReview", reason?: string) {
  const { version } = await database.prisma.application.findUniqueOrThrow({ where: { trackingNumber } });
  await applyCaseStep({
    db: database.prisma,
    actor: actors.caseworker,
    trackingNumber,
    step: name,
    expectedVersion: version,
    reason,
  });
}

/** An accepted case whose promised date is `due` (set directly: the queue reads the column). */
async function acceptedDue(due: string): Promise<string> {
  const number = await submitCase(database.prisma, actors.citizen);
  await step(number, "accept");
  await database.prisma.application.update({
    where: { trackingNumber: number },
    data: { promisedDue: day(due) },
  });
  return number;
}

describe("the caseworker's queue", () => {
  let overdue: string, soon: string, later: string, waiting: string, rejected: string;

  beforeAll(async () => {
    later = await acceptedDue("2026-12-31");
    overdue = await acceptedDue("2026-11-27");
    soon = await acceptedDue("2026-12-03");
    waiting = await submitCase(database.prisma, actors.citizen);
    rejected = await submitCase(database.prisma, actors.citizen);
    await step(rejected, "reject", "不属于本部门受理范围");
  });

  it("opens on open cases only, the nearest promised date first, unaccepted ones after by age", async () => {
    const rows = await listQueue({ db: database.prisma, actor: actors.caseworker, filter: {}, now });
    const numbers = rows.map((row) => row.trackingNumber);
    expect(numbers).not.toContain(rejected);
    for (const row of rows) expect(openStatuses).toContain(row.status);
    // ours in deadline order, the unaccepted one after every dated case
    const ours = numbers.filter((n) => [overdue, soon, later, waiting].includes(n));
    expect(ours).toEqual([overdue, soon, later, waiting]);
    // the whole list: dated cases in order, then undated ones oldest first
    const dated = rows.filter((row) => row.promisedDue);
    const undated = rows.filter((row) => !row.promisedDue);
    expect(rows.slice(0, dated.length)).toEqual(dated);
    const dueTimes = dated.map((row) => row.promisedDue!.getTime());
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
    const submitted = undated.map((row) => row.submittedAt.getTime());
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
  });

  it("marks overdue and due-soon cases on the working-day calendar", async () => {
    const rows = await listQueue({ db: database.prisma, actor: actors.caseworker, filter: {}, now });
    const flag = (number: string) => rows.find((row) => row.trackingNumber === number)?.flag;
    expect(flag(overdue)).toBe("overdue");
    expect(flag(soon)).toBe("soon");
    expect(flag(later)).toBeNull();
    expect(flag(waiting)).toBeNull();
  });

  it("shows closed cases behind the filter, and a status or due filter narrows further", async () => {
    const closed = await listQueue({
      db: database.prisma,
      actor: actors.caseworker,
      filter: { show: "closed" },
      now,
    });
    expect(closed.map((row) => row.trackingNumber)).toContain(rejected);
    for (const row of closed) expect(closedStatuses).toContain(row.status);
    const all = await listQueue({
      db: database.prisma,
      actor: actors.caseworker,
      filter: { show: "all" },
      now,
    });
    expect(all.map((row) => row.trackingNumber)).toEqual(expect.arrayContaining([rejected, waiting, later]));
    // one status decides alone: 不予受理 is listed though it is closed
    const byStatus = await listQueue({
      db: database.prisma,
      actor: actors.caseworker,
      filter: queueFilterFrom({ status: "REJECTED" }),
      now,
    });
    expect(byStatus.map((row) => row.status)).toEqual(byStatus.map(() => "REJECTED"));
    expect(byStatus.map((row) => row.trackingNumber)).toContain(rejected);
    const overdueOnly = await listQueue({
      db: database.prisma,
      actor: actors.caseworker,
      filter: queueFilterFrom({ due: "overdue" }),
      now,
    });
    expect(overdueOnly.map((row) => row.trackingNumber)).toContain(overdue);
    expect(overdueOnly.every((row) => row.flag === "overdue")).toBe(true);
    // closed cases are never overdue: asking for both finds none
    expect(
      await listQueue({
        db: database.prisma,
        actor: actors.caseworker,
        filter: queueFilterFrom({ due: "overdue", show: "closed" }),
        now,
      }),
    ).toEqual([]);
  });

  it("lists only the actor's departments", async () => {
    const other = await listQueue({ db: database.prisma, actor: actors.caseworker2, filter: {}, now });
    expect(other.map((row) => row.trackingNumber)).not.toContain(overdue);
  });
});

describe("the queue's filter from a query", () => {
  it("defaults to open cases and ignores what it does not know", () => {
    expect(queueFilterFrom({})).toEqual({ show: "open" });
    expect(queueFilterFrom({ show: "everything", status: "NOPE", due: "later", mine: "yes" })).toEqual({
      show: "open",
    });
    const filter = queueFilterFrom({ show: "closed", service: " RS-JYDJ-001 ", mine: "1", due: "soon" });
    expect(filter).toEqual({ show: "closed", service: "RS-JYDJ-001", mine: true, due: "soon" });
    // links keep the filter and leave the default out
    expect(queueQuery(filter)).toMatchObject({ show: "closed", mine: "1", due: "soon" });
    expect(queueQuery(queueFilterFrom({})).show).toBeUndefined();
  });
});

describe("a member of staff's home", () => {
  it("is the notice desk for an editor who works no cases, the queue for everyone else", () => {
    expect(staffHome(actors.editor)).toBe("notices");
    expect(staffHome(actors.caseworker)).toBe("cases");
    expect(staffHome(actors.supervisor)).toBe("cases");
    expect(staffHome(actors.admin)).toBe("cases");
  });
});
