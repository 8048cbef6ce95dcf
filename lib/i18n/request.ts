import "server-only";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { elderCookie, isLocale, type TLocale } from "./settings";

export { elderCookie };

/** The locale of a `[locale]` route, or a 404 for anything else. */
export async function localeParam(params: Promise<{ locale: string }>): Promise<TLocale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}

/** The current path and query (set by proxy.ts), for the language switcher and return links. */
export async function currentPath(fallback: string): Promise<string> {
  return (await headers()).get("x-onestop-path") ?? fallback;
}

export async function isElderMode(): Promise<boolean> {
  return (await cookies()).get(elderCookie)?.value === "1";
}
