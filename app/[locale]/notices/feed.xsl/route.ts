import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { feedStylesheet } from "@/lib/notices/feedStylesheet";

/**
 * The XSL stylesheet the notices feed names, in the visitor's language: a browser that opens the
 * feed renders it as a page with it. The same for everyone, so cached like a static file.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const t = await getT(locale, ["notices", "common"]);
  const xsl = feedStylesheet({
    lang: locale,
    intro: t("notices:feed.pageIntro"),
    listLink: t("notices:feed.pageListLink"),
    untranslated: t("common:untranslated"),
    published: t("notices:feed.published"),
  });
  return new Response(xsl, {
    headers: {
      "Content-Type": "text/xsl; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
