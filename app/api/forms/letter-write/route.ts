import { formRoute } from "@/lib/actions/formRoute";
import { maxLetterFiles, submitLetter, ZLetter } from "@/lib/letters/submitLetter";
import { keepLetterCode } from "@/lib/letters/letterLookup";

/** A signed-in citizen's letter with its files (streamed, checked as every upload); then its number and 查询码. */
export const POST = formRoute({
  schema: ZLetter,
  actor: "citizen",
  // a few more than allowed are read, so that too many gets a message rather than a refusal
  files: { fields: ["files"], maxCount: maxLetterFiles * 2, allowed: maxLetterFiles },
  back: (_fields, locale) => `/${locale}/letters/write`,
  run: async ({ input, actor, files, locale }) => {
    const { number, accessCode } = await submitLetter({ actor, letter: input, files });
    // the 查询码 goes to the confirmation page in a cookie for this letter, never in the URL
    await keepLetterCode(number, accessCode);
    return `/${locale}/letters/${number}/sent`;
  },
});
