import "server-only";
import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { writeAudit } from "../audit/writeAudit";
import { deniedAsNotFound } from "../audit/refusals";
import { FormError, NotFoundError } from "../shared/errors";
import { saveUpload } from "../uploads/saveUpload";
import type { TReceivedFile } from "../uploads/receiveUpload";
import { noticeCategories } from "./categories";
import { expandScope, isEmptyScope, type TNoticeScope } from "./scope";
import { isNoticeEditor, mayEditNotice } from "./noticeWorkflow";

const ZCode = z.string().regex(/^\d{6,15}$/);

/** What an editor writes; the same schema for a new notice and for a draft's next revision. */
export const ZNoticeInput = z.object({
  title: lineField().min(1, "required").max(120, "tooLongMax|120"),
  titleEn: lineField().max(240, "tooLongMax|240").optional().default(""),
  body: textField().min(1, "required").max(20_000, "tooLongMax|20000"),
  category: z.enum(noticeCategories, { message: "choose" }),
  scope: z.object({ districts: z.array(ZCode), streets: z.array(ZCode), communities: z.array(ZCode) }),
  source: lineField().min(1, "required").max(120, "tooLongMax|120"),
  publishAt: z.date(),
  expiresAt: z.date().nullable(),
  pinned: z.boolean(),
  /** 紧急: before pinned routine notices, and the home page's banner until it expires */
  urgent: z.boolean().optional(),
});
export type TNoticeInput = z.infer<typeof ZNoticeInput>;
/** A new attachment: bytes in memory (tests, scripts), or a file received onto disk by a form. */
export type TNewFile = { name: string; bytes: Uint8Array } | TReceivedFile;

