import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, recoveryCodeCount } from "./recoveryCodes";

describe("recovery codes", () => {
  it("come ten at a time, all different, in two groups of five without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(recoveryCodeCount);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
  });

  it("are compared as hashes that ignore case, spaces and dashes", () => {
    const hash = hashRecoveryCode("abcde-23456");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(" ABCDE 23456 ")).toBe(hash);
    expect(hashRecoveryCode("abcde23456")).toBe(hash);
    expect(hashRecoveryCode("abcde-23457")).not.toBe(hash);
  });
});
