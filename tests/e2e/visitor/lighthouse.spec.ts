import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * `npm run lighthouse` (scripts/lighthouse.ts) as the README gives it: Lighthouse's accessibility
 * audit of a page at phone and desktop size scores 100, and the command says so and exits 0. The
 * five key pages are audited by the command without arguments (figures in the README); here one,
 * to keep the browser tests' time down.
 */
test("npm run lighthouse scores the home page 100 for accessibility at phone and desktop size", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const run = spawnSync("npm", ["run", "--silent", "lighthouse", "--", baseURL!, "/zh-Hans"], {
    encoding: "utf8",
    timeout: 170_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toMatch(/^100 {2}phone {3}\/zh-Hans$/m);
  expect(output).toMatch(/^100 {2}desktop \/zh-Hans$/m);
  expect(run.status, output).toBe(0);
});
