"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { savePlace, ZPlace } from "@/lib/places/managePlaces";

export const savePlaceAction = formAction({
  schema: ZPlace,
  actor: "staff",
  run: async ({ input: place, actor }) => {
    const outcome = await savePlace({ actor, place });
    redirect(`/staff/places?${outcome}=${place.code}`);
  },
});
