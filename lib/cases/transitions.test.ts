import { describe, expect, it } from "vitest";
import { availableTransitions, caseStatuses, caseTransitions, isFinal, transitionNames } from "./transitions";

describe("the case transition table", () => {
  it("reaches every status from 申报", () => {
    const reached = new Set(["SUBMITTED"]);
    for (let changed = true; changed;) {
      changed = false;
      for (const t of Object.values(caseTransitions)) {
        if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
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
      expect(availableTransitions(status, "applicant").includes("withdraw"), status).toBe(before);
    }
  });

  it("ends in final states with nothing left to do", () => {
    for (const status of caseStatuses.filter(isFinal)) {
      expect(availableTransitions(status, "staff"), status).toEqual([]);
      expect(availableTransitions(status, "applicant"), status).toEqual([]);
    }
  });

  it("asks for a reason for 不予受理 and 不予, a list for 补正 and a result file for 办结", () => {
    expect(caseTransitions.reject.needsReason && caseTransitions.deny.needsReason).toBe(true);
    expect(caseTransitions.requestSupplement.needsMissingList).toBe(true);
    expect(caseTransitions.complete.needsResultFile).toBe(true);
    expect(transitionNames.filter((n) => caseTransitions[n].by === "applicant").sort()).toEqual([
      "supplyMaterials",
      "withdraw",
    ]);
  });
});
