import { describe, expect, it } from "vitest";
import { filesForItems, openSupplementRequest, supplementDue } from "./supplementRequest";

describe("a 补正 request read from the timeline", () => {
  it("is the latest request's items and stored deadline", () => {
    const at = new Date("2026-12-01T02:00:00Z");
    const request = openSupplementRequest([
      { kind: "submit", data: null, createdAt: at },
      {
        kind: "requestSupplement",
        data: { missing: ["劳动合同", "身份证"], due: "2026-12-22" },
        createdAt: at,
      },
    ]);
    expect(request).toEqual({ items: ["劳动合同", "身份证"], due: "2026-12-22", askedAt: at });
    expect(openSupplementRequest([{ kind: "submit", data: null, createdAt: at }])).toBeNull();
  });

  it("is due 15 working days after it was asked when no deadline was stored (weekends skipped)", () => {
    // Tuesday 1 December 2026 (Beijing) + 15 working days = Tuesday 22 December
    expect(supplementDue(new Date("2026-12-01T02:00:00Z"))).toBe("2026-12-22");
    const old = openSupplementRequest([
      {
        kind: "requestSupplement",
        data: { missing: ["劳动合同"] },
        createdAt: new Date("2026-12-01T02:00:00Z"),
      },
    ]);
    expect(old?.due).toBe("2026-12-22");
  });
});

describe("files matched to the 补正 items", () => {
  const file = (field: string, size = 10) => ({ field, size });
  it("needs a file for every item, naming each item's field that has none", () => {
    expect(filesForItems(["a", "b", "c"], [file("item-1"), file("item-0", 0)])).toEqual({
      ok: false,
      missing: ["item-0", "item-2"],
    });
  });
  it("gives each item its own files, several allowed", () => {
    const result = filesForItems(["a", "b"], [file("item-0"), file("item-1"), file("item-1", 20)]);
    expect(result).toEqual({
      ok: true,
      answers: [
        { item: "a", files: [file("item-0")] },
        { item: "b", files: [file("item-1"), file("item-1", 20)] },
      ],
    });
  });
});
