// 示例大学服务数据生成器 — a deterministic (seeded) generator of one term of the sample university's
// service data (standards/school/register.yaml, calendar.yaml): canonical NDJSON per record kind plus
// work-orders.csv, the two export layouts of standards/mappings/ (GB18030 CSV, XLSX), canonical files
// with data defects, and manifest.json listing every injected violation and defect.
//
// Determinism: no Math.random, no clock. Every random choice comes from a seeded PRNG stream named
// after what it generates (e.g. `wo:2026-03-05`), so the same options give byte-identical files.
// Times are local wall-clock minutes of the school (Asia/Shanghai, +08:00), never JS Dates in the
// machine's time zone, so the output does not depend on where it runs.
//
// The base data complies with every requirement listed in CHECKED_REQUIREMENTS, with margins far from
// the limits; every violation in the data of those requirements is an injected one and is listed in
// the manifest. Large volumes stream to disk day by day (one day of records in memory at a time).
import iconv from 'iconv-lite';
import { closeSync, createWriteStream, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import ExcelJS from 'exceljs';
import type { Worksheet, stream as ExcelStream } from 'exceljs';
import { createCalendar } from '../calendar/calendar.ts';
import { RECORD_FIELDS, type RecordKind } from '../model/vocabulary.ts';
import type { MappingColumn, MappingFile, RegisterFile, SchoolCalendarFile } from '../model/types.ts';
import { generateOffice, OFFICE_CHECKED, OFFICE_FILES } from './office.ts';
import { CHECK_FILES, CHECKS_CHECKED, generateChecks } from './checks.ts';
import { EVENT_FILES, EVENTS_CHECKED, generateEvents } from './events.ts';
import { generateInspections, type ManifestInspections } from './inspections.ts';
import { INSPECTIONS_CHECKED } from './inspection-notes.ts';
import { DUTY_FILES, generateDuty } from './duty.ts';
import { findYamlFiles, loadTree } from '../load/tree.ts';
import { ndjson, type Json } from './ndjson.ts';
export { OFFICE_FILES } from './office.ts';

export const DEFAULT_SEED = 20260223;
/** Work orders of the committed sample at scale 1. The issue's "one term" is about 20,000. */
export const BASE_WORK_ORDERS = 1500;
/** Complaints per work order. */
export const COMPLAINT_RATIO = 0.08;
export const TERM_ID = 'spring-2026';
/** When the data was exported: open cases are judged as of this time. */
export const AS_OF = '2026-07-10T09:00:00+08:00';
/** Fixed timestamp written into the XLSX (document properties and zip entries). */
export const FIXED_FILE_DATE = new Date(Date.UTC(2026, 6, 10, 1, 0, 0));
const ROOT = join(import.meta.dirname, '..', '..');

/** Requirements whose every violation in the generated data is listed in the manifest. */
export const CHECKED_REQUIREMENTS = [
  '4.3-1', '4.3-2', '5.1.2.7-3', '5.1.2.11-4', '6.2.1.6-3',
  '5.2.4.3', '5.1.2.7-2-b', '5.2.4.4',
  '5.1.2.6-2', '5.2.3.2-a', '5.1.2.3-c', '6.2.1.2-b', '5.1.2.10-5', '6.2.2.4-4',
  ...OFFICE_CHECKED,
  ...CHECKS_CHECKED,
  ...EVENTS_CHECKED,
  ...INSPECTIONS_CHECKED,
] as const;

export const OUTPUT_FILES = [
  'work-orders.ndjson', 'work-orders.csv', 'complaints.ndjson', 'activities.ndjson',
  'equipment-counts.ndjson', 'measurements.ndjson', 'surveys.ndjson',
  'exports/repair-platform.csv', 'exports/service-hall.xlsx',
  'defects/work-orders.ndjson', 'defects/work-orders.csv', 'manifest.json',
  ...OFFICE_FILES.map(([f]) => f),
  ...CHECK_FILES.map(([f]) => f),
  ...EVENT_FILES.map(([f]) => f),
  ...DUTY_FILES.map(([f]) => f),
] as const;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG

/** mulberry32: a small 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seed of the named stream: FNV-1a of the label, mixed with the seed (murmur3 finaliser). */
export function streamSeed(seed: number, label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h = (h ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number, label = '') {
    this.next = mulberry32(streamSeed(seed, label));
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [v, w] of entries) {
      if (r < w) return v;
      r -= w;
    }
    return entries[entries.length - 1]![0];
  }
  /** Bell-shaped (Irwin–Hall of 4) in [mid - spread, mid + spread]; no transcendental functions. */
  around(mid: number, spread: number): number {
    const s = this.next() + this.next() + this.next() + this.next();
    return mid + (spread * (s - 2)) / 2;
  }
}

// ---------------------------------------------------------------------------------------------
// Local time: minutes since 1970-01-01T00:00 of the school's wall clock (+08:00)

const DAY_MS = 86_400_000;
export type Minute = number;

