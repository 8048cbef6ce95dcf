import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startSmsProviderStub } from "../helpers/smsProviderStub";
import { demoActor } from "../helpers/demo";
import { drainJobs, maxJobAttempts } from "@/lib/jobs/queue";
import { smsJobHandlers } from "@/lib/sms/jobs";
import { queueSms } from "@/lib/sms/sendSms";
import { listSmsOutbox, recordSmsReceipts, retrySms } from "@/lib/sms/outbox";
import { receiveSmsReceipts } from "@/lib/sms/receiptRoute";
import { signedHeaders } from "@/lib/sms/signature";
import { normaliseMobile } from "@/lib/sms/templates";
import { checkSmsCode, sendSmsCode, SmsCodeError, smsCodeRules } from "@/lib/sms/codes";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import { enqueueJob } from "@/lib/jobs/queue";
import { noticeJobHandlers } from "@/lib/notices/jobs";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { confirmMobileChange, requestMobileChange, signInWithSmsCode } from "@/lib/sms/mobileAccount";
import { notifyChoicesOf, queueLetterRepliedSms, saveNotifyChoices } from "@/lib/sms/choices";
import { composeCaseNotice, queueCaseNotice } from "@/lib/notifications/notifyApplicant";

const keys = { keyId: "LTAI-test-key", secret: "test-secret-of-the-access-key" };
let database: TestDatabase;
let stub: Awaited<ReturnType<typeof startSmsProviderStub>>;

/** What each instance's job runner does every few seconds; `at` moves its clock. */
const runSmsJobs = (at?: Date) =>
  drainJobs({ db: database.prisma, handlers: smsJobHandlers, ...(at ? { now: () => at } : {}) });

const useProvider = () => {
  process.env.SMS_URL = stub.url;
  process.env.SMS_ACCESS_KEY_ID = keys.keyId;
  process.env.SMS_ACCESS_KEY_SECRET = keys.secret;
  process.env.SMS_SIGN_NAME = "成都政务";
};
const useLocalDriver = () => {
  delete process.env.SMS_URL;
};

beforeAll(async () => {
  stub = await startSmsProviderStub(keys);
  database = await createTestDatabase({ seeded: true });
});
afterAll(async () => {
  useLocalDriver();
  delete process.env.SMS_ACCESS_KEY_ID;
  delete process.env.SMS_ACCESS_KEY_SECRET;
  delete process.env.SMS_SIGN_NAME;
  await stub.stop();
  await database.close();
});
beforeEach(() => {
  stub.state.failWith = null;
  stub.requests.length = 0;
});

const queue = (to: string, number: string) =>
  database.prisma.$transaction((tx) =>
    queueSms(tx, { to, template: "supplementRequested", params: { number } }),
  );

