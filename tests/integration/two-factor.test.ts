import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { demoTotpSecret } from "@/prisma/seed/demo-accounts";
import { hashPassword } from "@/lib/auth/password";
import { totpCode } from "@/lib/auth/totp";
import {
  beginSecondFactor,
  checkProgramSecondFactor,
  completeSecondFactor,
  confirmEnrolment,
  openChallenge,
} from "@/lib/auth/secondFactor";
import {
  confirmReenrolment,
  regenerateRecoveryCodes,
  startReenrolment,
  twoFactorStatus,
} from "@/lib/auth/manageTwoFactor";
import { liveSession, openSession } from "@/lib/auth/sessions";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { limits } from "@/lib/throttle/limits";
import { FormError } from "@/lib/shared/errors";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import type { TSessionUser } from "@/lib/auth/types";

let database: TestDatabase;
let db: TestDatabase["prisma"];
const t0 = new Date("2026-12-01T08:00:05Z");
const seconds = (n: number) => new Date(t0.getTime() + n * 1000);
const codeAt = (now: Date, secret = demoTotpSecret) => totpCode({ secret, now });

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  db = database.prisma;
});
afterAll(() => database.close());
afterEach(() => {
  delete process.env.STAFF_MFA;
});

/** A new staff account with no authenticator, as an administrator would create it. */
async function newStaff(email: string): Promise<TSessionUser> {
  const department = await db.department.findFirstOrThrow({ where: { code: "RSJ" } });
  const user = await db.user.create({
    data: {
      email,
      name: "新同事",
      accountType: "STAFF",
      passwordHash: await hashPassword("Correct-horse-2026"),
      grants: { create: { role: "CASEWORKER", departmentId: department.id } },
    },
  });
  return (await loadSessionUser({ db, userId: user.id }))!;
}

const formErrorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof FormError ? `${error.field ?? "form"}:${error.key}` : error),
  );

