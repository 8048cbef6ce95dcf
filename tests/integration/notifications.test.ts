import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startSmtpSink } from "../helpers/smtpSink";
import { seedDemo } from "@/prisma/seed/seed";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import { submitApplication } from "@/lib/cases/submitApplication";
import { applyCaseStep } from "@/lib/cases/applyCaseStep";

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  database = await createTestDatabase();
  await seedDemo(database.prisma);
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  sink.stop();
  await database.close();
});

async function actor(email: string) {
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email } });
  return (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
}

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
      answers: {
        fullName: "张晓明",
        idNumber: "510104199003071237",
        mobile: "13800280001",
        employer: "成都蓉城科技有限公司",
        startDate: "2026-11-02",
        employmentType: "full-time",
        idCardCopy: attachment.id,
      },
    });
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
      const { sendMail } = await import("@/lib/mail/sendMail");
      const result = await sendMail({
        db: database.prisma,
        to: citizen.email,
        subject: "测试",
        text: "正文",
        userId: citizen.id,
      });
      expect(result.sent).toBe(false);
      expect(await database.prisma.outboxMail.count({ where: { subject: "测试", sentAt: null } })).toBe(1);
    } finally {
      process.env.SMTP_URL = saved;
    }
  });
});
