// Streaming readers for the formats providers really send: CSV (UTF-8 with or without BOM, GB18030/GBK,
// UTF-16; comma- or tab-separated; encodings decided and explained in encoding.ts),
// XLSX, JSON and NDJSON. Each yields rows one at a time so memory stays flat as files grow.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { formatOf } from './formats.ts';
import { createInterface } from 'node:readline';
import { parse as csvParse } from 'csv-parse';
import { BAD, decodeStream, decodeUtf8Whole, detectEncoding, sniffDelimiter, type Detected } from './encoding.ts';
import { jsonDepthExceeds, limits, notRegularFile, repeatedTopKey, sizeText, topKeyCount, type Limits } from './limits.ts';
import { checkXlsxExpansion } from './xlsx-guard.ts';
import './xlsx-utf8.ts'; // before exceljs: split UTF-8 characters across chunks
import ExcelJS from 'exceljs';
import type { Format } from './formats.ts';

export type Cell = string | number | boolean | null;

export interface RawRow {
  /** 1-based row (CSV line, sheet row, NDJSON line, JSON array index + 1). */
  row: number;
  /** Header-keyed for tables; the object itself for JSON. */
  values: Record<string, unknown>;
  /** Cells as read, for the rejects file. */
  raw: Cell[] | Record<string, unknown>;
  /** A problem with the row as read (wrong number of columns, not JSON, damaged bytes, a formula without
   * its value …); `col` is the 1-based column when one cell is at fault. */
  problem?: RowProblem;
  /** Every problem with the row as read (the first is `problem`): one message per cell at fault. */
  problems?: RowProblem[];
  /** The sheet, when a workbook is read sheet by sheet (mapping `sheet: "*"`). */
  sheet?: string;
  /** The sheet's title block above the header row: label → value (mapping `title_block`). */
  titleBlock?: Record<string, unknown>;
}

export interface RowProblem {
  code: string;
  detail: string;
  col?: number;
  args?: Record<string, string | number>;
}

export interface Table {
  format: Format;
  encoding?: string;
  /** How the encoding was decided (CSV), for the summary. */
  detected?: Detected;
  headers: string[];
  /** Rows in batches: one await per batch, not per row, keeps large files fast. */
  rows: AsyncIterable<RawRow[]>;
  /** Rows whose cells are all empty (`,,,` in a CSV, a formatted but empty sheet row): left out, counted here
   * as they are read. Not data, so never a rejection; the summary says how many. */
  blank: { rows: number };
}

/** Drain an object-mode stream in batches of whatever is buffered. */
async function* batches<T>(stream: NodeJS.ReadableStream): AsyncIterable<T[]> {
  let ended = false;
  let error: unknown;
  let pending = false;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    pending = true;
    wake?.();
  };
  stream.on('readable', poke);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (e: unknown) => {
    error = e;
    poke();
  });
  for (;;) {
    const batch: T[] = [];
    let r: T | null;
    while ((r = stream.read() as T | null) !== null) batch.push(r);
    if (batch.length) yield batch;
    if (error) throw error;
    if (ended) return;
    if (!batch.length) {
      if (!pending) await new Promise<void>((res) => (wake = res));
      pending = false;
      wake = undefined;
    }
  }
}

