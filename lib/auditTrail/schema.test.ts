import { describe, expect, it } from "vitest";
import { auditFilterOf } from "./schema";
import { auditTargetHref } from "./targetHref";

describe("the audit filter from the address", () => {
  it("keeps what is well formed and drops the rest", () => {
    expect(
      auditFilterOf({
        person: " admin@example.cn ",
        action: "case.",
        targetType: "Application",
        outcome: "DENIED",
        from: "2026-12-01T09:30",
        to: "2026-02-30T10:00",
      }),
    ).toEqual({
      person: "admin@example.cn",
      action: "case.",
      targetType: "Application",
      target: undefined,
      outcome: "DENIED",
      // China time is UTC+8
      from: new Date("2026-12-01T01:30:00Z"),
      to: undefined,
    });
    expect(auditFilterOf({ targetType: "Nothing", outcome: "MAYBE" })).toMatchObject({
      targetType: undefined,
      outcome: undefined,
    });
  });
});

describe("a row's link to its target", () => {
  it("leads to the staff page of what it is about, or nowhere", () => {
    expect(auditTargetHref("Application", "BJ20261201000001")).toBe("/staff/cases/BJ20261201000001");
    expect(auditTargetHref("DisclosureDocument", "RSJ/2026-00012")).toBe("/staff/documents/RSJ/2026-00012");
    expect(auditTargetHref("DisclosureDocument", "RSJ")).toBeNull();
    expect(auditTargetHref("User", "u 1")).toBe("/staff/audit?person=u%201");
    expect(auditTargetHref("SearchSynonym", "1")).toBeNull();
    expect(auditTargetHref("Application", null)).toBeNull();
  });
});