describe("the SMS provider driver", () => {
  it("sends signed requests with the signature, template code and parameters, and records the provider's id", async () => {
    useProvider();
    await queue("13800138001", "CD-2026-000123");
    // queued, not sent: the request never waits for the provider
    expect(stub.requests).toHaveLength(0);
    expect(await runSmsJobs()).toBe(1);
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request.signed).toBe(true);
    expect(request.body.PhoneNumbers).toBe("13800138001");
    expect(request.body.SignName).toBe("成都政务");
    expect(request.body.TemplateCode).toBe("supplementRequested");
    expect(JSON.parse(request.body.TemplateParam)).toEqual({ number: "CD-2026-000123" });
    const row = await database.prisma.outboxSms.findUniqueOrThrow({ where: { id: request.body.OutId } });
    expect(row.sentAt).not.toBeNull();
    expect(row.providerId).toMatch(/^biz-\d+$/);
  });

  it("uses the provider's template code from the environment, and a wrong key is refused for good", async () => {
    useProvider();
    process.env.SMS_TEMPLATE_SUPPLEMENTREQUESTED = "SMS_465010001";
    process.env.SMS_ACCESS_KEY_SECRET = "not-the-secret";
    try {
      await queue("13800138002", "CD-2026-000124");
      await runSmsJobs();
    } finally {
      delete process.env.SMS_TEMPLATE_SUPPLEMENTREQUESTED;
      process.env.SMS_ACCESS_KEY_SECRET = keys.secret;
    }
    expect(stub.requests[0]).toMatchObject({ signed: false, body: { TemplateCode: "SMS_465010001" } });
    // a 403 is a refusal: no retry helps, the SMS ends failed at once
    const row = await database.prisma.outboxSms.findFirstOrThrow({ where: { to: "13800138002" } });
    expect(row.failedAt).not.toBeNull();
    expect(row.error).toMatch(/403/);
  });

  it("retries a failing provider with a growing delay, ends failed in the outbox, and an administrator sends it again", async () => {
    useProvider();
    stub.state.failWith = 503;
    await queue("13800138003", "CD-2026-000125");
    const outbox = () => database.prisma.outboxSms.findFirstOrThrow({ where: { to: "13800138003" } });
    const job = async () =>
      database.prisma.job.findFirstOrThrow({
        where: { kind: "sms.send", payload: { path: ["outboxId"], equals: (await outbox()).id } },
      });
    await runSmsJobs();
    expect((await outbox()).error).toMatch(/503/);
    expect((await outbox()).failedAt).toBeNull();
    const afterFirst = await job();
    expect(afterFirst.attempts).toBe(1);
    expect(afterFirst.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // nothing due now: the backoff holds it
    expect(await runSmsJobs()).toBe(0);
    expect(stub.requests).toHaveLength(1);
    let clock = Date.now();
    for (let attempt = 2; attempt <= maxJobAttempts; attempt++) {
      clock += 3 * 3_600_000;
      await runSmsJobs(new Date(clock));
    }
    expect(stub.requests).toHaveLength(maxJobAttempts);
    expect(stub.requests.every((r) => r.signed)).toBe(true);
    const failed = await outbox();
    expect(failed.failedAt).not.toBeNull();
    expect(failed.sentAt).toBeNull();

    const admin = await demoActor(database.prisma, "admin@example.cn");
    const listed = await listSmsOutbox({ db: database.prisma, actor: admin });
    expect(listed.find((row) => row.id === failed.id)?.failedAt).not.toBeNull();
    // nobody else reads the outbox or sends again: 404, audited
    const citizen = await demoActor(database.prisma, "citizen@example.cn");
    await expect(listSmsOutbox({ db: database.prisma, actor: citizen })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(retrySms({ db: database.prisma, actor: citizen, id: failed.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    stub.state.failWith = null;
    await retrySms({ db: database.prisma, actor: admin, id: failed.id });
    expect((await outbox()).failedAt).toBeNull();
    await runSmsJobs();
    expect((await outbox()).sentAt).not.toBeNull();
    expect(stub.requests).toHaveLength(maxJobAttempts + 1);
    const audits = await database.prisma.auditLog.findMany({
      where: { action: "sms.retry", entityId: failed.id },
    });
    expect(audits.map((a) => [a.actorId, a.outcome]).sort()).toEqual(
      [
        [admin.id, "ALLOWED"],
        [citizen.id, "DENIED"],
      ].sort(),
    );
  });
});

describe("delivery receipts", () => {
  it("records signed receipts and refuses unsigned, stale or oversized ones", async () => {
    useProvider();
    await queue("13800138004", "CD-2026-000126");
    await runSmsJobs();
    const sent = await database.prisma.outboxSms.findFirstOrThrow({ where: { to: "13800138004" } });
    const body = JSON.stringify([
      { biz_id: sent.providerId, success: true, err_code: "DELIVERED", report_time: "2026-12-01 10:00:05" },
      { biz_id: "unknown-to-the-portal", success: false, err_code: "MK:0001" },
    ]);
    // unsigned, a wrong key, a stale timestamp: refused without touching a row
    const unsigned = await recordSmsReceipts({ db: database.prisma, body, headers: new Headers() });
    expect(unsigned.ok).toBe(false);
    const wrongKey = signedHeaders({ body, keyId: keys.keyId, secret: "guess" });
    expect((await recordSmsReceipts({ db: database.prisma, body, headers: new Headers(wrongKey) })).ok).toBe(
      false,
    );
    const stale = signedHeaders({ body, ...keys, now: new Date(Date.now() - 10 * 60_000) });
    expect((await recordSmsReceipts({ db: database.prisma, body, headers: new Headers(stale) })).ok).toBe(
      false,
    );
    const tampered = signedHeaders({ body, ...keys });
    expect(
      (
        await recordSmsReceipts({
          db: database.prisma,
          body: body.replace("true", "false"),
          headers: new Headers(tampered),
        })
      ).ok,
    ).toBe(false);
    expect(
      (await database.prisma.outboxSms.findUniqueOrThrow({ where: { id: sent.id } })).receiptStatus,
    ).toBeNull();

    const result = await recordSmsReceipts({
      db: database.prisma,
      body,
      headers: new Headers(signedHeaders({ body, ...keys })),
    });
    expect(result).toEqual({ ok: true, updated: 1 });
    const delivered = await database.prisma.outboxSms.findUniqueOrThrow({ where: { id: sent.id } });
    expect(delivered.receiptStatus).toBe("DELIVERED");
    expect(delivered.receiptAt?.toISOString()).toBe("2026-12-01T02:00:05.000Z");

    // the route: 401 unsigned, 413 past the limit, read no further
    const unsignedRoute = await receiveSmsReceipts(
      new Request("http://portal/api/sms/receipt", { method: "POST", body }),
    );
    expect(unsignedRoute.status).toBe(401);
    const huge = await receiveSmsReceipts(
      new Request("http://portal/api/sms/receipt", {
        method: "POST",
        body: "[" + " ".repeat(300 * 1024) + "]",
      }),
    );
    expect(huge.status).toBe(413);
  });
});

describe("mobile codes", () => {
  const latestCode = async (mobile: string) => {
    const row = await database.prisma.outboxSms.findFirstOrThrow({
      where: { to: mobile, template: "verificationCode" },
      orderBy: { createdAt: "desc" },
    });
    return (row.params as { code: string }).code;
  };
  const reason = (promise: Promise<unknown>) =>
    promise.then(
      () => "passed",
      (error: unknown) => (error instanceof SmsCodeError ? error.reason : error),
    );

  it("normalises numbers as people type them", () => {
    expect(normaliseMobile("+86 138-0013-8000")).toBe("13800138000");
    expect(normaliseMobile("8613800138000")).toBe("13800138000");
    expect(normaliseMobile("12800138000")).toBeNull();
    expect(normaliseMobile("1380013800")).toBeNull();
  });

  it("keeps codes hashed, expires them after 5 minutes, and waits 60 s before another", async () => {
    useLocalDriver();
    const mobile = "13900139001";
    const t0 = new Date("2026-12-01T08:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    await sendSmsCode({ db: database.prisma, mobile, purpose: "signIn", ip: "10.1.0.1", now: t0 });
    const code = await latestCode(mobile);
    expect(code).toMatch(/^\d{6}$/);
    const stored = await database.prisma.smsCode.findFirstOrThrow({ where: { mobile } });
    expect(stored.codeHash).not.toContain(code);
    expect(stored.expiresAt.getTime() - t0.getTime()).toBe(smsCodeRules.lifetimeMs);
    // the local driver keeps it in the outbox: the job sends nothing anywhere
    await runSmsJobs();
    expect(stub.requests).toHaveLength(0);

    const wait = await sendSmsCode({
      db: database.prisma,
      mobile,
      purpose: "signIn",
      ip: "10.1.0.1",
      now: at(59_000),
    }).catch((error: unknown) => error);
    expect(wait).toBeInstanceOf(SmsCodeError);
    expect(wait).toMatchObject({ reason: "codeResendWait", seconds: 1 });

    const check = (typed: string, ms: number) =>
      reason(
        checkSmsCode({
          db: database.prisma,
          mobile,
          purpose: "signIn",
          code: typed,
          ip: "10.1.0.1",
          now: at(ms),
        }),
      );
    expect(await check(code, 5 * 60_000)).toBe("codeExpired");
    // a new code replaces the old one
    await sendSmsCode({
      db: database.prisma,
      mobile,
      purpose: "signIn",
      ip: "10.1.0.1",
      now: at(6 * 60_000),
    });
    const second = await latestCode(mobile);
    expect(await check(second, 6 * 60_000 + 1000)).toBe("passed");
    // used once only
    expect(await check(second, 6 * 60_000 + 2000)).toBe("codeExpired");
    // a code for one purpose does not serve another
    expect(
      await reason(
        checkSmsCode({
          db: database.prisma,
          mobile,
          purpose: "changeNew",
          code: second,
          ip: null,
          now: at(6 * 60_000),
        }),
      ),
    ).toBe("codeExpired");
  });

  it("allows 5 tries of a code: the sixth is refused even when right", async () => {
    useLocalDriver();
    const mobile = "13900139002";
    const now = new Date();
    await sendSmsCode({ db: database.prisma, mobile, purpose: "signIn", ip: "10.1.0.2", now });
    const code = await latestCode(mobile);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < smsCodeRules.maxAttempts; i++)
      expect(
        await reason(
          checkSmsCode({ db: database.prisma, mobile, purpose: "signIn", code: wrong, ip: "10.1.0.2", now }),
        ),
      ).toBe("codeWrong");
    expect(
      await reason(
        checkSmsCode({ db: database.prisma, mobile, purpose: "signIn", code, ip: "10.1.0.2", now }),
      ),
    ).toBe("codeTooManyTries");
  });

  it("limits codes per number and per address", async () => {
    useLocalDriver();
    const t0 = Date.now();
    const send = (mobile: string, ip: string, step: number) =>
      sendSmsCode({ db: database.prisma, mobile, purpose: "signIn", ip, now: new Date(t0 + step * 61_000) });
    // one number from many addresses: 5 an hour
    for (let i = 0; i < 5; i++) await send("13900139003", `10.2.0.${i}`, i);
    await expect(send("13900139003", "10.2.0.9", 5)).rejects.toBeInstanceOf(TooManyRequestsError);
    // one address, many numbers: 10 an hour
    for (let i = 0; i < 10; i++) await send(`1370013${String(i).padStart(4, "0")}`, "10.3.0.1", 0);
    await expect(send("13700139999", "10.3.0.1", 0)).rejects.toBeInstanceOf(TooManyRequestsError);
    // the refused address did not use up that number's count
    await send("13700139999", "10.3.0.2", 0);
  });
});

describe("mobile accounts and channel choices", () => {
  const codeFor = async (mobile: string) => {
    const row = await database.prisma.outboxSms.findFirstOrThrow({
      where: { to: mobile, template: "verificationCode" },
      orderBy: { createdAt: "desc" },
    });
    return (row.params as { code: string }).code;
  };
  const formError = (promise: Promise<unknown>) =>
    promise.then(
      () => "passed",
      (error: unknown) => (error instanceof FormError ? `${error.field}:${error.key}` : error),
    );

  it("registers a new number by code, signs a known number in, and changes a number with codes to both", async () => {
    useLocalDriver();
    const db = database.prisma;
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    // a number nobody has: the code registers it, with the name typed beside it
    await sendSmsCode({ db, mobile: "13600136001", purpose: "signIn", ip: null, now: t0 });
    const first = await codeFor("13600136001");
    expect(
      await formError(signInWithSmsCode({ db, mobile: "13600136001", code: first, ip: null, now: t0 })),
    ).toBe("name:required");
    await sendSmsCode({ db, mobile: "13600136001", purpose: "signIn", ip: null, now: at(61_000) });
    const user = await signInWithSmsCode({
      db,
      mobile: "13600136001",
      code: await codeFor("13600136001"),
      name: "王小明",
      ip: null,
      now: at(62_000),
    });
    expect(user).toMatchObject({ name: "王小明", accountType: "PERSON", grants: [] });

    // the demo citizen gets a number, by a code to it (no old number yet)
    const citizen = await demoActor(db, "citizen@example.cn");
    expect(
      await requestMobileChange({ db, actor: citizen, newMobile: "13600136002", ip: null, now: t0 }),
    ).toEqual({
      needsOldCode: false,
    });
    await confirmMobileChange({
      db,
      actor: citizen,
      newMobile: "13600136002",
      newCode: await codeFor("13600136002"),
      ip: null,
      now: t0,
    });
    await sendSmsCode({ db, mobile: "13600136002", purpose: "signIn", ip: null, now: t0 });
    const signedIn = await signInWithSmsCode({
      db,
      mobile: "13600136002",
      code: await codeFor("13600136002"),
      ip: null,
      now: t0,
    });
    expect(signedIn.id).toBe(citizen.id);

    // changing it needs the code to the old number too
    expect(
      await requestMobileChange({ db, actor: citizen, newMobile: "13600136003", ip: null, now: at(61_000) }),
    ).toEqual({
      needsOldCode: true,
    });
    const newCode = await codeFor("13600136003");
    const oldCode = await codeFor("13600136002");
    expect(
      await formError(
        confirmMobileChange({
          db,
          actor: citizen,
          newMobile: "13600136003",
          newCode,
          oldCode: oldCode === "000000" ? "111111" : "000000",
          ip: null,
          now: at(62_000),
        }),
      ),
    ).toBe("oldCode:codeWrong");
    // a number another account holds is refused even with its codes
    await requestMobileChange({ db, actor: citizen, newMobile: "13600136001", ip: null, now: at(130_000) });
    expect(
      await formError(
        confirmMobileChange({
          db,
          actor: citizen,
          newMobile: "13600136001",
          newCode: await codeFor("13600136001"),
          oldCode: await codeFor("13600136002"),
          ip: null,
          now: at(131_000),
        }),
      ),
    ).toBe("mobile:mobileTaken");
    await requestMobileChange({ db, actor: citizen, newMobile: "13600136003", ip: null, now: at(200_000) });
    await confirmMobileChange({
      db,
      actor: citizen,
      newMobile: "13600136003",
      newCode: await codeFor("13600136003"),
      oldCode: await codeFor("13600136002"),
      ip: null,
      now: at(201_000),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: citizen.id } })).mobile).toBe("13600136003");
    expect(await db.auditLog.count({ where: { action: "user.mobileChange", actorId: citizen.id } })).toBe(2);
  });

  it("sends case notices by the channels the citizen chose for their kind", async () => {
    useLocalDriver();
    const db = database.prisma;
    const citizen = await demoActor(db, "citizen2@example.cn");
    await db.user.update({
      where: { id: citizen.id },
      data: { mobile: "13500135001", mobileVerifiedAt: new Date() },
    });
    expect((await notifyChoicesOf({ db, actor: citizen })).supplement).toEqual({ email: true, sms: false });
    await saveNotifyChoices({
      db,
      actor: citizen,
      choices: { supplement: "sms", decision: "both", letterReply: "email", emergency: "sms" },
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: citizen.id } });
    const send = async (kind: string, trackingNumber: string) => {
      const notice = await composeCaseNotice({
        applicant: user,
        trackingNumber,
        service: { name: "就业登记", nameEn: "Employment registration" },
        status: kind === "requestSupplement" ? "SUPPLEMENT" : "APPROVED",
        kind,
      });
      await db.$transaction((tx) => queueCaseNotice(tx, notice));
      return {
        mails: await db.outboxMail.count({ where: { subject: { contains: trackingNumber } } }),
        sms: await db.outboxSms.findMany({
          where: { to: "13500135001", params: { path: ["number"], equals: trackingNumber } },
        }),
      };
    };
    const supplement = await send("requestSupplement", "CD-TEST-SMS-1");
    expect(supplement.mails).toBe(0);
    expect(supplement.sms.map((s) => [s.template, s.params])).toEqual([
      ["supplementRequested", { number: "CD-TEST-SMS-1" }],
    ]);
    const decided = await send("approve", "CD-TEST-SMS-2");
    expect(decided.mails).toBe(1);
    expect(decided.sms.map((s) => s.template)).toEqual(["caseDecided"]);
    // a kind without an SMS template (accepted) is mailed as before
    const accepted = await send("accept", "CD-TEST-SMS-3");
    expect([accepted.mails, accepted.sms.length]).toEqual([1, 0]);
    // letter replies: e-mail chosen, so no SMS; then SMS chosen, so one
    await db.$transaction((tx) => queueLetterRepliedSms(tx, { writerId: citizen.id, number: "XF-TEST-1" }));
    await saveNotifyChoices({
      db,
      actor: citizen,
      choices: { supplement: "sms", decision: "both", letterReply: "sms", emergency: "sms" },
    });
    await db.$transaction((tx) => queueLetterRepliedSms(tx, { writerId: citizen.id, number: "XF-TEST-2" }));
    const letterSms = await db.outboxSms.findMany({
      where: { template: "letterReplied", to: "13500135001" },
    });
    expect(letterSms.map((s) => s.params)).toEqual([{ number: "XF-TEST-2" }]);
    // SMS chosen but no number: mailed, never dropped
    await db.user.update({ where: { id: citizen.id }, data: { mobile: null } });
    const noNumber = await composeCaseNotice({
      applicant: { ...user, mobile: null },
      trackingNumber: "CD-TEST-SMS-4",
      service: { name: "就业登记", nameEn: null },
      status: "SUPPLEMENT",
      kind: "requestSupplement",
    });
    await db.$transaction((tx) => queueCaseNotice(tx, noNumber));
    expect(await db.outboxMail.count({ where: { subject: { contains: "CD-TEST-SMS-4" } } })).toBe(1);
  });
});

