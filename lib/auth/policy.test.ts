import { describe, expect, it } from "vitest";
import { departmentScope, hasRole, isCitizen, isStaff } from "./policy";
import type { TSessionUser } from "./types";

const staff = (grants: TSessionUser["grants"]): TSessionUser => ({
  id: "u",
  email: "s@example.cn",
  name: "s",
  accountType: "STAFF",
  grants,
});
const citizen: TSessionUser = {
  id: "c",
  email: "c@example.cn",
  name: "c",
  accountType: "PERSON",
  grants: [],
};

describe("staff policy", () => {
  it("scopes a role to its department", () => {
    const caseworker = staff([{ role: "CASEWORKER", department: "RSJ" }]);
    expect(hasRole(caseworker, "CASEWORKER", "RSJ")).toBe(true);
    expect(hasRole(caseworker, "CASEWORKER", "MZJ")).toBe(false);
    expect(hasRole(caseworker, "SUPERVISOR", "RSJ")).toBe(false);
    expect(departmentScope(caseworker, "CASEWORKER")).toEqual(["RSJ"]);
    expect(departmentScope(caseworker, "EDITOR")).toEqual([]);
  });

  it("lets an administrator act everywhere", () => {
    const admin = staff([{ role: "ADMIN", department: null }]);
    expect(hasRole(admin, "CASEWORKER", "MZJ")).toBe(true);
    expect(departmentScope(admin, "SUPERVISOR")).toBeNull();
  });

  it("never treats a citizen or a staff account without roles as staff", () => {
    expect(isStaff(citizen)).toBe(false);
    expect(isCitizen(citizen)).toBe(true);
    expect(hasRole(citizen, "CASEWORKER", "RSJ")).toBe(false);
    expect(isStaff(staff([]))).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});
