import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { demoPassword } from "@/prisma/seed/demo-accounts";
import { liveSession, openSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import {
  ZEmailChange,
  confirmEmailChange,
  emailChangeFor,
  maskedEmail,
  requestEmailChange,
} from "@/lib/users/emailChange";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
let db: TestDatabase["prisma"];
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  db = database.prisma;
  for (const name of ["citizen", "citizen2", "caseworker"])
    actors[name] = await demoActor(db, `${name}@example.cn`);
});
afterAll(() => database.close());

/** The newest mail to an address, and the token in its link if it has one. */
async function lastMailTo(to: string) {
  const mail = await db.outboxMail.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
  const token = mail ? /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] : undefined;
  return { mail, token };
}

const signIn = (email: string) =>
  verifyCredentials({ db, email, password: demoPassword, portal: "public", ip: "203.0.113.9" });

async function rejectsWith(run: Promise<unknown>, key: string, field?: string) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormError);
  expect(error).toMatchObject({ key, ...(field ? { field } : {}) });
}

describe("changing one's e-mail address", () => {
  it("needs the right password and a different address, and is not for staff", async () => {
    expect(ZEmailChange.safeParse({ newEmail: "not an address", password: "x" }).success).toBe(false);
    await rejectsWith(
      requestEmailChange({ db, actor: actors.citizen, newEmail: "new@example.cn", password: "wrong-1234" }),
      "passwordWrong",
      "password",
    );
    await rejectsWith(
      requestEmailChange({
        db,
        actor: actors.citizen,
        newEmail: " Citizen@Example.cn ",
        password: demoPassword,
      }),
      "emailUnchanged",
      "newEmail",
    );
    await expect(
      requestEmailChange({ db, actor: actors.caseworker, newEmail: "x@example.cn", password: demoPassword }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.emailChange.count()).toBe(0);
    const refusals = await db.auditRefusal.findMany({ where: { action: "account.emailChange" } });
    expect(refusals.length).toBeGreaterThanOrEqual(1);
  });

  it("mails a link to the new address through the job queue and changes nothing until it is followed", async () => {
    await requestEmailChange({
      db,
      actor: actors.citizen,
      newEmail: "first-new@example.cn",
      password: demoPassword,
    });
    const first = await lastMailTo("first-new@example.cn");
    expect(first.token).toBeTruthy();
    expect(first.mail!.text).toContain(`/zh-Hans/account/email/confirm?token=${first.token}`);
    // a mail is a job: the request only queued it
    const job = await db.job.findFirstOrThrow({
      where: { kind: "mail.send", payload: { path: ["outboxId"], equals: first.mail!.id } },
    });
    expect(job.doneAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen.id } })).email).toBe(
      "citizen@example.cn",
    );
    expect(await signIn("citizen@example.cn")).toMatchObject({ ok: true });
    expect(await emailChangeFor({ db, token: first.token! })).toEqual({ newEmail: "first-new@example.cn" });
    // only the token's hash is kept
    expect(await db.emailChange.count({ where: { tokenHash: first.token! } })).toBe(0);

    // a newer request replaces the older one: the first link stops working
    await requestEmailChange({
      db,
      actor: actors.citizen,
      newEmail: "zhang.new@example.cn",
      password: demoPassword,
    });
    expect(await emailChangeFor({ db, token: first.token! })).toBeNull();
    expect(await confirmEmailChange({ db, token: first.token! })).toBe(false);
  });

  it("follows the link once: the address changes, the old one is told, other sessions end", async () => {
    const here = await openSession({ db, user: actors.citizen, portal: "public" });
    const phone = await openSession({ db, user: actors.citizen, portal: "public" });
    const { token } = await lastMailTo("zhang.new@example.cn");
    expect(await confirmEmailChange({ db, token: token!, currentSid: here.sid })).toBe(true);
    expect(await confirmEmailChange({ db, token: token!, currentSid: here.sid })).toBe(false);

    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen.id } })).email).toBe(
      "zhang.new@example.cn",
    );
    expect(await liveSession({ db, sid: here.sid })).not.toBeNull();
    expect(await liveSession({ db, sid: phone.sid })).toBeNull();
    expect(await signIn("zhang.new@example.cn")).toMatchObject({ ok: true });
    expect(await signIn("citizen@example.cn")).toMatchObject({ ok: false });

    const told = await lastMailTo("citizen@example.cn");
    expect(told.mail!.subject).toBe("您在政务服务网的电子邮箱已修改");
    expect(told.mail!.text).toContain(maskedEmail("zhang.new@example.cn"));
    expect(told.mail!.text).not.toContain("zhang.new@example.cn");
    expect(maskedEmail("zhang.new@example.cn")).toBe("z***@example.cn");
    expect(
      await db.job.count({
        where: { kind: "mail.send", payload: { path: ["outboxId"], equals: told.mail!.id } },
      }),
    ).toBe(1);

    const audit = await db.auditLog.findMany({
      where: { action: "account.emailChange", entityId: actors.citizen.id, outcome: "ALLOWED" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => row.detail)).toEqual([
      { step: "requested" },
      { step: "requested" },
      { step: "confirmed", endedSessions: 1 },
    ]);
    // the audit log never holds the addresses
    expect(JSON.stringify(audit.map((row) => row.detail))).not.toContain("example.cn");
  });

  it("an address another account uses: the same answer, that address is told, nothing changes", async () => {
    const changes = await db.emailChange.count();
    await requestEmailChange({
      db,
      actor: actors.citizen2,
      newEmail: "zhang.new@example.cn",
      password: demoPassword,
    });
    expect(await db.emailChange.count()).toBe(changes);
    const told = await lastMailTo("zhang.new@example.cn");
    expect(told.mail!.subject).toBe("有人试图在政务服务网使用您的电子邮箱");
    expect(told.token).toBeUndefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen2.id } })).email).toBe(
      "citizen2@example.cn",
    );
  });

  it("a registration never confirmed gives way to the address's owner; an account taken meanwhile does not", async () => {
    await requestEmailChange({
      db,
      actor: actors.citizen2,
      newEmail: "waiting@example.cn",
      password: demoPassword,
    });
    const { token } = await lastMailTo("waiting@example.cn");
    const waiting = await db.user.create({
      data: {
        email: "waiting@example.cn",
        name: "某人",
        accountType: "PERSON",
        passwordHash: "x",
        confirmTokenHash: "pending-registration",
        confirmExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect(await confirmEmailChange({ db, token: token! })).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen2.id } })).email).toBe(
      "waiting@example.cn",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: waiting.id } })).email).toMatch(
      /@closed\.invalid$/,
    );

    // a second link, to an address that an account able to sign in takes before it is followed
    await requestEmailChange({
      db,
      actor: actors.citizen2,
      newEmail: "raced@example.cn",
      password: demoPassword,
    });
    const raced = await lastMailTo("raced@example.cn");
    await db.user.create({
      data: { email: "raced@example.cn", name: "他人", accountType: "PERSON", passwordHash: "x" },
    });
    expect(await confirmEmailChange({ db, token: raced.token! })).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: actors.citizen2.id } })).email).toBe(
      "waiting@example.cn",
    );
  });
});