describe("the second step of a staff sign-in", () => {
  it("takes the authenticator's code once: the challenge ends, and the same code fails on the next sign-in", async () => {
    const actor = await demoActor(db, "officer@example.cn");
    const first = await beginSecondFactor({ db, user: actor, returnTo: "/staff/requests", now: t0 });
    expect(first?.step).toBe("code");
    const code = await codeAt(t0);
    const done = await completeSecondFactor({ db, challengeSecret: first!.secret, code, now: seconds(1) });
    expect(done).toMatchObject({ user: { email: "officer@example.cn" }, returnTo: "/staff/requests" });
    // the challenge is spent
    expect(await openChallenge({ db, secret: first!.secret, now: seconds(2) })).toBeNull();
    expect(
      await formErrorOf(completeSecondFactor({ db, challengeSecret: first!.secret, code, now: seconds(2) })),
    ).toBe("form:signInExpired");
    // a new sign-in within the same 30 s step cannot reuse the code (nor the previous step's)
    const second = await beginSecondFactor({ db, user: actor, now: seconds(3) });
    expect(
      await formErrorOf(completeSecondFactor({ db, challengeSecret: second!.secret, code, now: seconds(3) })),
    ).toBe("code:totpCodeInvalid");
    // the next step's code works
    const next = await codeAt(seconds(30));
    expect(
      await completeSecondFactor({ db, challengeSecret: second!.secret, code: next, now: seconds(30) }),
    ).toMatchObject({ user: { email: "officer@example.cn" } });
    const audited = await db.auditLog.findMany({
      where: { action: "auth.secondFactor", actorId: actor.id },
      select: { outcome: true },
    });
    expect(audited.map((row) => row.outcome).sort()).toEqual(["ALLOWED", "ALLOWED", "DENIED"]);
  });

  it("accepts a code typed just before its step ended, and nothing older or from the future", async () => {
    const actor = await demoActor(db, "editor2@example.cn");
    const challenge = await beginSecondFactor({ db, user: actor, now: seconds(100) });
    const late = await codeAt(seconds(80)); // the previous step
    const future = await codeAt(seconds(130));
    const old = await codeAt(seconds(40));
    for (const code of [future, old])
      expect(
        await formErrorOf(
          completeSecondFactor({ db, challengeSecret: challenge!.secret, code, now: seconds(100) }),
        ),
      ).toBe("code:totpCodeInvalid");
    expect(
      await completeSecondFactor({ db, challengeSecret: challenge!.secret, code: late, now: seconds(100) }),
    ).toMatchObject({ user: { email: "editor2@example.cn" } });
  });

  it("expires after five minutes", async () => {
    const actor = await demoActor(db, "caseworker2@example.cn");
    const challenge = await beginSecondFactor({ db, user: actor, now: t0 });
    expect(await openChallenge({ db, secret: challenge!.secret, now: seconds(299) })).not.toBeNull();
    const now = seconds(301);
    expect(
      await formErrorOf(
        completeSecondFactor({ db, challengeSecret: challenge!.secret, code: await codeAt(now), now }),
      ),
    ).toBe("form:signInExpired");
    expect(await formErrorOf(completeSecondFactor({ db, challengeSecret: "made-up", code: "123456" }))).toBe(
      "form:signInExpired",
    );
  });

  it("slows down wrong codes for the account, and audits them", async () => {
    const actor = await newStaff("guessed@example.cn");
    const start = await beginSecondFactor({ db, user: actor, now: t0 });
    const pending = (await openChallenge({ db, secret: start!.secret, now: t0 }))!.pendingSecret!;
    await confirmEnrolment({ db, challengeSecret: start!.secret, code: await codeAt(t0, pending), now: t0 });
    const challenge = await beginSecondFactor({ db, user: actor, now: seconds(60) });
    for (let i = 0; i < limits.secondFactorAccount[0].points; i++)
      expect(
        await formErrorOf(
          completeSecondFactor({ db, challengeSecret: challenge!.secret, code: "000000", now: seconds(60) }),
        ),
      ).toBe("code:totpCodeInvalid");
    // over the limit even the right code waits
    await expect(
      completeSecondFactor({
        db,
        challengeSecret: challenge!.secret,
        code: await codeAt(seconds(60), pending),
        now: seconds(60),
      }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(
      await db.auditLog.count({
        where: { action: "auth.secondFactor", actorId: actor.id, outcome: "DENIED" },
      }),
    ).toBeGreaterThan(0);
  });
});

describe("enrolment and recovery codes", () => {
  it("enrols a new staff member with a code from the secret shown; each recovery code then signs in once", async () => {
    const actor = await newStaff("fresh@example.cn");
    const start = await beginSecondFactor({ db, user: actor, now: t0 });
    expect(start?.step).toBe("enrol");
    const challenge = await openChallenge({ db, secret: start!.secret, now: t0 });
    const secret = challenge!.pendingSecret!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // a code from another secret (the demo's) does not confirm it
    expect(
      await formErrorOf(
        confirmEnrolment({ db, challengeSecret: start!.secret, code: await codeAt(t0), now: t0 }),
      ),
    ).toBe("code:totpCodeInvalid");
    const enrolled = await confirmEnrolment({
      db,
      challengeSecret: start!.secret,
      code: await codeAt(t0, secret),
      now: t0,
    });
    expect(enrolled.recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: actor.id } });
    expect(stored).toHaveLength(10);
    // only hashes are kept
    for (const code of enrolled.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);

    const [recovery] = enrolled.recoveryCodes;
    const next = await beginSecondFactor({ db, user: actor, now: seconds(40) });
    expect(next?.step).toBe("code");
    expect(
      await completeSecondFactor({
        db,
        challengeSecret: next!.secret,
        recoveryCode: recovery.toUpperCase(),
        now: seconds(40),
      }),
    ).toMatchObject({ user: { email: "fresh@example.cn" } });
    const again = await beginSecondFactor({ db, user: actor, now: seconds(50) });
    expect(
      await formErrorOf(
        completeSecondFactor({
          db,
          challengeSecret: again!.secret,
          recoveryCode: recovery,
          now: seconds(50),
        }),
      ),
    ).toBe("recoveryCode:recoveryCodeInvalid");
    expect((await twoFactorStatus({ db, actor })).recoveryCodesLeft).toBe(9);
  });

  it("replaces the recovery codes and moves to a new authenticator only with a current code", async () => {
    const actor = await demoActor(db, "editor@example.cn");
    expect(await formErrorOf(regenerateRecoveryCodes({ db, actor, code: "000000", now: seconds(200) }))).toBe(
      "code:totpCodeInvalid",
    );
    const first = await regenerateRecoveryCodes({
      db,
      actor,
      code: await codeAt(seconds(200)),
      now: seconds(200),
    });
    const second = await regenerateRecoveryCodes({
      db,
      actor,
      code: await codeAt(seconds(230)),
      now: seconds(230),
    });
    expect(second).not.toEqual(first);
    // the first set no longer works
    const challenge = await beginSecondFactor({ db, user: actor, now: seconds(240) });
    expect(
      await formErrorOf(
        completeSecondFactor({
          db,
          challengeSecret: challenge!.secret,
          recoveryCode: first[0],
          now: seconds(240),
        }),
      ),
    ).toBe("recoveryCode:recoveryCodeInvalid");

    await startReenrolment({ db, actor, code: await codeAt(seconds(260)), now: seconds(260) });
    const { pendingSecret } = await twoFactorStatus({ db, actor });
    expect(pendingSecret).toMatch(/^[A-Z2-7]{32}$/);
    // the old authenticator still works until the new one is confirmed, within the same step too
    await confirmReenrolment({
      db,
      actor,
      code: await codeAt(seconds(261), pendingSecret!),
      now: seconds(261),
    });
    expect((await twoFactorStatus({ db, actor })).pendingSecret).toBeNull();
    const after = await beginSecondFactor({ db, user: actor, now: seconds(300) });
    expect(
      await formErrorOf(
        completeSecondFactor({
          db,
          challengeSecret: after!.secret,
          code: await codeAt(seconds(300)),
          now: seconds(300),
        }),
      ),
    ).toBe("code:totpCodeInvalid");
    expect(
      await completeSecondFactor({
        db,
        challengeSecret: after!.secret,
        code: await codeAt(seconds(300), pendingSecret!),
        now: seconds(300),
      }),
    ).toMatchObject({ user: { email: "editor@example.cn" } });
  });

  it("is for staff only", async () => {
    const citizen = await demoActor(db, "citizen@example.cn");
    await expect(twoFactorStatus({ db, actor: citizen })).rejects.toThrow();
  });
});

