/**
 * A cell a spreadsheet could read as a formula: one starting with =, +, -, @ or a control
 * character, also after blanks (importers that trim them) and in the full-width forms ＝＋－＠ that
 * spreadsheets set up for Chinese input read as the ASCII signs.
 */
const formulaStart = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * RFC 4180 field quoting; a cell that could start a formula is neutralised with a leading `'`
 * against spreadsheet formula injection. A cell holding `;` or a tab is quoted too, so a
 * spreadsheet that splits on those (Excel in many locales) keeps it one cell.
 */
export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
