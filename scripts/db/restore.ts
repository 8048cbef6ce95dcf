/**
 * npm run db:restore FILE [--force]: puts a backup back into the configured database and
 * storage, with the server stopped. A target that holds data is refused unless --force; the row
 * counts are checked against the backup's manifest afterwards.
 */
import fs from "node:fs";
import path from "node:path";
import { RestoreRefusedError, restoreBackup } from "../../lib/backup/restore";
import { dataDir } from "../../lib/config/paths";
import { directDatabaseTarget } from "../../lib/db/adapter";
import { s3ConfigFromEnv } from "../../lib/storage/s3Storage";
import { storage } from "../../lib/storage/storage";
import { runMain } from "../runMain";

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run db:restore FILE [-- --force]");
    process.exitCode = 2;
    return;
  }
  const uploads = path.join(dataDir(), "uploads");
  const storageHasFiles = !s3ConfigFromEnv() && fs.existsSync(uploads) && fs.readdirSync(uploads).length > 0;
  try {
    const { manifest, tables, seconds } = await restoreBackup({
      file,
      target: directDatabaseTarget(),
      storage: storage(),
      storageHasFiles,
      force: args.includes("--force"),
    });
    const rows = Object.values(tables).reduce((a, b) => a + b, 0);
    console.log(
      `[onestop] restored ${file} (taken ${manifest.createdAt}) in ${seconds.toFixed(1)} s: ` +
        `${Object.keys(tables).length} tables and ${rows} rows match the manifest, ${manifest.uploads.length} files`,
    );
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`[onestop] restore refused: ${error.message}`);
    process.exitCode = 1;
  }
}

runMain(main);
