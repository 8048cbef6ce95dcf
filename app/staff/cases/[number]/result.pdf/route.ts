import { getSessionUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/policy";
import { staffResultDocument } from "@/lib/cases/resultDocument";
import { resultPdfResponse } from "@/lib/cases/resultPdf";
import { defaultLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ number: string }> };

/** The result document of a case, for staff of its department; a 404 for anyone else (audited in lib). */
export async function GET(request: Request, { params }: Props) {
  try {
    const { number } = await params;
    const actor = await getSessionUser();
    if (!isStaff(actor)) return apiError(404, "not_found", "Not found");
    const document = await staffResultDocument({ actor, trackingNumber: number.slice(0, 40) });
    if (!document) return apiError(404, "not_found", "Not found");
    return await resultPdfResponse({ request, locale: defaultLocale, document });
  } catch (error) {
    return apiFailure(error);
  }
}
