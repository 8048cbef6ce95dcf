/** The measurements, against a running server: search, pages beside a static baseline, submissions. */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { latencySummary, type TLatency, type TLoad } from "./stats";
export type { TLoad } from "./stats";
import { bin, spawnServer, waitFor } from "./server";
import { employmentDetails } from "../tests/helpers/answers";
import { wrkLoad } from "./wrk";

export type TQuery = { q: string; expect: { type: string; id?: string; title?: string }; kind: string };
export type TSearchResult = TLatency & {
  queries: number;
  rounds: number;
  top10: number;
  top10Share: number;
  misses: string[];
  errors: number;
  /**
   * Each round's own latency: the first is every query's first run on a server just started (its
   * code not yet optimised by V8, the database's caches cold), the later ones the same queries again
   */
  byRound: TLatency[];
};

type TItem = { type: string; id?: string; title?: string | null; url?: string };

/** The expected item by type and id (or the id at the end of its url), or by type and title without any markup. */
export function isExpected(item: TItem, expect: TQuery["expect"]): boolean {
  if (item.type !== expect.type) return false;
  if (expect.id) return item.id === expect.id || Boolean(item.url?.endsWith(`/${expect.id}`));
  return (item.title ?? "").replace(/<[^>]*>/g, "") === expect.title;
}

/** Each query `rounds` times, one at a time; the hit is judged on the first round. */
export async function measureSearch(base: string, queries: TQuery[], rounds: number): Promise<TSearchResult> {
  const byRound: number[][] = [];
  const misses: string[] = [];
  let top10 = 0;
  let errors = 0;
  for (let round = 0; round < rounds; round++) {
    byRound.push([]);
    for (const query of queries) {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/search?q=${encodeURIComponent(query.q)}`, {
        headers: clientHeaders(),
      });
      const body = (await response.json().catch(() => null)) as { items?: TItem[] } | null;
      byRound[round].push(performance.now() - started);
      if (!response.ok || !body?.items) errors++;
      if (round > 0) continue;
      const first = (body?.items ?? []).slice(0, 10);
      const hit = first.some((item) => isExpected(item, query.expect));
      if (hit) top10++;
      else misses.push(query.q);
    }
  }
  return {
    ...latencySummary(byRound.flat()),
    queries: queries.length,
    rounds,
    top10,
    top10Share: top10 / queries.length,
    misses,
    errors,
    byRound: byRound.map(latencySummary),
  };
}

export function toLoad(result: autocannon.Result): TLoad {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * The bench stands where a city's reverse proxy stands, in front of many citizens: the server
 * trusts it (TRUSTED_PROXIES, bench/run.ts) and every request names another client address in
 * X-Forwarded-For, 65,536 of them in turn. From one address, the per-address limits (searches and
 * API writes, 120 a minute) would answer 429 within the first second, and the figures would
 * measure the limiter instead of the portal.
 */
let clients = 0;
export function clientHeaders(): Record<string, string> {
  const n = clients++ % 65_536;
  return { "x-forwarded-for": `10.77.${n >> 8}.${n & 255}` };
}

export async function load(options: autocannon.Options): Promise<autocannon.Result> {
  const requests = (options.requests ?? [{ method: options.method ?? "GET" }]).map((request) => ({
    ...request,
    setupRequest: (req: autocannon.Request, context: object): autocannon.Request => {
      // the callers' own setupRequest is a function (autocannon also takes a file name here)
      const own = request.setupRequest as
        ((r: autocannon.Request, c: object) => autocannon.Request) | undefined;
      const set = own ? own(req, context) : req;
      return { ...set, headers: { ...options.headers, ...set.headers, ...clientHeaders() } };
    },
  }));
  return autocannon({ ...options, requests, timeout: 30 });
}

type TPageLoad = { app: TLoad; static: TLoad; ratio: number };
/**
 * A page's load without compression (the bytes as rendered) and as browsers ask for it, gzip
 * accepted: the app's copy gzipped once (lib/cache/gzipCopy.ts), the static server's at its start.
 */
export type TPage = TPageLoad & {
  name: string;
  path: string;
  bytes: number;
  gzip: TPageLoad & { bytes: number };
};

/** The headers each answer makes for itself (its length, its encoding, its date, its connection). */
const perAnswer = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
]);

/** What a browser sends: it always accepts gzip. */
const browserEncoding = { "accept-encoding": "gzip, deflate, br, zstd" };

/**
 * Each page under load from the app, then its saved bytes from a minimal static server on
 * port+1 in its own process, for the same time and connections.
 */
export async function measurePages(
  base: string,
  pages: { name: string; path: string }[],
  options: { port: number; duration: number; connections: number; workDir: string },
): Promise<TPage[]> {
  const manifest: Record<string, { file: string; gzipFile: string; headers: [string, string][] }> = {};
  const gzipBytes = new Map<string, number>();
  const bytes = new Map<string, number>();
  fs.mkdirSync(options.workDir, { recursive: true });
  for (const [i, page] of pages.entries()) {
    const response = await fetch(`${base}${page.path}`, { headers: clientHeaders() });
    if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const file = path.join(options.workDir, `page-${i}.html`);
    fs.writeFileSync(file, body);
    // the app's own headers (its policy, its cache's) go out from the static server too: the
    // same bytes on the wire but for the nonce, which the static server never changes
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!perAnswer.has(name)) headers.push([name, value]);
    });
    // the app's own gzip, as it sent it: the static server sends these bytes to a browser's request
    const gzipFile = `${file}.gz`;
    const gzipped = await rawGzip(`${base}${page.path}`);
    fs.writeFileSync(gzipFile, gzipped);
    manifest[page.path] = { file, gzipFile, headers };
    bytes.set(page.path, body.length);
    gzipBytes.set(page.path, gzipped.byteLength);
  }
  const manifestFile = path.join(options.workDir, "manifest.json");
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const staticPort = options.port + 1;
  const staticServer = spawnServer(
    bin("tsx"),
    [path.join("bench", "static-server.ts"), manifestFile, String(staticPort)],
    process.env,
    path.join(options.workDir, "static-server.log"),
  );
  const results: TPage[] = [];
  try {
    await waitFor(`http://127.0.0.1:${staticPort}${pages[0].path}`, 30_000, staticServer.child);
    const staticBase = `http://127.0.0.1:${staticPort}`;
    for (const page of pages) {
      const measure = async (headers: Record<string, string>): Promise<TPageLoad> => {
        const common = { connections: options.connections, duration: options.duration, headers };
        const app = await wrkLoad({ ...common, url: `${base}${page.path}` });
        const baseline = await wrkLoad({ ...common, url: `${staticBase}${page.path}` });
        // the same answer from both, or the figures compare unlike things (a redirect, a 304, a 429)
        const [own, copy] = [app.bytesPerRequest ?? 0, baseline.bytesPerRequest ?? 0];
        if (Math.abs(own - copy) > copy * 0.05)
          throw new Error(`${page.path}: the app answered ${own} bytes a request, the static server ${copy}`);
        return { app, static: baseline, ratio: baseline.rps / Math.max(app.rps, 0.001) };
      };
      const plain = await measure({});
      const gzip = {
        ...(await measure(browserEncoding)),
        bytes: gzipBytes.get(page.path) ?? 0,
      };
      results.push({ ...page, bytes: bytes.get(page.path) ?? 0, ...plain, gzip });
      for (const [how, result] of [
        ["", plain],
        [", gzip", gzip],
      ] as const)
        console.log(
          `  ${page.name}${how}: ${result.app.rps.toFixed(1)} req/s (p99 ${result.app.p99} ms) vs static ${result.static.rps.toFixed(0)} req/s`,
        );
    }
  } finally {
    await staticServer.stop();
  }
  return results;
}

/** The body of the app's answer to a browser's request, compressed as sent (fetch would unzip it). */
function rawGzip(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...browserEncoding, ...clientHeaders() } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const encoding = response.headers["content-encoding"];
        if (response.statusCode !== 200 || encoding !== "gzip")
          reject(
            new Error(
              `${url} answered ${response.statusCode} (${encoding}) to a browser's request, not a gzip`,
            ),
          );
        else resolve(Buffer.concat(chunks));
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

// the smallest file the upload check accepts as a PDF: its bytes start %PDF-
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const boundary = "----onestopbench";
const multipart = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="service"\r\n\r\nRS-JYDJ-001\r\n`),
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="field"\r\n\r\nidCardCopy\r\n`),
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id-card.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  ),
  pdf,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

