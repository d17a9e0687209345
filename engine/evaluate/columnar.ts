// The fast path of per-case timeliness: the same decisions as judgeCase(), made over the columnar
// projection (engine/store/columns.ts) instead of one object per record.
//
// Which limit applies depends only on the case fields its conditions read (category, priority, building
// type, working hours …), so the conditions are run — by the same evaluator, json-rules-engine's
// semantics — once per distinct combination of those values, and every case with that combination reuses
// the answer. Whether the chosen limit was met is the limit's own comparison on two numbers. The
// requirement tests and a differential test run both paths on the same cases and compare every outcome.
import { dayNumber, type WorkingCalendar } from '../calendar/calendar.ts';
import { clockStart } from './clock.ts';
import type { Columns } from '../store/columns.ts';
import type { CompiledLimit, CompiledTimeliness } from './compile.ts';
import { paths, test, type Condition } from './conditions.ts';

export const O_NONE = 0;
export const O_MET = 1;
export const O_MISSED = 2;
export const O_OPEN_BREACHED = 3;
export const O_OPEN_PENDING = 4;
export const O_IMPOSSIBLE = 5;
export const O_EXCLUDED = 6;
export const O_CAL_UNKNOWN = 7;
export const O_CLASS_FLAG = 8;
export const OUTCOME_NAMES = ['none', 'met', 'missed', 'open-breached', 'open-pending', 'impossible-time', 'excluded', 'calendar-unknown', 'class-flag-mismatch'] as const;

/** Fields the evaluator sets only after a limit is chosen: never read while choosing one. */
const LATE = new Set(['start_ms', 'stop_ms', 'elapsed_seconds', 'open', 'excluded', 'impossible']);

/** Derived per-row facts of one month, computed once and shared by every requirement that reads them. */
export class CaseChunk {
  readonly col: Columns;
  private readonly cal: WorkingCalendar;
  get calendar(): WorkingCalendar {
    return this.cal;
  }
  readonly startField: string;
  private wh?: Uint8Array;
  private dc?: Uint8Array;
  private excl?: boolean[];
  private byProvider?: Map<string, Int32Array>;
  readonly memo = new Map<object, Map<number, number>>();

  constructor(col: Columns, cal: WorkingCalendar, startField: string) {
    this.col = col;
    this.cal = cal;
    this.startField = startField;
  }

  /** Row indices of one provider, in record-key order. */
  rowsOf(provider: string): Int32Array {
    if (!this.byProvider) {
      const codes = this.col.codes('provider');
      const dict = this.col.dict('provider');
      const lists = dict.map(() => [] as number[]);
      for (let i = 0; i < codes.length; i++) lists[codes[i]!]!.push(i);
      this.byProvider = new Map(dict.map((v, c) => [String(v), Int32Array.from(lists[c]!)]));
    }
    return this.byProvider.get(provider) ?? new Int32Array(0);
  }
  /** Working hours at the start of each case: 0 no, 1 yes, 2 unknown (no holiday notice). */
  workingHours(): Uint8Array {
    if (!this.wh) {
      const start = this.col.time(this.startField);
      const wh = new Uint8Array(start.length);
      for (let i = 0; i < start.length; i++) wh[i] = this.cal.workingHoursState(start[i]!);
      this.wh = wh;
    }
    return this.wh;
  }
  /** Class time at the start of each case, from the timetable: 0 or 1. */
  duringClass(): Uint8Array {
    if (!this.dc) {
      const start = this.col.time(this.startField);
      const dc = new Uint8Array(start.length);
      for (let i = 0; i < start.length; i++) dc[i] = this.cal.duringClassValue(start[i]!) ? 1 : 0;
      this.dc = dc;
    }
    return this.dc;
  }
  /** Whether each exclusion code is truthy (a reason given). */
  excluded(): boolean[] {
    if (!this.excl) this.excl = this.col.has('exclusion') ? this.col.dict('exclusion').map((v) => Boolean(v)) : [false];
    return this.excl;
  }
}

/** How one compiled requirement reads a case: the fields its limit choice depends on. */
interface Plan {
  fields: { name: string; source: 'code' | 'working-hours' | 'during-class' | 'building-type' | 'absent' }[];
}
const plans = new WeakMap<CompiledTimeliness, Plan>();

