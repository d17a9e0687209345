// Streaming readers for the formats providers really send: CSV (UTF-8 with or without BOM, GB18030/GBK),
// XLSX, JSON and NDJSON. Each yields rows one at a time so memory stays flat as files grow.
import { createReadStream, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { formatOf } from './formats.ts';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
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
  /** A structural problem with the row (wrong number of columns, not JSON …). */
  problem?: { code: 'CH315' | 'CH316'; detail: string };
}

export interface Table {
  format: Format;
  encoding?: string;
  headers: string[];
  /** Rows in batches: one await per batch, not per row, keeps large files fast. */
  rows: AsyncIterable<RawRow[]>;
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
  constructor(code: string, args: Record<string, string | number>, line = 1) {
    super(code);
    this.code = code;
    this.args = args;
    this.line = line;
  }
}

export { formatOf } from './formats.ts';

/** BOM → UTF-8; otherwise UTF-8 if the first megabyte decodes strictly, else GB18030 (a superset of GBK). */
export function detectEncoding(file: string, fallback = 'gb18030'): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: n === buf.length });
      return 'utf-8';
    } catch {
      return fallback;
    }
  } finally {
    closeSync(fd);
  }
}

function decoder(encoding: string): Transform {
  const dec = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = dec.decode(chunk, { stream: true });
        offset += chunk.length;
        done(null, text);
      } catch {
        done(new ReadError('CH310', { offset, encoding }));
      }
    },
    flush(done) {
      try {
        done(null, dec.decode());
      } catch {
        done(new ReadError('CH310', { offset, encoding }));
      }
    },
  });
}

export async function openCsv(file: string, opts: { encoding?: string; legacyEncoding?: string; headerRow?: number }): Promise<Table> {
  // Explicit encoding wins; otherwise detect, assuming the mapping's legacy encoding when not UTF-8.
  const encoding = opts.encoding ?? detectEncoding(file, opts.legacyEncoding);
  const headerRow = opts.headerRow ?? 1;
  const source = createReadStream(file, { highWaterMark: 1 << 16 });
  const dec = decoder(encoding === 'gbk' ? 'gb18030' : encoding);
  const parser = csvParse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
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
      const err = e as { message?: string; lines?: number };
      throw new ReadError('CH315', { detail: err.message ?? String(e), line: err.lines ?? 1 }, err.lines ?? 1);
    }
  };
  let headers: string[] = [];
  let first: { record: string[]; info: { lines: number } }[] = [];
  find: for (;;) {
    const r = await next();
    if (r.done) throw new ReadError('CH317', { detail: 'no header row' });
    for (let i = 0; i < r.value.length; i++) {
      if (r.value[i]!.info.lines >= headerRow) {
        headers = r.value[i]!.record.map((h) => h.trim());
        first = r.value.slice(i + 1);
        break find;
      }
    }
  }
  const width = headers.length;
  const toRow = (rec: { record: string[]; info: { lines: number } }): RawRow => {
    const cells = rec.record;
    const values: Record<string, unknown> = {};
    for (let i = 0; i < width; i++) values[headers[i]!] = cells[i];
    const row: RawRow = { row: rec.info.lines, values, raw: cells };
    if (cells.length !== width) row.problem = { code: 'CH315', detail: `${cells.length} columns, the header has ${width}` };
    return row;
  };
  async function* rows(): AsyncIterable<RawRow[]> {
    if (first.length) yield first.map(toRow);
    for (;;) {
      const r = await next();
      if (r.done) return;
      yield r.value.map(toRow);
    }
  }
  return { format: 'csv', encoding, headers, rows: rows() };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime() / 86400000 + 25569; // back to an Excel serial
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: string; error?: string };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if (o.result !== undefined) return cellValue(o.result);
  if (o.text !== undefined) return o.text;
  if (o.error !== undefined) return String(o.error);
  return String(v);
}

