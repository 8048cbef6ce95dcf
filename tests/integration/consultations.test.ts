import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import { createConsultation, saveFeedback, updateConsultation } from "@/lib/consultations/writeConsultation";
import { applyConsultationStep } from "@/lib/consultations/applyConsultationStep";
import { moderateComment, submitComment } from "@/lib/consultations/comments";
import { ownComments, publicConsultation, publicConsultations } from "@/lib/consultations/queries";
import { chinaDay, startOfChinaDay } from "@/lib/consultations/rules";
import { ZConsultationInput, ZFeedbackInput } from "@/lib/consultations/schema";
import { findEntries } from "@/lib/search/search";
import { exportPersonalData } from "@/lib/users/personalData";
import { sitemapEntries } from "@/lib/seo/sitemap";
import { cachePage, isCached as cached } from "../helpers/pageCache";

const searchIds = async (q: string) =>
  (await findEntries({ db: database.prisma, q, type: "consultation", synonyms: [] })).hits.map(
    (h) => h.refId,
  );

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};
const day = 24 * 3600_000;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["editor", "editor2", "citizen", "citizen2", "caseworker"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
});
afterAll(async () => {
  await database.close();
});

/** A draft's form, its period given in days from today (China time). */
const draft = (
  kind: "MAJOR" | "ORDINARY",
  fromDay: number,
  lastDay: number,
  title = "成都市政务数据共享管理办法（征求意见稿）",
) =>
  ZConsultationInput.parse({
    title,
    department: "JXW",
    summary: "就办法草案公开征求意见",
    body: "## 第一条\n\n为规范政务数据共享，制定本办法。",
    kind,
    opensOn: chinaDay(new Date(Date.now() + fromDay * day)),
    closesOn: chinaDay(new Date(Date.now() + lastDay * day)),
  });

const refusalKey = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FormError) return error.key;
    if (error instanceof NotFoundError) return "notFound";
    throw error;
  }
  return "ok";
};

const step = (
  actor: TSessionUser,
  consultationId: string,
  s: "open" | "close" | "publishFeedback",
  expectedVersion: number,
  now?: Date,
) => applyConsultationStep({ db: database.prisma, actor, consultationId, step: s, expectedVersion, now });

const comment = (
  actor: TSessionUser | null,
  consultationId: string,
  body: string,
  priv = false,
  now?: Date,
) =>
  submitComment({
    db: database.prisma,
    actor,
    comment: { consultationId, body, private: priv ? "yes" : "no" },
    now,
  });

describe("the seeded consultations", () => {
  it("hold an open 重大行政决策 with comments in every state, a closed one with feedback and its final document, and a draft", async () => {
    const db = database.prisma;
    const major = await db.consultation.findUniqueOrThrow({
      where: { id: "consult-community-plan" },
      include: { comments: true },
    });
    expect(major).toMatchObject({ kind: "MAJOR", status: "OPEN" });
    expect(new Set(major.comments.map((m) => `${m.status}:${m.private}`))).toEqual(
      new Set(["APPROVED:false", "APPROVED:true", "REJECTED:false", "PENDING:false"]),
    );
    const closed = (await publicConsultation({ db, id: "consult-employment-measures" }))!;
    expect(closed.finalDocument?.title).toBe("成都市就业困难人员认定管理办法");
    expect(closed.feedback).toContain("采纳");
    expect(await publicConsultation({ db, id: "consult-data-sharing" })).toBeNull();
    const { open } = await publicConsultations({ db });
    expect(open.map((c) => c.id)).toEqual(
      expect.arrayContaining(["consult-community-plan", "consult-community-it"]),
    );
    // the seed's index holds what is public: the opened ones, not the draft
    expect(await searchIds("社区服务体系")).toContain("consult-community-plan");
    expect(await searchIds("政务数据共享开放")).not.toContain("consult-data-sharing");
    // and the sitemap the same
    const paths = (await sitemapEntries({ db })).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["/consultations", "/consultations/consult-employment-measures"]),
    );
    expect(paths).not.toContain("/consultations/consult-data-sharing");
  });
});

