import { getGuideFile } from "@/lib/services/queries";
import { guideFileSlugPattern } from "@/lib/services/guideFiles";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; code: string; file: string }> };

/**
 * A guide's downloadable file (空白表格, 样表, 结果样本) at `/{locale}/services/{code}/files/{slug}.pdf`:
 * saved, never shown in the page's origin (attachment, nosniff, the proxy's resource policy), as
 * the PDF it was checked to be when stored. Anything else is 404.
 */
export async function GET(_request: Request, { params }: Props) {
  try {
    const { locale, code, file } = await params;
    const slug = file.endsWith(".pdf") ? file.slice(0, -4) : "";
    if (!isLocale(locale) || !guideFileSlugPattern.test(slug) || code.length > 64)
      return apiError(404, "not_found", "Not found");
    const found = await getGuideFile({ code, slug });
    if (!found || found.mimeType !== "application/pdf") return apiError(404, "not_found", "Not found");
    const bytes = new Uint8Array(found.content);
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition("attachment", found.fileName),
        "Cache-Control": "public, max-age=3600",
        ETag: `"${found.sha256}"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiFailure(error);
  }
}
