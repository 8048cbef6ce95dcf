import { describe, expect, it } from "vitest";
import { missingForSeveralInstances } from "./severalInstances";

const postgres = { DATABASE_URL: "postgresql://db/onestop" };

describe("what several instances must share", () => {
  it("asks nothing of the embedded database", () => {
    expect(missingForSeveralInstances({})).toEqual([]);
    expect(missingForSeveralInstances({ DATABASE_URL: "memory://" })).toEqual([]);
  });

  it("asks PostgreSQL instances for one session secret and object storage, unless told there is one instance", () => {
    expect(missingForSeveralInstances(postgres).map((m) => m.split(" ")[0])).toEqual([
      "NEXTAUTH_SECRET",
      "S3_BUCKET",
    ]);
    expect(
      missingForSeveralInstances({ ...postgres, NEXTAUTH_SECRET: "s" }).map((m) => m.split(" ")[0]),
    ).toEqual(["S3_BUCKET"]);
    expect(missingForSeveralInstances({ ...postgres, NEXTAUTH_SECRET: "s", S3_BUCKET: "b" })).toEqual([]);
    expect(missingForSeveralInstances({ ...postgres, ONESTOP_SINGLE_INSTANCE: "1" })).toEqual([]);
  });
});
