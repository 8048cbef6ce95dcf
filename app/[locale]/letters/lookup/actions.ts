"use server";

import { redirect } from "next/navigation";
import { formAction, localeOf } from "@/lib/actions/formAction";
import { postedText } from "@/lib/http/trackingLookup";
import { ZLetterLookup, openLetterByCode } from "@/lib/letters/letterLookup";
import { FormError } from "@/lib/shared/errors";
import { TooManyRequestsError } from "@/lib/throttle/throttle";

/**
 * 查询信件 by POST: a letter number and its 查询码, checked with limited guesses; on a match the code
 * is kept in a short-lived cookie for that letter and the browser goes to the letter's clean URL.
 */
export const lookUpLetter = formAction({
  schema: ZLetterLookup,
  actor: "any",
  run: async ({ input, locale }) => {
    await openLetterByCode(input);
    redirect(`/${locale}/letters/${input.number}`);
  },
});

/**
 * "Open this letter" on the confirmation page after sending (a button, no JavaScript needed): the
 * number and code posted again, so that neither the button nor the redirect carries the code.
 */
export async function openLetter(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const parsed = ZLetterLookup.safeParse({
    number: postedText(formData, "trackingNumber"),
    accessCode: postedText(formData, "accessCode"),
  });
  const opened = parsed.success
    ? await openLetterByCode(parsed.data).then(
        () => true,
        (error: unknown) => {
          if (error instanceof FormError || error instanceof TooManyRequestsError) return false;
          throw error;
        },
      )
    : false;
  // a code that no longer matches (or too many tries): the lookup form, to type them again
  redirect(
    opened && parsed.success ? `/${locale}/letters/${parsed.data.number}` : `/${locale}/letters/lookup`,
  );
}
