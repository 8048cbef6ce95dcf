/**
 * The security headers that depend on the request or the running configuration: a
 * Content-Security-Policy (a nonce of its own for each page, nothing allowed at all for data and
 * files) and HSTS when the portal's public address is https. The fixed ones (no framing, no
 * sniffing, no embedding by other sites, Permissions-Policy) are in next.config.js.
 * Pure and free of `server-only`: proxy.ts and the page cache use it.
 */
import { xmlContentSecurityPolicy } from "../shared/xml";
import { feedContentSecurityPolicy, feedLocaleOf } from "./feedPolicy";

/**
 * The portal's configured public address (NEXTAUTH_URL, which next-auth also builds its links
 * from), or null when it is missing or not a URL.
 */
export function publicOrigin(): URL | null {
  return URL.parse(process.env.NEXTAUTH_URL ?? "");
}

/**
 * A value worked out from configuration strings, once per distinct set of them: asked on every
 * answer (the page cache answers thousands a second), parsing a URL each time was a tenth of the
 * cache's CPU, most of it the exceptions `new URL` threw for unset issuers. Compared string by
 * string, so a changed environment (the tests change it) is seen at once.
 */
function perConfiguration<T>(work: (...values: (string | undefined)[]) => T) {
  let last: { values: (string | undefined)[]; value: T } | null = null;
  return (...values: (string | undefined)[]): T => {
    const same =
      last?.values.length === values.length && values.every((value, i) => value === last?.values[i]);
    if (!last || !same) last = { values, value: work(...values) };
    return last.value;
  };
}

const httpsAt = perConfiguration((address) => URL.parse(address ?? "")?.protocol === "https:");

/** Whether visitors reach the portal over https (then HSTS is sent and cookies are `Secure`). */
export function servedOverHttps(): boolean {
  return httpsAt(process.env.NEXTAUTH_URL);
}

/** Two years, the least the HSTS preload list accepts; subdomains are the portal's too. */
const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/**
 * Random bytes for nonces, drawn from the system's CSPRNG 4 KiB at a time: a draw per nonce cost
 * about 8 µs of the page cache's answer, against a nonce's 16 bytes. Each byte is handed out once.
 */
const noncePool = { bytes: new Uint8Array(4096), used: 4096 };

/** A fresh, unguessable nonce (128 bits, base64url so it survives HTML, JSON and URLs unchanged). */
export function newNonce(): string {
  if (noncePool.used + 16 > noncePool.bytes.byteLength) {
    crypto.getRandomValues(noncePool.bytes);
    noncePool.used = 0;
  }
  const bytes = noncePool.bytes.subarray(noncePool.used, noncePool.used + 16);
  noncePool.used += 16;
  return Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString("base64url");
}

/**
 * The identity platforms' origins (OIDC_ISSUER, STAFF_OIDC_ISSUER). The sign-on button is a form
 * whose answer sends the browser to the platform; without JavaScript that is a redirect after a
 * form submission, which browsers hold to form-action too, so the platforms must be named there.
 */
export function signOnOrigins(env: Record<string, string | undefined> = process.env): string[] {
  return [...originsOf(env.OIDC_ISSUER, env.STAFF_OIDC_ISSUER)];
}

const originsOf = perConfiguration((...issuers) => {
  const origins = issuers.flatMap((issuer) => {
    const url = URL.parse(issuer ?? "");
    return url?.protocol === "https:" || url?.protocol === "http:" ? [url.origin] : [];
  });
  return [...new Set(origins)];
});

/**
 * The policy of an HTML page. Scripts run only with this response's nonce; the scripts they load
 * (Next's chunks) are trusted through 'strict-dynamic'. Styles come from the portal's own files or
 * carry the nonce; nothing else may load, submit anywhere but here and `signOn` (the identity
 * platforms), or frame the page.
 */
function pageContentSecurityPolicy(nonce: string, signOn: string[]): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...signOn].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A page's security headers under one configuration, for the nonce of an answer. */
export type TPageSecurity = { headers(nonce: string): [string, string][] };

const pageSecurityFor = perConfiguration((address, ...issuers): TPageSecurity => {
  const https = URL.parse(address ?? "")?.protocol === "https:";
  const signOn = [...originsOf(...issuers)];
  return {
    headers: (nonce) => [
      ["content-security-policy", pageContentSecurityPolicy(nonce, signOn)],
      ...(https ? [["strict-transport-security", strictTransportSecurity] as [string, string]] : []),
    ],
  };
});

/**
 * The page's security headers under the running configuration: the same object while the
 * configuration is unchanged, so the page cache can keep what it prepared from them for a copy.
 */
export function pageSecurity(): TPageSecurity {
  return pageSecurityFor(process.env.NEXTAUTH_URL, process.env.OIDC_ISSUER, process.env.STAFF_OIDC_ISSUER);
}

/**
 * The policy of anything that is not a page (JSON, CSV, PDF and uploaded files): it never runs
 * script or loads anything, even when a browser is tricked into rendering it, and may not be
 * framed. A document opened from it is also sandboxed (an origin of its own, no script, no forms),
 * except our own PDFs, which browsers refuse to show in a sandbox. Sitemaps keep the XML writer's
 * own policy, which allows nothing; the notices feed allows only its XSL stylesheet and the one
 * style it writes (lib/notices/feedStylesheet), so a browser shows it as a page.
 */
function resourceContentSecurityPolicy(pathname: string): string {
  const feedLocale = feedLocaleOf(pathname);
  if (feedLocale) return feedContentSecurityPolicy(feedLocale, publicOrigin());
  if (pathname.endsWith(".xml")) return xmlContentSecurityPolicy;
  const policy = "default-src 'none'; frame-ancestors 'none'";
  return pathname.endsWith(".pdf") ? policy : `${policy}; sandbox`;
}

/**
 * Sets the headers that depend on the request or on the running configuration: the page's CSP
 * (with its nonce) or the resource CSP for this path, and HSTS when the public address is https.
 * Set by proxy.ts, they replace any a route handler sets itself.
 */
export function applySecurityHeaders(
  headers: Headers,
  policy: { nonce: string } | { resource: string },
): void {
  if ("nonce" in policy) {
    for (const [name, value] of pageSecurity().headers(policy.nonce)) headers.set(name, value);
    return;
  }
  headers.set("content-security-policy", resourceContentSecurityPolicy(policy.resource));
  if (servedOverHttps()) headers.set("strict-transport-security", strictTransportSecurity);
}
