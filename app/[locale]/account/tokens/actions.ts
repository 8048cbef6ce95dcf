"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { accountFormAction } from "@/lib/actions/formAction";
import { secureCookies } from "@/lib/auth/options";
import { NotFoundError } from "@/lib/shared/errors";
import { createApiToken, newTokenCookie, revokeApiToken, ZTokenName } from "@/lib/users/apiTokens";

const pagePath = (locale: string) => `/${locale}/account/tokens`;
// the new token travels to the page that shows it in a cookie for this page only, for a minute
const flashCookie = (locale: string, maxAge: number) => ({
  httpOnly: true,
  sameSite: "strict" as const,
  secure: secureCookies(),
  path: pagePath(locale),
  maxAge,
});

export const createToken = accountFormAction("tokens", {
  schema: z.object({ name: ZTokenName }),
  run: async ({ input, actor, locale }) => {
    const created = await createApiToken({ actor, name: input.name });
    (await cookies()).set(newTokenCookie, created.token, flashCookie(locale, 60));
    redirect(`${pagePath(locale)}?created=1`);
  },
});

export const revokeToken = accountFormAction("tokens", {
  schema: z.object({ id: z.string().min(1).max(64) }),
  run: async ({ input, actor, locale }) => {
    try {
      await revokeApiToken({ actor, id: input.id });
    } catch (error) {
      // already revoked (a second click): either way it no longer works
      if (!(error instanceof NotFoundError)) throw error;
    }
    const store = await cookies();
    if (store.has(newTokenCookie)) store.set(newTokenCookie, "", flashCookie(locale, 0));
    redirect(`${pagePath(locale)}?revoked=1`);
  },
});
