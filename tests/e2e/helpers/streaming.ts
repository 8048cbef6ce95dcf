import fs from "node:fs";
import http from "node:http";
import type { Page } from "@playwright/test";

/**
 * Bodies generated on the fly and sent chunked (no Content-Length), and the server's memory read
 * through /proc: what a browser cannot send, to show that the server reads uploads as streams.
 */

export const megabyte = 1024 * 1024;

/** The process that holds the app's listening socket (whatever started it), found through /proc. */
export function serverPid(port: number): number {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10 || columns[3] !== "0A") continue; // 0A: listening
      if (parseInt(columns[1].split(":").pop()!, 16) === port) inodes.add(columns[9]);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

/** Resident memory of a process in bytes (VmRSS). */
export function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

export type TSent = {
  status: number;
  location: string | undefined;
  body: string;
  sentBytes: number;
  bodyBytes: number;
};

type TChunkedUpload = {
  port: number;
  cookie: string;
  path: string;
  /** the file part's field name */
  field: string;
  /** text parts sent before the file, as a form sends its hidden fields first */
  fields?: Record<string, string>;
  totalBytes: number;
};

/**
 * POSTs a multipart body with `totalBytes` of file (a PDF header, then zeros) generated on the fly
 * and sent chunked, with no Content-Length; stops sending as soon as the answer arrives.
 */
export function sendChunkedUpload(upload: TChunkedUpload): Promise<TSent> {
  const boundary = "----onestop-stream-test";
  const text = Object.entries(upload.fields ?? {})
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
  const head = Buffer.from(
    `${text}--${boundary}\r\nContent-Disposition: form-data; name="${upload.field}"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = http.request({
      host: "127.0.0.1",
      port: upload.port,
      method: "POST",
      path: upload.path,
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Transfer-Encoding": "chunked",
        Cookie: upload.cookie,
      },
    });
    request.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          body: Buffer.concat(parts).toString("utf8"),
          sentBytes,
          bodyBytes: head.length + upload.totalBytes + tail.length,
        });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = (buffer: Buffer) =>
      new Promise<void>((done) => {
        sentBytes += buffer.length;
        if (request.write(buffer)) done();
        else request.once("drain", done);
      });
    void (async () => {
      await write(head);
      for (let left = upload.totalBytes; left > 0 && !answered && !request.destroyed; left -= chunk.length)
        await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      if (!answered && !request.destroyed) request.end(tail);
    })().catch(() => undefined);
  });
}

/** The page's session cookies as a Cookie header. */
export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/**
 * How far the server's resident memory rises above its steady state while `burst` runs: read every
 * 25 ms from /proc. Run a burst of the same shape first, so the baseline is the steady state (the
 * routes loaded, V8's young generation grown to its working size).
 */
export async function memoryGrowth<T>(
  pid: number,
  burst: () => Promise<T>,
): Promise<{ grewMb: number; result: T }> {
  const baseline = residentBytes(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 25);
  const result = await burst();
  clearInterval(sampler);
  peak = Math.max(peak, residentBytes(pid));
  return { grewMb: (peak - baseline) / megabyte, result };
}

/**
 * memoryGrowth, measured again (up to `tries` times) while it is over `limitMb`, keeping the least:
 * the browser tests share the server two at a time, and another test's requests during a burst
 * raise its memory for a moment; bodies held in memory would raise it by hundreds of MB every time.
 */
export async function leastMemoryGrowth<T>(
  pid: number,
  burst: () => Promise<T>,
  limitMb: number,
  tries = 3,
): Promise<{ grewMb: number; result: T; measured: number[] }> {
  const measured: number[] = [];
  let last = await memoryGrowth(pid, burst);
  measured.push(last.grewMb);
  while (last.grewMb >= limitMb && measured.length < tries) {
    last = await memoryGrowth(pid, burst);
    measured.push(last.grewMb);
  }
  return { grewMb: Math.min(...measured), result: last.result, measured };
}
