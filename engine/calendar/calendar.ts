// The working calendar: which local days are working days, whether an instant falls in working hours,
// class time or the night, and Civil Code deadlines (民法典 第二百零一条至第二百零三条).
//
// Layers, in order: weekday rule → State Council notice (holidays, 调休补班; chinese-days data) →
// the school's closures (non-working) → the school's extra_workdays (working). A day whose notice is
// not in the data is reported as known: false, never guessed; see docs/calendar.md.
import type { SchoolCalendarFile, Text, Period } from '../model/types.ts';
import { covered, coveredYears, missingNotice, notCoveredMessage, SOURCE, statutoryDay } from './statutory.ts';
import { DAY, MINUTE, zone, type Zone } from './zone.ts';

export { renderMonth, monthData, type MonthData, type Span } from './render.ts';
export { notCoveredMessage } from './statutory.ts';

export type Instant = Date | number;

/** Everything the calendar knows about one local date. Cached and frozen: treat as read-only. */
export interface DayInfo {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** false when the holiday notice for this date is not in the data (then `working` is only the Mon–Fri rule). */
  known: boolean;
  missingYear?: number;
  message?: string;
  working: boolean;
  weekend: boolean;
  /** Statutory holiday the day off belongs to (国庆节), including weekend days inside the block. */
  holiday?: string;
  holidayEn?: string;
  /** 调休补班: a weekend day worked to pay for a holiday; `makeUpFor` names that holiday. */
  makeUpWorkday: boolean;
  makeUpFor?: string;
  /** 调休: a weekday off that a make-up workday pays for. */
  inLieu: boolean;
  schoolClosure?: string;
  schoolWorkday?: string;
  /** Term id (or its Chinese name when it has no id); vacation likewise. */
  term?: string;
  vacation?: string;
  heating: boolean;
  /** Within a registered running period of the central air-conditioning (5.1.2.12). */
  airConditioning: boolean;
  peak: boolean;
  /** Both-language names for rendering (shared with the school file, not copies). */
  names: { holiday?: Text; closure?: Text; workday?: Text; term?: Text; vacation?: Text; heating?: Text; peak?: Text };
}

/** An answer that depends on a day whose notice is missing. */
export interface Unknown {
  known: false;
  missingYear: number;
  message: string;
}

export interface WorkingHoursResult {
  known: boolean;
  value: boolean;
  date: string;
  reason: 'in-hours' | 'before-hours' | 'after-hours' | 'non-working-day' | 'not-covered';
  message?: string;
}

export interface ClassResult {
  known: boolean;
  value: boolean;
  date: string;
  reason: 'in-class' | 'between-classes' | 'not-term' | 'non-working-day' | 'not-covered';
  /** Name of the class period (第3节) when in class. */
  period?: string;
  message?: string;
}

export type Deadline = { known: true; deadline: Date; lastDay: string } | Unknown;

export interface PeriodOptions {
  /** 'midnight' (default): 24:00 of the last day; 'close-of-business': the end of working hours that day (art. 203 有业务时间的). */
  endAt?: 'midnight' | 'close-of-business';
}

export interface Coverage {
  source: string;
  version: string;
  years: number[];
  from?: number;
  to?: number;
}

export interface WorkingCalendar {
  readonly school: SchoolCalendarFile;
  readonly timezone: string;
  /** Facts about a local date 'YYYY-MM-DD'. Throws RangeError on a malformed date. */
  dayInfo(date: string): DayInfo;
  /** The local date 'YYYY-MM-DD' of an instant in the calendar's zone. */
  localDate(instant: Instant): string;
  /** start <= local time < end on a working day. Times outside the hours are known even in uncovered years. */
  isWithinWorkingHours(instant: Instant): WorkingHoursResult;
  /** Inside a class period on a working day of a term (make-up workdays included; vacations and closures not). */
  isDuringClass(instant: Instant): ClassResult;
  /** n working days after the day of `start` (that day not counted); ends 24:00 of the last day unless told otherwise. */
  addWorkingDays(start: Instant, n: number, opts?: PeriodOptions): Deadline;
  /** n calendar days after the day of `start`; a last day that is not a working day moves to the next working day. */
  addDays(start: Instant, n: number, opts?: PeriodOptions): Deadline;
  /** The date a night starts on, or undefined outside night hours (22:00–06:00 unless the school says otherwise). */
  nightOf(instant: Instant): string | undefined;
  /** nightOf as a day number (NaN outside night hours), without allocating: for per-record loops. */
  nightDay(ms: number): number;
  /** isWithinWorkingHours as 0 (no), 1 (yes) or 2 (unknown: no holiday notice), without allocating. */
  workingHoursState(ms: number): 0 | 1 | 2;
  /** isDuringClass(...).value without allocating. */
  duringClassValue(ms: number): boolean;
  /** Parse 'YYYY-MM-DDTHH:mm[:ss][.sss][Z|±HH:MM]'; no offset means the calendar's zone. */
  parse(text: string): Date;
  /** 'YYYY-MM-DDTHH:mm:ss+08:00' in the calendar's zone. */
  format(instant: Instant): string;
  coverage(): Coverage;
}

