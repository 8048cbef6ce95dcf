import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, useAsAppDatabase, type TestDatabase } from "../helpers/db";
import { startSmtpSink } from "../helpers/smtpSink";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { createNotice, updateNotice, ZNoticeInput } from "@/lib/notices/writeNotice";
import { applyNoticeStep } from "@/lib/notices/applyNoticeStep";
import { getNoticeReview, saveNoticeReview } from "@/lib/notices/reviewLevels";
import { confirmSubscription, subscribe, unsubscribe } from "@/lib/notices/subscriptions";
import { drainJobs, enqueueJob, type TJobHandler } from "@/lib/jobs/queue";
import { noticeJobHandlers } from "@/lib/notices/jobs";
import { mailJobHandlers } from "@/lib/mail/jobs";
import { FormError, NotFoundError } from "@/lib/shared/errors";
import { findEntries } from "@/lib/search/search";

const searchTitles = async (q: string) =>
  (await findEntries({ db: database.prisma, q, type: "notice", synonyms: [] })).hits.map((h) => h.refId);
import { pdfFile } from "../e2e/helpers/files";

/** What an instance's job runner runs: the notice jobs and the mail they queue. */
const jobHandlers = { ...noticeJobHandlers, ...mailJobHandlers };

let database: TestDatabase;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  useAsAppDatabase(database);
  for (const name of ["editor", "editor2", "supervisor", "citizen", "caseworker", "admin"]) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
    actors[name] = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  }
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  sink?.stop();
  await database.close();
});

const HEPINGJIE = "510104001001";
const input = (
  category: "utilities" | "emergency",
  publishAt: Date,
  scope = { districts: [] as string[], streets: [] as string[], communities: [HEPINGJIE] },
  title = "12月5日停水通知",
) =>
  ZNoticeInput.parse({
    title,
    body: "## 停水时间\n\n9:00—18:00",
    category,
    scope,
    source: "社区居委会",
    publishAt,
    expiresAt: null,
    pinned: false,
  });

