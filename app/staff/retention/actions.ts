"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { ZRetention } from "@/lib/settings/retention";
import { saveRetention } from "@/lib/settings/queries";

export const saveRetentionPeriods = formAction({
  schema: ZRetention,
  actor: "staff",
  run: async ({ input, actor }) => {
    await saveRetention({ actor, retention: input });
    redirect("/staff/retention?saved=1");
  },
});
