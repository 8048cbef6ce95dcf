import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { getOwnCase } from "@/lib/cases/ownCases";
import { receiptTrackUrl, renderReceiptPdf } from "@/lib/cases/receipt";
import { getSiteSettings } from "@/lib/settings/queries";
import { getT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; number: string }> };

/** 受理回执 of the signed-in citizen's own case; a 404 for anyone else, as for an unknown number. */
export async function GET(request: Request, { params }: Props) {
  try {
    const { locale, number } = await params;
    const actor = await getSessionUser();
    if (!isLocale(locale) || !isCitizen(actor)) return apiError(404, "not_found", "Not found");
    const found = await getOwnCase({ actor, trackingNumber: number.slice(0, 40) });
    if (!found) return apiError(404, "not_found", "Not found");
    const [t, settings] = await Promise.all([getT(locale, ["receipt", "account"]), getSiteSettings()]);
    // NEXTAUTH_URL is the configured public address; the Host header is only a fallback
    const origin = process.env.NEXTAUTH_URL || new URL(request.url).origin;
    const bytes = await renderReceiptPdf({
      locale,
      case: {
        ...found,
        applicantName: actor.name,
        rejection: (() => {
          const event = [...found.events].reverse().find((e) => e.kind === "reject");
          return event ? { reason: event.reason ?? "", at: event.createdAt } : null;
        })(),
      },
      trackUrl: receiptTrackUrl({
        origin,
        locale,
        trackingNumber: found.trackingNumber,
      }),
      t,
      site: {
        name: lt(locale, settings.siteName.zh, settings.siteName.en),
        host: lt(locale, settings.host.zh, settings.host.en),
      },
    });
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition("inline", `receipt-${found.trackingNumber}.pdf`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiFailure(error);
  }
}
