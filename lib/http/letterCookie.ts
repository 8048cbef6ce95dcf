/**
 * The cookie that carries a letter's 查询码 to its page once the number and code were posted (the
 * lookup form, the confirmation page's button, sending the letter): one per letter, named by its
 * number, so the code never travels in a URL. Free of `server-only`: proxy.ts reads it to limit
 * guesses before the page renders.
 */
import { accessCodePattern, letterNumberPattern } from "../identifiers/patterns";
import { servedOverHttps } from "./securityHeaders";

/** How long a looked-up letter stays open without typing its code again. */
export const letterCodeLifetimeSeconds = 30 * 60;

export function letterCookieName(number: string): string {
  return `${servedOverHttps() ? "__Secure-" : ""}onestop-letter-${number}`;
}

/** The 查询码 kept for `number` when the cookie holds a well-formed one; else null. */
export function letterCodeOf(number: string, raw: string | undefined): string | null {
  if (!letterNumberPattern.test(number) || !raw) return null;
  const code = raw.trim().toUpperCase();
  return accessCodePattern.test(code) ? code : null;
}
