"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, postAction } from "@/lib/actions/formAction";
import { secureCookies } from "@/lib/auth/options";
import {
  createWebhookEndpoint,
  retryWebhookDelivery,
  setWebhookEndpointActive,
  ZWebhookEndpoint,
} from "@/lib/webhooks/endpoints";
import {
  createServiceToken,
  hotlineFlashCookie,
  revokeServiceToken,
  ZServiceToken,
} from "@/lib/letters/hotlineTokens";

const pagePath = "/staff/hotline";
// a just-made secret or token travels to the page that shows it once, in a cookie for that page only, for a minute
const flash = async (value: string) =>
  (await cookies()).set(hotlineFlashCookie, value, {
    httpOnly: true,
    sameSite: "strict",
    secure: secureCookies(),
    path: pagePath,
    maxAge: 60,
  });
const ZId = z.object({ id: z.string().min(1).max(40) });

/** Registers a hotline endpoint (administrators); its secret is shown once. */
export const registerEndpoint = formAction({
  schema: ZWebhookEndpoint,
  actor: "staff",
  run: async ({ input, actor }) => {
    const { secret } = await createWebhookEndpoint({ actor, endpoint: input });
    await flash(secret);
    redirect(`${pagePath}?created=endpoint`);
  },
});

/** Switches an endpoint off or on again. */
export const toggleEndpoint = postAction({
  schema: ZId.extend({ active: z.enum(["on", "off"]) }),
  actor: "staff",
  run: async ({ input, actor }) => {
    await setWebhookEndpointActive({ actor, id: input.id, active: input.active === "on" });
    redirect(`${pagePath}?done=1`);
  },
});

/** Makes a service token for the hotline system; shown once. */
export const makeServiceToken = formAction({
  schema: ZServiceToken,
  actor: "staff",
  run: async ({ input, actor }) => {
    const { token } = await createServiceToken({ actor, name: input.name, email: input.email });
    await flash(token);
    redirect(`${pagePath}?created=token`);
  },
});

export const revokeToken = postAction({
  schema: ZId,
  actor: "staff",
  run: async ({ input, actor }) => {
    await revokeServiceToken({ actor, id: input.id });
    redirect(`${pagePath}?done=1`);
  },
});

/** Sends a waiting delivery again now. */
export const retryDelivery = postAction({
  schema: ZId,
  actor: "staff",
  run: async ({ input, actor }) => {
    await retryWebhookDelivery({ actor, id: input.id });
    redirect(`${pagePath}/deliveries?retried=1`);
  },
});
