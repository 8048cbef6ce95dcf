// @ts-check
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
  // Metadata is rendered with the page, never streamed after it: with streaming, a page reached by
  // a server action's redirect was seen (by axe, in the browser tests) without a <title> for a
  // moment. Our titles are one translation lookup, so waiting for them costs nothing.
  htmlLimitedBots: /.*/,
  experimental: {
    // application steps carry their uploads (up to the largest service limit, several files)
    serverActions: { bodySizeLimit: "50mb" },
    proxyClientMaxBodySize: "50mb",
  },
  typedRoutes: false,
  // proxy.ts must see Next's client-navigation headers (RSC, …) and `?_rsc` to keep them out of
  // the shared page cache; by default Next strips them before the proxy runs
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
