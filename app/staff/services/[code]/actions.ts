"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { updateService, ZServiceEdit } from "@/lib/services/updateService";

export const saveService = formAction({
  schema: ZServiceEdit,
  actor: "staff",
  run: async ({ input: edit, actor }) => {
    await updateService({ actor, edit });
    redirect(`/staff/services/${edit.code}?saved=1`);
  },
});
