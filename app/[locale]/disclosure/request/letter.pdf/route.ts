import { z } from "zod";
import { getReplyLetter } from "@/lib/disclosure/replyLetter";
import { requestNumberPattern } from "@/lib/disclosure/schema";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";
import { accessCodePattern } from "@/lib/cases/schema";
import { pdfResponse } from "@/lib/http/contentDisposition";
import { tooManyRequestsPage } from "@/lib/http/proxyRefusals";
import { TooManyRequestsError } from "@/lib/throttle/throttle";
import { readSmallForm } from "@/lib/http/smallForm";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  number: z.string().regex(requestNumberPattern),
  code: z.string().regex(accessCodePattern),
});

/**
 * The reply letter of a replied request, for whoever holds its number and 查询码 (404 otherwise).
 * They are posted (a small url-encoded form), so the 查询码 never appears in a URL or a log.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  try {
    const { locale } = await params;
    const form = await readSmallForm(request);
    if (!form) return apiError(413, "body_too_large", "Request body too large");
    const query = ZQuery.safeParse(Object.fromEntries(form));
    if (!isLocale(locale) || !query.success) return apiError(404, "not_found", "Not found");
    const letter = await getReplyLetter({
      trackingNumber: query.data.number,
      accessCode: query.data.code,
      locale,
    });
    if (!letter) return apiError(404, "not_found", "Not found");
    return pdfResponse(letter.bytes, { name: letter.fileName, cache: "private, no-store" });
  } catch (error) {
    // over the 查询码 limits: the same page, in the letter's language, as the lookup pages answer
    if (error instanceof TooManyRequestsError)
      return tooManyRequestsPage(new URL(request.url).pathname, {
        retryAfterSeconds: error.retryAfterSeconds,
        kind: "attempts",
      });
    return apiFailure(error);
  }
}
