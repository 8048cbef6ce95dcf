"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** `path` as the browser would compare it: decoded pathname, query in URLSearchParams' own form. */
function normalised(path: string): string {
  const url = new URL(path, "http://localhost");
  return `${decodeURIComponent(url.pathname)}?${url.searchParams.toString()}`;
}

/**
 * The current page's path and query. The header is part of the locale layout, which Next does not
 * render again on a client-side navigation, so the path the server rendered (`serverPath`, from
 * proxy.ts) is the page where the visitor landed; the browser's own path follows every navigation.
 * While the two name the same page the server's spelling is kept, so hydration changes nothing.
 */
export function useCurrentPath(serverPath: string): string {
  const pathname = usePathname();
  const search = useSearchParams()?.toString() ?? "";
  if (!pathname) return serverPath;
  const browserPath = search ? `${pathname}?${search}` : pathname;
  return normalised(browserPath) === normalised(serverPath) ? serverPath : browserPath;
}
