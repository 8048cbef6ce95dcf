"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import { markAllRead } from "@/lib/notifications/queries";
import { defaultLocale, isLocale } from "@/lib/i18n/settings";
import { FormError } from "@/lib/shared/errors";
import { setMyCommunities } from "@/lib/places/myCommunities";

const ZLocale = z.object({
  locale: z
    .string()
    .optional()
    .transform((value) => (isLocale(value) ? value : defaultLocale)),
});

export const markNotificationsRead = postAction({
  schema: ZLocale,
  actor: "citizen",
  run: async ({ input, actor }) => {
    await markAllRead({ actor });
    redirect(`/${input.locale}/account`);
  },
});

/** Saves the resident's communities (a plain form: works without JavaScript). */
export const saveMyCommunities = postAction({
  schema: ZLocale,
  actor: "citizen",
  run: async ({ input: { locale }, actor, formData }) => {
    const codes = formData.getAll("communities").filter((v): v is string => typeof v === "string");
    try {
      await setMyCommunities({ actor, codes });
    } catch (error) {
      if (error instanceof FormError)
        redirect(`/${locale}/account?communitiesError=${encodeURIComponent(error.key)}#my-communities`);
      throw error;
    }
    redirect(`/${locale}/account?communitiesSaved=1#my-communities`);
  },
});
