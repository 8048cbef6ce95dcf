import { describe, expect, it } from "vitest";
import { byTone, stepsFrom, stepTone } from "./workflow";
import { caseStatuses, caseWorkflow, isFinal } from "../cases/caseWorkflow";
import { requestWorkflow } from "../disclosure/requestWorkflow";

describe("one way forward per status, irreversible steps as warnings", () => {
  it("names, for every status a caseworker acts in, one primary step the table opens from it", () => {
    for (const status of caseStatuses) {
      const staffSteps = stepsFrom(caseWorkflow, status, "staff");
      if (!staffSteps.length) {
        expect(caseWorkflow.primary?.[status], status).toBeUndefined();
        continue;
      }
      const primary = staffSteps.filter((step) => stepTone(caseWorkflow, step, status) === "primary");
      expect(primary, status).toHaveLength(1);
      expect(staffSteps).toContain(caseWorkflow.primary?.[status]);
    }
    // finished cases offer nothing
    for (const status of caseStatuses.filter(isFinal))
      expect(stepsFrom(caseWorkflow, status, "staff")).toEqual([]);
  });

  it("shows 不予受理 and 不予 (and the applicant's 撤回) as warnings, never as the way forward", () => {
    expect(stepTone(caseWorkflow, "reject", "PRE_REVIEW")).toBe("warning");
    expect(stepTone(caseWorkflow, "deny", "REVIEWING")).toBe("warning");
    expect(stepTone(caseWorkflow, "withdraw", "SUBMITTED")).toBe("warning");
    expect(stepTone(caseWorkflow, "accept", "PRE_REVIEW")).toBe("primary");
    expect(stepTone(caseWorkflow, "requestSupplement", "PRE_REVIEW")).toBe("secondary");
    expect(stepTone(caseWorkflow, "accept", "SUBMITTED")).toBe("secondary");
    // the page lists the way forward first and the irreversible steps last
    expect(byTone(caseWorkflow, stepsFrom(caseWorkflow, "PRE_REVIEW", "staff"), "PRE_REVIEW")).toEqual([
      "accept",
      "requestSupplement",
      "reject",
    ]);
  });

  it("does the same for information requests: 逾期未补正 closes a request for good", () => {
    for (const [status, step] of Object.entries(requestWorkflow.primary ?? {}))
      expect(stepsFrom(requestWorkflow, status, "officer"), status).toContain(step);
    expect(stepTone(requestWorkflow, "abandon", "SUPPLEMENT")).toBe("warning");
    expect(stepTone(requestWorkflow, "reply", "PROCESSING")).toBe("primary");
    expect(stepTone(requestWorkflow, "pause", "PROCESSING")).toBe("secondary");
  });
});
