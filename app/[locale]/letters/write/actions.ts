"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { withQuery } from "@/lib/i18n/paths";

/** Sends a letter (signed in, or anonymously for a question or suggestion) and shows its number and 查询码. */
export const writeLetter = formAction({
  schema: ZLetter,
  actor: "any",
  run: async ({ input, actor, locale }) => {
    const { number, accessCode } = await submitLetter({ actor, letter: input });
    redirect(withQuery(`/${locale}/letters/${number}`, { code: accessCode, sent: 1 }));
  },
});
