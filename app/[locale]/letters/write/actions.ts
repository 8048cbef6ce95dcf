"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZLetter } from "@/lib/letters/submitLetter";
import { sendLetter } from "@/lib/letters/letterLookup";

/** Sends a letter (signed in, or anonymously for a question or suggestion) and shows its number and 查询码 (kept in a cookie, not the URL). */
export const writeLetter = formAction({
  schema: ZLetter,
  actor: "any",
  run: async ({ input, actor, locale }) => {
    redirect(`/${locale}/letters/${await sendLetter({ actor, letter: input })}/sent`);
  },
});
