import { describe, expect, it } from "vitest";
import {
  departmentCodePattern,
  docNumberPattern,
  indexNoPattern,
  indexUnitOf,
  unitCodePattern,
} from "./indexNumbers";

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
  it("knows the 索引号 shape: a department code or an 18-character credit code, the year, 5 digits", () => {
    for (const ok of [
      "SZF/2006-00001",
      "JXW/2006-00001",
      "11510100MB1C000014/2026-00001",
      "91350100M000100Y43/2026-12345",
    ])
      expect(indexNoPattern.test(ok), ok).toBe(true);
    for (const bad of [
      "JXW/2006-1",
      "jxw/2006-00001",
      "A/2006-00001",
      "ABCDEFGHIJK/2006-00001",
      // 17 and 19 characters; I, O, S, V, Z are not in the credit code's alphabet
      "11510100MB1C00001/2026-00001",
      "11510100MB1C0000144/2026-00001",
      "11510100MB1C00001O/2026-00001",
      "11510100MB1C00001S/2026-00001",
      // the region part is six digits
      "11AB0100MB1C000014/2026-00001",
      "11510100MB1C000014/26-00001",
      "11510100MB1C000014-2026-00001",
      "../2026-00001",
    ])
      expect(indexNoPattern.test(bad), bad).toBe(false);
    expect(unitCodePattern.test("11510100MB1C000014")).toBe(true);
    expect(unitCodePattern.test("SZF")).toBe(true);
    // forms and filters name a department by its code only
    expect(departmentCodePattern.test("11510100MB1C000014")).toBe(false);
    expect(departmentCodePattern.test("SZF")).toBe(true);
  });

  it("starts a department's new numbers with its credit code only where it is set to and has one", () => {
    const szf = { code: "SZF", creditCode: "11510100MB1C000014", indexByCreditCode: false };
    expect(indexUnitOf(szf)).toBe("SZF");
    expect(indexUnitOf({ ...szf, indexByCreditCode: true })).toBe("11510100MB1C000014");
    expect(indexUnitOf({ ...szf, creditCode: null, indexByCreditCode: true })).toBe("SZF");
  });
});
