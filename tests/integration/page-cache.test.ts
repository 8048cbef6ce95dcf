import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import { updateDocument } from "@/lib/disclosure/editDocument";
import { noticeVisibilityChanged } from "@/lib/notices/effects";
import { createNotice, ZNoticeInput } from "@/lib/notices/writeNotice";
import { applyNoticeStep } from "@/lib/notices/applyNoticeStep";
import { noticeJobHandlers } from "@/lib/notices/jobs";
import { drainJobs } from "@/lib/jobs/queue";
import { bannerWithoutExpiryMs } from "@/lib/notices/queries";
import { cachePage, isCached } from "../helpers/pageCache";

/** A change to public content drops this instance's cached pages once it has committed. */
let database: TestDatabase;
let editor: TSessionUser;
let editor2: TSessionUser;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.cn" } });
  editor = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
  const second = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor2@example.cn" } });
  editor2 = (await loadSessionUser({ db: database.prisma, userId: second.id }))!;
});
afterAll(() => database.close());

const cachedPage = async (key: string) => {
  await cachePage(key);
  expect(isCached(key)).toBe(true);
};
const stillCached = isCached;

const document = (title: string) =>
  ZDocumentInput.parse({
    department: "RSJ",
    title,
    category: "labour.employment",
    docType: "notice",
    docNumber: "成人社发〔2026〕98号",
    keywords: "就业",
    writtenOn: "2026-11-20",
    madeOn: "2026-11-20",
    source: "成都市人力资源和社会保障局",
    summary: "摘要。",
    body: "正文。",
  });

/** A notice written, submitted and approved by a second editor: its publication job waits for publishAt. */
async function approvedNotice(input: {
  title: string;
  publishAt: Date;
  expiresAt: Date | null;
  urgent?: boolean;
}) {
  const notice = await createNotice({
    db: database.prisma,
    actor: editor,
    notice: ZNoticeInput.parse({
      ...input,
      body: "正文。",
      category: "utilities",
      scope: { districts: [], streets: [], communities: ["510104001001"] },
      source: "社区居委会",
      pinned: false,
    }),
  });
  await applyNoticeStep({
    db: database.prisma,
    actor: editor,
    noticeId: notice.id,
    step: "submit",
    expectedVersion: 1,
  });
  await applyNoticeStep({
    db: database.prisma,
    actor: editor2,
    noticeId: notice.id,
    step: "approve",
    expectedVersion: 2,
  });
  return notice;
}

/** The notice jobs that come with time (not the mail they queue). */
const timedJobs = Object.fromEntries(
  (["notice.publish", "notice.expire", "notice.bannerEnds"] as const).map((kind) => [
    kind,
    noticeJobHandlers[kind],
  ]),
);
/** Runs the timed jobs due at `at`; how many ran. */
const drainAt = (at: Date) => drainJobs({ db: database.prisma, handlers: timedJobs, now: () => at });

describe("invalidating the page cache", () => {
  it("an edited document drops the cached pages; a refused edit does not", async () => {
    const { indexNo } = await publishDocument({
      db: database.prisma,
      actor: editor,
      document: document("缓存前的标题"),
    });
    const { department: _d, ...content } = document("缓存后的标题");
    void _d;
    await cachedPage(`plain /zh-Hans/disclosure/${indexNo}`);
    await updateDocument({
      db: database.prisma,
      actor: editor,
      indexNo,
      expectedVersion: 1,
      document: content,
    });
    expect(stillCached(`plain /zh-Hans/disclosure/${indexNo}`)).toBe(false);

    await cachedPage("plain /zh-Hans/disclosure");
    await expect(
      updateDocument({ db: database.prisma, actor: editor, indexNo, expectedVersion: 1, document: content }),
    ).rejects.toThrow();
    expect(stillCached("plain /zh-Hans/disclosure")).toBe(true);
  });

  it("a notice published, archived or expired drops the cached pages", async () => {
    const notice = await database.prisma.notice.findFirstOrThrow();
    await cachedPage("plain /zh-Hans/notices");
    await noticeVisibilityChanged(database.prisma, notice.id);
    expect(stillCached("plain /zh-Hans/notices")).toBe(false);
  });

  // the page TTL is long (lib/cache/pagePolicy.ts) because what changes with time changes by a job:
  // a notice scheduled for later, and one that expires, drop the copies when their time comes
  it("a scheduled notice's publication and its expiry, run by their jobs, drop the cached pages", async () => {
    const publishAt = new Date(Date.now() + 60_000);
    const expiresAt = new Date(Date.now() + 120_000);
    const notice = await approvedNotice({ title: "缓存与定时发布", publishAt, expiresAt });

    await cachedPage("plain /zh-Hans/notices");
    expect(await drainAt(new Date(publishAt.getTime() - 1000))).toBe(0);
    expect(stillCached("plain /zh-Hans/notices")).toBe(true);
    expect(await drainAt(new Date(publishAt.getTime() + 1000))).toBe(1);
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: notice.id } })).status).toBe(
      "PUBLISHED",
    );
    expect(stillCached("plain /zh-Hans/notices")).toBe(false);

    await cachedPage("plain /zh-Hans/notices");
    expect(await drainAt(new Date(expiresAt.getTime() - 1000))).toBe(0);
    expect(stillCached("plain /zh-Hans/notices")).toBe(true);
    expect(await drainAt(new Date(expiresAt.getTime() + 1000))).toBe(1);
    expect(stillCached("plain /zh-Hans/notices")).toBe(false);
  });

  it("an urgent notice without an end date drops the cached pages when it leaves the home page's banner", async () => {
    const publishAt = new Date(Date.now() + 60_000);
    await approvedNotice({ title: "紧急通知：横幅的时限", publishAt, expiresAt: null, urgent: true });
    expect(await drainAt(new Date(publishAt.getTime() + 1000))).toBe(1);

    const bannerEnds = publishAt.getTime() + bannerWithoutExpiryMs;
    await cachedPage("plain /zh-Hans");
    expect(await drainAt(new Date(bannerEnds - 1000))).toBe(0);
    expect(stillCached("plain /zh-Hans")).toBe(true);
    expect(await drainAt(new Date(bannerEnds + 1000))).toBe(1);
    expect(stillCached("plain /zh-Hans")).toBe(false);
  });
});
