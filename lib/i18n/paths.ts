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

/** A return path from a form, accepted only when it is a local path (no open redirects). */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}
