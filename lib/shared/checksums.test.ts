import { describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdCardNumber, isValidMobile } from "./checksums";

describe("身份证号 (GB 11643)", () => {
  it("accepts valid numbers, including an X check character", () => {
    expect(isValidIdCardNumber("11010519491231002X")).toBe(true);
    expect(isValidIdCardNumber("510104199003071237")).toBe(true);
    expect(isValidIdCardNumber("510117200002290013")).toBe(true); // 29 February of a leap year
    expect(isValidIdCardNumber("11010519491231002x")).toBe(true);
  });
  it("refuses a wrong check digit, an impossible date, and the wrong length", () => {
    expect(isValidIdCardNumber("110105194912310021")).toBe(false);
    expect(isValidIdCardNumber("110105194902300026")).toBe(false);
    expect(isValidIdCardNumber("1101051949123100")).toBe(false);
    expect(isValidIdCardNumber("")).toBe(false);
  });
});

describe("统一社会信用代码 (GB 32100)", () => {
  it("accepts valid codes", () => {
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(isValidCreditCode("91110000600037341L")).toBe(true);
  });
  it("refuses a wrong check character and letters outside the alphabet", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350100M000100I43")).toBe(false);
    expect(isValidCreditCode("9135010")).toBe(false);
  });
});

describe("mainland mobile", () => {
  it("needs 11 digits starting 13–19", () => {
    expect(isValidMobile("13800138000")).toBe(true);
    expect(isValidMobile("12800138000")).toBe(false);
    expect(isValidMobile("1380013800")).toBe(false);
  });
});
