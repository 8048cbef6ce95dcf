import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { FormError, NotFoundError } from "../shared/errors";
import { saveUpload, uploadContent, type TFormFile } from "../uploads/saveUpload";
import { applyCaseStep } from "./applyCaseStep";
import { caseWorkflow } from "./caseWorkflow";
import { filesForItems, openSupplementRequest, supplementItemField } from "./supplementRequest";

/** Items of the 补正 list that came without a file: their fields, for the form to mark each one. */
export class SupplementItemsMissing extends Error {
  constructor(public readonly fields: string[]) {
    super("fileRequired");
  }
}

type TItemFile = TFormFile & { field: string };

/**
 * The applicant answers a 补正 request: one or more files for each item the caseworker listed
 * (form fields `item-0`, `item-1`, …, checked like any upload) and a note; the case returns to 预审.
 * An item without a file refuses the whole answer, before anything is stored.
 */
export async function supplyMaterials(
  input: {
    actor: TSessionUser;
    trackingNumber: string;
    expectedVersion: number;
    files: TItemFile[];
    note?: string;
  } & TDbOption,
) {
  const prisma = await clientOf(input);
  // the applicant's own case in 补正, before any file is stored
  const own = await prisma.application.findFirst({
    where: { trackingNumber: input.trackingNumber, applicantId: input.actor.id },
    select: {
      status: true,
      events: {
        where: { kind: "requestSupplement" },
        select: { kind: true, data: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!own) throw new NotFoundError("case");
  if (!caseWorkflow.steps.supplyMaterials.from.includes(own.status))
    throw new FormError("transitionNotAllowed");
  const listed = openSupplementRequest(own.events)?.items ?? [];
  // a request without a readable list is answered with one upload for the whole of it
  const items = listed.length ? listed : [""];
  const matched = filesForItems(items, input.files);
  if (!matched.ok) {
    if (items.length === 1) throw new FormError("fileRequired", supplementItemField(0));
    throw new SupplementItemsMissing(matched.missing);
  }
  const supplied: { item: string; uploadIds: string[] }[] = [];
  for (const answer of matched.answers) {
    const uploadIds: string[] = [];
    for (const file of answer.files) {
      const saved = await saveUpload({
        db: prisma,
        actor: input.actor,
        ...(await uploadContent(file)),
        field: file.field,
        purpose: "supplement",
      });
      uploadIds.push(saved.id);
    }
    supplied.push({ item: answer.item, uploadIds });
  }
  return applyCaseStep({
    db: prisma,
    actor: input.actor,
    trackingNumber: input.trackingNumber,
    step: "supplyMaterials",
    expectedVersion: input.expectedVersion,
    reason: input.note,
    newUploadIds: supplied.flatMap((answer) => answer.uploadIds),
    supplied: supplied.filter((answer) => answer.item),
  });
}
