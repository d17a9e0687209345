// The columnar projection of the records table: per kind and month, one blob holding every field as a
// column — date-times as epoch ms (Float64), everything else dictionary-coded — plus the record keys and
// the local day of the event. It is rebuilt inside the same transaction as every write to those months,
// so it can never disagree with the records it projects. Evaluation reads it instead of parsing a JSON
// text per record, which is what makes a province's year of work orders a matter of seconds.
import { createHash, hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { dayNumber } from '../calendar/calendar.ts';
import { PROJECTED_FIELDS, TIME_FIELDS } from '../data/records.ts';
import type { RecordKind } from '../model/vocabulary.ts';

/** No event date (e.g. an undated document): the row's day. */
export const NO_DAY = -2147483648;

/** The month a record is filed under: YYYY-MM of its event field, '' when it has none. */
export function monthOf(eventAt: string | null): string {
  return eventAt ? eventAt.slice(0, 7) : '';
}

type PartType = 'f64' | 'i32' | 'u8' | 'u16' | 'u32' | 'json';
/** The '' part of a month: what the other parts are. */
interface Meta {
  v: 1;
  rows: number;
  sha256: string;
  fields: Record<string, PartType>;
}
/** One stored part: the keys, the event days, a field's column ('f:name') or its dictionary ('d:name'). */
export interface Part {
  part: string;
  data: Uint8Array;
}

type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A growable typed array, so rows can be streamed without keeping their parsed objects. */
class Grow<T extends Float64Array | Int32Array | Uint32Array> {
  a: T;
  n = 0;
  private readonly make: (n: number) => T;
  constructor(make: (n: number) => T) {
    this.make = make;
    this.a = make(1024);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** Encode a kind's rows into one month's parts (rows in any order; the parts are in record-key order). */
export function encodeColumns(kind: RecordKind, rows: Iterable<{ record_key: string; event_at: string | null; data: string }>): { parts: Part[]; rows: number; sha256: string } {
  const e = new ColumnEncoder(kind);
  for (const r of rows) e.add(r.record_key, r.event_at, JSON.parse(r.data) as Record<string, unknown>, r.data);
  return e.finish();
}

/**
 * Builds one month of the projection from records as they come — parsed by the caller, in any order.
 * The month's hash is a SHA-256 over each record's own SHA-256 in record-key order, so it names the
 * content whatever order the records arrived in, without keeping their texts.
 */
export class ColumnEncoder {
  private readonly fieldNames: readonly string[];
  private readonly timeCols = new Map<string, Grow<Float64Array>>();
  private readonly codeCols = new Map<string, { codes: Grow<Uint32Array>; index: Map<unknown, number>; dict: unknown[] }>();
  private readonly keyList: string[] = [];
  private digests = new Uint8Array(32 * 1024);
  private sorted = true;
  private readonly dayCol = new Grow((n) => new Int32Array(n));
  private readonly dayMemo = new Map<string, number>();
  private readonly parseTime = timeParser();

  constructor(kind: RecordKind) {
    const times = new Set(TIME_FIELDS[kind]);
    this.fieldNames = PROJECTED_FIELDS[kind];
    for (const f of this.fieldNames) {
      if (times.has(f)) this.timeCols.set(f, new Grow((n) => new Float64Array(n)));
      else this.codeCols.set(f, { codes: new Grow((n) => new Uint32Array(n)), index: new Map(), dict: [null] });
    }
  }

  get rows(): number {
    return this.keyList.length;
  }

  add(key: string, eventAt: string | null, rec: Record<string, unknown>, text: string): void {
    const last = this.keyList.length ? this.keyList[this.keyList.length - 1]! : undefined;
    if (last !== undefined && !(last < key)) this.sorted = false;
    this.keyList.push(key);
    const at = (this.keyList.length - 1) * 32;
    if (at + 32 > this.digests.length) {
      const b = new Uint8Array(this.digests.length * 2);
      b.set(this.digests);
      this.digests = b;
    }
    this.digests.set(hash('sha256', text, 'buffer'), at);
    if (!eventAt) this.dayCol.push(NO_DAY);
    else {
      const d = eventAt.slice(0, 10);
      let dn = this.dayMemo.get(d);
      if (dn === undefined) {
        dn = dayNumber(d);
        this.dayMemo.set(d, dn);
      }
      this.dayCol.push(dn);
    }
    for (const [f, col] of this.timeCols) {
      const v = rec[f];
      col.push(typeof v === 'string' ? this.parseTime(v) : Number.NaN);
    }
    for (const [f, col] of this.codeCols) {
      const v = rec[f];
      if (v === undefined) {
        col.codes.push(0);
        continue;
      }
      // Code 0 is "absent"; primitives are their own map keys (1 and '1' stay distinct), objects their JSON.
      const k = v !== null && typeof v === 'object' ? 'json:' + JSON.stringify(v) : v;
      let c = col.index.get(k);
      if (c === undefined) {
        c = col.dict.length;
        col.index.set(k, c);
        col.dict.push(v);
      }
      col.codes.push(c);
    }
  }

  finish(): { parts: Part[]; rows: number; sha256: string } {
    const { keyList, dayCol, timeCols, codeCols, fieldNames } = this;
    const n = keyList.length;
    // Record-key order. Keys compare by UTF-16 code units, which for the codes keys are made of is also
    // SQLite's byte order.
    let perm: Int32Array | undefined;
    if (!this.sorted) {
      const idx = Array.from({ length: n }, (_, i) => i);
      idx.sort((a, b) => (keyList[a]! < keyList[b]! ? -1 : keyList[a]! > keyList[b]! ? 1 : 0));
      perm = Int32Array.from(idx);
    }
    const order = <T extends Float64Array | Int32Array | Uint32Array>(src: T): T => {
      if (!perm) return src.subarray(0, n) as T;
      const out = new (src.constructor as new (n: number) => T)(n);
      for (let i = 0; i < n; i++) out[i] = src[perm[i]!]!;
      return out;
    };
    let digests = this.digests.subarray(0, n * 32);
    if (perm) {
      const d = new Uint8Array(n * 32);
      for (let i = 0; i < n; i++) d.set(this.digests.subarray(perm[i]! * 32, perm[i]! * 32 + 32), i * 32);
      digests = d;
    }
    const sha256 = createHash('sha256').update(digests).digest('hex');
    const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const json = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
    const parts: Part[] = [
      { part: 'keys', data: json(perm ? Array.from(perm, (i) => keyList[i]) : keyList) },
      { part: 'day', data: bytesOf(order(dayCol.a)) },
    ];
    const meta: Meta = { v: 1, rows: n, sha256, fields: {} };
    for (const f of fieldNames) {
      const t = timeCols.get(f);
      if (t) {
        meta.fields[f] = 'f64';
        parts.push({ part: `f:${f}`, data: bytesOf(order(t.a)) });
        continue;
      }
      const c = codeCols.get(f)!;
      const size = c.dict.length;
      // Renumber codes by first appearance in key order, so the bytes do not depend on arrival order.
      const src = order(c.codes.a).slice();
      const remap = new Int32Array(size).fill(-1);
      remap[0] = 0;
      const dict: unknown[] = [null];
      for (let i = 0; i < n; i++) {
        const old = src[i]!;
        let m = remap[old]!;
        if (m < 0) {
          m = remap[old] = dict.length;
          dict.push(c.dict[old]);
        }
        src[i] = m;
      }
      const narrow = size <= 0xff ? Uint8Array.from(src) : size <= 0xffff ? Uint16Array.from(src) : src;
      meta.fields[f] = narrow instanceof Uint8Array ? 'u8' : narrow instanceof Uint16Array ? 'u16' : 'u32';
      parts.push({ part: `f:${f}`, data: bytesOf(narrow) }, { part: `d:${f}`, data: json(dict) });
    }
    parts.push({ part: '', data: json(meta) });
    return { parts, rows: n, sha256 };
  }
}

/**
 * Date.parse for canonical 'YYYY-MM-DDTHH:mm:ss±HH:MM' texts, from a per-day-and-offset cache plus the
 * time of day; anything else goes to Date.parse. Same numbers as Date.parse (a test compares them).
 */
export function timeParser(): (text: string) => number {
  const memo = new Map<string, number>();
  const d2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);
  return (s) => {
    if (s.length !== 25 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(22) !== 58) return Date.parse(s);
    const h = d2(s, 11);
    const m = d2(s, 14);
    const sec = d2(s, 17);
    if (!(h >= 0 && h <= 23 && m >= 0 && m <= 59 && sec >= 0 && sec <= 59)) return Date.parse(s);
    const k = s.slice(0, 10) + s.slice(19);
    let base = memo.get(k);
    if (base === undefined) {
      base = Date.parse(`${s.slice(0, 10)}T00:00:00${s.slice(19)}`);
      memo.set(k, base);
    }
    return base + ((h * 60 + m) * 60 + sec) * 1000;
  };
}

/** One month of one kind. Each column is fetched and decoded on first use; an evaluation reads a handful. */
export class Columns {
  readonly kind: RecordKind;
  readonly month: string;
  readonly rows: number;
  readonly sha256: string;
  readonly day: Int32Array;
  private readonly meta: Meta;
  private readonly fetch: (part: string) => Uint8Array;
  private readonly cache = new Map<string, unknown>();

  constructor(kind: RecordKind, month: string, fetch: (part: string) => Uint8Array) {
    this.kind = kind;
    this.month = month;
    this.fetch = fetch;
    this.meta = JSON.parse(Buffer.from(fetch('')).toString('utf8')) as Meta;
    this.rows = this.meta.rows;
    this.sha256 = this.meta.sha256;
    this.day = this.view('day', 'i32') as Int32Array;
  }

  private view(part: string, t: PartType): unknown {
    let b = this.fetch(part);
    if (t === 'json') return JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'));
    // Typed-array views need aligned offsets; copy once if SQLite handed back an unaligned buffer.
    if (b.byteOffset % 8 !== 0) b = new Uint8Array(b);
    switch (t) {
      case 'f64':
        return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
      case 'i32':
        return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      case 'u32':
        return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
      case 'u16':
        return new Uint16Array(b.buffer, b.byteOffset, b.byteLength / 2);
      case 'u8':
        return b;
    }
  }

  private cached<T>(key: string, make: () => T): T {
    let v = this.cache.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      this.cache.set(key, v);
    }
    return v;
  }

  has(field: string): boolean {
    return field in this.meta.fields;
  }
  isTime(field: string): boolean {
    return this.meta.fields[field] === 'f64';
  }
  /** Epoch ms of a date-time field; NaN where the record has none. */
  time(field: string): Float64Array {
    if (!this.isTime(field)) throw new Error(`${this.kind}.${field} is not a date-time column`);
    return this.cached(`f:${field}`, () => this.view(`f:${field}`, 'f64') as Float64Array);
  }
  /** Dictionary codes of a field (0 = absent). */
  codes(field: string): Codes {
    const t = this.meta.fields[field];
    if (!t || t === 'f64') throw new Error(`${this.kind}.${field} is not a coded column`);
    return this.cached(`f:${field}`, () => this.view(`f:${field}`, t) as Codes);
  }
  /** The values behind the codes; index 0 stands for "absent" (read it as undefined). */
  dict(field: string): unknown[] {
    const t = this.meta.fields[field];
    if (!t || t === 'f64') throw new Error(`${this.kind}.${field} is not a coded column`);
    return this.cached(`d:${field}`, () => {
      const d = this.view(`d:${field}`, 'json') as unknown[];
      d[0] = undefined;
      return d;
    });
  }
  /** A coded field's value for one row. */
  value(field: string, i: number): unknown {
    return this.dict(field)[this.codes(field)[i]!];
  }
  keys(): string[] {
    return this.cached('keys', () => this.view('keys', 'json') as string[]);
  }
}

const CREATE = `
  CREATE TABLE IF NOT EXISTS record_columns (
    kind TEXT NOT NULL,
    month TEXT NOT NULL,
    part TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (kind, month, part)
  );`;
export const COLUMNS_SQL = CREATE;

/**
 * Rebuild the projection of the given months of a kind from the records table. Call inside the
 * transaction that changed them. The hash is over the record texts in key order, as evaluation reports it.
 */
export function rebuildColumns(db: DatabaseSync, kind: RecordKind, months: Iterable<string>): void {
  const dated = db.prepare('SELECT record_key, event_at, data FROM records WHERE kind = ? AND event_at >= ? AND event_at < ? ORDER BY record_key');
  const undated = db.prepare('SELECT record_key, event_at, data FROM records WHERE kind = ? AND event_at IS NULL ORDER BY record_key');
  const wanted = new Set(months);
  const store = (month: string, e: ColumnEncoder): void => writeColumns(db, kind, month, e);
  if (wanted.size > 1) {
    // Several months: one pass over the kind in key order is cheaper than a range lookup per month.
    const enc = new Map([...wanted].map((m) => [m, new ColumnEncoder(kind)]));
    for (const r of db.prepare('SELECT record_key, event_at, data FROM records WHERE kind = ? ORDER BY record_key').iterate(kind) as Iterable<{ record_key: string; event_at: string | null; data: string }>) {
      enc.get(monthOf(r.event_at))?.add(r.record_key, r.event_at, JSON.parse(r.data) as Record<string, unknown>, r.data);
    }
    for (const [m, e] of enc) store(m, e);
    return;
  }
  for (const month of wanted) {
    // '~' sorts after every digit, so [YYYY-MM, YYYY-MM~) is the whole month whatever follows the date.
    const rows = (month ? dated.iterate(kind, month, month + '~') : undated.iterate(kind)) as Iterable<{ record_key: string; event_at: string | null; data: string }>;
    const e = new ColumnEncoder(kind);
    for (const r of rows) e.add(r.record_key, r.event_at, JSON.parse(r.data) as Record<string, unknown>, r.data);
    store(month, e);
  }
}

/** Replace one month's stored parts with an encoder's (none when it holds no rows). */
export function writeColumns(db: DatabaseSync, kind: RecordKind, month: string, e: ColumnEncoder): void {
  db.prepare('DELETE FROM record_columns WHERE kind = ? AND month = ?').run(kind, month);
  if (!e.rows) return;
  const put = db.prepare('INSERT INTO record_columns (kind, month, part, data) VALUES (?, ?, ?, ?)');
  for (const p of e.finish().parts) put.run(kind, month, p.part, p.data);
}

/** Whether a month of a kind has a projection (so it holds records). */
export function hasColumns(db: DatabaseSync, kind: RecordKind, month: string): boolean {
  return db.prepare("SELECT 1 FROM record_columns WHERE kind = ? AND month = ? AND part = ''").get(kind, month) !== undefined;
}

/** Rebuild every month of every kind (the migration that introduces the projection uses this). */
export function rebuildAllColumns(db: DatabaseSync): void {
  const pairs = db.prepare("SELECT kind, COALESCE(substr(event_at, 1, 7), '') AS month FROM records GROUP BY 1, 2").all() as { kind: RecordKind; month: string }[];
  const byKind = new Map<RecordKind, string[]>();
  for (const p of pairs) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.month]);
  for (const [kind, months] of byKind) rebuildColumns(db, kind, months);
}

