import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { demoActor } from "../helpers/demo";
import { registerStaffSignOn } from "@/lib/auth/registerStaffSignOn";
import { removeStaffSignOn } from "@/lib/auth/removeStaffSignOn";
import { listStaffSignOns } from "@/lib/auth/staffSignOnQueries";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import type { TSessionUser } from "@/lib/auth/types";

/** The administrators' page of staff sign-on links: its lib functions, on the real database. */
let database: TestDatabase;
let admin: TSessionUser;
let caseworker: TSessionUser;
let citizen: TSessionUser;
const issuer = "https://sso.gov.example.cn";

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  [admin, caseworker, citizen] = await Promise.all(
    ["admin@example.cn", "caseworker@example.cn", "citizen@example.cn"].map((email) =>
      demoActor(database.prisma, email),
    ),
  );
});
afterAll(async () => {
  await database?.close();
});

const denied = (action: string) =>
  database.prisma.auditLog.count({ where: { action, outcome: "DENIED", actorId: caseworker.id } });
const granted = (action: string) =>
  database.prisma.auditLog.findMany({ where: { action, outcome: "ALLOWED", actorId: admin.id } });

describe("staff sign-on administration", () => {
  it("registers a staff member by subject or by e-mail, lists them, and removes a link, audited", async () => {
    await registerStaffSignOn({
      db: database.prisma,
      actor: admin,
      issuer,
      userId: caseworker.id,
      subject: "s-wangjianguo",
    });
    const supervisor = await demoActor(database.prisma, "supervisor@example.cn");
    await registerStaffSignOn({
      db: database.prisma,
      actor: admin,
      issuer,
      userId: supervisor.id,
      email: " Supervisor@Example.cn ",
    });

    const list = await listStaffSignOns({ db: database.prisma, actor: admin });
    // every open staff account, citizens never
    expect(list.every((account) => account.email !== "citizen@example.cn")).toBe(true);
    expect(list.find((account) => account.id === caseworker.id)?.identities).toEqual([
      expect.objectContaining({ issuer, subject: "s-wangjianguo", email: null, linkedAt: expect.any(Date) }),
    ]);
    expect(list.find((account) => account.id === supervisor.id)?.identities).toEqual([
      expect.objectContaining({ issuer, subject: null, email: "supervisor@example.cn" }),
    ]);
    expect(list.find((account) => account.email === "editor@example.cn")?.identities).toEqual([]);
    expect((await granted("identity.registerStaff")).map((row) => row.detail)).toEqual(
      expect.arrayContaining([
        { issuer, subject: "s-wangjianguo", email: null },
        { issuer, subject: null, email: "supervisor@example.cn" },
      ]),
    );

    const link = list.find((account) => account.id === caseworker.id)!.identities[0];
    expect(await removeStaffSignOn({ db: database.prisma, actor: admin, identityId: link.id })).toEqual({
      userId: caseworker.id,
    });
    expect(await database.prisma.userIdentity.count({ where: { id: link.id } })).toBe(0);
    expect(await granted("identity.removeStaff")).toEqual([
      expect.objectContaining({
        entityId: caseworker.id,
        detail: { issuer, subject: "s-wangjianguo", email: null },
      }),
    ]);
    // removed once: a second removal finds nothing
    await expect(
      removeStaffSignOn({ db: database.prisma, actor: admin, identityId: link.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("says which field is wrong: neither subject nor e-mail, a bad e-mail, one taken by a citizen's identity", async () => {
    const register = (more: { subject?: string; email?: string; userId?: string }) =>
      registerStaffSignOn({ db: database.prisma, actor: admin, issuer, userId: caseworker.id, ...more });
    await expect(register({ subject: "", email: "" })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "staffSignOnSubjectOrEmail" && e.field === "subject",
    );
    await expect(register({ email: "not-an-address" })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "email" && e.field === "email",
    );
    await database.prisma.userIdentity.create({
      data: { userId: citizen.id, issuer, subject: "p-citizen", portal: "public" },
    });
    await expect(register({ subject: "p-citizen" })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "staffSignOnTaken" && e.field === "subject",
    );
    // a citizen's account cannot be registered for the staff door
    await expect(register({ userId: citizen.id, subject: "s-other" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses anyone but an administrator as not found, and audits each refusal", async () => {
    await expect(listStaffSignOns({ db: database.prisma, actor: caseworker })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await denied("identity.listStaff")).toBe(1);
    await expect(
      registerStaffSignOn({
        db: database.prisma,
        actor: caseworker,
        issuer,
        userId: caseworker.id,
        subject: "me",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await denied("identity.registerStaff")).toBe(1);
    const someone = await database.prisma.userIdentity.findFirstOrThrow({ where: { portal: "staff" } });
    await expect(
      removeStaffSignOn({ db: database.prisma, actor: caseworker, identityId: someone.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await denied("identity.removeStaff")).toBe(1);
    expect(await database.prisma.userIdentity.count({ where: { id: someone.id } })).toBe(1);
    expect(await database.prisma.userIdentity.count({ where: { subject: "me" } })).toBe(0);
  });
});
