import "server-only";
import { z } from "zod";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { accessCodePattern, letterNumberPattern } from "../identifiers/patterns";
import { servedOverHttps } from "../http/securityHeaders";
import { letterCodeLifetimeSeconds, letterCodeOf, letterCookieName } from "../http/letterCookie";
import { FormError } from "../shared/errors";
import { letterCodeMatches } from "./queries";
import { submitLetter } from "./submitLetter";
import type { TDbOption } from "../db/client";

/** The letter lookup form: a letter number and its 查询码 (trimmed, upper case). */
export const ZLetterLookup = z.object({
  number: z.string().trim().toUpperCase().min(1, "required").regex(letterNumberPattern, "letterNumberFormat"),
  accessCode: z.string().trim().toUpperCase().min(1, "required").regex(accessCodePattern, "accessCodeFormat"),
});

/**
 * Keeps a letter's 查询码 for its page in a short-lived httpOnly, SameSite=Strict cookie named by
 * the letter, so the page reads it there and no URL ever carries it.
 */
export async function keepLetterCode(number: string, code: string): Promise<void> {
  (await cookies()).set(letterCookieName(number), code, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: servedOverHttps(),
    maxAge: letterCodeLifetimeSeconds,
  });
}

/** The 查询码 kept for this letter, or null. */
export async function keptLetterCode(number: string): Promise<string | null> {
  return letterCodeOf(number, (await cookies()).get(letterCookieName(number))?.value);
}

/** A letter page's number (the 404 page unless it has the form of one) and the 查询码 kept for it, or null. */
export async function letterPageParams(
  params: Promise<{ number: string }>,
): Promise<{ number: string; code: string | null }> {
  const { number } = await params;
  if (!letterNumberPattern.test(number)) notFound();
  return { number, code: await keptLetterCode(number) };
}

/**
 * Sends a letter (submitLetter) and keeps its 查询码 for the confirmation page, in a cookie for
 * this letter, never in its URL; answers the letter's number. The form with files (a form route)
 * and the one without (a server action) both send this way.
 */
export async function sendLetter(input: Parameters<typeof submitLetter>[0]): Promise<string> {
  const { number, accessCode } = await submitLetter(input);
  await keepLetterCode(number, accessCode);
  return number;
}

/**
 * A posted number and 查询码, checked (limited guesses, failures audited, as every 查询码 lookup):
 * when they match, the code is kept for the letter's page; otherwise a form error, so the form
 * shows it with what was typed.
 */
export async function openLetterByCode(input: z.infer<typeof ZLetterLookup> & TDbOption): Promise<void> {
  if (!(await letterCodeMatches(input))) throw new FormError("letterLookupNotFound");
  await keepLetterCode(input.number, input.accessCode);
}
