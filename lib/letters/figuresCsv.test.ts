import { describe, expect, it } from "vitest";
import { letterFiguresCsv } from "./figuresCsv";
import { noLetterFigures } from "./tally";
import { csvField } from "../shared/csv";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

/**
 * The letters' figures CSV (/{locale}/letters/figures.csv): its text cells are the headers and
 * the mailbox names (department names, which administrators write). Every one goes out through
 * csvField, which the corpus test of lib/shared/csv.test.ts proves safe: one cell each, never a
 * formula. A cell written raw would break the lines counted here or start with a formula sign.
 */
describe("the letters' figures CSV against the XSS corpus and formulas", () => {
  const names = [...xssPayloads, "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-2+3", "a\r\nb,c"];
  const rows = names.map((_name, i) => ({ ...noLetterFigures("2026-05", `M${i}`), received: i }));
  const headers = ['=HYPERLINK("x")', ...xssPayloads.slice(0, 7)];
  const csv = letterFiguresCsv(rows, headers, (code) => names[Number(code!.slice(1))]);

  it("writes every text cell through csvField, one line a mailbox", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const expected = [
      headers.map(csvField).join(","),
      ...names.map((name, i) =>
        ["2026-05", name, String(i), "0", "0", "0", "0", "", "0", "0"].map(csvField).join(","),
      ),
    ];
    expect(csv).toBe("\uFEFF" + expected.join("\r\n") + "\r\n");
    // a formula never starts a cell
    for (const formula of ["=cmd", "+1+1", "@SUM", "-2+3", "=HYPERLINK"])
      expect(csv).not.toMatch(new RegExp(`(^|[,\\n\\uFEFF])${formula.replace(/[+|()]/g, "\\$&")}`));
  });
});
