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