describe("consultation periods", () => {
  it("holds a 重大行政决策 to 30 days and an ordinary draft to 7, on create, edit and open", async () => {
    const db = database.prisma;
    // 0..28 is 29 days counted with both ends
    expect(
      await refusalKey(createConsultation({ db, actor: actors.editor, consultation: draft("MAJOR", 0, 28) })),
    ).toBe("consultationPeriodTooShort|30");
    expect(
      await refusalKey(
        createConsultation({ db, actor: actors.editor, consultation: draft("ORDINARY", 0, 5) }),
      ),
    ).toBe("consultationPeriodTooShort|7");
    expect(
      await refusalKey(
        createConsultation({ db, actor: actors.editor, consultation: draft("ORDINARY", 5, 1) }),
      ),
    ).toBe("consultationClosesBeforeOpening");
    const ordinary = await createConsultation({
      db,
      actor: actors.editor,
      consultation: draft("ORDINARY", 0, 6),
    });
    // made a 重大行政决策, the same 7 days no longer do
    expect(
      await refusalKey(
        updateConsultation({
          db,
          actor: actors.editor,
          consultationId: ordinary.id,
          expectedVersion: 1,
          consultation: draft("MAJOR", 0, 6),
        }),
      ),
    ).toBe("consultationPeriodTooShort|30");
    const major = await createConsultation({ db, actor: actors.editor, consultation: draft("MAJOR", 0, 29) });
    expect(major.closesAt.getTime() - startOfChinaDay(major.opensAt).getTime()).toBe(30 * day);
    // a draft whose first day has passed is not opened with a period shorter than it says
    const tomorrow = new Date(Date.now() + day);
    expect(
      await refusalKey(step(actors.editor, ordinary.id, "open", 1, new Date(tomorrow.getTime() + day))),
    ).toBe("consultationOpensInPast");
    await step(actors.editor, major.id, "open", 1);
    const opened = await db.consultation.findUniqueOrThrow({ where: { id: major.id } });
    expect(opened).toMatchObject({ status: "OPEN", version: 2 });
    // an opened consultation keeps its text and period
    expect(
      await refusalKey(
        updateConsultation({
          db,
          actor: actors.editor,
          consultationId: major.id,
          expectedVersion: 2,
          consultation: draft("MAJOR", 0, 40),
        }),
      ),
    ).toBe("consultationOnlyDraftEditable");
    // nobody closes it before its last day has ended
    expect(await refusalKey(step(actors.editor, major.id, "close", 2))).toBe("consultationStillOpen");
    expect(await refusalKey(step(actors.editor, major.id, "publishFeedback", 2))).toBe(
      "transitionNotAllowed",
    );
  });
});

