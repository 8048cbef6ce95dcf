/**
 * npm run lighthouse [-- BASE_URL [PATH ...]]: Lighthouse's accessibility audit (Debian's Chromium)
 * of the portal's key pages at phone and desktop size, against a running server (default
 * http://localhost:3000). Prints each score and what failed; exits 1 unless every score is 100.
 */
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";
import { requireNode } from "./requireNode";

/** The five pages a citizen meets first: home, the services, a guide, the notices, disclosure. */
export const keyPages = [
  "/zh-Hans",
  "/zh-Hans/services",
  "/zh-Hans/services/RS-JYDJ-001",
  "/zh-Hans/notices",
  "/en/disclosure",
];

export type TAudit = { path: string; width: "phone" | "desktop"; score: number; failed: string[] };

/** Each page at both sizes, one Chromium for all. */
export async function auditAccessibility(base: string, paths: string[] = keyPages): Promise<TAudit[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const audits: TAudit[] = [];
    for (const path of paths)
      for (const width of ["phone", "desktop"] as const) {
        const result = await lighthouse(
          new URL(path, base).toString(),
          { port: chrome.port, onlyCategories: ["accessibility"], logLevel: "error", output: "json" },
          width === "desktop" ? desktopConfig : undefined,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
        const category = lhr.categories.accessibility;
        const failed = category.auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
        audits.push({ path, width, score: Math.round((category.score ?? 0) * 100), failed });
      }
    return audits;
  } finally {
    chrome.kill();
  }
}

async function main() {
  requireNode();
  const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
  const audits = await auditAccessibility(base, paths.length ? paths : keyPages);
  for (const audit of audits) {
    console.log(`${String(audit.score).padStart(3)}  ${audit.width.padEnd(7)} ${audit.path}`);
    for (const failure of audit.failed) console.log(`       ${failure}`);
  }
  process.exit(audits.every((audit) => audit.score === 100) ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
