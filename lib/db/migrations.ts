import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. The native
 * engine the Prisma CLI downloads is unreachable here; this one ships in an npm package and
 * reads and writes the standard prisma/migrations folder and `_prisma_migrations` table, so a
 * machine with the native CLI can still run `prisma migrate deploy` on the same folder.
 */
const root = process.cwd();
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");

type Engine = {
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  /** drops the engine and its database connection (and with it the session's advisory lock) */
  free(): void;
};

type EngineModule = { SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } };
let engineModule: Promise<EngineModule> | null = null;

/** The WebAssembly module is instantiated once per process; each engine gets its own adapter. */
function loadModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const modPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const mod = await import(pathToFileURL(modPath).href);
    const wasm = fs.readFileSync(path.join(path.dirname(modPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": mod });
    mod.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return mod as EngineModule;
  })();
  return engineModule;
}

/**
 * Prisma's PostgreSQL adapter runs a migration script by splitting it at every semicolon, which
 * cuts a function body or a DO block apart. The native engine sends the script whole, as one
 * simple-protocol query (which PostgreSQL runs as one implicit transaction); so does this. PGlite's
 * adapter already hands the whole script to PGlite.
 */
function wholeScripts(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  if (factory.adapterName !== "@prisma/adapter-pg") return factory;
  const whole = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const pg = adapter as SqlDriverAdapter & {
      underlyingDriver(): { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
    };
    return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
      async executeScript(script: string) {
        await pg
          .underlyingDriver()
          .query(script)
          .catch((error: unknown) => pg.onError(error));
      },
    });
  };
  return Object.assign(Object.create(factory) as SqlMigrationAwareDriverAdapterFactory, {
    connect: async () => whole(await factory.connect()),
    connectToShadowDb: async () => whole(await factory.connectToShadowDb()),
  });
}

async function loadEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  const mod = await loadModule();
  const schema = fs.readFileSync(schemaPath, "utf8");
  return mod.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => process.env.MIGRATE_DEBUG && console.error(line),
    bindMigrationAwareSqlAdapterFactory(wholeScripts(factory)),
  );
}

function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok",
          value: fs.readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; returns the names applied. */
export async function deployMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await loadEngine(factory);
  try {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes the migrations folder to the schema, or null when they agree. `factory`
 * must be a scratch database (an in-memory PGlite): the engine replays the folder on it.
 */
export async function diffMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string | null> {
  const engine = await loadEngine(factory);
  const schema = fs.readFileSync(schemaPath, "utf8");
  const result = await engine
    .diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters,
    })
    .finally(() => engine.free());
  return result.exitCode === 2 ? result.stdout : null;
}

/** Writes a new migration folder `<timestamp>_<name>` with the SQL. */
export function writeMigration(name: string, sql: string): string {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name.replace(/[^a-z0-9_]/gi, "_")}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
