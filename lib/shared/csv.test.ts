import { describe, expect, it } from "vitest";
import { csvField } from "./csv";
import { xssPayloads } from "../../tests/fixtures/xss-payloads";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("plain 中文")).toBe("plain 中文");
  });
  it("neutralises formulas", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@cmd")).toBe("'@cmd");
  });
});

/** RFC 4180, as a spreadsheet reads a file: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe("csvField against the XSS corpus and line-breaking input", () => {
  const payloads = [...xssPayloads, "=cmd|' /C calc'!A0", "a\r\nb,c", '"\r\n=1+1', "\t=1", "\r=1"];
  it.each(payloads.map((p, i) => [i, p]))(
    "payload %i stays one cell, read back as written, never a formula",
    (_i, payload) => {
      const rows = parseCsv(`${csvField(payload)},next\r\n`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(2);
      const [cell, next] = rows[0];
      expect(next).toBe("next");
      expect(cell === payload || cell === `'${payload}`).toBe(true);
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});

describe("csvField for spreadsheets that split on semicolons or trim the cell", () => {
  // Excel in many locales reads `;` as the separator: an unquoted `a;=1+1` is two cells, the second
  // a formula; some importers trim blanks, so ` =1+1` begins with `=`; full-width ＝＋－＠ are
  // read as the ASCII signs by spreadsheets set up for Chinese input
  const payloads = [
    "a;=1+1",
    "x;@SUM(1)",
    " =1+1",
    "\u3000=1+1",
    "\n=1+1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(1)",
  ];
  it.each(payloads.map((p, i) => [i, p]))(
    "payload %i is neither split on ; nor read as a formula",
    (_i, p) => {
      const written = csvField(p);
      for (const separator of [",", ";"]) {
        const cells = separator === ";" ? splitOn(`${written};next`) : parseCsv(`${written},next\r\n`)[0];
        expect(cells, `${separator} ${written}`).toHaveLength(2);
        expect(cells[0].trimStart()).not.toMatch(/^[=+\-@＝＋－＠]/);
      }
    },
  );
});

/** A row split on `;` the way a spreadsheet does (quotes hold the separator). */
function splitOn(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ";" && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
