import { elderCookie, isLocale } from "@/lib/i18n/settings";
import { secureCookies } from "@/lib/auth/options";
import { safeRedirectPath } from "@/lib/shared/safeRedirect";
import { readSmallForm } from "@/lib/http/smallForm";

/**
 * Turns 适老化 elder mode on or off (a cookie kept for a year) and returns to the page. A plain form
 * post to this address rather than a server action: the header's form is on every page, and a
 * server action's form is written with an empty `action`, which is not valid HTML. proxy.ts has
 * already refused a post from another site.
 */
export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const home = isLocale(locale) ? `/${locale}` : "/";
  const form = (await readSmallForm(request)) ?? new URLSearchParams();
  const response = new Response(null, {
    status: 303,
    headers: { Location: safeRedirectPath(form.get("returnTo"), home), "Cache-Control": "no-store" },
  });
  const attributes = `Path=/; SameSite=Lax; HttpOnly${secureCookies() ? "; Secure" : ""}`;
  response.headers.append(
    "Set-Cookie",
    form.get("elder") === "1"
      ? `${elderCookie}=1; Max-Age=${365 * 24 * 3600}; ${attributes}`
      : `${elderCookie}=; Max-Age=0; ${attributes}`,
  );
  return response;
}
