import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import type { TSessionUser } from "../auth/types";
import { saveSetting } from "../settings/stored";
import { ZCalendarOverrides, type TStoredCalendar } from "../settings/disclosure";
import { recomputeProvisionalDeadlines } from "./recomputeDeadlines";

/**
 * Sets the local calendar override (administrators only; anyone else is refused and audited),
 * then recomputes every open deadline that was provisional, recording each change on its case.
 */
export async function saveCalendarOverrides(
  input: { actor: TSessionUser; calendar: TStoredCalendar; now?: Date } & TDbOption,
) {
  await saveSetting({ ...input, key: "calendar", schema: ZCalendarOverrides, value: input.calendar });
  return recomputeProvisionalDeadlines({
    db: await clientOf(input),
    now: input.now,
    actorId: input.actor.id,
  });
}
