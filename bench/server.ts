/** Child processes of the benchmark: the app server (as scripts/start.ts runs it), its memory, the static baseline. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const bin = (name: string) => path.resolve("node_modules", ".bin", name);

/** Runs a command to completion with inherited output; throws when it fails. */
export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

/** NEXTAUTH_SECRET kept in the data directory, as scripts/start.ts does. */
export function authSecret(dataDir: string): string {
  const file = path.join(dataDir, ".auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

type TProcStatus = { rssKb: number; hwmKb: number };

function procStatus(pid: number): TProcStatus | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return null;
  }
}

/** The pid and all its descendants, from /proc/<pid>/stat parent ids. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name may contain spaces: fields resume after the last ')'
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

export type TMemory = {
  peakTreeRssMiB: number;
  peakHwmMiB: number;
  processes: number;
  /** the peak tree RSS (MiB) within each phase the bench named, in order: where the peak was reached */
  phases: { phase: string; peakTreeRssMiB: number }[];
};

/**
 * Samples the resident memory of a process tree every 250 ms until stopped; `phase` names what
 * the samples from then on belong to (the time before the first name is "start").
 */
export function sampleMemory(root: number): { phase: (name: string) => void; stop: () => TMemory } {
  let peakHwm = 0;
  let processes = 1;
  const phases: TMemory["phases"] = [{ phase: "start", peakTreeRssMiB: 0 }];
  const tick = () => {
    const pids = processTree(root);
    processes = Math.max(processes, pids.length);
    let sum = 0;
    for (const pid of pids) {
      const status = procStatus(pid);
      if (!status) continue;
      sum += status.rssKb;
      peakHwm = Math.max(peakHwm, status.hwmKb);
    }
    const current = phases[phases.length - 1];
    current.peakTreeRssMiB = Math.max(current.peakTreeRssMiB, sum / 1024);
  };
  tick();
  const timer = setInterval(tick, 250);
  return {
    phase: (name) => {
      tick();
      phases.push({ phase: name, peakTreeRssMiB: 0 });
      tick();
    },
    stop: () => {
      tick();
      clearInterval(timer);
      // the whole run's peak is the highest phase's
      const peakTreeRssMiB = Math.max(...phases.map((p) => p.peakTreeRssMiB));
      return { peakTreeRssMiB, peakHwmMiB: peakHwm / 1024, processes, phases };
    },
  };
}

export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export type TRunningServer = { child: ChildProcess; stop: () => Promise<void> };
const running = new Set<TRunningServer>();

/** Stops every server still running (on Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** Spawns a process and returns a stop that sends SIGTERM and waits (SIGKILL after 15 s). */
export function spawnServer(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): TRunningServer {
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, { env, stdio: ["ignore", log, log] });
  const stop = () =>
    new Promise<void>((resolve) => {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", () => {
        clearTimeout(killer);
        fs.closeSync(log);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const server = { child, stop };
  running.add(server);
  return server;
}
