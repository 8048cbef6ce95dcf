/**
 * Writes locales/zh-Hant/*.json from locales/zh-Hans by OpenCC conversion (Taiwan forms and
 * wording, lib/i18n/content). Keys that a person has already translated in zh-Hant keep their
 * wording, brought to the same Taiwan forms (爲 → 為, 信息 → 資訊); missing ones are filled in.
 * Run after adding Simplified strings: npx tsx scripts/i18n/make-hant.ts
 */
import fs from "node:fs";
import path from "node:path";
import { toHant, toTaiwanForm } from "../../lib/i18n/content";

type Tree = { [key: string]: string | Tree };

function fill(source: Tree, existing: Tree): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(source)) {
    const current = existing[key];
    if (typeof value === "string")
      out[key] = typeof current === "string" ? toTaiwanForm(current) : toHant(value);
    else out[key] = fill(value, typeof current === "object" ? current : {});
  }
  return out;
}

const dir = path.resolve("locales");
for (const file of fs.readdirSync(path.join(dir, "zh-Hans"))) {
  const source = JSON.parse(fs.readFileSync(path.join(dir, "zh-Hans", file), "utf8")) as Tree;
  const target = path.join(dir, "zh-Hant", file);
  const existing = fs.existsSync(target) ? (JSON.parse(fs.readFileSync(target, "utf8")) as Tree) : {};
  fs.writeFileSync(target, `${JSON.stringify(fill(source, existing), null, 2)}\n`);
  console.log(`zh-Hant/${file}`);
}