function planOf(c: CompiledTimeliness): Plan {
  let p = plans.get(c);
  if (p) return p;
  const names = new Set<string>();
  for (const l of c.limits) {
    const applies = l.applies.conditions as Condition;
    for (const x of paths(applies)) {
      // Only the case fact exists while a limit is chosen; any other fact reads as undefined.
      if (x.fact === 'case' && x.path) names.add(x.path.slice(2));
    }
    // The met rule must be the applies conditions plus one comparison: that is what metFast() decides.
    const met = (l.met.conditions as { all?: Condition[] }).all;
    const app = (l.applies.conditions as { all?: Condition[] }).all;
    if (!met || !app || met.length !== app.length + 1 || JSON.stringify(met.slice(0, -1)) !== JSON.stringify(app)) {
      throw new Error(`internal: rule ${l.met.name} is not applies + one comparison`);
    }
  }
  const fields: Plan['fields'] = [];
  for (const name of names) {
    if (LATE.has(name)) fields.push({ name, source: 'absent' });
    else if (name === 'working_hours') fields.push({ name, source: c.readsWorkingHours ? 'working-hours' : 'absent' });
    else if (name === 'during_class') fields.push({ name, source: c.readsDuringClass ? 'during-class' : 'code' });
    else if (name === 'building_type') fields.push({ name, source: 'building-type' });
    else fields.push({ name, source: 'code' });
  }
  p = { fields };
  plans.set(c, p);
  return p;
}

export interface RowJudgement {
  outcome: number;
  limit: number;
  /** Seconds from start to stop, when both are known. */
  elapsed: number;
  deadline: number;
  /** Epoch ms of the chosen limit's stop time; NaN while the case is open. */
  stop: number;
  note?: string;
}

/**
 * Judge rows of one month against one requirement. `compiledFor(day)` gives the rules in force on a case's
 * report day. Calls `visit` in row order for every row the requirement covers (or cannot decide for want of
 * a holiday notice), with the outcome judgeCase() would give.
 */
