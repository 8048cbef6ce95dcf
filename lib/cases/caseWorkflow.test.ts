import { describe, expect, it } from "vitest";
import { stepsFrom } from "../workflow/workflow";
import { caseStatuses, caseStepNames, caseWorkflow, isFinal } from "./caseWorkflow";

const caseSteps = caseWorkflow.steps;

describe("the case workflow table", () => {
  it("reaches every status from 申报", () => {
    const reached = new Set(["SUBMITTED"]);
    for (let changed = true; changed;) {
      changed = false;
      for (const t of Object.values(caseSteps)) {
        if (t.to && t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
          reached.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...caseStatuses].sort());
  });

  it("lets the applicant withdraw only before the decision", () => {
    for (const status of caseStatuses) {
      const before = ["SUBMITTED", "PRE_REVIEW", "SUPPLEMENT", "ACCEPTED", "REVIEWING"].includes(status);
      expect(stepsFrom(caseWorkflow, status, "applicant").includes("withdraw"), status).toBe(before);
    }
  });

  it("ends in final states with nothing left to do", () => {
    for (const status of caseStatuses.filter(isFinal)) {
      expect(stepsFrom(caseWorkflow, status, "staff"), status).toEqual([]);
      expect(stepsFrom(caseWorkflow, status, "applicant"), status).toEqual([]);
    }
  });

  it("asks for a reason for 不予受理 and 不予, a list for 补正 and a result file for 办结", () => {
    expect(caseSteps.reject.needsReason && caseSteps.deny.needsReason).toBe(true);
    expect(caseSteps.requestSupplement.needsMissingList).toBe(true);
    expect(caseSteps.complete.issuesResult).toBe(true);
    expect(caseStepNames.filter((n) => caseSteps[n].by === "applicant").sort()).toEqual([
      "supplyMaterials",
      "withdraw",
    ]);
  });
});
