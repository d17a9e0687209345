// Plan the logistics office's on-site inspection rounds: per provider and campus, which places to visit and
// which inspection requirements to look at there, in the month (or one week of it).
// Applicability follows the evaluation: the unit's bound requirements (engine/evaluate/binding.ts), building
// types (applies_to), the register's campus duties and places, and the contract's service period.
import { refParts } from '../validate/names.ts';
import { createHash } from 'node:crypto';
import { createCalendar, dateOf, dayNumber, monthBounds } from '../calendar/calendar.ts';
import { unitRequirements } from '../evaluate/binding.ts';
import type { Tree } from '../load/tree.ts';
import { buildingTypesResolver, type ResolvedRequirement } from '../model/resolve.ts';
import type { InspectionsFile, RegisterFile, Requirement, SamplingRule, SchoolCalendarFile, Text } from '../model/types.ts';
import { INSPECTION_EVERY } from '../model/vocabulary.ts';
import { buildIndex, type Index } from '../validate/checks.ts';

export type Every = 'week' | 'month' | 'quarter' | 'term' | 'year';

export interface PlannedPlace {
  id: string;
  name: string;
  kind: 'campus' | 'building' | 'place';
  scope: string;
  campus: string;
}

export interface InspectionRow {
  /** Round id. */
  round: string;
  place: PlannedPlace;
  /** Requirement id, e.g. "5.1.1.5-2". */
  requirement: string;
  /** How people cite it: "5.1.1.5 第2项", a plan's own numbering. */
  reference: string;
  /** Short Chinese title; the checklist line when the requirement has no title. */
  title: Text;
  /** Verbatim clause text. */
  text: string;
  every: Every;
  /** Inspections of this place due in the round's period. */
  due: number;
  /** `${round}:${place.id}:${requirement}`: the record id a result for this row gets. */
  id: string;
}

export interface InspectionRound {
  /** `${period}-${provider}-${campus}` for a month, `${period}-W${n}-${provider}-${campus}` for week n. */
  id: string;
  period: string;
  /** 1-based week of the month (weeks start on Monday; week 1 holds the 1st). */
  week?: number;
  /** YYYY-MM-DD, inclusive: the days the round's inspections are due in (within the provider's service period). */
  start: string;
  end: string;
  provider: { id: string; name: string };
  campus: { id: string; name: string };
  /** Walking order: campus-wide first, then buildings by id, then places by id. */
  places: PlannedPlace[];
  /** Grouped by place (same order as places), then by requirement order in the standard (plans after it). */
  rows: InspectionRow[];
}

export interface SamplingChoice {
  rule: string;
  provider: string;
  campus: string;
  scope: string;
  /** Places of the scope that had something due. */
  of: number;
  /** The places visited, in walking order. */
  chosen: string[];
  /** The round (month or week) the choice was made for. */
  round?: string;
}

export interface InspectionPlan {
  period: string;
  week?: number;
  rounds: InspectionRound[];
  sampling: SamplingChoice[];
  /** The unit that inspects (the school plan's inspector_unit), when the tree has a plan. */
  inspector?: { id: string; name: string };
  /** Weeks of the month without a working day: no weekly round is planned in them. */
  idle_weeks?: { week: number; start: string; end: string }[];
}

export interface PlanOptions {
  period: string;
  provider?: string;
  week?: number;
}

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's weeks: Monday to Sunday, clipped to the month; week 1 holds the 1st. */
export function weeksOf(period: string): { week: number; start: string; end: string }[] {
  const { start, end } = monthBounds(period);
  const first = dayNumber(start);
  const last = dayNumber(end);
  const out: { week: number; start: string; end: string }[] = [];
  let s = first;
  for (let n = 1; s <= last; n++) {
    const e = Math.min(last, s + (7 - isoWeekday(s)));
    out.push({ week: n, start: dateOf(s), end: dateOf(e) });
    s = e + 1;
  }
  return out;
}

function isoWeekday(day: number): number {
  return ((day + 3) % 7) + 1; // 1970-01-01 was a Thursday; 1 = Monday
}