export function judgeRows(
  chunk: CaseChunk,
  rows: ArrayLike<number>,
  compiledFor: (day: number) => CompiledTimeliness,
  ctx: { cal: WorkingCalendar; buildingType: Map<string, string>; asOf: number },
  visit: (i: number, c: CompiledTimeliness, j: RowJudgement) => void,
): void {
  const col = chunk.col;
  const start = col.time(chunk.startField);
  const day = col.day;
  const excl = chunk.excluded();
  const exclCodes = col.has('exclusion') ? col.codes('exclusion') : undefined;
  const j: RowJudgement = { outcome: O_NONE, limit: -1, elapsed: Number.NaN, deadline: Number.NaN, stop: Number.NaN };
  const dayDeadlines = new Map<string, { known: boolean; ms: number; message?: string }>();
  let lastDay = Number.NaN;
  let c: CompiledTimeliness | undefined;
  let reader: ((i: number) => number) | undefined;
  let choose: ((i: number) => number) | undefined;
  let flagKey: ((i: number) => number) | undefined;
  let flagDiffers: Uint8Array | undefined;
  let stops: Float64Array[] = [];

  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const d = day[i]!;
    if (d !== lastDay) {
      const next = compiledFor(d);
      if (next !== c) {
        c = next;
        const sig = signature(chunk, c, ctx.buildingType);
        reader = sig.key;
        choose = sig.choose;
        flagKey = sig.flagKey;
        flagDiffers = sig.flagDiffers;
        stops = c.limits.map((l) => stopColumn(col, l));
      }
      lastDay = d;
    }
    const startMs = start[i]!;
    j.outcome = O_NONE;
    j.limit = -1;
    j.elapsed = Number.NaN;
    j.deadline = Number.NaN;
    j.stop = Number.NaN;
    j.note = undefined;
    const li = choose!(reader!(i));
    if (li === -2) {
      j.outcome = O_CAL_UNKNOWN;
      visit(i, c!, j);
      continue;
    }
    if (flagDiffers && flagDiffers[i]) {
      // The provider's during_class flag contradicts the timetable: a data finding where it changes the limit.
      const byFlag = choose!(flagKey!(i));
      if (byFlag !== li && byFlag !== -2) {
        j.limit = li >= 0 ? li : byFlag;
        j.outcome = exclCodes && excl[exclCodes[i]!] ? O_EXCLUDED : O_CLASS_FLAG;
        visit(i, c!, j);
        continue;
      }
    }
    if (li === -1) continue; // the requirement does not cover this case: nothing to report
    const lim: CompiledLimit = c!.limits[li]!;
    j.limit = li;
    if (exclCodes && excl[exclCodes[i]!]) {
      j.outcome = O_EXCLUDED;
      visit(i, c!, j);
      continue;
    }
    // A limit with service hours starts its clock at the next opening when the case came in outside them.
    let clockMs = startMs;
    let clockDay = d;
    if (lim.clock) {
      const cs = clockStart(ctx.cal, startMs, lim.clock);
      if (!cs.known) {
        j.outcome = O_CAL_UNKNOWN;
        j.note = cs.message;
        visit(i, c!, j);
        continue;
      }
      clockMs = cs.ms;
      clockDay = dayNumber(ctx.cal.localDate(clockMs));
    }
    let deadline: number;
    if (lim.unit === 'duration') deadline = clockMs + lim.amount * 1000;
    else {
      // A day-counted deadline depends only on the local day the clock started: memoised per day.
      const key = `${li}|${lim.unit}|${lim.amount}|${clockDay}`;
      let dl = dayDeadlines.get(key);
      if (!dl) {
        const r = lim.unit === 'working-days' ? ctx.cal.addWorkingDays(clockMs, lim.amount) : ctx.cal.addDays(clockMs, lim.amount);
        dl = r.known ? { known: true, ms: r.deadline.getTime() } : { known: false, ms: Number.NaN, message: r.message };
        dayDeadlines.set(key, dl);
      }
      if (!dl.known) {
        j.outcome = O_CAL_UNKNOWN;
        j.note = dl.message;
        visit(i, c!, j);
        continue;
      }
      deadline = dl.ms;
    }
    j.deadline = deadline;
    const stopMs = stops[li]![i]!;
    j.stop = stopMs;
    if (stopMs !== stopMs) {
      // No stop time: the case is still open.
      j.outcome = ctx.asOf > deadline ? O_OPEN_BREACHED : O_OPEN_PENDING;
      visit(i, c!, j);
      continue;
    }
    // Elapsed time runs from the clock start (an answer before the office opens has taken no time).
    j.elapsed = (lim.clock ? Math.max(0, stopMs - clockMs) : stopMs - startMs) / 1000;
    if (stopMs < startMs && !lim.before) j.outcome = O_IMPOSSIBLE;
    else if (lim.unit === 'duration' ? j.elapsed <= lim.amount : stopMs <= deadline) j.outcome = O_MET;
    else j.outcome = O_MISSED;
    visit(i, c!, j);
  }
}

/**
 * For one compiled requirement over one month: a numeric key per row from the values its limit choice
 * reads, and the choice per key (limit index, -1 none, -2 calendar unknown), decided once by test().
 */
