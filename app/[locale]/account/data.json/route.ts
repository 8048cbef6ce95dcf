import { getSessionUser } from "@/lib/auth/session";
import { isCitizen } from "@/lib/auth/policy";
import { isLocale } from "@/lib/i18n/settings";
import { exportPersonalData } from "@/lib/users/personalData";
import { apiError, apiFailure } from "@/lib/api/errors";
import { contentDisposition } from "@/lib/http/contentDisposition";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

/** The signed-in citizen's data as a JSON file to keep or take elsewhere (个人信息保护法 Art. 45). */
export async function GET(_request: Request, { params }: Props) {
  try {
    const { locale } = await params;
    const actor = await getSessionUser();
    if (!isLocale(locale) || !isCitizen(actor)) return apiError(404, "not_found", "Not found");
    const data = await exportPersonalData({ actor, format: "json" });
    const day = data.exportedAt.slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `onestop-personal-data-${day}.json`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return apiFailure(error);
  }
}
