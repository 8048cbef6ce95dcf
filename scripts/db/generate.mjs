// Runs `prisma generate` without downloading Prisma's native engines (the network here
// reaches npm only): the schema engine is pointed at a stub, which generate never runs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(here, "schema-engine-stub.sh"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync("npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
  cwd: path.resolve(here, "../.."),
});
process.exit(result.status ?? 1);
