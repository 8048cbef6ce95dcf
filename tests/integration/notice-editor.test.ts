import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { TSessionUser } from "@/lib/auth/types";
import { createNotice, updateNotice } from "@/lib/notices/writeNotice";
import { keepNoticePreview, noticeBodyPreview } from "@/lib/notices/previewNotice";
import { returnedFormState } from "@/lib/actions/formReturn";
import { applyNoticeStep, checkNoticeStep } from "@/lib/notices/applyNoticeStep";
import { noticeWorkflow } from "@/lib/notices/noticeWorkflow";
import { askToConfirm, needsConfirmation, stepToConfirm } from "@/lib/workflow/confirmStep";
import { demoActor } from "../helpers/demo";

let database: TestDatabase;
const actors: Record<string, TSessionUser> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seeded: true });
  for (const name of ["editor", "editor2", "citizen"])
    actors[name] = await demoActor(database.prisma, `${name}@example.cn`);
});
afterAll(() => database.close());

const notice = (urgent?: boolean) => ({
  title: "防汛应急通知",
  titleEn: "",
  body: "请远离河道。",
  category: "emergency" as const,
  source: "锦江区应急管理局",
  scope: { districts: [], streets: [], communities: ["510104001001"] },
  publishAt: new Date("2026-12-01T01:30:00Z"),
  expiresAt: null,
  pinned: false,
  urgent,
});

describe("the editor's urgent flag", () => {
  it("is stored on the notice and its revision, off unless ticked", async () => {
    const plain = await createNotice({ db: database.prisma, actor: actors.editor, notice: notice() });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: plain.id } })).urgent).toBe(false);
    const urgent = await createNotice({ db: database.prisma, actor: actors.editor, notice: notice(true) });
    const stored = await database.prisma.notice.findUniqueOrThrow({
      where: { id: urgent.id },
      include: { revisions: true },
    });
    expect(stored.urgent).toBe(true);
    expect(stored.revisions[0].meta).toMatchObject({ urgent: true });
    // the next revision can lower it again
    await updateNotice({
      db: database.prisma,
      actor: actors.editor,
      noticeId: urgent.id,
      expectedVersion: stored.version,
      notice: notice(false),
    });
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: urgent.id } })).urgent).toBe(false);
  });
});

describe("the notice preview", () => {
  it("renders the body through the sanitiser, for staff only", () => {
    const html = noticeBodyPreview({
      actor: actors.editor,
      body: "## 停水\n\n<script>alert(1)</script>\n\n**请储水** [x](javascript:alert(1))",
    });
    expect(html).toContain("<h3>停水</h3>");
    expect(html).toContain("<strong>请储水</strong>");
    expect(html).not.toMatch(/script|javascript:/);
    expect(noticeBodyPreview({ actor: actors.editor, body: "# 标题", topLevel: 4 }).trim()).toBe(
      "<h4>标题</h4>",
    );
    expect(noticeBodyPreview({ actor: actors.citizen, body: "**x**" })).toBe("");
    expect(noticeBodyPreview({ actor: null, body: "**x**" })).toBe("");
    expect(noticeBodyPreview({ actor: actors.editor, body: "x".repeat(20_001) })).toBe("");
  });

  it("without JavaScript keeps everything typed for its author and goes back to the form", async () => {
    const values = { title: "草稿", body: "**正文**", publishAtTime: "09:30", scope: "c:510104001001" };
    const path = await keepNoticePreview({ db: database.prisma, actor: actors.editor, values });
    expect(path).toMatch(/^\/staff\/notices\/new\?form=[0-9a-f]{32}&preview=1#notice-preview$/);
    const id = new URL(path, "http://x").searchParams.get("form");
    expect(await returnedFormState({ db: database.prisma, actor: actors.editor, id })).toMatchObject({
      ok: true,
      values,
    });
    expect(await returnedFormState({ db: database.prisma, actor: actors.editor2, id })).toBeNull();
    // a draft's preview goes back to the draft; an id that is not one, to the new notice
    expect(
      await keepNoticePreview({ db: database.prisma, actor: actors.editor, id: "abc123", values }),
    ).toMatch(/^\/staff\/notices\/abc123\?/);
    expect(
      await keepNoticePreview({ db: database.prisma, actor: actors.editor, id: "../x", values }),
    ).toMatch(/^\/staff\/notices\/new\?/);
  });
});

describe("退回 and 归档 on a notice are confirmed on a second page", () => {
  it("checks 退回 first, keeps it for the reviewer, and finds it by the notice's id", async () => {
    const created = await createNotice({ db: database.prisma, actor: actors.editor, notice: notice() });
    await applyNoticeStep({
      db: database.prisma,
      actor: actors.editor,
      noticeId: created.id,
      step: "submit",
      expectedVersion: created.version,
    });
    const sendBack = {
      db: database.prisma,
      actor: actors.editor2,
      noticeId: created.id,
      step: "sendBack" as const,
      expectedVersion: created.version + 1,
    };
    expect(needsConfirmation(noticeWorkflow.steps.sendBack, undefined)).toBe(true);
    expect(needsConfirmation(noticeWorkflow.steps.sendBack, "1")).toBe(false);
    expect(needsConfirmation(noticeWorkflow.steps.approve, undefined)).toBe(false);
    expect(needsConfirmation(noticeWorkflow.steps.archive, undefined)).toBe(true);
    // without a comment it is refused before any confirmation
    await expect(checkNoticeStep(sendBack)).rejects.toMatchObject({
      key: "reasonRequired",
      field: "comment",
    });
    await checkNoticeStep({ ...sendBack, comment: "请补充停水范围" });
    const path = await askToConfirm({
      db: database.prisma,
      actor: actors.editor2,
      values: {
        id: created.id,
        step: "sendBack",
        expectedVersion: "2",
        comment: "请补充停水范围",
        confirmed: "1",
      },
      page: `/staff/notices/${created.id}/confirm`,
    });
    const pending = await stepToConfirm({
      db: database.prisma,
      actor: actors.editor2,
      id: new URL(path, "http://x").searchParams.get("form"),
      trackingNumber: created.id,
      keyField: "id",
      steps: noticeWorkflow.steps,
    });
    expect(pending?.step).toBe("sendBack");
    // what was posted comes back without the confirmation itself
    expect(pending?.values).toEqual({
      id: created.id,
      step: "sendBack",
      expectedVersion: "2",
      comment: "请补充停水范围",
    });
    // checking took nothing
    expect((await database.prisma.notice.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(
      "SUBMITTED",
    );
  });
});
