import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { clientAddress } from "../http/clientAddress";
import { countAttempt, refundAttempt, TooManyRequestsError } from "./throttle";

/**
 * A lookup by 办件编号 and 查询码, limited per client address and per tracking number (the
 * numbers are sequential, so the code is all that stands between a guesser and a requester's
 * name, request and reply). The attempt is counted before the lookup, so a burst cannot outrun
 * the count, and given back when the code was right; a wrong one is audited (never the code).
 * Throws TooManyRequestsError over a limit.
 */
export async function lookUpByAccessCode<T>(
  input: { trackingNumber: string; entityType: string } & TDbOption,
  find: () => Promise<T | null>,
): Promise<T | null> {
  const prisma = await clientOf(input);
  const address = (await clientAddress()) ?? "unknown";
  const keys = [
    { limit: "accessCodeAddress", key: address },
    { limit: "accessCodeNumber", key: input.trackingNumber },
  ] as const;
  const audit = (action: string) =>
    writeAudit(prisma, {
      actorId: null,
      action,
      entityType: input.entityType,
      entityId: input.trackingNumber,
      outcome: "DENIED",
    });
  try {
    for (const key of keys) await countAttempt({ ...key, db: prisma });
  } catch (error) {
    if (error instanceof TooManyRequestsError) await audit("accessCode.throttled");
    throw error;
  }
  const found = await find();
  if (found) for (const key of keys) await refundAttempt({ ...key, db: prisma });
  else await audit("accessCode.failed");
  return found;
}
