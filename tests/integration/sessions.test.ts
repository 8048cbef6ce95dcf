import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import {
  endAllSessions,
  endOwnSessions,
  endSessionBySecret,
  listOwnSessions,
  liveSession,
  openSession,
} from "@/lib/auth/sessions";
import { NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["citizen", "citizen2", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(() => database.close());

// staff sessions are opened after the second factor, as the sign-in does
const open = (actor: TSessionUser, portal: "public" | "staff", now: Date) =>
  openSession({
    db: database.prisma,
    user: actor,
    portal,
    now,
    secondFactorAt: portal === "staff" ? now : null,
  });
const live = (sid: string, now: Date, use = true) => liveSession({ db: database.prisma, sid, now, use });

describe("server-side sessions", () => {
  it("end at sign-out: the same secret no longer works", async () => {
    const t0 = new Date();
    const { sid } = await open(actors.citizen, "public", t0);
    // the session comes with its user as read now (roles and scope), so a revocation acts on the next request
    expect(await live(sid, t0)).toEqual({
      userId: actors.citizen.id,
      portal: "public",
      user: actors.citizen,
    });
    await endSessionBySecret({ db: database.prisma, sid });
    expect(await live(sid, t0)).toBeNull();
    expect(await live("made-up-secret-that-was-never-issued", t0)).toBeNull();
  });

  it("end after 30 idle minutes for staff and 2 hours for citizens; use renews, polling does not", async () => {
    const t0 = new Date();
    const staff = await open(actors.caseworker, "staff", t0);
    const citizen = await open(actors.citizen, "public", t0);
    // a check that is not use (next-auth's session endpoint) does not keep a session alive
    expect(await live(staff.sid, minutes(t0, 20), false)).not.toBeNull();
    expect(await live(staff.sid, minutes(t0, 31), false)).toBeNull();
    expect(await live(citizen.sid, minutes(t0, 31))).not.toBeNull();
    expect(await live(citizen.sid, minutes(t0, 31 + 119))).not.toBeNull();
    expect(await live(citizen.sid, minutes(t0, 31 + 119 + 121))).toBeNull();
    const row = await database.prisma.userSession.findFirstOrThrow({
      where: { userId: actors.caseworker.id, portal: "staff" },
      orderBy: { createdAt: "desc" },
    });
    expect(row.endedAt).not.toBeNull();

    // real use every 25 minutes keeps a staff session alive, up to its 8 hours
    const busy = await open(actors.caseworker, "staff", t0);
    for (let m = 25; m < 480; m += 25) expect(await live(busy.sid, minutes(t0, m))).not.toBeNull();
    expect(await live(busy.sid, minutes(t0, 481))).toBeNull();
  });

  it("end everywhere at once, and only the person's own", async () => {
    const t0 = new Date();
    const a = await open(actors.citizen2, "public", t0);
    const b = await open(actors.citizen2, "public", t0);
    const other = await open(actors.citizen, "public", t0);
    const listed = await listOwnSessions({
      db: database.prisma,
      actor: actors.citizen2,
      currentSid: a.sid,
      now: t0,
    });
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    // someone else's handle is not found (and nothing tells them it exists)
    const theirs = (
      await listOwnSessions({ db: database.prisma, actor: actors.citizen, currentSid: null, now: t0 })
    )[0].handle;
    await expect(
      endOwnSessions({ db: database.prisma, actor: actors.citizen2, handle: theirs }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // ending one by its handle
    const otherHandle = listed.find((s) => !s.current)!.handle;
    expect(await endOwnSessions({ db: database.prisma, actor: actors.citizen2, handle: otherHandle })).toBe(
      1,
    );
    expect(await live(b.sid, t0)).toBeNull();
    expect(await live(a.sid, t0)).not.toBeNull();
    // and everywhere
    await open(actors.citizen2, "public", t0);
    expect(await endOwnSessions({ db: database.prisma, actor: actors.citizen2, handle: "everywhere" })).toBe(
      2,
    );
    expect(await live(a.sid, t0)).toBeNull();
    expect(await live(other.sid, t0)).not.toBeNull();
    expect(
      await database.prisma.auditLog.count({
        where: { actorId: actors.citizen2.id, action: "session.endAll" },
      }),
    ).toBe(1);
    expect(await endAllSessions({ db: database.prisma, userId: actors.citizen.id })).toBeGreaterThan(0);
    expect(await live(other.sid, t0)).toBeNull();
  });
});
