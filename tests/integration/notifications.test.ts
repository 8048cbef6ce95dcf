import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startSmtpSink } from "../helpers/smtpSink";
import { submitApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";
import { drainJobs } from "@/lib/jobs/queue";
import { mailJobHandlers } from "@/lib/mail/jobs";
import { sendMail } from "@/lib/mail/sendMail";
import { listOutbox, retryMail } from "@/lib/notifications/queries";
import { xssPayloads } from "../fixtures/xss-payloads";
import { demoActor, employmentAnswers } from "../helpers/demo";

/** What each instance's job runner does every few seconds; `at` moves its clock. */
const runMailJobs = (at?: Date) =>
  drainJobs({ db: database.prisma, handlers: mailJobHandlers, ...(at ? { now: () => at } : {}) });

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  database = await createTestDatabase({ seeded: true });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  sink.stop();
  await database.close();
});

const actor = (email: string) => demoActor(database.prisma, email);

describe("notifications on status changes", () => {
  it("mails the applicant over real SMTP and notifies in the app, in the applicant's language", async () => {
    const citizen = await actor("citizen@example.cn");
    await database.prisma.user.update({ where: { id: citizen.id }, data: { locale: "en" } });
    const attachment = await database.prisma.attachment.create({
      data: {
        id: randomUUID().replace(/-/g, "").slice(0, 24),
        fileName: "a.pdf",
        mimeType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: `t/${randomUUID()}`,
        uploaderId: citizen.id,
      },
    });
    const { trackingNumber } = await submitApplication({
      db: database.prisma,
      actor: citizen,
      serviceCode: "RS-JYDJ-001",
      idempotencyKey: randomUUID(),
      answers: employmentAnswers(attachment.id),
    });
    // the request only queued the mail; the job runner sends it
    expect(sink.messages.some((m) => m.subject?.includes(trackingNumber))).toBe(false);
    await runMailJobs();
    const submitted = await sink.waitFor((m) => m.subject?.includes(trackingNumber) ?? false);
    expect(submitted.to).toContain("citizen@example.cn");
    expect(submitted.subject).toBe(`Case ${trackingNumber}: Application submitted`);

    const caseworker = await actor("caseworker@example.cn");
    await applyCaseStep({
      db: database.prisma,
      actor: caseworker,
      trackingNumber,
      step: "requestSupplement",
      expectedVersion: 1,
      missing: ["劳动合同首页"],
      reason: "请补充劳动合同",
    });
    await runMailJobs();
    const supplement = await sink.waitFor(
      (m) => m.subject === `Case ${trackingNumber}: More documents needed`,
    );
    expect(supplement.text).toContain("请补充劳动合同");
    expect(supplement.text).toContain("1. 劳动合同首页");
    expect(supplement.text).toContain(`/en/account/cases/${trackingNumber}`);

    const inApp = await database.prisma.notification.findMany({
      where: { userId: citizen.id },
      orderBy: { createdAt: "asc" },
    });
    expect(inApp.map((n) => n.kind)).toEqual(["case.submit", "case.requestSupplement"]);
    const outbox = await database.prisma.outboxMail.findMany({ where: { userId: citizen.id } });
    expect(outbox).toHaveLength(2);
    expect(outbox.every((m) => m.sentAt !== null && m.error === null)).toBe(true);
  });

  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const citizen = await actor("citizen2@example.cn");
      const queued = await sendMail({
        db: database.prisma,
        to: citizen.email,
        subject: "测试",
        text: "正文",
        userId: citizen.id,
      });
      expect(queued).toBe(true);
      await runMailJobs();
      expect(await database.prisma.outboxMail.count({ where: { subject: "测试", sentAt: null } })).toBe(1);
    } finally {
      process.env.SMTP_URL = saved;
    }
  });

  it("loses no mail while the SMTP server is down: 100 mails queued during a 30 s outage arrive exactly once after it returns", async () => {
    sink.stop();
    const started = Date.now();
    const subjects = Array.from({ length: 100 }, (_, n) => `outage ${n} ${randomUUID()}`);
    for (const subject of subjects)
      await sendMail({ db: database.prisma, to: "citizen@example.cn", subject, text: "正文" });
    // the runner tries while the server is down: every attempt fails and is kept for later
    await runMailJobs();
    const waiting = await database.prisma.outboxMail.findMany({ where: { subject: { in: subjects } } });
    expect(waiting).toHaveLength(100);
    expect(waiting.every((m) => m.sentAt === null && m.failedAt === null && m.error)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - started))));
    sink = await startSmtpSink(sink.port);
    // a retry is due after its back-off; the runner's clock is moved past it rather than waited for
    await runMailJobs(new Date(Date.now() + 10 * 60_000));
    const arrived = sink.messages.filter((m) => subjects.includes(m.subject ?? ""));
    expect(arrived).toHaveLength(100);
    expect(new Set(arrived.map((m) => m.subject)).size).toBe(100);
    const sent = await database.prisma.outboxMail.findMany({ where: { subject: { in: subjects } } });
    expect(sent.every((m) => m.sentAt !== null && m.error === null)).toBe(true);
    // nothing is sent twice by a later run
    await runMailJobs(new Date(Date.now() + 60 * 60_000));
    expect(sink.messages.filter((m) => subjects.includes(m.subject ?? ""))).toHaveLength(100);
  }, 90_000);

  it("ends a permanently refused address as a failed mail in the outbox, which an administrator can send again", async () => {
    const subject = `refused ${randomUUID()}`;
    await sendMail({ db: database.prisma, to: "refused@example.cn", subject, text: "正文" });
    await runMailJobs();
    const admin = await actor("admin@example.cn");
    const [failed] = (await listOutbox({ db: database.prisma, actor: admin })).filter(
      (m) => m.subject === subject,
    );
    expect(failed.failedAt).not.toBeNull();
    expect(failed.error).toMatch(/550/);
    // no retry is planned for it
    expect(await runMailJobs(new Date(Date.now() + 24 * 3600_000))).toBe(0);

    const caseworker = await actor("caseworker@example.cn");
    await expect(retryMail({ db: database.prisma, actor: caseworker, id: failed.id })).rejects.toThrow();
    await retryMail({ db: database.prisma, actor: admin, id: failed.id });
    const again = await database.prisma.outboxMail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(again.failedAt).toBeNull();
    expect(await runMailJobs()).toBe(1);
    const after = await database.prisma.outboxMail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(after.failedAt).not.toBeNull();
    // the administrator's retry and the caseworker's refusal are both on record
    const audited = await database.prisma.auditLog.findMany({
      where: { action: "mail.retry", entityId: failed.id },
      select: { actorId: true, outcome: true },
    });
    expect(audited).toEqual(
      expect.arrayContaining([
        { actorId: admin.id, outcome: "ALLOWED" },
        { actorId: caseworker.id, outcome: "DENIED" },
      ]),
    );
    expect(audited).toHaveLength(2);
  });

  it("carries the XSS corpus and header-injection attempts in subjects and bodies as text: one mail each, to its one recipient", async () => {
    const tag = randomUUID().slice(0, 8);
    const payloads = [
      ...xssPayloads,
      "x\r\nBcc: evil@example.cn",
      "x\nTo: evil@example.cn\n\n<script>alert(1)</script>",
      "x\r\n\r\nContent-Type: text/html\r\n\r\n<img src=x onerror=alert(1)>",
    ];
    for (const [i, payload] of payloads.entries())
      await sendMail({
        db: database.prisma,
        to: "citizen@example.cn",
        subject: `${tag} ${i} ${payload}`,
        text: payload,
      });
    await runMailJobs();
    const mine = sink.messages.filter((m) => m.subject?.startsWith(tag));
    expect(mine).toHaveLength(payloads.length);
    expect(mine.every((m) => m.to === "citizen@example.cn")).toBe(true);
    expect(sink.messages.some((m) => m.to.includes("evil@"))).toBe(false);
    // every subject arrives on one line, and every body as the text it was (plain text, no HTML part)
    expect(mine.every((m) => !/[\r\n]/.test(m.subject ?? ""))).toBe(true);
    for (const [i, payload] of payloads.entries()) {
      const mail = mine.find((m) => m.subject?.startsWith(`${tag} ${i} `));
      expect(mail?.text?.trim()).toBe(payload.replace(/\r\n/g, "\n").trim());
    }
  });
});
