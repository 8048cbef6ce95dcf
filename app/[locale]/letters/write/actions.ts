"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { keepLetterCode } from "@/lib/letters/letterLookup";

/** Sends a letter (signed in, or anonymously for a question or suggestion) and shows its number and 查询码 (kept in a cookie, not the URL). */
export const writeLetter = formAction({
  schema: ZLetter,
  actor: "any",
  run: async ({ input, actor, locale }) => {
    const { number, accessCode } = await submitLetter({ actor, letter: input });
    // the 查询码 goes to the confirmation page in a cookie for this letter, never in the URL
    await keepLetterCode(number, accessCode);
    redirect(`/${locale}/letters/${number}/sent`);
  },
});
