import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "../bench/stats";
import { parseVolumeArgs, volumeUsage } from "./volume/args";

const readmes = ["README.md", "bench/README.md"];
const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> })
  .scripts;

/** Every `npm start`, `npm test` and `npm run X [-- args]` the READMEs show, with its arguments. */
function documentedCommands(): { file: string; script: string; args: string[] }[] {
  const found: { file: string; script: string; args: string[] }[] = [];
  for (const file of readmes) {
    const text = fs.readFileSync(file, "utf8");
    // arguments end at a comment, a table cell or the closing backtick of inline code
    for (const match of text.matchAll(/\bnpm (?:run ([\w:-]+)|(start|test))\b([^\n#`|]*)/g)) {
      const rest = match[3];
      const args = rest.includes(" -- ") ? rest.split(" -- ")[1].trim().split(/\s+/).filter(Boolean) : [];
      found.push({ file, script: match[1] ?? match[2], args });
    }
  }
  return found;
}

// the commands whose arguments a parser of ours reads
const parsers: Record<string, (argv: string[]) => unknown> = {
  "seed:volume": parseVolumeArgs,
  bench: parseBenchArgs,
};

describe("the READMEs' commands", () => {
  const commands = documentedCommands();

  it("finds the commands, the volume generator's among them", () => {
    expect(commands.map((c) => c.script)).toEqual(
      expect.arrayContaining(["start", "test", "seed:volume", "bench"]),
    );
  });

  it("name scripts package.json has", () => {
    for (const { file, script } of commands)
      expect(scripts[script], `${file}: npm run ${script}`).toBeDefined();
  });

  it("pass arguments their script accepts", () => {
    for (const { file, script, args } of commands) {
      const parse = parsers[script];
      if (parse && args.length)
        expect(() => parse(args), `${file}: npm run ${script} -- ${args.join(" ")}`).not.toThrow();
    }
  });

  it("and the generator's usage line lists only flags it parses", () => {
    const flags = [...volumeUsage.matchAll(/\[(--[\w-]+)(?: (\S+?))?\]/g)].map(([, flag, value]) => ({
      flag,
      value: value === "YYYY-MM-DD" ? "2026-01-31" : value ? "1" : undefined,
    }));
    expect(flags.length).toBeGreaterThan(5);
    for (const { flag, value } of flags)
      expect(() => parseVolumeArgs(value ? [flag, value] : [flag]), flag).not.toThrow();
  });
});
