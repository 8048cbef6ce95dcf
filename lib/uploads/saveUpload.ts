import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { FormError } from "../shared/errors";
import { storage } from "../storage/storage";
import { detectType, sanitizeFileName, type TAcceptedType } from "./detectType";
import type { TReceivedFile } from "./receiveUpload";

const allAcceptedTypes: readonly TAcceptedType[] = ["application/pdf", "image/jpeg", "image/png"];
const defaultMaxSizeMb = 10;

export type TUploaded = { id: string; fileName: string; mimeType: TAcceptedType; size: number };

/**
 * A file a form brings: received onto disk as it streamed (the form routes and the API), or a File
 * already in memory (tests, scripts).
 */
export type TFormFile = File | TReceivedFile;

/** saveUpload's name and content for a form's file: a received file moves to storage unread. */
export async function uploadContent(
  file: TFormFile,
): Promise<{ name: string } & ({ bytes: Uint8Array } | { received: TReceivedFile })> {
  return file instanceof File
    ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    : { name: file.name, received: file };
}

/**
 * Stores one uploaded file for its uploader: its bytes, or a file received as a stream onto disk
 * (receiveUpload), which reaches storage without being read into memory. The type is decided by
 * the file's first bytes, not its name or the browser's claim; size and type limits come from the
 * service's form.
 * Errors are FormErrors with a code for `field` (`fileType`, `fileTooLarge|10`, `fileEmpty`).
 */
export async function saveUpload(
  input: {
    actor: TSessionUser;
    name: string;
    accept?: readonly TAcceptedType[];
    maxSizeMb?: number;
    field?: string;
    purpose?: string;
  } & ({ bytes: Uint8Array } | { received: TReceivedFile }) &
    TDbOption,
): Promise<TUploaded> {
  const accept = input.accept?.length ? input.accept : allAcceptedTypes;
  const maxSizeMb = input.maxSizeMb ?? defaultMaxSizeMb;
  const size = "bytes" in input ? input.bytes.byteLength : input.received.size;
  if (size === 0) throw new FormError("fileEmpty", input.field);
  if (size > maxSizeMb * 1024 * 1024) throw new FormError(`fileTooLarge|${maxSizeMb}`, input.field);
  const type = detectType("bytes" in input ? input.bytes.subarray(0, 16) : input.received.head);
  if (!type || !accept.includes(type)) throw new FormError("fileType", input.field);

  const id = randomBytes(12).toString("hex");
  const storageKey = `${new Date().getUTCFullYear()}/${id}`;
  const fileName = sanitizeFileName(input.name, type);
  const sha256 =
    "bytes" in input ? createHash("sha256").update(input.bytes).digest("hex") : input.received.sha256;
  if ("bytes" in input) await storage().put(storageKey, input.bytes, type);
  else await storage().putFile(storageKey, input.received, type);
  await (
    await clientOf(input)
  ).attachment.create({
    data: {
      id,
      fileName,
      mimeType: type,
      size,
      sha256,
      storageKey,
      uploaderId: input.actor.id,
      purpose: input.purpose ?? null,
    },
  });
  return { id, fileName, mimeType: type, size };
}

/**
 * Stores a file chosen in a form's upload field at once, so a later error in the form never loses
 * it: the upload's id, or null when the file is refused, its error recorded under the field.
 */
export async function saveChosenFile(
  input: {
    actor: TSessionUser;
    file: TReceivedFile;
    field: string;
    purpose?: string;
    accept?: readonly TAcceptedType[];
    maxSizeMb?: number;
  } & TDbOption,
  fieldErrors: Record<string, string>,
): Promise<string | null> {
  const { file, ...limits } = input;
  try {
    return (await saveUpload({ ...limits, name: file.name, received: file })).id;
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    fieldErrors[input.field] = error.key;
    return null;
  }
}
