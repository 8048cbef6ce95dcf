"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { postAction } from "@/lib/actions/formAction";
import { markAllRead } from "@/lib/notifications/queries";
import { FormError } from "@/lib/shared/errors";
import { setMyCommunities } from "@/lib/places/myCommunities";
import { startSignOn } from "@/lib/auth/startSignOn";

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

/**
 * 关联统一身份认证: the signed-in citizen proves the platform identity too; it is linked to this
 * account when they come back in this same session (never by matching e-mail addresses).
 */
export const linkIdentity = postAction({
  schema: ZNothing,
  actor: "citizen",
  run: async ({ actor, locale }) => {
    let to: string;
    try {
      to = await startSignOn({
        portal: "public",
        locale,
        returnTo: `/${locale}/account?linked=1`,
        link: actor,
      });
    } catch (error) {
      if (error instanceof FormError) redirect(`/${locale}/account?identityError=${error.key}`);
      throw error;
    }
    redirect(to);
  },
});
