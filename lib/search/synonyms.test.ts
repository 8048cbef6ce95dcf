import { describe, expect, it } from "vitest";
import { expandQuery, maxAlternatives } from "./synonyms";
import { ZSynonymInput } from "./schema";

const groups = [
  ["低保", "最低生活保障"],
  ["社保", "社會保險"],
  ["医保", "医疗保险", "基本医疗保险"],
];

describe("expandQuery", () => {
  it("adds each other term of a group found in the query, both ways", () => {
    expect(expandQuery("低保", groups)).toEqual(["低保", "最低生活保障"]);
    expect(expandQuery("最低生活保障标准", groups)).toEqual(["最低生活保障标准", "低保标准"]);
    expect(expandQuery("社保卡", groups)).toEqual(["社保卡", "社会保险卡"]);
  });

  it("leaves a query without synonyms alone and never makes too many forms", () => {
    expect(expandQuery("就业登记", groups)).toEqual(["就业登记"]);
    const many = Array.from({ length: 20 }, (_, i) => ["甲", `乙${i}`]);
    expect(expandQuery("甲", many)).toHaveLength(maxAlternatives);
  });
});

describe("ZSynonymInput", () => {
  it("splits on commas, 、 and new lines, and wants two distinct terms", () => {
    expect(ZSynonymInput.parse({ terms: "低保、最低生活保障\n低保" }).terms).toEqual([
      "低保",
      "最低生活保障",
    ]);
    expect(ZSynonymInput.safeParse({ terms: "低保" }).error?.issues[0].message).toBe("synonymTooFew");
    expect(ZSynonymInput.safeParse({ terms: "社保, 社保" }).error?.issues[0].message).toBe("synonymTooFew");
    expect(ZSynonymInput.safeParse({ terms: `甲,${"乙".repeat(31)}` }).error?.issues[0].message).toBe(
      "synonymTermTooLong",
    );
    expect(
      ZSynonymInput.safeParse({ terms: Array.from({ length: 11 }, (_, i) => `词${i}`).join(",") }).error
        ?.issues[0].message,
    ).toBe("synonymTooMany");
  });
});
