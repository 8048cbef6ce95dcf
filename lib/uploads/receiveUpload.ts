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
  path: string;
  name: string;
  size: number;
  /** the first bytes, which decide the type */
  head: Uint8Array;
  sha256: string;
};

/** The file part grew past the limit; reading stopped there. */
export class UploadTooLarge extends Error {
  constructor(readonly field: string) {
    super("upload too large");
  }
}

/** Not a multipart body this endpoint understands (no boundary, too many parts, cut short). */
export class UploadMalformed extends Error {
  constructor() {
    super("malformed multipart body");
  }
}

const headBytes = 16;

/**
 * Reads a multipart/form-data body as it arrives: short text parts are collected, the one file
 * part named `fileField` is counted, hashed and written to a temporary file. Past `maxFileBytes`
 * parsing stops at once and the caller answers; what the client still sends in the next seconds is
 * dropped unread — so memory stays flat whatever a client sends, chunked or not. Other file parts
 * are refused. The caller removes the temporary file with `discardReceived` when done.
 */
export async function receiveUpload(input: {
  request: Request;
  fileField: string;
  maxFileBytes: number;
}): Promise<{ fields: Record<string, string>; file: TReceivedFile | null }> {
  const contentType = input.request.headers.get("content-type") ?? "";
  if (!input.request.body || !/^multipart\/form-data/i.test(contentType)) throw new UploadMalformed();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: 1, fields: 8, parts: 9, fieldSize: 1024, fieldNameSize: 64 },
    });
  } catch {
    throw new UploadMalformed();
  }
  const source = Readable.fromWeb(input.request.body as import("node:stream/web").ReadableStream);
  const fields: Record<string, string> = {};
  let received: Promise<TReceivedFile> | null = null;
  let fileStream: Readable | null = null;

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      lingerThenClose(source);
      // a file part cut short ends its write, which removes the temporary file
      fileStream?.destroy();
      reject(error);
    };
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(new UploadMalformed());
      else fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== input.fileField || received) {
        fail(new UploadMalformed());
        return;
      }
      fileStream = stream;
      received = writeTemporary(stream, info.filename, input.maxFileBytes, name);
      received.catch(fail);
    });
    for (const event of ["partsLimit", "filesLimit", "fieldsLimit"] as const)
      parser.on(event, () => fail(new UploadMalformed()));
    parser.on("error", () => fail(new UploadMalformed()));
    source.on("error", () => fail(new UploadMalformed()));
    parser.on("close", () => {
      if (settled) return;
      Promise.resolve(received).then((file) => {
        if (settled) return void (file && discardReceived(file));
        settled = true;
        resolve({ fields, file });
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
  name: string | undefined,
  maxBytes: number,
  field: string,
): Promise<TReceivedFile> {
  const target = path.join(os.tmpdir(), `onestop-upload-${randomBytes(12).toString("hex")}`);
  const hash = createHash("sha256");
  const head = new Uint8Array(headBytes);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (size < headBytes) head.set(chunk.subarray(0, headBytes - size), size);
      size += chunk.length;
      if (size > maxBytes) return callback(new UploadTooLarge(field));
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
    path: target,
    name: name ?? "",
    size,
    head: head.subarray(0, Math.min(size, headBytes)),
    sha256: hash.digest("hex"),
  };
}
