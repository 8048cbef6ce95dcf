import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { seedDemo } from "@/prisma/seed/seed";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { applyNoticeStep, createNoticeDraft, publishDueNotices, ZNoticeDraft } from "@/lib/notices/noticeSteps";
import { FormError, NotFoundError } from "@/lib/shared/errors";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma);
  for (const name of ["editor", "editor2", "supervisor", "citizen", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser(database.prisma, user.id))!;
  }
});
afterAll(() => database.close());

const draft = async (category: "utilities" | "emergency", publishAt: Date) => {
  const community = await database.prisma.community.findFirstOrThrow({ orderBy: { code: "asc" } });
  return ZNoticeDraft.parse({ title: "12月5日停水通知", body: "## 停水时间\n\n9:00—18:00", category, communities: [community.code], source: "社区居委会", publishAt, expiresAt: null, pinned: false });
};

describe("the two-person notice workflow", () => {
  it("draft → submitted → approved by a different editor → published at its time, once", async () => {
    const at = new Date("2026-12-01T01:00:00Z");
    const notice = await createNoticeDraft(database.prisma, { actor: actors.editor, draft: await draft("utilities", at) });
    await applyNoticeStep(database.prisma, { actor: actors.editor, noticeId: notice.id, step: "submit", expectedVersion: 1 });
    await expect(applyNoticeStep(database.prisma, { actor: actors.editor, noticeId: notice.id, step: "approve", expectedVersion: 2 })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "secondPersonRequired",
    );
    await applyNoticeStep(database.prisma, { actor: actors.editor2, noticeId: notice.id, step: "approve", expectedVersion: 2 });
    expect(await publishDueNotices(database.prisma, new Date("2026-11-30T00:00:00Z"))).not.toContain(notice.id);
    const [first, second] = await Promise.all([publishDueNotices(database.prisma, at), publishDueNotices(database.prisma, at)]);
    expect([...first, ...second].filter((id) => id === notice.id)).toHaveLength(1);
    const stored = await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id }, include: { revisions: true } });
    expect(stored).toMatchObject({ status: "PUBLISHED", approverId: actors.editor2.id });
    expect(stored.revisions.length).toBe(3);
  });

  it("sends back with a comment, lets a supervisor publish an emergency alone, and refuses others", async () => {
    const notice = await createNoticeDraft(database.prisma, { actor: actors.editor, draft: await draft("utilities", new Date()) });
    await applyNoticeStep(database.prisma, { actor: actors.editor, noticeId: notice.id, step: "submit", expectedVersion: 1 });
    await expect(applyNoticeStep(database.prisma, { actor: actors.editor2, noticeId: notice.id, step: "sendBack", expectedVersion: 2 })).rejects.toBeInstanceOf(FormError);
    await applyNoticeStep(database.prisma, { actor: actors.editor2, noticeId: notice.id, step: "sendBack", expectedVersion: 2, comment: "请补充受影响的楼栋" });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe("DRAFT");
    await expect(applyNoticeStep(database.prisma, { actor: actors.supervisor, noticeId: notice.id, step: "publishEmergency", expectedVersion: 3 })).rejects.toSatisfy(
      (e) => e instanceof FormError && e.key === "notEmergency",
    );

    const flood = await createNoticeDraft(database.prisma, { actor: actors.editor, draft: await draft("emergency", new Date()) });
    await expect(applyNoticeStep(database.prisma, { actor: actors.editor, noticeId: flood.id, step: "publishEmergency", expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await applyNoticeStep(database.prisma, { actor: actors.supervisor, noticeId: flood.id, step: "publishEmergency", expectedVersion: 1 });
    expect(await database.prisma.notice.findUniqueOrThrow({ where: { id: flood.id } })).toMatchObject({ status: "PUBLISHED", approverId: actors.supervisor.id, emergency: true });
    await expect(createNoticeDraft(database.prisma, { actor: actors.caseworker, draft: await draft("utilities", new Date()) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await database.prisma.auditLog.count({ where: { entityId: flood.id, action: "notice.publishEmergency", outcome: "DENIED" } })).toBe(1);
  });
});
