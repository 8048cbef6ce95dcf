"use client";

import { usePathname } from "next/navigation";
// only this page's three strings: the whole errors namespace in three languages weighed 12 KB
// of gzip on every page's first load
import zhHans from "@/locales/zh-Hans/pageFailed.json";
import zhHant from "@/locales/zh-Hant/pageFailed.json";
import en from "@/locales/en/pageFailed.json";

const messages = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/** Shown when a page fails unexpectedly (for example the database is unreachable). */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const segment = usePathname()?.split("/")[1] ?? "";
  const text = segment in messages ? messages[segment as keyof typeof messages] : messages["zh-Hans"];
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p>{text.body}</p>
      {error.digest ? (
        <p className="text-sm text-muted">{text.reference.replace("{{reference}}", error.digest)}</p>
      ) : null}
    </div>
  );
}