describe("comments, moderation and feedback", () => {
  it("takes comments from signed-in citizens while open, moderates them, keeps private ones private and publishes feedback after the close", async () => {
    const db = database.prisma;
    const c = await createConsultation({
      db,
      actor: actors.editor,
      consultation: draft("ORDINARY", 0, 6, "关于优化12345热线工单办理的若干措施（征求意见稿）"),
    });
    // a draft is not there for citizens
    expect(await refusalKey(comment(actors.citizen, c.id, "草稿阶段的意见"))).toBe("notFound");
    expect(await publicConsultation({ db, id: c.id })).toBeNull();
    expect(await searchIds("热线工单办理")).not.toContain(c.id);
    const searchPage = "plain /zh-Hans/search?q=热线";
    await cachePage(searchPage);
    await step(actors.editor, c.id, "open", 1);
    // public from its opening: listed and searchable, and the cached search pages are dropped
    expect(await searchIds("热线工单办理")).toContain(c.id);
    expect(cached(searchPage)).toBe(false);

    // only signed-in citizens comment: staff and visitors are not offered it
    expect(await refusalKey(comment(null, c.id, "匿名意见"))).toBe("notFound");
    expect(await refusalKey(comment(actors.editor, c.id, "编辑的意见"))).toBe("notFound");
    const shown = await comment(actors.citizen, c.id, "建议夜间工单也在两个工作日内回访。");
    const hidden = await comment(actors.citizen, c.id, "我家楼下的情况（请勿公开）", true);
    const spam = await comment(actors.citizen2, c.id, "广告 http://spam.example");
    expect(shown.status).toBe("PENDING");

    // nothing is public before moderation
    expect((await publicConsultation({ db, id: c.id }))!.comments).toEqual([]);

    // moderation is an editor's, audited, refusals too
    expect(
      await refusalKey(
        moderateComment({
          db,
          actor: actors.caseworker,
          moderation: { commentId: shown.id, decision: "approve" },
        }),
      ),
    ).toBe("notFound");
    expect(
      await db.auditLog.count({
        where: { action: "consultation.comment.approve", entityId: shown.id, outcome: "DENIED" },
      }),
    ).toBe(1);
    expect(
      await refusalKey(
        moderateComment({ db, actor: actors.editor, moderation: { commentId: spam.id, decision: "reject" } }),
      ),
    ).toBe("reasonRequired");
    await moderateComment({
      db,
      actor: actors.editor,
      moderation: { commentId: shown.id, decision: "approve" },
    });
    await moderateComment({
      db,
      actor: actors.editor2,
      moderation: { commentId: hidden.id, decision: "approve" },
    });
    await moderateComment({
      db,
      actor: actors.editor,
      moderation: { commentId: spam.id, decision: "reject", reason: "与征求意见内容无关的广告" },
    });
    expect(
      await refusalKey(
        moderateComment({
          db,
          actor: actors.editor,
          moderation: { commentId: shown.id, decision: "reject", reason: "x" },
        }),
      ),
    ).toBe("consultationCommentModerated");
    expect(
      await db.auditLog.count({
        where: {
          action: { startsWith: "consultation.comment." },
          outcome: "ALLOWED",
          entityId: { in: [shown.id, hidden.id, spam.id] },
        },
      }),
    ).toBe(3);

    // the public sees the approved public comment only; the private one is counted
    const page = (await publicConsultation({ db, id: c.id }))!;
    expect(page.comments.map((x) => x.body)).toEqual(["建议夜间工单也在两个工作日内回访。"]);
    expect(page.figures).toEqual({ received: 3, shown: 1, private: 1 });
    expect(JSON.stringify(page)).not.toContain("请勿公开");
    expect(page.feedback).toBeNull();

    // each citizen sees their own comments and where they stand, and nobody else's
    expect(
      (await ownComments({ db, actor: actors.citizen, consultationId: c.id })).map((x) => x.status),
    ).toEqual(["APPROVED", "APPROVED"]);
    const theirs = await ownComments({ db, actor: actors.citizen2, consultationId: c.id });
    expect(theirs).toEqual([
      expect.objectContaining({ status: "REJECTED", rejectReason: "与征求意见内容无关的广告" }),
    ]);
    expect(await ownComments({ db, actor: null, consultationId: c.id })).toEqual([]);
    // and has them, private ones too, in their personal-data copy
    const copy = await exportPersonalData({ db, actor: actors.citizen, format: "json" });
    expect(copy.consultationComments.map((x) => [x.comment, x.consentToPublish, x.status])).toEqual(
      expect.arrayContaining([
        ["建议夜间工单也在两个工作日内回访。", true, "APPROVED"],
        ["我家楼下的情况（请勿公开）", false, "APPROVED"],
      ]),
    );
    expect(JSON.stringify(copy.consultationComments)).not.toContain("广告");

    // the server's clock decides: after the last day no comment is taken, and the editor closes it
    const after = new Date(c.closesAt.getTime() + 1000);
    expect(await refusalKey(comment(actors.citizen, c.id, "迟到的意见", false, after))).toBe(
      "consultationNotAccepting",
    );
    const before = new Date(c.opensAt.getTime() - 1000);
    expect(await refusalKey(comment(actors.citizen, c.id, "太早的意见", false, before))).toBe(
      "consultationNotAccepting",
    );
    await step(actors.editor, c.id, "close", 2, after);
    expect(await refusalKey(comment(actors.citizen, c.id, "关闭后的意见"))).toBe("consultationNotAccepting");
    const { open, closed } = await publicConsultations({ db });
    expect(open.map((x) => x.id)).not.toContain(c.id);
    expect(closed.map((x) => x.id)).toContain(c.id);

    // feedback: counts no more than the comments kept, a real final document, then published
    const document = await db.disclosureDocument.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const feedback = (over: object) =>
      ZFeedbackInput.parse({
        feedback: "共收到意见3条，采纳1条。",
        adoptedCount: "1",
        partlyAdoptedCount: "0",
        notAdoptedCount: "1",
        finalDocument: document.indexNo,
        ...over,
      });
    expect(await refusalKey(step(actors.editor, c.id, "publishFeedback", 3))).toBe(
      "consultationFeedbackMissing",
    );
    expect(
      await refusalKey(
        saveFeedback({
          db,
          actor: actors.editor,
          consultationId: c.id,
          expectedVersion: 3,
          feedback: feedback({ adoptedCount: "3" }),
        }),
      ),
    ).toBe("consultationCountsTooMany|2");
    expect(
      await refusalKey(
        saveFeedback({
          db,
          actor: actors.editor,
          consultationId: c.id,
          expectedVersion: 3,
          feedback: feedback({ finalDocument: "XX/2026-99999" }),
        }),
      ),
    ).toBe("consultationDocumentUnknown");
    expect(
      await refusalKey(
        saveFeedback({
          db,
          actor: actors.citizen,
          consultationId: c.id,
          expectedVersion: 3,
          feedback: feedback({}),
        }),
      ),
    ).toBe("notFound");
    await saveFeedback({
      db,
      actor: actors.editor,
      consultationId: c.id,
      expectedVersion: 3,
      feedback: feedback({}),
    });
    // saved but not published: still the department's
    expect((await publicConsultation({ db, id: c.id }))!.feedback).toBeNull();
    await cachePage(searchPage);
    await step(actors.editor, c.id, "publishFeedback", 4);
    expect(await searchIds("采纳1条")).toContain(c.id);
    expect(cached(searchPage)).toBe(false);
    const published = (await publicConsultation({ db, id: c.id }))!;
    expect(published).toMatchObject({
      status: "FEEDBACK_PUBLISHED",
      feedback: "共收到意见3条，采纳1条。",
      adoptedCount: 1,
      notAdoptedCount: 1,
      finalDocument: { indexNo: document.indexNo },
    });
    expect(
      await db.auditLog.findMany({
        where: { entityType: "Consultation", entityId: c.id, outcome: "ALLOWED" },
        orderBy: { id: "asc" },
        select: { action: true },
      }),
    ).toEqual(
      ["create", "open", "close", "feedback", "publishFeedback"].map((a) => ({
        action: `consultation.${a}`,
      })),
    );
  });

  it("refuses steps to non-editors as not found, audited, and a stale version as changed", async () => {
    const db = database.prisma;
    const c = await createConsultation({ db, actor: actors.editor2, consultation: draft("ORDINARY", 1, 10) });
    expect(
      await refusalKey(
        createConsultation({ db, actor: actors.citizen, consultation: draft("ORDINARY", 1, 10) }),
      ),
    ).toBe("notFound");
    expect(await refusalKey(step(actors.caseworker, c.id, "open", 1))).toBe("notFound");
    expect(
      await db.auditLog.count({ where: { action: "consultation.open", entityId: c.id, outcome: "DENIED" } }),
    ).toBe(1);
    expect(await refusalKey(step(actors.editor, c.id, "open", 7))).toBe("caseChanged");
    // opened for a period that starts tomorrow: listed, but not taking comments yet
    await step(actors.editor, c.id, "open", 1);
    expect(await refusalKey(comment(actors.citizen, c.id, "明天才开始"))).toBe("consultationNotAccepting");
  });

  it("throttles one citizen's comments", async () => {
    const db = database.prisma;
    const c = await createConsultation({ db, actor: actors.editor, consultation: draft("ORDINARY", 0, 8) });
    await step(actors.editor, c.id, "open", 1);
    // ten an hour, wherever they go: this citizen commented earlier in this file (the seed's comments are not counted)
    const sent = { authorId: actors.citizen2.id, NOT: { consultationId: { startsWith: "consult-" } } };
    const earlier = await db.consultationComment.count({ where: sent });
    for (let i = earlier; i < 10; i++) await comment(actors.citizen2, c.id, `第${i + 1}条意见`);
    await expect(comment(actors.citizen2, c.id, "第11条意见")).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await db.consultationComment.count({ where: sent })).toBe(10);
    // another citizen is not held by it
    expect((await comment(actors.citizen, c.id, "另一位市民的意见")).status).toBe("PENDING");
  });
});