export type TSubmissions = {
  uploads: TLoad;
  submit: TLoad;
  acknowledged: string[];
  duplicatesAnswered: number;
};

/**
 * POST /api/v1/uploads for `duration` seconds (each submission needs its own file), then
 * POST /api/v1/applications with a fresh Idempotency-Key per request, one upload each.
 * Every 10th request repeats the previous key: it must answer 200 with the same case.
 */
export async function measureSubmissions(
  base: string,
  token: string,
  options: { duration: number; connections: number },
): Promise<TSubmissions> {
  const auth = { authorization: `Bearer ${token}` };
  const uploadIds: string[] = [];
  const uploads = await load({
    url: `${base}/api/v1/uploads`,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        headers: { ...auth, "content-type": `multipart/form-data; boundary=${boundary}` },
        body: multipart,
        onResponse: (status, body) => {
          if (status === 201) uploadIds.push((JSON.parse(body) as { id: string }).id);
        },
      },
    ],
  });
  if (uploadIds.length < options.connections)
    throw new Error(`only ${uploadIds.length} uploads succeeded (${uploads.non2xx} non-2xx)`);
  const acknowledged: string[] = [];
  let duplicatesAnswered = 0;
  let sent = 0;
  let lastKey = "";
  let lastUpload = "none";
  const answers = employmentDetails;
  const submit = await load({
    url: `${base}/api/v1/applications`,
    connections: options.connections,
    duration: options.duration,
    maxOverallRequests: Math.max(options.connections, uploadIds.length),
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          sent++;
          const repeat = sent % 10 === 0 && lastKey !== "";
          const key = repeat ? lastKey : randomUUID();
          // a repeat carries the same file: if the first is still in flight it waits for it and answers with its case
          const upload = repeat ? lastUpload : (uploadIds.pop() ?? "none");
          lastKey = key;
          lastUpload = upload;
          return {
            ...request,
            headers: { ...auth, "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify({ serviceCode: "RS-JYDJ-001", answers, uploads: { idCardCopy: upload } }),
          };
        },
        onResponse: (status, body) => {
          if (status === 201)
            acknowledged.push((JSON.parse(body) as { trackingNumber: string }).trackingNumber);
          else if (status === 200) duplicatesAnswered++;
        },
      },
    ],
  });
  return { uploads: toLoad(uploads), submit: toLoad(submit), acknowledged, duplicatesAnswered };
}
