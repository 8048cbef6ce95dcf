import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { isNoticeEditor } from "../notices/noticeWorkflow";
import { isConsultationEditor } from "../consultations/consultationWorkflow";
import { mayAdministerAccounts } from "./policy";

/** Staff pages that only some roles open, each with who may. */
const staffAreas = {
  places: isAdministrator,
  synonyms: isAdministrator,
  retention: isAdministrator,
  disclosureSettings: isAdministrator,
  newNotice: isNoticeEditor,
  newConsultation: isConsultationEditor,
  users: mayAdministerAccounts,
} satisfies Record<string, (actor: TSessionUser) => boolean>;

export type TStaffArea = keyof typeof staffAreas;

/**
 * Lets the actor into a staff page only some roles open, and returns them; anyone else gets
 * NotFoundError (the page's 404, as for a page that does not exist) and the refusal is audited.
 */
export async function openStaffArea(
  input: { actor: TSessionUser; area: TStaffArea } & TDbOption,
): Promise<TSessionUser> {
  if (staffAreas[input.area](input.actor)) return input.actor;
  throw await deniedAsNotFound(await clientOf(input), {
    actorId: input.actor.id,
    action: "staffPage.read",
    entityType: "StaffPage",
    entityId: input.area,
  });
}