/** Whether an id covers a requirement: itself, anything numbered under it, or a plan's own requirements. */
function covers(id: string, req: string): boolean {
  return req === id || req.startsWith(id + '.') || req.startsWith(id + '-') || req.startsWith(id + ':');
}

type Unit = RegisterFile['providers'][number];
type Campus = RegisterFile['campuses'][number];

/** Campus-wide duties, as the evaluation assigns them: the provider the duties name, else a plan-bound unit, else the campus's provider. */
function answersForCampus(c: Campus, provider: string, req: string, boundByPlan: boolean): boolean {
  const named = (c.duties ?? []).filter((d) => d.requirements.some((x) => covers(x, req)));
  return named.length ? named.some((d) => d.provider === provider) : boundByPlan || c.provider === provider;
}

/** The days of [start, end] the unit serves (its contract service period), or undefined when none. */
function served(unit: Unit, start: string, end: string): { start: string; end: string } | undefined {
  const s = unit.service && unit.service.from > start ? unit.service.from : start;
  const e = unit.service?.to && unit.service.to < end ? unit.service.to : end;
  return s <= e ? { start: s, end: e } : undefined;
}

type CalendarName = NonNullable<NonNullable<Requirement['inspection']>['calendar']>;

/** The school-calendar periods of a named calendar (term, vacation, heating season …). */
function calendarPeriods(school: SchoolCalendarFile | undefined, name: CalendarName): { start: string; end: string }[] {
  if (!school) return [];
  switch (name) {
    case 'term':
      return school.terms;
    case 'vacation':
      return school.vacations ?? [];
    case 'heating-season':
      return school.heating_season ?? [];
    case 'air-conditioning-season':
      return school.air_conditioning_season ?? [];
    case 'season-peaks':
      return school.season_peaks ?? [];
  }
}

/** The first day of [start, end] the unit serves and, with a calendar, that lies in it; undefined when none. */
function firstDueDay(unit: Unit, start: string, end: string, school: SchoolCalendarFile | undefined, calendar: CalendarName | undefined): string | undefined {
  const window = served(unit, start, end);
  if (!window) return undefined;
  if (!calendar) return window.start;
  let first: string | undefined;
  for (const p of calendarPeriods(school, calendar)) {
    const s = p.start > window.start ? p.start : window.start;
    const e = p.end < window.end ? p.end : window.end;
    if (s <= e && (!first || s < first)) first = s;
  }
  return first;
}

/**
 * Whether a row of this frequency is due in the month: monthly rows every served month (with a calendar, every
 * served month holding a day of it); quarter, term and year rows in the first such month of their interval
 * (a term from the school calendar).
 */
function dueInMonth(every: Every, period: string, unit: Unit, school: SchoolCalendarFile | undefined, calendar: CalendarName | undefined): boolean {
  const { start, end } = monthBounds(period);
  const firstMonth = (from: string, to: string): string | undefined => firstDueDay(unit, from, to, school, calendar)?.slice(0, 7);
  if (!firstMonth(start, end)) return false;
  if (every === 'month') return true;
  const y = period.slice(0, 4);
  if (every === 'year') return firstMonth(`${y}-01-01`, `${y}-12-31`) === period;
  if (every === 'quarter') {
    const q0 = Math.floor((+period.slice(5, 7) - 1) / 3) * 3 + 1;
    const qs = `${y}-${String(q0).padStart(2, '0')}-01`;
    const qe = monthBounds(`${y}-${String(q0 + 2).padStart(2, '0')}`).end;
    return firstMonth(qs, qe) === period;
  }
  if (every === 'term') return (school?.terms ?? []).some((t) => t.start <= end && t.end >= start && firstMonth(t.start, t.end) === period);
  return false;
}

/** The scope a building stands for: the scope of its type (dormitory-building …), else building. */
function buildingScope(type: string, idx: Index): string {
  for (const [code, s] of idx.scopes) if (s.value.building_type === type) return code;
  return 'building';
}

