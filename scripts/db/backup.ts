/**
 * npm run db:backup [FILE]: a consistent copy of the database (the embedded one is asked of the
 * running server, or opened under its lock when none runs) and of every stored file its rows
 * point at, in one tar file with a manifest of row counts and checksums.
 */
import path from "node:path";
import { createBackup } from "../../lib/backup/backup";
import { dataDir } from "../../lib/config/paths";
import { directDatabaseTarget } from "../../lib/db/adapter";
import { storage } from "../../lib/storage/storage";
import { runMain } from "../runMain";

async function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = process.argv[2] ?? path.join(dataDir(), "backups", `onestop-${stamp}.tar`);
  const {
    manifest,
    seconds,
    file: written,
  } = await createBackup({ file, target: directDatabaseTarget(), storage: storage() });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `[onestop] backup written to ${written} in ${seconds.toFixed(1)} s: ${manifest.database.kind}, ` +
      `migration ${manifest.migration}, ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
      `${manifest.uploads.length} files`,
  );
  if (manifest.missingUploads.length)
    console.warn(
      `[onestop] ${manifest.missingUploads.length} files were missing from storage: ${manifest.missingUploads.join(", ")}`,
    );
}

runMain(main);
