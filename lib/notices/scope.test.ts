import { describe, expect, it } from "vitest";
import { expandScope, parseScopeValues, scopeValues } from "./scope";

const tree = [
  {
    code: "510104",
    streets: [
      { code: "510104001", communities: [{ code: "510104001001" }, { code: "510104001002" }] },
      { code: "510104002", communities: [{ code: "510104002001" }] },
    ],
  },
  { code: "510107", streets: [{ code: "510107001", communities: [{ code: "510107001001" }] }] },
];

describe("notice scope", () => {
  it("parses the picker's values and writes them back", () => {
    const scope = parseScopeValues(["d:510107", "s:510104002", "c:510104001001", "c:510104001001"]);
    expect(scope).toEqual({ districts: ["510107"], streets: ["510104002"], communities: ["510104001001"] });
    expect(scopeValues(scope!)).toEqual(["d:510107", "s:510104002", "c:510104001001"]);
  });

  it("refuses malformed values", () => {
    expect(parseScopeValues(["x:510104"])).toBeNull();
    expect(parseScopeValues(["c:5101<script>"])).toBeNull();
  });

  it("expands a district or a street to all its communities, without duplicates", () => {
    expect(
      expandScope({ districts: ["510104"], streets: ["510104001"], communities: ["510104002001"] }, tree),
    ).toEqual({
      communities: ["510104001001", "510104001002", "510104002001"],
    });
    expect(expandScope({ districts: [], streets: ["510107001"], communities: [] }, tree)).toEqual({
      communities: ["510107001001"],
    });
  });

  it("names the first code that does not exist", () => {
    expect(expandScope({ districts: [], streets: [], communities: ["510104009009"] }, tree)).toEqual({
      unknown: "510104009009",
    });
  });
});
