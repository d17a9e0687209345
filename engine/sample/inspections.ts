// The sample university walks its campus: the logistics office's supervisors (质量监督科) inspect the rounds
// `planInspections` plans for each month of the spring term, accompanied by the provider's person. Most rows
// pass; a few fail with the note a supervisor writes and photo numbers; some rows are 不适用 where that is
// plausible (no lift in the building, heating off, the opening weeks over); one round is not walked at all
// and one place of another round is left unvisited. The east campus's supervisors use the phone form
// (their exports are `inspections/<round id>.ndjson`); the main campus's fill the round workbook
// (`sampleInspectionFills`, turned into `inspections/<period>-<provider>.xlsx` by the workbook writer).
// Everything is seeded per round ('inspections:<round id>'), so adding a round changes no other round.
import { roundWorkbook, type RoundFill } from '../inspections/workbook.ts';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCalendar } from '../calendar/calendar.ts';
import { planInspections, type InspectionRound, type InspectionRow } from '../inspections/plan.ts';
import type { Tree } from '../load/tree.ts';
import type { RegisterFile, SchoolCalendarFile } from '../model/types.ts';
import { FAILURE_NOTES, type Described } from './inspection-notes.ts';
import { ndjson, type Json } from './ndjson.ts';
export { FAILURE_NOTES, INSPECTIONS_CHECKED } from './inspection-notes.ts';
import { DEFAULT_SEED, fixZipTimestamps, Rng, type Manifest } from './generate.ts';

export type { RoundFill } from '../inspections/workbook.ts';

/** The spring term's months; each round is clipped to the providers' service periods by the planner. */
export const INSPECTION_MONTHS = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'] as const;

/** The supervisors of the logistics office's 质量监督科 who walk the rounds (the office's list in the sample). */
export const INSPECTORS = ['王建国', '陈晓燕', '刘志强', '赵敏', '孙立新'] as const;

/** Who each company sends to walk with the supervisor, per campus (服务商陪同人员). */
export const ACCOMPANYING: Record<string, Record<string, string>> = {
  'huayu-property': { main: '张志华', east: '周婷' },
  'xinyuan-service': { main: '李明辉', east: '吴俊' },
  'jiale-catering': { main: '何丽', east: '郑凯' },
  'general-office': { main: '钱慧', east: '钱慧' },
};

/**
 * Failures that happen where they are scheduled and nowhere else: the blocked fire exit (5.2.4.2) is the
 * scorecard's veto item (一票否决), so it fails once in the term — in the property company's May rounds, at
 * the first of its buildings looked at for it — and never at random.
 */
export const SCHEDULED_FAILURES: { period: string; provider: string; requirement: string; note: number }[] = [
  { period: '2026-05', provider: 'huayu-property', requirement: '5.2.4.2', note: 0 },
];

/** Campuses whose supervisors carry the phone form; the others fill the printed sheet and type it into the workbook. */
export const PHONE_CAMPUSES = new Set(['east']);

/** Buildings without a lift (older five-storey blocks and the canteens): lift items are 不适用 there. */
export const NO_LIFT = new Set(['d01', 'd02', 'd03', 'd04', 'd09', 'd10', 'c01', 'c02', 'c03']);


/** Rounds that were not walked at all: their rows stay without a result (inspection-missed). */
export const MISSED_ROUNDS: { period: string; provider: string; campus: string; why: Described }[] = [
  {
    period: '2026-06',
    provider: 'jiale-catering',
    campus: 'east',
    why: { zh: '6月东校区食堂检查未进行：检查员抽调参加高考考点保障，未另行安排', en: "June's east-campus canteen round was not walked: the inspector was sent to the national exam centre and nobody was rescheduled" },
  },
];

/** A round of which the last place was not reached before the round's dates ran out. */
export const UNVISITED_PLACES: { period: string; provider: string; campus: string; why: Described }[] = [
  {
    period: '2026-04',
    provider: 'xinyuan-service',
    campus: 'main',
    why: { zh: '4月本部设施检查最后一处未到场：检查当日下午临时停电抢修，未补查', en: "April's main-campus facilities round did not reach its last place: an emergency power repair took the afternoon and the visit was not made up" },
  },
];

/** The chance that an item with a known failure note fails on a walk (most rows pass). */
const FAIL_RATE = 0.04;

