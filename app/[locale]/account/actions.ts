"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import { markAllRead } from "@/lib/notifications/queries";
import { FormError } from "@/lib/shared/errors";
import { setMyCommunities } from "@/lib/places/myCommunities";

// nothing to check: the communities are read as a list, the locale by the wrapper
const ZNothing = z.object({});

export const markNotificationsRead = postAction({
  schema: ZNothing,
  actor: "citizen",
  run: async ({ actor, locale }) => {
    await markAllRead({ actor });
    redirect(`/${locale}/account`);
  },
});

/** Saves the resident's communities (a plain form: works without JavaScript). */
export const saveMyCommunities = postAction({
  schema: ZNothing,
  actor: "citizen",
  run: async ({ actor, formData, locale }) => {
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
