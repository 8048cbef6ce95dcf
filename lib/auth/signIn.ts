import "server-only";
import { FormError } from "../shared/errors";
import { clientAddress } from "../http/clientAddress";
import { startSession } from "./session";
import { verifyCredentials } from "./verifyCredentials";
import type { TSignIn } from "./schema";
import type { TPortal } from "./types";

/**
 * Signs in through one door (citizens and staff have their own): checks the password, then starts
 * the session. A refusal is a form error that never says whether the account exists; too many
 * attempts are answered with how long to wait, the same for every address typed.
 */
export async function signIn(input: TSignIn & { portal: TPortal }): Promise<void> {
  // over a limit, verifyCredentials throws TooManyRequestsError: formAction says how long to wait
  const result = await verifyCredentials({ ...input, ip: await clientAddress() });
  if (!result.ok) throw new FormError("signInFailed");
  await startSession(result.user, input.portal);
}
