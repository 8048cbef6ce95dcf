import "server-only";
import { db } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { getDraft, listDrafts, uploadNames } from "./drafts";
import { getOwnCase } from "./ownCases";
import { serviceForm } from "./saveApplicationStep";

/** What the application pages need: the service form, the citizen's draft, and names of files in it. */
export async function loadApplication(actor: TSessionUser, serviceCode: string) {
  const prisma = await db();
  const service = await serviceForm(prisma, serviceCode);
  const draft = await getDraft(prisma, actor, service.id);
  const fileIds = service.form.steps
    .flatMap((step) => step.fields)
    .filter((field) => field.type === "file")
    .map((field) => draft.answers[field.name])
    .filter((id): id is string => typeof id === "string");
  return { service, draft, files: await uploadNames(prisma, actor, fileIds) };
}

export async function ownCase(actor: TSessionUser, trackingNumber: string) {
  return getOwnCase(await db(), actor, trackingNumber);
}

export async function ownDrafts(actor: TSessionUser) {
  return listDrafts(await db(), actor);
}
