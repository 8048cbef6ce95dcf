import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { NotFoundError } from "../shared/errors";
import { storage } from "../storage/storage";
import { handlesMailbox, hasRole, mayWorkCases } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";

type TFileDownload = { bytes: Uint8Array; fileName: string; mimeType: string };

/**
 * A stored file for a reader who may see it: its uploader; the applicant of the case it belongs
 * to; staff who work that case's department; anyone for a published document or notice;
 * editors and supervisors for a notice still in review.
 * Everyone else gets NotFoundError, exactly as for a file that does not exist, and the refusal is audited.
 */
export async function readUpload(
  input: { actor: TSessionUser | null; id: string } & TDbOption,
): Promise<TFileDownload> {
  if (!/^[a-z0-9]{8,64}$/.test(input.id)) throw new NotFoundError("file");
  const file = await (
    await clientOf(input)
  ).attachment.findUnique({
    where: { id: input.id },
    include: {
      application: {
        select: { applicantId: true, service: { select: { department: { select: { code: true } } } } },
      },
      document: { select: { status: true } },
      notice: { select: { status: true } },
      request: { select: { applicantId: true, department: { select: { code: true } } } },
      letter: { select: { department: { select: { code: true } } } },
    },
  });
  const actor = input.actor;
  const allowed =
    !!file &&
    (file.document?.status === "PUBLISHED" ||
      file.notice?.status === "PUBLISHED" ||
      file.notice?.status === "ARCHIVED" ||
      // editors and supervisors read a notice's files before publication (review, preview)
      (!!file.notice &&
        !!actor &&
        actor.grants.some((g) => g.role === "EDITOR" || g.role === "SUPERVISOR" || g.role === "ADMIN")) ||
      (!!actor && file.uploaderId === actor.id) ||
      (!!actor && file.application?.applicantId === actor.id) ||
      (!!actor && !!file.application && mayWorkCases(actor, file.application.service.department.code)) ||
      (!!actor && !!file.request?.applicantId && file.request.applicantId === actor.id) ||
      (!!actor &&
        !!file.request &&
        (hasRole(actor, "DISCLOSURE_OFFICER", file.request.department.code) ||
          hasRole(actor, "SUPERVISOR", file.request.department.code))) ||
      // a letter's files: its writer (the uploader) and the handlers of the mailbox holding it
      (!!actor && !!file.letter && handlesMailbox(actor, file.letter.department)));
  if (!file) throw new NotFoundError("file");
  if (!allowed)
    throw await deniedAsNotFound(await clientOf(input), {
      actorId: actor?.id ?? null,
      action: "file.read",
      entityType: "Attachment",
      entityId: input.id,
    });
  const bytes = await storage().get(file.storageKey);
  if (!bytes) throw new NotFoundError("file");
  return { bytes, fileName: file.fileName, mimeType: file.mimeType };
}
