import { describe, expect, it } from "vitest";
import { decodeTrackingLookup, encodeTrackingLookup } from "./trackingCookie";

const lookup = { id: "0123456789abcdef", trackingNumber: "SV20261201000001", accessCode: "K7M2QX" };

describe("the tracking cookie", () => {
  it("carries a posted number and 查询码 to the page whose lookup id it names", () => {
    const raw = encodeTrackingLookup(lookup);
    expect(raw).not.toContain("K7M2QX");
    expect(decodeTrackingLookup(raw, lookup.id)).toEqual(lookup);
  });

  it("answers nothing for another id, no id, or a cookie that is not one of ours", () => {
    const raw = encodeTrackingLookup(lookup);
    expect(decodeTrackingLookup(raw, "fedcba9876543210")).toBeNull();
    expect(decodeTrackingLookup(raw, undefined)).toBeNull();
    expect(decodeTrackingLookup(raw, ["0123456789abcdef"])).toBeNull();
    expect(decodeTrackingLookup(undefined, lookup.id)).toBeNull();
    expect(decodeTrackingLookup("not base64 json", lookup.id)).toBeNull();
    const tooLong = Buffer.from(JSON.stringify({ ...lookup, accessCode: "X".repeat(500) })).toString(
      "base64url",
    );
    expect(decodeTrackingLookup(tooLong, lookup.id)).toBeNull();
  });
});
