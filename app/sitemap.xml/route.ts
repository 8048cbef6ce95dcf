import { publicBase, sitemapEntries, sitemapXml } from "@/lib/seo/sitemap";
import { xmlResponse } from "@/lib/shared/xml";

export const dynamic = "force-dynamic";

/** Every public page and document, in all three locales, with last-modified dates. */
export async function GET(request: Request) {
  return xmlResponse(sitemapXml(publicBase(request), await sitemapEntries()), {
    contentType: "application/xml",
    cacheControl: "public, max-age=600",
  });
}
