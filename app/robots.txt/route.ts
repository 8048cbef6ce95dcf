import { publicBase } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

/** Crawlers may read the public site; the staff area, accounts and the API are not for them. */
export async function GET(request: Request) {
  const lines = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /staff",
    "Disallow: /api/",
    ...["zh-Hans", "zh-Hant", "en"].flatMap((l) => [
      `Disallow: /${l}/account`,
      `Disallow: /${l}/sign-in`,
      `Disallow: /${l}/register`,
    ]),
    `Sitemap: ${publicBase(request)}/sitemap.xml`,
  ];
  return new Response(`${lines.join("\n")}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