export class ReadError extends Error {
  code: string;
  args: Record<string, string | number>;
  line: number;
  col: number;
  constructor(code: string, args: Record<string, string | number>, line = 1, col = 1) {
    super(code);
    this.code = code;
    this.args = args;
    this.line = line;
    this.col = col;
  }
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * A data path must be a regular file within the size limit, checked before a byte is read: a folder, a
 * FIFO (which would block the read forever) or a device (/dev/zero never ends) is refused.
 */
export function checkDataFile(file: string, lim: Limits = limits()): ReadError | undefined {
  const kind = notRegularFile(file);
  if (kind) return new ReadError('CH327', { value: file, ...kind });
  const size = statSync(file).size;
  const json = formatOf(file) === 'json';
  const max = json ? Math.min(lim.jsonBytes, lim.fileBytes) : lim.fileBytes;
  if (size > max) return new ReadError('CH332', { size: sizeText(size), limit: sizeText(max), json: json ? 'json' : '' });
  return undefined;
}

/**
 * Header problems are file-level: a repeated header (which value would a column name mean?) and a blank
 * header before a named one. Blank headers after the last named one are tolerated (Excel exports carry
 * formatted but empty columns); a value under one is a row problem (CH324), never dropped. Returns the
 * number of named columns.
 */
function checkHeaders(headers: string[], line: number): number {
  let named = headers.length;
  while (named > 0 && headers[named - 1] === '') named--;
  for (let i = 0; i < named; i++) {
    if (headers[i]!.includes(BAD)) throw new ReadError('CH310', { row: line, cell: `${columnLetter(i + 1)}${line}` }, line, i + 1);
    if (headers[i] === '') throw new ReadError('CH324', { column: columnLetter(i + 1), line }, line, i + 1);
  }
  const first = new Map<string, number>();
  for (let i = 0; i < named; i++) {
    const h = headers[i]!;
    const at = first.get(h);
    if (at === undefined) {
      first.set(h, i);
      continue;
    }
    const cols = headers.flatMap((x, k) => (x === h ? [columnLetter(k + 1)] : []));
    throw new ReadError('CH323', { header: h, columns: cols.join(', '), line }, line, i + 1);
  }
  return named;
}

const shownCell = (c: string, lim: Limits): string => (c.length > lim.cellChars ? c.slice(0, 100) + '…' : c.includes(BAD) ? c.replaceAll(BAD, '\uFFFD') : c);

/** The problems of a row of text cells, one per cell at fault: damaged bytes, an oversized cell, a value with no header. */
function textRowProblems(cells: string[], named: number, upTo: number, row: number, lim: Limits): RowProblem[] {
  const out: RowProblem[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.includes(BAD)) out.push({ code: 'CH310', detail: 'invalid bytes', col: i + 1, args: { cell: `${columnLetter(i + 1)}${row}` } });
    else if (c.length > lim.cellChars) out.push({ code: 'CH330', detail: 'cell too large', col: i + 1, args: { cell: `${columnLetter(i + 1)}${row}`, size: c.length, limit: lim.cellChars } });
    else if (i >= named && i < upTo && c !== '') out.push({ code: 'CH324', detail: 'value without header', col: i + 1, args: { cell: `${columnLetter(i + 1)}${row}`, column: columnLetter(i + 1), value: String(c).slice(0, 40) } });
  }
  return out;
}

