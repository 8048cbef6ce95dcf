import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter } from "@/lib/db/adapter";
import { DataDirLockedError, lockFileOf } from "@/lib/db/dataDirLock";
import { deployMigrations } from "@/lib/db/migrations";

// real processes on a real data directory, started as the README documents them
const tsx = path.resolve("node_modules", ".bin", "tsx");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-lock-"));
const dataDir = path.join(root, "data");
const dir = path.join(dataDir, "pglite");
const env = { ...process.env, ONESTOP_DATA_DIR: dataDir, DATABASE_URL: "", PORT: "3561" };
const started: ChildProcess[] = [];

type TRun = { code: number | null; stdout: string; stderr: string };

function run(args: string[], runEnv: NodeJS.ProcessEnv = env): Promise<TRun> {
  return new Promise((resolve) => {
    const child = spawn(tsx, args, { env: runEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The holder: opens the directory, then adds a row for each "write" and prints the count. */
function startHolder() {
  const child = spawn(tsx, ["tests/fixtures/holdDatabase.ts"], { env });
  started.push(child);
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value ?? "");
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    /** the pid of the process that opened the directory (tsx runs the script in a child of its own) */
    opened: async () => Number(/^ready (\d+)$/.exec(await next())?.[1] ?? 0),
    write: async () => (child.stdin.write("write\n"), next()),
    exit: () => (child.stdin.write("exit\n"), exited),
  };
}

/** A pid that belonged to a process and no longer does. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

beforeAll(async () => {
  const migrator = await openAdapter({ kind: "pglite", dir });
  await deployMigrations(migrator.factory);
  await migrator.close();
});

afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

describe("one opener for the embedded database", () => {
  it("refuses a second opener, naming the holder, while the first keeps working", async () => {
    const holder = startHolder();
    const pid = await holder.opened();
    const lock = JSON.parse(fs.readFileSync(lockFileOf(dir), "utf8"));
    expect(lock).toMatchObject({ pid, host: os.hostname(), command: "tests/fixtures/holdDatabase.ts" });

    const [migrate, start] = await Promise.all([
      run(["scripts/db/migrate.ts", "deploy"]),
      run(["scripts/start.ts"]),
    ]);
    for (const refused of [migrate, start]) {
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`already open in process ${pid}`);
      expect(refused.stderr).toContain("stop that process first");
      expect(refused.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    // npm start refuses before it builds or migrates anything
    expect(start.stdout).not.toContain("next build");
    await expect(openAdapter({ kind: "pglite", dir })).rejects.toBeInstanceOf(DataDirLockedError);

    expect(await holder.write()).toBe("rows 1");
    expect(await holder.write()).toBe("rows 2");
    expect(await holder.exit()).toBe(0);
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const stale = { pid: await deadPid(), host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    fs.writeFileSync(lockFileOf(dir), JSON.stringify({ ...stale, command: "killed", token: "stale" }));
    const migrate = await run(["scripts/db/migrate.ts", "deploy"]);
    expect(migrate.stderr).toBe("");
    expect(migrate.stdout).toContain("embedded database is up to date");
    expect(migrate.code).toBe(0);
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
  });

  it("lets exactly one of several starters take over a stale lock", async () => {
    fs.writeFileSync(
      lockFileOf(dir),
      JSON.stringify({
        pid: await deadPid(),
        host: os.hostname(),
        startedAt: "",
        command: "killed",
        token: "stale",
      }),
    );
    const contenders = [1, 2, 3, 4].map(() => startHolder());
    const pids = await Promise.all(contenders.map((contender) => contender.opened()));
    expect(pids.filter(Boolean)).toHaveLength(1);
    const winner = contenders[pids.findIndex(Boolean)];
    expect(await winner.write()).toBe("rows 3");
    expect(await winner.exit()).toBe(0);
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
  });

  it("explains a damaged directory instead of a WebAssembly abort", async () => {
    const damagedData = path.join(root, "damaged");
    const damaged = path.join(damagedData, "pglite");
    fs.cpSync(dir, damaged, { recursive: true });
    for (const file of fs
      .readdirSync(path.join(damaged, "pg_wal"))
      .filter((name) => /^[0-9A-F]{24}$/.test(name)))
      fs.truncateSync(path.join(damaged, "pg_wal", file), 100);
    const migrate = await run(["scripts/db/migrate.ts", "deploy"], { ...env, ONESTOP_DATA_DIR: damagedData });
    expect(migrate.code).not.toBe(0);
    expect(migrate.stderr).toContain(`The embedded database ${damaged} could not be opened`);
    expect(migrate.stderr).toContain("restore the last backup");
    expect(migrate.stderr).toContain(`mv ${damaged} ${damaged}.damaged`);
    expect(migrate.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(lockFileOf(damaged))).toBe(false);
  });
});
