import path from "node:path";

/** Where the embedded database, uploads and generated secrets live (`./data` by default). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.ONESTOP_DATA_DIR ?? "data");
}

/** The PGlite data directory used when DATABASE_URL is unset. */
export function pgliteDir(): string {
  return path.join(/*turbopackIgnore: true*/ dataDir(), "pglite");
}
