import "server-only";
import { z } from "zod";
import { lineField, textField } from "../shared/plainText";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isCitizen } from "../auth/policy";
import { FormError } from "../shared/errors";
import { letterKinds, mayorMailbox } from "./kinds";
import { getLetterSettings } from "./settings";
import { saveUpload, uploadContent, type TFormFile } from "../uploads/saveUpload";
import { countAttempt } from "../throttle/throttle";
import { clientAddress } from "../http/clientAddress";
import { contentChanged } from "../cache/contentChanged";
import { fileLetter } from "./newLetter";

/** At most this many files go with a letter. */
export const maxLetterFiles = 5;

/** A letter as the form sends it: the mailbox is 市长信箱 or a department's code. */
export const ZLetter = z.object({
  kind: z.enum(letterKinds, { message: "choose" }),
  mailbox: z.string().regex(/^[A-Z]{2,10}$/, "choose"),
  subject: lineField().min(1, "required").max(100, "tooLongMax|100"),
  content: textField().min(1, "required").max(5000, "tooLongMax|5000"),
  consentToPublish: z.enum(["yes", "no"], { message: "choose" }),
});
export type TLetterInput = z.infer<typeof ZLetter>;

/**
 * Files a letter to a mailbox and returns its 信件编号 and 查询码. A writer signed in as a
 * citizen is on record; without an account only a question or a suggestion is taken, since a
 * complaint, a plea for help or a report needs someone to answer to; and at most a few an hour
 * from one client address (throws TooManyRequestsError over the limit).
 */
export async function submitLetter(
  input: { actor: TSessionUser | null; letter: TLetterInput; files?: TFormFile[] } & TDbOption,
) {
  const prisma = await clientOf(input);
  const { kind, mailbox, subject, content, consentToPublish } = input.letter;
  const writerId = isCitizen(input.actor) ? input.actor.id : null;
  const settings = await getLetterSettings({ db: prisma });
  if (!writerId && !settings.anonymousKinds.includes(kind)) throw new FormError("letterSignInNeeded", "kind");
  // a letter without an account answers to nobody: a few an hour from one address
  if (!writerId)
    await countAttempt({ limit: "anonymousLetter", key: (await clientAddress()) ?? "unknown", db: prisma });
  let departmentId: string | null = null;
  if (mailbox !== mayorMailbox) {
    const department = await prisma.department.findFirst({
      where: { code: mailbox, issuerOnly: false },
      select: { id: true },
    });
    if (!department) throw new FormError("choose", "mailbox");
    departmentId = department.id;
  }
  // attachments (PDF, JPEG, PNG, checked by their content like every upload) need an account:
  // a file is kept for its uploader, who alone reads it besides the mailbox's handlers
  const files = (input.files ?? []).filter((file) => file.size > 0);
  if (files.length && !writerId) throw new FormError("letterSignInNeeded", "files");
  if (files.length > maxLetterFiles) throw new FormError(`letterTooManyFiles|${maxLetterFiles}`, "files");
  const uploadIds: string[] = [];
  for (const file of files)
    uploadIds.push(
      (
        await saveUpload({
          db: prisma,
          actor: input.actor!,
          ...(await uploadContent(file)),
          field: "files",
          purpose: "letter",
        })
      ).id,
    );
  const filed = await prisma.$transaction(async (tx) => {
    const created = await fileLetter(
      tx,
      { kind, departmentId, subject, content, consentToPublish: consentToPublish === "yes", writerId },
      { actorId: writerId },
    );
    if (uploadIds.length)
      await tx.attachment.updateMany({
        where: { id: { in: uploadIds }, uploaderId: writerId, letterId: null },
        data: { letterId: created.id },
      });
    return { number: created.number, accessCode: created.accessCode, status: created.status };
  });
  // the public figures count every letter received
  contentChanged();
  return filed;
}
