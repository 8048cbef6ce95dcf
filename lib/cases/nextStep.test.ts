import { describe, expect, it } from "vitest";
import { caseNextStep } from "./nextStep";
import { requestNextStep } from "../disclosure/nextStep";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("caseNextStep", () => {
  it("before acceptance: the decision on acceptance, five working days after the application", () => {
    // Thursday 2026-11-26 09:00 Beijing time: Fri, Mon, Tue, Wed, Thu → 2026-12-03
    const next = caseNextStep({
      status: "SUBMITTED",
      submittedAt: new Date("2026-11-26T01:00:00Z"),
      promisedDue: null,
    });
    expect(next).toEqual({ key: "decideAcceptance", by: day("2026-12-03") });
    // 23:30 Beijing time on Wednesday is still Wednesday there
    expect(
      caseNextStep({ status: "PRE_REVIEW", submittedAt: new Date("2026-11-25T15:30:00Z"), promisedDue: null })
        .by,
    ).toEqual(day("2026-12-02"));
  });

  it("once accepted: the decision and the result by the promised date; nothing once closed", () => {
    const promisedDue = day("2026-12-10");
    const at = new Date("2026-11-26T01:00:00Z");
    expect(caseNextStep({ status: "REVIEWING", submittedAt: at, promisedDue })).toEqual({
      key: "decide",
      by: promisedDue,
    });
    expect(caseNextStep({ status: "APPROVED", submittedAt: at, promisedDue }).key).toBe("issueResult");
    expect(caseNextStep({ status: "SUPPLEMENT", submittedAt: at, promisedDue: null })).toEqual({
      key: "supply",
      by: null,
    });
    for (const status of ["DELIVERED", "REJECTED", "WITHDRAWN"] as const)
      expect(caseNextStep({ status, submittedAt: at, promisedDue }).key).toBe("none");
  });
});

describe("requestNextStep", () => {
  it("the reply by the extended deadline when there is one; receipt first; nothing once replied", () => {
    expect(requestNextStep({ status: "SUBMITTED", dueOn: null, extendedDueOn: null })).toEqual({
      key: "confirmReceipt",
      by: null,
    });
    expect(
      requestNextStep({ status: "PROCESSING", dueOn: day("2026-12-20"), extendedDueOn: day("2027-01-18") })
        .by,
    ).toEqual(day("2027-01-18"));
    expect(requestNextStep({ status: "REPLIED", dueOn: day("2026-12-20"), extendedDueOn: null }).key).toBe(
      "none",
    );
  });
});
