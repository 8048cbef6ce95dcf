// @ts-check
import fs from "node:fs";

/**
 * The headers every answer carries, static files included: no MIME sniffing, no framing, no full
 * URL sent to other sites, no window shared with another site's, no embedding by another site,
 * and browser features the portal never uses (Permissions-Policy) denied to it and to anything it
 * could embed. Kept in lib/http/everyResponseHeaders.json because the server in front of Next
 * sends them too, on the answers it writes itself (lib/http/plainPage.ts). The
 * Content-Security-Policy and HSTS depend on the request and the running configuration and are
 * set in proxy.ts (lib/http/securityHeaders.ts).
 */
const everyResponseHeaders = Object.entries(
  JSON.parse(fs.readFileSync(new URL("./lib/http/everyResponseHeaders.json", import.meta.url), "utf8")),
).map(([key, value]) => ({ key, value }));
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly by URL and argon2 is a native addon: bundling breaks both.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "opencc-js",
    "chinese-days",
    // pdfkit loads its standard-font metrics and ICC profile relative to its own files
    "pdfkit",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; the build's own pass
  // over the same files would take half a minute more of CI to say the same. Any other build checks.
  typescript: { ignoreBuildErrors: process.env.ONESTOP_TYPES_CHECKED === "1" },
  // Metadata is rendered with the page, never streamed after it: with streaming, a page reached by
  // a server action's redirect was seen (by axe, in the browser tests) without a <title> for a
  // moment. Our titles are one translation lookup, so waiting for them costs nothing.
  htmlLimitedBots: /.*/,
  experimental: {
    // Next reads a server action's whole body into memory (and the proxy copies any body it sees),
    // so no form with a file input posts to an action: those post to streaming routes
    // (app/api/forms, excluded from the proxy). What is left is text; the largest is a document's
    // body (200 000 characters, up to 800 KB in UTF-8).
    serverActions: { bodySizeLimit: "1mb" },
    // a little more than an action takes, so that proxy.ts can tell a chunked body over 1 MB
    // (its copy goes past 1 MB) and answer 413 before the action reads a body cut short
    proxyClientMaxBodySize: "1152kb",
  },
  typedRoutes: false,
  // proxy.ts must see Next's client-navigation headers (RSC, …) and `?_rsc` to keep them out of
  // the shared page cache; by default Next strips them before the proxy runs
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: everyResponseHeaders,
      },
    ];
  },
};

export default nextConfig;
