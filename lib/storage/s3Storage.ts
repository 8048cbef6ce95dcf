import fs from "node:fs";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import type { TStorage } from "./types";

type TS3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** S3 settings from the environment, or null when S3_BUCKET is not set. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TS3Config | null {
  if (!env.S3_BUCKET) return null;
  return {
    endpoint: (env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION ?? "us-east-1"}.amazonaws.com`).replace(
      /\/$/,
      "",
    ),
    bucket: env.S3_BUCKET,
    region: env.S3_REGION ?? "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? "",
  };
}

/**
 * Files in an S3-compatible bucket (AWS, MinIO, Ceph, OSS …) with path-style addresses and
 * SigV4-signed requests, so several app instances share one store.
 */
export function s3Storage(config: TS3Config): TStorage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: "s3",
  });
  const url = (key: string) =>
    `${config.endpoint}/${encodeURIComponent(config.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const check = async (response: Response, what: string) => {
    if (!response.ok)
      throw new Error(`S3 ${what} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, contentType) {
      await check(
        await client.fetch(url(key), {
          method: "PUT",
          body: new Blob([new Uint8Array(bytes)]),
          headers: { "Content-Type": contentType },
        }),
        `put ${key}`,
      );
    },
    async putFile(key, file, contentType) {
      // signed with the digest taken while the file arrived, so the body can stream from disk; sent
      // once (a stream cannot be replayed by the client's retries)
      const signed = await client.sign(url(key), {
        method: "PUT",
        body: Readable.toWeb(fs.createReadStream(file.path)) as ReadableStream<Uint8Array>,
        headers: {
          "Content-Type": contentType,
          "Content-Length": String(file.size),
          "X-Amz-Content-Sha256": file.sha256,
        },
      });
      await check(await fetch(signed), `put ${key}`);
    },
    async get(key) {
      const response = await client.fetch(url(key));
      if (response.status === 404) return null;
      await check(response, `get ${key}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(key) {
      const response = await client.fetch(url(key), { method: "DELETE" });
      if (response.status !== 404) await check(response, `delete ${key}`);
    },
  };
}
