import { ownFileRoute } from "@/lib/api/ownFileRoute";
import { getOwnCase } from "@/lib/cases/ownCases";
import { applicantOnForm } from "@/lib/cases/applicantOnForm";
import { openSupplementRequest } from "@/lib/cases/supplementRequest";
import { receiptTrackUrl, renderReceiptPdf } from "@/lib/cases/receipt";
import { getSiteSettings } from "@/lib/settings/queries";
import { getT } from "@/lib/i18n/server";
import { lt } from "@/lib/i18n/content";
import { pdfResponse } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

/** 受理回执 of the signed-in citizen's own case; a 404 for anyone else, as for an unknown number. */
export const GET = ownFileRoute<{ locale: string; number: string }>(
  async ({ request, params, locale, actor }) => {
    const found = await getOwnCase({ actor, trackingNumber: params.number.slice(0, 40) });
    if (!found) return null;
    const [t, settings] = await Promise.all([getT(locale, ["receipt", "account"]), getSiteSettings()]);
    // NEXTAUTH_URL is the configured public address; the Host header is only a fallback
    const origin = process.env.NEXTAUTH_URL || new URL(request.url).origin;
    const bytes = await renderReceiptPdf({
      locale,
      case: {
        ...found,
        applicantName: applicantOnForm(found.answers, actor.name),
        supplement: found.status === "SUPPLEMENT" ? openSupplementRequest(found.events) : null,
        rejection: (() => {
          const event = [...found.events].reverse().find((e) => e.kind === "reject");
          return event ? { reason: event.reason ?? "", at: event.createdAt } : null;
        })(),
      },
      trackUrl: receiptTrackUrl({ origin, locale, trackingNumber: found.trackingNumber }),
      t,
      site: {
        name: lt(locale, settings.siteName.zh, settings.siteName.en),
        host: lt(locale, settings.host.zh, settings.host.en),
      },
    });
    return pdfResponse(bytes, { name: `receipt-${found.trackingNumber}.pdf`, cache: "private, no-store" });
  },
);
