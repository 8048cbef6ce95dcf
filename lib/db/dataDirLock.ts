import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data directory each keep their own view of
 * it and overwrite each other's pages. So every opener first takes `<dir>.lock`, created
 * exclusively, naming who holds it. The file sits beside the directory rather than in it, so
 * PGlite's first start still finds an empty directory to create the cluster in.
 */

/** The lock file's content. */
export type TDataDirHolder = {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  token: string;
  /** processes started by the holder that opened the directory under its lock (npm start's server) */
  openers?: number[];
};

/** npm start holds the lock for the processes it starts, which find its token here. */
export const inheritedLockEnv = "ONESTOP_DATA_LOCK_TOKEN";

/** A data directory that cannot be used right now; scripts print only the message. */
export class DataDirError extends Error {}

export class DataDirLockedError extends DataDirError {
  constructor(
    readonly dir: string,
    readonly holder: TDataDirHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.startedAt}` +
        (holder.openers?.length ? `, with process ${holder.openers.join(", ")} using it` : "")
      : "a process that is opening it right now";
    super(
      `The embedded database ${dir} is already open in ${who}.\n` +
        `Only one process may open it at a time: stop that process first, then run this again.\n` +
        `If you are sure no such process is using it, remove ${lockFileOf(dir)}.`,
    );
  }
}

export type TDataDirLock = { holder: TDataDirHolder; release: () => void };

/** Locks of this process, by lock file: the same directory opened twice in one process is refused too. */
const held = ((globalThis as { __onestopDataLocks?: Map<string, string> }).__onestopDataLocks ??= new Map());

export function lockFileOf(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

/**
 * Takes the lock of an embedded data directory before it is opened, or throws DataDirLockedError
 * naming the holder. A lock whose processes are all gone is taken over. Released by `release()`,
 * on exit and on SIGINT/SIGTERM; a process killed outright leaves it for the next opener to take over.
 */
export async function lockDataDir(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<TDataDirLock> {
  const file = lockFileOf(dir);
  if (held.has(file)) throw new DataDirLockedError(path.resolve(dir), readHolder(file) ?? null);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 50; attempt++) {
    const mine = newHolder();
    if (createExclusive(file, mine)) return hold(file, mine, "owner");
    const holder = readHolder(file);
    if (holder === undefined) continue; // released meanwhile
    if (holder && env[inheritedLockEnv] && holder.token === env[inheritedLockEnv]) {
      const joined = updateHolder(file, holder.token, (h) => ({
        ...h,
        openers: [...(h.openers ?? []), process.pid],
      }));
      if (joined) return hold(file, joined, "opener");
    } else if (holder ? holderAlive(holder) : !unreadableForLong(file)) {
      throw new DataDirLockedError(path.resolve(dir), holder);
    } else if (replaceStale(file, holder, mine)) {
      return hold(file, mine, "owner");
    }
    // another process was changing the lock file: look again
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  throw new DataDirLockedError(path.resolve(dir), readHolder(file) ?? null);
}

function newHolder(): TDataDirHolder {
  return {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((arg) => (path.isAbsolute(arg) ? path.relative(process.cwd(), arg) || "." : arg))
      .join(" "),
    token: crypto.randomUUID(),
  };
}

function createExclusive(file: string, holder: TDataDirHolder): boolean {
  try {
    fs.writeFileSync(file, JSON.stringify(holder), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The holder, null when the file cannot be parsed, undefined when there is no file. */
function readHolder(file: string): TDataDirHolder | null | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as TDataDirHolder;
    return typeof holder.pid === "number" && typeof holder.token === "string" ? holder : null;
  } catch {
    return null;
  }
}

/** A lock file still empty or garbled a while after its exclusive create: its writer died in between. */
function unreadableForLong(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 5000;
  } catch {
    return true;
  }
}

/** Release runs on exit, where nothing asynchronous runs any more. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a process of the lock still runs. On another host nobody can tell, so it counts as
 * alive. Our own pid in a lock we did not take is a previous life of this pid (a restarted container).
 */
function holderAlive(holder: TDataDirHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  return [holder.pid, ...(holder.openers ?? [])].some((pid) => pid !== process.pid && pidAlive(pid));
}

/**
 * Read-modify-write of the lock file, serialised by `<lock>.guard` (created exclusively): only while
 * holding the guard is the file replaced, and only when it still carries the token that was judged.
 */
function withGuard<T>(file: string, work: () => T): T | null {
  const guard = `${file}.guard`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // a guard outlives its milliseconds of work only when its process died holding it
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > 5000) fs.rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return null;
  }
  try {
    return work();
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function replaceAtomically(file: string, holder: TDataDirHolder): void {
  const temporary = `${file}.${process.pid}.${holder.token}`;
  fs.writeFileSync(temporary, JSON.stringify(holder));
  fs.renameSync(temporary, file);
}

function replaceStale(file: string, stale: TDataDirHolder | null, mine: TDataDirHolder): boolean {
  return (
    withGuard(file, () => {
      const current = readHolder(file);
      if (current === undefined || current?.token !== stale?.token) return false;
      replaceAtomically(file, mine);
      return true;
    }) ?? false
  );
}

function updateHolder(
  file: string,
  token: string,
  change: (holder: TDataDirHolder) => TDataDirHolder,
): TDataDirHolder | null {
  return withGuard(file, () => {
    const current = readHolder(file);
    if (!current || current.token !== token) return null;
    const next = change(current);
    replaceAtomically(file, next);
    return next;
  });
}

/** Releases on `release()`, on exit, and on SIGINT/SIGTERM when nothing else in the process handles them. */
function hold(file: string, holder: TDataDirHolder, role: "owner" | "opener"): TDataDirLock {
  held.set(file, holder.token);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(file);
    process.off("exit", release);
    for (const [signal] of signals) process.off(signal, onSignal);
    if (role === "owner") {
      const current = readHolder(file);
      // processes started under this lock that still have the directory open keep it
      if (current?.token === holder.token && !(current.openers ?? []).some(pidAlive))
        fs.rmSync(file, { force: true });
      return;
    }
    // an opener leaves the owner's lock, minus itself; a busy guard only leaves a dead pid behind
    for (let attempt = 0; attempt < 20; attempt++) {
      const done = updateHolder(file, holder.token, (h) => ({
        ...h,
        openers: (h.openers ?? []).filter((pid) => pid !== process.pid),
      }));
      if (done || readHolder(file)?.token !== holder.token) return;
      sleepSync(10);
    }
  };
  const signals = [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const;
  // a process with its own handler (the server's shutdown, the volume generator's stop) exits itself
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) === 1) process.exit(signals.find(([s]) => s === signal)![1]);
  };
  process.on("exit", release);
  for (const [signal] of signals) process.on(signal, onSignal);
  return { holder, release };
}