describe("the two-person notice workflow", () => {
  it("draft → submitted → approved by a different editor → published by the job at its time", async () => {
    const at = new Date(Date.now() + 60_000);
    const notice = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("utilities", at),
      files: [{ name: "停水范围.pdf", bytes: new Uint8Array(pdfFile.buffer) }],
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: notice.id,
      step: "submit",
      expectedVersion: 1,
    });
    await expect(
      applyNoticeStep({
        db: database.prisma,
        actor: actors.editor,
        noticeId: notice.id,
        step: "approve",
        expectedVersion: 2,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "secondPersonRequired");
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor2,
      noticeId: notice.id,
      step: "approve",
      expectedVersion: 2,
    });
    // not yet: the job waits for its time
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe(
      "APPROVED",
    );
    await drainJobs({ db: database.prisma, handlers: jobHandlers, now: () => new Date(at.getTime() + 1000) });
    const stored = await database.prisma.notice.findUniqueOrThrow({
      where: { id: notice.id },
      include: { revisions: true, attachments: true },
    });
    expect(stored).toMatchObject({ status: "PUBLISHED", approverId: actors.editor2.id });
    expect(stored.revisions.map((r) => r.comment)).toEqual(
      expect.arrayContaining(["create", "submit", "approve", "publish"]),
    );
    expect(stored.attachments.map((a) => a.fileName)).toEqual(["停水范围.pdf"]);
  });

  it("is found by search once published, and no longer once archived", async () => {
    const notice = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("emergency", new Date(), undefined, "鹅卵石河堤防汛预警"),
    });
    expect(await searchTitles("鹅卵石河堤")).not.toContain(notice.id);
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: notice.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    expect(await searchTitles("鹅卵石河堤")).toContain(notice.id);
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: notice.id,
      step: "archive",
      expectedVersion: 2,
    });
    expect(await searchTitles("鹅卵石河堤")).not.toContain(notice.id);
  });

  it("keeps each edit as a revision with the whole notice, and expands a street to its communities", async () => {
    const notice = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("utilities", new Date()),
    });
    await updateNotice({
      db: database.prisma,
      actor: actors.editor2,
      noticeId: notice.id,
      expectedVersion: 1,
      notice: input(
        "utilities",
        new Date(),
        { districts: [], streets: ["510104001"], communities: [] },
        "12月6日停水通知",
      ),
    });
    const stored = await database.prisma.notice.findUniqueOrThrow({
      where: { id: notice.id },
      include: { revisions: { orderBy: { version: "asc" } }, targets: { include: { community: true } } },
    });
    expect(stored.title).toBe("12月6日停水通知");
    expect(stored.targets.map((t) => t.community.code).sort()).toEqual(["510104001001", "510104001002"]);
    expect(stored.revisions.map((r) => [r.version, r.title])).toEqual([
      [1, "12月5日停水通知"],
      [2, "12月6日停水通知"],
    ]);
    expect(stored.revisions[1].meta).toMatchObject({
      scope: { streets: ["510104001"] },
      category: "utilities",
    });
    // a stale form loses; a submitted notice is not edited
    await expect(
      updateNotice({
        db: database.prisma,
        actor: actors.editor,
        noticeId: notice.id,
        expectedVersion: 1,
        notice: input("utilities", new Date()),
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "caseChanged");
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: notice.id,
      step: "submit",
      expectedVersion: 2,
    });
    await expect(
      updateNotice({
        db: database.prisma,
        actor: actors.editor,
        noticeId: notice.id,
        expectedVersion: 3,
        notice: input("utilities", new Date()),
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "onlyDraftEditable");
    await expect(
      updateNotice({
        db: database.prisma,
        actor: actors.citizen,
        noticeId: notice.id,
        expectedVersion: 3,
        notice: input("utilities", new Date()),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createNotice({
        db: database.prisma,
        actor: actors.editor,
        notice: input("utilities", new Date(), { districts: [], streets: [], communities: ["510104009009"] }),
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.field === "scope");
  });

  it("sends back with a comment, lets a supervisor publish an emergency alone, and refuses others", async () => {
    const notice = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("utilities", new Date()),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: notice.id,
      step: "submit",
      expectedVersion: 1,
    });
    await expect(
      applyNoticeStep({
        db: database.prisma,
        actor: actors.editor2,
        noticeId: notice.id,
        step: "sendBack",
        expectedVersion: 2,
      }),
    ).rejects.toBeInstanceOf(FormError);
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor2,
      noticeId: notice.id,
      step: "sendBack",
      expectedVersion: 2,
      comment: "请补充受影响的楼栋",
    });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe(
      "DRAFT",
    );
    await expect(
      applyNoticeStep({
        db: database.prisma,
        actor: actors.supervisor,
        noticeId: notice.id,
        step: "publishEmergency",
        expectedVersion: 3,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "notEmergency");

    const flood = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("emergency", new Date()),
    });
    await expect(
      applyNoticeStep({
        db: database.prisma,
        actor: actors.editor,
        noticeId: flood.id,
        step: "publishEmergency",
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: flood.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    expect(await database.prisma.notice.findUniqueOrThrow({ where: { id: flood.id } })).toMatchObject({
      status: "PUBLISHED",
      approverId: actors.supervisor.id,
      emergency: true,
    });
    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { entityId: flood.id, action: "notice.publishEmergency", outcome: "ALLOWED" },
    });
    expect(audit.detail).toMatchObject({ singlePerson: true });
    await expect(
      createNotice({ db: database.prisma, actor: actors.caseworker, notice: input("utilities", new Date()) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await database.prisma.auditLog.count({
        where: { entityId: flood.id, action: "notice.publishEmergency", outcome: "DENIED" },
      }),
    ).toBe(1);
  });
});

describe("the second person", () => {
  it("cannot be an editor who wrote part of the text, even when someone else submitted it", async () => {
    const notice = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("utilities", new Date()),
    });
    await updateNotice({
      db: database.prisma,
      actor: actors.editor2,
      noticeId: notice.id,
      expectedVersion: 1,
      notice: input("utilities", new Date(), undefined, "12月7日停水通知（已改）"),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: notice.id,
      step: "submit",
      expectedVersion: 2,
    });
    await expect(
      applyNoticeStep({
        db: database.prisma,
        actor: actors.editor2,
        noticeId: notice.id,
        step: "approve",
        expectedVersion: 3,
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "secondPersonRequired");
    expect(
      await database.prisma.auditLog.count({
        where: {
          entityId: notice.id,
          action: "notice.approve",
          outcome: "DENIED",
          actorId: actors.editor2.id,
        },
      }),
    ).toBe(1);
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: notice.id,
      step: "approve",
      expectedVersion: 3,
    });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe(
      "APPROVED",
    );
  });
});

