import { describe, expect, it } from "vitest";
import { assuranceOf, reaches } from "./assurance";
import { platformVouchesRealName } from "../auth/signOnClaims";

describe("assurance levels", () => {
  const at = new Date("2026-12-01T00:00:00Z");
  it("works the level out from what the account has proved", () => {
    expect(assuranceOf({ mobileVerifiedAt: null, realNameVerifiedAt: null })).toBe("REGISTERED");
    expect(assuranceOf({ mobileVerifiedAt: at, realNameVerifiedAt: null })).toBe("PHONE_VERIFIED");
    expect(assuranceOf({ mobileVerifiedAt: null, realNameVerifiedAt: at })).toBe("REAL_NAME");
  });
  it("orders the levels", () => {
    expect(reaches("REAL_NAME", "PHONE_VERIFIED")).toBe(true);
    expect(reaches("PHONE_VERIFIED", "REAL_NAME")).toBe(false);
    expect(reaches("REGISTERED", "REGISTERED")).toBe(true);
  });
  it("takes only the platform's checked levels as a real name", () => {
    expect(platformVouchesRealName("L1")).toBe(false);
    expect(platformVouchesRealName("L2")).toBe(true);
    expect(platformVouchesRealName("L3")).toBe(true);
    expect(platformVouchesRealName(undefined)).toBe(false);
  });
});
