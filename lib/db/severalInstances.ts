import { databaseTarget } from "./adapter";

/**
 * What several instances on one PostgreSQL must share, and this environment lacks: without one
 * NEXTAUTH_SECRET each instance makes its own, so a visitor bounces between signed in and out;
 * without a bucket each keeps uploads on its own disk, so a file answers 404 on the others.
 * Empty for the embedded database (one process by construction) and with
 * ONESTOP_SINGLE_INSTANCE=1 (an operator who runs exactly one instance).
 */
export function missingForSeveralInstances(env: NodeJS.ProcessEnv = process.env): string[] {
  if (databaseTarget(env).kind !== "postgres" || env.ONESTOP_SINGLE_INSTANCE === "1") return [];
  const missing: string[] = [];
  if (!env.NEXTAUTH_SECRET)
    missing.push("NEXTAUTH_SECRET (the same value on every instance: it signs sessions)");
  if (!env.S3_BUCKET)
    missing.push("S3_BUCKET (object storage every instance reads uploads from; see S3_ENDPOINT)");
  return missing;
}

/** The refusal npm start prints, naming what is missing and both ways out. */
export function severalInstancesMessage(missing: string[]): string {
  return [
    "DATABASE_URL names a PostgreSQL server, which several instances may share; every instance then needs:",
    ...missing.map((item) => `  - ${item}`),
    "Set them (the same on every instance), or set ONESTOP_SINGLE_INSTANCE=1 if this is the only instance.",
  ].join("\n");
}
