import { describe, expect, it } from "vitest";
import type { TSessionUser } from "../auth/types";
import { allowedSteps, openSteps, stepNames, stepsFrom, type TStepRule, type TWorkflow } from "./workflow";

type TToy = { status: "OPEN" | "HELD" | "SHUT"; ownerId: string; locked: boolean };
const toy: TWorkflow<"hold" | "release" | "shut" | "reopen", TToy, TStepRule<TToy, "owner" | "anyone">> = {
  steps: {
    hold: { from: ["OPEN"], to: "HELD", by: "owner" },
    release: { from: ["HELD"], to: "OPEN", by: "owner" },
    shut: {
      from: ["OPEN", "HELD"],
      to: "SHUT",
      by: "anyone",
      refusal: (subject) => (subject.locked ? "locked" : null),
    },
    reopen: { from: ["SHUT"], to: null, by: "owner" },
  },
  actsAs: (actor, by, subject) => by === "anyone" || subject.ownerId === actor.id,
};
const person = (id: string): TSessionUser => ({
  id,
  email: `${id}@x`,
  name: id,
  accountType: "PERSON",
  grants: [],
});

describe("a workflow table", () => {
  it("lists its steps in the table's order and opens them by status and side", () => {
    expect(stepNames(toy)).toEqual(["hold", "release", "shut", "reopen"]);
    expect(stepsFrom(toy, "OPEN", "owner")).toEqual(["hold"]);
    expect(stepsFrom(toy, "HELD", "anyone")).toEqual(["shut"]);
    expect(stepsFrom(toy, "SHUT", "anyone")).toEqual([]);
  });

  it("offers an actor only the steps they act in, from the entity's status", () => {
    const entity: TToy = { status: "OPEN", ownerId: "a", locked: false };
    expect(allowedSteps(toy, person("a"), entity)).toEqual(["hold", "shut"]);
    expect(allowedSteps(toy, person("b"), entity)).toEqual(["shut"]);
    expect(allowedSteps(toy, person("a"), { ...entity, status: "SHUT" })).toEqual(["reopen"]);
  });

  it("holds back a step its own rule refuses, and says which rule", () => {
    const locked: TToy = { status: "HELD", ownerId: "a", locked: true };
    expect(openSteps(toy, person("a"), locked)).toEqual([
      { step: "release", refusal: null },
      { step: "shut", refusal: "locked" },
    ]);
    expect(allowedSteps(toy, person("a"), locked)).toEqual(["release"]);
  });
});
