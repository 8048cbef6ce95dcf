import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser, verifyCredentials } from "@/lib/auth/verifyCredentials";
import { limits } from "@/lib/throttle/limits";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import { confirmRegistration, registerCitizen, registrationMailJob } from "@/lib/users/registerCitizen";
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

  it("slows down repeated wrong passwords from one address, even against the right one, without locking the account elsewhere", async () => {
    const attempt = (pw: string, ip: string) =>
      verifyCredentials({
        db: database.prisma,
        email: "staff@example.cn",
        password: pw,
        portal: "staff",
        ip,
      });
    for (let i = 0; i < limits.signInAccountAddress[0].points; i++)
      expect(await attempt("wrong", "198.51.100.1")).toEqual({ ok: false, error: "invalid" });
    const refused = await attempt(password, "198.51.100.1").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(60);
    // the owner elsewhere is not held, and nothing was locked on the account
    expect(await attempt(password, "203.0.113.5")).toMatchObject({ ok: true });
    expect(
      await database.prisma.auditLog.count({
        where: { action: "auth.signInThrottled", outcome: "DENIED", ip: "198.51.100.1" },
      }),
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
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        verifyCredentials({
          db: p,
          email: "burst@example.cn",
          password: "wrong",
          portal: "public",
          ip: "192.0.2.8",
        }),
      ),
    );
    const allowed = limits.signInAccountAddress[0].points;
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(allowed);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason instanceof TooManyRequestsError),
    ).toHaveLength(8 - allowed);
    await expect(
      verifyCredentials({ db: p, email: "burst@example.cn", password, portal: "public", ip: "192.0.2.8" }),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
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

  const mails = () =>
    database.prisma.job.findMany({ where: { kind: registrationMailJob }, orderBy: { createdAt: "asc" } });
  const signInNew = () =>
    verifyCredentials({
      db: database.prisma,
      email: "new@example.cn",
      password: "Another-pass-99",
      portal: "public",
    });

  it("creates an account that signs in once the mailed link confirms it", async () => {
    await registerCitizen({ ...input, locale: "en", db: database.prisma });
    expect(await signInNew()).toEqual({ ok: false, error: "invalid" });
    const [mail] = await mails();
    expect(mail.payload).toMatchObject({ email: "new@example.cn", kind: "confirm", locale: "en" });
    const token = (mail.payload as { token: string }).token;
    expect(await confirmRegistration({ token, db: database.prisma })).toMatchObject({
      email: "new@example.cn",
      accountType: "ORGANISATION",
    });
    expect(await confirmRegistration({ token, db: database.prisma })).toBeNull();
    expect(await signInNew()).toMatchObject({ ok: true });
  });

  it("answers an address already in use exactly as a new one, and mails its owner instead", async () => {
    const before = await database.prisma.user.findUniqueOrThrow({ where: { email: "new@example.cn" } });
    await expect(
      registerCitizen({
        ...input,
        password: "Hijack-pass-99",
        confirm: "Hijack-pass-99",
        locale: "zh-Hans",
        db: database.prisma,
      }),
    ).resolves.toBeUndefined();
    const after = await database.prisma.user.findUniqueOrThrow({ where: { email: "new@example.cn" } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect((await mails()).at(-1)?.payload).toEqual({
      email: "new@example.cn",
      kind: "taken",
      locale: "zh-Hans",
    });
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
