import { ownFileRoute } from "@/lib/api/ownFileRoute";
import { ownResultDocument } from "@/lib/cases/resultDocument";
import { resultPdfResponse } from "@/lib/cases/resultPdf";

export const dynamic = "force-dynamic";

/** The result document the portal issued for the signed-in citizen's own case; a 404 otherwise. */
export const GET = ownFileRoute<{ locale: string; number: string }>(
  async ({ request, params, locale, actor }) => {
    const document = await ownResultDocument({ actor, trackingNumber: params.number.slice(0, 40) });
    return document ? resultPdfResponse({ request, locale, document }) : null;
  },
);