/** One walked row: the fill and, for a failure, what the manifest says about it. */
export interface WalkedRow {
  row: InspectionRow;
  fill: RoundFill & { result: NonNullable<RoundFill['result']>; inspector: string; accompanied_by: string; inspected_at: string };
  failure?: Described;
}

export interface WalkedRound {
  round: InspectionRound;
  /** How the supervisor recorded it: the phone form (exported NDJSON) or the printed sheet typed into the workbook. */
  form: 'phone' | 'paper';
  /** Set when the round was not walked at all. */
  missed?: Described;
  /** Rows with a result, in the round's order (a missed round has none; an unvisited place's rows are absent). */
  rows: WalkedRow[];
  /** Rows left without a result although the round was walked (the unvisited place), with why. */
  blank?: { place: string; rows: string[]; why: Described };
}

/** The failure notes a supervisor may write for the requirement (none: it never fails in the sample). */
function notesFor(requirement: string): (Described & { types?: string[] })[] {
  return FAILURE_NOTES[requirement] ?? [];
}

interface Ctx {
  register: RegisterFile;
  calendar: SchoolCalendarFile;
  day: (date: string) => { working: boolean; heating: boolean; ac: boolean; holiday: boolean; term?: string };
  workStart: number;
  workEnd: number;
}

function context(trees: Tree[]): Ctx {
  const register = trees.flatMap((t) => t.registers)[0]?.value;
  const calendar = trees.flatMap((t) => t.calendars)[0]?.value;
  if (!register || !calendar) throw new Error('the sample inspections need the school register and calendar');
  const cal = createCalendar(calendar);
  const cache = new Map<string, ReturnType<Ctx['day']>>();
  const day = (date: string): ReturnType<Ctx['day']> => {
    let d = cache.get(date);
    if (!d) {
      const i = cal.dayInfo(date);
      d = { working: i.working, heating: i.heating, ac: i.airConditioning, holiday: i.holiday !== undefined || i.vacation !== undefined, term: i.term };
      cache.set(date, d);
    }
    return d;
  };
  return { register, calendar, day, workStart: hm(calendar.working_hours.start), workEnd: hm(calendar.working_hours.end) };
}

const hm = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (date: string, minute: number, second = 0): string => `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}+08:00`;