// 《环境噪声污染防治法》 and common usage define 夜间 as 22:00–06:00; used when the school gives no night.
const DEFAULT_NIGHT = { start: '22:00', end: '06:00' };

export function createCalendar(school: SchoolCalendarFile): WorkingCalendar {
  const tz = school.timezone || 'Asia/Shanghai';
  const z = zone(tz);
  const whStart = hm(school.working_hours.start) * MINUTE;
  const whEnd = hm(school.working_hours.end) * MINUTE;
  if (whEnd <= whStart) throw new RangeError(`working_hours must end after they start: ${school.working_hours.start}–${school.working_hours.end}`);
  const night = school.night ?? DEFAULT_NIGHT;
  const nStart = hm(night.start) * MINUTE;
  const nEnd = hm(night.end) * MINUTE;
  if (nStart === nEnd) throw new RangeError(`night start and end are both ${night.start}`);
  const classes = (school.class_periods ?? []).map((p, i) => ({ name: p.name ?? `#${i + 1}`, start: hm(p.start) * MINUTE, end: hm(p.end) * MINUTE }));
  const closures = new Map((school.closures ?? []).map((c) => [c.date, c.name]));
  const extras = new Map((school.extra_workdays ?? []).map((c) => [c.date, c.name]));

  // One frozen DayInfo per local day number, built on first use; hot paths are a Map lookup.
  const days = new Map<number, DayInfo>();
  const day = (n: number): DayInfo => days.get(n) ?? build(n);

  function build(n: number): DayInfo {
    const date = dateOf(n);
    const weekday = ((((n + 3) % 7) + 7) % 7) + 1; // day 0 = 1970-01-01, a Thursday
    const weekend = weekday >= 6;
    const missing = missingNotice(date);
    const st = missing === undefined ? statutoryDay(date) : undefined;
    const closure = closures.get(date);
    const extra = extras.get(date);
    // The later layer wins: a date in both school lists counts as working.
    const working = extra !== undefined || (closure === undefined && (st ? !st.off : !weekend));
    // School overrides settle the answer even when the notice is missing.
    const known = missing === undefined || closure !== undefined || extra !== undefined;
    const term = periodAt(school.terms, date);
    const vacation = periodAt(school.vacations, date);
    const heating = periodAt(school.heating_season, date);
    const peak = periodAt(school.season_peaks, date);
    const ac = periodAt(school.air_conditioning_season, date);
    const holidayName = st ? { zh: st.zh, en: st.en } : undefined;
    const info: DayInfo = {
      date,
      weekday,
      known,
      ...(known ? {} : { missingYear: missing, message: notCoveredMessage(missing!) }),
      working,
      weekend,
      ...(st?.off ? { holiday: st.zh, holidayEn: st.en } : {}),
      makeUpWorkday: st !== undefined && !st.off,
      ...(st && !st.off ? { makeUpFor: st.zh } : {}),
      inLieu: st?.inLieu ?? false,
      ...(closure ? { schoolClosure: closure.zh } : {}),
      ...(extra ? { schoolWorkday: extra.zh } : {}),
      ...(term ? { term: term.id ?? term.name.zh } : {}),
      ...(vacation ? { vacation: vacation.id ?? vacation.name.zh } : {}),
      heating: heating !== undefined,
      airConditioning: ac !== undefined,
      peak: peak !== undefined,
      names: { holiday: holidayName, closure, workday: extra, term: term?.name, vacation: vacation?.name, heating: heating?.name, peak: peak?.name },
    };
    for (const k of Object.keys(info.names) as (keyof DayInfo['names'])[]) if (info.names[k] === undefined) delete info.names[k];
    Object.freeze(info.names);
    days.set(n, Object.freeze(info));
    return info;
  }

  /** Local day number and ms since local midnight. */
  const local = (instant: Instant): { n: number; t: number } => {
    const ms = typeof instant === 'number' ? instant : instant.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
    const l = ms + z.offsetAt(ms);
    const n = Math.floor(l / DAY);
    return { n, t: l - n * DAY };
  };

  const unknown = (d: DayInfo): Unknown => ({ known: false, missingYear: d.missingYear!, message: d.message! });

  const end = (n: number, opts?: PeriodOptions): Deadline => ({
    known: true,
    // 24:00 of the last day is 00:00 of the next; close of business is the working-hours end that day.
    deadline: new Date(z.fromLocal(opts?.endAt === 'close-of-business' ? n * DAY + whEnd : (n + 1) * DAY)),
    lastDay: dateOf(n),
  });

  const count = (n: number): void => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a period needs a whole number of days ≥ 1, got ${n}`);
  };

  return {
    school,
    timezone: tz,
    dayInfo: (date) => day(dayNumber(date)),
    localDate: (instant) => day(local(instant).n).date,

    isWithinWorkingHours(instant) {
      const { n, t } = local(instant);
      const d = day(n);
      const base = { date: d.date };
      if (d.known && !d.working) return { ...base, known: true, value: false, reason: 'non-working-day' };
      if (t < whStart) return { ...base, known: true, value: false, reason: 'before-hours' };
      if (t >= whEnd) return { ...base, known: true, value: false, reason: 'after-hours' };
      if (!d.known) return { ...base, known: false, value: false, reason: 'not-covered', message: d.message! };
      return { ...base, known: true, value: true, reason: 'in-hours' };
    },

    isDuringClass(instant) {
      const { n, t } = local(instant);
      const d = day(n);
      const base = { date: d.date };
      if (d.term === undefined || d.vacation !== undefined) return { ...base, known: true, value: false, reason: 'not-term' };
      if (d.known && !d.working) return { ...base, known: true, value: false, reason: 'non-working-day' };
      const p = classes.find((c) => c.start <= t && t < c.end);
      if (!p) return { ...base, known: true, value: false, reason: 'between-classes' };
      if (!d.known) return { ...base, known: false, value: false, reason: 'not-covered', message: d.message! };
      return { ...base, known: true, value: true, reason: 'in-class', period: p.name };
    },

    // Art. 201: the day of the event is not counted; counting starts the next day.
    addWorkingDays(start, n, opts) {
      count(n);
      let d = local(start).n;
      for (let left = n; left > 0; ) {
        const info = day(++d);
        if (!info.known) return unknown(info);
        if (info.working) left--;
      }
      return end(d, opts);
    },

    // Art. 203: a last day that is a day off moves on until a working day (weekends, holidays and school
    // closures alike; a make-up workday ends the period). Intermediate days need not be known.
    addDays(start, n, opts) {
      count(n);
      for (let d = local(start).n + n; ; d++) {
        const info = day(d);
        if (!info.known) return unknown(info);
        if (info.working) return end(d, opts);
      }
    },

    nightDay(ms) {
      const l = ms + z.offsetAt(ms);
      const n = Math.floor(l / DAY);
      const t = l - n * DAY;
      if (nStart < nEnd) return nStart <= t && t < nEnd ? n : Number.NaN;
      if (t >= nStart) return n;
      return t < nEnd ? n - 1 : Number.NaN;
    },

    // The same decisions as isWithinWorkingHours, in the same order.
    workingHoursState(ms) {
      const l = ms + z.offsetAt(ms);
      const n = Math.floor(l / DAY);
      const t = l - n * DAY;
      const d = day(n);
      if (d.known && !d.working) return 0;
      if (t < whStart || t >= whEnd) return 0;
      return d.known ? 1 : 2;
    },

    duringClassValue(ms) {
      const l = ms + z.offsetAt(ms);
      const n = Math.floor(l / DAY);
      const t = l - n * DAY;
      const d = day(n);
      if (d.term === undefined || d.vacation !== undefined) return false;
      if (d.known && !d.working) return false;
      if (!d.known) return false;
      for (const c of classes) if (c.start <= t && t < c.end) return true;
      return false;
    },

    // A night belongs to the date it starts on: with 22:00–06:00, 02:00 belongs to the previous date.
    nightOf(instant) {
      const { n, t } = local(instant);
      if (nStart < nEnd) return nStart <= t && t < nEnd ? dateOf(n) : undefined;
      if (t >= nStart) return dateOf(n);
      return t < nEnd ? dateOf(n - 1) : undefined;
    },

    parse: (text) => parseLocal(text, tz),
    format: (instant) => formatLocal(instant, tz),
    coverage,
  };
}

/** Years whose holiday notice is in the statutory data. */
export function coverage(): Coverage {
  const years = coveredYears();
  return { source: SOURCE.name, version: SOURCE.version, years, from: years[0], to: years.at(-1) };
}

export { covered as isYearCovered };

// ---- dates and times -------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of 'YYYY-MM-DD'; throws on malformed or impossible dates. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const n = m ? utc(+m[1]!, +m[2]!, +m[3]!) / DAY : NaN;
  if (!Number.isInteger(n) || dateOf(n) !== date) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return n;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOf(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** A month 'YYYY-MM': its first and last day, the next month, and every day of it; throws on a malformed month. */
export function monthBounds(period: string): { start: string; end: string; next: string; days: string[] } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  const y = +m[1]!;
  const mo = +m[2]!;
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  const first = dayNumber(`${period}-01`);
  const last = dayNumber(`${next}-01`) - 1;
  const days = Array.from({ length: last - first + 1 }, (_, i) => dateOf(first + i));
  return { start: `${period}-01`, end: days.at(-1)!, next, days };
}

/** Epoch ms of a UTC wall time; setUTCFullYear because Date.UTC maps years 0–99 to 19xx. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const x = new Date(0);
  x.setUTCFullYear(y, mo - 1, d);
  x.setUTCHours(h, mi, s, ms);
  return x.getTime();
}

function hm(text: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new RangeError(`not a time (HH:MM): ${text}`);
  return +m[1]! * 60 + +m[2]!;
}

function periodAt(list: Period[] | undefined, date: string): Period | undefined {
  // ISO dates compare as strings; both ends inclusive.
  return list?.find((p) => p.start <= date && date <= p.end);
}

const DT_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parse ISO 8601 'YYYY-MM-DDTHH:mm[:ss][.sss]' with an optional offset (Z, +08:00, +0800, +08).
 * Without an offset the wall time is in `tz` — never the machine's zone. Throws RangeError on bad input.
 */
export function parseLocal(text: string, tz = 'Asia/Shanghai'): Date {
  const m = DT_RE.exec(text.trim());
  const bad = (): never => {
    throw new RangeError(`not a date-time (YYYY-MM-DDTHH:mm[:ss][.sss][Z|±HH:MM]): ${text}`);
  };
  if (!m) return bad();
  const [y, mo, d, h, mi, s = 0] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)); // digits beyond ms are truncated
  if (h > 23 || mi > 59 || s > 59) bad();
  const wall = utc(y, mo, d, h, mi, s, ms);
  if (!Number.isFinite(wall) || mo < 1 || mo > 12 || dateOf(Math.floor(wall / DAY)) !== `${m[1]}-${m[2]}-${m[3]}`) bad();
  const off = m[8];
  if (!off) return new Date(zone(tz).fromLocal(wall));
  if (off.toUpperCase() === 'Z') return new Date(wall);
  const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(off)!;
  const minutes = +o[2]! * 60 + +(o[3] ?? 0);
  if (+o[2]! > 23 || +(o[3] ?? 0) > 59) bad();
  return new Date(wall - (o[1] === '-' ? -1 : 1) * minutes * MINUTE);
}

/** 'YYYY-MM-DDTHH:mm:ss±HH:MM' of an instant in `tz` (milliseconds dropped; +00:00 rather than Z, for a uniform shape). */
export function formatLocal(instant: Instant, tz = 'Asia/Shanghai'): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid instant');
  const z: Zone = zone(tz);
  const off = Math.round(z.offsetAt(ms) / MINUTE);
  const wall = new Date(ms + off * MINUTE).toISOString().slice(0, 19);
  const a = Math.abs(off);
  return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
