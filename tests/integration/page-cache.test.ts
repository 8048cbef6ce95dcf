import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { publishDocument, ZDocumentInput } from "@/lib/disclosure/publishDocument";
import { updateDocument } from "@/lib/disclosure/editDocument";
import { noticeVisibilityChanged } from "@/lib/notices/effects";
import { pageStore, renderOnce, freshPage } from "@/lib/cache/pageStore";

/** A change to public content drops this instance's cached pages once it has committed. */
let database: TestDatabase;
let editor: TSessionUser;

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.cn" } });
  editor = (await loadSessionUser({ db: database.prisma, userId: user.id }))!;
});
afterAll(() => database.close());

const cachedPage = async (key: string) => {
  await renderOnce(
    pageStore(),
    key,
    async () => ({
      status: 200,
      headers: [],
      body: new TextEncoder().encode(key),
      nonceAt: [],
      shareable: true,
    }),
    Date.now,
  );
  expect(freshPage(pageStore(), key, Date.now())).not.toBeNull();
};
const stillCached = (key: string) => freshPage(pageStore(), key, Date.now()) !== null;

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
});
