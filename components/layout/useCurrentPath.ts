"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { currentPagePath } from "@/lib/i18n/paths";

/**
 * The current page's path and query. The header is part of the locale layout, which Next does not
 * render again on a client-side navigation, so the path the server rendered (`serverPath`, from
 * proxy.ts) is the page where the visitor landed; the browser's own path follows every navigation.
 */
export function useCurrentPath(serverPath: string): string {
  const pathname = usePathname();
  const search = useSearchParams()?.toString() ?? "";
  return currentPagePath(serverPath, pathname, search);
}