/** Whether `scope` is `ancestor` or lies within it (activities.yaml `within`). */
function within(scope: string, ancestor: string, idx: Index): number {
  let cur: string | undefined = scope;
  for (let d = 0; cur && d < 20; d++) {
    if (cur === ancestor) return d;
    cur = idx.scopes.get(cur)?.value.within;
  }
  return -1;
}

interface Planned {
  requirement: Requirement;
  every: Every;
  scope: string;
  order: number;
  boundByPlan: boolean;
  buildingTypes: string[] | null;
}

/** How people cite a requirement: "5.1.1.5 第2项", "5.1.2.10 第4项 a", a plan's own numbering. */
export function referenceOf(r: Requirement, idx: Index): string {
  // The same walk to the nearest numbered clause as the official reference (validate/names.ts), written compactly for a checklist row.
  const p = refParts(r, idx);
  if (p.planRef !== undefined) return p.planRef;
  return [p.number ?? r.id, p.item ? `第${p.item}项` : '', p.part ?? ''].filter(Boolean).join(' ');
}

/** The school plan's choice for a requirement: its own entry, else the nearest clause covering it. */
function schoolChoice(plan: InspectionsFile | undefined, id: string): NonNullable<InspectionsFile['requirements']>[number] | undefined {
  let best: NonNullable<InspectionsFile['requirements']>[number] | undefined;
  for (const c of plan?.requirements ?? []) if (covers(c.requirement, id) && (!best || c.requirement.length > best.requirement.length)) best = c;
  return best;
}

interface Context {
  reg: RegisterFile;
  school: SchoolCalendarFile | undefined;
  plan: InspectionsFile | undefined;
  std: string | undefined;
  idx: Index;
  order: Map<string, number>;
  buildingTypesOf: (id: string | null | undefined) => string[] | null;
  resolvedCache: Map<string, ResolvedRequirement[]>;
}

function context(trees: Tree[]): Context {
  const reg = trees.find((t) => t.registers.length)?.registers[0]?.value;
  if (!reg) throw new Error('planning inspections needs a campus register under standards/');
  const idx = buildIndex(trees);
  const order = new Map<string, number>();
  // Requirement order in the standard, the plans' own after it.
  let i = 0;
  for (const [id] of idx.requirements) if (!id.includes(':')) order.set(id, i++);
  for (const [id] of idx.requirements) if (id.includes(':')) order.set(id, i++);
  const buildingTypesOf = buildingTypesResolver(idx);
  return {
    reg,
    school: trees.find((t) => t.calendars.length)?.calendars[0]?.value,
    plan: trees.find((t) => t.inspectionPlans.length)?.inspectionPlans[0]?.value,
    std: trees.find((t) => t.standards.length)?.standards[0]?.value.id,
    idx,
    order,
    buildingTypesOf,
    resolvedCache: new Map(),
  };
}

