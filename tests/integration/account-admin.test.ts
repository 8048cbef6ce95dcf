import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { demoPassword } from "@/prisma/seed/demo-accounts";
import { verifyCredentials } from "@/lib/auth/verifyCredentials";
import { liveSession, openSession } from "@/lib/auth/sessions";
import type { TSessionUser } from "@/lib/auth/types";
import { createStaffAccount } from "@/lib/users/createStaffAccount";
import { grantRole, revokeRole } from "@/lib/users/changeRoles";
import { setAccountDisabled } from "@/lib/users/setAccountDisabled";
import { resetPassword } from "@/lib/users/resetPassword";
import { resetTwoFactor } from "@/lib/users/resetTwoFactor";
import { createApiToken, userForToken } from "@/lib/users/apiTokens";
import { accountDetail, listAccounts } from "@/lib/users/accountQueries";
import { passwordLinkFor, passwordLinkHours, setPasswordWithLink } from "@/lib/users/passwordLinks";
import { ZNewStaffAccount } from "@/lib/users/schema";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const hour = 3_600_000;
const newPassword = "Fresh-start-2027";

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["admin", "supervisor", "caseworker", "citizen"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

const db = () => database.prisma;

/** The token in the newest mail to an address (the only place the token exists). */
async function tokenMailedTo(email: string): Promise<{ token: string; text: string }> {
  const mail = await db().outboxMail.findFirstOrThrow({
    where: { to: email },
    orderBy: { createdAt: "desc" },
  });
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no link in ${mail.text}`);
  return { token, text: mail.text };
}

const signIn = (email: string, password: string, portal: "staff" | "public" = "staff") =>
  verifyCredentials({ db: db(), email, password, portal, ip: "203.0.113.7" });

async function sessionFor(email: string, portal: "staff" | "public" = "staff") {
  const user = await demoActor(db(), email);
  const { sid } = await openSession({ db: db(), user, portal });
  return sid;
}

const auditRows = (action: string, entityId?: string) =>
  db().auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });

async function refusedWith(key: string, run: Promise<unknown>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormError);
  expect((error as FormError).key).toBe(key);
}

describe("account administration: who may", () => {
  it("refuses anyone but an administrator as 'not found', and audits each refusal", async () => {
    const caseworker = actors.caseworker.id;
    for (const actor of [actors.supervisor, actors.caseworker]) {
      await expect(listAccounts({ db: db(), actor, filter: {} })).rejects.toBeInstanceOf(NotFoundError);
      await expect(accountDetail({ db: db(), actor, userId: caseworker })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        createStaffAccount({
          db: db(),
          actor,
          account: ZNewStaffAccount.parse({ email: "x@example.cn", name: "X", role: "ADMIN", scope: "all" }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        grantRole({ db: db(), actor, userId: actor.id, role: "ADMIN", scope: "all" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        setAccountDisabled({ db: db(), actor, userId: caseworker, disabled: true }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetPassword({ db: db(), actor, userId: caseworker })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(resetTwoFactor({ db: db(), actor, userId: caseworker })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    const denied = await db().auditLog.findMany({
      where: { outcome: "DENIED", actorId: actors.supervisor.id, action: { startsWith: "user." } },
    });
    expect(new Set(denied.map((row) => row.action))).toEqual(
      new Set([
        "user.list",
        "user.view",
        "user.create",
        "user.grantRole",
        "user.disable",
        "user.resetPassword",
        "user.resetTwoFactor",
      ]),
    );
    // nothing changed
    expect(await db().user.findMany({ where: { email: "x@example.cn" } })).toEqual([]);
    expect((await demoActor(db(), "caseworker@example.cn")).grants).toEqual(actors.caseworker.grants);
  });
});

describe("inviting a member of staff", () => {
  it("creates the account with its role and scope, mails a one-time link, and the link sets the password once", async () => {
    const userId = await createStaffAccount({
      db: db(),
      actor: actors.admin,
      account: ZNewStaffAccount.parse({
        email: "  New.Caseworker@Example.cn ",
        name: "孙新",
        role: "CASEWORKER",
        scope: "RSJ",
      }),
    });
    const email = "new.caseworker@example.cn";
    const detail = await accountDetail({ db: db(), actor: actors.admin, userId });
    expect(detail).toMatchObject({
      email,
      accountType: "STAFF",
      disabled: false,
      lastLoginAt: null,
      liveSessions: 0,
      twoFactorEnrolled: false,
      grants: [{ role: "CASEWORKER", department: { code: "RSJ" } }],
      pendingLink: { purpose: "invite" },
    });
    const [created] = await auditRows("user.create", userId);
    expect(created).toMatchObject({ actorId: actors.admin.id, outcome: "ALLOWED" });
    expect(created.detail).toMatchObject({ role: "CASEWORKER", department: "RSJ" });

    const { token, text } = await tokenMailedTo(email);
    expect(text).toContain(`/staff/set-password?token=${token}`);
    // only its hash is stored
    const link = await db().passwordLink.findFirstOrThrow({ where: { userId } });
    expect(link.tokenHash).not.toContain(token);
    expect(JSON.stringify(await db().passwordLink.findMany())).not.toContain(token);
    // the mail goes through the durable queue
    expect(await db().job.count({ where: { kind: "mail.send" } })).toBeGreaterThan(0);

    // no password works before the link is used
    expect(await signIn(email, demoPassword)).toEqual({ ok: false, error: "invalid" });
    expect(await passwordLinkFor({ db: db(), token })).toMatchObject({
      email,
      purpose: "invite",
      portal: "staff",
    });

    const now = Date.now();
    const expired = new Date(now + passwordLinkHours * hour + 1000);
    expect(await passwordLinkFor({ db: db(), token, now: expired })).toBeNull();
    expect(await setPasswordWithLink({ db: db(), token, password: newPassword, now: expired })).toBeNull();
    expect(
      await setPasswordWithLink({ db: db(), token, password: newPassword, now: new Date(now + 71 * hour) }),
    ).toEqual({ portal: "staff" });
    // single use
    expect(await setPasswordWithLink({ db: db(), token, password: "Another-one-2027" })).toBeNull();
    expect(await passwordLinkFor({ db: db(), token })).toBeNull();
    expect(await auditRows("user.setPassword", userId)).toHaveLength(1);

    const signedIn = await signIn(email, newPassword);
    expect(signedIn).toMatchObject({
      ok: true,
      user: { grants: [{ role: "CASEWORKER", department: "RSJ" }] },
    });
    expect(await signIn(email, "Another-one-2027")).toEqual({ ok: false, error: "invalid" });
  });

  it("refuses an address that already has an account, and an unknown department", async () => {
    await refusedWith(
      "emailTaken",
      createStaffAccount({
        db: db(),
        actor: actors.admin,
        account: ZNewStaffAccount.parse({
          email: "citizen@example.cn",
          name: "重复",
          role: "EDITOR",
          scope: "all",
        }),
      }),
    );
    await refusedWith(
      "choose",
      createStaffAccount({
        db: db(),
        actor: actors.admin,
        account: ZNewStaffAccount.parse({
          email: "nodept@example.cn",
          name: "无部门",
          role: "EDITOR",
          scope: "NOPE",
        }),
      }),
    );
    expect(await db().user.count({ where: { email: "nodept@example.cn" } })).toBe(0);
    // two administrators inviting one address at the same moment: one account, the other told why
    const invite = () =>
      createStaffAccount({
        db: db(),
        actor: actors.admin,
        account: ZNewStaffAccount.parse({
          email: "twice@example.cn",
          name: "两次",
          role: "EDITOR",
          scope: "all",
        }),
      });
    const outcomes = await Promise.allSettled([invite(), invite()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ key: "emailTaken", field: "email" });
    expect(await db().user.count({ where: { email: "twice@example.cn" } })).toBe(1);
    expect(
      ZNewStaffAccount.safeParse({ email: "a@example.cn", name: "A", role: "EDITOR", scope: "" }).success,
    ).toBe(false);
  });
});

describe("changes end the person's sessions at once and are audited", () => {
  it("adding and removing a role", async () => {
    const userId = actors.caseworker.id;
    let sid = await sessionFor("caseworker@example.cn");
    await grantRole({ db: db(), actor: actors.admin, userId, role: "CASEWORKER", scope: "MZJ" });
    expect(await liveSession({ db: db(), sid })).toBeNull();
    await refusedWith(
      "roleAlreadyHeld",
      grantRole({ db: db(), actor: actors.admin, userId, role: "CASEWORKER", scope: "MZJ" }),
    );

    sid = await sessionFor("caseworker@example.cn");
    const rsj = (await accountDetail({ db: db(), actor: actors.admin, userId }))!.grants.find(
      (grant) => grant.department?.code === "RSJ",
    )!;
    await revokeRole({ db: db(), actor: actors.admin, userId, grantId: rsj.id });
    expect(await liveSession({ db: db(), sid })).toBeNull();
    expect((await demoActor(db(), "caseworker@example.cn")).grants).toEqual([
      { role: "CASEWORKER", department: "MZJ" },
    ]);
    // someone else's grant is not found
    const adminGrant = (await accountDetail({ db: db(), actor: actors.admin, userId: actors.admin.id }))!
      .grants[0];
    await expect(
      revokeRole({ db: db(), actor: actors.admin, userId, grantId: adminGrant.id }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const rows = [
      ...(await auditRows("user.grantRole", userId)),
      ...(await auditRows("user.revokeRole", userId)),
    ];
    expect(rows.filter((row) => row.outcome === "ALLOWED").map((row) => row.detail)).toEqual([
      { role: "CASEWORKER", department: "MZJ" },
      { role: "CASEWORKER", department: "RSJ" },
    ]);
  });

  it("roles are for staff only", async () => {
    await refusedWith(
      "rolesForStaffOnly",
      grantRole({ db: db(), actor: actors.admin, userId: actors.citizen.id, role: "EDITOR", scope: "all" }),
    );
  });

  it("disabling signs out everywhere and refuses sign-in; enabling lets the password work again", async () => {
    const userId = actors.supervisor.id;
    const staffSid = await sessionFor("supervisor@example.cn");
    const otherSid = await sessionFor("supervisor@example.cn");
    await setAccountDisabled({ db: db(), actor: actors.admin, userId, disabled: true });
    expect(await liveSession({ db: db(), sid: staffSid })).toBeNull();
    expect(await liveSession({ db: db(), sid: otherSid })).toBeNull();
    expect(await signIn("supervisor@example.cn", demoPassword)).toEqual({ ok: false, error: "invalid" });
    await setAccountDisabled({ db: db(), actor: actors.admin, userId, disabled: false });
    expect(await signIn("supervisor@example.cn", demoPassword)).toMatchObject({ ok: true });
    expect((await auditRows("user.disable", userId)).map((row) => row.outcome)).toEqual(["ALLOWED"]);
    expect((await auditRows("user.enable", userId)).map((row) => row.outcome)).toEqual(["ALLOWED"]);
  });

  it("a password reset stops the old password and the API tokens at once and mails a new link; an older link stops working", async () => {
    const userId = actors.citizen.id;
    const sid = await sessionFor("citizen@example.cn", "public");
    const apiToken = await createApiToken({ db: db(), actor: actors.citizen, name: "报税软件" });
    expect(await userForToken({ db: db(), token: apiToken.token })).toMatchObject({ id: userId });
    await resetPassword({ db: db(), actor: actors.admin, userId });
    const first = await tokenMailedTo("citizen@example.cn");
    expect(first.text).toContain(`/zh-Hans/set-password?token=${first.token}`);
    expect(await liveSession({ db: db(), sid })).toBeNull();
    expect(await userForToken({ db: db(), token: apiToken.token })).toBeNull();
    expect((await auditRows("user.resetPassword", userId))[0].detail).toMatchObject({ revokedTokens: 1 });
    expect(await signIn("citizen@example.cn", demoPassword, "public")).toEqual({
      ok: false,
      error: "invalid",
    });

    await resetPassword({ db: db(), actor: actors.admin, userId });
    const second = await tokenMailedTo("citizen@example.cn");
    expect(second.token).not.toBe(first.token);
    expect(await setPasswordWithLink({ db: db(), token: first.token, password: newPassword })).toBeNull();
    expect(await setPasswordWithLink({ db: db(), token: second.token, password: newPassword })).toEqual({
      portal: "public",
    });
    expect(await signIn("citizen@example.cn", newPassword, "public")).toMatchObject({ ok: true });
    expect(await auditRows("user.resetPassword", userId)).toHaveLength(2);
  });

  it("a two-factor reset removes the enrolled secret and ends the sessions", async () => {
    const userId = actors.caseworker.id;
    await db().user.update({
      where: { id: userId },
      data: { totpSecret: "ONESTOPDEMOSTAFFTWOFACTORKEYAAAA" },
    });
    const sid = await sessionFor("caseworker@example.cn");
    await resetTwoFactor({ db: db(), actor: actors.admin, userId });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).totpSecret).toBeNull();
    expect(await liveSession({ db: db(), sid })).toBeNull();
    // the refused attempts of the first test are there too, as DENIED
    expect((await auditRows("user.resetTwoFactor", userId)).map((row) => row.outcome)).toEqual([
      "DENIED",
      "DENIED",
      "ALLOWED",
    ]);
  });
});

describe("there is always an administrator", () => {
  it("an administrator cannot remove their own administrator role nor disable themselves (refusals audited)", async () => {
    const admin = actors.admin;
    const own = (await accountDetail({ db: db(), actor: admin, userId: admin.id }))!.grants.find(
      (grant) => grant.role === "ADMIN",
    )!;
    await refusedWith(
      "ownAdministratorRole",
      revokeRole({ db: db(), actor: admin, userId: admin.id, grantId: own.id }),
    );
    await refusedWith(
      "disableSelf",
      setAccountDisabled({ db: db(), actor: admin, userId: admin.id, disabled: true }),
    );
    expect((await demoActor(db(), "admin@example.cn")).grants).toEqual([{ role: "ADMIN", department: null }]);
    const denied = await db().auditLog.findMany({
      where: { actorId: admin.id, entityId: admin.id, outcome: "DENIED" },
      orderBy: { id: "asc" },
    });
    expect(denied.map((row) => [row.action, row.detail])).toEqual([
      ["user.revokeRole", { rule: "ownAdministratorRole" }],
      ["user.disable", { rule: "disableSelf" }],
    ]);
  });

  it("the last enabled administrator can be neither disabled nor stripped of the role, even by a racing one", async () => {
    const secondId = await createStaffAccount({
      db: db(),
      actor: actors.admin,
      account: ZNewStaffAccount.parse({
        email: "admin2@example.cn",
        name: "第二管理员",
        role: "ADMIN",
        scope: "all",
      }),
    });
    // the second administrator as their session saw them before the first disabled them
    const second = await demoActor(db(), "admin2@example.cn");
    expect(second.grants).toEqual([{ role: "ADMIN", department: null }]);
    await setAccountDisabled({ db: db(), actor: actors.admin, userId: secondId, disabled: true });

    const adminGrant = (await accountDetail({ db: db(), actor: actors.admin, userId: actors.admin.id }))!
      .grants[0];
    await refusedWith(
      "lastAdministrator",
      setAccountDisabled({ db: db(), actor: second, userId: actors.admin.id, disabled: true }),
    );
    await refusedWith(
      "lastAdministrator",
      revokeRole({ db: db(), actor: second, userId: actors.admin.id, grantId: adminGrant.id }),
    );
    const admin = await db().user.findUniqueOrThrow({
      where: { id: actors.admin.id },
      include: { grants: true },
    });
    expect(admin.disabled).toBe(false);
    expect(admin.grants).toHaveLength(1);
    expect(
      await db().auditLog.count({
        where: { actorId: second.id, outcome: "DENIED", detail: { equals: { rule: "lastAdministrator" } } },
      }),
    ).toBe(2);

    // with the second one enabled again, the first may lose the role to them
    await setAccountDisabled({ db: db(), actor: actors.admin, userId: secondId, disabled: false });
    await revokeRole({ db: db(), actor: second, userId: actors.admin.id, grantId: adminGrant.id });
    expect((await demoActor(db(), "admin@example.cn")).grants).toEqual([]);
  });
});

describe("two administrators at once", () => {
  it("disabling each other at the same moment leaves one of them enabled", async () => {
    const thirdId = await createStaffAccount({
      db: db(),
      actor: actors.admin,
      account: ZNewStaffAccount.parse({
        email: "admin3@example.cn",
        name: "第三管理员",
        role: "ADMIN",
        scope: "all",
      }),
    });
    const second = await demoActor(db(), "admin2@example.cn");
    const third = await demoActor(db(), "admin3@example.cn");
    // the first administrator lost the role above: these two are the only ones
    const outcomes = await Promise.allSettled([
      setAccountDisabled({ db: db(), actor: second, userId: thirdId, disabled: true }),
      setAccountDisabled({ db: db(), actor: third, userId: second.id, disabled: true }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(
      await db().user.count({
        where: { disabled: false, grants: { some: { role: "ADMIN", departmentId: null } } },
      }),
    ).toBe(1);
  });
});

describe("the account list", () => {
  it("searches by name or e-mail and filters by kind, role, department and state, a page at a time", async () => {
    const list = (filter: Parameters<typeof listAccounts>[0]["filter"], page?: number) =>
      listAccounts({ db: db(), actor: actors.admin, filter, page });
    const emails = async (filter: Parameters<typeof listAccounts>[0]["filter"]) =>
      (await list(filter)).rows.map((row) => row.email).sort();
    expect(await emails({ q: "CASEWORKER2" })).toEqual(["caseworker2@example.cn"]);
    expect(await emails({ q: "张晓明" })).toEqual(["citizen@example.cn"]);
    expect(await emails({ kind: "citizen" })).toEqual([
      "citizen2@example.cn",
      "citizen@example.cn",
      "org@example.cn",
    ]);
    expect(await emails({ role: "CASEWORKER", department: "MZJ" })).toEqual([
      "caseworker2@example.cn",
      "caseworker@example.cn",
    ]);
    expect(await emails({ kind: "staff", role: "ADMIN" })).toEqual([
      "admin2@example.cn",
      "admin3@example.cn",
    ]);
    await setAccountDisabled({ db: db(), actor: actors.admin, userId: actors.citizen.id, disabled: true });
    expect(await emails({ kind: "citizen", state: "disabled" })).toEqual(["citizen@example.cn"]);
    const all = await list({}, 99);
    expect(all.page.page).toBe(all.page.pages);
    expect(all.total).toBe(await db().user.count());
  });
});
