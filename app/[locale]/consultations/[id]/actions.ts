"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { submitComment } from "@/lib/consultations/comments";
import { ZCommentInput } from "@/lib/consultations/schema";

/** A signed-in citizen's comment on an open consultation; back to the page, which lists it as awaiting moderation. */
export const commentOnConsultation = formAction({
  schema: ZCommentInput,
  actor: "citizen",
  returnTo: (formData, locale) => `/${locale}/consultations/${String(formData.get("consultationId") ?? "")}`,
  run: async ({ input, actor, locale }) => {
    await submitComment({ actor, comment: input });
    redirect(`/${locale}/consultations/${input.consultationId}?sent=1#your-comments`);
  },
});