/** A unit's plannable inspection requirements (in the standard's order) and where each is looked at, per campus. */
function unitDuties(ctx: Context, unit: Unit): { planned: Planned[]; placesOf: (p: Planned, campus: Campus) => PlannedPlace[] } {
  const { reg, plan, idx } = ctx;
  const defaultEvery: Every = plan?.default?.every ?? 'month';
  const planned: Planned[] = [];
  for (const b of unitRequirements(unit, undefined, ctx.std, idx, ctx.resolvedCache)) {
    const r = b.rr.requirement;
    // A notice posted on site (a disclosure `where: on-site`: gate rules, a room's opening hours) is looked at
    // on the round like any inspection item; what the commitment site publishes is judged from its build.
    const onSite = r.type === 'disclosure' && r.disclosure?.where === 'on-site';
    if (!onSite && (r.type !== 'inspection' || !r.inspection || r.inspection.watch)) continue;
    if (r.status === 'withdrawn' || r.status === 'superseded') continue;
    // 可 (may) never obliges; the evaluation does not judge it either.
    if (r.obligation === 'may' || r.obligation === 'none') continue;
    const types = ctx.buildingTypesOf(r.id);
    if (types && !reg.buildings.some((x) => x.provider === unit.id && types.includes(x.type))) continue;
    const choice = schoolChoice(plan, r.id);
    const every = (choice?.every ?? r.inspection?.every ?? defaultEvery) as Every;
    const scope = choice?.scope ?? r.inspection?.scope ?? (types ? 'building' : 'campus');
    planned.push({ requirement: r, every, scope, order: ctx.order.get(r.id) ?? Number.MAX_SAFE_INTEGER, boundByPlan: b.plan !== undefined, buildingTypes: types });
  }
  planned.sort((a, b) => a.order - b.order);

  const campusPlace = (campus: Campus): PlannedPlace => ({ id: campus.id, name: campus.name.zh, kind: 'campus', scope: 'campus', campus: campus.id });
  // The unit as a whole (scope: school — its staff, its organisation) is looked at once, on its home campus:
  // the first campus where it runs a building or place or is the campus's provider, else the first campus.
  const present = (c: Campus): boolean => c.provider === unit.id || reg.buildings.some((x) => x.campus === c.id && x.provider === unit.id) || (reg.places ?? []).some((x) => x.campus === c.id && x.provider === unit.id);
  const home = reg.campuses.find(present) ?? reg.campuses[0];
  const placesOf = (p: Planned, campus: Campus): PlannedPlace[] => {
    const scope = p.scope;
    if (scope === 'school') {
      // Duties naming units for the requirement decide, as for campus-wide duties; otherwise every unit bound to it.
      const named = reg.campuses.filter((c) => (c.duties ?? []).some((d) => d.requirements.some((x) => covers(x, p.requirement.id))));
      if (named.length) return named.find((c) => answersForCampus(c, unit.id, p.requirement.id, p.boundByPlan))?.id === campus.id ? [campusPlace(campus)] : [];
      return campus.id === home?.id ? [campusPlace(campus)] : [];
    }
    if (scope === 'campus') return answersForCampus(campus, unit.id, p.requirement.id, p.boundByPlan) ? [campusPlace(campus)] : [];
    if (within(scope, 'building', idx) >= 0) {
      const scopeType = idx.scopes.get(scope)?.value.building_type;
      return reg.buildings
        .filter((x) => x.campus === campus.id && x.provider === unit.id && (!scopeType || x.type === scopeType) && (!p.buildingTypes || p.buildingTypes.includes(x.type)))
        .map((x) => ({ id: x.id, name: x.name, kind: 'building' as const, scope: buildingScope(x.type, idx), campus: campus.id }));
    }
    return (reg.places ?? []).filter((x) => x.campus === campus.id && x.provider === unit.id && x.scope === scope).map((x) => ({ id: x.id, name: x.name, kind: 'place' as const, scope: x.scope, campus: campus.id }));
  };
  return { planned, placesOf };
}

/**
 * Every place a unit answers for, per inspection requirement, whatever the month, frequency, calendar or sampling:
 * a requirement absent here is not the unit's to be inspected on (another company's campus duty, no building of
 * the clause's type) — as against one merely not due in a month. The inspecting unit answers for nothing.
 */
export function inspectionDuties(trees: Tree[], provider: string): Map<string, PlannedPlace[]> {
  const ctx = context(trees);
  const out = new Map<string, PlannedPlace[]>();
  const unit = ctx.reg.providers.find((u) => u.id === provider);
  if (!unit || (ctx.plan && unit.id === ctx.plan.inspector_unit)) return out;
  const { planned, placesOf } = unitDuties(ctx, unit);
  for (const p of planned) {
    const places = ctx.reg.campuses.flatMap((c) => placesOf(p, c));
    if (places.length) out.set(p.requirement.id, places);
  }
  return out;
}

/**
 * Plan the rounds of a month: the month rounds (rows due monthly, and quarter / term / year rows in the first
 * served month of their interval) and every week round (weekly rows); with `week`, only that week's rounds.
 */
