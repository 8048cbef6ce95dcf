import { isLocale } from "@/lib/i18n/settings";
import { unsubscribe } from "@/lib/notices/subscriptions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ locale: string }> };

/** Unsubscribes by the link's token; null when the locale in the path is not one of ours. */
async function unsubscribeByLink(
  request: Request,
  { params }: Context,
): Promise<{ locale: string; ok: boolean } | null> {
  const { locale } = await params;
  if (!isLocale(locale)) return null;
  return { locale, ok: await unsubscribe({ token: new URL(request.url).searchParams.get("token") ?? "" }) };
}

/** The link in every mail: one click ends the subscription, then a page says so. */
export async function GET(request: Request, context: Context) {
  const done = await unsubscribeByLink(request, context);
  if (!done) return new Response("Not found", { status: 404 });
  const { locale, ok } = done;
  return new Response(null, {
    status: 303,
    headers: { Location: `/${locale}/notices/unsubscribed?${ok ? "ok=1" : "invalid=1"}` },
  });
}

/** RFC 8058 one-click unsubscribe from the mail client (List-Unsubscribe-Post). */
export async function POST(request: Request, context: Context) {
  const done = await unsubscribeByLink(request, context);
  if (!done) return new Response("Not found", { status: 404 });
  const { ok } = done;
  return new Response(ok ? "unsubscribed" : "unknown token", {
    status: ok ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
