import "server-only";
import { getSessionUser } from "../auth/session";
import { isCitizen } from "../auth/policy";
import type { TSessionUser } from "../auth/types";
import { isLocale, type TLocale } from "../i18n/settings";
import { apiError, apiFailure } from "./errors";

/**
 * A GET handler for a file of the signed-in citizen's own under a locale (a case's receipt or
 * result, their data). Anyone else, an unknown locale, or nothing found (`null`) is answered 404,
 * as for an address that does not exist, so the answer never tells whose a case is.
 */
export function ownFileRoute<P extends { locale: string }>(
  answer: (call: {
    request: Request;
    params: P;
    locale: TLocale;
    actor: TSessionUser;
  }) => Promise<Response | null>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const resolved = await params;
      const actor = await getSessionUser();
      const { locale } = resolved;
      if (!isLocale(locale) || !isCitizen(actor)) return apiError(404, "not_found", "Not found");
      return (
        (await answer({ request, params: resolved, locale, actor })) ??
        apiError(404, "not_found", "Not found")
      );
    } catch (error) {
      return apiFailure(error);
    }
  };
}
