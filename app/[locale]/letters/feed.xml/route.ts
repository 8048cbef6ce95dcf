import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { publishedLetters } from "@/lib/letters/queries";
import { lettersRss } from "@/lib/letters/feed";
import { publicBaseUrl } from "@/lib/notifications/notifyApplicant";
import { xmlResponse } from "@/lib/shared/xml";

export const dynamic = "force-dynamic";

/** RSS 2.0 of the latest published replies (their redacted copies). */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const t = await getT(locale, ["letters"]);
  const { rows } = await publishedLetters({});
  const base = publicBaseUrl();
  const xml = lettersRss({
    title: t("letters:feedTitle"),
    description: t("letters:listIntro"),
    language: locale,
    selfUrl: `${base}/${locale}/letters/feed.xml`,
    listUrl: `${base}/${locale}/letters`,
    letterUrl: (number) => `${base}/${locale}/letters/${number}`,
    letters: rows.map((l) => ({ ...l, kindLabel: t(`letters:kind.${l.kind}`) })),
  });
  return xmlResponse(xml, { contentType: "application/rss+xml", cacheControl: "public, max-age=60" });
}
