import { formRoute } from "@/lib/actions/formRoute";
import { maxLetterFiles, ZLetter } from "@/lib/letters/submitLetter";
import { sendLetter } from "@/lib/letters/letterLookup";

/** A signed-in citizen's letter with its files (streamed, checked as every upload); then its number and 查询码. */
export const POST = formRoute({
  schema: ZLetter,
  actor: "citizen",
  // a few more than allowed are read, so that too many gets a message rather than a refusal
  files: { fields: ["files"], maxCount: maxLetterFiles * 2, allowed: maxLetterFiles },
  back: (_fields, locale) => `/${locale}/letters/write`,
  run: async ({ input, actor, files, locale }) => {
    return `/${locale}/letters/${await sendLetter({ actor, letter: input, files })}/sent`;
  },
});
