"use client";

import { usePathname } from "next/navigation";
// only this page's strings: the whole errors namespace in three languages weighed 12 KB of gzip
// on every page's first load
import zhHans from "@/locales/zh-Hans/pageFailed.json";
import zhHant from "@/locales/zh-Hant/pageFailed.json";
import en from "@/locales/en/pageFailed.json";

const messages = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };
type TPageLocale = keyof typeof messages;

/** The first segment of the page's path: its language, or `staff`. */
const usePageSegment = () => usePathname()?.split("/")[1] ?? "";
const localeOf = (segment: string): TPageLocale =>
  segment in messages ? (segment as TPageLocale) : "zh-Hans";

/** The language of the page the visitor is on (the staff's pages are in Simplified Chinese). */
export function usePageLocale(): TPageLocale {
  return localeOf(usePageSegment());
}

/**
 * What a page that failed unexpectedly (for example, the database is unreachable) shows when the
 * browser's script renders it: what happened, the reference to quote, and a way home. The same text
 * the server sends to a visitor without script (lib/http/failedPage.ts).
 */
export function PageFailed({ digest }: { digest?: string }) {
  const segment = usePageSegment();
  const locale = localeOf(segment);
  const text = messages[locale];
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p>{text.body}</p>
      {digest ? (
        <p className="text-sm text-muted">{text.reference.replace("{{reference}}", digest)}</p>
      ) : null}
      <p>
        <a href={segment === "staff" ? "/staff" : `/${locale}`}>{text.home}</a>
      </p>
    </div>
  );
}
