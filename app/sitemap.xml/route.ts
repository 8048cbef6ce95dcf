import { publicBase, sitemapEntries, sitemapXml } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

/** Every public page and document, in all three locales, with last-modified dates. */
export async function GET(request: Request) {
  return new Response(sitemapXml(publicBase(request), await sitemapEntries()), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}
