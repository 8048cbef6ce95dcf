"use client";

import "./globals.css";
import { PageFailed, usePageLocale } from "@/components/layout/PageFailed";

/**
 * Shown when the frame of the pages itself fails (the root layout: the session could not be read),
 * so that no page's own error page can be: the whole document, in the language of the page.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = usePageLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-3xl p-4">
          <PageFailed digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
