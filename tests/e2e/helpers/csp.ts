import { expect, type Page } from "@playwright/test";

/**
 * Records every Content-Security-Policy violation the page reports from now on (Chromium logs each
 * blocked script, style or request to the console); the returned check fails on any. A blocked
 * inline script or style is a bug to fix, never a reason to loosen the policy.
 */
export function watchCspViolations(page: Page): () => void {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return () => expect(violations, "CSP violations").toEqual([]);
}
