import { describe, expect, it } from "vitest";
import { missingForSeveralInstances } from "./severalInstances";

const postgres = { DATABASE_URL: "postgresql://db/onestop" };
const missing = (env: Record<string, string>) => missingForSeveralInstances(env as NodeJS.ProcessEnv);

describe("what several instances must share", () => {
  it("asks nothing of the embedded database", () => {
    expect(missing({})).toEqual([]);
    expect(missing({ DATABASE_URL: "memory://" })).toEqual([]);
  });

  it("asks PostgreSQL instances for one session secret and object storage, unless told there is one instance", () => {
    expect(missing(postgres).map((m) => m.split(" ")[0])).toEqual(["NEXTAUTH_SECRET", "S3_BUCKET"]);
    expect(missing({ ...postgres, NEXTAUTH_SECRET: "s" }).map((m) => m.split(" ")[0])).toEqual(["S3_BUCKET"]);
    expect(missing({ ...postgres, NEXTAUTH_SECRET: "s", S3_BUCKET: "b" })).toEqual([]);
    expect(missing({ ...postgres, ONESTOP_SINGLE_INSTANCE: "1" })).toEqual([]);
  });
});
