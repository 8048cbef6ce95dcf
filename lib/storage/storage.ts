import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "../config/paths";
import { s3ConfigFromEnv, s3Storage } from "./s3Storage";
import type { TStorage } from "./types";

export function localStorage(root = path.join(/*turbopackIgnore: true*/ dataDir(), "uploads")): TStorage {
  const file = (key: string) => {
    if (!/^[a-z0-9/_-]+$/i.test(key) || key.includes("..")) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, bytes, { mode: 0o600 });
    },
    async putFile(key, received) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.rename(received.path, target);
      } catch (error) {
        // the temporary directory may be on another file system: copy instead of moving
        if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
        await fs.copyFile(received.path, target);
      }
      await fs.chmod(target, 0o600);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(file(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

let current: TStorage | null = null;

/** The configured storage: an S3-compatible bucket when S3_BUCKET is set, else the local directory. */
export function storage(): TStorage {
  if (!current) {
    const s3 = s3ConfigFromEnv();
    current = s3 ? s3Storage(s3) : localStorage();
  }
  return current;
}