export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
export function hm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h! * 60 + m!;
}
/** `2026-03-05T08:07` (local) → minutes. */
export function at(local: string): Minute {
  return dayNumber(local.slice(0, 10)) * 1440 + hm(local.slice(11, 16));
}
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** ISO 8601 with the +08:00 offset: `2026-03-05T08:07:00+08:00`. */
export function iso(t: Minute): string {
  const mod = ((t % 1440) + 1440) % 1440;
  return `${dateOf(Math.floor(t / 1440))}T${pad(Math.floor(mod / 60))}:${pad(mod % 60)}:00+08:00`;
}
/** Layout A: `2026/3/5 8:07`. */
export function slashDate(t: Minute): string {
  const d = new Date(Math.floor(t / 1440) * DAY_MS);
  const mod = ((t % 1440) + 1440) % 1440;
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${Math.floor(mod / 60)}:${pad(mod % 60)}`;
}
/** Excel serial date-time of the local wall-clock time (1970-01-01 is serial 25569). */
export function excelSerial(t: Minute): number {
  return t / 1440 + 25569;
}
export function minuteFromSerial(serial: number): Minute {
  return Math.round((serial - 25569) * 1440);
}

// ---------------------------------------------------------------------------------------------
// GB18030 encoding

/** GB18030 bytes, as Chinese Excel saves CSV (iconv-lite covers the whole of GB18030). */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

// ---------------------------------------------------------------------------------------------
// Output helpers

/** Buffered text file writer with back-pressure: holds at most about 1 MB before writing. */
class ChunkWriter {
  readonly path: string;
  private readonly stream: WriteStream;
  private readonly encode: (s: string) => Uint8Array;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  lines = 0;
  constructor(path: string, encode: (s: string) => Uint8Array = (s) => Buffer.from(s, 'utf8')) {
    mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.encode = encode;
    this.stream = createWriteStream(path);
  }
  line(s: string, eol = '\n'): number {
    this.parts.push(s, eol);
    this.size += s.length + eol.length;
    return ++this.lines;
  }
  async flush(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < 1 << 20)) return;
    const buf = this.encode(this.parts.join(''));
    this.parts = [];
    this.size = 0;
    this.bytes += buf.length;
    if (!this.stream.write(buf)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export function csvField(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}
const csvRow = (cells: readonly string[]): string => cells.map(csvField).join(',');

function canonicalCsvRow(kind: RecordKind, rec: Record<string, Json | undefined>): string {
  return csvRow(RECORD_FIELDS[kind].map((f) => (rec[f] === undefined ? '' : String(rec[f]))));
}

/** Set the DOS time and date of every zip entry (local headers and central directory) to `date`. */
export function fixZipTimestamps(path: string, date: Date = FIXED_FILE_DATE): void {
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(dosTime, 0);
  stamp.writeUInt16LE(dosDate, 2);
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${path}: no end of central directory`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdOffset === 0xffffffff) throw new Error(`${path}: zip64 archives are not supported`);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory entry ${n}`);
      stamp.copy(cd, p + 12);
      writeSync(fd, stamp, 0, 4, cd.readUInt32LE(p + 42) + 10);
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    writeSync(fd, cd, 0, cdSize, cdOffset);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// The school: register, calendar, mappings

export interface DayInfo {
  date: string;
  day: number;
  /** 0 = Sunday. */
  dow: number;
  /** A working day per the engine's calendar: statutory holidays and make-up days (chinese-days data), school closures and extra workdays. */
  working: boolean;
  /** Working exactly when Monday–Friday: a naive weekday rule agrees with the calendar. */
  plain: boolean;
  heating: boolean;
  ac: boolean;
  /** A statutory holiday (libraries are closed). */
  holiday: boolean;
  month: string;
}

type Building = RegisterFile['buildings'][number];
type Place = NonNullable<RegisterFile['places']>[number];

export interface World {
  register: RegisterFile;
  calendar: SchoolCalendarFile;
  term: { id: string; start: string; end: string };
  days: DayInfo[];
  dayByDate: Map<string, DayInfo>;
  buildings: Building[];
  buildingById: Map<string, Building>;
  places: Place[];
  campusName: Map<string, string>;
  providerName: Map<string, string>;
  workStart: number;
  workEnd: number;
  classPeriods: [number, number][];
  mappingA: MappingFile;
  mappingB: MappingFile;
}

export function loadWorld(root = ROOT): World {
  const read = <T>(rel: string): T => parseYaml(readFileSync(join(root, rel), 'utf8')) as T;
  const register = read<RegisterFile>('standards/school/register.yaml');
  const calendar = read<SchoolCalendarFile>('standards/school/calendar.yaml');
  const mappingA = read<MappingFile>('standards/mappings/repair-platform-gbk-csv.yaml');
  const mappingB = read<MappingFile>('standards/mappings/service-hall-xlsx.yaml');
  const t = calendar.terms.find((x) => x.id === TERM_ID);
  if (!t) throw new Error(`calendar has no term ${TERM_ID}`);
  const term = { id: TERM_ID, start: String(t.start), end: String(t.end) };
  // The engine's calendar reads chinese-days' data table, so the answers do not depend on the machine's zone.
  const cal = createCalendar(calendar);
  const days: DayInfo[] = [];
  for (let d = dayNumber(term.start); d <= dayNumber(term.end); d++) {
    const date = dateOf(d);
    const info = cal.dayInfo(date);
    if (!info.known) throw new Error(info.message);
    const dow = new Date(d * DAY_MS).getUTCDay();
    const weekday = dow >= 1 && dow <= 5;
    days.push({ date, day: d, dow, working: info.working, plain: info.working === weekday, heating: info.heating, ac: info.airConditioning, holiday: info.holiday !== undefined, month: date.slice(0, 7) });
  }
  return {
    register,
    calendar,
    term,
    days,
    dayByDate: new Map(days.map((x) => [x.date, x])),
    buildings: register.buildings,
    buildingById: new Map(register.buildings.map((b) => [b.id, b])),
    places: register.places ?? [],
    campusName: new Map(register.campuses.map((c) => [c.id, c.name.zh])),
    providerName: new Map(register.providers.map((p) => [p.id, p.name])),
    workStart: hm(calendar.working_hours.start),
    workEnd: hm(calendar.working_hours.end),
    classPeriods: (calendar.class_periods ?? []).map((p) => [hm(p.start), hm(p.end)]),
    mappingA,
    mappingB,
  };
}

function duringClass(w: World, b: Building, t: Minute): boolean {
  if (b.type !== 'teaching') return false;
  const day = w.dayByDate.get(dateOf(Math.floor(t / 1440)));
  const mod = t % 1440;
  return !!day?.working && w.classPeriods.some(([s, e]) => mod >= s && mod < e);
}

// ---------------------------------------------------------------------------------------------
// Manifest

export interface Described {
  zh: string;
  en: string;
}
export interface ManifestViolation {
  key: string;
  kind: string;
  requirement: string;
  /** Timeliness limit id or frequency count id within the requirement. */
  limit?: string;
  count?: string;
  record_kind: RecordKind;
  records?: string[];
  /** The grid cell or rate group that fails. */
  cell?: Record<string, string>;
  expected?: number | string;
  actual?: number | string;
  description: Described;
}
export interface ManifestExcluded {
  key: string;
  exclusion: string;
  requirement: string;
  record_kind: RecordKind;
  records: string[];
  related?: string[];
  description: Described;
}
export interface ManifestDefect {
  key: string;
  kind: string;
  file: string;
  /** 1-based line of a text file or row of the XLSX sheet. */
  line?: number;
  row?: number;
  record_kind: RecordKind;
  records?: string[];
  field?: string;
  value?: string;
  description: Described;
}
export interface Manifest {
  generator: string;
  seed: number;
  scale: number;
  work_orders: number;
  exports: boolean;
  term: { id: string; start: string; end: string };
  as_of: string;
  timezone: string;
  checked_requirements: string[];
  counts: Record<string, number>;
  files: Record<string, { bytes: number; records: number }>;
  violations: ManifestViolation[];
  excluded: ManifestExcluded[];
  defects: ManifestDefect[];
  /** The supervisors' inspection rounds: how each was recorded, the rounds missed and places not visited. */
  inspections?: ManifestInspections;
}

// ---------------------------------------------------------------------------------------------
// Work orders

export interface WorkOrder {
  id: string;
  provider: string;
  campus: string;
  building: string;
  location: string;
  category: string;
  priority: string;
  complexity: string;
  reported: Minute;
  dispatched?: Minute;
  responded?: Minute;
  arrived?: Minute;
  completed?: Minute;
  duringClass: boolean;
  exclusion?: string;
  phone: string;
  /** Key of the injected item this record belongs to. */
  tag?: string;
  seq: number;
}

const CATEGORY_WEIGHTS: Record<string, Record<string, number>> = {
  //            general water electric elevator lighting power multimedia hvac heating other
  dormitory: { general: 26, water: 30, electric: 14, elevator: 0, lighting: 16, power: 2, multimedia: 0, hvac: 6, heating: 4, other: 2 },
  teaching: { general: 20, water: 8, electric: 10, elevator: 4, lighting: 14, power: 2, multimedia: 26, hvac: 10, heating: 3, other: 3 },
  laboratory: { general: 18, water: 16, electric: 18, elevator: 4, lighting: 12, power: 5, multimedia: 4, hvac: 15, heating: 3, other: 5 },
  library: { general: 22, water: 8, electric: 10, elevator: 6, lighting: 18, power: 3, multimedia: 8, hvac: 16, heating: 3, other: 6 },
  office: { general: 24, water: 10, electric: 12, elevator: 5, lighting: 14, power: 2, multimedia: 10, hvac: 14, heating: 4, other: 5 },
  venue: { general: 30, water: 18, electric: 10, elevator: 0, lighting: 20, power: 4, multimedia: 4, hvac: 8, heating: 2, other: 4 },
  canteen: { general: 22, water: 28, electric: 18, elevator: 0, lighting: 10, power: 8, multimedia: 0, hvac: 8, heating: 2, other: 4 },
  other: { general: 26, water: 12, electric: 12, elevator: 4, lighting: 14, power: 4, multimedia: 6, hvac: 12, heating: 4, other: 6 },
};
const TYPE_SHARE: Record<string, number> = { dormitory: 46, teaching: 14, laboratory: 9, library: 4, office: 6, venue: 5, canteen: 9, other: 7 };
const TYPE_SHARE_OFF_DAY: Record<string, number> = { dormitory: 1.6, teaching: 0.4, laboratory: 0.6, library: 0.9, office: 0.3, venue: 1.1, canteen: 1, other: 0.6 };
const HOURS_RESIDENTIAL = [3, 1.5, 1, 0.5, 0.5, 0.5, 1, 3, 6, 8, 8, 7, 5, 5, 7, 8, 8, 7, 6, 7, 8, 8, 6, 4];
const HOURS_DAYTIME = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 7, 10, 10, 8, 4, 5, 9, 10, 9, 7, 3, 2, 2, 1.5, 1, 0.5];
const HOURS_SERVICE = [0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 3, 6, 7, 8, 8, 9, 7, 5, 6, 7, 7, 8, 7, 6, 4, 2, 1, 0.5];
const FAULTS: Record<string, string[]> = {
  general: ['门锁损坏', '窗户关不严', '墙面脱落', '柜门损坏', '门把手松动', '地砖破损'],
  water: ['水龙头漏水', '下水道堵塞', '马桶漏水', '水管渗漏', '热水器不出热水'],
  electric: ['插座无电', '空开跳闸', '线路老化', '电源面板损坏'],
  lighting: ['灯管不亮', '走廊灯闪烁', '开关损坏', '应急灯故障'],
  elevator: ['电梯异响', '电梯门无法关闭', '电梯停运', '按钮失灵'],
  power: ['配电箱跳闸', '整层停电', '供电线路故障'],
  multimedia: ['投影仪无信号', '音响无声', '中控无法开机', '电脑无法启动'],
  hvac: ['空调不制冷', '空调漏水', '空调遥控失灵', '新风机异响'],
  heating: ['暖气不热', '暖气片漏水', '暖气阀门损坏'],
  other: ['窗帘轨道脱落', '指示牌松动', '其他报修'],
};

/** What failed, by fault (the work-order subcategory that decides 5.1.2.7-3's 2 h or 12 h). */
const FAULT_SUBCATEGORY: Record<string, string> = {
  插座无电: 'socket', 空开跳闸: 'switch', 线路老化: 'line', 电源面板损坏: 'socket',
  灯管不亮: 'lamp', 走廊灯闪烁: 'lamp', 开关损坏: 'switch', 应急灯故障: 'lamp',
  配电箱跳闸: 'supply-equipment', 整层停电: 'line', 供电线路故障: 'line',
};

/** The subcategory of an order, read from the fault in its location text, e.g. 3层315室（插座无电）. */
function subcategoryOf(o: { location: string }): string | undefined {
  const m = /（([^（）]+)）$/.exec(o.location);
  return m ? FAULT_SUBCATEGORY[m[1]!] : undefined;
}

function placeIn(rng: Rng, type: string, category: string): string {
  if (category === 'elevator') return `${rng.int(1, 3)}号电梯`;
  const f = rng.int(1, 6);
  const room = `${f}${pad(rng.int(1, 30))}`;
  switch (type) {
    case 'dormitory':
      return rng.chance(0.7) ? `${f}层${room}室` : `${f}层${rng.pick(['公共卫生间', '开水间', '洗衣房', '走廊', '楼梯间'])}`;
    case 'teaching':
      return rng.chance(0.7) ? `${room}教室` : rng.pick([`${f}楼卫生间`, '1楼大厅', '报告厅', `${f}楼走廊`]);
    case 'laboratory':
      return rng.chance(0.8) ? `${f}楼实验室${room}` : `${f}楼准备间`;
    case 'library':
      return rng.pick([`${f}楼阅览室`, `${f}楼自习区`, '1楼借还书处', `${f}楼书库`, '报告厅']);
    case 'office':
      return rng.chance(0.75) ? `${f}楼${room}办公室` : `${f}楼会议室`;
    case 'venue':
      return rng.pick(['篮球场', '更衣室', '看台', '器材室', '淋浴间', '设备机房']);
    case 'canteen':
      return rng.pick(['一楼售饭区', '二楼餐厅', '后厨操作间', '洗碗间', '仓库', '面点间']);
    default:
      return rng.chance(0.6) ? `${f}楼${room}室` : '1楼服务大厅';
  }
}

const EMERGENCY = new Set(['water', 'electric', 'power']);
/** Categories 4.3-1 gives the 15-minute emergency limit (水、电等紧急抢修: every utility). */
const UTILITY = new Set(['water', 'electric', 'power', 'lighting', 'heating', 'gas']);

/** Minutes from report to arrival, always within every applicable limit with a margin. */
function arrivalDelay(w: World, rng: Rng, o: WorkOrder): number {
  if (o.duringClass) return rng.int(1, 2); // limit 3 min
  if (o.category === 'elevator' && o.priority === 'accident') return rng.int(3, 7); // limit 10 min
  if (UTILITY.has(o.category) && o.priority !== 'normal') return rng.int(4, 11); // limit 15 min
  if (o.category === 'elevator') return rng.int(5, 22); // limit 30 min
  // Slow arrivals (up to 95 min, limit 2 h) only where no calendar reading could call the report
  // "working hours": a plain weekend, or a plain weekday well outside 08:30–17:30.
  const day = w.dayByDate.get(dateOf(Math.floor(o.reported / 1440)));
  const mod = o.reported % 1440;
  const slowOk = !!day && day.plain && (!day.working || mod < w.workStart - 15 || mod >= w.workEnd + 15);
  if (!slowOk || o.category === 'lighting' || (o.category === 'electric' && subcategoryOf(o) !== 'line' && subcategoryOf(o) !== undefined)) {
    return rng.weighted([[rng.int(5, 14), 30], [rng.int(15, 25), 40], [rng.int(26, 38), 30]] as const); // limit 45 min / 1 h
  }
  return rng.weighted([[rng.int(15, 39), 40], [rng.int(40, 69), 35], [rng.int(70, 95), 25]] as const);
}

/** Minutes from arrival to completion, within 5.1.2.7-3 for lighting (2 h) and power (12 h). */
function repairTime(rng: Rng, o: WorkOrder): number {
  if (o.category === 'lighting') return rng.int(8, 45);
  if (o.category === 'power') return rng.int(30, 420);
  // Electric faults: switches and sockets within 2 h, lines and the rest within 12 h (5.1.2.7-3).
  if (o.category === 'electric') return subcategoryOf(o) === 'line' || !subcategoryOf(o) ? rng.int(30, 420) : rng.int(8, 45);
  if (o.category === 'elevator') return o.complexity === 'simple' ? rng.int(20, 120) : rng.int(120, 600);
  if (o.complexity === 'major') return rng.int(1440, 2400);
  if (o.complexity === 'complex') return rng.int(240, 1800);
  return rng.weighted([[rng.int(15, 59), 40], [rng.int(60, 179), 40], [rng.int(180, 480), 20]] as const);
}

function fillTimes(w: World, rng: Rng, o: WorkOrder): void {
  const a = arrivalDelay(w, rng, o);
  const d1 = Math.min(a, rng.int(0, 8));
  const d2 = d1 + Math.min(a - d1, rng.int(0, 6));
  o.dispatched = o.reported + d1;
  o.responded = o.reported + d2;
  o.arrived = o.reported + a;
  o.completed = o.arrived + repairTime(rng, o);
}

interface Picker {
  building: Building;
  weightOn: number;
  weightOff: number;
}

function buildingPickers(w: World, seed: number): Picker[] {
  const rng = new Rng(seed, 'buildings');
  const perType = new Map<string, number>();
  for (const b of w.buildings) perType.set(b.type, (perType.get(b.type) ?? 0) + 1);
  return w.buildings.map((b) => {
    const base = ((TYPE_SHARE[b.type] ?? 5) / perType.get(b.type)!) * (0.7 + 0.6 * rng.float());
    return { building: b, weightOn: base, weightOff: base * (TYPE_SHARE_OFF_DAY[b.type] ?? 1) };
  });
}

function dayWeight(w: World, day: DayInfo, rng: Rng): number {
  let x = day.working ? 1 : day.dow === 0 || day.dow === 6 ? 0.55 : 0.42;
  if (day.day - w.days[0]!.day < 14) x *= 1.3; // term opening
  const peak = (w.calendar.season_peaks ?? []).some((p) => day.date >= String(p.start) && day.date <= String(p.end));
  if (peak) x *= 1.15;
  return x * (0.85 + 0.3 * rng.float());
}

/** Split `total` over the days in proportion to their weights (largest remainder, exact total). */
export function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((x) => (sum > 0 ? (x / sum) * total : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]] = out[order[k]![1]]! + 1;
  return out;
}

function naturalOrders(w: World, pickers: Picker[], day: DayInfo, count: number, seed: number): WorkOrder[] {
  const rng = new Rng(seed, `wo:${day.date}`);
  const off = !day.working;
  const bEntries = pickers.map((p) => [p.building, off ? p.weightOff : p.weightOn] as const);
  const out: WorkOrder[] = [];
  while (out.length < count) {
    const b = rng.weighted(bEntries);
    const cw = CATEGORY_WEIGHTS[b.type] ?? CATEGORY_WEIGHTS.other!;
    const category = rng.weighted(Object.entries(cw).map(([k, v]) => [k, k === 'heating' ? (day.heating ? v * 3 : 0) : v] as const));
    const priority =
      category === 'elevator'
        ? rng.weighted([['normal', 70], ['urgent', 22], ['accident', 8]] as const)
        : EMERGENCY.has(category)
          ? rng.weighted([['normal', 78], ['urgent', 19], ['accident', 3]] as const)
          : rng.weighted([['normal', 90], ['urgent', 10]] as const);
    const complexity = rng.weighted([['simple', 74], ['complex', 23], ['major', 3]] as const);
    const hours = b.type === 'dormitory' ? HOURS_RESIDENTIAL : b.type === 'venue' || b.type === 'canteen' ? HOURS_SERVICE : HOURS_DAYTIME;
    const hour = rng.weighted(hours.map((x, i) => [i, x] as const));
    const reported = day.day * 1440 + hour * 60 + rng.int(0, 59);
    const o: WorkOrder = {
      id: '',
      provider: b.provider ?? '',
      campus: b.campus,
      building: b.id,
      location: `${placeIn(rng, b.type, category)}（${rng.pick(FAULTS[category]!)}）`,
      category,
      priority,
      complexity,
      reported,
      duringClass: duringClass(w, b, reported),
      phone: `1${rng.pick(['38', '39', '51', '58', '86', '87'])}****${pad(rng.int(0, 9999), 4)}`,
      seq: out.length,
    };
    // About 1.5 % of orders carry an exclusion; they may break limits, which is what exclusions are for.
    if (rng.chance(0.015)) {
      const ex = rng.weighted([['appointment', 40], ['duplicate', 25], ['cancelled', 20], ['out-of-scope', 10], ['approved-extension', 5]] as const);
      if (ex === 'duplicate') {
        if (count - out.length < 2 || reported % 1440 > 23 * 60) {
          fillTimes(w, rng, o);
          out.push(o);
          continue;
        }
        fillTimes(w, rng, o);
        out.push(o);
        const t = reported + rng.int(5, 40);
        out.push({ ...o, reported: t, dispatched: t + rng.int(1, 5), responded: undefined, arrived: undefined, completed: undefined, duringClass: duringClass(w, b, t), exclusion: 'duplicate', phone: o.phone, seq: out.length });
        continue;
      }
      o.exclusion = ex;
      o.priority = ex === 'appointment' ? 'normal' : o.priority;
      if (ex === 'appointment') {
        o.dispatched = reported + rng.int(5, 60);
        o.responded = o.dispatched + rng.int(0, 10);
        o.arrived = (day.day + rng.int(1, 2)) * 1440 + rng.int(9 * 60, 11 * 60);
        o.completed = o.arrived + rng.int(30, 120);
      } else if (ex === 'cancelled') {
        o.dispatched = reported + rng.int(1, 10);
      } else if (ex === 'out-of-scope') {
        o.responded = reported + rng.int(5, 30);
      } else {
        fillTimes(w, rng, o);
        o.completed = o.arrived! + rng.int(1440, 4 * 1440);
      }
      out.push(o);
      continue;
    }
    fillTimes(w, rng, o);
    out.push(o);
  }
  return out;
}

interface WoInjection {
  key: string;
  expect: 'violation' | 'excluded' | 'defect';
  kind: string;
  requirement: string;
  limit?: string;
  building: string;
  category: string;
  priority: string;
  complexity?: string;
  location: string;
  reported: string;
  /** Minutes from the report; null: absent. */
  arrive: number | null;
  complete: number | null;
  exclusion?: string;
  related?: string;
  description: Described;
}

/** The injected work orders (fixed dates, far from every boundary). */
export const WORK_ORDER_INJECTIONS: readonly WoInjection[] = [
  {
    key: 'wo-late-arrival-working-hours', expect: 'violation', kind: 'late-arrival', requirement: '4.3-1', limit: 'working-hours',
    building: 'd03', category: 'water', priority: 'normal', location: '3层315室（水龙头漏水）', reported: '2026-03-10T09:20', arrive: 185, complete: 260,
    description: { zh: '工作时间（周二 09:20）报修，3小时05分后才到场（时限 1h；合同 45min）', en: 'Reported in working hours (Tue 09:20), on site 3 h 05 min later (limit 1 h; contract 45 min)' },
  },
  {
    key: 'wo-late-arrival-other-hours', expect: 'violation', kind: 'late-arrival', requirement: '4.3-1', limit: 'other-hours',
    building: 'd10', category: 'general', priority: 'normal', location: '2层公共卫生间（门锁损坏）', reported: '2026-03-21T21:10', arrive: 275, complete: 320,
    description: { zh: '周六夜间报修，4小时35分后才到场（其余时间时限 2h）', en: 'Reported Saturday night, on site 4 h 35 min later (other-hours limit 2 h)' },
  },
  {
    key: 'wo-elevator-accident-late', expect: 'violation', kind: 'late-arrival', requirement: '4.3-1', limit: 'elevator-accident',
    building: 't02', category: 'elevator', priority: 'accident', complexity: 'complex', location: '1号电梯（困人）', reported: '2026-04-08T12:20', arrive: 25, complete: 95,
    description: { zh: '电梯事故（困人）25分钟后到场（时限 10min）', en: 'Elevator accident (people trapped), on site after 25 min (limit 10 min)' },
  },
  {
    key: 'wo-emergency-late', expect: 'violation', kind: 'late-arrival', requirement: '4.3-1', limit: 'water-electric-emergency',
    building: 'd06', category: 'water', priority: 'urgent', location: '4层开水间（水管爆裂）', reported: '2026-05-12T20:15', arrive: 50, complete: 135,
    description: { zh: '水管爆裂紧急抢修，50分钟后到场（时限 15min）', en: 'Burst pipe, emergency repair on site after 50 min (limit 15 min)' },
  },
  {
    key: 'wo-elevator-fault-late', expect: 'violation', kind: 'late-arrival', requirement: '5.1.2.11-4', limit: 'elevator-fault',
    building: 'lib01', category: 'elevator', priority: 'normal', location: '2号电梯（电梯停运）', reported: '2026-03-25T10:30', arrive: 45, complete: 110,
    description: { zh: '电梯故障，维保人员45分钟后到场（时限 30min）', en: 'Elevator fault, technician on site after 45 min (limit 30 min)' },
  },
  {
    key: 'wo-class-time-late', expect: 'violation', kind: 'late-arrival', requirement: '6.2.1.6-3', limit: 'class-time-arrival',
    building: 't04', category: 'multimedia', priority: 'normal', location: '405教室（投影仪无信号）', reported: '2026-04-21T10:15', arrive: 20, complete: 35,
    description: { zh: '上课期间（第3节）报修，20分钟后到场（时限 3min）', en: 'Reported during class (period 3), on site after 20 min (limit 3 min)' },
  },
  {
    key: 'wo-lighting-late', expect: 'violation', kind: 'late-completion', requirement: '5.1.2.7-3', limit: 'lighting-repair',
    building: 'd08', category: 'lighting', priority: 'normal', location: '5层走廊（走廊灯闪烁）', reported: '2026-05-06T10:00', arrive: 30, complete: 340,
    description: { zh: '楼内照明5小时40分才修复（时限 2h）', en: 'In-building lighting repaired after 5 h 40 min (limit 2 h)' },
  },
  {
    key: 'wo-power-late', expect: 'violation', kind: 'late-completion', requirement: '5.1.2.7-3', limit: 'power-repair',
    building: 'l02', category: 'power', priority: 'urgent', location: '3楼配电箱（配电箱跳闸）', reported: '2026-06-03T09:40', arrive: 10, complete: 1550,
    description: { zh: '供电故障25小时50分才修复（时限 12h）', en: 'Supply fault repaired after 25 h 50 min (limit 12 h)' },
  },
  {
    key: 'wo-open-past-completion-limit', expect: 'violation', kind: 'open-past-limit', requirement: '5.1.2.7-3', limit: 'power-repair',
    building: 'o03', category: 'power', priority: 'normal', location: '1楼配电间（供电线路故障）', reported: '2026-07-01T09:00', arrive: 35, complete: null,
    description: { zh: '供电故障已到场但截至导出时（7月10日）仍未修复：超过 12h', en: 'Supply fault attended but still open at export time (10 July): past the 12 h limit' },
  },
  {
    key: 'wo-open-no-arrival', expect: 'violation', kind: 'open-past-limit', requirement: '4.3-1', limit: 'working-hours',
    building: 'd12', category: 'general', priority: 'normal', location: '3层公共卫生间（门锁损坏）', reported: '2026-06-29T10:00', arrive: null, complete: null,
    description: { zh: '工作时间报修，截至导出时无人到场：超过 1h', en: 'Reported in working hours, nobody on site by export time: past the 1 h limit' },
  },
  {
    key: 'wo-duplicate-original', expect: 'excluded', kind: 'compliant', requirement: '4.3-1',
    building: 'd01', category: 'water', priority: 'normal', location: '2层213室（水龙头漏水）', reported: '2026-03-16T08:40', arrive: 25, complete: 60,
    description: { zh: '被重复报修的原工单（按时到场）', en: 'The original of a duplicate report (on time)' },
  },
  {
    key: 'wo-excluded-duplicate', expect: 'excluded', kind: 'excluded', requirement: '4.3-1', exclusion: 'duplicate', related: 'wo-duplicate-original',
    building: 'd01', category: 'water', priority: 'normal', location: '2层213室（水龙头漏水）', reported: '2026-03-16T08:52', arrive: null, complete: null,
    description: { zh: '同一故障12分钟后的重复报修：无到场记录，标为重复报修，不计入时限', en: 'Same fault reported again 12 min later: no arrival, marked duplicate, not counted' },
  },
  {
    key: 'wo-excluded-extension', expect: 'excluded', kind: 'excluded', requirement: '5.1.2.7-3', exclusion: 'approved-extension',
    building: 'd05', category: 'lighting', priority: 'normal', location: '1层大厅（灯具需整体更换，等待配件）', reported: '2026-04-14T15:00', arrive: 30, complete: 2580,
    description: { zh: '照明修复用时43小时，但已批准延期，不计入 2h 时限', en: 'Lighting repaired after 43 h under an approved extension: not counted against the 2 h limit' },
  },
  {
    key: 'wo-impossible-time', expect: 'defect', kind: 'impossible-time', requirement: '4.3-1',
    building: 't06', category: 'general', priority: 'normal', location: '2层203教室（门把手松动）', reported: '2026-04-28T13:00', arrive: -40, complete: 70,
    description: { zh: '到场时间早于报修时间40分钟：记录应保留并标记（不可能的时间），不能算作按时', en: 'Arrival 40 min before the report: keep the record and flag it (impossible time); it cannot count as on time' },
  },
];

function injectedOrder(w: World, inj: WoInjection, seq: number): WorkOrder {
  const b = w.buildingById.get(inj.building);
  if (!b) throw new Error(`injection ${inj.key}: unknown building ${inj.building}`);
  const t = at(inj.reported);
  const o: WorkOrder = {
    id: '',
    provider: b.provider ?? '',
    campus: b.campus,
    building: b.id,
    location: inj.location,
    category: inj.category,
    priority: inj.priority,
    complexity: inj.complexity ?? 'simple',
    reported: t,
    duringClass: duringClass(w, b, t),
    phone: '139****2046',
    tag: inj.key,
    seq,
  };
  if (inj.arrive !== null) {
    const first = Math.max(0, Math.min(2, inj.arrive));
    o.dispatched = t + first;
    o.responded = t + first;
    o.arrived = t + inj.arrive;
  } else {
    o.dispatched = t + 3;
  }
  if (inj.complete !== null) o.completed = t + inj.complete;
  if (inj.exclusion) o.exclusion = inj.exclusion;
  return o;
}

function workOrderRecord(o: WorkOrder): Record<string, Json | undefined> {
  return {
    id: o.id,
    provider: o.provider,
    campus: o.campus,
    building: o.building,
    location: o.location,
    category: o.category,
    subcategory: subcategoryOf(o),
    priority: o.priority,
    complexity: o.complexity,
    reported_at: iso(o.reported),
    dispatched_at: o.dispatched === undefined ? undefined : iso(o.dispatched),
    responded_at: o.responded === undefined ? undefined : iso(o.responded),
    arrived_at: o.arrived === undefined ? undefined : iso(o.arrived),
    completed_at: o.completed === undefined ? undefined : iso(o.completed),
    during_class: o.duringClass,
    exclusion: o.exclusion,
  };
}

// Export layouts: every value is taken from the mapping file, read in reverse.

function reverseValues(col: MappingColumn): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [label, v] of Object.entries(col.values ?? {})) {
    const k = String(v);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(label);
  }
  return out;
}

interface Layout {
  columns: MappingColumn[];
  headers: string[];
  reverse: Map<string, Map<string, string[]>>;
}
function layoutOf(m: MappingFile, dateFormat: string): Layout {
  const headers: string[] = [];
  const reverse = new Map<string, Map<string, string[]>>();
  for (const c of m.columns) {
    const h = Array.isArray(c.header) ? c.header[0] : c.header;
    if (!h) throw new Error(`mapping ${m.id}: column ${c.field} has no header`);
    headers.push(h);
    if (c.values) reverse.set(c.field, reverseValues(c));
    if (c.field.endsWith('_at') && c.format !== dateFormat) throw new Error(`mapping ${m.id}: ${c.field} has format ${c.format}, the generator writes ${dateFormat}`);
  }
  return { columns: m.columns, headers, reverse };
}

/** Platform A renamed its categories on 1 April: earlier rows use the second label where there is one. */
const RENAMED_ON = at('2026-04-01T00:00');

function exportCells(w: World, layout: Layout, o: WorkOrder, which: 'A' | 'B'): (string | number | null)[] {
  return layout.columns.map((c): string | number | null => {
    const label = (v: string): string => {
      const labels = layout.reverse.get(c.field)?.get(v);
      if (!labels?.length) throw new Error(`mapping has no ${c.field} label for ${v}`);
      return which === 'A' && c.field === 'category' && o.reported < RENAMED_ON && labels.length > 1 ? labels[1]! : labels[0]!;
    };
    switch (c.field) {
      case 'id':
        return o.id;
      case 'provider':
        return w.providerName.get(o.provider) ?? o.provider;
      case 'campus':
        return w.campusName.get(o.campus) ?? o.campus;
      case 'building':
        return c.lookup === 'building' ? (w.buildingById.get(o.building)?.name ?? o.building) : o.building.toUpperCase();
      case 'location':
        return o.location;
      case 'category':
        return label(o.category);
      case 'priority':
        return label(o.priority);
      case 'during_class':
        return label(String(o.duringClass));
      case 'exclusion':
        return o.exclusion ? label(o.exclusion) : null;
      case 'reported_at':
      case 'responded_at':
      case 'arrived_at':
      case 'completed_at': {
        const t = c.field === 'reported_at' ? o.reported : c.field === 'responded_at' ? o.responded : c.field === 'arrived_at' ? o.arrived : o.completed;
        if (t === undefined) return null;
        return which === 'A' ? slashDate(t) : excelSerial(t);
      }
      default:
        return null;
    }
  });
}
const statusB = (o: WorkOrder): string =>
  o.exclusion === 'cancelled' || o.exclusion === 'duplicate' ? '已取消' : o.completed !== undefined ? '已完成' : o.arrived !== undefined ? '处理中' : '已派单';

// ---------------------------------------------------------------------------------------------
// Activities

interface Unit {
  key: string;
  campus: string;
  building?: string;
  area?: string;
  provider: string;
}
interface Activity {
  id: string;
  provider: string;
  activity: string;
  performed: Minute;
  campus: string;
  building?: string;
  area?: string;
  result: string;
  notes?: string;
  sort: string;
}

type PeriodKind = 'day' | 'night' | 'week' | 'month' | 'quarter' | 'semester' | 'year';
interface RoundSpec {
  activity: string;
  /** The requirement (count) it serves, for documentation. */
  requirement: string;
  units: Unit[];
  period: PeriodKind;
  /** Occurrences per unit and period at scale 1. */
  per: number;
  heatingOnly?: boolean;
  /** Only while the central air-conditioning runs (the calendar's air_conditioning_season). */
  acOnly?: boolean;
  /** Not on statutory holidays (buildings closed then, e.g. the libraries' opening hours). */
  openDaysOnly?: boolean;
  /** Time window(s) of day, minutes; one per occurrence, cycled. */
  windows: [number, number][];
  /** Multiplied by --scale (the bulk daily and nightly rounds). */
  scales?: boolean;
}

const ISSUE_NOTES: Record<string, string[]> = {
  'fire-patrol': ['消防通道堆放杂物，已清理', '灭火器压力不足，已更换'],
  'dorm-night-fire-patrol': ['发现违规电器一件，已登记收缴', '楼梯间堆放纸箱，已清理'],
  'security-patrol': ['东门护栏松动，已报修', '发现可疑人员，已劝离'],
  'lighting-check': ['3层走廊灯不亮，已报修', '楼梯间声控灯失灵，已报修'],
  'common-area-inspection': ['2楼窗户玻璃破损，已报修', '1楼地砖松动，已报修'],
  'power-room-inspection': ['2号变压器温度偏高，加强观察'],
  'dorm-safety-patrol': ['宿舍楼门禁故障，已报修'],
};

function unitsOf(w: World): {
  campuses: (provider: string) => Unit[];
  buildings: (types?: string[]) => Unit[];
  places: (scope: string) => Unit[];
} {
  return {
    campuses: (provider) => w.register.campuses.map((c) => ({ key: c.id, campus: c.id, provider })),
    buildings: (types) =>
      w.buildings.filter((b) => !types || types.includes(b.type)).map((b) => ({ key: b.id, campus: b.campus, building: b.id, provider: b.provider ?? '' })),
    places: (scope) => w.places.filter((p) => p.scope === scope).map((p) => ({ key: p.id, campus: p.campus, area: p.id, provider: p.provider ?? '' })),
  };
}

const HUAYU = 'huayu-property';
const XINYUAN = 'xinyuan-service';
const JIALE = 'jiale-catering';

function roundSpecs(w: World): RoundSpec[] {
  const u = unitsOf(w);
  const day = (a: number, b: number): [number, number] => [hm(`${a}:00`), hm(`${b}:00`)];
  return [
    { activity: 'fire-patrol', requirement: '5.2.4.3', units: u.campuses(HUAYU), period: 'day', per: 1, windows: [day(9, 12), day(14, 17)], scales: true },
    { activity: 'dorm-night-fire-patrol', requirement: '5.2.4.3', units: u.buildings(['dormitory']), period: 'night', per: 2, windows: [[hm('22:15'), hm('23:45')], [hm('24:30'), hm('28:30')]], scales: true },
    { activity: 'fire-inspection', requirement: '5.2.4.4', units: u.campuses(HUAYU), period: 'month', per: 1, windows: [day(9, 11)] },
    { activity: 'fire-drill', requirement: '5.2.4.5', units: u.campuses(HUAYU), period: 'year', per: 1, windows: [day(15, 16)] },
    { activity: 'fire-training', requirement: '5.2.4.7', units: u.campuses(HUAYU), period: 'semester', per: 1, windows: [day(14, 16)] },
    { activity: 'facility-patrol', requirement: '5.1.2.9-5', units: u.campuses(XINYUAN), period: 'day', per: 1, windows: [day(8, 10)], scales: true },
    { activity: 'power-room-inspection', requirement: '5.1.2.7-2-b', units: u.places('power-room'), period: 'day', per: 2, windows: [[hm('08:40'), hm('09:40')], [hm('15:30'), hm('16:30')]], scales: true },
    { activity: 'power-supply-overhaul', requirement: '5.1.2.7-1', units: u.campuses(XINYUAN), period: 'year', per: 1, windows: [day(8, 10)] },
    { activity: 'pump-inspection', requirement: '5.1.2.8-1', units: u.campuses(XINYUAN), period: 'day', per: 1, windows: [day(10, 12)], scales: true },
    { activity: 'high-pressure-pump-overhaul', requirement: '5.1.2.8-2', units: u.campuses(XINYUAN), period: 'month', per: 1, windows: [day(9, 11)] },
    { activity: 'water-tank-cleaning', requirement: '5.1.2.8-2', units: u.places('water-tank'), period: 'year', per: 1, windows: [day(8, 10)] },
    { activity: 'water-quality-test', requirement: '5.1.2.8-2', units: u.places('water-tank'), period: 'year', per: 1, windows: [day(14, 16)] },
    { activity: 'lighting-check', requirement: '5.1.2.6-1', units: u.buildings(['teaching', 'office', 'laboratory', 'dormitory']), period: 'day', per: 1, windows: [day(18, 21)], scales: true },
    { activity: 'structure-observation', requirement: '5.1.1.4-1', units: u.buildings(), period: 'year', per: 1, windows: [day(9, 11)] },
    { activity: 'building-envelope-inspection', requirement: '5.1.1.4-2', units: u.buildings(), period: 'quarter', per: 1, windows: [day(9, 16)] },
    { activity: 'common-area-inspection', requirement: '5.1.1.4-3', units: u.buildings(), period: 'week', per: 1, windows: [day(9, 16)] },
    { activity: 'heating-safety-check', requirement: '5.1.2.10-3', units: u.campuses(XINYUAN), period: 'day', per: 1, windows: [day(7, 9)], scales: true },
    { activity: 'softened-water-test', requirement: '5.1.2.10-3', units: u.places('boiler-room'), period: 'day', per: 2, heatingOnly: true, windows: [day(8, 10), day(15, 17)], scales: true },
    { activity: 'heating-network-check', requirement: '5.1.2.10-4-b', units: u.campuses(XINYUAN), period: 'day', per: 1, heatingOnly: true, windows: [day(10, 12)], scales: true },
    { activity: 'ac-inspection', requirement: '5.1.2.12-2', units: u.campuses(XINYUAN), period: 'day', per: 2, acOnly: true, windows: [day(9, 11), day(15, 17)], scales: true },
    { activity: 'cooling-system-cleaning', requirement: '5.1.2.12-2', units: u.campuses(XINYUAN), period: 'week', per: 1, acOnly: true, windows: [day(9, 11)] },
    // 6.2.2.3: one round in every hour the libraries are open (register: 08:00–22:00, closed on holidays).
    { activity: 'library-patrol', requirement: '6.2.2.3', units: u.buildings(['library']), period: 'day', per: 14, openDaysOnly: true, windows: Array.from({ length: 14 }, (_, h): [number, number] => [hm(`${8 + h}:05`), hm(`${8 + h}:50`)]) },
    { activity: 'security-patrol', requirement: '5.2.2.2', units: u.campuses(HUAYU), period: 'day', per: 2, windows: [day(10, 12), day(20, 22)], scales: true },
    { activity: 'hazard-survey', requirement: '5.2.2.3', units: u.campuses(HUAYU), period: 'semester', per: 1, windows: [day(9, 11)] },
    { activity: 'dorm-disinfection', requirement: '5.3.5', units: u.buildings(['dormitory']), period: 'quarter', per: 1, windows: [day(14, 17)] },
    { activity: 'disinfection', requirement: '5.3.5', units: u.places('sanitation-point'), period: 'quarter', per: 1, windows: [day(14, 17)] },
    { activity: 'dorm-safety-patrol', requirement: '6.1.1.4', units: u.buildings(['dormitory']), period: 'day', per: 1, windows: [day(14, 17)], scales: true },
    { activity: 'multimedia-check', requirement: '6.2.1.2-a', units: u.buildings(['teaching']), period: 'week', per: 1, windows: [day(7, 8)] },
    { activity: 'multimedia-maintenance', requirement: '6.2.1.2-a', units: u.buildings(['teaching']), period: 'semester', per: 2, windows: [day(12, 13)] },
    { activity: 'school-opinion-survey', requirement: '9.2', units: u.campuses(HUAYU), period: 'month', per: 2, windows: [day(10, 11)] },
    { activity: 'school-opinion-survey', requirement: '9.2', units: u.campuses(XINYUAN), period: 'month', per: 1, windows: [day(10, 11)] },
    { activity: 'school-opinion-survey', requirement: '9.2', units: u.campuses(JIALE), period: 'month', per: 1, windows: [day(10, 11)] },
    { activity: 'service-self-check', requirement: 'nantong-supervision:daily-self-check', units: u.places('service-centre'), period: 'day', per: 1, windows: [day(16, 17)], scales: true },
    { activity: 'food-safety-check', requirement: 'nantong-supervision:weekly-key-checks', units: u.buildings(['canteen']).map((x) => ({ ...x, provider: JIALE })), period: 'week', per: 1, windows: [day(10, 11)] },
    { activity: 'vehicle-safety-check', requirement: 'nantong-supervision:weekly-key-checks', units: u.places('vehicle-fleet'), period: 'week', per: 1, windows: [day(8, 9)] },
  ];
}

interface ActivityInjection {
  key: string;
  activity: string;
  requirement: string;
  count: string;
  unit: string;
  /** Day (or night start) for daily/nightly grids; YYYY-MM for monthly ones. */
  period: string;
  expected: number;
  actual: number;
  description: Described;
}

export const ACTIVITY_INJECTIONS: readonly ActivityInjection[] = [
  {
    key: 'night-patrol-short-d03', activity: 'dorm-night-fire-patrol', requirement: '5.2.4.3', count: 'dorm-night-fire-patrol', unit: 'd03', period: '2026-03-12', expected: 2, actual: 1,
    description: { zh: '学生公寓3号楼 3月12日夜间只巡查1次（应不少于2次）', en: 'Dormitory d03, night of 12 March: 1 night fire patrol (at least 2)' },
  },
  {
    key: 'night-patrol-missing-d11', activity: 'dorm-night-fire-patrol', requirement: '5.2.4.3', count: 'dorm-night-fire-patrol', unit: 'd11', period: '2026-06-08', expected: 2, actual: 0,
    description: { zh: '学生公寓11号楼 6月8日夜间无防火巡查记录', en: 'Dormitory d11, night of 8 June: no night fire patrol' },
  },
  {
    key: 'fire-patrol-missing-east', activity: 'fire-patrol', requirement: '5.2.4.3', count: 'fire-patrol', unit: 'east', period: '2026-05-20', expected: 1, actual: 0,
    description: { zh: '东校区 5月20日无防火巡查记录', en: 'East campus, 20 May: no fire patrol' },
  },
  {
    key: 'power-room-short-east', activity: 'power-room-inspection', requirement: '5.1.2.7-2-b', count: 'power-room-inspection', unit: 'east-power-room', period: '2026-04-22', expected: 2, actual: 1,
    description: { zh: '东校区主配电室 4月22日只巡检1次（宜每日2次）', en: 'East main power room, 22 April: 1 round (should be 2 a day)' },
  },
  {
    key: 'fire-inspection-missing-east', activity: 'fire-inspection', requirement: '5.2.4.4', count: 'fire-inspection', unit: 'east', period: '2026-05', expected: 1, actual: 0,
    description: { zh: '东校区 2026年5月无全面防火检查', en: 'East campus, May 2026: no full fire inspection' },
  },
];

interface PeriodSlot {
  label: string;
  days: DayInfo[];
}
function periodsOf(w: World, kind: Exclude<PeriodKind, 'day' | 'night'>): PeriodSlot[] {
  const key = (d: DayInfo): string => {
    switch (kind) {
      case 'week':
        return dateOf(d.day - ((d.dow + 6) % 7));
      case 'month':
        return d.month;
      case 'quarter':
        return `${d.date.slice(0, 4)}-Q${Math.floor((Number(d.date.slice(5, 7)) - 1) / 3) + 1}`;
      case 'semester':
        return w.term.id;
      case 'year':
        return d.date.slice(0, 4);
    }
  };
  const out = new Map<string, DayInfo[]>();
  for (const d of w.days) {
    const k = key(d);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(d);
  }
  return [...out].map(([label, days]) => ({ label, days }));
}

function pickTime(rng: Rng, day: number, win: [number, number]): Minute {
  return day * 1440 + rng.int(win[0], win[1] - 1);
}

/** Every activity occurrence, by the date of performed_at (ids are assigned later, in time order). */
function planActivities(w: World, seed: number, scale: number): Map<string, Activity[]> {
  const byDate = new Map<string, Activity[]>();
  const add = (a: Activity): void => {
    const d = dateOf(Math.floor(a.performed / 1440));
    if (!byDate.has(d)) byDate.set(d, []);
    byDate.get(d)!.push(a);
  };
  const injected = new Map(ACTIVITY_INJECTIONS.map((x) => [`${x.activity}|${x.unit}|${x.period}`, x.actual]));
  for (const spec of roundSpecs(w)) {
    const rng = new Rng(seed, `act:${spec.activity}:${spec.units[0]?.provider ?? ''}`);
    const make = (unit: Unit, t: Minute): Activity => {
      const issue = rng.chance(0.03) && ISSUE_NOTES[spec.activity] !== undefined;
      const a: Activity = { id: '', provider: unit.provider, activity: spec.activity, performed: t, campus: unit.campus, result: issue ? 'issue' : 'ok', sort: `${spec.activity}|${unit.key}` };
      if (unit.building) a.building = unit.building;
      if (unit.area) a.area = unit.area;
      if (issue) a.notes = rng.pick(ISSUE_NOTES[spec.activity]!);
      return a;
    };
    if (spec.period === 'day' || spec.period === 'night') {
      const n = spec.per * (spec.scales ? scale : 1);
      for (const d of w.days) {
        if (spec.heatingOnly && !d.heating) continue;
        if (spec.acOnly && !d.ac) continue;
        if (spec.openDaysOnly && d.holiday) continue;
        for (const unit of spec.units) {
          // Natural data: the required number, sometimes one more; injected cells: exactly their count.
          const count = injected.get(`${spec.activity}|${unit.key}|${d.date}`) ?? n + (rng.chance(0.08) ? 1 : 0);
          for (let k = 0; k < count; k++) add(make(unit, pickTime(rng, d.day, spec.windows[k % spec.windows.length]!)));
        }
      }
      continue;
    }
    for (const slot of periodsOf(w, spec.period)) {
      // A weekly duty while the air-conditioning runs falls on its running days (a week is due if any day is).
      const days = spec.acOnly ? slot.days.filter((d) => d.ac) : slot.days;
      if (!days.length) continue;
      const working = days.filter((d) => d.working);
      const pool = working.length ? working : days;
      for (const unit of spec.units) {
        const count = injected.get(`${spec.activity}|${unit.key}|${slot.label}`) ?? spec.per;
        for (let k = 0; k < count; k++) {
          // Spread repeated occurrences over the period: k-th of n in the k-th part of it.
          const lo = Math.floor((k * pool.length) / count);
          const hi = Math.max(lo, Math.floor(((k + 1) * pool.length) / count) - 1);
          const d = pool[rng.int(lo, hi)]!;
          add(make(unit, pickTime(rng, d.day, spec.windows[k % spec.windows.length]!)));
        }
      }
    }
  }
  return byDate;
}

// ---------------------------------------------------------------------------------------------
// Complaints, equipment counts, measurements, surveys

interface Complaint {
  id: string;
  provider: string;
  received: Minute;
  registered?: Minute;
  dispatched?: Minute;
  replied?: Minute;
  resolved?: Minute;
  channel: string;
  complexity: string;
  exclusion?: string;
  /** Cause found when handled (complaints.cause); drawn from its own stream so the other data stay as they were. */
  cause?: string;
  tag?: string;
  seq: number;
}

interface ComplaintInjection {
  key: string;
  provider: string;
  received: string;
  /** Minutes from receipt; null: absent. */
  registered: number;
  dispatched: number;
  resolved: number | null;
  replied: number | null;
  channel: string;
  kind: string;
  description: Described;
}
export const COMPLAINT_INJECTIONS: readonly ComplaintInjection[] = [
  {
    key: 'cp-late-reply', provider: HUAYU, received: '2026-04-09T10:00', registered: 20, dispatched: 60, resolved: 1740, replied: 1830, channel: 'phone', kind: 'late-reply',
    description: { zh: '投诉30小时30分后才反馈（时限 24h）', en: 'Complaint answered after 30 h 30 min (limit 24 h)' },
  },
  {
    key: 'cp-open-past-limit', provider: JIALE, received: '2026-06-20T12:30', registered: 30, dispatched: 90, resolved: null, replied: null, channel: 'online', kind: 'open-past-limit',
    description: { zh: '投诉截至导出时（7月10日）仍未反馈：超过 24h', en: 'Complaint still unanswered at export time (10 July): past the 24 h limit' },
  },
];

function naturalComplaints(w: World, day: DayInfo, count: number, seed: number): Complaint[] {
  const rng = new Rng(seed, `cp:${day.date}`);
  const causes = new Rng(seed, `cp-cause:${day.date}`);
  const out: Complaint[] = [];
  for (let i = 0; i < count; i++) {
    const received = day.day * 1440 + rng.weighted(HOURS_RESIDENTIAL.map((x, h) => [h, h >= 7 && h <= 22 ? x : 0] as const)) * 60 + rng.int(0, 59);
    const c: Complaint = {
      id: '',
      provider: rng.weighted([[HUAYU, 55], [XINYUAN, 25], [JIALE, 20]] as const),
      received,
      channel: rng.weighted([['online', 35], ['phone', 30], ['wechat', 20], ['in-person', 10], ['mailbox', 5]] as const),
      complexity: rng.weighted([['simple', 80], ['complex', 20]] as const),
      cause: causes.weighted([['facility', 45], ['attitude', 20], ['policy', 15], ['service-error', 5], ['other', 15]] as const),
      seq: i,
    };
    let reply = rng.int(60, 1200); // within 24 h with at least 4 h to spare
    // Answers are given between 08:00 and 22:00: a night-time answer moves to the next morning,
    // or back to the evening when the morning would leave less than 4 h to spare.
    const mod = (received + reply) % 1440;
    if (mod >= 22 * 60 || mod < 8 * 60) {
      const morning = received + reply + ((8 * 60 - mod + 1440) % 1440) + rng.int(0, 90);
      reply = morning - received <= 1200 ? morning - received : reply - ((mod - 21 * 60 + 1440) % 1440) - rng.int(1, 30);
    }
    if (reply < 30) reply = 30;
    const disp = rng.int(5, Math.max(5, Math.floor(reply / 3)));
    c.registered = received + rng.int(1, Math.max(1, disp - 1));
    c.dispatched = received + disp;
    if (rng.chance(0.03)) {
      c.exclusion = rng.pick(['duplicate', 'out-of-scope']);
      c.dispatched = undefined;
    } else {
      c.replied = received + reply;
      c.resolved = c.replied - rng.int(0, Math.min(120, reply - disp));
    }
    out.push(c);
  }
  return out;
}

function complaintRecord(c: Complaint): Record<string, Json | undefined> {
  const t = (x?: Minute): string | undefined => (x === undefined ? undefined : iso(x));
  return { id: c.id, provider: c.provider, received_at: iso(c.received), registered_at: t(c.registered), dispatched_at: t(c.dispatched), replied_at: t(c.replied), resolved_at: t(c.resolved), channel: c.channel, complexity: c.complexity, cause: c.cause, exclusion: c.exclusion };
}

/** Monthly counts per campus; `broken` is the share out of order, drawn in [lo, hi]. */
const EQUIPMENT: readonly { kind: string; provider: string; totals: Record<string, number>; broken: [number, number] }[] = [
  { kind: 'street-lights', provider: XINYUAN, totals: { main: 420, east: 260 }, broken: [0.004, 0.025] }, // ≥ 95 % (5.1.2.6-2): at worst 97.5 %
  { kind: 'monitoring', provider: HUAYU, totals: { main: 680, east: 410 }, broken: [0.001, 0.012] }, // ≥ 97 % (5.2.3.2-a): at worst 98.8 %
  { kind: 'classroom-equipment', provider: HUAYU, totals: { main: 312, east: 186 }, broken: [0, 0] }, // 100 % (6.2.1.2-b)
  { kind: 'equipment-in-use', provider: XINYUAN, totals: { main: 1240, east: 730 }, broken: [0, 0] }, // 100 % (5.1.2.3-c)
  { kind: 'fire-hydrants', provider: HUAYU, totals: { main: 96, east: 58 }, broken: [0, 0.02] },
  { kind: 'extinguishers', provider: HUAYU, totals: { main: 1850, east: 1040 }, broken: [0, 0.004] },
];
const STREET_LIGHT_INJECTION = { key: 'street-lights-low-main-april', campus: 'main', month: '2026-04', broken: 68 };

const SURVEY_QUESTIONS: Record<string, string[]> = {
  [HUAYU]: ['报修响应及时', '维修质量', '公共区域保洁', '安全秩序', '服务态度'],
  [XINYUAN]: ['设施设备运行', '供暖与空调', '维修质量', '服务态度'],
  [JIALE]: ['饭菜质量', '食品安全', '价格', '就餐环境', '服务态度'],
};

const TEMP_COLD = { key: 'room-temperature-low-east-station', station: 'east-station-1', from: '2026-03-02', to: '2026-03-08' };
const SHELF_BAD = { key: 'misshelving-high-lib02-may', building: 'lib02', month: '2026-05' };

// ---------------------------------------------------------------------------------------------
// The generator

export interface SampleOptions {
  outDir: string;
  seed?: number;
  scale?: number;
  /** Number of work orders; default BASE_WORK_ORDERS × scale. */
  workOrders?: number;
  /** Write exports/ (default true). */
  exports?: boolean;
  /** Project root holding standards/ (default: this repository). */
  root?: string;
}

export async function generateSample(opts: SampleOptions): Promise<Manifest> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number ≥ 1, got ${scale}`);
  const totalWo = opts.workOrders ?? BASE_WORK_ORDERS * scale;
  if (!Number.isInteger(totalWo) || totalWo < WORK_ORDER_INJECTIONS.length) throw new Error(`work orders must be a whole number ≥ ${WORK_ORDER_INJECTIONS.length}, got ${totalWo}`);
  const withExports = opts.exports ?? true;
  const w = loadWorld(opts.root);
  const out = opts.outDir;
  mkdirSync(out, { recursive: true });
  const manifest: Manifest = {
    generator: 'engine/sample/generate.ts',
    seed,
    scale,
    work_orders: totalWo,
    exports: withExports,
    term: w.term,
    as_of: AS_OF,
    timezone: w.calendar.timezone,
    checked_requirements: [...CHECKED_REQUIREMENTS],
    counts: {},
    files: {},
    violations: [],
    excluded: [],
    defects: [],
  };
  const idOf = new Map<string, string>();
  const lineOf = new Map<string, number>();

  // --- work orders, day by day ---------------------------------------------------------------
  const woN = new ChunkWriter(join(out, 'work-orders.ndjson'));
  const woC = new ChunkWriter(join(out, 'work-orders.csv'));
  woC.line(RECORD_FIELDS['work-orders'].join(','));
  const layA = layoutOf(w.mappingA, 'yyyy/M/d H:mm');
  const layB = layoutOf(w.mappingB, 'excel-serial');
  let gbk: ChunkWriter | undefined;
  let xwb: ExcelStream.xlsx.WorkbookWriter | undefined;
  let xws: Worksheet | undefined;
  let xRow = 0;
  const dateCols: number[] = [];
  if (withExports) {
    gbk = new ChunkWriter(join(out, 'exports', 'repair-platform.csv'), encodeGb18030);
    gbk.line(csvRow([...layA.headers, '联系电话']), '\r\n');
    mkdirSync(join(out, 'exports'), { recursive: true });
    xwb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(out, 'exports', 'service-hall.xlsx'), useStyles: true, useSharedStrings: false });
    xwb.creator = '后勤一站式服务大厅';
    xwb.lastModifiedBy = '后勤一站式服务大厅';
    xwb.created = FIXED_FILE_DATE;
    xwb.modified = FIXED_FILE_DATE;
    const sheet = w.mappingB.sheet ?? '报修明细';
    xws = xwb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: w.mappingB.header_row ?? 2 }] });
    xws.columns = [...layB.headers, '处理状态'].map((h, i) => ({ key: `c${i}`, width: h.length > 4 ? 20 : 12 }));
    layB.columns.forEach((c, i) => c.field.endsWith('_at') && dateCols.push(i + 1));
    xws.mergeCells(1, 1, 1, layB.headers.length + 1);
    const title = xws.getRow(1);
    title.getCell(1).value = `${sheet}导出 2026年春季学期（${w.term.start} 至 ${w.term.end}）`;
    title.getCell(1).font = { bold: true, size: 14 };
    title.commit();
    const head = xws.getRow(2);
    [...layB.headers, '处理状态'].forEach((h, i) => {
      head.getCell(i + 1).value = h;
      head.getCell(i + 1).font = { bold: true };
    });
    head.commit();
    xRow = 2;
  }
  const writeA = (cells: (string | number | null)[], extra: string): number => gbk!.line(csvRow([...cells.map((v) => (v === null ? '' : String(v))), extra]), '\r\n');
  const writeB = (cells: (string | number | null)[], extra: string): number => {
    const row = xws!.getRow(++xRow);
    cells.forEach((v, i) => {
      if (v === null || v === '') return;
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (typeof v === 'number' && dateCols.includes(i + 1)) cell.numFmt = 'yyyy/m/d h:mm';
    });
    row.getCell(cells.length + 1).value = extra;
    row.commit();
    return xRow;
  };

  const pickers = buildingPickers(w, seed);
  const dayRng = new Rng(seed, 'days');
  const weights = w.days.map((d) => dayWeight(w, d, dayRng));
  const injByDate = new Map<string, WoInjection[]>();
  for (const inj of WORK_ORDER_INJECTIONS) {
    const d = inj.reported.slice(0, 10);
    if (!injByDate.has(d)) injByDate.set(d, []);
    injByDate.get(d)!.push(inj);
  }
  const perDay = apportion(weights, totalWo - WORK_ORDER_INJECTIONS.length);
  const exportDefectRng = new Rng(seed, 'export-defects');
  let woSeq = 0;
  const exportDefect = (key: string, kind: string, file: string, pos: { line?: number; row?: number }, description: Described, extra: Partial<ManifestDefect> = {}): void => {
    manifest.defects.push({ key, kind, file, ...pos, record_kind: 'work-orders', ...extra, description });
  };
  // A synthetic (defective) export row on `date`, based on a natural-looking order.
  const defectOrder = (id: string, building: string, local: string): WorkOrder => {
    const b = w.buildingById.get(building)!;
    const t = at(local);
    return { id, provider: b.provider ?? '', campus: b.campus, building, location: `${exportDefectRng.int(1, 5)}层走廊（门锁损坏）`, category: 'general', priority: 'normal', complexity: 'simple', reported: t, dispatched: t + 3, responded: t + 5, arrived: t + 25, completed: t + 70, duringClass: false, phone: '158****0713', seq: 0 };
  };

  for (let di = 0; di < w.days.length; di++) {
    const day = w.days[di]!;
    const orders = naturalOrders(w, pickers, day, perDay[di]!, seed);
    for (const inj of injByDate.get(day.date) ?? []) orders.push(injectedOrder(w, inj, orders.length));
    orders.sort((a, b) => a.reported - b.reported || a.seq - b.seq);
    for (const o of orders) {
      o.id = `WO-2026-${pad(++woSeq, 6)}`;
      const rec = workOrderRecord(o);
      const line = woN.line(ndjson('work-orders', rec));
      woC.line(canonicalCsvRow('work-orders', rec));
      if (o.tag) {
        idOf.set(o.tag, o.id);
        lineOf.set(o.tag, line);
      }
      if (gbk && o.campus === 'main') writeA(exportCells(w, layA, o, 'A'), o.phone);
      if (xws && o.campus !== 'main') writeB(exportCells(w, layB, o, 'B'), statusB(o));
    }
    // Defects planted in the export files (never in the canonical ones).
    if (gbk && xws) {
      const mainFirst = orders.find((o) => o.campus === 'main');
      if (day.date === '2026-03-18') {
        const o = defectOrder('WO-2026-X00001', 'd02', '2026-03-18T15:20');
        const cells = exportCells(w, layA, o, 'A');
        cells[layA.columns.findIndex((c) => c.field === 'category')] = '门窗';
        exportDefect('gbk-unknown-category', 'unknown-value', 'exports/repair-platform.csv', { line: writeA(cells, o.phone) },
          { zh: '报修类别“门窗”不在映射的取值表中', en: 'Category 门窗 is not among the mapping\'s values' }, { records: [o.id], field: 'category', value: '门窗' });
      }
      if (day.date === '2026-04-02' && mainFirst) {
        const o = { ...defectOrder(mainFirst.id, 't01', '2026-04-02T16:45'), location: '3楼卫生间（水龙头漏水）', category: 'water' };
        exportDefect('gbk-duplicate-id', 'duplicate-id', 'exports/repair-platform.csv', { line: writeA(exportCells(w, layA, o, 'A'), o.phone) },
          { zh: `工单编号 ${mainFirst.id} 出现两次，内容不同`, en: `Work-order id ${mainFirst.id} appears twice with different contents` }, { records: [mainFirst.id], field: 'id', value: mainFirst.id });
      }
      if (day.date === '2026-04-10') {
        const o = defectOrder('WO-2026-X00002', 'd04', '2026-04-10T08:07');
        const cells = exportCells(w, layA, o, 'A');
        cells[layA.columns.findIndex((c) => c.field === 'reported_at')] = '2026/4/31 8:07';
        exportDefect('gbk-malformed-date', 'malformed-date', 'exports/repair-platform.csv', { line: writeA(cells, o.phone) },
          { zh: '报修时间“2026/4/31 8:07”不是有效日期（4月没有31日）', en: 'Reported time 2026/4/31 8:07 is not a valid date (April has 30 days)' }, { records: [o.id], field: 'reported_at', value: '2026/4/31 8:07' });
      }
      if (day.date === '2026-05-14') {
        const o = { ...defectOrder('WO-2026-X00003', 'd02', '2026-05-14T11:30'), building: 'd99' };
        exportDefect('gbk-unknown-building', 'unknown-reference', 'exports/repair-platform.csv', { line: writeA(exportCells(w, layA, o, 'A'), o.phone) },
          { zh: '楼宇编号 D99 不在校园登记中', en: 'Building code D99 is not in the register' }, { records: [o.id], field: 'building', value: 'D99' });
      }
      if (day.date === '2026-03-24') {
        const o = defectOrder('', 'd09', '2026-03-24T14:10');
        exportDefect('xlsx-empty-id', 'missing-required', 'exports/service-hall.xlsx', { row: writeB(exportCells(w, layB, o, 'B'), statusB(o)) },
          { zh: '必填的单号为空', en: 'The required id (单号) is empty' }, { field: 'id', value: '' });
      }
      if (day.date === '2026-04-16') {
        const o = defectOrder('WO-2026-X00004', 't07', '2026-04-16T16:20');
        const cells = exportCells(w, layB, o, 'B');
        cells[layB.columns.findIndex((c) => c.field === 'during_class')] = '是';
        exportDefect('xlsx-unknown-flag', 'unknown-value', 'exports/service-hall.xlsx', { row: writeB(cells, statusB(o)) },
          { zh: '课堂时段“是”不在映射的取值表（Y/N）中', en: 'Class-time flag 是 is not among the mapping\'s values (Y/N)' }, { records: [o.id], field: 'during_class', value: '是' });
      }
      if (day.date === '2026-05-27') {
        const o = defectOrder('WO-2026-X00005', 'd13', '2026-05-27T10:20');
        const cells = exportCells(w, layB, o, 'B');
        cells[layB.columns.findIndex((c) => c.field === 'reported_at')] = '2026-05-32 10:20';
        exportDefect('xlsx-date-as-text', 'malformed-date', 'exports/service-hall.xlsx', { row: writeB(cells, statusB(o)) },
          { zh: '报修日期时间是文字“2026-05-32 10:20”（不是日期序列号，也不是有效日期）', en: 'Reported time is the text 2026-05-32 10:20 (not a serial date-time, not a valid date)' }, { records: [o.id], field: 'reported_at', value: '2026-05-32 10:20' });
      }
    }
    await woN.flush();
    await woC.flush();
    await gbk?.flush();
    if (xws) await xlsxBackPressure(xws);
  }
  await woN.close();
  await woC.close();
  manifest.counts['work-orders'] = woSeq;
  manifest.files['work-orders.ndjson'] = { bytes: woN.bytes, records: woSeq };
  manifest.files['work-orders.csv'] = { bytes: woC.bytes, records: woSeq };
  if (gbk) {
    await gbk.close();
    manifest.files['exports/repair-platform.csv'] = { bytes: gbk.bytes, records: gbk.lines - 1 };
  }
  if (xwb && xws) {
    xws.commit();
    await xwb.commit();
    const path = join(out, 'exports', 'service-hall.xlsx');
    fixZipTimestamps(path);
    manifest.files['exports/service-hall.xlsx'] = { bytes: statSync(path).size, records: xRow - 2 };
  }

  for (const inj of WORK_ORDER_INJECTIONS) {
    const id = idOf.get(inj.key)!;
    if (inj.expect === 'violation') {
      manifest.violations.push({ key: inj.key, kind: inj.kind, requirement: inj.requirement, limit: inj.limit, record_kind: 'work-orders', records: [id], description: inj.description });
    } else if (inj.expect === 'excluded' && inj.exclusion) {
      const e: ManifestExcluded = { key: inj.key, exclusion: inj.exclusion, requirement: inj.requirement, record_kind: 'work-orders', records: [id], description: inj.description };
      if (inj.related) e.related = [idOf.get(inj.related)!];
      manifest.excluded.push(e);
    } else if (inj.expect === 'defect') {
      const line = lineOf.get(inj.key)!;
      manifest.defects.push({ key: inj.key, kind: inj.kind, file: 'work-orders.ndjson', line, record_kind: 'work-orders', records: [id], field: 'arrived_at', description: inj.description });
      manifest.defects.push({ key: `${inj.key}-csv`, kind: inj.kind, file: 'work-orders.csv', line: line + 1, record_kind: 'work-orders', records: [id], field: 'arrived_at', description: inj.description });
    }
  }

  // --- complaints ------------------------------------------------------------------------------
  {
    const total = Math.max(COMPLAINT_INJECTIONS.length, Math.round(totalWo * COMPLAINT_RATIO));
    const cpRng = new Rng(seed, 'cp-days');
    const per = apportion(w.days.map((d) => dayWeight(w, d, cpRng)), total - COMPLAINT_INJECTIONS.length);
    const cw = new ChunkWriter(join(out, 'complaints.ndjson'));
    let seq = 0;
    const ids = new Map<string, string>();
    for (let di = 0; di < w.days.length; di++) {
      const day = w.days[di]!;
      const list = naturalComplaints(w, day, per[di]!, seed);
      for (const inj of COMPLAINT_INJECTIONS) {
        if (inj.received.slice(0, 10) !== day.date) continue;
        const t = at(inj.received);
        list.push({
          id: '', provider: inj.provider, received: t, registered: t + inj.registered, dispatched: t + inj.dispatched,
          resolved: inj.resolved === null ? undefined : t + inj.resolved, replied: inj.replied === null ? undefined : t + inj.replied,
          channel: inj.channel, complexity: 'simple', tag: inj.key, seq: list.length,
        });
      }
      list.sort((a, b) => a.received - b.received || a.seq - b.seq);
      for (const c of list) {
        c.id = `CP-2026-${pad(++seq, 6)}`;
        if (c.tag) ids.set(c.tag, c.id);
        cw.line(ndjson('complaints', complaintRecord(c)));
      }
      await cw.flush();
    }
    await cw.close();
    manifest.counts.complaints = seq;
    manifest.files['complaints.ndjson'] = { bytes: cw.bytes, records: seq };
    for (const inj of COMPLAINT_INJECTIONS) {
      manifest.violations.push({ key: inj.key, kind: inj.kind, requirement: '4.3-2', limit: 'complaint-feedback', record_kind: 'complaints', records: [ids.get(inj.key)!], description: inj.description });
    }
  }

  // --- activities ------------------------------------------------------------------------------
  {
    const byDate = planActivities(w, seed, scale);
    const aw = new ChunkWriter(join(out, 'activities.ndjson'));
    let seq = 0;
    const dates = [...byDate.keys()].sort();
    const cellIds = new Map<string, string[]>();
    const nightOf = (t: Minute): string => dateOf(Math.floor((t - 6 * 60) / 1440));
    for (const d of dates) {
      const list = byDate.get(d)!;
      list.sort((a, b) => a.performed - b.performed || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
      for (const a of list) {
        a.id = `AC-2026-${pad(++seq, 6)}`;
        const unit = a.building ?? a.area ?? a.campus;
        const period = a.activity === 'dorm-night-fire-patrol' ? nightOf(a.performed) : a.activity === 'fire-inspection' ? d.slice(0, 7) : d;
        const k = `${a.activity}|${unit}|${period}`;
        if (!cellIds.has(k)) cellIds.set(k, []);
        cellIds.get(k)!.push(a.id);
        aw.line(ndjson('activities', { id: a.id, provider: a.provider, activity: a.activity, performed_at: iso(a.performed), campus: a.campus, building: a.building, area: a.area, result: a.result, notes: a.notes }));
      }
      await aw.flush();
    }
    await aw.close();
    manifest.counts.activities = seq;
    manifest.files['activities.ndjson'] = { bytes: aw.bytes, records: seq };
    for (const inj of ACTIVITY_INJECTIONS) {
      const unitKey = inj.activity === 'dorm-night-fire-patrol' ? 'building' : inj.activity === 'power-room-inspection' ? 'area' : 'campus';
      const periodKey = inj.activity === 'dorm-night-fire-patrol' ? 'night' : inj.activity === 'fire-inspection' ? 'month' : 'date';
      const v: ManifestViolation = {
        key: inj.key, kind: 'missing-activity', requirement: inj.requirement, count: inj.count, record_kind: 'activities',
        cell: { activity: inj.activity, [unitKey]: inj.unit, [periodKey]: inj.period }, expected: inj.expected, actual: inj.actual, description: inj.description,
      };
      const have = cellIds.get(`${inj.activity}|${inj.unit}|${inj.period}`);
      if (have?.length) v.records = have;
      manifest.violations.push(v);
    }
  }

  // --- equipment counts --------------------------------------------------------------------------
  {
    const rng = new Rng(seed, 'equipment');
    const ew = new ChunkWriter(join(out, 'equipment-counts.ndjson'));
    const months = [...new Set(w.days.map((d) => d.month))];
    let n = 0;
    for (const m of months) {
      const date = w.days.filter((d) => d.month === m).at(-1)!.date; // month end, or the last day of term
      for (const c of w.register.campuses) {
        for (const e of EQUIPMENT) {
          const total = e.totals[c.id]! + rng.int(0, 3);
          const injected = e.kind === 'street-lights' && c.id === STREET_LIGHT_INJECTION.campus && m === STREET_LIGHT_INJECTION.month;
          const drawn = Math.floor(total * (e.broken[0] + (e.broken[1] - e.broken[0]) * rng.float()));
          const broken = injected ? STREET_LIGHT_INJECTION.broken : drawn;
          ew.line(ndjson('equipment-counts', { date, provider: e.provider, campus: c.id, kind: e.kind, total, intact: total - broken }));
          n++;
          if (injected) {
            manifest.violations.push({
              key: STREET_LIGHT_INJECTION.key, kind: 'rate-below', requirement: '5.1.2.6-2', record_kind: 'equipment-counts',
              cell: { kind: 'street-lights', campus: c.id, month: m, date }, expected: '≥ 95 %', actual: `${total - broken}/${total} = ${(((total - broken) / total) * 100).toFixed(1)} %`,
              description: { zh: `本部4月路灯完好率 ${(((total - broken) / total) * 100).toFixed(1)}%（应不低于95%）`, en: `Main campus street lights in April ${(((total - broken) / total) * 100).toFixed(1)} % intact (at least 95 %)` },
            });
          }
        }
      }
    }
    await ew.close();
    manifest.counts['equipment-counts'] = n;
    manifest.files['equipment-counts.ndjson'] = { bytes: ew.bytes, records: n };
  }

  // --- measurements ------------------------------------------------------------------------------
  {
    const rng = new Rng(seed, 'measurements');
    const mw = new ChunkWriter(join(out, 'measurements.ndjson'));
    let seq = 0;
    const stations = w.places.filter((p) => p.scope === 'boiler-room');
    const libraries = w.buildings.filter((b) => b.type === 'library');
    const points = 6 * scale;
    const coldIds: string[] = [];
    const shelfIds: string[] = [];
    let shelfSampled = 0;
    let shelfMisplaced = 0;
    for (const day of w.days) {
      const recs: Record<string, Json | undefined>[] = [];
      if (day.heating) {
        for (const s of stations) {
          for (let p = 1; p <= points; p++) {
            const cold = s.id === TEMP_COLD.station && day.date >= TEMP_COLD.from && day.date <= TEMP_COLD.to;
            const value = cold ? Math.round(rng.around(16.3, 1.1) * 10) / 10 : Math.round(rng.around(20.7, 2.0) * 10) / 10;
            recs.push({ tag: cold ? 'cold' : undefined, provider: s.provider, kind: 'room-temperature', measured_at: iso(day.day * 1440 + rng.int(hm('07:40'), hm('08:20'))), campus: s.campus, point: `${s.id}-p${p}`, station: s.id, value, unit: 'celsius' });
          }
        }
      }
      // Weekly shelf audits: the first working day from Wednesday on, else Wednesday.
      const monday = day.day - ((day.dow + 6) % 7);
      const auditDay = w.days.find((d) => d.day >= monday + 2 && d.day <= monday + 4 && d.working)?.day ?? monday + 2;
      if (day.day === auditDay) {
        for (const lib of libraries) {
          const sampled = rng.int(400, 600);
          const bad = lib.id === SHELF_BAD.building && day.month === SHELF_BAD.month;
          const misplaced = bad ? rng.int(22, 28) : rng.chance(0.35) ? 1 : 0;
          recs.push({ tag: bad ? 'shelf' : undefined, provider: lib.provider, kind: 'shelf-audit', measured_at: iso(day.day * 1440 + rng.int(hm('15:00'), hm('16:30'))), campus: lib.campus, building: lib.id, sampled, misplaced });
          if (bad) {
            shelfSampled += sampled;
            shelfMisplaced += misplaced;
          }
        }
      }
      recs.sort((a, b) => (String(a.measured_at) < String(b.measured_at) ? -1 : String(a.measured_at) > String(b.measured_at) ? 1 : 0));
      for (const r of recs) {
        r.id = `MS-2026-${pad(++seq, 6)}`;
        if (r.tag === 'cold') coldIds.push(String(r.id));
        if (r.tag === 'shelf') shelfIds.push(String(r.id));
        mw.line(ndjson('measurements', r));
      }
      await mw.flush();
    }
    await mw.close();
    manifest.counts.measurements = seq;
    manifest.files['measurements.ndjson'] = { bytes: mw.bytes, records: seq };
    manifest.violations.push({
      key: TEMP_COLD.key, kind: 'rate-below', requirement: '5.1.2.10-5', record_kind: 'measurements', records: coldIds,
      cell: { kind: 'room-temperature', station: TEMP_COLD.station, from: TEMP_COLD.from, to: TEMP_COLD.to }, expected: '≥ 97 % of readings ≥ 18 ℃', actual: `${coldIds.length} readings below 18 ℃`,
      description: { zh: `东校区换热站 ${TEMP_COLD.from} 至 ${TEMP_COLD.to} 所有测温点低于18℃（共${coldIds.length}个读数），该站达标率远低于97%`, en: `East station: every point below 18 ℃ from ${TEMP_COLD.from} to ${TEMP_COLD.to} (${coldIds.length} readings); the station's pass rate is far below 97 %` },
    });
    manifest.violations.push({
      key: SHELF_BAD.key, kind: 'rate-above', requirement: '6.2.2.4-4', record_kind: 'measurements', records: shelfIds,
      cell: { kind: 'shelf-audit', building: SHELF_BAD.building, month: SHELF_BAD.month }, expected: '< 5 ‰', actual: `${shelfMisplaced}/${shelfSampled} = ${((shelfMisplaced / shelfSampled) * 1000).toFixed(1)} ‰`,
      description: { zh: `东校区图书馆5月错架率 ${((shelfMisplaced / shelfSampled) * 1000).toFixed(1)}‰（应低于5‰），每次抽查都超标`, en: `East library misshelving in May ${((shelfMisplaced / shelfSampled) * 1000).toFixed(1)} ‰ (below 5 ‰ required), every audit above the limit` },
    });
  }

  // --- surveys -----------------------------------------------------------------------------------
  {
    const rng = new Rng(seed, 'surveys');
    const sw = new ChunkWriter(join(out, 'surveys.ndjson'));
    let n = 0;
    const full = [...new Set(w.days.map((d) => d.month))].filter((m) => w.days.some((d) => d.date === `${m}-01`) && w.days.some((d) => d.date.startsWith(m) && Number(d.date.slice(8)) >= 28));
    for (const m of full) {
      // The companies' users are surveyed monthly; the office's own units are not in this survey.
      for (const p of w.register.providers.filter((x) => x.kind !== 'office')) {
        const respondents = rng.int(150, 400) * scale;
        const satisfied = Math.round(respondents * (0.92 + rng.float() * 0.05));
        // Per-question results: every respondent answers every question; satisfaction 88–99 % each.
        const questions = (SURVEY_QUESTIONS[p.id] ?? SURVEY_QUESTIONS[HUAYU]!).map((question) => ({ question, respondents, satisfied: Math.round(respondents * (0.88 + rng.float() * 0.11)) }));
        sw.line(JSON.stringify({ provider: p.id, period: m, respondents, satisfied, questions }));
        n++;
      }
    }
    await sw.close();
    manifest.counts.surveys = n;
    manifest.files['surveys.ndjson'] = { bytes: sw.bytes, records: n };
  }

  // --- canonical files with defects (defects/) ---------------------------------------------------
  {
    const fresh = (id: string, building: string, local: string): Record<string, Json | undefined> => workOrderRecord(defectOrder(id, building, local));
    const dn = new ChunkWriter(join(out, 'defects', 'work-orders.ndjson'));
    const items: [string, string, Record<string, Json | undefined>, Described, string?, string?][] = [
      ['ndjson-duplicate-id', 'duplicate-id', { ...fresh('WO-2026-X00010', 'd07', '2026-03-03T10:40'), location: '1层大厅（灯管不亮）', category: 'lighting' }, { zh: 'id WO-2026-X00010 在本文件第 1、2 行出现两次，内容不同（跨文件的相同 id 是更正，不是缺陷）', en: 'id WO-2026-X00010 appears on lines 1 and 2 with different contents (the same id in another file is a correction, not a defect)' }, 'id', 'WO-2026-X00010'],
      ['ndjson-unknown-category', 'unknown-value', { ...fresh('WO-2026-X00011', 'd02', '2026-03-04T09:30'), category: 'door' }, { zh: '类别 door 不在词表中', en: 'Category door is not in the vocabulary' }, 'category', 'door'],
      ['ndjson-malformed-time', 'malformed-date', { ...fresh('WO-2026-X00012', 'd04', '2026-03-05T08:07'), reported_at: '2026-03-05 8:07' }, { zh: '报修时间 “2026-03-05 8:07” 不是 ISO 8601', en: 'Reported time 2026-03-05 8:07 is not ISO 8601' }, 'reported_at', '2026-03-05 8:07'],
      ['ndjson-missing-id', 'missing-required', { ...fresh('', 't03', '2026-03-06T14:50'), id: undefined }, { zh: '缺少必填的 id', en: 'The required id is missing' }, 'id', ''],
      ['ndjson-unknown-building', 'unknown-reference', { ...fresh('WO-2026-X00013', 'd02', '2026-03-09T11:05'), building: 'd99' }, { zh: '楼宇 d99 不在校园登记中', en: 'Building d99 is not in the register' }, 'building', 'd99'],
      ['ndjson-wrong-type', 'wrong-type', { ...fresh('WO-2026-X00014', 't01', '2026-03-10T10:20'), during_class: '上课' }, { zh: 'during_class 应为 true/false，却是文字“上课”', en: 'during_class should be true/false, is the text 上课' }, 'during_class', '上课'],
    ];
    // A valid record first: the duplicate-id item repeats its id on the next line.
    dn.line(ndjson('work-orders', { ...fresh('WO-2026-X00010', 'd07', '2026-03-03T10:12'), location: '1层大厅（灯管不亮）', category: 'lighting' }));
    for (const [key, kind, rec, description, field, value] of items) {
      const line = dn.line(ndjson('work-orders', rec));
      manifest.defects.push({ key, kind, file: 'defects/work-orders.ndjson', line, record_kind: 'work-orders', records: rec.id ? [String(rec.id)] : undefined, field, value, description });
    }
    await dn.close();
    const dc = new ChunkWriter(join(out, 'defects', 'work-orders.csv'));
    dc.line(RECORD_FIELDS['work-orders'].join(','));
    const csvItems: [string, string, Record<string, Json | undefined>, Described, string, string][] = [
      ['csv-malformed-date', 'malformed-date', { ...fresh('WO-2026-X00021', 'd05', '2026-04-10T08:07'), reported_at: '2026-04-10 8点07分' }, { zh: '报修时间 “2026-04-10 8点07分” 格式错误', en: 'Reported time 2026-04-10 8点07分 is malformed' }, 'reported_at', '2026-04-10 8点07分'],
      ['csv-invalid-date', 'malformed-date', { ...fresh('WO-2026-X00022', 'd06', '2026-03-02T09:00'), reported_at: '2026-02-30T09:00:00+08:00' }, { zh: '报修时间 2026-02-30 不存在', en: 'Reported date 2026-02-30 does not exist' }, 'reported_at', '2026-02-30T09:00:00+08:00'],
      ['csv-unknown-priority', 'unknown-value', { ...fresh('WO-2026-X00023', 'o01', '2026-04-13T15:40'), priority: 'critical' }, { zh: '紧急程度 critical 不在词表中', en: 'Priority critical is not in the vocabulary' }, 'priority', 'critical'],
    ];
    for (const [key, kind, rec, description, field, value] of csvItems) {
      const line = dc.line(canonicalCsvRow('work-orders', rec));
      manifest.defects.push({ key, kind, file: 'defects/work-orders.csv', line, record_kind: 'work-orders', records: [String(rec.id)], field, value, description });
    }
    await dc.close();
    manifest.files['defects/work-orders.ndjson'] = { bytes: dn.bytes, records: items.length + 1 };
    manifest.files['defects/work-orders.csv'] = { bytes: dc.bytes, records: csvItems.length };
  }

  // The logistics office's own units (general office, logistics office): office/*.ndjson.
  generateOffice(w, seed, out, manifest);
  // The office's supervision: the units' document lists.
  generateChecks(w, seed, opts.root ?? ROOT, out, manifest);
  // The supervisors' inspection rounds of the term, from the planner: phone exports and round workbooks.
  {
    const root = opts.root ?? ROOT;
    const tree = loadTree(findYamlFiles([join(root, 'standards')]), root);
    const office = tree.noticeConfigs[0]?.value.office ?? '后勤管理处';
    await generateInspections({ trees: [tree], seed, out, office }, manifest);
    // The 24-hour watches' duty rosters (judged minute by minute against the watches' staffing).
    generateDuty(w, seed, tree, out, manifest);
  }
  // Scheduled events and when each was ready (the readiness leads of 6.1.5.2, 6.2.1.6-1, 6.2.4.2, 6.2.5.2).
  generateEvents(w, seed, out, manifest);

  const text = JSON.stringify(manifest, null, 2) + '\n';
  await writeText(join(out, 'manifest.json'), text);
  return manifest;
}

/**
 * exceljs's streaming writer pushes sheet XML into the zip's deflate stream without waiting for it, so
 * a fast producer piles up memory. Wait until the deflate stream (an exceljs internal, used only if
 * present) has taken in what was written.
 */
async function xlsxBackPressure(ws: Worksheet): Promise<void> {
  type State = { length?: number };
  type Pipe = { writableLength?: number; _writableState?: State; _readableState?: State };
  const pipe = (ws as unknown as { _stream?: { pipes?: Pipe[] } })._stream?.pipes?.[0];
  const pending = (): number => (pipe?.writableLength ?? pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  for (let spins = 0; pending() > 4 << 20 && spins < 10_000; spins++) await new Promise((r) => setTimeout(r, 2));
}

async function writeText(path: string, text: string): Promise<void> {
  const wr = new ChunkWriter(path);
  wr.line(text, '');
  await wr.close();
}
