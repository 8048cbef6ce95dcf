"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/formAction";
import { rateLetter } from "@/lib/letters/applyLetterStep";
import { letterNumberPattern, letterRatings } from "@/lib/letters/kinds";

const ZRating = z.object({
  number: z.string().regex(letterNumberPattern),
  expectedVersion: z.coerce.number().int().positive(),
  rating: z.enum(letterRatings, { message: "choose" }),
});

/** The writer's rating of the reply (满意, 基本满意, 不满意). */
export const rateLetterReply = formAction({
  schema: ZRating,
  actor: "citizen",
  returnTo: (formData, locale) => `/${locale}/letters/${String(formData.get("number") ?? "")}`,
  run: async ({ input, actor, locale }) => {
    await rateLetter({ ...input, actor });
    redirect(`/${locale}/letters/${input.number}`);
  },
});
