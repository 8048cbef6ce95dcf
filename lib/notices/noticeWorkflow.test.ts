import { describe, expect, it } from "vitest";
import { mayReview, noticeStatuses, noticeWorkflow, revisionKind } from "./noticeWorkflow";

const noticeSteps = noticeWorkflow.steps;

describe("the notice workflow table", () => {
  it("reaches every status from a draft", () => {
    const reached = new Set<string>(["DRAFT"]);
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of Object.values(noticeSteps)) {
        if (rule.from.some((s) => reached.has(s)) && !reached.has(rule.to)) {
          reached.add(rule.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...noticeStatuses].sort());
  });

  it("publishes only after approval, except a supervisor's emergency", () => {
    const toPublished = Object.entries(noticeSteps).filter(([, r]) => r.to === "PUBLISHED");
    expect(toPublished.map(([name, r]) => `${name}:${r.by}`).sort()).toEqual([
      "publish:system",
      "publishEmergency:supervisor",
    ]);
    expect(noticeSteps.publish.from).toEqual(["APPROVED"]);
  });

  it("needs a second person to approve", () => {
    expect(mayReview("a", "a", "a")).toBe(false);
    expect(mayReview("b", "a", "b")).toBe(false);
    expect(mayReview("b", "a", "a")).toBe(true);
  });
});

describe("revision kinds", () => {
  it("reads a step name as its kind and anything else as a send-back's words", () => {
    expect(revisionKind("approve")).toEqual({ kind: "approve", note: null });
    expect(revisionKind("请补充受影响的楼栋")).toEqual({ kind: "sendBack", note: "请补充受影响的楼栋" });
  });
});
