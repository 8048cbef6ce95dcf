import "server-only";
import { clientOf, type TDbOption } from "../db/client";
import { writeAudit } from "../audit/writeAudit";
import { clientAddress } from "../http/clientAddress";
import { checkLimit, countAttempt, refundAttempt, TooManyRequestsError } from "./throttle";

const keysOf = (address: string, trackingNumber: string) =>
  [
    { limit: "accessCodeAddress", key: address },
    { limit: "accessCodeNumber", key: trackingNumber },
  ] as const;

/** The record of a refused 查询码 lookup (never the code itself). */
function auditRefusal(
  prisma: Awaited<ReturnType<typeof clientOf>>,
  entry: { action: string; entityType: string; trackingNumber: string; address?: string },
) {
  return writeAudit(prisma, {
    actorId: null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.trackingNumber,
    outcome: "DENIED",
    ...(entry.address ? { ip: entry.address } : {}),
  });
}

/**
 * Whether a 查询码 lookup from this address for this number would be over a limit, asked before a
 * page that looks one up is rendered (so it can answer 429): the seconds to wait, or 0. Nothing is
 * counted; a refusal is audited as the lookup's own would be.
 */
export async function accessCodeWait(
  input: { trackingNumber: string; entityType: string; address: string } & TDbOption,
): Promise<number> {
  const prisma = await clientOf(input);
  try {
    for (const key of keysOf(input.address, input.trackingNumber)) await checkLimit({ ...key, db: prisma });
    return 0;
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    await auditRefusal(prisma, { action: "accessCode.throttled", ...input });
    return error.retryAfterSeconds;
  }
}

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
  const keys = keysOf(address, input.trackingNumber);
  const audit = (action: string) => auditRefusal(prisma, { action, ...input });
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
