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

/**
 * The page the visitor is on, from the path the server rendered and the browser's own pathname and
 * query (URLSearchParams form): the server's spelling while both name the same page (so hydrating
 * changes no attribute), the browser's after a client-side navigation has moved on.
 */
export function currentPagePath(serverPath: string, pathname: string | null, search: string): string {
  if (!pathname) return serverPath;
  const browserPath = search ? `${pathname}?${search}` : pathname;
  return samePage(browserPath, serverPath) ? serverPath : browserPath;
}

function samePage(a: string, b: string): boolean {
  const normalised = (path: string) => {
    const url = new URL(path, "http://localhost");
    return `${decodeURIComponent(url.pathname)}?${url.searchParams.toString()}`;
  };
  try {
    return normalised(a) === normalised(b);
  } catch {
    // a malformed escape in either: compare as written
    return a === b;
  }
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
