import { describe, expect, it } from "vitest";
import { docNumberPattern, indexNoPattern } from "./indexNumbers";

describe("document identifiers", () => {
  it("accepts 文号 with 〔〕 brackets, and a regulation's 令 number", () => {
    for (const ok of [
      "成府发〔2006〕58号",
      "国办发〔2017〕47号",
      "成人社发〔2025〕12号",
      "成都市人民政府令第215号",
    ])
      expect(docNumberPattern.test(ok), ok).toBe(true);
    for (const bad of [
      "成府发[2006]58号",
      "成府发(2006)58号",
      "成府发〔06〕58号",
      "〔2006〕58号",
      "成府发〔2006〕58",
      "令第215号",
      "成都市人民政府令215号",
    ])
      expect(docNumberPattern.test(bad), bad).toBe(false);
  });
  it("knows the 索引号 shape", () => {
    expect(indexNoPattern.test("JXW/2006-00001")).toBe(true);
    expect(indexNoPattern.test("JXW/2006-1")).toBe(false);
  });
});
