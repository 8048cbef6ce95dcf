import { describe, expect, it } from "vitest";
import { highlight, snippet } from "./highlight";

const marked = (segments: { text: string; mark: boolean }[]) =>
  segments.filter((s) => s.mark).map((s) => s.text);

describe("highlight", () => {
  it("marks every occurrence of every term in the displayed text", () => {
    const segments = highlight("最低生活保障（低保）申请", ["低保", "最低生活保障"]);
    expect(marked(segments)).toEqual(["最低生活保障", "低保"]);
    expect(segments.map((s) => s.text).join("")).toBe("最低生活保障（低保）申请");
  });

  it("marks Traditional and full-width text found by a normalised term", () => {
    expect(marked(highlight("就業登記 ＰＤＦ", ["就业登记", "pdf"]))).toEqual(["就業登記", "ＰＤＦ"]);
    expect(marked(highlight("Employment Registration", ["registration"]))).toEqual(["Registration"]);
  });

  it("keeps markup as text: nothing is ever HTML", () => {
    const segments = highlight("<b>低保</b>", ["低保"]);
    expect(segments).toEqual([
      { text: "<b>", mark: false },
      { text: "低保", mark: true },
      { text: "</b>", mark: false },
    ]);
  });

  it("merges overlapping matches and leaves text without matches whole", () => {
    expect(marked(highlight("生活保障", ["生活", "活保"]))).toEqual(["生活保"]);
    expect(highlight("没有", ["低保"])).toEqual([{ text: "没有", mark: false }]);
  });
});

describe("snippet", () => {
  it("cuts a window around the first match with ellipses", () => {
    const text = `${"前".repeat(100)}最低生活保障${"后".repeat(100)}`;
    const segments = snippet(text, ["生活保障"], 40)!;
    expect(segments[0]).toEqual({ text: "…", mark: false });
    expect(segments.at(-1)).toEqual({ text: "…", mark: false });
    expect(marked(segments)).toEqual(["生活保障"]);
    expect(segments.map((s) => s.text).join("").length).toBeLessThanOrEqual(42);
  });

  it("is null when nothing matches", () => {
    expect(snippet("正文", ["低保"])).toBeNull();
  });
});
