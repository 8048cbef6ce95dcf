import "server-only";
import { FormError } from "../shared/errors";
import { clientAddress } from "../http/clientAddress";
import { startSession } from "./session";
import { verifyCredentials } from "./verifyCredentials";
import { beginSecondFactor, type TSecondStep } from "./secondFactor";
import { setChallengeCookie } from "./challengeCookie";
import type { TSignIn } from "./schema";
import type { TPortal } from "./types";

/**
 * Signs in through one door (citizens and staff have their own): checks the password, then starts
 * the session — or, for staff, the second step: the browser gets a short-lived challenge and no
 * session until the second factor is given. A refusal is a form error that never says whether the
 * account exists; too many attempts are answered with how long to wait, the same for every
 * address typed. Returns what comes next: "done", or the second step to show.
 */
export async function signIn(
  input: TSignIn & { portal: TPortal; returnTo?: string | null },
): Promise<"done" | TSecondStep> {
  // over a limit, verifyCredentials throws TooManyRequestsError: formAction says how long to wait
  const result = await verifyCredentials({ ...input, ip: await clientAddress() });
  if (!result.ok) throw new FormError("signInFailed");
  if (input.portal === "staff") {
    const challenge = await beginSecondFactor({ user: result.user, returnTo: input.returnTo });
    if (challenge) {
      await setChallengeCookie(challenge.secret);
      return challenge.step;
    }
  }
  await startSession(result.user, input.portal);
  return "done";
}
