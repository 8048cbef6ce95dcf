import fs from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { pgliteDir } from "../config/paths";
import { DataDirError, lockDataDir } from "./dataDirLock";
import { takingTurns } from "./turnTaking";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string | null };

/**
 * Which database this process talks to: PostgreSQL when DATABASE_URL is a postgres URL,
 * otherwise the embedded PGlite under ./data (or in memory for `memory://`).
 */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url === "memory://") return { kind: "pglite", dir: null };
  return { kind: "pglite", dir: pgliteDir() };
}

/**
 * The database for commands that need a session of their own: migrations (the engine holds a
 * session advisory lock), backup and restore (pg_dump exports a snapshot). Behind a pooler in
 * transaction mode, such as PgBouncer, consecutive statements may reach different sessions, so
 * DIRECT_DATABASE_URL names the server itself; unset, it is DATABASE_URL's.
 */
export function directDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const target = databaseTarget(env);
  const direct = env.DIRECT_DATABASE_URL?.trim();
  return target.kind === "postgres" && direct ? { kind: "postgres", url: direct } : target;
}

/**
 * The embedded databases this process has open, by directory: a backup asked for over the data
 * directory's socket dumps the very instance the server writes through (a second opener is refused).
 */
const openPglites = ((globalThis as { __onestopPglites?: Map<string, PGliteInstance> }).__onestopPglites ??=
  new Map());
type PGliteInstance = InstanceType<typeof import("@electric-sql/pglite").PGlite>;

/**
 * The clients this process opened on an embedded database. What depends on the kind of database
 * a client talks to (the load limits count in memory on the embedded one: its process is its
 * only instance) asks the client, not the environment: a test, a script or a replica may hold a
 * client of another kind than DATABASE_URL names. Kept on globalThis, as openPglites is: the
 * server and Next's bundle each load this module.
 */
const embeddedClients = ((
  globalThis as { __onestopEmbeddedClients?: WeakSet<object> }
).__onestopEmbeddedClients ??= new WeakSet());

/** Records that `client` talks to an embedded (PGlite) database. */
export function markEmbedded<T extends object>(client: T): T {
  embeddedClients.add(client);
  return client;
}

/** Whether `client` talks to an embedded database (one `markEmbedded` recorded). */
export function isEmbedded(client: object): boolean {
  return embeddedClients.has(client);
}

/** The PGlite this process has open on a data directory, if any. */
export function openPgliteOf(dir: string): PGliteInstance | undefined {
  return openPglites.get(dir);
}

export type OpenAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the connection pool or the embedded database files. */
  close: () => Promise<void>;
};

/** A data directory PGlite could not open: damaged files, most likely, and a backup to restore. */
class DataDirDamagedError extends DataDirError {
  constructor(
    readonly dir: string,
    cause: unknown,
  ) {
    super(
      `The embedded database ${dir} could not be opened (${String(cause)}).\n` +
        `Its files are probably damaged. Move the directory aside (mv ${dir} ${dir}.damaged) and ` +
        `restore the last backup into ${dir}, or start again with an empty one.`,
      { cause },
    );
  }
}

/**
 * Opens a driver adapter factory for the target. An embedded data directory is locked first
 * (one opener at a time, see dataDirLock.ts) and unlocked by `close()`.
 * `poolSize: 1` is for the migration engine: it takes a session advisory lock and must release it
 * on the same connection.
 */
/**
 * PostgreSQL settings of the embedded database beyond PGlite's own. Its default 128 MB of shared
 * buffers is resident from the start inside the WebAssembly memory, beside the operating system's
 * page cache that already holds the same files: 32 MB keeps the portal's hot pages and leaves the
 * rest to that cache (resident memory 334 → 206 MB for the bench's volume opened alone, scans no
 * slower within the machine's noise). The tests open their databases with the same settings.
 */
export const embeddedSettings = ["-c", "shared_buffers=32MB"];

export async function openAdapter(
  target: DatabaseTarget = databaseTarget(),
  options: { poolSize?: number } = {},
): Promise<OpenAdapter> {
  if (target.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: pg } = await import("pg");
    // `?schema=` (Prisma's own URL parameter) names a schema other than public: the client
    // qualifies its tables with it, and raw SQL and the database's functions find it on the path
    const schema = new URL(target.url).searchParams.get("schema");
    // our own pool, so closing it ends the sessions (and any lock a session still holds)
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? Number(process.env.DATABASE_POOL ?? 10),
      ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
    });
    // an idle connection the server ended (a restart, a failover) is an event, not a crash: the
    // pool opens a new one for the next query
    pool.on("error", (error) => console.warn(`[db] idle connection lost: ${error.message}`));
    return { factory: new PrismaPg(pool, schema ? { schema } : {}), close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const embedded = { startParams: [...PGlite.defaultStartParams, ...embeddedSettings] };
  if (!target.dir) {
    const pglite = new PGlite(embedded);
    await pglite.waitReady;
    return { factory: takingTurns(new PrismaPGlite(pglite)), close: () => pglite.close() };
  }
  const dir = target.dir;
  fs.mkdirSync(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = new PGlite(dir, embedded);
    // damaged files make PGlite abort inside WebAssembly ("RuntimeError: Aborted()") or fail to start
    await pglite.waitReady;
  } catch (error) {
    lock.release();
    throw new DataDirDamagedError(dir, error);
  }
  openPglites.set(dir, pglite);
  return {
    // statements wait for the event loop's next turn: see turnTaking.ts
    factory: takingTurns(new PrismaPGlite(pglite)),
    close: async () => {
      openPglites.delete(dir);
      try {
        await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}
