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

/** Lighthouse's four categories, as the benchmark reports them (goal 5 of issue 13: 100 each). */
export const allCategories = ["performance", "accessibility", "best-practices", "seo"] as const;
export type TCategory = (typeof allCategories)[number];
export type TPageAudit = {
  path: string;
  width: "phone" | "desktop";
  scores: Partial<Record<TCategory, number>>;
  /** the weighted audits below full marks, `category/audit-id (its value)` */
  failed: string[];
};

/** Each page at each width in the given categories, one Chromium for all. */
export async function auditPages(
  base: string,
  paths: string[],
  options: { categories: readonly TCategory[]; widths: readonly ("phone" | "desktop")[] },
): Promise<TPageAudit[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const audits: TPageAudit[] = [];
    for (const path of paths)
      for (const width of options.widths) {
        const run = () =>
          lighthouse(
            new URL(path, base).toString(),
            { port: chrome.port, onlyCategories: [...options.categories], logLevel: "error", output: "json" },
            width === "desktop" ? desktopConfig : undefined,
          );
        let lhr = (await run())?.lhr;
        // a trace Chromium did not record (NO_NAVSTART, on a busy machine) is Lighthouse's own
        // failure, not the page's: it asks to be run again. Twice more at most, after a pause
        // that lets the machine settle (a full bench run once failed it twice in a row)
        for (let again = 0; lhr?.runtimeError && again < 2; again++) {
          console.warn(`[lighthouse] ${path} (${width}): ${lhr.runtimeError.code}; running it again`);
          await new Promise((resolve) => setTimeout(resolve, 2000));
          lhr = (await run())?.lhr;
        }
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
        const scores: TPageAudit["scores"] = {};
        const failed: string[] = [];
        for (const id of options.categories) {
          const category = lhr.categories[id];
          scores[id] = Math.round((category.score ?? 0) * 100);
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
              failed.push(`${id}/${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
          }
        }
        audits.push({ path, width, scores, failed });
      }
    return audits;
  } finally {
    chrome.kill();
  }
}

/** Each page's accessibility at phone and desktop size (what `npm run lighthouse` checks). */
export async function auditAccessibility(base: string, paths: string[] = keyPages): Promise<TAudit[]> {
  const audits = await auditPages(base, paths, {
    categories: ["accessibility"],
    widths: ["phone", "desktop"],
  });
  return audits.map(({ path, width, scores, failed }) => ({
    path,
    width,
    score: scores.accessibility ?? 0,
    failed: failed.map((f) => f.replace(/^accessibility\//, "")),
  }));
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
