import { describe, expect, it } from "vitest";
import { accountFilterOf, ZGrantRole, ZNewStaffAccount, ZSetPassword } from "./schema";

describe("account administration forms", () => {
  it("reads the list filter from the address, dropping anything malformed", () => {
    expect(
      accountFilterOf({ q: "  王 ", kind: "staff", role: "ADMIN", department: "RSJ", state: "disabled" }),
    ).toEqual({ q: "王", kind: "staff", role: "ADMIN", department: "RSJ", state: "disabled" });
    expect(accountFilterOf({ kind: "robot", role: "ROOT", department: "rsj'--", state: ["x"] })).toEqual({
      q: undefined,
      kind: undefined,
      role: undefined,
      department: undefined,
      state: undefined,
    });
  });

  it("a role's scope must be chosen: nothing chosen never means every department", () => {
    const base = { email: "a@example.cn", name: "甲", role: "CASEWORKER" };
    expect(ZNewStaffAccount.safeParse({ ...base, scope: "RSJ" }).success).toBe(true);
    expect(ZNewStaffAccount.safeParse({ ...base, scope: "all" }).success).toBe(true);
    const missing = ZNewStaffAccount.safeParse({ ...base, scope: "" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ["scope"], message: "choose" });
    expect(ZGrantRole.safeParse({ userId: "u1", role: "KING", scope: "all" }).success).toBe(false);
  });

  it("a password set from a link follows the password rule and must be typed twice alike", () => {
    const ok = { token: "t", password: "Long-enough-2027", confirm: "Long-enough-2027" };
    expect(ZSetPassword.safeParse(ok).success).toBe(true);
    expect(
      ZSetPassword.safeParse({ ...ok, password: "short1", confirm: "short1" }).error?.issues[0].message,
    ).toBe("passwordTooShort");
    expect(ZSetPassword.safeParse({ ...ok, confirm: "Other-2027-pass" }).error?.issues[0]).toMatchObject({
      path: ["confirm"],
      message: "passwordMismatch",
    });
  });
});
