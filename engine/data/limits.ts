// Limits on one submission, each with its own error code (docs/data.md lists them). Generous enough for a
// real year of exports (a 1M-row work-order CSV is ~200 MB), tight enough that a small hostile file cannot
// make Charter hold hundreds of megabytes: every reader streams, and these bound what a stream may carry.
// Only the two a large office may outgrow (file size, row count) can be raised, by environment variable.

import { statSync } from 'node:fs';

const MB = 1 << 20;

/** What a path is when it is not a regular file (a folder, FIFO, socket, device, or not accessible). */
export function notRegularFile(file: string): { kindZh: string; kindEn: string } | undefined {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    return { kindZh: '无法访问的路径', kindEn: `a path that cannot be accessed (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return { kindZh: '文件夹', kindEn: 'a folder' };
  if (st.isFIFO()) return { kindZh: '命名管道（FIFO）', kindEn: 'a FIFO (named pipe)' };
  if (st.isSocket()) return { kindZh: '套接字', kindEn: 'a socket' };
  return { kindZh: '设备文件', kindEn: 'a device' };
}

export interface Limits {
  /** Any data file (CH332). */
  fileBytes: number;
  /** A .json file, which is parsed whole (CH332); large data belongs in NDJSON. */
  jsonBytes: number;
  /** Rows (records) per submission (CH331). */
  rows: number;
  /** Characters in one cell or one JSON value (CH330). */
  cellChars: number;
  /** Characters in one CSV record or NDJSON line (CH330): bounds a runaway quote. */
  recordChars: number;
  /** Nesting of arrays/objects in JSON and NDJSON (CH329). */
  depth: number;
  /** XLSX: bytes all zip entries may inflate to (CH333). */
  xlsxInflatedBytes: number;
  /** XLSX: inflated bytes per byte of the file, checked once past xlsxGraceBytes (CH333). */
  xlsxRatio: number;
  xlsxGraceBytes: number;
  /** XLSX: the shared-strings part, which is held in memory while the sheet is read (CH333). */
  xlsxSharedStringsBytes: number;
}

function envNumber(name: string, fallback: number, scale = 1): number {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n * scale) : fallback;
}

export const FILE_ENV = 'CHARTER_MAX_FILE_MB';
export const ROWS_ENV = 'CHARTER_MAX_ROWS';

/** The limits in force: the defaults, with CHARTER_MAX_FILE_MB and CHARTER_MAX_ROWS applied. */
export function limits(): Limits {
  return {
    fileBytes: envNumber(FILE_ENV, 2048 * MB, MB),
    jsonBytes: 100 * MB,
    rows: envNumber(ROWS_ENV, 5_000_000),
    cellChars: 1 * MB,
    recordChars: 16 * MB,
    depth: 32,
    xlsxInflatedBytes: 2048 * MB,
    xlsxRatio: 100,
    xlsxGraceBytes: 10 * MB,
    xlsxSharedStringsBytes: 256 * MB,
  };
}

/** "1.5 MB" style sizes for messages. */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

/** Depth of nested arrays/objects in JSON text, scanning outside strings; stops once past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * Calls onKey(start, end) for each key of the top-level object of one JSON text, in order, as written
 * (start and end index its quotes); stops when onKey returns true. JSON.parse keeps only the last of a
 * repeated key, silently, so the text itself is read.
 */
function scanTopKeys(text: string, onKey: (start: number, end: number) => boolean | void): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = i + 1;
      for (; j < text.length && text.charCodeAt(j) !== 34; j++) if (text.charCodeAt(j) === 92) j++;
      if (depth === 1) {
        let k = j + 1;
        while (k < text.length && /\s/.test(text[k]!)) k++;
        if (text[k] === ':' && onKey(i, j)) return;
      }
      i = j;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
  }
}

/** The first key named twice in the top-level object of a JSON text. Called only when a record parsed with fewer keys than the text names. */
export function repeatedTopKey(text: string): string | undefined {
  const seen = new Set<string>();
  let repeated: string | undefined;
  scanTopKeys(text, (i, j) => {
    const key = JSON.parse(text.slice(i, j + 1)) as string;
    if (!seen.has(key)) return void seen.add(key);
    repeated = key;
    return true;
  });
  return repeated;
}

/** How many keys the top-level object of a JSON text names (a repeated key counts twice). */
export function topKeyCount(text: string): number {
  let n = 0;
  scanTopKeys(text, () => void n++);
  return n;
}
