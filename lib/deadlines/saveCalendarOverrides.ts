import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";
import { deniedAsNotFound } from "../audit/refusals";
import { writeAudit } from "../audit/writeAudit";
import { ZCalendarOverrides, type TStoredCalendar } from "../settings/disclosure";
import { recomputeProvisionalDeadlines } from "./recomputeDeadlines";

/**
 * Sets the local calendar override (administrators only; anyone else is refused and audited),
 * then recomputes every open deadline that was provisional, recording each change on its case.
 */
export async function saveCalendarOverrides(
  input: { actor: TSessionUser; calendar: TStoredCalendar; now?: Date } & TDbOption,
) {
  const prisma = await clientOf(input);
  const entry = { actorId: input.actor.id, action: "settings.calendar", entityType: "SiteSetting" };
  if (!isAdministrator(input.actor)) throw await deniedAsNotFound(prisma, entry);
  const value = ZCalendarOverrides.parse(input.calendar);
  await prisma.$transaction(async (tx) => {
    await tx.siteSetting.upsert({
      where: { key: "calendar" },
      create: { key: "calendar", value },
      update: { value },
    });
    await writeAudit(tx, { ...entry, entityId: "calendar", detail: value });
  });
  return recomputeProvisionalDeadlines({ db: prisma, now: input.now, actorId: input.actor.id });
}
