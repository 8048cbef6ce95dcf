import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/lib/db/connect";
import { openAdapter } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-worker-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Resolves with the first line of the output matching `pattern`, or rejects after `ms`. */
function waitForLine(output: () => string, pattern: RegExp, ms: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(output())) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`no ${pattern} in:\n${output()}`));
      setTimeout(check, 100);
    };
    check();
  });
}

describe("npm run worker", () => {
  it("runs due jobs without HTTP and exits 0 on SIGTERM", async () => {
    const target = { kind: "pglite", dir: path.join(dataDir, "pglite") } as const;
    const migrator = await openAdapter(target);
    await deployMigrations(migrator.factory);
    await migrator.close();
    const before = await connect(target);
    const longAgo = new Date(Date.now() - 30 * 24 * 3600_000);
    await before.prisma.job.createMany({
      data: [
        // a dead letter past the 30 days failed jobs are kept for
        { kind: "test.old", payload: {}, failedAt: longAgo, createdAt: longAgo },
        // the housekeeping job, due now (the worker queues the next one by its timetable)
        { kind: "jobs.cleanup", payload: {}, uniqueKey: "cron:jobs.cleanup:due" },
      ],
    });
    await before.close();

    // the command npm run worker runs (package.json)
    const worker = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/serverOnly.mjs", "scripts/worker.ts"],
      {
        env: { ...process.env, DATABASE_URL: "", ONESTOP_DATA_DIR: dataDir, JOB_POLL_MS: "200" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    worker.stdout.on("data", (chunk) => (output += chunk));
    worker.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
    try {
      await waitForLine(() => output, /worker ready/, 60_000);
      await waitForLine(() => output, /removed 1 finished jobs/, 30_000);
      // it listens on nothing: the worker has no HTTP server
      expect(output).not.toMatch(/ready on http/);
    } finally {
      worker.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
    expect(output).toMatch(/worker stopped/);

    const after = await connect(target);
    try {
      expect(await after.prisma.job.count({ where: { kind: "test.old" } })).toBe(0);
      const cleanups = await after.prisma.job.findMany({
        where: { kind: "jobs.cleanup" },
        orderBy: { runAt: "asc" },
      });
      expect(cleanups.map((j) => [j.uniqueKey, !!j.doneAt])).toEqual([
        ["cron:jobs.cleanup:due", true],
        [expect.stringMatching(/^cron:jobs\.cleanup:.*:17:00\.000Z$/), false],
      ]);
    } finally {
      await after.close();
    }
  });
});
