"use client";

import { usePathname } from "next/navigation";
import zhHans from "@/locales/zh-Hans/errors.json";
import zhHant from "@/locales/zh-Hant/errors.json";
import en from "@/locales/en/errors.json";

const messages = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/** Shown when a page fails unexpectedly (for example the database is unreachable). */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const segment = usePathname()?.split("/")[1] ?? "";
  const text = segment in messages ? messages[segment as keyof typeof messages] : messages["zh-Hans"];
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">{text.pageFailedTitle}</h1>
      <p>{text.unexpected}</p>
      {error.digest ? (
        <p className="text-sm text-muted">{text.reference.replace("{{reference}}", error.digest)}</p>
      ) : null}
    </div>
  );
}
