import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/shared/errors";
import { drainJobs } from "@/lib/jobs/queue";
import { saveUpload } from "@/lib/uploads/saveUpload";
import { addressHash } from "@/lib/mail/purgeMail";
import { retentionJob, retentionJobHandlers, scheduleRetention } from "@/lib/retention/jobs";
import { getRetention, saveRetention } from "@/lib/settings/queries";
import { defaultRetention } from "@/lib/settings/retention";
import { demoActor } from "../helpers/demo";

let database: TestDatabase;
let dataDir = "";
const actors: Record<string, TSessionUser> = {};
/** The run's due time: 03:00 China time. */
const now = new Date("2027-03-10T19:00:00Z");
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 + extraMs);
const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const ids: Record<string, string> = {};

async function upload(name: string, actor: TSessionUser, createdAt: Date) {
  const file = await saveUpload({ db: database.prisma, actor, name: `${name}.pdf`, bytes: pdf() });
  await database.prisma.attachment.update({ where: { id: file.id }, data: { createdAt } });
  ids[name] = file.id;
  return file.id;
}

async function draft(
  name: string,
  actor: TSessionUser,
  serviceCode: string,
  updatedAt: Date,
  fileId: string,
) {
  const service = await database.prisma.service.findUniqueOrThrow({ where: { code: serviceCode } });
  const row = await database.prisma.applicationDraft.create({
    data: { userId: actor.id, serviceId: service.id, answers: { file: fileId } },
  });
  // updatedAt is set by Prisma on every write: move it back with SQL
  await database.prisma
    .$executeRaw`UPDATE "ApplicationDraft" SET "updatedAt" = ${updatedAt} WHERE "id" = ${row.id}`;
  ids[name] = row.id;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-retention-"));
  process.env.ONESTOP_DATA_DIR = dataDir;
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["citizen", "citizen2", "editor", "admin", "caseworker"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
  const db = database.prisma;
  const { citizen, citizen2, editor } = actors;
  const services = await db.service.findMany({
    where: { audience: "PERSON" },
    take: 2,
    orderBy: { code: "asc" },
  });

  // mail: sent just past 180 days (goes), just within (stays), never sent (stays)
  for (const [name, sentAt] of [
    ["mailOld", daysAgo(180, -1000)],
    ["mailNew", daysAgo(180, 1000)],
    ["mailUnsent", null],
  ] as const) {
    const row = await db.outboxMail.create({
      data: {
        to: `${name}@example.cn`,
        subject: name,
        text: "正文",
        userId: citizen.id,
        createdAt: daysAgo(400),
        sentAt,
      },
    });
    ids[name] = row.id;
  }

  // drafts 90 days: an old one with its upload (both go), a recent one with an old upload (both stay)
  await draft(
    "draftOld",
    citizen,
    services[0].code,
    daysAgo(90, -1000),
    await upload("inOldDraft", citizen, daysAgo(200)),
  );
  await draft(
    "draftNew",
    citizen2,
    services[1].code,
    daysAgo(90, 1000),
    await upload("inNewDraft", citizen2, daysAgo(200)),
  );
  await upload("strayOld", citizen, daysAgo(90, -1000));
  await upload("strayNew", citizen, daysAgo(90, 1000));
  // a staff member's detached file is not a citizen's abandoned upload
  await upload("staffOld", editor, daysAgo(400));

  // subscriptions: unconfirmed for 7 days go; confirmed ones stay however old
  for (const [name, createdAt, confirmedAt] of [
    ["subOld", daysAgo(7, -1000), null],
    ["subNew", daysAgo(7, 1000), null],
    ["subConfirmed", daysAgo(400), daysAgo(399)],
  ] as const) {
    const row = await db.subscription.create({
      data: {
        email: `${name}@example.cn`,
        locale: "zh-Hans",
        key: `${name}|*|*`,
        token: randomUUID(),
        createdAt,
        confirmedAt,
      },
    });
    ids[name] = row.id;
  }

  // sessions: ended or expired more than 90 days ago go; the rest stay
  for (const [name, endedAt, expiresAt] of [
    ["sessionEndedOld", daysAgo(90, -1000), daysAgo(80)],
    ["sessionEndedNew", daysAgo(90, 1000), daysAgo(80)],
    ["sessionExpiredOld", null, daysAgo(90, -1000)],
    ["sessionLive", null, new Date(now.getTime() + 3_600_000)],
  ] as const) {
    await db.userSession.create({
      data: {
        id: name,
        userId: citizen.id,
        portal: "public",
        createdAt: daysAgo(100),
        lastSeenAt: daysAgo(95),
        expiresAt,
        endedAt,
      },
    });
  }

  // rate-limit counters: past their window go
  await db.throttleCount.createMany({
    data: [
      { key: "counterOld", points: 3, expire: new Date(now.getTime() - 1000) },
      { key: "counterNew", points: 3, expire: new Date(now.getTime() + 1000) },
    ],
  });

  // jobs: done more than 7 days ago go; done within, failed (a dead letter) and pending stay
  for (const [name, doneAt, failedAt] of [
    ["jobDoneOld", daysAgo(7, -1000), null],
    ["jobDoneNew", daysAgo(7, 1000), null],
    ["jobFailedOld", null, daysAgo(20)],
    ["jobPending", null, null],
  ] as const) {
    const row = await db.job.create({
      data: { kind: "test.retention", payload: { name }, runAt: daysAgo(30), doneAt, failedAt },
    });
    ids[name] = row.id;
  }

  // mailed links to set a password: used or expired ones go at once; a working one stays
  for (const [name, usedAt, expiresAt] of [
    ["linkUsed", daysAgo(1), new Date(now.getTime() + 3_600_000)],
    ["linkExpired", null, new Date(now.getTime() - 1000)],
    ["linkLive", null, new Date(now.getTime() + 1000)],
  ] as const) {
    const row = await db.passwordLink.create({
      data: { userId: citizen2.id, purpose: "reset", tokenHash: `${name}-hash`, usedAt, expiresAt },
    });
    ids[name] = row.id;
  }

  // a failed form's kept state (what was typed): past its quarter of an hour it goes
  for (const [name, createdAt] of [
    ["formOld", new Date(now.getTime() - 15 * 60_000 - 1000)],
    ["formNew", new Date(now.getTime() - 15 * 60_000 + 1000)],
  ] as const)
    await db.formReturn.create({
      data: { id: name, userId: citizen.id, state: { ok: false, values: { name: "张晓明" } }, createdAt },
    });
  // done jobs from the set-up (the seed's mail, uploads…), all finished long before `now`
  ids.setUpJobs = String(
    await db.job.count({ where: { doneAt: { lt: daysAgo(7) }, kind: { not: "test.retention" } } }),
  );
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const fileExists = async (id: string) => {
  const row = await database.prisma.attachment.findUnique({ where: { id } });
  return !!row;
};

describe("the daily retention purge", () => {
  it("reads its periods from the settings, which only administrators change", async () => {
    expect(await getRetention({ db: database.prisma })).toEqual(defaultRetention);
    await expect(
      saveRetention({
        db: database.prisma,
        actor: actors.caseworker,
        retention: { ...defaultRetention, draftDays: 1 },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await saveRetention({
      db: database.prisma,
      actor: actors.admin,
      retention: { ...defaultRetention, draftDays: 91 },
    });
    expect((await getRetention({ db: database.prisma })).draftDays).toBe(91);
    await saveRetention({ db: database.prisma, actor: actors.admin, retention: defaultRetention });
  });

  it("does not run before it is due", async () => {
    await scheduleRetention({ db: database.prisma, after: new Date(now.getTime() - 60_000) });
    const job = await database.prisma.job.findFirstOrThrow({ where: { kind: retentionJob } });
    expect(job.runAt).toEqual(now);
    const ran = await drainJobs({
      db: database.prisma,
      handlers: retentionJobHandlers,
      now: () => new Date(now.getTime() - 1000),
    });
    expect(ran).toBe(0);
    expect(await database.prisma.outboxMail.count({ where: { purgedAt: { not: null } } })).toBe(0);
  });

  it("removes exactly what is past its period, audits each kind, and queues tomorrow's run", async () => {
    const db = database.prisma;
    const files = Object.fromEntries(
      (await db.attachment.findMany({ select: { id: true, storageKey: true } })).map((f) => [
        f.id,
        f.storageKey,
      ]),
    );
    const ran = await drainJobs({ db, handlers: retentionJobHandlers, now: () => now });
    expect(ran).toBe(1);

    const mailOld = await db.outboxMail.findUniqueOrThrow({ where: { id: ids.mailOld } });
    expect(mailOld).toMatchObject({ text: "", to: addressHash("mailOld@example.cn"), subject: "mailOld" });
    expect(mailOld.purgedAt).toEqual(now);
    for (const name of ["mailNew", "mailUnsent"])
      expect(await db.outboxMail.findUniqueOrThrow({ where: { id: ids[name] } })).toMatchObject({
        text: "正文",
        purgedAt: null,
      });

    expect(await db.applicationDraft.count({ where: { id: ids.draftOld } })).toBe(0);
    expect(await db.applicationDraft.count({ where: { id: ids.draftNew } })).toBe(1);
    for (const name of ["inOldDraft", "strayOld"]) {
      expect(await fileExists(ids[name]), name).toBe(false);
      expect(fs.existsSync(path.join(dataDir, "uploads", files[ids[name]])), name).toBe(false);
    }
    for (const name of ["inNewDraft", "strayNew", "staffOld"]) {
      expect(await fileExists(ids[name]), name).toBe(true);
      expect(fs.existsSync(path.join(dataDir, "uploads", files[ids[name]])), name).toBe(true);
    }

    const subscriptions = await db.subscription.findMany({ select: { id: true } });
    expect(subscriptions.map((s) => s.id).sort()).toEqual([ids.subNew, ids.subConfirmed].sort());
    const sessions = await db.userSession.findMany({ select: { id: true } });
    expect(sessions.map((s) => s.id).sort()).toEqual(["sessionEndedNew", "sessionLive"]);
    const counters = await db.throttleCount.findMany({ select: { key: true } });
    expect(counters.map((c) => c.key)).toEqual(["counterNew"]);
    const jobs = await db.job.findMany({ where: { kind: "test.retention" }, select: { id: true } });
    expect(jobs.map((j) => j.id).sort()).toEqual([ids.jobDoneNew, ids.jobFailedOld, ids.jobPending].sort());
    const links = await db.passwordLink.findMany({ select: { id: true } });
    expect(links.map((l) => l.id)).toEqual([ids.linkLive]);
    const forms = await db.formReturn.findMany({ select: { id: true } });
    expect(forms.map((f) => f.id)).toEqual(["formNew"]);

    const audit = await db.auditLog.findMany({
      where: { action: "retention.purge" },
      orderBy: { id: "asc" },
    });
    expect(
      Object.fromEntries(audit.map((row) => [row.entityType, (row.detail as { count: number }).count])),
    ).toEqual({
      OutboxMail: 1,
      ApplicationDraft: 1,
      Attachment: 2,
      Subscription: 1,
      UserSession: 2,
      ThrottleCount: 1,
      Job: 1 + Number(ids.setUpJobs),
      PasswordLink: 2,
      EmailChange: 0,
      FormReturn: 1,
    });

    const next = await db.job.findFirstOrThrow({ where: { kind: retentionJob, doneAt: null } });
    expect(next.runAt).toEqual(new Date(now.getTime() + 86_400_000));
    // the queue itself is left alone: today's job is kept, done
    expect(await db.job.count({ where: { kind: retentionJob, doneAt: { not: null } } })).toBe(1);
  });

  it("a second run the same day finds nothing more", async () => {
    await scheduleRetention({ db: database.prisma, after: new Date(now.getTime() - 60_000) });
    expect(await drainJobs({ db: database.prisma, handlers: retentionJobHandlers, now: () => now })).toBe(0);
  });
});