describe("the job runner", () => {
  it("runs a job that fell due while no runner was up exactly once, with two runners starting together", async () => {
    let runs = 0;
    const handlers: Record<string, TJobHandler> = {
      "test.count": async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
    for (let i = 0; i < 5; i++)
      await enqueueJob(database.prisma, {
        kind: "test.count",
        payload: {},
        runAt: new Date(Date.now() - 3600_000),
      });
    const second = await database.secondClient();
    try {
      const [a, b] = await Promise.all([
        drainJobs({ db: database.prisma, handlers: handlers }),
        drainJobs({ db: second.prisma, handlers: handlers }),
      ]);
      expect(a + b).toBe(5);
      expect(runs).toBe(5);
    } finally {
      await second.close();
    }
    expect(await database.prisma.job.count({ where: { kind: "test.count", doneAt: null } })).toBe(0);
  });

  it("retries a failed job later and records why", async () => {
    await enqueueJob(database.prisma, { kind: "test.fail", payload: {}, uniqueKey: "test.fail:1" });
    await drainJobs({
      db: database.prisma,
      handlers: {
        "test.fail": async () => {
          throw new Error("SMTP down");
        },
      },
    });
    const job = await database.prisma.job.findUniqueOrThrow({ where: { uniqueKey: "test.fail:1" } });
    expect(job).toMatchObject({ doneAt: null, attempts: 1, lockedAt: null });
    expect(job.lastError).toContain("SMTP down");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("e-mail subscriptions", () => {
  it("double opt-in, one mail per published notice with a one-click unsubscribe link, nothing after unsubscribing", async () => {
    await subscribe({
      db: database.prisma,
      email: "resident@example.cn",
      community: HEPINGJIE,
      category: "",
      locale: "zh-Hans",
    });
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    const confirmation = await sink.waitFor((m) => m.to.includes("resident@example.cn"));
    const token = /subscribe\/confirm\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text ?? "")![1];

    // unconfirmed: a notice is not mailed
    const early = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("emergency", new Date(), undefined, "防汛预警一"),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: early.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    expect(await database.prisma.noticeDelivery.count({ where: { noticeId: early.id } })).toBe(0);

    expect(await confirmSubscription({ db: database.prisma, token: token })).toBe(true);
    const flood = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("emergency", new Date(), undefined, "防汛预警二"),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: flood.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    // another community's notice does not reach this subscriber
    const elsewhere = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input(
        "emergency",
        new Date(),
        { districts: ["510117"], streets: [], communities: [] },
        "郫都区防汛预警",
      ),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: elsewhere.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    // the mail job run again sends nothing twice
    await enqueueJob(database.prisma, { kind: "notice.mail", payload: { noticeId: flood.id } });
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    const mail = await sink.waitFor(
      (m) => m.to.includes("resident@example.cn") && (m.subject ?? "").includes("防汛预警二"),
    );
    expect(mail.text).toContain(`/zh-Hans/notices/${flood.id}`);
    expect(mail.text).toContain(`/zh-Hans/notices/unsubscribe?token=${token}`);
    expect(
      sink.messages.filter(
        (m) => m.to.includes("resident@example.cn") && (m.subject ?? "").includes("防汛预警二"),
      ),
    ).toHaveLength(1);
    expect(
      sink.messages.some(
        (m) => (m.subject ?? "").includes("郫都区防汛预警") && m.to.includes("resident@example.cn"),
      ),
    ).toBe(false);

    expect(await unsubscribe({ db: database.prisma, token: token })).toBe(true);
    const later = await createNotice({
      db: database.prisma,
      actor: actors.editor,
      notice: input("emergency", new Date(), undefined, "防汛预警三"),
    });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.supervisor,
      noticeId: later.id,
      step: "publishEmergency",
      expectedVersion: 1,
    });
    await drainJobs({ db: database.prisma, handlers: jobHandlers });
    expect(await database.prisma.noticeDelivery.count({ where: { noticeId: later.id } })).toBe(0);
  });

  it("refuses a bad community and more than five unconfirmed requests an hour", async () => {
    await expect(
      subscribe({
        db: database.prisma,
        email: "x@example.cn",
        community: "510104009009",
        category: "",
        locale: "en",
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.field === "community");
    const categories = ["utilities", "activities", "announcements", "emergency", "health"] as const;
    for (const category of categories)
      await subscribe({
        db: database.prisma,
        email: "flood@example.cn",
        community: "",
        category,
        locale: "en",
      });
    await expect(
      subscribe({
        db: database.prisma,
        email: "flood@example.cn",
        community: "",
        category: "elderly",
        locale: "en",
      }),
    ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "tooManyRequests");
    expect(await confirmSubscription({ db: database.prisma, token: "not-a-real-token-at-all-0000" })).toBe(
      false,
    );
  });

  it("counts confirmation mails to an address, so asking again for the same subscription is limited too", async () => {
    const again = () =>
      subscribe({
        db: database.prisma,
        email: "again@example.cn",
        community: HEPINGJIE,
        category: "utilities",
        locale: "zh-Hans",
      });
    for (let i = 0; i < 5; i++) expect(await again()).toEqual({ queued: true });
    await expect(again()).rejects.toSatisfy((e) => e instanceof FormError && e.key === "tooManyRequests");
    // and concurrent requests for a new address cannot slip past the count
    const burst = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        subscribe({
          db: database.prisma,
          email: "burst@example.cn",
          community: "",
          category: "",
          locale: "en",
        }),
      ),
    );
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const mails = await database.prisma.job.count({
      where: { kind: "subscription.confirm", payload: { path: ["email"], equals: "burst@example.cn" } },
    });
    expect(mails).toBe(5);
  });
});

describe("三审三校 where the administrators require it", () => {
  it("first review, second review by another person, final sign-off by a supervisor; two-person review elsewhere", async () => {
    const db = database.prisma;
    await expect(
      saveNoticeReview({ db, actor: actors.supervisor, review: { threeLevels: ["*:utilities"] } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await saveNoticeReview({ db, actor: actors.admin, review: { threeLevels: ["*:utilities"] } });
    expect(await getNoticeReview({ db })).toEqual({ threeLevels: ["*:utilities"] });
    try {
      const notice = await createNotice({
        db,
        actor: actors.editor,
        notice: input("utilities", new Date(Date.now() + 60_000), undefined, "三审三校停水通知"),
      });
      let version = 1;
      const step = async (
        actor: TSessionUser,
        name: "submit" | "firstReview" | "secondReview" | "approve",
      ) => {
        await applyNoticeStep({ db, actor, noticeId: notice.id, step: name, expectedVersion: version });
        version++;
      };
      const refused = (actor: TSessionUser, name: "firstReview" | "secondReview" | "approve", key: string) =>
        expect(
          applyNoticeStep({ db, actor, noticeId: notice.id, step: name, expectedVersion: version }),
        ).rejects.toSatisfy((e) => e instanceof FormError && e.key === key);
      await step(actors.editor, "submit");
      await refused(actors.editor2, "approve", "reviewsPending");
      await refused(actors.editor, "firstReview", "secondPersonRequired");
      await refused(actors.editor2, "secondReview", "firstReviewFirst");
      await step(actors.editor2, "firstReview");
      await refused(actors.admin, "firstReview", "alreadyReviewed");
      await refused(actors.editor2, "secondReview", "secondPersonRequired");
      await refused(actors.supervisor, "approve", "reviewsPending");
      await step(actors.admin, "secondReview");
      await refused(actors.admin, "approve", "secondPersonRequired");
      await step(actors.supervisor, "approve");
      const stored = await db.notice.findUniqueOrThrow({
        where: { id: notice.id },
        include: { revisions: { orderBy: { version: "asc" } } },
      });
      expect(stored).toMatchObject({ status: "APPROVED", approverId: actors.supervisor.id });
      expect(stored.revisions.map((r) => r.comment)).toEqual([
        "create",
        "submit",
        "firstReview",
        "secondReview",
        "approve",
      ]);
      // a category the setting does not list keeps two-person review
      const other = await createNotice({
        db,
        actor: actors.editor,
        notice: input("emergency", new Date(Date.now() + 60_000), undefined, "两人审核的通知"),
      });
      await applyNoticeStep({
        db,
        actor: actors.editor,
        noticeId: other.id,
        step: "submit",
        expectedVersion: 1,
      });
      await expect(
        applyNoticeStep({
          db,
          actor: actors.editor2,
          noticeId: other.id,
          step: "firstReview",
          expectedVersion: 2,
        }),
      ).rejects.toSatisfy((e) => e instanceof FormError && e.key === "reviewLevelsTwo");
      await applyNoticeStep({
        db,
        actor: actors.editor2,
        noticeId: other.id,
        step: "approve",
        expectedVersion: 2,
      });
    } finally {
      await saveNoticeReview({ db, actor: actors.admin, review: { threeLevels: [] } });
    }
  });
});
