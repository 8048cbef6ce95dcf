import type { Metadata } from "next";
import "../globals.css";
import { getT } from "@/lib/i18n/server";
import { defaultLocale } from "@/lib/i18n/settings";
import { SkipLink } from "@/components/layout/SkipLink";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT(defaultLocale, "staff");
  return { title: { default: t("staff:title"), template: `%s - ${t("staff:title")}` } };
}

/** The staff area: its own root layout, in Simplified Chinese. */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const t = await getT(defaultLocale, "staff");
  return (
    <html lang={defaultLocale}>
      <body className="min-h-screen font-sans">
        <SkipLink label={t("skipToContent")} />
        <header className="bg-ink text-white">
          <div className="max-w-6xl mx-auto px-4 py-3 text-lg font-bold">{t("staff:title")}</div>
        </header>
        <main id="main" tabIndex={-1} className="max-w-6xl mx-auto px-4 py-6 focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
