import { z } from "zod";
import { wholeNumberField } from "../shared/numberField";

const ZDays = wholeNumberField(1, 3650);

/**
 * How long the portal keeps what has no lasting reason to stay (个人信息保护法 Art. 19: no longer
 * than the purpose needs), in days; the retention job (lib/retention) deletes what is older.
 * Cases, requests and the audit log are government records and are not purged here.
 */
export const ZRetention = z.object({
  /** a sent mail's body and address; the row (subject, times, the address's hash) stays */
  mailBodyDays: ZDays,
  /** an application draft not touched since, with its uploads not yet part of a case */
  draftDays: ZDays,
  /**
   * a subscription whose confirmation link was never followed (the name avoids "confirm", which
   * forms treat as a secret and never send back)
   */
  pendingSubscriptionDays: ZDays,
  /** a session after it ended or expired (the person's own session history) */
  sessionDays: ZDays,
  /** a background job that finished (its payload may name an address); dead letters are kept apart */
  finishedJobDays: ZDays,
});
export type TRetention = z.infer<typeof ZRetention>;

export const defaultRetention: TRetention = {
  mailBodyDays: 180,
  draftDays: 90,
  pendingSubscriptionDays: 7,
  sessionDays: 90,
  finishedJobDays: 7,
};

export const retentionFields = Object.keys(defaultRetention) as (keyof TRetention)[];
