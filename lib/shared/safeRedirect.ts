/** Stands in for the site's origin when the public address is not configured (development). */
const placeholderOrigin = "http://onestop.invalid";

/** The origin of the public address (NEXTAUTH_URL), which every redirect must keep. */
export function siteOrigin(): string {
  try {
    return new URL(process.env.NEXTAUTH_URL ?? "").origin;
  } catch {
    return placeholderOrigin;
  }
}

/** Whitespace, control characters and backslashes: browsers strip the first two and read `\` as `/`. */
const unsafeCharacters = /[\u0000-\u0020\u007f-\u009f\\]/;

/** The path after percent-decoding until nothing changes; null when it never settles or is malformed. */
function decodedPath(path: string): string | null {
  let current = path;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Where a redirect may send a visitor who named a return address (`returnTo`, `callbackUrl`): a
 * path on this site (path, query and fragment), or `fallback`. The value is resolved against the
 * site's origin as a browser would resolve it, so `//host`, `/\host`, `/..//host` and
 * `/%2e%2e//host` cannot become a protocol-relative address, and the result must keep the origin.
 * Whitespace, control characters and backslashes are refused anywhere, and the path is refused if
 * decoding it (once or repeatedly, as a proxy or a second redirect might) yields any of them, a
 * `//` or a dot segment. An absolute address on the site itself is reduced to its path.
 */
export function safeRedirectPath(value: unknown, fallback: string, origin: string = siteOrigin()): string {
  if (typeof value !== "string" || value.length > 2000 || unsafeCharacters.test(value)) return fallback;
  let candidate = value;
  if (!candidate.startsWith("/")) {
    if (!/^https?:\/\//i.test(candidate)) return fallback;
    try {
      const absolute = new URL(candidate);
      if (absolute.origin !== origin) return fallback;
      candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
    } catch {
      return fallback;
    }
  }
  if (candidate.startsWith("//")) return fallback;
  const decoded = decodedPath(candidate.split(/[?#]/)[0]);
  if (
    decoded === null ||
    unsafeCharacters.test(decoded) ||
    decoded.includes("//") ||
    /(^|\/)\.\.?(\/|$)/.test(decoded)
  )
    return fallback;
  try {
    const url = new URL(candidate, origin);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === origin && path.startsWith("/") && !/^\/[/\\]/.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}
