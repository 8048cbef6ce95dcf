import { isLocale, type TLocale } from "./settings";

/** The same page in another locale: `/zh-Hans/services?x=1` → `/en/services?x=1`. */
export function pathInLocale(path: string, locale: TLocale): string {
  const [pathname, query] = splitQuery(path);
  const parts = pathname.split("/");
  if (isLocale(parts[1])) parts[1] = locale;
  else parts.splice(1, 0, locale);
  const joined = parts.join("/").replace(/\/$/, "") || `/${locale}`;
  return query ? `${joined}?${query}` : joined;
}

function splitQuery(path: string): [string, string] {
  const index = path.indexOf("?");
  return index < 0 ? [path, ""] : [path.slice(0, index), path.slice(index + 1)];
}

/**
 * A return path from a form, accepted only when it stays on this site: it is resolved the way
 * a browser would (so `//host`, `/\host` and `/<tab>/host` are caught) and must keep our origin.
 */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(value))
    return fallback;
  const base = "http://onestop.invalid";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

/** A path with the given query parameters (empty ones dropped). */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
