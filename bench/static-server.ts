/**
 * The baseline: the same bytes the app served, with the app's headers, from a minimal Node HTTP
 * server; to a request that accepts gzip, as every browser's does, the app's own gzip of them.
 * Usage: tsx bench/static-server.ts <manifest.json> <port>; the manifest maps a path (with its
 * query) to {file, gzipFile, headers}.
 */
import fs from "node:fs";
import http from "node:http";

const [manifestPath, port] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Record<
  string,
  { file: string; gzipFile: string; headers: [string, string][] }
>;
const pages = new Map(
  Object.entries(manifest).map(([url, page]) => [
    url,
    {
      body: fs.readFileSync(page.file),
      gzip: fs.readFileSync(page.gzipFile),
      headers: page.headers,
    },
  ]),
);

http
  .createServer((request, response) => {
    const page = pages.get(request.url ?? "");
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const body = gzip ? page.gzip : page.body;
    response.writeHead(
      200,
      [
        ...page.headers,
        ["content-length", String(body.length)],
        ...(gzip ? [["content-encoding", "gzip"]] : []),
      ].flat(),
    );
    response.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`static server on ${port}`));

// tsx's preflight swallows the default SIGTERM action: leave explicitly
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
