import { z } from "zod";
import { db } from "@/lib/db/client";
import { renderReplyLetter } from "@/lib/disclosure/replyLetter";
import { getT } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/settings";
import { apiError, apiFailure } from "@/lib/api/errors";
import { accessCodePattern } from "@/lib/cases/schema";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  number: z.string().regex(/^GK\d{14}$/),
  code: z.string().regex(accessCodePattern),
});

/** The reply letter of a replied request, for whoever holds its number and 查询码 (404 otherwise). */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  try {
    const { locale } = await params;
    const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!isLocale(locale) || !query.success) return apiError(404, "not_found", "Not found");
    const found = await (
      await db()
    ).disclosureRequest.findFirst({
      where: { trackingNumber: query.data.number, accessCode: query.data.code, letterNumber: { not: null } },
      include: { department: { select: { name: true, nameEn: true } } },
    });
    if (!found) return apiError(404, "not_found", "Not found");
    const bytes = await renderReplyLetter({ locale, t: await getT(locale, ["disclosure"]), request: found });
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="reply-${found.trackingNumber}.pdf"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiFailure(error);
  }
}
