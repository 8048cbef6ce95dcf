"use server";

import { redirect } from "next/navigation";
import { formAction, postAction } from "@/lib/actions/formAction";
import { ZChangePassword, ZTotpCode } from "@/lib/auth/schema";
import { changePasswordFromForm } from "@/lib/auth/changePassword";
import {
  cancelReenrolment,
  confirmReenrolment,
  regenerateRecoveryCodes,
  startReenrolment,
} from "@/lib/auth/manageTwoFactor";
import { clientAddress } from "@/lib/http/clientAddress";
import { z } from "zod";

/** Changes this member of staff's password; their other sessions end at once. */
export const changeStaffPassword = formAction({
  schema: ZChangePassword,
  actor: "staff",
  run: async ({ input, actor }) => {
    const ended = await changePasswordFromForm({ actor, form: input });
    redirect(`/staff/account?passwordChanged=${ended}`);
  },
});

/** Ten new recovery codes, after a current code; shown by the form this once. */
export const regenerateStaffRecoveryCodes = formAction({
  schema: ZTotpCode,
  actor: "staff",
  run: async ({ input, actor }) => {
    const codes = await regenerateRecoveryCodes({ actor, code: input.code, ip: await clientAddress() });
    return { ok: true, values: {}, fieldErrors: {}, shownOnce: codes };
  },
});

/** A step of the move to another authenticator, taken with a code; then the page shows where it stands. */
const reenrolmentStep = (step: typeof startReenrolment, next: string) =>
  formAction({
    schema: ZTotpCode,
    actor: "staff",
    run: async ({ input, actor }) => {
      await step({ actor, code: input.code, ip: await clientAddress() });
      redirect(next);
    },
  });

/** A current code starts the move to another authenticator; the page then shows the new QR code. */
export const startStaffReenrolment = reenrolmentStep(startReenrolment, "/staff/account#two-factor");

/** A code from the new authenticator confirms it. */
export const confirmStaffReenrolment = reenrolmentStep(
  confirmReenrolment,
  "/staff/account?reenrolled=1#two-factor",
);

export const cancelStaffReenrolment = postAction({
  schema: z.object({}),
  actor: "staff",
  run: async ({ actor }) => {
    await cancelReenrolment({ actor });
    redirect("/staff/account#two-factor");
  },
});