/** The months of a kind in [fromMonth, toMonth] (YYYY-MM, inclusive), plus the undated ones if asked. */
export function readColumns(db: DatabaseSync, kind: RecordKind, fromMonth: string, toMonth: string, undated = false): Columns[] {
  const months = db
    .prepare("SELECT month FROM record_columns WHERE kind = ? AND part = '' AND ((month >= ? AND month <= ? AND month <> '') OR (? AND month = '')) ORDER BY month")
    .all(kind, fromMonth, toMonth, undated ? 1 : 0) as { month: string }[];
  const get = db.prepare('SELECT data FROM record_columns WHERE kind = ? AND month = ? AND part = ?');
  return months.map(({ month }) => new Columns(kind, month, (part) => (get.get(kind, month, part) as { data: Uint8Array }).data));
}

/** The months of a kind with a projection in [fromMonth, toMonth] (YYYY-MM, inclusive), oldest first. */
export function columnMonths(db: DatabaseSync, kind: RecordKind, fromMonth: string, toMonth: string): string[] {
  const rows = db.prepare("SELECT month FROM record_columns WHERE kind = ? AND part = '' AND month >= ? AND month <= ? AND month <> '' ORDER BY month").all(kind, fromMonth, toMonth) as { month: string }[];
  return rows.map((r) => r.month);
}

/** One month of a kind (it must have a projection: see columnMonths). */
export function readMonth(db: DatabaseSync, kind: RecordKind, month: string): Columns {
  const get = db.prepare('SELECT data FROM record_columns WHERE kind = ? AND month = ? AND part = ?');
  return new Columns(kind, month, (part) => (get.get(kind, month, part) as { data: Uint8Array }).data);
}
