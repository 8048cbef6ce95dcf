import "server-only";
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { TSessionUser } from "../auth/types";
import { deniedAsNotFound } from "../audit/refusals";
import { isConsultationEditor } from "./consultationWorkflow";

/** Who asks to do what, on which consultation (or "new", "list"): what a refusal is audited as. */
type TEditorAccess = { actor: TSessionUser; action: string; entityId: string };

/** The audit entry of an editor's action on a consultation, allowed or refused. */
export function consultationEntry(
  { actor, action, entityId }: TEditorAccess,
  detail?: Prisma.InputJsonObject,
) {
  return { actorId: actor.id, action, entityType: "Consultation", entityId, detail };
}

const refused = (prisma: PrismaClient, access: TEditorAccess) =>
  deniedAsNotFound(prisma, consultationEntry(access));

/** Refuses (audited, as not found) anyone who is not an editor. */
export async function requireConsultationEditor(prisma: PrismaClient, access: TEditorAccess): Promise<void> {
  if (!isConsultationEditor(access.actor)) throw await refused(prisma, access);
}

/**
 * The consultation an editor asks for, read by `find` only for an editor: anyone else, or a
 * consultation that does not exist, is refused (audited) as not found.
 */
export async function editorsConsultation<T>(
  prisma: PrismaClient,
  access: TEditorAccess,
  find: () => Promise<T | null>,
): Promise<T> {
  const found = isConsultationEditor(access.actor) ? await find() : null;
  if (found) return found;
  throw await refused(prisma, access);
}
