import { z } from "zod";
import { enumParam, param } from "../i18n/search-params";
import { parseChinaDateTime } from "../shared/chinaTime";

export const auditOutcomes = ["ALLOWED", "DENIED"] as const;

/** The kinds of thing an audit row can be about, as writeAudit's callers name them. */
export const auditTargetTypes = [
  "Application",
  "DisclosureRequest",
  "DisclosureDocument",
  "Notice",
  "User",
  "Service",
  "Place",
  "SearchSynonym",
  "ApiToken",
  "AuditLog",
] as const;

/**
 * What the audit viewer is narrowed to: who acted (id, e-mail or part of a name), the action (or
 * its prefix, "case." for every case step), the target's kind and id, the outcome, and a time
 * range in China time.
 */
export type TAuditFilter = {
  person?: string;
  action?: string;
  targetType?: (typeof auditTargetTypes)[number];
  target?: string;
  outcome?: (typeof auditOutcomes)[number];
  from?: Date;
  to?: Date;
};

type TQuery = Record<string, string | string[] | undefined>;

const moment = (value: string | string[] | undefined) => {
  const text = param(value, 25);
  return (text && parseChinaDateTime(text)) || undefined;
};

/** The filter of the audit page and its CSV export, read from the address (anything malformed is dropped). */
export function auditFilterOf(query: TQuery): TAuditFilter {
  return {
    person: param(query.person, 120),
    action: param(query.action, 80),
    targetType: enumParam(query.targetType, auditTargetTypes),
    target: param(query.target, 120),
    outcome: enumParam(query.outcome, auditOutcomes),
    from: moment(query.from),
    to: moment(query.to),
  };
}

/** The "verify now" button's form: nothing to send but the click. */
export const ZVerifyAuditChain = z.object({});
