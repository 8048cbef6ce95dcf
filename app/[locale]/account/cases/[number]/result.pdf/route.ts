import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { ownResultDocument } from "@/lib/cases/resultDocument";
import { resultPdfResponse } from "@/lib/cases/resultPdf";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; number: string }> };

/** The result document the portal issued for the signed-in citizen's own case; a 404 otherwise. */
export async function GET(request: Request, { params }: Props) {
  try {
    const { locale, number } = await params;
    const actor = await getSessionUser();
    if (!isLocale(locale) || !isCitizen(actor)) return apiError(404, "not_found", "Not found");
    const document = await ownResultDocument({ actor, trackingNumber: number.slice(0, 40) });
    if (!document) return apiError(404, "not_found", "Not found");
    return await resultPdfResponse({ request, locale, document });
  } catch (error) {
    return apiFailure(error);
  }
}
