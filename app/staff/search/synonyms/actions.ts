"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/formAction";
import { editSynonyms } from "@/lib/search/editSynonyms";
import { ZSynonymDelete, ZSynonymEdit, ZSynonymInput } from "@/lib/search/schema";

const page = "/staff/search/synonyms";

export const createSynonymGroup = formAction({
  schema: ZSynonymInput,
  actor: "staff",
  run: async ({ input: { terms }, actor }) => {
    await editSynonyms({ actor, change: { kind: "create", terms } });
    redirect(`${page}?done=saved`);
  },
});

export const updateSynonymGroup = formAction({
  schema: ZSynonymEdit,
  actor: "staff",
  run: async ({ input: { id, expectedVersion, terms }, actor }) => {
    await editSynonyms({ actor, change: { kind: "update", id, expectedVersion, terms } });
    redirect(`${page}?done=saved`);
  },
});

export const deleteSynonymGroup = formAction({
  schema: ZSynonymDelete,
  actor: "staff",
  run: async ({ input: { id, expectedVersion }, actor }) => {
    await editSynonyms({ actor, change: { kind: "delete", id, expectedVersion } });
    redirect(`${page}?done=deleted`);
  },
});
