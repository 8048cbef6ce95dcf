import { addWorkingDays, chinaDay } from "../calendar/workdays";
import type { TCaseStatus } from "./caseWorkflow";

/** 收到申请后 5 个工作日内决定受理、不予受理或一次告知补正（《行政许可法》第三十二条）. */
export const acceptanceWorkingDays = 5;

export type TCaseNextStep = {
  /** the `account:next.*` key saying what happens next */
  key: "decideAcceptance" | "supply" | "decide" | "issueResult" | "deliver" | "none";
  /** the day it happens by (a date-only value, midnight UTC), when there is one */
  by: Date | null;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * What happens next to a case and by when, for its applicant and anyone tracking it: the
 * department decides on acceptance within five working days of the application, then decides and
 * issues the result by the promised date (承诺办结日期).
 */
export function caseNextStep(input: {
  status: TCaseStatus;
  submittedAt: Date;
  promisedDue: Date | null;
}): TCaseNextStep {
  switch (input.status) {
    case "SUBMITTED":
    case "PRE_REVIEW":
      return {
        key: "decideAcceptance",
        by: day(addWorkingDays(chinaDay(input.submittedAt), acceptanceWorkingDays).due),
      };
    case "SUPPLEMENT":
      return { key: "supply", by: null };
    case "ACCEPTED":
    case "REVIEWING":
      return { key: "decide", by: input.promisedDue };
    case "APPROVED":
    case "DENIED":
      return { key: "issueResult", by: input.promisedDue };
    case "COMPLETED":
      return { key: "deliver", by: null };
    case "DELIVERED":
    case "REJECTED":
    case "WITHDRAWN":
      return { key: "none", by: null };
  }
}
