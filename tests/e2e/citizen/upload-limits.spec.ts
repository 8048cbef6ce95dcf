import fs from "node:fs";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { signInCitizen } from "../helpers/accounts";

/**
 * The upload API reads its body as a stream: a chunked body (no Content-Length) is counted as it
 * arrives and refused at the limit, and the server's memory does not grow with what is sent.
 * These talk HTTP directly (node:http), since a browser cannot send a body generated on the fly.
 */

const megabyte = 1024 * 1024;
// the API's ceiling for one file (app/api/v1/uploads/route.ts)
const ceilingMb = 50;

/** The process that holds the app's listening socket (whatever started it), found through /proc. */
function serverPid(port: number): number {
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
function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

type TSent = { status: number; body: string; sentBytes: number; bodyBytes: number };

/**
 * POSTs a multipart body of `totalBytes` (a PDF header, then zeros) generated on the fly and sent
 * chunked, with no Content-Length; stops sending as soon as the answer arrives.
 */
function sendChunkedUpload(port: number, cookie: string, totalBytes: number): Promise<TSent> {
  const boundary = "----onestop-stream-test";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/v1/uploads",
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Transfer-Encoding": "chunked",
        Cookie: cookie,
      },
    });
    request.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(parts).toString("utf8"),
          sentBytes,
          bodyBytes: head.length + totalBytes + tail.length,
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
      for (let left = totalBytes; left > 0 && !answered && !request.destroyed; left -= chunk.length)
        await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      if (!answered && !request.destroyed) request.end(tail);
    })().catch(() => undefined);
  });
}

async function sessionCookie(page: Page): Promise<string> {
  await signInCitizen(page, "citizen2@example.cn", "en");
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test.describe("uploads streamed to the API", () => {
  test("a chunked over-limit body is refused before it is all sent", async ({ page, baseURL }) => {
    const port = Number(new URL(baseURL!).port);
    const cookie = await sessionCookie(page);
    const sent = await sendChunkedUpload(port, cookie, 200 * megabyte);
    console.log(
      `answered ${sent.status} after ${(sent.sentBytes / megabyte).toFixed(1)} MB of ${sent.bodyBytes / megabyte} MB`,
    );
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toEqual({
      error: {
        code: "fileTooLarge",
        message: `fileTooLarge|${ceilingMb}`,
        fields: { file: `fileTooLarge|${ceilingMb}` },
      },
    });
    // the answer came while the client was still sending: at most the limit plus what the
    // sockets' buffers hold, far short of the 200 MB offered
    expect(sent.sentBytes).toBeLessThan(sent.bodyBytes);
    expect(sent.sentBytes).toBeLessThan((ceilingMb + 16) * megabyte);
  });

  test("ten concurrent chunked 100 MB uploads leave the server's memory flat", async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const port = Number(new URL(baseURL!).port);
    const cookie = await sessionCookie(page);
    const pid = serverPid(port);
    const cold = residentBytes(pid);
    const burst = (megabytes: number) =>
      Promise.all(Array.from({ length: 10 }, () => sendChunkedUpload(port, cookie, megabytes * megabyte)));
    // warm up with a burst of the same shape: the route and its parser load, and V8's young
    // generation grows to its working size (tens of MB, whatever the code keeps), so the baseline
    // below is the server's steady state and what follows measures only what bodies would retain
    expect((await burst(ceilingMb + 5)).map((result) => result.status)).toEqual(Array(10).fill(413));
    const baseline = residentBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 25);
    const results = await burst(100);
    clearInterval(sampler);
    peak = Math.max(peak, residentBytes(pid));
    const grewMb = (peak - baseline) / megabyte;
    console.log(
      `server RSS: before the warm-up ${(cold / megabyte).toFixed(1)} MB, baseline ${(baseline / megabyte).toFixed(1)} MB, ` +
        `peak during ten 100 MB uploads +${grewMb.toFixed(1)} MB (+${((peak - cold) / megabyte).toFixed(1)} MB from before the warm-up)`,
    );
    expect(results.map((result) => result.status)).toEqual(Array(10).fill(413));
    // buffered whole, the bodies need 1000 MB (measured: +1037 MB when they were); streamed, each
    // holds a few 64 KB chunks. 30 MB leaves room for the allocator and the collector's timing.
    expect(grewMb).toBeLessThan(30);
  });
});
