import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { demoPassword } from "@/prisma/seed/demo-accounts";
import { changePassword } from "@/lib/auth/changePassword";
import { endOwnSessions, liveSession, openSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { ZChangePassword } from "@/lib/auth/schema";
import { FormError } from "@/lib/shared/errors";

let database: TestDatabase;
let db: TestDatabase["prisma"];

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  db = database.prisma;
});
afterAll(() => database.close());

describe("changing one's own password", () => {
  it.each([
    ["citizen2@example.cn", "public"],
    ["editor2@example.cn", "staff"],
  ] as const)("for %s ends every other session at once and keeps this one", async (email, portal) => {
    const actor = await demoActor(db, email);
    const secondFactorAt = portal === "staff" ? new Date() : null;
    const here = await openSession({ db, user: actor, portal, secondFactorAt });
    const phone = await openSession({ db, user: actor, portal, secondFactorAt });
    const laptop = await openSession({ db, user: actor, portal, secondFactorAt });
    const ended = await changePassword({
      db,
      actor,
      currentPassword: demoPassword,
      newPassword: "New-pass-2027",
      currentSid: here.sid,
    });
    expect(ended).toBe(2);
    expect(await liveSession({ db, sid: here.sid })).not.toBeNull();
    expect(await liveSession({ db, sid: phone.sid })).toBeNull();
    expect(await liveSession({ db, sid: laptop.sid })).toBeNull();
    expect(await verifyCredentials({ db, email, password: "New-pass-2027", portal })).toMatchObject({
      ok: true,
    });
    expect(await verifyCredentials({ db, email, password: demoPassword, portal })).toEqual({
      ok: false,
      error: "invalid",
    });
    const audited = await db.auditLog.findFirst({
      where: { action: "auth.passwordChanged", actorId: actor.id },
    });
    expect(audited?.detail).toEqual({ endedSessions: 2 });
    expect(JSON.stringify(audited?.detail)).not.toContain("New-pass-2027");
  });

  it("refuses a wrong current password as a field error, audited, and changes nothing", async () => {
    const actor = await demoActor(db, "org@example.cn");
    const other = await openSession({ db, user: actor, portal: "public" });
    const refused = await changePassword({
      db,
      actor,
      currentPassword: "not-my-password-1",
      newPassword: "New-pass-2027",
      currentSid: null,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FormError);
    expect(refused).toMatchObject({ key: "currentPasswordWrong", field: "currentPassword" });
    expect(await liveSession({ db, sid: other.sid })).not.toBeNull();
    expect(
      await verifyCredentials({ db, email: "org@example.cn", password: demoPassword, portal: "public" }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await db.auditLog.count({
        where: { action: "auth.changePassword", actorId: actor.id, outcome: "DENIED" },
      }),
    ).toBe(1);
  });

  it("holds the new password to the registration policy", () => {
    const parse = (password: string, confirm = password) =>
      ZChangePassword.safeParse({ currentPassword: "x", password, confirm }).error?.issues.map(
        (i) => i.message,
      );
    expect(parse("short1")).toEqual(["passwordTooShort"]);
    expect(parse("onlyletters-here")).toEqual(["passwordWeak"]);
    expect(parse("Good-pass-2027", "Other-pass-2027")).toEqual(["passwordMismatch"]);
    expect(parse("Good-pass-2027")).toBeUndefined();
  });
});

describe("signing out of the other sessions", () => {
  it("ends every session but this one", async () => {
    const actor = await demoActor(db, "citizen@example.cn");
    const here = await openSession({ db, user: actor, portal: "public" });
    const there = await openSession({ db, user: actor, portal: "public" });
    expect(await endOwnSessions({ db, actor, handle: "others", currentSid: here.sid })).toBe(1);
    expect(await liveSession({ db, sid: here.sid })).not.toBeNull();
    expect(await liveSession({ db, sid: there.sid })).toBeNull();
  });
});
