import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** npm start's own script with the given environment (no database is reached: it stops first). */
function start(env: Record<string, string>) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: "postgresql://onestop@127.0.0.1:9/unreachable",
      NEXTAUTH_SECRET: "",
      S3_BUCKET: "",
      ONESTOP_SINGLE_INSTANCE: "",
      ONESTOP_DATA_DIR: path.resolve(".start-refusal-test"),
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe("npm start on PostgreSQL", () => {
  it("refuses to start without a shared session secret and object storage, and says what to set", () => {
    const refused = start({});
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/NEXTAUTH_SECRET/);
    expect(refused.stderr).toMatch(/S3_BUCKET/);
    expect(refused.stderr).toMatch(/ONESTOP_SINGLE_INSTANCE=1/);

    const noBucket = start({ NEXTAUTH_SECRET: "a-secret-shared-by-every-instance" });
    expect(noBucket.status).toBe(1);
    expect(noBucket.stderr).not.toMatch(/NEXTAUTH_SECRET \(/);
    expect(noBucket.stderr).toMatch(/S3_BUCKET/);
  });
});
