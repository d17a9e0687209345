// The one CSV writer for every CSV Charter writes for people (the rejects file, the site's downloads, the
// internal registers): RFC 4180 text with a UTF-8 byte-order mark (so Excel opens the Chinese correctly),
// neutralised against spreadsheet formula injection as the OWASP "CSV Injection" guidance asks
// (and ASVS 1.2.10, CWE-1236):
//   - every cell is quoted and every double quote doubled, so no cell can spill into the next one;
//   - a cell a spreadsheet could read as a formula or a DDE call gets a leading single quote ('), which
//     Excel, LibreOffice and WPS show as text. That is a cell starting with = + - @ or with tab, CR, LF or
//     NUL, the full-width ＝ ＋ － ＠ (Excel and WPS in Chinese locales accept them as formula starts), and
//     any of these after leading spaces (some importers trim the spaces and then see the formula).
// One exception, on purpose: a cell that is exactly a plain negative decimal number (-12.5, -3, -1.5e-3)
// stays as it is. Such a cell is a numeric constant to every spreadsheet: it holds no operator after the
// sign, no function name, no reference and no "|" DDE link, so there is nothing in it to execute; quoting
// it would turn figures (a negative change, a score deduction) into text that no longer sums. Anything
// more than that literal (-1+1+cmd|' /C calc'!A0, -A1, -SUM(…), a leading space) is neutralised.
// The site imports this module too (site/src/lib/tables.ts): keep it free of Node-only imports.
// Not through here, on purpose: the sample generator's CSVs (engine/sample/generate.ts), which imitate a
// provider system's export as Charter's input, and hold no cell starting like a formula.

export const CSV_BOM = '\uFEFF';

/** First characters (after any leading spaces) that make a spreadsheet read a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
/** Control characters that start a formula-injection payload even before any visible character. */
const CONTROL_START = new Set(['\t', '\r', '\n', '\0']);
const PLAIN_NEGATIVE = /^-(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const LEADING_SPACE = /^[ \u00a0\u3000]+/;

/** Would a spreadsheet that opens this cell text run it as a formula (or a DDE command)? */
export function executable(text: string): boolean {
  if (text === '') return false;
  if (CONTROL_START.has(text[0]!)) return true;
  if (PLAIN_NEGATIVE.test(text)) return false;
  const first = text.replace(LEADING_SPACE, '')[0];
  return first !== undefined && (FORMULA_START.has(first) || CONTROL_START.has(first));
}

/** The cell's text as a spreadsheet will show it: a leading ' when it would otherwise be executed. */
export function neutralise(text: string): string {
  return executable(text) ? `'${text}` : text;
}

const textOf = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One cell: neutralised, quoted, quotes doubled. */
export function csvCell(v: unknown): string {
  return `"${neutralise(textOf(v)).replace(/"/g, '""')}"`;
}

/** One record, without its line end. */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',');
}

/** RFC 4180 records end in CRLF. */
export const CSV_EOL = '\r\n';

/** A whole file: the byte-order mark, a header line and the rows, each line ending in CRLF. */
export function csvText(header: readonly unknown[], rows: readonly (readonly unknown[])[]): string {
  let s = CSV_BOM + csvLine(header) + CSV_EOL;
  for (const r of rows) s += csvLine(r) + CSV_EOL;
  return s;
}
