import { getService } from "@/lib/services/queries";
import { ZGuideLists } from "@/lib/services/guide";
import { renderGuidePdf } from "@/lib/services/guidePdf";
import { getSiteSettings } from "@/lib/settings/queries";
import { siteBase } from "@/lib/seo/sitemap";
import { getT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";
import { pdfResponse } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string }> };

/** The printable 办事指南 of a published service, in the page's language; unknown codes are 404. */
export async function GET(_request: Request, { params }: Props) {
  try {
    const { locale, code } = await params;
    if (!isLocale(locale) || code.length > 64) return apiError(404, "not_found", "Not found");
    const service = await getService({ code });
    if (!service) return apiError(404, "not_found", "Not found");
    const [t, settings, base] = await Promise.all([
      getT(locale, ["services", "catalog", "apply"]),
      getSiteSettings(),
      siteBase(),
    ]);
    const bytes = await renderGuidePdf({
      locale,
      t,
      service: { ...service, ...ZGuideLists.parse(service) },
      guideUrl: `${base}/${locale}/services/${service.code}`,
      siteName: lt(locale, settings.siteName.zh, settings.siteName.en),
    });
    return pdfResponse(bytes, { name: `guide-${service.code}.pdf`, cache: "public, max-age=300" });
  } catch (error) {
    return apiFailure(error);
  }
}
