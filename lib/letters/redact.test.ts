import { describe, expect, it } from "vitest";
import { redactPersonalData } from "./redact";

describe("redactPersonalData", () => {
  it("masks an ID number whole, X included", () => {
    expect(redactPersonalData("身份证号51010419900307123X，请核实")).toBe(
      `身份证号${"*".repeat(18)}，请核实`,
    );
  });

  it("masks the middle of a mobile number, with or without spaces and +86", () => {
    expect(redactPersonalData("电话13812345678")).toBe("电话138****5678");
    expect(redactPersonalData("call +86 138 1234 5678 now")).toBe("call 138****5678 now");
  });

  it("masks a landline's number and keeps its area code", () => {
    expect(redactPersonalData("座机028-86123456")).toBe("座机028-********");
  });

  it("masks the writer's name everywhere, keeping the family name", () => {
    expect(redactPersonalData("我是张小明，张小明的家在…", { names: ["张小明"] })).toBe(
      "我是张**，张**的家在…",
    );
  });

  it("leaves other numbers alone: dates, amounts, case numbers", () => {
    const text = "2026年3月5日缴费1200元，办件编号SV20261126000123";
    expect(redactPersonalData(text)).toBe(text);
  });

  it("ignores empty and one-character names", () => {
    expect(redactPersonalData("王先生来电", { names: ["", null, "王"] })).toBe("王先生来电");
  });
});
