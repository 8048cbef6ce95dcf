import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The README's backup command against the running portal: the server holds the embedded
 * database, so the backup must come from it over its socket, not from a second opener.
 */
test("npm run db:backup copies the embedded database while the portal serves", async ({ request }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-e2e-backup-"));
  try {
    const file = path.join(dir, "portal.tar");
    const result = spawnSync("npm", ["run", "--silent", "db:backup", "--", file], {
      env: { ...process.env, ONESTOP_DATA_DIR: ".e2e-data", DATABASE_URL: "" },
      encoding: "utf8",
    });
    expect(`${result.stdout}${result.stderr}`).toMatch(/backup written to .* \d+ tables, \d+ rows/);
    expect(result.status).toBe(0);
    const manifest = JSON.parse(
      spawnSync("tar", ["-xOf", file, "manifest.json"], { encoding: "utf8" }).stdout,
    );
    expect(manifest.tables.User).toBeGreaterThanOrEqual(10);
    // the server kept serving throughout
    expect((await request.get("/api/health")).status()).toBe(200);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
