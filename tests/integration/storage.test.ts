import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import S3rver from "s3rver";
import { localStorage } from "@/lib/storage/storage";
import type { TStorage } from "@/lib/storage/types";
import { s3Storage } from "@/lib/storage/s3Storage";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-storage-"));
let server: S3rver;
let endpoint = "";

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(dir, "s3"),
    configureBuckets: [{ name: "onestop", configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const backends: [string, () => TStorage][] = [
  ["local directory", () => localStorage(path.join(dir, "local"))],
  [
    "S3-compatible bucket",
    () =>
      s3Storage({
        endpoint,
        bucket: "onestop",
        region: "us-east-1",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
      }),
  ],
];

describe.each(backends)("storage: %s", (_name, make) => {
  it("puts, gets and removes bytes; a missing key is null", async () => {
    const store = make();
    const bytes = new TextEncoder().encode("%PDF-1.4 身份证");
    await store.put("2026/abc123", bytes, "application/pdf");
    expect(Buffer.from((await store.get("2026/abc123"))!).equals(Buffer.from(bytes))).toBe(true);
    await store.remove("2026/abc123");
    expect(await store.get("2026/abc123")).toBeNull();
    expect(await store.get("2026/never")).toBeNull();
  });

  it("stores a file from disk (a streamed upload) under its digest", async () => {
    const store = make();
    const bytes = new TextEncoder().encode("%PDF-1.4 streamed 营业执照");
    const source = path.join(dir, `received-${Math.random().toString(36).slice(2)}`);
    fs.writeFileSync(source, bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await store.putFile(
      "2026/streamed1",
      { path: source, size: bytes.byteLength, sha256 },
      "application/pdf",
    );
    expect(Buffer.from((await store.get("2026/streamed1"))!).equals(Buffer.from(bytes))).toBe(true);
    await store.remove("2026/streamed1");
  });
});

describe("local storage keys", () => {
  it("refuses keys that could leave the directory", async () => {
    const store = localStorage(path.join(dir, "local"));
    await expect(store.put("../escape", new Uint8Array([1]), "application/pdf")).rejects.toThrow(
      /bad storage key/,
    );
  });
});
