import { describe, expect, it } from "vitest";
import { revisionDiff, revisionLines } from "./revisionDiff";

const label = (field: string) => field;
const v1 = {
  version: 1,
  title: "停水通知",
  body: "## 时间\n\n9:00—18:00",
  meta: {
    category: "utilities",
    scope: { districts: [], streets: [], communities: ["510104001001"] },
    pinned: false,
  },
};
const v2 = {
  version: 2,
  title: "停水通知（更正）",
  body: "## 时间\n\n9:00—20:00",
  meta: {
    category: "utilities",
    scope: { districts: [], streets: ["510104001"], communities: [] },
    pinned: false,
  },
};

describe("revision diff", () => {
  it("lists the fields then the body", () => {
    expect(revisionLines(v1, label)).toBe(
      "title: 停水通知\ncategory: utilities\nscope: 510104001001\npinned: false\n\n## 时间\n\n9:00—18:00\n",
    );
  });

  it("marks exactly the changed lines", () => {
    const parts = revisionDiff(v1, v2, label);
    const removed = parts
      .filter((p) => p.kind === "removed")
      .map((p) => p.text)
      .join("");
    const added = parts
      .filter((p) => p.kind === "added")
      .map((p) => p.text)
      .join("");
    expect(removed).toBe("title: 停水通知\nscope: 510104001001\n9:00—18:00\n");
    expect(added).toBe("title: 停水通知（更正）\nscope: 510104001\n9:00—20:00\n");
    expect(
      parts
        .filter((p) => p.kind === "same")
        .map((p) => p.text)
        .join(""),
    ).toContain("category: utilities");
  });

  it("shows the first revision as all added", () => {
    expect(revisionDiff(null, v1, label).every((p) => p.kind === "added")).toBe(true);
  });
});
