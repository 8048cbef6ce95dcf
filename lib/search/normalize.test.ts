import { describe, expect, it } from "vitest";
import { gramsAreExact, gramsOf, normalizeText, normalizeWithMap, plainText, queryGrams } from "./normalize";

describe("normalizeText", () => {
  it("folds width, case, script and white space", () => {
    expect(normalizeText("  最低生活保障\n\t ＰＤＦ  Minimum ")).toBe("最低生活保障 pdf minimum");
    expect(normalizeText("社會保險 資訊公開")).toBe("社会保险 信息公开".replace("信息", "资讯"));
    expect(normalizeText("就業登記")).toBe("就业登记");
    expect(normalizeText("\u0001\u200b")).toBe("");
  });

  it("is the text of normalizeWithMap, whose map points back at the original characters", () => {
    const samples = ["", " a ", "就業  登記 ＡＢ", "𠀀字 x", "①②", "A\u00a0B"];
    for (const text of samples) {
      const { text: normal, origin } = normalizeWithMap(text);
      expect(normal).toBe(normalizeText(text));
      expect(origin).toHaveLength(normal.length);
      for (const at of origin) expect(at).toBeLessThan(text.length);
    }
  });

  it("is idempotent", () => {
    for (const text of ["最低生活保障", "Employment Registration", "成府发〔2006〕12号", "繁體與簡體"])
      expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
  });
});

describe("grams", () => {
  it("makes distinct sorted bigrams, with single characters on request", () => {
    const grams = gramsOf("低保低保");
    expect(grams).toHaveLength(2);
    expect([...grams].sort((a, b) => a - b)).toEqual(grams);
    expect(gramsOf("低保", { unigrams: true })).toHaveLength(3);
    expect(gramsOf("")).toEqual([]);
  });

  it("a phrase's grams are a subset of any text containing it (no word-boundary misses)", () => {
    const text = new Set(gramsOf("申请最低生活保障的条件"));
    for (const q of ["生活保障", "低生", "最低生活保障的条件"])
      for (const g of queryGrams(q)) expect(text.has(g), q).toBe(true);
  });

  it("knows when the grams alone decide a match", () => {
    expect(gramsAreExact("低保")).toBe(true);
    expect(gramsAreExact("生活保障")).toBe(false);
    expect(gramsAreExact("𠀀字")).toBe(false);
    expect(queryGrams("保")).toEqual([..."保"].map((c) => c.codePointAt(0)));
  });
});

describe("plainText", () => {
  it("drops Markdown markup and keeps the words", () => {
    expect(plainText("# 标题\n\n- **加粗** [链接](http://x)\n> 引用\n1. 第一")).toBe(
      "标题\n\n加粗 链接\n引用\n第一",
    );
  });
});