function signature(
  chunk: CaseChunk,
  c: CompiledTimeliness,
  buildingType: Map<string, string>,
): { key: (i: number) => number; choose: (key: number) => number; flagKey?: (i: number) => number; flagDiffers?: Uint8Array } {
  const plan = planOf(c);
  const col = chunk.col;
  type Part = { codes: ArrayLike<number>; radix: number; value: (code: number) => unknown };
  const parts: Part[] = [];
  const names: string[] = [];
  let whPart = -1;
  let dcPart = -1;
  let flagCodes: Uint8Array | undefined;
  let flagDiffers: Uint8Array | undefined;
  for (const f of plan.fields) {
    if (f.source === 'absent') continue;
    names.push(f.name);
    if (f.source === 'working-hours') {
      whPart = parts.length;
      parts.push({ codes: chunk.workingHours(), radix: 3, value: (x) => x === 1 });
    } else if (f.source === 'during-class') {
      // The registered timetable decides; the provider's flag only where no timetable is registered.
      // Where both exist and disagree, the row is also keyed by the flag to see whether that changes the limit.
      const own = col.has('during_class') ? col.codes('during_class') : new Uint8Array(col.rows);
      const ownDict = col.has('during_class') ? col.dict('during_class') : [undefined];
      const tt = chunk.duringClass();
      const timetable = (chunk.calendar.school.class_periods?.length ?? 0) > 0;
      const merged = new Uint8Array(col.rows);
      const byFlag = new Uint8Array(col.rows);
      const differs = new Uint8Array(col.rows);
      let any = false;
      for (let i = 0; i < merged.length; i++) {
        const v = ownDict[own[i]!];
        const flag = typeof v === 'boolean' ? (v ? 1 : 0) : -1;
        merged[i] = timetable || flag < 0 ? tt[i]! : flag;
        byFlag[i] = flag < 0 ? merged[i]! : flag;
        if (byFlag[i] !== merged[i]) {
          differs[i] = 1;
          any = true;
        }
      }
      dcPart = parts.length;
      if (any) {
        flagCodes = byFlag;
        flagDiffers = differs;
      }
      parts.push({ codes: merged, radix: 2, value: (x) => x === 1 });
    } else if (f.source === 'building-type') {
      const dict = col.has('building') ? col.dict('building') : [undefined];
      parts.push({ codes: col.has('building') ? col.codes('building') : new Uint8Array(col.rows), radix: dict.length, value: (x) => (dict[x] ? buildingType.get(String(dict[x])) : undefined) });
    } else {
      if (!col.has(f.name) || col.isTime(f.name)) {
        // A date-time read by a limit's conditions is text in the reference path; not generated by the compiler.
        throw new Error(`internal: limit conditions read case.${f.name}, which the fast path does not project`);
      }
      const dict = col.dict(f.name);
      parts.push({ codes: col.codes(f.name), radix: dict.length, value: (x) => dict[x] });
    }
  }
  const mult: number[] = [];
  let m = 1;
  for (const p of parts) {
    mult.push(m);
    m *= p.radix;
  }
  if (m > Number.MAX_SAFE_INTEGER) throw new Error('internal: limit-choice signature overflows');
  let memo = chunk.memo.get(c);
  if (!memo) {
    memo = new Map();
    chunk.memo.set(c, memo);
  }
  const cache = memo;
  const key =
    parts.length === 0
      ? () => 0
      : parts.length === 1
        ? (i: number) => parts[0]!.codes[i]!
        : parts.length === 2
          ? (i: number) => parts[0]!.codes[i]! + parts[1]!.codes[i]! * mult[1]!
          : (i: number) => {
              let s = 0;
              for (let p = 0; p < parts.length; p++) s += parts[p]!.codes[i]! * mult[p]!;
              return s;
            };
  const choose = (k: number): number => {
    let r = cache.get(k);
    if (r !== undefined) return r;
    // Rebuild the fact object this combination stands for and run the limits as judgeCase() does.
    const fact: Record<string, unknown> = {};
    let unknown = false;
    let rest = k;
    for (let p = parts.length - 1; p >= 0; p--) {
      const code = Math.floor(rest / mult[p]!);
      rest -= code * mult[p]!;
      fact[names[p]!] = parts[p]!.value(code);
      if (p === whPart && code === 2) unknown = true;
    }
    r = -1;
    for (let li = 0; li < c.limits.length; li++) {
      const l = c.limits[li]!;
      if (unknown && l.readsWorkingHours) {
        r = -2;
        break;
      }
      if (test(l.applies.conditions, { case: fact })) {
        r = li;
        break;
      }
    }
    cache.set(k, r);
    return r;
  };
  const fc = flagCodes;
  const flagKey = fc ? (i: number): number => key(i) + (fc[i]! - parts[dcPart]!.codes[i]!) * mult[dcPart]! : undefined;
  return { key, choose, ...(flagKey ? { flagKey, flagDiffers } : {}) };
}

const mergedStops = new WeakMap<Columns, Map<string, Float64Array>>();

/**
 * The instant the clock stops, per row: the stop field, or — when the limit names events the stop cannot
 * precede (4.3-2: a result is fed back no earlier than the investigation is complete) — the latest of the
 * stop and those that are recorded. NaN while the stop itself is missing.
 */
export function stopColumn(col: Columns, l: CompiledLimit): Float64Array {
  const stop = col.time(l.stop);
  if (!l.stopNotBefore.length) return stop;
  let m = mergedStops.get(col);
  if (!m) mergedStops.set(col, (m = new Map()));
  const key = [l.stop, ...l.stopNotBefore].join('|');
  let out = m.get(key);
  if (!out) {
    out = Float64Array.from(stop);
    for (const f of l.stopNotBefore) {
      if (!col.has(f)) continue;
      const t = col.time(f);
      for (let i = 0; i < out.length; i++) if (t[i]! > out[i]!) out[i] = t[i]!; // NaN stays NaN; an absent t is skipped
    }
    m.set(key, out);
  }
  return out;
}
