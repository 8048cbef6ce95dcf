import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { storage } from "../storage/storage";

type Tx = PrismaClient | Prisma.TransactionClient;
type TStoredFile = { id: string; storageKey: string };

/** Upload ids a draft's answers name (a file field's answer is its upload's id). */
export function uploadIdsIn(answers: Prisma.JsonValue): string[] {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return [];
  return Object.values(answers).filter((value): value is string => typeof value === "string");
}

/**
 * Citizens' uploads that no case, request, document or notice holds: files for an application not
 * yet sent. With `before`, only those uploaded earlier and named by no draft still kept (an old
 * upload in a draft the person is still working on stays with it).
 */
export async function unattachedUploads(
  tx: Tx,
  filter: { uploaderId?: string; before?: Date },
): Promise<TStoredFile[]> {
  const found = await tx.attachment.findMany({
    where: {
      applicationId: null,
      documentId: null,
      requestId: null,
      noticeId: null,
      uploaderId: filter.uploaderId ?? { not: null },
      uploader: { accountType: { in: ["PERSON", "ORGANISATION"] } },
      ...(filter.before ? { createdAt: { lt: filter.before } } : {}),
    },
    select: { id: true, storageKey: true, uploaderId: true },
  });
  if (!filter.before || !found.length) return found;
  const drafts = await tx.applicationDraft.findMany({
    where: { userId: { in: [...new Set(found.map((f) => f.uploaderId as string))] } },
    select: { answers: true },
  });
  const kept = new Set(drafts.flatMap((draft) => uploadIdsIn(draft.answers)));
  return found.filter((file) => !kept.has(file.id));
}

/** Removes stored files whose rows are gone; one that cannot be removed is logged, not fatal. */
export async function removeStoredFiles(files: TStoredFile[]): Promise<void> {
  const store = storage();
  for (const file of files) {
    try {
      await store.remove(file.storageKey);
    } catch (error) {
      console.error(`[uploads] could not remove ${file.storageKey}`, error);
    }
  }
}