export function planInspections(trees: Tree[], o: PlanOptions): InspectionPlan {
  const { start: monthStart, end: monthEnd } = monthBounds(o.period);
  const ctx = context(trees);
  const { reg, school, plan, idx } = ctx;
  // A week with no working day (a lone Sunday at the month's start, the May Day holiday) has no weekly round:
  // the office walks its rounds on working days, and a round nobody could walk is not a missed one.
  const cal = ctx.school ? createCalendar(ctx.school) : undefined;
  const workable = (w: { start: string; end: string }): boolean => {
    if (!cal) return true;
    for (let d = dayNumber(w.start); d <= dayNumber(w.end); d++) if (cal.dayInfo(dateOf(d)).working) return true;
    return false;
  };
  const asked = weeksOf(o.period).filter((w) => o.week === undefined || w.week === o.week);
  const weeks = asked.filter(workable);
  const idle = asked.filter((w) => !workable(w));
  const rounds: InspectionRound[] = [];
  const sampling: SamplingChoice[] = [];
  const campusName = (c: Campus): string => c.name.zh;

  for (const unit of reg.providers) {
    if (o.provider !== undefined && unit.id !== o.provider) continue;
    // The inspecting unit does not inspect itself.
    if (plan && unit.id === plan.inspector_unit) continue;
    const { planned, placesOf } = unitDuties(ctx, unit);

    const sealedThrough = (placeId: string, start: string, end: string): boolean =>
      (reg.buildings.find((x) => x.id === placeId)?.sealed ?? []).some((s) => s.start <= start && s.end >= end);

    const makeRound = (campus: Campus, kind: { week?: { week: number; start: string; end: string } }, rows: Planned[]): void => {
      const window = kind.week ? served(unit, kind.week.start, kind.week.end) : served(unit, monthStart, monthEnd);
      if (!window || !rows.length) return;
      const id = kind.week ? `${o.period}-W${kind.week.week}-${unit.id}-${campus.id}` : `${o.period}-${unit.id}-${campus.id}`;
      const byPlace = new Map<string, { place: PlannedPlace; reqs: Planned[] }>();
      for (const p of rows) {
        for (const place of placesOf(p, campus)) {
          // A building sealed over the whole round (封楼, a vacation) has nobody to serve and nothing to look at.
          if (place.kind === 'building' && sealedThrough(place.id, window.start, window.end)) continue;
          const e = byPlace.get(place.id) ?? { place, reqs: [] };
          e.reqs.push(p);
          byPlace.set(place.id, e);
        }
      }
      let places = [...byPlace.values()].map((e) => e.place).sort(walkingOrder);
      places = sample(places, plan?.sampling ?? [], kind.week ? 'week' : 'month', kind.week ? `${o.period}-W${kind.week.week}` : o.period, idx, (rule, of, chosen) =>
        sampling.push({ rule: rule.id, provider: unit.id, campus: campus.id, scope: rule.scope, of, chosen, round: id }),
      );
      if (!places.length) return;
      const out: InspectionRow[] = [];
      for (const place of places) {
        for (const p of byPlace.get(place.id)!.reqs) {
          const r = p.requirement;
          out.push({
            round: id,
            place,
            requirement: r.id,
            reference: referenceOf(r, idx),
            title: r.title ?? r.inspection?.checklist[0] ?? { zh: r.text },
            text: r.text,
            every: p.every,
            due: 1,
            id: `${id}:${place.id}:${r.id}`,
          });
        }
      }
      rounds.push({
        id,
        period: o.period,
        ...(kind.week ? { week: kind.week.week } : {}),
        start: window.start,
        end: window.end,
        provider: { id: unit.id, name: unit.name },
        campus: { id: campus.id, name: campusName(campus) },
        places,
        rows: out,
      });
    };

    for (const campus of reg.campuses) {
      if (o.week === undefined) makeRound(campus, {}, planned.filter((p) => p.every !== 'week' && dueInMonth(p.every, o.period, unit, school, p.requirement.inspection?.calendar)));
      const weekly = planned.filter((p) => p.every === 'week');
      for (const w of weeks) makeRound(campus, { week: w }, weekly.filter((p) => firstDueDay(unit, w.start, w.end, school, p.requirement.inspection?.calendar) !== undefined));
    }
  }
  // Month rounds first, then the weeks in order; within each, providers in register order.
  rounds.sort((a, b) => (a.week ?? 0) - (b.week ?? 0));
  const unit = plan ? reg.providers.find((u) => u.id === plan.inspector_unit) : undefined;
  return {
    period: o.period,
    ...(o.week !== undefined ? { week: o.week } : {}),
    rounds,
    sampling,
    ...(unit ? { inspector: { id: unit.id, name: unit.name } } : {}),
    ...(idle.length ? { idle_weeks: idle } : {}),
  };
}