describe("the staff session guard", () => {
  it("refuses a staff session opened without the second factor, whatever opened it", async () => {
    const actor = await demoActor(db, "supervisor@example.cn");
    const without = await openSession({ db, user: actor, portal: "staff" });
    expect(await liveSession({ db, sid: without.sid })).toBeNull();
    const withIt = await openSession({ db, user: actor, portal: "staff", secondFactorAt: new Date() });
    expect(await liveSession({ db, sid: withIt.sid })).toMatchObject({
      userId: actor.id,
      portal: "staff",
      user: { id: actor.id },
    });
  });

  it("with STAFF_MFA=optional, lets only staff who have not enrolled in with the password", async () => {
    process.env.STAFF_MFA = "optional";
    const unenrolled = await newStaff("optional@example.cn");
    expect(await beginSecondFactor({ db, user: unenrolled })).toBeNull();
    const session = await openSession({ db, user: unenrolled, portal: "staff" });
    expect(await liveSession({ db, sid: session.sid })).not.toBeNull();
    const enrolled = await demoActor(db, "admin@example.cn");
    expect((await beginSecondFactor({ db, user: enrolled }))?.step).toBe("code");
    const bare = await openSession({ db, user: enrolled, portal: "staff" });
    expect(await liveSession({ db, sid: bare.sid })).toBeNull();
  });

  it("lets programs sign staff in only with a code (the credentials endpoint)", async () => {
    const actor = await demoActor(db, "caseworker@example.cn");
    expect(await formErrorOf(checkProgramSecondFactor({ db, userId: actor.id, code: "000000" }))).toBe(
      "code:totpCodeInvalid",
    );
    expect(
      await checkProgramSecondFactor({
        db,
        userId: actor.id,
        code: await codeAt(seconds(500)),
        now: seconds(500),
      }),
    ).toEqual({ secondFactor: true });
    const unenrolled = await newStaff("program@example.cn");
    expect(await formErrorOf(checkProgramSecondFactor({ db, userId: unenrolled.id, code: "123456" }))).toBe(
      "code:totpCodeInvalid",
    );
  });
});
