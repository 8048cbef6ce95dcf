import { describe, expect, it } from "vitest";
import { narrowPlaces, type TPlaceNode } from "./narrowPlaces";

const tree: TPlaceNode[] = [
  {
    code: "A",
    label: "锦江区",
    streets: [
      {
        code: "A1",
        label: "春熙路街道",
        communities: [
          { code: "A1a", label: "甲社区" },
          { code: "A1b", label: "乙社区" },
        ],
      },
      { code: "A2", label: "书院街街道", communities: [{ code: "A2a", label: "丙社区" }] },
    ],
  },
  {
    code: "B",
    label: "青羊区",
    streets: [{ code: "B1", label: "草市街街道", communities: [{ code: "B1a", label: "丁社区" }] }],
  },
];
const values = (list: { value: string }[] | undefined) => list?.map((o) => o.value);

describe("place filters that narrow one another", () => {
  it("offers everything, grouped, when nothing is chosen", () => {
    const narrowed = narrowPlaces(tree, {});
    expect(values(narrowed.districts)).toEqual(["A", "B"]);
    expect(narrowed.streets.groups?.map((g) => g.label)).toEqual(["锦江区", "青羊区"]);
    expect(narrowed.communities.groups?.flatMap((g) => values(g.options))).toEqual([
      "A1a",
      "A1b",
      "A2a",
      "B1a",
    ]);
  });

  it("offers only the chosen district's streets and communities", () => {
    const narrowed = narrowPlaces(tree, { district: "B" });
    expect(values(narrowed.streets.options)).toEqual(["B1"]);
    expect(narrowed.communities.groups?.flatMap((g) => values(g.options))).toEqual(["B1a"]);
  });

  it("offers only the chosen street's communities", () => {
    const narrowed = narrowPlaces(tree, { district: "A", street: "A1" });
    expect(values(narrowed.communities.options)).toEqual(["A1a", "A1b"]);
    expect(values(narrowed.streets.options)).toEqual(["A1", "A2"]);
  });

  it("fills in the district and street of a community chosen alone", () => {
    expect(narrowPlaces(tree, { community: "A2a" }).choice).toEqual({
      district: "A",
      street: "A2",
      community: "A2a",
    });
    expect(narrowPlaces(tree, { street: "B1" }).choice).toEqual({
      district: "B",
      street: "B1",
      community: undefined,
    });
  });

  it("drops a street or community the changed district or street does not contain", () => {
    expect(narrowPlaces(tree, { district: "B", street: "A1", community: "A1a" }).choice).toEqual({
      district: "B",
      street: undefined,
      community: undefined,
    });
    expect(narrowPlaces(tree, { district: "A", street: "A2", community: "A1a" }).choice).toEqual({
      district: "A",
      street: "A2",
      community: undefined,
    });
    expect(narrowPlaces(tree, { district: "A", community: "B1a" }).choice.community).toBeUndefined();
  });

  it("ignores codes that are not places", () => {
    expect(narrowPlaces(tree, { district: "Z", street: "nope", community: "<x>" }).choice).toEqual({
      district: undefined,
      street: undefined,
      community: undefined,
    });
  });
});
