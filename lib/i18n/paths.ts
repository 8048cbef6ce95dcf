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

/** A path with the given query parameters (empty ones dropped). */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
