/**
 * The shape of the code base, checked like behaviour: lib is the only door to the database,
 * lib never reaches back into app or components, and neither files nor lib's folders import
 * one another in a circle (a cycle makes the load order, and so start-up, depend on chance).
 */
import fs from "node:fs";
import path from "node:path";
import madge from "madge";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const sourceExt = /\.(ts|tsx|mjs|js)$/;

function filesUnder(dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((file) => sourceExt.test(file) && !file.includes("generated/") && !file.includes("node_modules"))
    .map((file) => path.join(dir, file));
}

/** Every module a file imports, as written (static imports, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(
    /(?:import|export)[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm,
  ))
    found.push(match[1] ?? match[2] ?? match[3]);
  return found;
}

/** The import resolved to a path from the project root (aliases and relative paths), or null for packages. */
function resolved(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith("."))
    return path.relative(root, path.resolve(root, path.dirname(file), specifier));
  return null;
}

describe("architecture", () => {
  it("app and components never touch the database client or the generated Prisma client", () => {
    const offenders = [...filesUnder("app"), ...filesUnder("components")].flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          const target = resolved(file, spec) ?? spec;
          return (
            target.startsWith("lib/db") ||
            target.startsWith("@prisma/") ||
            target.includes("generated/client")
          );
        })
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("lib never imports from app or components", () => {
    const offenders = filesUnder("lib").flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(app|components)\//.test(resolved(file, spec) ?? ""))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("lib's folders import one another in one direction only", () => {
    const edges = new Map<string, Set<string>>();
    // a test may read across folders (the locale test reads every domain's codes); code may not
    for (const file of filesUnder("lib").filter((name) => !name.endsWith(".test.ts"))) {
      const from = file.split("/")[1];
      for (const spec of importsOf(file)) {
        const target = resolved(file, spec);
        const to = target?.startsWith("lib/") ? target.split("/")[1] : null;
        if (to && to !== from && !to.includes(".")) {
          if (!edges.has(from)) edges.set(from, new Set());
          edges.get(from)!.add(to);
        }
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (next === trail[0]) cycles.push([...trail, next].join(" → "));
        else if (!trail.includes(next) && next > trail[0]) visit(next, [...trail, next]);
      }
    };
    for (const start of edges.keys()) visit(start, [start]);
    expect(cycles).toEqual([]);
  });

  it("no file imports itself back through others (madge finds no cycle)", async () => {
    const result = await madge(
      ["lib", "app", "components", "scripts", "bench", "proxy.ts", "instrumentation.ts"].map((p) =>
        path.join(root, p),
      ),
      {
        fileExtensions: ["ts", "tsx"],
        tsConfig: path.join(root, "tsconfig.json"),
        excludeRegExp: [/lib\/db\/generated\//, /node_modules/],
      },
    );
    expect(result.circular()).toEqual([]);
  }, 60_000);
});
