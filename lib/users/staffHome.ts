import type { TSessionUser } from "../auth/types";
import { isNoticeEditor } from "../notices/noticeWorkflow";

/** What a member of staff's home page (/staff) shows: the case queue, or the notice desk. */
export type TStaffHome = "cases" | "notices";

/**
 * An editor who works no cases (no caseworker, supervisor or administrator grant) starts at the
 * notice desk, not an empty case queue; everyone else at the queue.
 */
export function staffHome(actor: TSessionUser): TStaffHome {
  const worksCases = actor.grants.some(
    (grant) => grant.role === "CASEWORKER" || grant.role === "SUPERVISOR" || grant.role === "ADMIN",
  );
  return !worksCases && isNoticeEditor(actor) ? "notices" : "cases";
}
