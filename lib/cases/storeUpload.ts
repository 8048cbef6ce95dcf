import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { serviceToApplyFor } from "./serviceToApplyFor";
import { saveUpload, type TUploaded } from "../uploads/saveUpload";
import type { TReceivedFile } from "../uploads/receiveUpload";

/** The service named has no upload field of that name. */
export class UploadFieldUnknown extends Error {
  constructor() {
    super("upload field unknown");
  }
}

/**
 * Stores one file sent on its own (the API), already received onto disk, for a citizen; with a service and one of its form's
 * upload fields, that field's types and size limit apply, else the portal's defaults.
 */
export async function storeUpload(
  input: {
    actor: TSessionUser;
    received: TReceivedFile;
    target?: { serviceCode: string; field: string };
  } & TDbOption,
): Promise<TUploaded> {
  const { actor, received, db } = input;
  const name = received.name;
  if (!input.target) return saveUpload({ actor, name, received, field: "file", db });
  const service = await serviceToApplyFor(await clientOf(input), actor, input.target.serviceCode);
  const field = service.form.steps
    .flatMap((step) => step.fields)
    .find((f) => f.name === input.target?.field && f.type === "file");
  if (!field) throw new UploadFieldUnknown();
  return saveUpload({
    actor,
    name,
    received,
    accept: field.accept,
    maxSizeMb: field.maxSizeMb,
    field: field.name,
    purpose: field.materialId,
    db,
  });
}