async function targetCommunityIds(prisma: PrismaClient, scope: TNoticeScope): Promise<string[]> {
  if (isEmptyScope(scope)) throw new FormError("chooseAtLeastOne", "scope");
  const tree = await prisma.district.findMany({
    select: { code: true, streets: { select: { code: true, communities: { select: { code: true } } } } },
  });
  const expanded = expandScope(scope, tree);
  if ("unknown" in expanded) throw new FormError("choose", "scope");
  const rows = await prisma.community.findMany({
    where: { code: { in: expanded.communities } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

function checkDates(input: TNoticeInput) {
  if (input.expiresAt && input.expiresAt <= input.publishAt)
    throw new FormError("expiryBeforePublication", "expiresAt");
}

/** The columns an editor's input sets, the same on a new notice and on each revision. */
function noticeColumns(input: TNoticeInput) {
  return {
    title: input.title,
    titleEn: input.titleEn || null,
    body: input.body,
    category: input.category,
    source: input.source,
    pinned: input.pinned,
    urgent: input.urgent ?? false,
    // the category decides whether a supervisor may publish it alone
    emergency: input.category === "emergency",
    publishAt: input.publishAt,
    expiresAt: input.expiresAt,
    scope: input.scope,
  };
}

/** Everything but title and body, kept on each revision for the diff view. */
function revisionMeta(input: TNoticeInput, attachments: string[]): Prisma.InputJsonValue {
  return {
    titleEn: input.titleEn ?? "",
    category: input.category,
    source: input.source,
    scope: input.scope,
    publishAt: input.publishAt.toISOString(),
    expiresAt: input.expiresAt?.toISOString() ?? null,
    pinned: input.pinned,
    urgent: input.urgent ?? false,
    attachments,
  };
}

/** Stores new files first (outside the transaction: storage is not transactional). */
async function storeFiles(prisma: PrismaClient, actor: TSessionUser, files: TNewFile[]) {
  const stored = [];
  for (const file of files)
    stored.push(
      await saveUpload({
        db: prisma,
        actor,
        ...("path" in file ? { name: file.name, received: file } : file),
        field: "attachments",
        purpose: "notice",
      }),
    );
  return stored;
}

/** A new draft with its first revision and attachments; audited. */
export async function createNotice(
  input: { actor: TSessionUser; notice: TNoticeInput; files?: TNewFile[] } & TDbOption,
) {
  const prisma = await clientOf(input);
  if (!isNoticeEditor(input.actor)) throw new NotFoundError("notice");
  const { notice: data } = input;
  checkDates(data);
  const communityIds = await targetCommunityIds(prisma, data.scope);
  const files = await storeFiles(prisma, input.actor, input.files ?? []);
  return prisma.$transaction(async (tx) => {
    const notice = await tx.notice.create({
      data: {
        ...noticeColumns(data),
        authorId: input.actor.id,
        targets: { create: communityIds.map((communityId) => ({ communityId })) },
        revisions: {
          create: {
            version: 1,
            title: data.title,
            body: data.body,
            editorId: input.actor.id,
            comment: "create",
            meta: revisionMeta(
              data,
              files.map((f) => f.fileName),
            ),
          },
        },
      },
    });
    if (files.length)
      await tx.attachment.updateMany({
        where: { id: { in: files.map((f) => f.id) }, uploaderId: input.actor.id },
        data: { noticeId: notice.id },
      });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "notice.create",
      entityType: "Notice",
      entityId: notice.id,
    });
    return notice;
  });
}

/** The next revision of a draft (only a draft can change: a submitted notice is sent back first). */
export async function updateNotice(
  input: {
    actor: TSessionUser;
    noticeId: string;
    expectedVersion: number;
    notice: TNoticeInput;
    files?: TNewFile[];
    removeAttachments?: string[];
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  const current = isNoticeEditor(input.actor)
    ? await prisma.notice.findUnique({
        where: { id: input.noticeId },
        include: { attachments: { select: { id: true, fileName: true } } },
      })
    : null;
  if (!current) {
    throw await deniedAsNotFound(prisma, {
      actorId: input.actor.id,
      action: "notice.edit",
      entityType: "Notice",
      entityId: input.noticeId,
    });
  }
  if (current.version !== input.expectedVersion) throw new FormError("caseChanged");
  if (!mayEditNotice(input.actor, current)) throw new FormError("onlyDraftEditable");
  const { notice: data } = input;
  checkDates(data);
  const communityIds = await targetCommunityIds(prisma, data.scope);
  const files = await storeFiles(prisma, input.actor, input.files ?? []);
  const removed = new Set(
    (input.removeAttachments ?? []).filter((id) => current.attachments.some((a) => a.id === id)),
  );
  const kept = current.attachments.filter((a) => !removed.has(a.id)).map((a) => a.fileName);
  const version = input.expectedVersion + 1;
  await prisma.$transaction(async (tx) => {
    const updated = await tx.notice.updateMany({
      where: { id: current.id, version: input.expectedVersion, status: current.status },
      data: { ...noticeColumns(data), version },
    });
    if (updated.count !== 1) throw new FormError("caseChanged");
    await tx.noticeTarget.deleteMany({ where: { noticeId: current.id } });
    await tx.noticeTarget.createMany({
      data: communityIds.map((communityId) => ({ noticeId: current.id, communityId })),
    });
    if (removed.size)
      await tx.attachment.updateMany({
        where: { id: { in: [...removed] }, noticeId: current.id },
        data: { noticeId: null },
      });
    if (files.length)
      await tx.attachment.updateMany({
        where: { id: { in: files.map((f) => f.id) }, uploaderId: input.actor.id },
        data: { noticeId: current.id },
      });
    await tx.noticeRevision.create({
      data: {
        noticeId: current.id,
        version,
        title: data.title,
        body: data.body,
        editorId: input.actor.id,
        comment: "edit",
        meta: revisionMeta(data, [...kept, ...files.map((f) => f.fileName)]),
      },
    });
    await writeAudit(tx, {
      actorId: input.actor.id,
      action: "notice.edit",
      entityType: "Notice",
      entityId: current.id,
      detail: { version },
    });
  });
}
