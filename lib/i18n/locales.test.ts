import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales, namespaces } from "@/lib/i18n/settings";
import { allThemes } from "@/lib/services/themes";
import { disclosureCategories } from "@/lib/disclosure/categories";
import { docTypes } from "@/lib/disclosure/doc-types";
import { noticeCategories } from "@/lib/notices/categories";

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function load(locale: string, ns: string): Tree {
  return JSON.parse(fs.readFileSync(path.resolve("locales", locale, `${ns}.json`), "utf8"));
}

/** Flattened keys, with plural forms folded into their base key. */
function keys(tree: Tree, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.add(full.replace(pluralSuffix, ""));
    else for (const k of keys(value, full)) out.add(k);
  }
  return out;
}

const all = Object.fromEntries(
  locales.map((l) => [l, Object.fromEntries(namespaces.map((ns) => [ns, keys(load(l, ns))]))]),
);

describe("locale files", () => {
  it.each(namespaces)("every locale has every key of %s", (ns) => {
    const union = new Set(locales.flatMap((l) => [...all[l][ns]]));
    for (const locale of locales) {
      const missing = [...union].filter((k) => !all[locale][ns].has(k));
      expect(missing, `${locale}/${ns}.json is missing keys`).toEqual([]);
    }
  });

  it("no value is empty", () => {
    for (const locale of locales)
      for (const ns of namespaces) {
        const walk = (tree: Tree, at: string) => {
          for (const [k, v] of Object.entries(tree)) {
            if (typeof v === "string") expect(v.trim(), `${locale}/${ns}:${at}${k}`).not.toBe("");
            else walk(v, `${at}${k}.`);
          }
        };
        walk(load(locale, ns), "");
      }
  });

  it("every key the code asks for exists in every locale, in the namespace it names", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => walkFiles(path.resolve(dir)));
    const literal = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*["'](?:([a-zA-Z]+):)?([a-zA-Z0-9_.-]+)["']/g))
        literal.add(`${m[1] ?? "common"}:${m[2]}`);
      for (const m of text.matchAll(/\bt\(\s*`(?:([a-zA-Z]+):)?([a-zA-Z0-9_.-]*)\$\{/g))
        prefixes.add(`${m[1] ?? "common"}:${m[2]}`);
    }
    expect(literal.size).toBeGreaterThan(100);
    expect(prefixes.size).toBeGreaterThan(5);
    for (const locale of locales) {
      const has = (ns: string, key: string) => !!all[locale][ns]?.has(key);
      const missing = [...literal].filter((entry) => {
        const [ns, key] = entry.split(":");
        // keys without a namespace resolve in the page's namespaces, falling back to common
        return !(has(ns, key) || (ns === "common" && namespaces.some((n) => all[locale][n].has(key))));
      });
      expect(missing, `${locale}: keys used in code but missing`).toEqual([]);
      const emptyPrefixes = [...prefixes].filter((entry) => {
        const [ns, prefix] = entry.split(":");
        const pool =
          ns === "common" ? namespaces.flatMap((n) => [...all[locale][n]]) : [...(all[locale][ns] ?? [])];
        return !pool.some((key) => key.startsWith(prefix));
      });
      expect(emptyPrefixes, `${locale}: template keys with no entries`).toEqual([]);
    }
  });

  it("every catalogue code has a label", () => {
    const catalog = all["en"].catalog;
    for (const code of allThemes) expect(catalog.has(`theme.${code}`), code).toBe(true);
    for (const code of disclosureCategories) expect(catalog.has(`category.${code}`), code).toBe(true);
    for (const code of docTypes) expect(catalog.has(`docType.${code}`), code).toBe(true);
    for (const code of noticeCategories) expect(catalog.has(`noticeCategory.${code}`), code).toBe(true);
  });
});

function walkFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : walkFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}