export async function openXlsx(file: string, opts: { sheet?: string; headerRow?: number }): Promise<Table> {
  const headerRow = opts.headerRow ?? 1;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
  const seen: string[] = [];
  let sheet: (ExcelJS.stream.xlsx.WorksheetReader & { name: string }) | undefined;
  for (;;) {
    let r: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>;
    try {
      r = await sheets.next();
    } catch (e) {
      throw new ReadError('CH317', { detail: `not a readable XLSX file (${(e as Error).message})` });
    }
    if (r.done) break;
    seen.push(r.value.name);
    if (!opts.sheet || r.value.name === opts.sheet) {
      sheet = r.value;
      break;
    }
    for await (const _ of r.value) void _; // skip the sheet's rows
  }
  if (!sheet) throw new ReadError('CH318', { value: opts.sheet ?? '', allowed: seen.join(', ') });
  const rowsIt = (sheet as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  let headers: string[] = [];
  for (;;) {
    const r = await rowsIt.next();
    if (r.done) throw new ReadError('CH317', { detail: `no header row ${headerRow} in sheet ${sheet.name}` });
    if (r.value.number === headerRow) {
      headers = (r.value.values as unknown[]).slice(1).map((v) => String(cellValue(v) ?? '').trim());
      break;
    }
  }
  const width = headers.length;
  async function* single(): AsyncIterable<RawRow> {
    for (;;) {
      const r = await rowsIt.next();
      if (r.done) return;
      const arr = (r.value.values as unknown[]).slice(1);
      const cells: Cell[] = [];
      const values: Record<string, unknown> = {};
      let any = false;
      for (let i = 0; i < Math.max(width, arr.length); i++) {
        const c = cellValue(arr[i]);
        cells.push(c);
        if (c !== null && c !== '') any = true;
        if (i < width) values[headers[i]!] = c;
      }
      if (!any) continue; // blank rows are formatting, not data
      yield { row: r.value.number, values, raw: cells };
    }
  }
  return { format: 'xlsx', headers, rows: grouped(single()) };
}

export async function openNdjson(file: string): Promise<Table> {
  const lines = createInterface({ input: createReadStream(file).pipe(decoder('utf-8')), crlfDelay: Infinity });
  async function* rows(): AsyncIterable<RawRow> {
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      try {
        const v = JSON.parse(line) as unknown;
        if (!v || typeof v !== 'object' || Array.isArray(v)) yield { row: n, values: {}, raw: { line }, problem: { code: 'CH316', detail: 'a line must hold one JSON object' } };
        else yield { row: n, values: v as Record<string, unknown>, raw: v as Record<string, unknown> };
      } catch (e) {
        yield { row: n, values: {}, raw: { line }, problem: { code: 'CH316', detail: (e as Error).message } };
      }
    }
  }
  return { format: 'ndjson', encoding: 'utf-8', headers: [], rows: grouped(rows()) };
}

/** A JSON array of objects. Read whole: large data belongs in NDJSON (said in docs/data.md). */
export async function openJson(file: string): Promise<Table> {
  let data: unknown;
  try {
    const bytes = readFileSync(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    data = JSON.parse(text);
  } catch (e) {
    throw new ReadError('CH316', { detail: (e as Error).message });
  }
  const list: unknown[] | undefined = Array.isArray(data) ? data : Array.isArray((data as { records?: unknown })?.records) ? ((data as { records: unknown[] }).records) : undefined;
  if (!list) throw new ReadError('CH316', { detail: 'expected an array of records (or {"records": [...]})' });
  async function* rows(): AsyncIterable<RawRow> {
    for (let i = 0; i < list!.length; i++) {
      const v = list![i] as unknown;
      if (!v || typeof v !== 'object' || Array.isArray(v)) yield { row: i + 1, values: {}, raw: { value: v }, problem: { code: 'CH316', detail: 'each element must be an object' } };
      else yield { row: i + 1, values: v as Record<string, unknown>, raw: v as Record<string, unknown> };
    }
  }
  return { format: 'json', encoding: 'utf-8', headers: [], rows: grouped(rows()) };
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

export async function openTable(file: string, opts: { encoding?: string; legacyEncoding?: string; sheet?: string; headerRow?: number }): Promise<Table> {
  const fmt = formatOf(file);
  switch (fmt) {
    case 'csv':
      return openCsv(file, opts);
    case 'xlsx':
      return openXlsx(file, opts);
    case 'ndjson':
      return openNdjson(file);
    case 'json':
      return openJson(file);
    default:
      throw new ReadError('CH311', { value: file });
  }
}