const KIND_ORDER = { campus: 0, building: 1, place: 2 } as const;

function walkingOrder(a: PlannedPlace, b: PlannedPlace): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The reproducible order of a sampling draw: sha256 of `${seed}|${place}`, hex ascending. */
export function drawKey(seed: string, place: string): string {
  return createHash('sha256').update(`${seed}|${place}`).digest('hex');
}

/** How many of n places a share (percent, rounded up) and a minimum pick. */
export function sampleSize(share: number, n: number, min = 1): number {
  if (n === 0) return 0;
  // Integer arithmetic where it can be: 20 % of 5 is exactly 1, never 1.0000000002 rounded up to 2.
  const k = Math.ceil(Math.round(share * n * 1e6) / 1e8);
  return Math.min(n, Math.max(min, k));
}

/**
 * Thin a round's places by the sampling rules for its kind of round. Each place falls under the rule of the
 * nearest scope (its own, else the closest one it lies within); campus-wide rows are never sampled away.
 */
function sample(places: PlannedPlace[], rules: SamplingRule[], kind: 'month' | 'week', seed: string, idx: Index, report: (rule: SamplingRule, of: number, chosen: string[]) => void): PlannedPlace[] {
  const active = rules.filter((r) => (r.every ?? 'month') === kind);
  if (!active.length) return places;
  const groups = new Map<SamplingRule, PlannedPlace[]>();
  for (const p of places) {
    if (p.kind === 'campus') continue;
    let best: SamplingRule | undefined;
    let bestD = Infinity;
    for (const r of active) {
      const d = within(p.scope, r.scope, idx);
      if (d >= 0 && d < bestD) {
        best = r;
        bestD = d;
      }
    }
    if (best) groups.set(best, [...(groups.get(best) ?? []), p]);
  }
  const dropped = new Set<string>();
  for (const r of active) {
    const group = groups.get(r);
    if (!group) continue;
    const k = sampleSize(r.share, group.length, r.min ?? 1);
    const chosen = new Set([...group].sort((a, b) => (drawKey(seed, a.id) < drawKey(seed, b.id) ? -1 : 1)).slice(0, k).map((p) => p.id));
    for (const p of group) if (!chosen.has(p.id)) dropped.add(p.id);
    report(r, group.length, group.filter((p) => chosen.has(p.id)).map((p) => p.id));
  }
  return places.filter((p) => !dropped.has(p.id));
}

/** A round by its id: re-plans the id's period (and week) and finds it. */
export function findRound(trees: Tree[], roundId: string): InspectionRound | undefined {
  const m = /^(\d{4}-\d{2})-(?:W(\d+)-)?./.exec(roundId);
  if (!m || !PERIOD_RE.test(m[1]!)) return undefined;
  const week = m[2] === undefined ? undefined : Number(m[2]);
  if (week !== undefined && !weeksOf(m[1]!).some((w) => w.week === week)) return undefined;
  return planInspections(trees, { period: m[1]!, ...(week !== undefined ? { week } : {}) }).rounds.find((r) => r.id === roundId);
}

/** Words for a frequency: 每周 1 次 / once a week. */
export function everyWords(every: Every, due = 1): Text {
  const zh: Record<Every, string> = { week: '每周', month: '每月', quarter: '每季度', term: '每学期', year: '每年' };
  const en: Record<Every, string> = { week: 'a week', month: 'a month', quarter: 'a quarter', term: 'a term', year: 'a year' };
  return { zh: `${zh[every]} ${due} 次`, en: `${due === 1 ? 'once' : `${due} times`} ${en[every]}` };
}

export const EVERY_VALUES: readonly Every[] = INSPECTION_EVERY;
