import { z } from "zod";
import { normalizeText } from "./normalize";
import { searchTypes } from "./entries";
import { wholeNumberField } from "../shared/numberField";

/** Results per page, and the deepest page served. */
export const searchPageSize = 10;
const maxSearchPage = 50;

/** The query string of /{locale}/search and GET /api/v1/search. */
export const ZSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, "required")
    .max(100, "tooLongMax|100")
    .refine((q) => normalizeText(q).length > 0, "required"),
  type: z.enum(searchTypes, { message: "choose" }).optional(),
  page: wholeNumberField(1, maxSearchPage).default(1),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

const termSplit = /[\s,，、;；|]+/;

/** A synonym group as an administrator types it: 2 to 10 distinct terms, separated by commas, 、 or new lines. */
export const ZSynonymInput = z.object({
  terms: z.string().transform((value, ctx) => {
    const terms = [
      ...new Set(
        value
          .split(termSplit)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (terms.some((t) => t.length > 30)) ctx.addIssue({ code: "custom", message: "synonymTermTooLong" });
    else if (new Set(terms.map(normalizeText)).size < 2)
      ctx.addIssue({ code: "custom", message: "synonymTooFew" });
    else if (terms.length > 10) ctx.addIssue({ code: "custom", message: "synonymTooMany" });
    else return terms;
    return z.NEVER;
  }),
});

/** Editing or deleting one group: the id and the version the form was made from. */
export const ZSynonymEdit = ZSynonymInput.extend({
  id: z.string().min(1),
  expectedVersion: z.coerce.number().int().positive(),
});
export const ZSynonymDelete = z.object({
  id: z.string().min(1),
  expectedVersion: z.coerce.number().int().positive(),
});
