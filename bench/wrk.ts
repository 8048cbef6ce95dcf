/**
 * Load from wrk, for the cached pages. autocannon, which the other loads use, is one JavaScript
 * thread that decodes every body it receives into a string (`req.body += data` in its request
 * queue): for the disclosure document's 113 KB of Chinese text about 1 ms a response on this
 * machine, so at a few thousand requests a second the client, not the server, set the figure,
 * for the app and the static baseline alike (1,000 req/s on one connection from the static server
 * against 3,900 for the 52 KB home page; wrk got 30,000 from the same static server). wrk is C,
 * reads bodies without looking at them, and leaves the server its core with one thread.
 * The Lua script gives each request another client address, as measure.ts's clientHeaders does
 * (the search page counts searches per address), and prints wrk's own summary as JSON.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TLoad } from "./stats";

const script = `
local n = 0
request = function()
  n = n + 1
  local i = n % 65536
  wrk.headers["X-Forwarded-For"] = "10.78." .. math.floor(i / 256) .. "." .. (i % 256)
  return wrk.format(nil)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRK-JSON {"requests":%d,"bytes":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d}\\n',
    summary.requests, summary.bytes, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
`;

/** Whether wrk is on PATH (Debian's package `wrk`; .ci/run installs it). */
export function hasWrk(): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, "wrk")));
}

/** The figures of wrk's JSON line, as the other loads report them. */
export function parseWrk(output: string): TLoad {
  const line = output.split("\n").find((l) => l.startsWith("WRK-JSON "));
  if (!line) throw new Error(`wrk printed no summary:\n${output}`);
  const r = JSON.parse(line.slice("WRK-JSON ".length)) as Record<string, number>;
  return {
    rps: r.requests / (r.durationUs / 1e6),
    p50: Math.round(r.p50Us / 1000),
    p99: Math.round(r.p99Us / 1000),
    requests: r.requests,
    // wrk counts only statuses over 399: a redirect or a 304 shows here as answers far smaller than the page
    bytesPerRequest: r.requests ? Math.round(r.bytes / r.requests) : 0,
    non2xx: r.status,
    errors: r.connect + r.read + r.write,
    timeouts: r.timeout,
  };
}

/** `connections` keep-alive connections on one wrk thread for `duration` seconds against `url`. */
export async function wrkLoad(options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}): Promise<TLoad> {
  if (!hasWrk()) throw new Error("the cached pages are measured with wrk: apt-get install wrk");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onestop-wrk-"));
  const scriptFile = path.join(dir, "load.lua");
  fs.writeFileSync(scriptFile, script);
  const args = [
    "-t1",
    `-c${options.connections}`,
    `-d${options.duration}s`,
    "--timeout",
    "30s",
    "-s",
    scriptFile,
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    options.url,
  ];
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", args);
      const chunks: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
      child.on("error", reject);
      child.on("exit", (code) => {
        const text = Buffer.concat(chunks).toString();
        if (code === 0) resolve(text);
        else reject(new Error(`wrk exited ${code}:\n${text}`));
      });
    });
    return parseWrk(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