/** A row whose cells are all empty or blank (Excel's `,,,,` rows): not data. */
const allBlank = (cells: readonly unknown[]): boolean => cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** Leading bytes that say a file is a workbook, whatever its name: an Excel 97–2003 .xls (OLE2) or a zip (.xlsx). */
export function workbookMagic(file: string): 'xls' | 'zip' | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const b = Buffer.alloc(8);
    const n = readSync(fd, b, 0, 8, 0);
    if (n >= 8 && b.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
    if (n >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export { formatOf } from './formats.ts';

export async function openCsv(file: string, opts: { encoding?: string; legacyEncoding?: string; headerRow?: number }, lim: Limits = limits()): Promise<Table> {
  // Explicit encoding wins; otherwise detect, assuming the mapping's legacy encoding when not UTF-8.
  const detected = detectEncoding(file, opts.encoding, opts.legacyEncoding);
  const encoding = detected.encoding;
  const headerRow = opts.headerRow ?? 1;
  const source = createReadStream(file, { highWaterMark: 1 << 16 });
  const dec = decodeStream(encoding);
  const parser = csvParse({ bom: true, delimiter: sniffDelimiter(file, encoding), relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: lim.recordChars });
  // pipe() does not forward errors: a decoding error must end the parse, not leave it waiting.
  source.on('error', (e) => parser.destroy(e));
  dec.on('error', (e) => parser.destroy(e));
  source.pipe(dec).pipe(parser);
  const it = batches<{ record: string[]; info: { lines: number } }>(parser)[Symbol.asyncIterator]();
  const next = async (): Promise<IteratorResult<{ record: string[]; info: { lines: number } }[]>> => {
    try {
      return await it.next();
    } catch (e) {
      if (e instanceof ReadError) throw e;
      const err = e as { message?: string; lines?: number; code?: string };
      if (err.code === 'CSV_MAX_RECORD_SIZE') throw new ReadError('CH330', { row: err.lines ?? 1, cell: '', size: lim.recordChars, limit: lim.recordChars, record: 'record' }, err.lines ?? 1);
      throw new ReadError('CH315', { detail: err.message ?? String(e), line: err.lines ?? 1 }, err.lines ?? 1);
    }
  };
  let headers: string[] = [];
  let first: { record: string[]; info: { lines: number } }[] = [];
  find: for (;;) {
    const r = await next();
    if (r.done) throw new ReadError('CH317', { detail: 'no header row' });
    for (let i = 0; i < r.value.length; i++) {
      if (r.value[i]!.info.lines >= headerRow && !allBlank(r.value[i]!.record)) {
        headers = r.value[i]!.record.map((h) => h.trim());
        first = r.value.slice(i + 1);
        break find;
      }
    }
  }
  const named = checkHeaders(headers, headerRow);
  const width = headers.length;
  const toRow = (rec: { record: string[]; info: { lines: number } }): RawRow => {
    const cells = rec.record;
    const values: Record<string, unknown> = {};
    for (let i = 0; i < named; i++) values[headers[i]!] = cells[i];
    const row: RawRow = { row: rec.info.lines, values, raw: cells };
    const ps = textRowProblems(cells, named, width, rec.info.lines, lim);
    if (ps.length) {
      for (const p of ps) if (p.code === 'CH310') p.args = { ...p.args, encoding };
      row.problem = ps[0]!;
      row.problems = ps;
      row.raw = cells.map((c) => shownCell(c, lim));
    } else if (cells.length !== width) row.problem = { code: 'CH315', detail: `${cells.length} columns, the header has ${width}` };
    return row;
  };
  const blank = { rows: 0 };
  const rowsOf = (recs: { record: string[]; info: { lines: number } }[]): RawRow[] => {
    const out: RawRow[] = [];
    for (const rec of recs) {
      if (allBlank(rec.record)) blank.rows++;
      else out.push(toRow(rec));
    }
    return out;
  };
  async function* rows(): AsyncIterable<RawRow[]> {
    if (first.length) yield rowsOf(first);
    for (;;) {
      const r = await next();
      if (r.done) return;
      yield rowsOf(r.value);
    }
  }
  return { format: 'csv', encoding, detected, headers, rows: rows(), blank };
}

type XCell = Cell | { problem: 'formula' | 'error' | 'unknown'; text: string };

/**
 * An ExcelJS cell value as Charter reads it: text, number, flag, a date as its Excel serial; a formula by its
 * cached result. A formula without a cached result, an error value (#N/A …) and anything unrecognised are
 * problems with that cell, never "[object Object]".
 */
function xlsxCell(v: unknown): XCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { problem: 'unknown', text: String(v) };
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? t / 86400000 + 25569 : { problem: 'unknown', text: 'Invalid Date' }; // back to an Excel serial
  }
  const o = v as { richText?: { text?: unknown }[]; formula?: string; sharedFormula?: string; result?: unknown; text?: unknown; hyperlink?: string; error?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((t) => (typeof t?.text === 'string' ? t.text : '')).join('');
  if (o.formula !== undefined || o.sharedFormula !== undefined) {
    const f = `=${String(o.formula ?? o.sharedFormula)}`;
    if (o.result === undefined || o.result === null) return { problem: 'formula', text: f };
    // ExcelJS reads an error result (t="e") as parseFloat("#N/A"), i.e. NaN.
    if (typeof o.result === 'number' && !Number.isFinite(o.result)) return { problem: 'error', text: `${f} → #ERROR` };
    const r = xlsxCell(o.result);
    return r !== null && typeof r === 'object' ? { problem: r.problem, text: `${f} → ${r.text}` } : r;
  }
  if (o.error !== undefined) return { problem: 'error', text: String(o.error) };
  if (o.text !== undefined) {
    const t = xlsxCell(o.text);
    return t !== null && typeof t === 'object' ? t : t === null ? null : String(t);
  }
  return { problem: 'unknown', text: Object.keys(o).join(',') || typeof v };
}

export async function openXlsx(file: string, opts: { sheet?: string; headerRow?: number }, lim: Limits = limits()): Promise<Table> {
  const headerRow = opts.headerRow ?? 1;
  let bomb;
  try {
    bomb = await checkXlsxExpansion(file, lim);
  } catch (e) {
    throw new ReadError('CH317', { detail: `not a readable XLSX file (${(e as Error).message})` });
  }
  if (bomb?.code === 'CH333') throw new ReadError(bomb.code, { ...bomb.args, limit: sizeText(Number(bomb.args.limit)), size: sizeText(Number(bomb.args.size)) });
  if (bomb) throw new ReadError(bomb.code, bomb.args);
  // Any failure inside ExcelJS (a DTD, an unknown entity, a truncated part) is the file's problem.
  const unreadable = (e: unknown): ReadError => (e instanceof ReadError ? e : new ReadError('CH317', { detail: `not a readable XLSX file (${(e as Error)?.message ?? String(e)})` }));
  let sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
  if (opts.sheet === '*') {
    // Every sheet: read whole (the expansion check above bounds it). ExcelJS's streaming reader loses the
    // sheet list when a workbook has many sheets stored before workbook.xml (as ExcelJS itself writes them).
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(file);
    } catch (e) {
      throw unreadable(e);
    }
    const list = wb.worksheets.map((ws) => ({
      name: ws.name,
      async *[Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row> {
        for (let i = 1; i <= ws.rowCount; i++) {
          const row = ws.findRow(i);
          if (row) yield row;
        }
      },
    }));
    sheets = (async function* () {
      yield* list;
    })() as unknown as AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
  } else {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
    sheets = reader[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
  }
  const seen: string[] = [];
  let sheet: (ExcelJS.stream.xlsx.WorksheetReader & { name: string }) | undefined;
  try {
    for (;;) {
      const r = await sheets.next();
      if (r.done) break;
      seen.push(r.value.name);
      if (!opts.sheet || opts.sheet === '*' || r.value.name === opts.sheet) {
        sheet = r.value;
        break;
      }
      for await (const _ of r.value) void _; // skip the sheet's rows
    }
  } catch (e) {
    throw unreadable(e);
  }
  if (!sheet) throw new ReadError('CH318', { value: opts.sheet ?? '', allowed: seen.join(', ') });
  // sheet "*": every sheet in turn, each with its own title block and header row (the inspection round workbook).
  const every = opts.sheet === '*';
  type Sheet = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
  const open = async (ws: Sheet): Promise<{ headers: string[]; titleBlock: Record<string, unknown>; nextRow: () => Promise<IteratorResult<ExcelJS.Row>> }> => {
    const rowsIt = (ws as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    const nextRow = async (): Promise<IteratorResult<ExcelJS.Row>> => {
      try {
        return await rowsIt.next();
      } catch (e) {
        throw unreadable(e);
      }
    };
    const titleBlock: Record<string, unknown> = {};
    let seenAny = false;
    for (;;) {
      const r = await nextRow();
      // Reading every sheet, an empty one (a blank sheet someone added) holds nothing to lose: skipped.
      if (r.done && every && !seenAny && ws !== sheet) return { headers: [], titleBlock, nextRow: async () => ({ done: true, value: undefined }) };
      if (r.done) throw new ReadError('CH317', { detail: `no header row ${headerRow} in sheet ${ws.name}` });
      if ((r.value.values as unknown[]).some((x) => x !== null && x !== undefined && x !== '')) seenAny = true;
      if (r.value.number === headerRow) {
        const headers = (r.value.values as unknown[]).slice(1).map((v, i) => {
          const c = xlsxCell(v);
          if (c !== null && typeof c === 'object') throw new ReadError(c.problem === 'formula' ? 'CH325' : c.problem === 'error' ? 'CH326' : 'CH334', { row: headerRow, cell: `${columnLetter(i + 1)}${headerRow}`, column: '', value: c.text }, headerRow, i + 1);
          return String(c ?? '').trim();
        });
        return { headers, titleBlock, nextRow };
      }
      if (every) {
        // Title block: a text label followed by its value in the next cell that holds one (merged cells are empty).
        const cells = (r.value.values as unknown[]).slice(1).map(xlsxCell);
        for (let i = 0; i < cells.length; i++) {
          const label = cells[i];
          if (typeof label !== 'string' || !label.trim()) continue;
          const value = cells[i + 1];
          if (value !== null && value !== undefined && typeof value !== 'object' && value !== '') titleBlock[label.trim()] = typeof value === 'string' ? value.trim() : value;
        }
      }
    }
  };
  const first = await open(sheet);
  const headers = first.headers;
  checkHeaders(headers, headerRow);
  const blank = { rows: 0 };
  let pendingBlank = 0;
  async function* single(): AsyncIterable<RawRow> {
    let cur = first;
    let name = sheet!.name;
    for (;;) {
      const named = cur.headers.length ? checkHeaders(cur.headers, headerRow) : 0;
      for (;;) {
        const r = await cur.nextRow();
        if (r.done) break;
        const arr = (r.value.values as unknown[]).slice(1);
        const cells: Cell[] = [];
        const values: Record<string, unknown> = {};
        let any = false;
        const problems: RowProblem[] = [];
        for (let i = 0; i < Math.max(named, arr.length); i++) {
          const x = xlsxCell(arr[i]);
          let c: Cell;
          if (x !== null && typeof x === 'object') {
            const code = x.problem === 'formula' ? 'CH325' : x.problem === 'error' ? 'CH326' : 'CH334';
            problems.push({ code, detail: x.text, col: i + 1, args: { cell: `${columnLetter(i + 1)}${r.value.number}`, column: cur.headers[i] ?? '', value: x.text } });
            c = x.text;
          } else c = x;
          if (typeof c === 'string' && c.length > lim.cellChars) {
            problems.push({ code: 'CH330', detail: 'cell too large', col: i + 1, args: { cell: `${columnLetter(i + 1)}${r.value.number}`, size: c.length, limit: lim.cellChars } });
            c = c.slice(0, 100) + '…';
          }
          cells.push(c);
          if (c !== null && !(typeof c === 'string' && c.trim() === '')) {
            any = true;
            if (i >= named) problems.push({ code: 'CH324', detail: 'value without header', col: i + 1, args: { cell: `${columnLetter(i + 1)}${r.value.number}`, column: columnLetter(i + 1), value: String(c).slice(0, 40) } });
          }
          if (i < named) values[cur.headers[i]!] = c;
        }
        if (!any) {
          // Blank rows are formatting, not data: counted, never rejected. Rows past the last one holding a
          // value are not counted (a sheet formatted far down is not a sheet of blank rows).
          pendingBlank++;
          continue;
        }
        blank.rows += pendingBlank;
        pendingBlank = 0;
        const row: RawRow = { row: r.value.number, values, raw: cells };
        if (every) {
          row.sheet = name;
          row.titleBlock = cur.titleBlock;
        }
        if (problems.length) {
          row.problem = problems[0]!;
          row.problems = problems;
        }
        yield row;
      }
      pendingBlank = 0;
      if (!every) return;
      let next;
      try {
        next = await sheets.next();
      } catch (e) {
        throw unreadable(e);
      }
      if (next.done) return;
      name = next.value.name;
      cur = await open(next.value);
    }
  }
  return { format: 'xlsx', headers, rows: grouped(single()), blank };
}

/** A parsed JSON record's first oversized string value, if any (values are flat; `questions` one level down). */
function bigValue(v: unknown, lim: Limits, depth = 0): string | undefined {
  if (typeof v === 'string') return v.length > lim.cellChars ? v : undefined;
  if (v && typeof v === 'object' && depth < lim.depth) {
    for (const x of Object.values(v)) {
      const b = bigValue(x, lim, depth + 1);
      if (b !== undefined) return b;
    }
  }
  return undefined;
}

/** One JSON record (an NDJSON line or an array element) as a row, with its problem if any. */
function jsonRow(n: number, v: unknown, lim: Limits, what: string): RawRow {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { row: n, values: {}, raw: { value: typeof v === 'string' && v.length > 100 ? v.slice(0, 100) + '…' : v }, problem: { code: 'CH316', detail: what } };
  const big = bigValue(v, lim);
  if (big !== undefined) return { row: n, values: {}, raw: { value: big.slice(0, 100) + '…' }, problem: { code: 'CH330', detail: 'cell too large', args: { cell: '', size: big.length, limit: lim.cellChars } } };
  return { row: n, values: v as Record<string, unknown>, raw: v as Record<string, unknown> };
}

export async function openNdjson(file: string, lim: Limits = limits()): Promise<Table> {
  const source = createReadStream(file);
  const dec = decodeStream('utf-8');
  source.on('error', (e) => dec.destroy(e));
  const lines = createInterface({ input: source.pipe(dec), crlfDelay: Infinity });
  async function* rows(): AsyncIterable<RawRow> {
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const short = line.length > 200 ? line.slice(0, 200) + '…' : line;
      if (line.includes(BAD)) {
        yield { row: n, values: {}, raw: { line: short.replaceAll(BAD, '\uFFFD') }, problem: { code: 'CH310', detail: 'invalid bytes', args: { cell: '' } } };
        continue;
      }
      if (line.length > lim.recordChars) {
        yield { row: n, values: {}, raw: { line: short }, problem: { code: 'CH330', detail: 'line too large', args: { cell: '', size: line.length, limit: lim.recordChars } } };
        continue;
      }
      // Checked before parsing: a record nested thousands deep would overflow the stack later.
      if (jsonDepthExceeds(line, lim.depth)) {
        yield { row: n, values: {}, raw: { line: short }, problem: { code: 'CH329', detail: 'too deep', args: { limit: lim.depth } } };
        continue;
      }
      try {
        const v = JSON.parse(line) as unknown;
        // A key written twice would keep only its last value: reported like a repeated column header.
        if (v && typeof v === 'object' && !Array.isArray(v) && topKeyCount(line) !== Object.keys(v).length) {
          const key = repeatedTopKey(line);
          if (key !== undefined) {
            yield { row: n, values: {}, raw: { line: short }, problem: { code: 'CH323', detail: 'repeated key', args: { header: key } } };
            continue;
          }
        }
        yield jsonRow(n, v, lim, 'a line must hold one JSON object');
      } catch (e) {
        yield { row: n, values: {}, raw: { line: short }, problem: { code: 'CH316', detail: (e as Error).message } };
      }
    }
  }
  return { format: 'ndjson', encoding: 'utf-8', headers: [], rows: grouped(rows()), blank: { rows: 0 } };
}

/** A JSON array of objects. Read whole, so it has a lower size limit: large data belongs in NDJSON (docs/data.md). */
export async function openJson(file: string, lim: Limits = limits()): Promise<Table> {
  let data: unknown;
  const { text: raw, badLine } = decodeUtf8Whole(readFileSync(file));
  if (badLine !== undefined) throw new ReadError('CH310', { row: badLine, cell: '' }, badLine);
  const text = raw.replace(/^\uFEFF/, '');
  if (jsonDepthExceeds(text, lim.depth + 2)) throw new ReadError('CH329', { limit: lim.depth });
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadError('CH316', { detail: (e as Error).message });
  }
  const list: unknown[] | undefined = Array.isArray(data) ? data : Array.isArray((data as { records?: unknown })?.records) ? ((data as { records: unknown[] }).records) : undefined;
  if (!list) throw new ReadError('CH316', { detail: 'expected an array of records (or {"records": [...]})' });
  async function* rows(): AsyncIterable<RawRow> {
    for (let i = 0; i < list!.length; i++) yield jsonRow(i + 1, list![i], lim, 'each element must be an object');
  }
  return { format: 'json', encoding: 'utf-8', headers: [], rows: grouped(rows()), blank: { rows: 0 } };
}

/** Group a row-at-a-time source into batches (sources that cannot hand over batches themselves). */
async function* grouped(src: AsyncIterable<RawRow>, size = 1000): AsyncIterable<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const r of src) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function openTable(file: string, opts: { encoding?: string; legacyEncoding?: string; sheet?: string; headerRow?: number }, lim: Limits = limits()): Promise<Table> {
  const fmt = formatOf(file);
  const bad = checkDataFile(file, lim);
  if (bad) throw bad;
  // A workbook under a text file's name (or an old .xls renamed .xlsx) would read as damaged bytes or an
  // unreadable zip: say what it is instead.
  if (fmt === 'csv' || fmt === 'xlsx') {
    const magic = workbookMagic(file);
    if (magic === 'xls') throw new ReadError('CH340', { value: file });
    if (magic === 'zip' && fmt === 'csv') throw new ReadError('CH341', { value: file });
  }
  switch (fmt) {
    case 'csv':
      return openCsv(file, opts, lim);
    case 'xlsx':
      return openXlsx(file, opts, lim);
    case 'ndjson':
      return openNdjson(file, lim);
    case 'json':
      return openJson(file, lim);
    default:
      throw new ReadError('CH311', { value: file });
  }
}
