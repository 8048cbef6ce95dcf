import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { loadSessionUser } from "@/lib/auth/verifyCredentials";
import type { TSessionUser } from "@/lib/auth/types";
import { keepFormState, returnedFormState } from "@/lib/actions/formReturn";
import {
  discardReceived,
  receiveUpload,
  UploadMalformed,
  UploadTooLarge,
  UploadTooManyFiles,
} from "@/lib/uploads/receiveUpload";

/** What a form with file inputs sends (the browser's multipart encoding, read as a stream). */
function formPost(parts: [string, string | File][]): Request {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  return new Request("http://portal.test/api/forms/x", { method: "POST", body });
}

const pdf = (name: string, bytes = 64) =>
  new File([new TextEncoder().encode(`%PDF-1.4\n${"0".repeat(bytes)}`)], name, { type: "application/pdf" });

describe("receiveUpload reads a form as a stream", () => {
  it("keeps every text part in order (repeated names too) and each file on disk, and skips an empty file input", async () => {
    const received = await receiveUpload({
      request: formPost([
        ["locale", "en"],
        ["scope", "a"],
        ["scope", "b"],
        ["attachments", pdf("一.pdf")],
        ["attachments", pdf("二.pdf")],
        ["empty", new File([], "")],
        ["body", "正文"],
      ]),
      files: { maxCount: 10 },
      maxFileBytes: 1024 * 1024,
      text: { maxFields: 20, maxBytes: 4096 },
    });
    try {
      expect(received.entries).toEqual([
        ["locale", "en"],
        ["scope", "a"],
        ["scope", "b"],
        ["body", "正文"],
      ]);
      expect(received.files.map((file) => [file.field, file.name, file.size])).toEqual([
        ["attachments", "一.pdf", 73],
        ["attachments", "二.pdf", 73],
      ]);
      for (const file of received.files) expect(fs.existsSync(file.path)).toBe(true);
    } finally {
      for (const file of received.files) await discardReceived(file);
    }
  });

  it("stops at the limit on all files together, naming the field and keeping the text read before it", async () => {
    const error = await receiveUpload({
      request: formPost([
        ["title", "停水"],
        ["attachments", pdf("a.pdf", 600)],
        ["attachments", pdf("b.pdf", 600)],
      ]),
      files: { fields: ["attachments"], maxCount: 10 },
      maxFileBytes: 1000,
      text: { maxFields: 20, maxBytes: 4096 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadTooLarge);
    expect((error as UploadTooLarge).field).toBe("attachments");
    expect((error as UploadTooLarge).entries).toEqual([["title", "停水"]]);
  });

  it("refuses a file in a field the form does not have, and text over its budget", async () => {
    await expect(
      receiveUpload({
        request: formPost([["other", pdf("a.pdf")]]),
        files: { fields: ["attachments"], maxCount: 1 },
        maxFileBytes: 1000,
      }),
    ).rejects.toBeInstanceOf(UploadMalformed);
    await expect(
      receiveUpload({
        request: formPost([
          ["a", "x".repeat(600)],
          ["b", "x".repeat(600)],
        ]),
        files: { maxCount: 1 },
        maxFileBytes: 1000,
        text: { maxFields: 20, maxBytes: 1000 },
      }),
    ).rejects.toBeInstanceOf(UploadMalformed);
  });

  // a person can choose any number of files in a file input: the form comes back with a message
  // (and what was typed), never a bare 400 page
  it("answers more files than the form takes with the field and the text read, however many more", async () => {
    for (const count of [3, 30]) {
      const error = await receiveUpload({
        request: formPost([
          ["locale", "en"],
          ["subject", "附件"],
          ...Array.from({ length: count }, (_, i): [string, File] => ["files", pdf(`${i}.pdf`)]),
        ]),
        files: { fields: ["files"], maxCount: 2 },
        maxFileBytes: 1024 * 1024,
        text: { maxFields: 20, maxBytes: 4096 },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, String(count)).toBeInstanceOf(UploadTooManyFiles);
      expect((error as UploadTooManyFiles).field).toBe("files");
      expect((error as UploadTooManyFiles).entries).toEqual([
        ["locale", "en"],
        ["subject", "附件"],
      ]);
    }
  });
});

describe("a form's state kept for the page it goes back to", () => {
  let database: TestDatabase;
  const actors: Record<string, TSessionUser> = {};
  beforeAll(async () => {
    database = await createTestDatabase({ seeded: true });
    for (const name of ["citizen", "citizen2"]) {
      const user = await database.prisma.user.findUniqueOrThrow({ where: { email: `${name}@example.cn` } });
      actors[name] = (await loadSessionUser({ userId: user.id, db: database.prisma }))!;
    }
  });
  afterAll(() => database.close());

  it("is read back by its author only, and not once it is old", async () => {
    const state = { ok: false, values: { note: "补正说明" }, fieldErrors: { files: "fileType" } };
    const id = await keepFormState({ actor: actors.citizen, state, db: database.prisma });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await returnedFormState({ actor: actors.citizen, id, db: database.prisma })).toEqual(state);
    expect(await returnedFormState({ actor: actors.citizen2, id, db: database.prisma })).toBeNull();
    expect(
      await returnedFormState({ actor: actors.citizen, id: "not-an-id", db: database.prisma }),
    ).toBeNull();
    await database.prisma.formReturn.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - 16 * 60 * 1000) },
    });
    expect(await returnedFormState({ actor: actors.citizen, id, db: database.prisma })).toBeNull();
    // the next state kept removes it
    await keepFormState({ actor: actors.citizen2, state, db: database.prisma });
    expect(await database.prisma.formReturn.count({ where: { id } })).toBe(0);
  });
});
