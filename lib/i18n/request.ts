import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { defaultLocale, elderCookie, isLocale, type TLocale } from "./settings";

export { elderCookie };

// one per request (React's cache is scoped to a server render); staff pages never set it
const rendering = cache((): { locale: TLocale } => ({ locale: defaultLocale }));

/** The locale of a `[locale]` route, or a 404 for anything else; the request renders in it from here on. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<TLocale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  rendering().locale = locale;
  return locale;
}

/**
 * The locale this request renders in: the one its `[locale]` layout and page read (both do, before
 * they render anything), or the default on staff pages, which speak only that. Shared parts of a
 * page (a form's error messages, the account pages' trail) read it here instead of every page
 * handing them its `t` and locale.
 */
export function renderLocale(): TLocale {
  return rendering().locale;
}

/** The current path and query (set by proxy.ts), for the language switcher and return links. */
export async function currentPath(fallback: string): Promise<string> {
  return (await headers()).get("x-onestop-path") ?? fallback;
}

export async function isElderMode(): Promise<boolean> {
  return (await cookies()).get(elderCookie)?.value === "1";
}
