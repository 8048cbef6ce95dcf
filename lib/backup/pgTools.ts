import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * PostgreSQL's own pg_dump and pg_restore: from PG_BIN, the PATH, or Debian's versioned
 * directories (newest first — a newer pg_dump reads an older server, never the reverse).
 */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  const candidates = [
    ...(process.env.PG_BIN ? [process.env.PG_BIN] : []),
    ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean),
    ...debianVersions().map((v) => `/usr/lib/postgresql/${v}/bin`),
  ];
  const found = candidates.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
  if (!found) throw new Error(`${name} was not found: install PostgreSQL's client tools or set PG_BIN`);
  return found;
}

function debianVersions(): string[] {
  try {
    return fs
      .readdirSync("/usr/lib/postgresql")
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

export type TLibpqTarget = { url: string; schema: string | null; password: string | null };

/**
 * A connection string libpq understands: Prisma's `?schema=` taken out (libpq refuses unknown
 * parameters) for the tools' `--schema`, and the password taken out for PGPASSWORD, so it never
 * shows in the process list.
 */
export function libpqTarget(url: string): TLibpqTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema");
  parsed.searchParams.delete("schema");
  const password = parsed.password ? decodeURIComponent(parsed.password) : null;
  parsed.password = "";
  return { url: parsed.toString(), schema, password };
}

/** Runs a PostgreSQL tool; its error output becomes the error's message. */
export function runPgTool(
  name: "pg_dump" | "pg_restore",
  target: TLibpqTarget,
  args: string[],
): Promise<void> {
  const env = { ...process.env, ...(target.password ? { PGPASSWORD: target.password } : {}) };
  const schema = target.schema ? [`--schema=${target.schema}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool(name), [...args, ...schema, `--dbname=${target.url}`], {
      stdio: ["ignore", "inherit", "pipe"],
      env,
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

/** A connected client on the target's schema, with `query` in the shape snapshot.ts reads. */
export async function connectPg(url: string) {
  const pg = await import("pg");
  const target = libpqTarget(url);
  const client = new pg.default.Client({
    connectionString: url.replace(/[?&]schema=[^&]*/, ""),
    ...(target.schema ? { options: `-c search_path="${target.schema}"` } : {}),
  });
  await client.connect();
  const query = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;
  return { client, target, query };
}
