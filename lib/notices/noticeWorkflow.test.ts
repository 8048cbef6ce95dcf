import { describe, expect, it } from "vitest";
import {
  mayReview,
  noticeStatuses,
  noticeWorkflow,
  noticeWriters,
  reviewsOfRound,
  revisionKind,
} from "./noticeWorkflow";

const noticeSteps = noticeWorkflow.steps;

describe("the notice workflow table", () => {
  it("reaches every status from a draft", () => {
    const reached = new Set<string>(["DRAFT"]);
    for (let changed = true; changed;) {
      changed = false;
      for (const rule of Object.values(noticeSteps)) {
        if (rule.to && rule.from.some((s) => reached.has(s)) && !reached.has(rule.to)) {
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

  it("needs a second person, who wrote none of the text, to approve", () => {
    const revisions = [
      { editorId: "a", comment: "create" },
      { editorId: "b", comment: "edit" },
      { editorId: "c", comment: "请补充受影响的楼栋" },
      { editorId: "a", comment: "submit" },
    ];
    const writers = noticeWriters("a", revisions);
    expect(writers.sort()).toEqual(["a", "b"]);
    expect(mayReview("a", writers)).toBe(false);
    // edited the draft, then someone else submitted it: still a writer
    expect(mayReview("b", writers)).toBe(false);
    // only sent it back with a comment: may approve
    expect(mayReview("c", writers)).toBe(true);
  });
});

describe("revision kinds", () => {
  it("reads a step name as its kind and anything else as a send-back's words", () => {
    expect(revisionKind("approve")).toEqual({ kind: "approve", note: null });
    expect(revisionKind("请补充受影响的楼栋")).toEqual({ kind: "sendBack", note: "请补充受影响的楼栋" });
  });
});

describe("三审三校", () => {
  const person = (id: string, role: "EDITOR" | "SUPERVISOR", department: string | null = null) => ({
    id,
    email: `${id}@example.cn`,
    name: id,
    accountType: "STAFF" as const,
    grants: [{ role, department }],
  });
  const notice = {
    status: "SUBMITTED" as const,
    emergency: false,
    writerIds: ["writer"],
    department: { code: "MZJ" },
    threeLevels: true,
    reviews: [
      { kind: "firstReview" as const, actorId: "first" },
      { kind: "secondReview" as const, actorId: "second" },
    ],
  };
  const approve = noticeWorkflow.steps.approve.refusal!;
  it("leaves the final sign-off to a supervisor of the department who took no earlier level", () => {
    expect(approve(notice, person("editor3", "EDITOR"))).toBe("finalBySupervisor");
    expect(approve(notice, person("boss", "SUPERVISOR", "RSJ"))).toBe("finalBySupervisor");
    expect(approve(notice, person("boss", "SUPERVISOR", "MZJ"))).toBeNull();
    expect(
      approve({ ...notice, reviews: notice.reviews.slice(0, 1) }, person("boss", "SUPERVISOR", "MZJ")),
    ).toBe("reviewsPending");
    // two-person review where the setting does not ask for three levels
    expect(approve({ ...notice, threeLevels: false, reviews: [] }, person("editor3", "EDITOR"))).toBeNull();
  });
  it("starts each round afresh on resubmission", () => {
    expect(
      reviewsOfRound([
        { editorId: "w", comment: "submit" },
        { editorId: "a", comment: "firstReview" },
        { editorId: "b", comment: "秘书处意见：请补充停水范围" },
        { editorId: "w", comment: "submit" },
        { editorId: "c", comment: "firstReview" },
      ]),
    ).toEqual([{ kind: "firstReview", actorId: "c" }]);
  });
});