function datesOf(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * Why a row is 不适用 on the day it is looked at, if it is: no lift in the building, the heating or the
 * air-conditioning not running in the round's dates, the opening weeks (6.1.4) over, no holiday to patrol (6.1.3.2).
 */
function notApplicable(row: InspectionRow, dates: string[], ctx: Ctx): boolean {
  const r = row.requirement;
  if (row.place.kind === 'building' && NO_LIFT.has(row.place.id) && /电梯/.test(row.text)) return true;
  if (/^5\.1\.2\.10(-|$)/.test(r) && !dates.some((d) => ctx.day(d).heating)) return true;
  if (/^5\.1\.2\.12(-|$)/.test(r) && !dates.some((d) => ctx.day(d).ac)) return true;
  if (/^6\.1\.4(\.|-|$)/.test(r) && dates[0]! > '2026-03-15') return true;
  if (/^6\.1\.3\.2/.test(r) && !dates.some((d) => ctx.day(d).holiday)) return true;
  return false;
}

/** Walk one round: its working days, a start on one of them, places in order with travel, rows a few minutes each. */
function walk(round: InspectionRound, form: 'phone' | 'paper', ctx: Ctx, seed: number, failedCells: Set<string>): WalkedRound {
  const rng = new Rng(seed, `inspections:${round.id}`);
  const missed = MISSED_ROUNDS.find((m) => m.period === round.period && round.week === undefined && m.provider === round.provider.id && m.campus === round.campus.id);
  if (missed) return { round, form, missed: missed.why, rows: [] };
  const dates = datesOf(round.start, round.end);
  const working = dates.filter((d) => ctx.day(d).working);
  // A round whose days are all days off (a week of only a Sunday, or of a holiday) cannot be walked in working hours.
  if (working.length === 0) return { round, form, missed: { zh: `本轮检查日期（${round.start}至${round.end}）没有工作日，未检查`, en: `No working day between ${round.start} and ${round.end}: not walked` }, rows: [] };
  const unvisited = UNVISITED_PLACES.find((m) => m.period === round.period && round.week === undefined && m.provider === round.provider.id && m.campus === round.campus.id);
  const skipPlace = unvisited && round.places.length > 1 ? round.places[round.places.length - 1]!.id : undefined;
  // One or two supervisors per round; the second joins the bigger walks.
  const first = rng.pick(INSPECTORS);
  const second = rng.pick(INSPECTORS.filter((x) => x !== first));
  const inspector = round.rows.length > 40 && rng.chance(0.5) ? `${first}、${second}` : first;
  const accompanied = ACCOMPANYING[round.provider.id]?.[round.campus.id] ?? `${round.provider.name}现场负责人`;
  // Start on a working day early enough that the walk fits in the round's working days.
  const minutes = round.rows.length * 2.5 + round.places.length * 15;
  const daysNeeded = Math.ceil(minutes / (ctx.workEnd - ctx.workStart - 150));
  let di = rng.int(0, Math.max(0, Math.min(working.length - daysNeeded, Math.ceil(working.length * 0.6) - 1)));
  const lunch: [number, number] = [hm('11:45'), hm('13:30')];
  let t = ctx.workStart + 30 + rng.int(0, 40);
  const out: WalkedRow[] = [];
  let photo = 0;
  let placeAt = t;
  let prevPlace = '';
  const blankRows: string[] = [];
  for (const row of round.rows) {
    if (row.place.id === skipPlace) {
      blankRows.push(row.id);
      continue;
    }
    if (row.place.id !== prevPlace) {
      if (prevPlace) t += rng.int(8, 20);
      const here = round.rows.filter((r) => r.place.id === row.place.id).length;
      if (t >= lunch[0] && t < lunch[1]) t = lunch[1] + rng.int(0, 20);
      // A place is not started when it cannot be finished before the end of the working day.
      if (t + here * 3 > ctx.workEnd - 10 && di + 1 < working.length) {
        di++;
        t = ctx.workStart + 30 + rng.int(0, 30);
      }
      prevPlace = row.place.id;
      placeAt = t;
    }
    const date = working[di]!;
    const na = notApplicable(row, dates, ctx);
    const cell = `${round.provider.id}|${round.period}|${row.requirement}`;
    const notes = na ? [] : notesFor(row.requirement).filter((n) => !n.types || (row.place.kind === 'building' && n.types.includes(buildingType(ctx, row.place.id) ?? '')));
    const scheduled = SCHEDULED_FAILURES.find((f) => f.period === round.period && f.provider === round.provider.id && f.requirement === row.requirement);
    const random = notes.length > 0 && !SCHEDULED_FAILURES.some((f) => f.requirement === row.requirement) && rng.chance(FAIL_RATE);
    const fails = !na && !failedCells.has(cell) && (scheduled !== undefined || random);
    let fill: WalkedRow['fill'];
    let failure: Described | undefined;
    if (fails) {
      failedCells.add(cell);
      failure = scheduled ? FAILURE_NOTES[scheduled.requirement]![scheduled.note]! : rng.pick(notes);
      const n = rng.int(1, 3);
      const mmdd = date.slice(5).replace('-', '');
      const photos = Array.from({ length: n }, () => `${mmdd}-${pad(++photo)}`).join('、');
      t += rng.int(4, 8);
      fill = { result: 'failed', notes: failure.zh, photos, inspector, accompanied_by: accompanied, inspected_at: '' };
    } else {
      fill = { result: na ? 'not-applicable' : 'passed', inspector, accompanied_by: accompanied, inspected_at: '' };
    }
    t += rng.int(1, 3);
    if (t >= ctx.workEnd) t = ctx.workEnd - 1;
    // The phone stamps each row as it is tapped; on paper the supervisor writes the time of arriving at the place.
    fill.inspected_at = form === 'phone' ? stamp(date, t, rng.int(0, 59)) : stamp(date, placeAt);
    out.push({ row, fill, failure });
  }
  return { round, form, rows: out, ...(unvisited && skipPlace ? { blank: { place: skipPlace, rows: blankRows, why: unvisited.why } } : {}) };
}

function buildingType(ctx: Ctx, id: string): string | undefined {
  return ctx.register.buildings.find((b) => b.id === id)?.type;
}

const termCache = new WeakMap<Tree[], Map<string, Map<string, WalkedRound[]>>>();

/**
 * The spring term's walked rounds, month by month, from the planner. Failures are at most one per provider,
 * requirement and month (a finding lists its failed inspections; one per month keeps the sample's manifest simple).
 */
export function walkTerm(trees: Tree[], seed: number = DEFAULT_SEED, months: readonly string[] = INSPECTION_MONTHS): Map<string, WalkedRound[]> {
  const key = `${seed}|${months.join(',')}`;
  const cached = termCache.get(trees)?.get(key);
  if (cached) return cached;
  const ctx = context(trees);
  const out = new Map<string, WalkedRound[]>();
  const failed = new Set<string>();
  for (const period of months) {
    const plan = planInspections(trees, { period });
    out.set(period, plan.rounds.map((r) => walk(r, PHONE_CAMPUSES.has(r.campus.id) ? 'phone' : 'paper', ctx, seed, failed)));
  }
  const byKey = termCache.get(trees) ?? new Map<string, Map<string, WalkedRound[]>>();
  byKey.set(key, out);
  termCache.set(trees, byKey);
  return out;
}

/** The canonical inspection-results record of a walked row (the phone form's export line). */
export function resultRecord(round: InspectionRound, w: WalkedRow, register: RegisterFile): Record<string, Json | undefined> {
  const p = w.row.place;
  const building = p.kind === 'building' ? p.id : p.kind === 'place' ? (register.places ?? []).find((x) => x.id === p.id)?.building : undefined;
  return {
    id: w.row.id,
    provider: round.provider.id,
    requirement: w.row.requirement,
    inspected_at: w.fill.inspected_at,
    campus: round.campus.id,
    building,
    place: p.id,
    round: round.id,
    inspector: w.fill.inspector,
    accompanied_by: w.fill.accompanied_by,
    result: w.fill.result,
    notes: w.fill.notes,
    photos: w.fill.photos,
  };
}

/** The phone form's export of a round: one canonical inspection-results line per filled row. */
export function phoneExport(round: WalkedRound, register: RegisterFile): string {
  return round.rows.map((w) => ndjson('inspection-results', resultRecord(round.round, w, register)) + '\n').join('');
}

/**
 * The fills of the month's rounds walked on paper (row id → what the supervisor wrote), for the round workbooks
 * `<period>-<provider>.xlsx`. Rows left blank (a missed round, an unvisited place) are absent.
 */
export function sampleInspectionFills(trees: Tree[], period: string, seed: number = DEFAULT_SEED): Map<string, RoundFill> {
  const out = new Map<string, RoundFill>();
  for (const r of walkTerm(trees, seed).get(period) ?? []) {
    if (r.form !== 'paper') continue;
    for (const w of r.rows) out.set(w.row.id, { ...w.fill });
  }
  return out;
}

/** Where the round files go, relative to the sample folder. */
export const INSPECTIONS_DIR = 'inspections';


export interface ManifestInspections {
  months: string[];
  /** Rounds planned, and how each walked round was recorded. */
  rounds: number;
  phone: string[];
  paper: string[];
  /** Rounds not walked at all, and places of a walked round not visited: their rows have no result. */
  missed: { round: string; rows: number; description: Described }[];
  unvisited: { round: string; place: string; rows: number; description: Described }[];
  results: { passed: number; failed: number; 'not-applicable': number };
}

/**
 * Write the term's round files under `out/inspections/`: the phone form's export per phone round, and per
 * month and provider the workbook of its paper rounds, filled. Without a workbook writer (before the round
 * workbook exists) the paper rounds are written as the same canonical rows, `<period>-<provider>.ndjson`
 * (what the office would type in). Failures go to the manifest's violations; missed rounds and unvisited
 * places to its `inspections` part.
 */
export async function generateInspections(
  o: { trees: Tree[]; seed: number; out: string; office: string },
  manifest: Manifest,
): Promise<void> {
  const register = context(o.trees).register;
  const dir = join(o.out, INSPECTIONS_DIR);
  mkdirSync(dir, { recursive: true });
  // The folder is the generator's own: round files of an earlier run (other round ids) would be submitted too.
  for (const f of readdirSync(dir)) if (/\.(ndjson|xlsx)$/.test(f)) rmSync(join(dir, f));
  const term = walkTerm(o.trees, o.seed);
  const info: ManifestInspections = { months: [...term.keys()], rounds: 0, phone: [], paper: [], missed: [], unvisited: [], results: { passed: 0, failed: 0, 'not-applicable': 0 } };
  const record = (file: string, bytes: number, records: number): void => {
    manifest.files[`${INSPECTIONS_DIR}/${file}`] = { bytes, records };
  };
  let total = 0;
  const office = officeRequirement(o.trees);
  for (const [period, rounds] of term) {
    info.rounds += rounds.length;
    for (const r of rounds) {
      if (r.missed) info.missed.push({ round: r.round.id, rows: r.round.rows.length, description: r.missed });
      if (r.blank) info.unvisited.push({ round: r.round.id, place: r.blank.place, rows: r.blank.rows.length, description: r.blank.why });
      // Each place of the round left without results is a due inspection not done: the inspecting unit's failure,
      // reported on the requirement the school's inspection plan rests on (its basis).
      const skipped = r.missed ? r.round.places.map((p) => p.id) : r.blank ? [r.blank.place] : [];
      for (const placeId of skipped) {
        if (!office) break;
        const place = r.round.places.find((p) => p.id === placeId)!;
        const why = r.missed ?? r.blank!.why;
        manifest.violations.push({
          key: `insp-missed-${r.round.id}-${placeId}`,
          kind: 'inspection-missed',
          requirement: office.requirement,
          record_kind: 'inspection-results',
          cell: { unit: placeId, round: r.round.id, month: period, provider: office.unit },
          expected: r.round.rows.filter((x) => x.place.id === placeId).length,
          actual: 0,
          description: { zh: `${r.round.id} ${place.name}：${why.zh}`, en: `${r.round.id} ${placeId}: ${why.en}` },
        });
      }
      for (const w of r.rows) {
        info.results[w.fill.result]++;
        if (!w.failure) continue;
        const place = w.row.place;
        const month = Number(period.slice(5));
        manifest.violations.push({
          key: `insp-${period}-${r.round.provider.id}-${w.row.requirement}`,
          kind: 'inspection-failed',
          requirement: w.row.requirement,
          record_kind: 'inspection-results',
          records: [w.row.id],
          cell: { provider: r.round.provider.id, month: period, round: r.round.id, place: place.id },
          expected: 'passed',
          actual: w.failure.zh,
          description: { zh: `${month}月现场检查 ${place.name}：${w.failure.zh}`, en: `On-site check in ${period} at ${place.id}: ${w.failure.en}` },
        });
      }
      total += r.rows.length;
      if (r.form !== 'phone' || r.missed) continue;
      const text = phoneExport(r, register);
      writeFileSync(join(dir, `${r.round.id}.ndjson`), text);
      record(`${r.round.id}.ndjson`, Buffer.byteLength(text), r.rows.length);
      info.phone.push(r.round.id);
    }
    // Paper: one workbook per provider holding its paper rounds of the month (as `charter inspections checklist` prints it).
    const paper = rounds.filter((r) => r.form === 'paper');
    for (const provider of [...new Set(paper.map((r) => r.round.provider.id))]) {
      const mine = paper.filter((r) => r.round.provider.id === provider);
      const filled = mine.reduce((a, r) => a + r.rows.length, 0);
      const fills = new Map<string, RoundFill>();
      for (const r of mine) for (const w of r.rows) fills.set(w.row.id, { ...w.fill });
      const buf = await roundWorkbook(mine.map((r) => r.round), { office: o.office, fills });
      const file = `${period}-${provider}.xlsx`;
      writeFileSync(join(dir, file), buf);
      // The zip's entry times are the writing machine's clock: fixed, so the committed file is byte-stable.
      fixZipTimestamps(join(dir, file));
      record(file, buf.length, filled);
      info.paper.push(file);
    }
  }
  manifest.counts['inspection-results'] = total;
  manifest.inspections = info;
}

/**
 * Who inspects (the school plan's `inspector_unit`) and the requirement its plan rests on: the one whose source is
 * the plan's basis (document and clause), the one quoting it verbatim first. A missed inspection is reported there.
 */
function officeRequirement(trees: Tree[]): { unit: string; requirement: string } | undefined {
  const plan = trees.flatMap((t) => t.inspectionPlans)[0]?.value;
  const b = plan?.basis;
  if (!plan || !b) return undefined;
  const hits = trees.flatMap((t) => t.requirements).map((l) => l.value).filter((r) => r.source?.ref === b.ref && (r.source.document === b.document || r.id.startsWith(`${b.document}:`)));
  const quote = (b.quote ?? '').trim();
  const r = (quote && hits.find((x) => x.text.trim() === quote)) || (quote && hits.find((x) => quote.includes(x.text.trim()) || x.text.includes(quote))) || hits.find((x) => !hits.some((p) => p.id === x.parent)) || hits[0];
  return r ? { unit: plan.inspector_unit, requirement: r.id } : undefined;
}