describe("emergency notices", () => {
  it("texts 1,000 residents of the targeted community who chose SMS, in batches, exactly once each", async () => {
    useLocalDriver();
    const db = database.prisma;
    const [target, other] = await db.community.findMany({ take: 2, orderBy: { code: "asc" } });
    const residents = Array.from({ length: 1000 }, (_, i) => ({
      id: `sms-resident-${String(i).padStart(4, "0")}`,
      email: `resident${i}@sms.example`,
      passwordHash: "x",
      name: `居民${i}`,
      accountType: "PERSON" as const,
      mobile: `1880000${String(i).padStart(4, "0")}`,
    }));
    // beside them: one who chose e-mail, one in another community
    const others = [
      {
        ...residents[0],
        id: "sms-resident-email",
        email: "resident-email@sms.example",
        mobile: "18811110001",
      },
      {
        ...residents[0],
        id: "sms-resident-other",
        email: "resident-other@sms.example",
        mobile: "18811110002",
      },
    ];
    await db.user.createMany({ data: [...residents, ...others] });
    await db.userCommunity.createMany({
      data: [
        ...residents.map((r) => ({ userId: r.id, communityId: target.id })),
        { userId: "sms-resident-email", communityId: target.id },
        { userId: "sms-resident-other", communityId: other.id },
      ],
    });
    await db.notifyChoice.createMany({
      data: [
        ...residents.map((r) => ({ userId: r.id, kind: "emergency", email: false, sms: true })),
        { userId: "sms-resident-email", kind: "emergency", email: true, sms: false },
        { userId: "sms-resident-other", kind: "emergency", email: false, sms: true },
      ],
    });
    const notice = await db.notice.create({
      data: {
        title: "防汛四级应急响应：请远离河道",
        body: "今晚有暴雨。",
        category: "emergency",
        status: "PUBLISHED",
        publishedAt: new Date(),
        source: "应急管理局",
        targets: { create: [{ communityId: target.id }] },
      },
    });
    // the notice's mail-out job texts them; a second run of it (a retry) texts nobody again
    for (let run = 0; run < 2; run++) {
      await db.$transaction((tx) =>
        enqueueJob(tx, { kind: "notice.mail", payload: { noticeId: notice.id } }),
      );
      await drainJobs({ db, handlers: noticeJobHandlers });
    }
    const texts = await db.outboxSms.findMany({
      where: { template: "emergencyNotice", params: { path: ["title"], equals: notice.title } },
      select: { to: true, params: true },
    });
    expect(texts).toHaveLength(1000);
    expect(new Set(texts.map((t) => t.to)).size).toBe(1000);
    expect(texts.some((t) => t.to.startsWith("1881111"))).toBe(false);
    expect(texts[0].params).toEqual({ community: target.name, title: notice.title });
    expect(
      await db.job.count({
        where: { kind: "sms.send", uniqueKey: { startsWith: `sms:emergency:${notice.id}:` } },
      }),
    ).toBe(1000);
  });
});
