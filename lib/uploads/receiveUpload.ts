import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";

/** An uploaded file written to a temporary file as it arrived; never held in memory whole. */
export type TReceivedFile = {
  /** the form field it came in */
  field: string;
  path: string;
  name: string;
  size: number;
  /** the first bytes, which decide the type */
  head: Uint8Array;
  sha256: string;
};

/** The file parts grew past the limit; reading stopped there. */
export class UploadTooLarge extends Error {
  constructor(
    readonly field: string,
    /** the text parts read before the refusal, so a form can come back with them */
    readonly entries: [string, string][] = [],
  ) {
    super("upload too large");
  }
}

/** Not a multipart body this endpoint understands (no boundary, too many parts, cut short). */
export class UploadMalformed extends Error {
  constructor() {
    super("malformed multipart body");
  }
}

/**
 * More files than the form takes: the field they were chosen in, and the text read, for a form to
 * go back with (a malformed body to those that do not tell it apart, like the API).
 */
export class UploadTooManyFiles extends UploadMalformed {
  constructor(
    readonly field: string,
    readonly entries: [string, string][] = [],
  ) {
    super();
    this.message = "too many files";
  }
}

const headBytes = 16;

/** No upload field allows more than this; reading any upload stops past it. */
export const uploadCeilingMb = 50;

type TReceiveOptions = {
  request: Request;
  /** the file parts taken: by field name (any name when omitted), at most `maxCount` of them */
  files: { fields?: string[]; maxCount: number };
  /** all file parts together; past it reading stops */
  maxFileBytes: number;
  /** the text parts: how many, and their bytes in all (an API call's few short parts by default) */
  text?: { maxFields: number; maxBytes: number };
};

/**
 * Reads a multipart/form-data body as it arrives: text parts are collected (within their own
 * budget), file parts are counted, hashed and written to temporary files. Past `maxFileBytes`
 * parsing stops at once and the caller answers; what the client still sends in the next seconds is
 * dropped unread — so memory stays flat whatever a client sends, chunked or not. File parts in
 * other fields are refused; an empty file input (no name, no bytes) is skipped. The caller removes
 * the temporary files with `discardReceived` when done.
 */
export async function receiveUpload(
  input: TReceiveOptions,
): Promise<{ fields: Record<string, string>; entries: [string, string][]; files: TReceivedFile[] }> {
  const contentType = input.request.headers.get("content-type") ?? "";
  if (!input.request.body || !/^multipart\/form-data/i.test(contentType)) throw new UploadMalformed();
  const text = input.text ?? { maxFields: 8, maxBytes: 1024 };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        // an empty file input still sends its part
        files: input.files.maxCount + 8,
        fields: text.maxFields,
        parts: input.files.maxCount + 8 + text.maxFields,
        fieldSize: text.maxBytes,
        fieldNameSize: 100,
      },
    });
  } catch {
    throw new UploadMalformed();
  }
  const source = Readable.fromWeb(input.request.body as import("node:stream/web").ReadableStream);
  const entries: [string, string][] = [];
  const budget = { left: input.maxFileBytes };
  let textBytes = 0;
  const pending: Promise<TReceivedFile | null>[] = [];
  const open = new Set<Readable>();

  return new Promise((resolve, reject) => {
    let settled = false;
    const discardAll = () =>
      void Promise.allSettled(pending).then((all) =>
        all.forEach((one) => one.status === "fulfilled" && one.value && discardReceived(one.value)),
      );
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      lingerThenClose(source);
      // a file part cut short ends its write, which removes its temporary file
      for (const stream of open) stream.destroy();
      discardAll();
      reject(error instanceof UploadTooLarge ? new UploadTooLarge(error.field, [...entries]) : error);
    };
    parser.on("field", (name, value, info) => {
      textBytes += Buffer.byteLength(value);
      if (info.valueTruncated || info.nameTruncated || textBytes > text.maxBytes) fail(new UploadMalformed());
      else entries.push([name, value]);
    });
    parser.on("file", (name, stream, info) => {
      if (input.files.fields && !input.files.fields.includes(name)) {
        fail(new UploadMalformed());
        return;
      }
      open.add(stream);
      stream.once("close", () => open.delete(stream));
      const written = writeTemporary(stream, { field: name, name: info.filename ?? "" }, budget).then(
        // an empty file input: the browser sends a part with no name and no bytes
        async (file) => (file.size === 0 && !file.name ? (await discardReceived(file), null) : file),
      );
      written.catch(fail);
      pending.push(written);
    });
    // more files than a form takes are what a person can choose in a file input: told, not refused
    parser.on("filesLimit", () =>
      fail(new UploadTooManyFiles(input.files.fields?.[0] ?? "files", [...entries])),
    );
    for (const event of ["partsLimit", "fieldsLimit"] as const)
      parser.on(event, () => fail(new UploadMalformed()));
    parser.on("error", () => fail(new UploadMalformed()));
    source.on("error", () => fail(new UploadMalformed()));
    parser.on("close", () => {
      if (settled) return;
      Promise.all(pending).then((all) => {
        const files = all.filter((file): file is TReceivedFile => file !== null);
        if (settled) return void files.forEach((file) => discardReceived(file));
        if (files.length > input.files.maxCount) {
          files.forEach((file) => discardReceived(file));
          return fail(new UploadTooManyFiles(files.at(-1)!.field, [...entries]));
        }
        settled = true;
        resolve({ fields: Object.fromEntries(entries), entries, files });
      }, fail);
    });
    source.pipe(parser);
  });
}

// After a refusal the rest of the body is read and dropped for a while before the connection is
// cut (what web servers call a lingering close): a socket closed with unread data makes the kernel
// send a reset, and the client loses the answer it has not read yet. A client that reads the
// answer stops sending at once; one that keeps sending is cut off after lingerMs.
const lingerMs = 5000;

function lingerThenClose(source: Readable): void {
  const timer = setTimeout(() => source.destroy(), lingerMs);
  source.once("end", () => clearTimeout(timer));
  source.once("close", () => clearTimeout(timer));
  source.resume();
}

/** Removes a received file's temporary copy (nothing happens if storage has moved it away). */
export async function discardReceived(file: TReceivedFile): Promise<void> {
  await fs.promises.rm(file.path, { force: true });
}

async function writeTemporary(
  stream: Readable,
  part: { field: string; name: string },
  budget: { left: number },
): Promise<TReceivedFile> {
  const target = path.join(os.tmpdir(), `onestop-upload-${randomBytes(12).toString("hex")}`);
  const hash = createHash("sha256");
  const head = new Uint8Array(headBytes);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (size < headBytes) head.set(chunk.subarray(0, headBytes - size), size);
      size += chunk.length;
      budget.left -= chunk.length;
      if (budget.left < 0) return callback(new UploadTooLarge(part.field));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, fs.createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    throw error instanceof UploadTooLarge ? error : new UploadMalformed();
  }
  return {
    field: part.field,
    path: target,
    name: part.name,
    size,
    head: head.subarray(0, Math.min(size, headBytes)),
    sha256: hash.digest("hex"),
  };
}
