import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser, maxFailedLogins, verifyCredentials } from "@/lib/auth/verifyCredentials";
import { registerCitizen } from "@/lib/users/registerCitizen";
import { FormError } from "@/lib/shared/errors";
import { ZRegister } from "@/lib/auth/schema";

let database: TestDatabase;
const password = "Correct-horse-2026";

beforeAll(async () => {
  database = await createTestDatabase();
  const p = database.prisma;
  const dept = await p.department.create({
    data: {
      code: "RSJ",
      name: "成都市人力资源和社会保障局",
      nameEn: "HRSS",
      shortName: "人社局",
      phone: "028-1",
      email: "a@b.cn",
      address: "x",
      hours: "y",
    },
  });
  const passwordHash = await hashPassword(password);
  await p.user.create({
    data: { email: "person@example.cn", name: "市民", accountType: "PERSON", passwordHash },
  });
  await p.user.create({
    data: {
      email: "staff@example.cn",
      name: "窗口",
      accountType: "STAFF",
      passwordHash,
      grants: { create: { role: "CASEWORKER", departmentId: dept.id } },
    },
  });
});
afterAll(() => database.close());

describe("verifyCredentials", () => {
  it("signs a citizen in at the public door only", async () => {
    const ok = await verifyCredentials({
      db: database.prisma,
      email: "Person@Example.cn",
      password,
      portal: "public",
    });
    expect(ok).toMatchObject({
      ok: true,
      user: { email: "person@example.cn", accountType: "PERSON", grants: [] },
    });
    expect(
      await verifyCredentials({ db: database.prisma, email: "person@example.cn", password, portal: "staff" }),
    ).toEqual({ ok: false, error: "invalid" });
  });

  it("signs staff in at the staff door with role and department scope, and audits it", async () => {
    const result = await verifyCredentials({
      db: database.prisma,
      email: "staff@example.cn",
      password,
      portal: "staff",
      ip: "127.0.0.1",
    });
    expect(result).toMatchObject({ ok: true, user: { grants: [{ role: "CASEWORKER", department: "RSJ" }] } });
    expect(
      await verifyCredentials({ db: database.prisma, email: "staff@example.cn", password, portal: "public" }),
    ).toEqual({ ok: false, error: "invalid" });
    const audit = await database.prisma.auditLog.findMany({
      where: { action: "auth.signIn", outcome: "ALLOWED" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].ip).toBe("127.0.0.1");
  });

  it("locks an account after repeated wrong passwords, even against the right one", async () => {
    for (let i = 1; i < maxFailedLogins; i++) {
      expect(
        await verifyCredentials({
          db: database.prisma,
          email: "staff@example.cn",
          password: "wrong",
          portal: "staff",
        }),
      ).toEqual({ ok: false, error: "invalid" });
    }
    expect(
      await verifyCredentials({
        db: database.prisma,
        email: "staff@example.cn",
        password: "wrong",
        portal: "staff",
      }),
    ).toEqual({ ok: false, error: "locked" });
    expect(
      await verifyCredentials({ db: database.prisma, email: "staff@example.cn", password, portal: "staff" }),
    ).toEqual({ ok: false, error: "locked" });
    expect(
      await database.prisma.auditLog.count({ where: { action: "auth.lockout", outcome: "DENIED" } }),
    ).toBe(1);
  });

  it("refuses a staff account without roles, and a disabled account, and drops their sessions", async () => {
    const p = database.prisma;
    const bare = await p.user.create({
      data: {
        email: "bare@example.cn",
        name: "无角色",
        accountType: "STAFF",
        passwordHash: await hashPassword(password),
      },
    });
    expect(await verifyCredentials({ db: p, email: "bare@example.cn", password, portal: "staff" })).toEqual({
      ok: false,
      error: "invalid",
    });
    const person = await p.user.update({ where: { email: "person@example.cn" }, data: { disabled: true } });
    expect(
      await verifyCredentials({ db: p, email: "person@example.cn", password, portal: "public" }),
    ).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await loadSessionUser({ db: p, userId: person.id })).toBeNull();
    await p.user.update({ where: { id: person.id }, data: { disabled: false } });
    expect((await loadSessionUser({ db: p, userId: person.id }))?.email).toBe("person@example.cn");
    expect((await loadSessionUser({ db: p, userId: bare.id }))?.grants).toEqual([]);
  });

  it("counts parallel wrong guesses exactly", async () => {
    const p = database.prisma;
    await p.user.create({
      data: {
        email: "burst@example.cn",
        name: "并发",
        accountType: "PERSON",
        passwordHash: await hashPassword(password),
      },
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        verifyCredentials({ db: p, email: "burst@example.cn", password: "wrong", portal: "public" }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.error === "locked").length).toBeGreaterThanOrEqual(1);
    const user = await p.user.findUniqueOrThrow({ where: { email: "burst@example.cn" } });
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await verifyCredentials({ db: p, email: "burst@example.cn", password, portal: "public" })).toEqual(
      {
        ok: false,
        error: "locked",
      },
    );
  });

  it("refuses an unknown address the same way as a wrong password", async () => {
    expect(
      await verifyCredentials({
        db: database.prisma,
        email: "nobody@example.cn",
        password,
        portal: "public",
      }),
    ).toEqual({ ok: false, error: "invalid" });
  });
});

describe("registerCitizen", () => {
  const input = ZRegister.parse({
    email: "new@example.cn",
    name: "新用户",
    accountType: "ORGANISATION",
    password: "Another-pass-99",
    confirm: "Another-pass-99",
  });

  it("creates an account that can sign in", async () => {
    const user = await registerCitizen({ ...input, db: database.prisma });
    expect(user.accountType).toBe("ORGANISATION");
    expect(
      await verifyCredentials({
        db: database.prisma,
        email: "new@example.cn",
        password: "Another-pass-99",
        portal: "public",
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses an address already in use as a field error", async () => {
    await expect(registerCitizen({ ...input, db: database.prisma })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.field === "email" && e.key === "emailTaken",
    );
  });

  it("validates the form with translated keys", () => {
    const result = ZRegister.safeParse({
      email: "bad",
      name: "",
      accountType: "PERSON",
      password: "short",
      confirm: "other",
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        "email:email",
        "name:required",
        "password:passwordTooShort",
        "confirm:passwordMismatch",
      ]),
    );
  });
});
