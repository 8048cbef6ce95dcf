import { searchPortal, suggestServices } from "@/lib/search/queries";
import { ZSearchQuery } from "@/lib/search/schema";
import { isLocale } from "@/lib/i18n/settings";
import { getSiteSettings } from "@/lib/settings/queries";
import { apiRoute } from "@/lib/api/route";
import { requestClientAddress } from "@/lib/http/clientAddress";
import { countAttempt } from "@/lib/throttle/throttle";

export const dynamic = "force-dynamic";

const plain = (segments: { text: string }[] | null) =>
  segments ? segments.map((s) => s.text).join("") : null;

/**
 * One search over public services, documents, notices and published letters (`?q=&type=&page=&locale=`): ranked,
 * each item with its `type`, an excerpt and the marked ranges; with no result, the closest
 * services and the hotline. Limited per client address (429 with Retry-After).
 */
export const GET = apiRoute(async ({ request }) => {
  await countAttempt({ limit: "search", key: requestClientAddress(request) ?? "unknown" });
  const params = new URL(request.url).searchParams;
  const query = ZSearchQuery.parse(
    Object.fromEntries([...params].filter(([key, v]) => v !== "" || key === "q")),
  );
  const localeParam = params.get("locale");
  const locale = isLocale(localeParam) ? localeParam : "zh-Hans";
  const found = await searchPortal({ query, locale });
  const empty = found.total === 0 && !query.type;
  return Response.json(
    {
      q: query.q,
      type: query.type ?? null,
      items: found.results.map((r) => ({
        type: r.type,
        id: r.key,
        title: plain(r.title),
        titleMarks: r.title,
        snippet: plain(r.snippet),
        snippetMarks: r.snippet,
        url: `/${locale}${r.path}`,
        date: r.date.toISOString(),
      })),
      counts: found.counts,
      more: found.more,
      total: found.total,
      page: found.page,
      pages: found.pages,
      terms: found.terms,
      ...(empty
        ? { suggestions: await suggestServices({ q: query.q }), hotline: (await getSiteSettings()).hotline }
        : {}),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
