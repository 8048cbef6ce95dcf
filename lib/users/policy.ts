import type { TSessionUser } from "../auth/types";
import { isAdministrator } from "../auth/policy";

/** Who may see and change other people's accounts: administrators of the whole portal only. */
export function mayAdministerAccounts(actor: TSessionUser): boolean {
  return isAdministrator(actor);
}
