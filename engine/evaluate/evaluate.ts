// Judge stored service data against the requirements that apply to each provider, for one month.
// Per case (timeliness), per expected-occurrence grid (frequency), per rate, per record and inspection.
// Decisions are made by the compiled rules (fast path, same semantics as json-rules-engine).
import { createHash } from 'node:crypto';
import { coverage as calendarCoverage, createCalendar, dateOf, dayNumber, monthBounds, parseLocal, type WorkingCalendar } from '../calendar/calendar.ts';
import { instantToIso } from '../data/convert.ts';
import { EVENT_FIELD } from '../data/records.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Located, Tree } from '../load/tree.ts';
import { buildingTypesResolver, type ResolvedRequirement } from '../model/resolve.ts';
import { mainProfile, planId, unitRequirements } from './binding.ts';
import { clockStart } from './clock.ts';
import { countRatioFindings, requiredRecord, shareFindings } from './plan-rules.ts';
import { disclosureFinding, type DisclosureContext } from './disclosure.ts';
import { siteBuilds, type SiteBuild } from '../store/site-builds.ts';
import type { DatedValue, FrequencyCount, RegisterFile, Requirement, Text } from '../model/types.ts';
import { parseDuration } from '../model/duration.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { buildIndex, valueAt } from '../validate/checks.ts';
import { checkRule, cellRule, compileTimeliness, inspectionRule, isCompleteCount, paramSet, rateRules, recordRule, type CompiledLimit, type CompiledTimeliness, type ParamSet } from './compile.ts';
import { test, type Facts } from './conditions.ts';
import { CaseChunk, judgeRows, O_CAL_UNKNOWN, O_CLASS_FLAG, O_EXCLUDED, O_IMPOSSIBLE, O_MET, O_MISSED, O_OPEN_BREACHED, O_OPEN_PENDING } from './columnar.ts';
import { columnMonths, readColumns, readMonth, type Columns } from '../store/columns.ts';
import { inspectionDuties, planInspections } from '../inspections/plan.ts';
import { basisRequirement, createInspectionJudge, namesOf, type OfficePlan, type Planner } from '../inspections/judge.ts';
import { BUILDING_TYPE, CALENDAR_NAME, CASE_NOUN, DOC_PROBLEM, INTERVAL, limitWords, localDate, localTime, say, type Names } from '../model/labels.ts';
import { namesOf as treeNames } from '../validate/names.ts';
import { addWords, caseText, readingWordOf, yearOf, type CaseFacts } from './words.ts';

/** Activity logs of one activity and provider in one month's projection. */
interface ActivityRows {
  col: Columns;
  rows: Int32Array;
}

export type Status = 'passed' | 'failed' | 'not-applicable' | 'not-reviewed' | 'error';
/** Roll-up precedence: error > failed > passed > not-applicable > not-reviewed. */
export const PRECEDENCE: Status[] = ['error', 'failed', 'passed', 'not-applicable', 'not-reviewed'];
export function worst(a: Status, b: Status): Status {
  return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
}

export interface Evidence {
  record?: string;
  unit?: string;
  cell?: string;
  outcome: string;
  actual?: string | number;
  required?: string | number;
  note?: string;
  /** Inspections: the place by name, the inspector, the local time (YYYY-MM-DD HH:mm) and the round. */
  place?: string;
  inspector?: string;
  at?: string;
  round?: string;
  /**
   * The evidence as one sentence a manager reads (issue 13 §1), e.g. 东校区主配电室 4月22日 巡检 1 次（应 2 次）,
   * 工单 WO-2026-000542（第3教学楼）到场用时 25 分钟，时限 15 分钟. No codes, ids or ISO values.
   */
  text?: Text;
}

/** A finding in words (issue 13 §1): what was measured, the measured value, what is required, and where. */
export interface FindingWords {
  /** What was measured: 到场及时率, 室内温度达标率, 路灯完好率, 巡检次数, 应备档案, 现场检查 … */
  quantity: Text;
  /** 83.9 %（203 件中 201 件按时）; 1 次; 缺 1 项 — below 5 cases a count, not a rate. */
  measured: Text;
  /** ≥ 95 %; ≤ 45 分钟; 每天 2 次; ≥ 97 %（室温 ≥ 18 ℃）. */
  required: Text;
  /** A place, building or campus by name, or 全校 / all campuses for a provider-wide scope — never the provider's name. */
  place: Text;
}

export interface Finding {
  requirement: string;
  type: Requirement['type'];
  obligation: Requirement['obligation'];
  text: string;
  provider: string;
  /** The profile the requirement was resolved under (the unit's main profile, or a plan bound to it). */
  profile: string;
  /** The plan (or contract) whose own requirement this is; absent for the standard's clauses. */
  plan?: string;
  /** 'plans' when the plan is bound to the unit by the register's `plans:` rather than its main profile. */
  bound_by?: 'plans';
  scope: { kind: string; id: string };
  period: string;
  status: Status;
  measured?: string | number;
  required?: string | number;
  unit?: string;
  parameter_version?: string;
  rules?: string[];
  evidence: Evidence[];
  evidence_total: number;
  reason?: Text;
  /** Why a finding has no verdict or does not apply, as a code: 'no-data' (no records of the kind at all), 'no-case', 'pending', 'outside-service', 'small-sample' … */
  reason_code?: string;
  /** Open cases whose deadline had not passed at the as-of time: judged in a later month (timeliness). */
  pending?: PendingCase[];
  checklist?: Text[];
  /** The finding in words (what was measured, measured, required, where); see FindingWords. */
  words?: FindingWords;
}

export interface PendingCase {
  record: string;
  limit: string;
  deadline: string;
}

/** The reason a provider-period without records of a kind gets (issue 10 §2: silence is not success). */
export const NO_DATA: Text = { zh: '本期没有提交该类数据', en: 'no data of this kind was submitted for this period' };

export interface Pledge {
  requirement: string;
  limit: string;
  label: Text;
  provider: string;
  period: string;
  limit_value: string;
  n: number;
  met: number;
  missed: number;
  open_breached: number;
  open_pending: number;
  invalid: number;
  excluded: number;
  excluded_by_reason: Record<string, number>;
  rate: number | null;
  target: number | null;
}

export interface EvaluateOptions {
  tree: Tree;
  store: Store;
  period: string;
  profile?: string;
  provider?: string;
  /** Instant for judging open cases; defaults to the end of the period. */
  asOf?: Date;
  /**
   * Judge only what happened after this instant (re-checking a rectification): cases reported after it,
   * grid periods that start on a later day; month-long rates, records and inspections only when the whole
   * month is after it.
   */
  since?: Date;
  evidenceLimit?: number;
  onProgress?: (done: number, total: number) => void;
  /** The month's inspection rounds (default: engine/inspections/plan.ts on this tree); tests inject their own. */
  inspectionPlanner?: Planner;
}

export interface Findings {
  $schema: string;
  schema_version: 1;
  period: string;
  as_of: string;
  standard: { id: string; version: string; edition: string } | null;
  calendar: { source: string; version: string; years: string };
  data: { sha256: string; records: Record<string, number> };
  /** in_service is false when the whole period lies outside the provider's contract service period. */
  providers: { id: string; name: string; profile: string; kind?: 'contractor' | 'office'; plans?: string[]; in_service?: boolean }[];
  summary: Record<Status, number> & { findings: number; requirements: number; checked: number };
  findings: Finding[];
  pledges: Pledge[];
  rollups: { providers: Record<string, Status>; sections: Record<string, Status>; clauses: Record<string, Status> };
  compile_errors: Diagnostic[];
}



/** Records of a kind whose event time falls in [from, to) (canonical local text sorts as time). */
function load(store: Store, kind: RecordKind, from: string, to: string): { rows: Record<string, unknown>[]; flags: Map<string, string[]>; hash: string } {
  const h = createHash('sha256');
  const flags = new Map<string, string[]>();
  const rows: Record<string, unknown>[] = [];
  // An empty `from` also takes undated records (a document list without dates is still a document list).
  const stmt = store.db.prepare('SELECT record_key, data, flags FROM records WHERE kind = ? AND ((event_at >= ? AND event_at < ?) OR (? = \'\' AND event_at IS NULL)) ORDER BY record_key');
  for (const r of stmt.iterate(kind, from, to, from) as Iterable<{ record_key: string; data: string; flags: string | null }>) {
    h.update(r.data);
    const rec = JSON.parse(r.data) as Record<string, unknown>;
    rows.push(rec);
    if (r.flags) flags.set(r.record_key, JSON.parse(r.flags) as string[]);
  }
  return { rows, flags, hash: h.digest('hex') };
}

export function evaluate(o: EvaluateOptions): Findings {
  const idx = buildIndex([o.tree]);
  const reg = o.tree.registers[0]?.value as RegisterFile | undefined;
  const school = o.tree.calendars[0]?.value;
  if (!reg || !school) throw new Error('evaluation needs a campus register and a school calendar under standards/');
  const cal = createCalendar(school);
  const tz = school.timezone;
  const bounds = monthBounds(o.period);
  const asOf = o.asOf ?? new Date(Date.parse(`${bounds.next}-01T00:00:00${instantToIso(Date.parse(`${bounds.next}-01T00:00:00Z`), tz).slice(19)}`));
  const limitN = o.evidenceLimit ?? 50;
  const std = o.tree.standards[0]?.value;
  const buildingOf = new Map(reg.buildings.map((b) => [b.id, b]));
  const compileErrors: Diagnostic[] = [];
  const names = treeNames(o.tree, idx);
  const local = (ms: number): string | undefined => (ms === ms ? instantToIso(ms, tz) : undefined);

  const hashes: string[] = [];
  const counts: Record<string, number> = {};
  const cache = new Map<string, ReturnType<typeof load>>();
  // Activities are read once over a window wide enough for every period that can end this month
  // (a week reaches back 6 days; a quarter, term or year only when it ends this month); other kinds cover the month.
  const wideFrom = activityWindowStart(bounds, school.terms);
  const data = (kind: RecordKind, from = kind === 'activities' ? wideFrom : bounds.start, to = kind === 'activities' ? dateOf(dayNumber(bounds.end) + 2) : `${bounds.next}-01`) => {
    const key = `${kind}|${from}|${to}`;
    let d = cache.get(key);
    if (!d) {
      d = load(o.store, kind, from, to);
      cache.set(key, d);
      hashes.push(`${key}:${d.hash}`);
      counts[kind] = Math.max(counts[kind] ?? 0, d.rows.length);
    }
    return d;
  };
  // Cases and activity logs are read from the columnar projection (see engine/store/columns.ts).
  const buildingType = new Map(reg.buildings.map((b) => [b.id, b.type]));
  // Cases of a kind reported from a month on (the judgement lookback, see lookbackDay) to this period:
  // one chunk per month, each read once and shared by every requirement and provider.
  const chunkCache = new Map<string, CaseChunk>();
  const listCache = new Map<string, CaseChunk[]>();
  const casesOf = (kind: RecordKind, fromMonth = o.period): CaseChunk[] => {
    const listKey = `${kind}|${fromMonth}`;
    let list = listCache.get(listKey);
    if (!list) {
      counts[kind] ??= 0;
      list = columnMonths(o.store.db, kind, fromMonth < o.period ? fromMonth : o.period, o.period).map((month) => {
        let ch = chunkCache.get(`${kind}|${month}`);
        if (!ch) {
          ch = new CaseChunk(readMonth(o.store.db, kind, month), cal, EVENT_FIELD[kind]);
          chunkCache.set(`${kind}|${month}`, ch);
          hashes.push(`${kind}|${month}:${ch.col.sha256}`);
          if (month === o.period) counts[kind] = ch.col.rows;
        }
        return ch;
      });
      listCache.set(listKey, list);
    }
    return list;
  };
  /** A provider's records of a kind this month, excluded ones not counted; case kinds from the projection (no JSON parsed). */
  const countOf = (kind: RecordKind, provider: string): number => {
    if (kind === 'work-orders' || kind === 'complaints' || kind === 'consultations') {
      let n = 0;
      for (const ch of casesOf(kind)) for (const i of ch.rowsOf(provider)) if (!ch.col.value('exclusion', i)) n++;
      return n;
    }
    return data(kind).rows.filter((x) => x.provider === provider && !x.exclusion).length;
  };
  const periodStartMs = parseLocal(`${bounds.start}T00:00`, tz).getTime();
  const periodEndMs = parseLocal(`${bounds.next}-01T00:00`, tz).getTime();
  const asOfMs = asOf.getTime();
  const lookbackCache = new Map<string, number>();
  const recordStmt = o.store.db.prepare('SELECT data FROM records WHERE kind = ? AND record_key = ?');
  const recordOf = (kind: RecordKind, key: string): Record<string, unknown> => JSON.parse((recordStmt.get(kind, key) as { data: string }).data) as Record<string, unknown>;
  let activityGroups: Map<string, ActivityRows[]> | undefined;
  /** Activity logs per provider dated in this month (no log at all is no data, not a failure). */
  const activityRows = new Map<string, number>();
  const activityRowsOf = (provider: string): number => {
    activitiesOf('', provider);
    return activityRows.get(provider) ?? 0;
  };
  /** Activity logs of one activity and provider inside the window, per month read. */
  const activitiesOf = (activity: string, provider: string): ActivityRows[] => {
    if (!activityGroups) {
      activityGroups = new Map();
      const from = dayNumber(wideFrom);
      const to = dayNumber(bounds.end) + 2;
      let total = 0;
      const monthFrom = dayNumber(bounds.start);
      const monthTo = dayNumber(bounds.end);
      for (const col of readColumns(o.store.db, 'activities', wideFrom.slice(0, 7), dateOf(to - 1).slice(0, 7))) {
        hashes.push(`activities|${col.month}:${col.sha256}`);
        const act = col.codes('activity');
        const pv = col.codes('provider');
        const width = col.dict('provider').length;
        const lists = new Map<number, number[]>();
        for (let i = 0; i < col.rows; i++) {
          const d = col.day[i]!;
          if (d < from || d >= to) continue;
          total++;
          if (d >= monthFrom && d <= monthTo) {
            const who = String(col.dict('provider')[pv[i]!]);
            activityRows.set(who, (activityRows.get(who) ?? 0) + 1);
          }
          const k = act[i]! * width + pv[i]!;
          const l = lists.get(k);
          if (l) l.push(i);
          else lists.set(k, [i]);
        }
        for (const [k, l] of lists) {
          const key = `${String(col.dict('activity')[Math.floor(k / width)])}|${String(col.dict('provider')[k % width])}`;
          activityGroups.set(key, [...(activityGroups.get(key) ?? []), { col, rows: Int32Array.from(l) }]);
        }
      }
      counts.activities = total;
    }
    return activityGroups.get(`${activity}|${provider}`) ?? [];
  };

  // Inspection requirements are judged against the month's planned rounds (engine/inspections/judge.ts).
  const asOfDay = dateOf(dayNumber(cal.localDate(asOf.getTime() - 1)));
  let inspectionJudge: ReturnType<typeof createInspectionJudge> | undefined;
  const inspections = (): ReturnType<typeof createInspectionJudge> =>
    (inspectionJudge ??= createInspectionJudge({
      period: o.period,
      planner: o.inspectionPlanner ?? defaultPlanner(o.tree),
      ...(o.inspectionPlanner ? {} : { duties: (p: string) => new Set(inspectionDuties([o.tree], p).keys()) }),
      results: (from, to) => data('inspection-results', from, to).rows,
      asOfDay,
      names: namesOf(reg),
      evidenceLimit: limitN,
      terms: school.terms,
    }));
  const providers = reg.providers.filter((p) => !o.provider || p.id === o.provider);
  let builds: SiteBuild[] | undefined;
  const sinceDay = o.since ? dayNumber(cal.localDate(o.since)) : undefined;
  const findings: Finding[] = [];
  const pledges: Pledge[] = [];
  const outOfService = new Set<string>();
  const resolvedCache = new Map<string, ResolvedRequirement[]>();
  /** The parameters each provider's requirement was judged with, for the findings' words. */
  const paramsFor = new Map<string, ParamSet>();

  // A clause for one kind of building (6.2.1 教学楼服务) applies to a provider only if it runs such a building:
  // the nearest applies_to up the clause's parents decides. Returns the types the provider lacks, or undefined.
  const buildingTypesOf = buildingTypesResolver(idx);
  const missingBuildingTypes = (r: Requirement, provider: string): string[] | undefined => {
    const types = r.applies_to?.building_types ?? buildingTypesOf(r.parent);
    if (!types) return undefined;
    return reg.buildings.some((b) => b.provider === provider && types.includes(b.type)) ? undefined : types;
  };
  /** Whether some campus's duties name a provider for this requirement. */
  const dutyNamed = (id: string): boolean => reg.campuses.some((c) => (c.duties ?? []).some((d) => d.requirements.some((x) => covers(x, id))));
  let done = 0;
  const total = providers.length;
  for (const prov of providers) {
    // The unit's main profile plus the own requirements of the plans the register binds to it.
    const bound = unitRequirements(prov, o.profile, std?.id, idx, resolvedCache);
    const resolved = bound.map((b) => b.rr);
    const boundOf = new Map(bound.map((b) => [b.rr, b]));
    const base = (rr: ResolvedRequirement, scope: { kind: string; id: string }): Omit<Finding, 'status' | 'evidence' | 'evidence_total'> => {
      const b = boundOf.get(rr);
      return {
        requirement: rr.requirement.id,
        type: rr.requirement.type,
        obligation: rr.requirement.obligation,
        text: rr.requirement.text,
        provider: prov.id,
        profile: b?.profile ?? '',
        ...(rr.origin ? { plan: rr.origin } : {}),
        ...(b?.plan ? { bound_by: 'plans' as const } : {}),
        scope,
        period: o.period,
      };
    };
    const paramsOf = (rr: ResolvedRequirement): ParamSet => paramSet(rr.parameters);
    const located = (id: string): Located<Requirement> | undefined => idx.requirements.get(id);
    const timelinessByReq = new Map<string, { met: number; n: number }>();
    // A period entirely outside the contract's service period: no duty of the month applies (issue 10 §2).
    // Frequency grids decide day by day (a year's grid judged in December still covers the served months).
    const inService = servesDuring(prov, bounds);
    if (!inService) outOfService.add(prov.id);

    // Timeliness first: rates may be defined over its cases.
    const ordered = [...resolved].sort((a, b) => (a.requirement.type === 'timeliness' ? -1 : 0) - (b.requirement.type === 'timeliness' ? -1 : 0));
    for (const rr of ordered) {
      const r = rr.requirement;
      if (r.status === 'withdrawn' || r.status === 'superseded') continue;
      // 可 (may) permits; it never obliges, so it is never judged (GB/T 1.1 verbal forms).
      if (r.obligation === 'may') continue;
      const params = paramsOf(rr);
      paramsFor.set(`${prov.id}|${r.id}`, params);
      const noBuilding = inService ? missingBuildingTypes(r, prov.id) : undefined;
      if (!inService && r.type !== 'frequency') {
        findings.push({ ...base(rr, { kind: 'provider', id: prov.id }), status: 'not-applicable', evidence: [], evidence_total: 0, reason: OUTSIDE_SERVICE, reason_code: 'outside-service' });
      } else if (noBuilding) {
        const reason = { zh: `该服务商不负责${noBuilding.map((t) => say(BUILDING_TYPE, t, 'zh')).join('、')}，本条不适用`, en: `the provider runs no ${noBuilding.map((t) => say(BUILDING_TYPE, t, 'en')).join(' or ')}, so this does not apply` };
        // A frequency requirement reports per count (its scope), like its grids would.
        const scopes = r.type === 'frequency' ? r.frequency!.counts.map((fc) => ({ kind: fc.scope, id: fc.id })) : [{ kind: 'provider', id: prov.id }];
        for (const scope of scopes) findings.push({ ...base(rr, scope), status: 'not-applicable', evidence: [], evidence_total: 0, reason, reason_code: 'no-unit' });
      } else if (r.type === 'rate' && (r.rate!.subject === 'equipment-counts' || dutyNamed(r.id)) && !(r.applies_to ?? buildingTypesOf(r.parent)) && !reg.campuses.some((c) => answersForCampus(c, prov.id, r.id, boundOf.get(rr)?.plan !== undefined))) {
        // Campus-wide equipment counts (street lights, monitoring, equipment in use — not a building type's own, like
        // classroom equipment), and any rate the register's campus duties name (5.1.2.10 heating → 信远), are the duty
        // of the campus's provider or of the one the duties name.
        findings.push({ ...base(rr, { kind: 'provider', id: prov.id }), status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: '校园登记未把本条的校区职责交给该服务商，本条不适用', en: 'the register gives this campus-wide duty to another provider' }, reason_code: 'no-unit' });
      } else if (r.type === 'timeliness') {
        const t = r.timeliness!;
        const field = EVENT_FIELD[t.subject];
        const compiled = new Map<string, CompiledTimeliness>();
        const byDay = new Map<number, CompiledTimeliness>();
        // Rules by report day: the values in force that day (compiled once per distinct version).
        const compiledFor = (day: number): CompiledTimeliness => {
          let c = byDay.get(day);
          if (!c) {
            const date = dateOf(day);
            // A limit's service hours (clock.within) are dated values too: a new version recompiles.
            const versionKey = t.limits.map((l) => `${valueAt(params.values.get(l.limit.param) ?? [], date)?.from}${l.clock ? `/${valueAt(params.values.get(l.clock.within.param) ?? [], date)?.from}` : ''}`).join('|');
            c = compiled.get(versionKey);
            if (!c) {
              c = compileTimeliness(r, params, date);
              compiled.set(versionKey, c);
              const loc = located(r.id);
              if (loc) c.limits.forEach((l, i) => compileErrors.push(...checkRule(l.met, t.subject, loc, `/timeliness/limits/${i}`)));
            }
            byDay.set(day, c);
          }
          return c;
        };
        const stats = new Map<string, Pledge>();
        const statsAt: (Pledge | undefined)[] = []; // by limit index, the same in every version
        const evidence: Evidence[] = [];
        let evidenceTotal = 0;
        let errors = 0;
        const pending: PendingCase[] = [];
        const lookKey = `${boundOf.get(rr)?.profile ?? ''}|${r.id}`;
        let fromDay = lookbackCache.get(lookKey);
        if (fromDay === undefined) {
          fromDay = lookbackDay(r, params, cal, bounds.start);
          lookbackCache.set(lookKey, fromDay);
        }
        let ownRows = 0;
        for (const chunk of casesOf(t.subject, dateOf(fromDay).slice(0, 7))) {
          // Cases are keyed by their id, so the key is the id evidence shows.
          const idOf = (i: number): string => chunk.col.keys()[i]!;
          // The case in words, as judgeCase() words it (engine/evaluate/words.ts).
          const col = chunk.col;
          const said = (i: number, outcome: CaseFacts['outcome'], lim: CompiledLimit | undefined, j: { elapsed: number; stop: number; deadline: number; note?: string }, extra: Partial<CaseFacts> = {}) =>
            caseText({
              kind: t.subject,
              id: idOf(i),
              ...whereOf(col.has('building') ? col.value('building', i) : undefined, col.has('area') ? col.value('area', i) : undefined, names),
              outcome,
              ...(lim ? { limit: lim } : {}),
              ...(j.elapsed === j.elapsed ? { elapsed: j.elapsed } : {}),
              ...(local(startMs[i]!) ? { start: local(startMs[i]!)! } : {}),
              ...(local(j.stop) ? { stop: local(j.stop)! } : {}),
              ...(local(j.deadline) ? { deadline: local(j.deadline)! } : {}),
              asOf: local(asOfMs)!,
              ...extra,
            });
          const inPeriod = chunk.col.month === o.period;
          let rows = chunk.rowsOf(prov.id);
          if (inPeriod) ownRows += rows.length;
          else {
            const day = chunk.col.day;
            const from = fromDay;
            rows = rows.filter((i) => day[i]! >= from);
          }
          const startMs = chunk.col.time(chunk.startField);
          if (o.since) {
            const start = startMs;
            const from = o.since.getTime();
            rows = rows.filter((i) => start[i]! >= from);
          }
          judgeRows(chunk, rows, compiledFor, { cal, buildingType, asOf: asOfMs }, (i, c, j) => {
            const lim = j.limit >= 0 ? c.limits[j.limit]! : undefined;
            let ev: (() => Evidence) | undefined;
            // A case is judged once, finally, in the month it closes or its deadline passes, whichever is
            // first (issue 10 §1); still open within its deadline at the as-of time, it is pending and
            // carried forward. Excluded, impossible and undecidable cases stay with their report month.
            let outcome = j.outcome;
            if (outcome === O_MET || outcome === O_MISSED || outcome === O_OPEN_BREACHED || outcome === O_OPEN_PENDING) {
              // Not yet reported at the as-of time; a readiness case (ready before an event) exists before its start.
              if (!lim?.before && startMs[i]! > asOfMs) return;
              if (!(j.stop <= asOfMs) && !(asOfMs > j.deadline)) outcome = O_OPEN_PENDING;
              else {
                const at = j.stop === j.stop ? Math.min(j.stop, j.deadline) : j.deadline;
                if (at < periodStartMs || at >= periodEndMs) return;
              }
            } else if (!inPeriod) return;
            if (outcome === O_CAL_UNKNOWN) {
              errors++;
              const note = j.note ?? `no holiday data for ${dateOf(chunk.col.day[i]!).slice(0, 4)}`;
              const year = yearOf(note, dateOf(chunk.col.day[i]!).slice(0, 4));
              ev = () => ({ record: idOf(i), outcome: 'calendar-unknown', note, text: said(i, 'calendar-unknown', undefined, j, { year }) });
            } else if (!lim) return; // this requirement does not cover the case
            else {
              let p = statsAt[j.limit];
              if (!p) {
                p = { requirement: r.id, limit: lim.id, label: lim.label, provider: prov.id, period: o.period, limit_value: lim.text, n: 0, met: 0, missed: 0, open_breached: 0, open_pending: 0, invalid: 0, excluded: 0, excluded_by_reason: {}, rate: null, target: null };
                stats.set(lim.id, p);
                statsAt[j.limit] = p;
              }
              switch (outcome) {
                case O_EXCLUDED: {
                  p.excluded++;
                  const why = String(chunk.col.value('exclusion', i));
                  p.excluded_by_reason[why] = (p.excluded_by_reason[why] ?? 0) + 1;
                  break;
                }
                case O_OPEN_PENDING:
                  p.open_pending++;
                  pending.push({ record: idOf(i), limit: lim.id, deadline: instantToIso(j.deadline, tz) });
                  break;
                case O_OPEN_BREACHED:
                  p.n++;
                  p.missed++;
                  p.open_breached++;
                  ev = () => ({ record: idOf(i), outcome: 'open-breached', actual: `${lim.stop} missing, open at ${instantToIso(asOf.getTime(), tz)}`, required: lim.text, text: said(i, 'open-breached', lim, j) });
                  break;
                case O_IMPOSSIBLE:
                  p.n++;
                  p.invalid++;
                  ev = () => {
                    const rec = recordOf(t.subject, chunk.col.keys()[i]!);
                    return { record: idOf(i), outcome: 'impossible-time', actual: `${lim.stop} ${String(rec[lim.stop])} < ${lim.start} ${String(rec[lim.start])}`, required: lim.text, text: said(i, 'impossible-time', lim, j) };
                  };
                  break;
                case O_CLASS_FLAG: {
                  // A data finding, like an impossible time: counted, and never a pass.
                  p.n++;
                  p.invalid++;
                  const flag = chunk.col.value('during_class', i);
                  ev = () => ({ record: idOf(i), outcome: 'class-flag-mismatch', actual: `during_class ${String(flag)}`, required: `timetable: ${flag ? 'not in class' : 'in class'}`, text: said(i, 'class-flag-mismatch', lim, j, { flag: Boolean(flag) }) });
                  break;
                }
                case O_MET:
                  p.n++;
                  p.met++;
                  break;
                case O_MISSED: {
                  p.n++;
                  p.missed++;
                  const elapsed = j.elapsed;
                  const jj = { elapsed: j.elapsed, stop: j.stop, deadline: j.deadline };
                  ev = () => ({ record: idOf(i), outcome: 'missed', actual: lim.before ? `${minutes(-elapsed)} before` : minutes(elapsed), required: lim.before ? `${lim.text} before` : lim.text, text: said(i, 'missed', lim, jj) });
                  break;
                }
              }
            }
            if (ev) {
              evidenceTotal++;
              // Only what the report shows is materialised; the rest is counted.
              if (evidence.length < limitN) evidence.push(ev());
            }
          });
        }
        let met = 0;
        let n = 0;
        const order = t.limits.map((l) => l.id);
        for (const p of [...stats.values()].sort((a, b) => order.indexOf(a.limit) - order.indexOf(b.limit))) {
          p.rate = p.n ? p.met / p.n : null;
          const target = rr.requirement.timeliness!.target ? valueAt(params.values.get(rr.requirement.timeliness!.target.param) ?? [], bounds.end) : undefined;
          p.target = target ? Number(target.value) : null;
          pledges.push(p);
          met += p.met;
          n += p.n;
        }
        timelinessByReq.set(r.id, { met, n });
        const bad = [...stats.values()].reduce((a, p) => a + p.missed + p.invalid, 0);
        // No records of the kind at all this period — none reported, none closed — is no data, never a pass
        // (issue 10 §2); a miss carried into this period is still a miss.
        const noData = ownRows === 0 && n === 0;
        // Only cases still within their limit: no verdict yet, they are judged in a later month.
        const onlyPending = !noData && n === 0 && pending.length > 0;
        const status: Status = errors ? 'error' : bad ? 'failed' : noData ? 'not-reviewed' : n ? 'passed' : onlyPending ? 'not-reviewed' : stats.size ? 'not-applicable' : 'not-reviewed';
        const versions = [...new Set([...compiled.values()].map((c) => c.version))];
        findings.push({
          ...base(rr, { kind: 'provider', id: prov.id }),
          status,
          measured: n ? `${met}/${n}` : 0,
          required: t.limits.map((l) => `≤${valueAt(params.values.get(l.limit.param) ?? [], bounds.end)?.value}`).join(' / '),
          parameter_version: versions.join(', '),
          rules: [...compiled.values()].flatMap((c) => c.limits.map((l) => l.met.name)),
          evidence,
          evidence_total: evidenceTotal,
          ...(pending.length ? { pending } : {}),
          ...(status === 'not-reviewed'
            ? noData
              ? { reason: NO_DATA, reason_code: 'no-data' }
              : onlyPending
                ? { reason: { zh: '本期的个案均未办结且时限未到，在办结或时限届满的月份评价', en: 'every case is still open within its limit; judged in the month it closes or its deadline passes' }, reason_code: 'pending' }
                : { reason: { zh: '本期没有适用的个案', en: 'no cases this period' }, reason_code: 'no-case' }
            : {}),
        });
      } else if (r.type === 'frequency') {
        for (const fc of r.frequency!.counts) {
          const grid = frequencyFinding(rr, fc, params, base, prov, reg, cal, bounds, activitiesOf(fc.activity, prov.id), limitN, asOf, o.asOf !== undefined, sinceDay);
          // Out of service this month, a grid reaching back into served months is judged on what was logged then.
          const f = inService ? noActivityData(grid, activityRowsOf(prov.id)) : grid;
          findings.push(!inService && (f.status === 'not-applicable' || f.status === 'not-reviewed') ? { ...f, status: 'not-applicable', reason: OUTSIDE_SERVICE, reason_code: 'outside-service' } : f);
        }
      } else if (sinceDay !== undefined && dayNumber(bounds.start) <= sinceDay && (r.type === 'rate' || r.type === 'record' || r.type === 'inspection')) {
        findings.push({ ...base(rr, { kind: 'provider', id: prov.id }), status: 'not-reviewed', evidence: [], evidence_total: 0, reason: { zh: '本月部分时间在整改之前，按月评价的条款待下月整月数据复查', en: 'part of this month is before the rectification; month-long requirements are re-checked on the next whole month' }, reason_code: 'before-rectification' });
      } else if (r.type === 'rate') {
        // Plan forms: a share of records by a field's value; a document due below the threshold (plan-rules.ts).
        const rf = r.rate!.share
          ? shareFindings(rr, params, base, prov.id, bounds.end, data(r.rate!.subject).rows, limitN)
          : r.rate!.denominator_count
            ? countRatioFindings(rr, params, base, prov.id, bounds.end, data(r.rate!.subject).rows, countOf(r.rate!.denominator_count, prov.id), limitN)
            : rateFindings(rr, params, base, prov.id, bounds, data, timelinessByReq, limitN, cal, names);
        if (r.rate!.requires_record) {
          const docs = data('documents', bounds.start, dateOf(dayNumber(cal.localDate(asOf.getTime() - 1)) + 1)).rows;
          findings.push(...rf.map((f) => requiredRecord(f, docs, undefined, limitN)));
        } else findings.push(...rf);
      } else if (r.type === 'record') {
        findings.push(recordFinding(rr, params, base, prov.id, bounds, data, limitN));
      } else if (
        r.type === 'inspection' &&
        r.inspection!.watch &&
        // With a roster the watch is judged on it; without one, a provider that staffs no post of the watch's scope
        // (a caterer and the 24-hour property window) is not bound, rather than "no data".
        (data('duty-roster').rows.some((x) => x.provider === prov.id) || !scopeUnits(r.inspection!.watch.scope, reg, prov.id, r.id).length)
      ) {
        findings.push(watchFinding(rr, params, base, prov, reg, cal, bounds, data, limitN, asOf));
      } else if (r.type === 'inspection' || (r.type === 'disclosure' && r.disclosure?.where === 'on-site')) {
        // Judged against the month's planned rounds: any problem found fails; every due row done and passed
        // passes; a due row not done leaves it not reviewed, listed (docs/evaluation.md, Inspections). A notice
        // posted on site is a row of the rounds too (the planner plans it).
        const ic = r.inspection?.calendar;
        const offCalendar = ic && !bounds.days.some((d) => inNamedCalendar(cal, ic, d)) ? CALENDAR_WORDS[ic] : undefined;
        const v = inspections().judge(prov.id, r.id, { watch: Boolean(r.inspection?.watch), ...(offCalendar ? { outsideCalendar: offCalendar } : {}) });
        findings.push({
          ...base(rr, { kind: 'provider', id: prov.id }),
          status: v.status,
          measured: v.measured,
          ...(v.required !== undefined ? { required: v.required } : {}),
          rules: [inspectionRule(r).name],
          evidence: v.evidence,
          evidence_total: v.evidence_total,
          reason: v.reason,
          ...(v.reason_code ? { reason_code: v.reason_code } : {}),
          ...(v.status === 'not-reviewed' ? { checklist: r.inspection?.checklist ?? r.disclosure!.items.map((i) => i.name) } : {}),
        });
      } else if (r.type === 'disclosure') {
        // Judged from the recorded public site builds (engine/evaluate/disclosure.ts).
        builds ??= siteBuilds(o.store);
        const ctx: DisclosureContext = {
          desk: o.tree.serviceDesks[0]?.value,
          day: bounds.end,
          standardTitle: std?.title.zh,
          hasPledges: () => resolved.some((x) => (x.requirement.timeliness?.limits.length ?? 0) > 0),
          providerName: () => prov.name,
          valueOf: (_id, name) => (params.values.get(name) ?? []).filter((v) => v.from <= bounds.end).at(-1)?.value?.toString(),
        };
        findings.push(disclosureFinding(base(rr, { kind: 'provider', id: prov.id }), r, { ctx, provider: prov.id, builds, endMs: Math.min(asOfMs, periodEndMs), limitN }));
      }
    }
    done++;
    o.onProgress?.(done, total);
  }

  const office = officeFinding(o, idx, reg, bounds, inspections);
  if (office) findings.push(office);

  // Every finding in words, every evidence item a sentence (engine/evaluate/words.ts).
  addWords(findings, {
    names,
    reg,
    requirement: (id) => idx.requirements.get(id)?.value,
    param: (f, name) => {
      const def = idx.requirements.get(f.requirement)?.value.parameters?.find((p) => p.name === name);
      const v = valueAt(paramsFor.get(`${f.provider}|${f.requirement}`)?.values.get(name) ?? def?.values ?? [], bounds.end);
      return v ? { value: v.value as string | number, ...(def?.unit ? { unit: def.unit } : {}), ...(def?.label ? { label: def.label } : {}) } : undefined;
    },
  });

  const summary = { passed: 0, failed: 0, 'not-applicable': 0, 'not-reviewed': 0, error: 0, findings: findings.length, requirements: 0, checked: 0 } as Findings['summary'];
  for (const f of findings) summary[f.status]++;
  const byReq = new Map<string, Status>();
  for (const f of findings) byReq.set(f.requirement, byReq.has(f.requirement) ? worst(byReq.get(f.requirement)!, f.status) : f.status);
  summary.requirements = byReq.size;
  summary.checked = [...byReq.values()].filter((s) => s !== 'not-reviewed').length;

  const rollups = { providers: {} as Record<string, Status>, sections: {} as Record<string, Status>, clauses: {} as Record<string, Status> };
  for (const f of findings) {
    rollups.providers[f.provider] = rollups.providers[f.provider] ? worst(rollups.providers[f.provider]!, f.status) : f.status;
    const section = idx.requirements.get(f.requirement)?.value.section ?? '';
    rollups.sections[section] = rollups.sections[section] ? worst(rollups.sections[section]!, f.status) : f.status;
    // A clause takes the worst status of everything under it.
    let id: string | null = f.requirement;
    while (id) {
      rollups.clauses[id] = rollups.clauses[id] ? worst(rollups.clauses[id]!, f.status) : f.status;
      id = idx.requirements.get(id)?.value.parent ?? null;
    }
  }
  const cov = calendarCoverage();
  return {
    $schema: 'https://charter.invalid/schemas/v1/findings.schema.json',
    schema_version: 1,
    period: o.period,
    as_of: instantToIso(asOf.getTime(), tz),
    standard: std ? { id: std.id, version: std.version, edition: std.edition } : null,
    calendar: { source: cov.source, version: cov.version, years: `${cov.from}–${cov.to}` },
    data: { sha256: createHash('sha256').update(hashes.sort().join('\n')).digest('hex'), records: counts },
    providers: providers.map((p) => ({ id: p.id, name: p.name, profile: mainProfile(p, o.profile, std?.id) ?? '', ...(p.kind ? { kind: p.kind } : {}), ...(p.plans?.length ? { plans: [...new Set(p.plans.map(planId))] } : {}), ...(outOfService.has(p.id) ? { in_service: false } : {}) })),
    summary,
    findings,
    pledges,
    rollups,
    compile_errors: compileErrors,
  };
}

export type CaseOutcome = 'met' | 'missed' | 'open-breached' | 'open-pending' | 'impossible-time' | 'excluded' | 'calendar-unknown' | 'class-flag-mismatch';

export interface CaseJudgement {
  limit?: CompiledLimit;
  outcome?: CaseOutcome;
  facts: Facts;
  evidence?: Evidence;
  calendar: { working_hours?: unknown; during_class?: unknown; day?: unknown; clock_start?: string };
}

/**
 * One case against one timeliness requirement: which limit applies (the first whose conditions hold),
 * and whether it was met. The clock is wall-clock from start to stop; it does not pause.
 */
export function judgeCase(
  c: CompiledTimeliness,
  r: Requirement,
  rec: Record<string, unknown>,
  ctx: {
    cal: WorkingCalendar;
    buildingOf: Map<string, { type: string }>;
    asOf: Date;
    field?: string;
    explain?: boolean;
    shareRecord?: boolean;
    memo?: Map<number, { known: boolean; value: boolean }>;
    /** Names for the evidence's sentence (places of events); buildings are named from buildingOf without it. */
    names?: Names;
  },
): CaseJudgement {
  const t = r.timeliness!;
  const field = ctx.field ?? t.limits[0]!.start;
  const startText = rec[field] as string;
  // During an evaluation the record itself is the fact object, shared by every requirement that judges it
  // (the per-limit fields are reset below); explain and tests get a copy so their record stays as read.
  let fact: Record<string, unknown>;
  if (ctx.shareRecord) {
    fact = rec;
    // Derived fields are added once, all at the same point, so records keep one compact shape.
    if (!('building_type' in rec)) {
      rec.building_type = rec.building ? ctx.buildingOf.get(String(rec.building))?.type : undefined;
    }
  } else {
    fact = { ...rec, building_type: rec.building ? ctx.buildingOf.get(String(rec.building))?.type : undefined };
  }
  fact.start_ms = fact.stop_ms = fact.elapsed_seconds = fact.open = undefined;
  const startMs = Date.parse(startText);
  const calendar: CaseJudgement['calendar'] = ctx.explain ? { day: ctx.cal.dayInfo(ctx.cal.localDate(startMs)) } : {};
  let unknownCalendar = false;
  if (c.readsWorkingHours) {
    // Working hours depend on the start instant only: memoised per instant for the whole run.
    let wh = ctx.memo?.get(startMs);
    if (!wh) {
      wh = ctx.cal.isWithinWorkingHours(startMs);
      ctx.memo?.set(startMs, wh);
    }
    calendar.working_hours = wh;
    if (!wh.known) unknownCalendar = true;
    fact.working_hours = wh.value;
  }
  if (c.readsDuringClass) {
    const dc = ctx.cal.isDuringClass(startMs);
    calendar.during_class = dc;
    // The registered timetable decides (6.2.1.6 按照课程表); the provider's flag only where none is registered.
    fact.during_class = ctx.cal.school.class_periods?.length || typeof rec.during_class !== 'boolean' ? dc.value : rec.during_class;
  }
  const facts: Facts = { case: fact };
  const id = String(rec.id);
  // The case in words, exactly as the columnar path words it (engine/evaluate/words.ts).
  const tzc = ctx.cal.timezone;
  const iso = (ms: number | undefined): string | undefined => (ms !== undefined && ms === ms ? instantToIso(ms, tzc) : undefined);
  const buildingName = typeof rec.building === 'string' ? (ctx.buildingOf.get(rec.building) as { name?: string } | undefined)?.name : undefined;
  const areaName = typeof rec.area === 'string' && rec.area && ctx.names ? ctx.names.place(rec.area, 'zh') : undefined;
  const said = (outcome: CaseFacts['outcome'], l: CompiledLimit | undefined, x: { elapsed?: number; stop?: number; deadline?: number; flag?: boolean; year?: string } = {}) =>
    caseText({
      kind: r.timeliness!.subject,
      id,
      ...(buildingName ? { where: buildingName } : areaName ? { where: areaName } : {}),
      outcome,
      ...(l ? { limit: l } : {}),
      ...(x.elapsed !== undefined && x.elapsed === x.elapsed ? { elapsed: x.elapsed } : {}),
      ...(iso(startMs) ? { start: iso(startMs)! } : {}),
      ...(iso(x.stop) ? { stop: iso(x.stop)! } : {}),
      ...(iso(x.deadline) ? { deadline: iso(x.deadline)! } : {}),
      asOf: iso(ctx.asOf.getTime())!,
      ...(x.flag !== undefined ? { flag: x.flag } : {}),
      ...(x.year ? { year: x.year } : {}),
    });
  // Limits are tried in order; only when one that needs working hours is reached does an unknown
  // holiday notice make the case undecidable (an urgent water repair's 15 min does not need it).
  let lim: CompiledLimit | undefined;
  for (const l of c.limits) {
    if (unknownCalendar && l.readsWorkingHours) {
      return { outcome: 'calendar-unknown', facts, calendar, evidence: { record: id, outcome: 'calendar-unknown', note: `no holiday data for ${startText.slice(0, 4)}`, text: said('calendar-unknown', undefined, { year: yearOf(undefined, startText.slice(0, 4)) }) } };
    }
    if (test(l.applies.conditions, facts)) {
      lim = l;
      break;
    }
  }
  // A provider's during_class flag that contradicts the timetable, where that changes which limit applies,
  // is a data finding (counted and failed like an impossible time), never silently followed or dropped.
  if (c.readsDuringClass && ctx.cal.school.class_periods?.length && typeof rec.during_class === 'boolean' && rec.during_class !== fact.during_class) {
    const timetable = fact.during_class;
    fact.during_class = rec.during_class;
    let byFlag: CompiledLimit | undefined;
    for (const l of c.limits) {
      if (unknownCalendar && l.readsWorkingHours) {
        byFlag = lim; // undecidable either way: not a mismatch
        break;
      }
      if (test(l.applies.conditions, facts)) {
        byFlag = l;
        break;
      }
    }
    fact.during_class = timetable;
    if (byFlag !== lim) {
      const limit = lim ?? byFlag!;
      if (rec.exclusion) return { limit, outcome: 'excluded', facts, calendar };
      return { limit, outcome: 'class-flag-mismatch', facts, calendar, evidence: { record: id, outcome: 'class-flag-mismatch', actual: `during_class ${String(rec.during_class)}`, required: `timetable: ${timetable ? 'in class' : 'not in class'}`, text: said('class-flag-mismatch', limit, { flag: Boolean(rec.during_class) }) } };
    }
  }
  if (!lim) return { facts, calendar };
  if (rec.exclusion) return { limit: lim, outcome: 'excluded', facts, calendar };
  const stopText = effectiveStop(rec, lim);
  fact.start_ms = startMs;
  // Service hours: a case that came in outside them starts its clock at the next opening (clock.ts).
  let clockMs = startMs;
  if (lim.clock) {
    const cs = clockStart(ctx.cal, startMs, lim.clock);
    if (!cs.known) return { limit: lim, outcome: 'calendar-unknown', facts, calendar, evidence: { record: id, outcome: 'calendar-unknown', note: cs.message, text: said('calendar-unknown', undefined, { year: yearOf(cs.message, startText.slice(0, 4)) }) } };
    clockMs = cs.ms;
    calendar.clock_start = instantToIso(clockMs, ctx.cal.timezone);
  }
  // The deadline for day-counted limits comes from the calendar (Civil Code arts. 201–203).
  let deadlineMs: number;
  if (lim.unit === 'duration') deadlineMs = clockMs + lim.amount * 1000;
  else {
    const dl = lim.unit === 'working-days' ? ctx.cal.addWorkingDays(clockMs, lim.amount) : ctx.cal.addDays(clockMs, lim.amount);
    if (!dl.known) return { limit: lim, outcome: 'calendar-unknown', facts, calendar, evidence: { record: id, outcome: 'calendar-unknown', note: dl.message, text: said('calendar-unknown', undefined, { year: yearOf(dl.message, startText.slice(0, 4)) }) } };
    deadlineMs = dl.deadline.getTime();
  }
  facts.deadline = { [lim.id]: deadlineMs };
  if (stopText === undefined) {
    fact.open = true;
    if (ctx.asOf.getTime() > deadlineMs) {
      return { limit: lim, outcome: 'open-breached', facts, calendar, evidence: { record: id, outcome: 'open-breached', actual: `${lim.stop} missing, open at ${instantToIso(ctx.asOf.getTime(), ctx.cal.timezone)}`, required: lim.text, text: said('open-breached', lim, { deadline: deadlineMs }) } };
    }
    return { limit: lim, outcome: 'open-pending', facts, calendar };
  }
  const stopMs = Date.parse(stopText);
  fact.stop_ms = stopMs;
  fact.elapsed_seconds = (lim.clock ? Math.max(0, stopMs - clockMs) : stopMs - startMs) / 1000;
  if (stopMs < startMs && !lim.before) {
    return { limit: lim, outcome: 'impossible-time', facts, calendar, evidence: { record: id, outcome: 'impossible-time', actual: `${lim.stop} ${stopText} < ${lim.start} ${startText}`, required: lim.text, text: said('impossible-time', lim, { elapsed: fact.elapsed_seconds as number, stop: stopMs, deadline: deadlineMs }) } };
  }
  if (test(lim.met.conditions, facts)) return { limit: lim, outcome: 'met', facts, calendar };
  return { limit: lim, outcome: 'missed', facts, calendar, evidence: { record: id, outcome: 'missed', actual: lim.before ? `${minutes((startMs - stopMs) / 1000)} before` : minutes(fact.elapsed_seconds as number), required: lim.before ? `${lim.text} before` : lim.text, text: said('missed', lim, { elapsed: fact.elapsed_seconds as number, stop: stopMs, deadline: deadlineMs }) } };
}

/** The stop instant's text: the stop field, or the latest recorded of it and the events it cannot precede. */
function effectiveStop(rec: Record<string, unknown>, lim: CompiledLimit): string | undefined {
  let text = rec[lim.stop] as string | undefined;
  if (text === undefined) return undefined;
  for (const f of lim.stopNotBefore) {
    const t = rec[f];
    if (typeof t === 'string' && Date.parse(t) > Date.parse(text)) text = t;
  }
  return text;
}

const OUTSIDE_SERVICE: Text = { zh: '本期完全在该服务商的合同服务期之外', en: 'this period lies entirely outside the provider’s contract service period' };

/** Whether any day of the month lies in the provider's contract service period (none registered: always). */
/** Whether a day lies in the provider's contract service period (none registered: always). */
function servedOn(prov: RegisterFile['providers'][number], d: string): boolean {
  return !prov.service || (d >= prov.service.from && (!prov.service.to || d <= prov.service.to));
}

/** Whether a day lies in a named calendar (frequency counts, watches and rates share the names). */
function inNamedCalendar(cal: WorkingCalendar, calendar: string | undefined, d: string): boolean {
  if (!calendar) return true;
  const info = cal.dayInfo(d);
  switch (calendar) {
    case 'term':
      return info.term !== undefined;
    case 'vacation':
      return info.vacation !== undefined;
    case 'working-days':
      return info.working;
    case 'heating-season':
      return info.heating;
    case 'air-conditioning-season':
      return info.airConditioning;
    case 'season-peaks':
      return info.peak;
    default:
      return true;
  }
}

/** A grid's verdict: nothing due is not applicable; otherwise passed or failed, with met/cells and the missing cells. */
function gridVerdict<H extends object>(head: H, met: number, cells: number, missing: Evidence[], limitN: number, nothingDue: { reason: Text; reason_code?: string }) {
  if (!cells) return { ...head, status: 'not-applicable' as Status, evidence: [], evidence_total: 0, ...nothingDue };
  return { ...head, status: (missing.length ? 'failed' : 'passed') as Status, measured: `${met}/${cells}`, evidence: missing.slice(0, limitN), evidence_total: missing.length };
}

function servesDuring(prov: RegisterFile['providers'][number], bounds: { start: string; end: string }): boolean {
  const s = prov.service;
  if (!s) return true;
  return s.from <= bounds.end && (!s.to || s.to >= bounds.start);
}

/** A frequency grid failed only because the provider submitted no activity log at all this period: no data. */
function noActivityData(f: Finding, logs: number): Finding {
  if (logs > 0 || f.status !== 'failed') return f;
  return { ...f, status: 'not-reviewed', evidence: [], evidence_total: 0, reason: NO_DATA, reason_code: 'no-data' };
}

/**
 * The first local day whose cases can still be judged in the period starting on periodStart: a case
 * reported earlier has, under every version of every limit of the requirement, a deadline before the
 * period starts, so it was judged (closed or breached) before. Derived from the limits themselves —
 * durations directly, day-counted limits by walking back over the calendar (holidays lengthen them).
 */
function lookbackDay(r: Requirement, params: ParamSet, cal: WorkingCalendar, periodStart: string): number {
  const first = dayNumber(periodStart);
  const startMs = parseLocal(`${periodStart}T00:00`, cal.timezone).getTime();
  const dates = new Set<string>([periodStart]);
  for (const l of r.timeliness!.limits) for (const v of params.values.get(l.limit.param) ?? []) dates.add(v.from);
  let earliest = first;
  for (const date of dates) {
    let c: CompiledTimeliness;
    try {
      c = compileTimeliness(r, params, date);
    } catch {
      continue;
    }
    for (const lim of c.limits) {
      if (!Number.isFinite(lim.amount)) continue;
      // A service-hours clock can start days after the report (a holiday between); reading further back
      // only costs time, since every case read is still judged only in its own month.
      const clockSlack = lim.clock ? 15 : 0;
      if (lim.unit === 'duration') {
        earliest = Math.min(earliest, dayNumber(cal.localDate(startMs - lim.amount * 1000)) - clockSlack);
        continue;
      }
      // The deadline of a day-counted limit depends only on the report day and grows with it.
      let d = first - 1;
      for (; d > first - 3660; d--) {
        const dl = lim.unit === 'working-days' ? cal.addWorkingDays(parseLocal(`${dateOf(d)}T23:59:59`, cal.timezone), lim.amount) : cal.addDays(parseLocal(`${dateOf(d)}T23:59:59`, cal.timezone), lim.amount);
        if (!dl.known || dl.deadline.getTime() < startMs) break;
      }
      earliest = Math.min(earliest, d + 1 - clockSlack);
    }
  }
  return earliest;
}

/** The earliest day any frequency period ending in this month can start on. */
function activityWindowStart(bounds: ReturnType<typeof monthBounds>, terms: { start: string; end: string }[]): string {
  const [y, m] = bounds.start.split('-').map(Number) as [number, number];
  let earliest = dayNumber(bounds.start) - 6;
  if (m % 3 === 0) earliest = Math.min(earliest, dayNumber(`${y}-${String(m - 2).padStart(2, '0')}-01`));
  if (m === 12) earliest = Math.min(earliest, dayNumber(`${y}-01-01`));
  for (const t of terms) if (t.end >= bounds.start && t.end <= bounds.end) earliest = Math.min(earliest, dayNumber(t.start));
  return dateOf(earliest);
}

/** Where a case was, by name: its building, else its place (events' area). */
function whereOf(building: unknown, area: unknown, names: Names): { where?: string } {
  const id = typeof building === 'string' && building ? building : typeof area === 'string' && area ? area : undefined;
  return id ? { where: names.place(id, 'zh') } : {};
}

function minutes(seconds: number): string {
  const m = Math.round(seconds / 60);
  return m < 120 ? `${m} min` : `${(m / 60).toFixed(1)} h`;
}

type Base = (rr: ResolvedRequirement, scope: { kind: string; id: string }) => Omit<Finding, 'status' | 'evidence' | 'evidence_total'>;
type DataFn = (kind: RecordKind, from?: string, to?: string) => { rows: Record<string, unknown>[] };

/** Whether an id covers a requirement: itself, anything numbered under it, or (a plan's id) the plan's own requirements. */
export function covers(id: string, req: string): boolean {
  return req === id || req.startsWith(id + '.') || req.startsWith(id + '-') || req.startsWith(id + ':');
}

/**
 * Campus-wide duties: a provider named for the requirement in the campus's duties, else a unit the register
 * binds the requirement's plan to (`plans:`), else the campus's provider.
 */
function answersForCampus(c: RegisterFile['campuses'][number], provider: string, req: string, boundByPlan = false): boolean {
  const named = (c.duties ?? []).filter((d) => d.requirements.some((x) => covers(x, req)));
  return named.length ? named.some((d) => d.provider === provider) : boundByPlan || c.provider === provider;
}

/** Periods longer than a month: owed pro rata by a contract that covers only part of them. */
const LONG_PERIODS = new Set(['quarter', 'semester', 'year']);
/** Kept for importers of the old name; the words live in engine/model/labels.ts (BUILDING_TYPE). */
export const BUILDING_TYPE_ZH: Record<string, string> = Object.fromEntries(Object.entries(BUILDING_TYPE).map(([k, w]) => [k, w.zh]));
const PLACE_SCOPES = new Set(['power-room', 'water-tank', 'boiler-room', 'vehicle-fleet', 'service-centre', 'sanitation-point']);
const SCOPE_TYPE: Record<string, string> = { 'dormitory-building': 'dormitory', 'teaching-building': 'teaching', library: 'library', venue: 'venue', canteen: 'canteen' };

/** A unit of an expected-occurrence grid: a campus, building, place or the whole school, with the record field naming it. */
interface GridUnit {
  id: string;
  key: 'campus' | 'building' | 'area' | 'school';
  sealed?: { start: string; end: string }[];
}

/**
 * The units a provider answers for at a scope (frequency counts and watches alike): the whole school; campuses by
 * the register's duties, else the campus's provider; places and buildings by their provider (buildings of the
 * scope's type, or of the listed types).
 */
function scopeUnits(scope: string, reg: RegisterFile, provider: string, req: string, o: { buildingTypes?: string[]; boundByPlan?: boolean } = {}): GridUnit[] {
  // A count per school (e.g. service-process-2025's 12 trainings a year) is one cell for the whole school.
  if (scope === 'school') return [{ id: reg.id, key: 'school' }];
  if (scope === 'campus') return reg.campuses.filter((c) => answersForCampus(c, provider, req, o.boundByPlan)).map((c) => ({ id: c.id, key: 'campus' }));
  if (PLACE_SCOPES.has(scope)) return (reg.places ?? []).filter((p) => p.scope === scope && p.provider === provider).map((p) => ({ id: p.id, key: 'area' }));
  const types = o.buildingTypes ?? (SCOPE_TYPE[scope] ? [SCOPE_TYPE[scope]!] : undefined);
  return reg.buildings.filter((b) => b.provider === provider && (!types || types.includes(b.type))).map((b) => ({ id: b.id, key: 'building', ...(b.sealed ? { sealed: b.sealed } : {}) }));
}

function isoWeekEnd(date: string): string {
  const n = dayNumber(date);
  const wd = ((n + 3) % 7) + 1; // 1970-01-01 was a Thursday; 1 = Monday
  return dateOf(n + (7 - wd));
}

function frequencyFinding(
  rr: ResolvedRequirement,
  fc: FrequencyCount,
  params: ParamSet,
  base: Base,
  prov: RegisterFile['providers'][number],
  reg: RegisterFile,
  cal: WorkingCalendar,
  bounds: ReturnType<typeof monthBounds>,
  acts: ActivityRows[],
  limitN: number,
  asOf: Date,
  explicitAsOf: boolean,
  sinceDay?: number,
): Finding {
  const r = rr.requirement;
  const provider = prov.id;
  // A cell is due only within the provider's service period, and only once it is over at the as-of time.
  const inService = (d: string): boolean => servedOn(prov, d);
  const nightEnd = cal.school.night?.end ?? '06:00';
  const cellEnds = (lastDay: string): number => parseLocal(`${dateOf(dayNumber(lastDay) + 1)}T${fc.period === 'night' ? nightEnd : '00:00'}`, cal.timezone).getTime();
  const dv: DatedValue | undefined = valueAt(params.values.get(fc.count.param) ?? [], bounds.end);
  const required = Number(dv?.value ?? 1);
  const version = `${rr.parameters.find((p) => p.name === fc.count.param)?.tailoredBy ? rr.parameters.find((p) => p.name === fc.count.param)!.tailoredBy + ':' : ''}${dv?.from ?? '?'}`;
  const rule = cellRule(r, fc.id, required, version);
  const head = { ...base(rr, { kind: fc.scope, id: fc.id }), required, parameter_version: version, rules: [rule.name] };
  const units = scopeUnits(fc.scope, reg, provider, r.id, { buildingTypes: fc.building_type, boundByPlan: head.bound_by === 'plans' });
  if (!units.length) return { ...head, status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: '该服务商没有此范围的服务对象', en: 'the provider serves no unit of this scope' } };
  if (fc.period === 'opening-hour') return openingHourFinding(head, rule, required, units, reg, cal, bounds, acts, limitN, asOf, prov, sinceDay);
  if (fc.period === 'hour' || fc.period === 'event') {
    return { ...head, status: 'not-reviewed', evidence: [], evidence_total: 0, reason: { zh: '开放时间或活动安排未登记，无法建立应有频次网格', en: 'opening hours or events are not registered, so no grid can be built' } };
  }
  const inCalendar = (d: string): boolean => inNamedCalendar(cal, fc.calendar, d);
  const dayOk = (d: string): boolean => inService(d) && inCalendar(d);
  // Periods that end in this month, each with the days it covers.
  let periods: { key: string; days: string[] }[] = [];
  const month = bounds.start.slice(0, 7);
  if (fc.period === 'day' || fc.period === 'night') periods = bounds.days.map((d) => ({ key: d, days: [d] }));
  else if (fc.period === 'week') {
    const ends = [...new Set(bounds.days.map(isoWeekEnd))].filter((e) => e.slice(0, 7) === month);
    periods = ends.map((e) => ({ key: `week-ending-${e}`, days: Array.from({ length: 7 }, (_, i) => dateOf(dayNumber(e) - 6 + i)) }));
  } else if (fc.period === 'month') periods = [{ key: month, days: bounds.days }];
  else {
    const m = Number(month.slice(5));
    const y = month.slice(0, 4);
    let range: [string, string] | undefined;
    if (fc.period === 'quarter' && m % 3 === 0) range = [`${y}-${String(m - 2).padStart(2, '0')}-01`, bounds.end];
    if (fc.period === 'year' && m === 12) range = [`${y}-01-01`, bounds.end];
    if (fc.period === 'semester') {
      const term = cal.school.terms.find((t) => t.end.slice(0, 7) === month);
      if (term) range = [term.start, term.end];
    }
    if (!range) return { ...head, status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: `本${say(INTERVAL, fc.period, 'zh')}不在本月结束，届时再评`, en: `the ${say(INTERVAL, fc.period, 'en')} does not end this month; judged when it does` } };
    periods = [{ key: `${range[0]}..${range[1]}`, days: Array.from({ length: dayNumber(range[1]) - dayNumber(range[0]) + 1 }, (_, i) => dateOf(dayNumber(range![0]) + i)) }];
  }
  // With the default as-of (the end of the month) a month's last night, which ends the next morning,
  // is still judged with the month it starts in; an explicit --as-of is taken literally.
  periods = periods.filter((p) => p.days.some(dayOk) && (cellEnds(p.days.at(-1)!) <= asOf.getTime() || (!explicitAsOf && fc.period === 'night')));
  // Re-checking a rectification: only periods that start after the day it was reported.
  if (sinceDay !== undefined) periods = periods.filter((p) => dayNumber(p.days[0]!) > sinceDay);
  if (!periods.length) return { ...head, status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: '本月不在该要求适用的日历范围内', en: 'the requirement’s calendar does not cover this month' } };
  // Count this provider's activities of this kind into cells: unit × period, by index.
  const periodOfDay = new Map<number, number>();
  periods.forEach((p, pi) => {
    for (const d of p.days) periodOfDay.set(dayNumber(d), pi);
  });
  const counts = new Int32Array(units.length * periods.length);
  const unitKey = units[0]!.key;
  for (const { col, rows } of acts) {
    const at = col.time('performed_at');
    // Per school, every activity of the unit counts, whichever campus it was on.
    const unitCodes = unitKey === 'school' ? new Uint8Array(col.rows) : col.codes(unitKey);
    const unitIndex = unitKey === 'school' ? [0] : col.dict(unitKey).map((v) => units.findIndex((u) => u.id === String(v ?? '')));
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const day = fc.period === 'night' ? cal.nightDay(at[i]!) : col.day[i]!;
      if (day !== day) continue; // outside night hours
      const pi = periodOfDay.get(day);
      if (pi === undefined) continue;
      const ui = unitIndex[unitCodes[i]!]!;
      if (ui >= 0) counts[ui * periods.length + pi]!++;
    }
  }
  const missing: Evidence[] = [];
  let cells = 0;
  let met = 0;
  // The count owed in a long period after pro rata (one quarter, term or year ends in a month).
  let owed = required;
  for (const [ui, u] of units.entries()) {
    for (const [pi, p] of periods.entries()) {
      if (!p.days.some(dayOk)) continue;
      if (u.sealed?.some((s) => p.days.every((d) => d >= s.start && d <= s.end))) continue;
      // A quarter, term or year only partly inside the provider's contract is owed pro rata: the count times
      // the share of its due days in service, rounded half up; rounded to nothing, it is not due (docs/evaluation.md).
      let need = required;
      if (LONG_PERIODS.has(fc.period)) {
        const due = p.days.filter(inCalendar).length;
        const served = p.days.filter(dayOk).length;
        if (served < due) need = Math.floor((required * served) / due + 0.5);
        owed = need;
        if (need === 0) continue;
      }
      cells++;
      const count = counts[ui * periods.length + pi]!;
      const cellCheck = need === required ? rule : cellRule(r, fc.id, need, version);
      if (test(cellCheck.conditions, { cell: { count, unit: u.id, period: p.key } })) met++;
      else missing.push({ unit: u.id, cell: p.key, outcome: 'missing', actual: count, required: need, ...(need !== required ? { note: `pro rata ${required} × ${p.days.filter(dayOk).length}/${p.days.filter(inCalendar).length} days in service` } : {}) });
    }
  }
  // Every due cell was owed nothing pro rata (a yearly duty, a few weeks of contract): nothing is due.
  return gridVerdict({ ...head, ...(owed !== required ? { required: owed } : {}) }, met, cells, missing, limitN, {
    reason: { zh: '服务期只占该周期很小一部分，按比例折算后本周期不要求', en: 'the service period covers so little of the period that nothing is owed pro rata' },
    reason_code: 'pro-rata-none',
  });
}

/**
 * Rounds per opening hour (6.2.2.3 每小时1次对馆内进行巡查): one cell per full hour a building is open by
 * the register's opening_hours (from its opening time; closed on statutory holidays), within the provider's
 * service period and over by the as-of time. A round counts in the hour it starts in: [start, start + 1 h).
 */
function openingHourFinding(
  head: Omit<Finding, 'status' | 'evidence' | 'evidence_total'>,
  rule: ReturnType<typeof cellRule>,
  required: number,
  units: GridUnit[],
  reg: RegisterFile,
  cal: WorkingCalendar,
  bounds: ReturnType<typeof monthBounds>,
  acts: ActivityRows[],
  limitN: number,
  asOf: Date,
  prov: RegisterFile['providers'][number],
  sinceDay?: number,
): Finding {
  const HOUR = 3_600_000;
  const hoursOf = new Map(reg.buildings.map((b) => [b.id, b.opening_hours]));
  const open = units.filter((u) => u.key === 'building' && hoursOf.get(u.id)?.length);
  if (!open.length) {
    return { ...head, status: 'not-reviewed', evidence: [], evidence_total: 0, reason: { zh: '开放时间未登记，无法建立应有频次网格', en: 'opening hours are not registered, so no grid can be built' }, reason_code: 'no-opening-hours' };
  }
  const inService = (d: string): boolean => servedOn(prov, d);
  // Cells per unit: each full open hour of each open day, keyed YYYY-MM-DDTHH:MM.
  const cells = new Map<string, { key: string; start: number; count: number }[]>();
  const byStart = new Map<string, Map<number, { key: string; start: number; count: number }>>();
  for (const u of open) {
    const list: { key: string; start: number; count: number }[] = [];
    const index = new Map<number, { key: string; start: number; count: number }>();
    for (const d of bounds.days) {
      if (!inService(d) || (sinceDay !== undefined && dayNumber(d) <= sinceDay)) continue;
      const info = cal.dayInfo(d);
      if (info.holiday) continue;
      for (const w of hoursOf.get(u.id)!) {
        if (w.weekdays && !w.weekdays.includes(info.weekday)) continue;
        const from = parseLocal(`${d}T${w.start}`, cal.timezone).getTime();
        const to = w.end === '24:00' ? parseLocal(`${dateOf(dayNumber(d) + 1)}T00:00`, cal.timezone).getTime() : parseLocal(`${d}T${w.end}`, cal.timezone).getTime();
        for (let t = from; t + HOUR <= to; t += HOUR) {
          if (t + HOUR > asOf.getTime()) break;
          const cell = { key: `${d}T${cal.format(new Date(t)).slice(11, 16)}`, start: t, count: 0 };
          list.push(cell);
          index.set(t, cell);
        }
      }
    }
    cells.set(u.id, list);
    byStart.set(u.id, index);
  }
  for (const { col, rows } of acts) {
    const at = col.time('performed_at');
    const codes = col.codes('building');
    const dict = col.dict('building');
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const index = byStart.get(String(dict[codes[i]!] ?? ''));
      if (!index) continue;
      const t = at[i]!;
      // The hour cell this round falls in: cells start on the opening time, so try the starts at or before t.
      for (const cell of index.values()) {
        if (t >= cell.start && t < cell.start + HOUR) {
          cell.count++;
          break;
        }
      }
    }
  }
  const missing: Evidence[] = [];
  let total = 0;
  let met = 0;
  for (const u of open) {
    for (const c of cells.get(u.id)!) {
      total++;
      if (test(rule.conditions, { cell: { count: c.count, unit: u.id, period: c.key } })) met++;
      else missing.push({ unit: u.id, cell: c.key, outcome: 'missing', actual: c.count, required });
    }
  }
  return gridVerdict(head, met, total, missing, limitN, { reason: { zh: '本月没有应巡查的开放时段', en: 'no open hours due this month' } });
}

/**
 * A watch (24h值班, 每班2人) against the duty roster: every unit the provider answers for, every due day
 * (in service, in the watch's calendar, over by the as-of time), staffed at every moment by at least the
 * required number of people at the post. Each day with a gap is evidence, with the uncovered times.
 */
function watchFinding(
  rr: ResolvedRequirement,
  params: ParamSet,
  base: Base,
  prov: RegisterFile['providers'][number],
  reg: RegisterFile,
  cal: WorkingCalendar,
  bounds: ReturnType<typeof monthBounds>,
  data: DataFn,
  limitN: number,
  asOf: Date,
): Finding {
  const r = rr.requirement;
  const w = r.inspection!.watch!;
  const dv = valueAt(params.values.get(w.staff.param) ?? [], bounds.end);
  const staff = Number(dv?.value ?? 1);
  const head = { ...base(rr, { kind: w.scope, id: w.post }), required: `${staff} × 24h`, parameter_version: dv?.from ?? '?', rules: [`${r.id}@${dv?.from ?? '?'}#watch`] };
  // Units, as frequency grids find them.
  const units = scopeUnits(w.scope, reg, prov.id, r.id);
  if (!units.length) return { ...head, status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: '该服务商没有此范围的值班岗位', en: 'the provider has no post of this scope' }, reason_code: 'no-unit' };
  const inService = (d: string): boolean => servedOn(prov, d);
  const inCalendar = (d: string): boolean => inNamedCalendar(cal, w.calendar, d);
  // Shifts of this post by unit; a shift from the previous evening may reach into the first day.
  const prev = dateOf(dayNumber(bounds.start) - 1);
  const shifts = [...data('duty-roster').rows, ...data('duty-roster', prev, bounds.start).rows].filter((x) => x.provider === prov.id && x.post === w.post);
  const byUnit = new Map<string, { from: number; to: number; staff: number }[]>();
  for (const x of shifts) {
    const unit = String(units[0]!.key === 'campus' ? x.campus : units[0]!.key === 'building' ? x.building : x.area);
    const list = byUnit.get(unit) ?? [];
    list.push({ from: Date.parse(String(x.start)), to: Date.parse(String(x.end)), staff: Number(x.staff) });
    byUnit.set(unit, list);
  }
  const hhmm = (ms: number): string => cal.format(new Date(ms)).slice(11, 16);
  const missing: Evidence[] = [];
  let cells = 0;
  let met = 0;
  for (const u of units) {
    const list = byUnit.get(u.id) ?? [];
    for (const d of bounds.days) {
      if (!inService(d) || !inCalendar(d)) continue;
      const from = parseLocal(`${d}T00:00`, cal.timezone).getTime();
      const to = parseLocal(`${dateOf(dayNumber(d) + 1)}T00:00`, cal.timezone).getTime();
      if (to > asOf.getTime()) continue;
      cells++;
      // Sweep the day: staff on duty between consecutive shift boundaries.
      const points = new Set<number>([from, to]);
      for (const s of list) {
        if (s.to <= from || s.from >= to) continue;
        points.add(Math.max(s.from, from));
        points.add(Math.min(s.to, to));
      }
      const cuts = [...points].sort((a, b) => a - b);
      const gaps: string[] = [];
      let least = Infinity;
      for (let k = 0; k + 1 < cuts.length; k++) {
        const a = cuts[k]!;
        const b = cuts[k + 1]!;
        const on = list.reduce((n, s) => (s.from <= a && s.to >= b ? n + s.staff : n), 0);
        least = Math.min(least, on);
        if (on < staff) gaps.push(`${hhmm(a)}–${b === to ? '24:00' : hhmm(b)} ${on}`);
      }
      if (gaps.length) missing.push({ unit: u.id, cell: d, outcome: 'understaffed', actual: gaps.slice(0, 4).join('; ') + (gaps.length > 4 ? ' …' : ''), required: staff });
      else met++;
    }
  }
  return gridVerdict(head, met, cells, missing, limitN, { reason: { zh: '本月没有应值班的日子', en: 'no watch day is due this month' } });
}

function rateFindings(
  rr: ResolvedRequirement,
  params: ParamSet,
  base: Base,
  provider: string,
  bounds: ReturnType<typeof monthBounds>,
  data: DataFn,
  timeliness: Map<string, { met: number; n: number }>,
  limitN: number,
  cal: WorkingCalendar,
  names?: Names,
): Finding[] {
  const r = rr.requirement;
  const rt = r.rate!;
  // A reading below its own minimum (a room at 16.6 ℃ against 18 ℃) is worded in the reading's unit, never the rate's.
  const readingParam = rt.also?.[0] ? r.parameters?.find((p) => p.name === rt.also![0]!.param) : undefined;
  const readingText = (x: Record<string, unknown>, min: number): Text => {
    const where = names && typeof (x.station ?? x.building ?? x.campus) === 'string' ? names.place(String(x.station ?? x.building ?? x.campus), 'zh') : '';
    const unit = typeof x.unit === 'string' ? x.unit : readingParam?.unit;
    const at = typeof x.measured_at === 'string' ? x.measured_at : '';
    const w = (lang: 'zh' | 'en'): string => {
      const what = readingWordOf(readingParam?.label, lang);
      const v = limitWords(Number(x.value), unit, lang);
      const m = limitWords(min, unit, lang);
      return lang === 'zh'
        ? `${say(CASE_NOUN, 'measurements', lang)} ${String(x.id)}：${where}${at ? ` ${localTime(at, lang)}` : ''} ${what} ${v}，低于 ${m}`
        : `Measurement ${String(x.id)}: ${where}${at ? `, ${localTime(at, lang)}` : ''}: ${what} ${v}, below ${m}`;
    };
    return { zh: w('zh'), en: w('en') };
  };
  // Readings count only on the days of the rate's calendar (5.1.2.10: 供暖期间), and each unit's day of
  // readings must name at least min_points distinct measuring points (5.1.2.10-5: 不少于5个测温点).
  const inCalendar = (x: Record<string, unknown>): boolean => {
    if (!rt.calendar || typeof x.measured_at !== 'string') return true;
    return inNamedCalendar(cal, rt.calendar, cal.localDate(Date.parse(x.measured_at)));
  };
  const minPoints = rt.min_points ? Number(valueAt(params.values.get(rt.min_points.param) ?? [], bounds.end)?.value) : 0;
  const pointsByDay = new Map<string, Map<string, Set<string>>>();
  const rules = rateRules(r, params, bounds.end);
  const scale = rules.unit === 'permille' ? 1000 : 100;
  const complete = isCompleteCount(rt);
  // Equipment counts are snapshots of a whole population: each counting day is judged on its own, so the
  // verdict does not depend on how often a count was submitted (one per unit and day — the record key —
  // the latest submission replacing the earlier), and a good count cannot dilute a bad one.
  const groups = new Map<string, { num: number; den: number; bad: Evidence[]; snapshots: { date: string; num: number; den: number }[] }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { num: 0, den: 0, bad: [], snapshots: [] }));
    return g;
  };
  const add = (key: string, num: number, den: number, ev?: Evidence): void => {
    const g = group(key);
    g.num += num;
    g.den += den;
    if (ev) g.bad.push(ev);
  };
  let scopeKind = 'provider';
  if (rt.cases_of) {
    const t = timeliness.get(rt.cases_of);
    if (t && t.n > 0) add(provider, t.met, t.n);
  } else {
    const rows = data(rt.subject).rows.filter((x) => x.provider === provider && (!rt.select?.kind || x.kind === rt.select.kind));
    for (const x of rows) {
      if (rt.subject === 'equipment-counts') {
        scopeKind = 'campus';
        const den = Number(x[rt.denominator ?? 'total']);
        if (den > 0) group(String(x.campus)).snapshots.push({ date: String(x.date), num: Number(x[rt.numerator ?? 'intact']), den });
      } else if (rt.numerator && rt.denominator) {
        scopeKind = x.station ? 'station' : x.building ? 'building' : x.campus ? 'campus' : 'provider';
        add(String(x.station ?? x.building ?? x.campus ?? provider), Number(x[rt.numerator] ?? 0), Number(x[rt.denominator] ?? 0));
      } else if (rules.reading) {
        if (!inCalendar(x)) continue;
        // Share of readings that pass the reading rule (e.g. room temperature ≥ 18 ℃).
        scopeKind = x.station ? 'station' : x.building ? 'building' : 'campus';
        if (minPoints) {
          const unit = String(x.station ?? x.building ?? x.campus);
          const day = cal.localDate(Date.parse(String(x.measured_at)));
          let byDay = pointsByDay.get(unit);
          if (!byDay) pointsByDay.set(unit, (byDay = new Map()));
          let pts = byDay.get(day);
          if (!pts) byDay.set(day, (pts = new Set()));
          if (typeof x.point === 'string') pts.add(x.point);
        }
        const ok = test(rules.reading.conditions, { reading: { value: x.value } });
        const unitId = String(x.station ?? x.building ?? x.campus);
        add(unitId, ok ? 1 : 0, 1, ok ? undefined : { record: String(x.id), unit: unitId, outcome: 'reading-below', actual: Number(x.value), required: rules.minReading!, text: readingText(x, rules.minReading!) });
      } else if (rt.subject === 'surveys') {
        add(provider, Number(x.satisfied), Number(x.respondents));
      }
    }
  }
  const head = (scope: string) => ({ ...base(rr, { kind: scopeKind, id: scope }), required: `${rt.direction} ${rules.threshold}${rules.unit === 'permille' ? '‰' : '%'}`, unit: rules.unit, parameter_version: rules.version, rules: [rules.sample.name, rules.pass.name] });
  // A month with no day of the rate's calendar (5.1.2.10 供暖期间 in April) has nothing due: not applicable,
  // never "no data" — silence is only a gap where data was due.
  if (rt.calendar && !bounds.days.some((d) => inNamedCalendar(cal, rt.calendar, d))) {
    return [{ ...head(provider), status: 'not-applicable', evidence: [], evidence_total: 0, reason: { zh: '本月不在该要求适用的日历范围内（如供暖期）', en: 'the requirement’s calendar (e.g. the heating season) does not cover this month' }, reason_code: 'outside-calendar' }];
  }
  const noData = (scope: string): Finding => ({ ...head(scope), status: 'not-reviewed', evidence: [], evidence_total: 0, reason: { zh: '本期没有数据', en: 'no data this period' }, reason_code: 'no-data' });
  if (!groups.size) return [noData(provider)];
  // Rounded to 1e-9 so 57/100 is 57 %, not 56.99999… (a boundary is a boundary).
  const valueOf = (num: number, den: number): number => (den ? Math.round((num / den) * scale * 1e9) / 1e9 : 0);
  const factsOf = (num: number, den: number) => ({ rate: { value: valueOf(num, den), sample: den, numerator: num, denominator: den } });
  const higherIsBetter = rt.direction === 'at-least' || rt.direction === 'above';
  return [...groups.entries()].map(([scope, g]): Finding => {
    if (g.snapshots.length) {
      const judged = g.snapshots.map((s) => ({ ...s, value: valueOf(s.num, s.den), ok: test(rules.pass.conditions, factsOf(s.num, s.den)) }));
      const worstOne = judged.reduce((a, b) => (higherIsBetter ? (b.value < a.value ? b : a) : b.value > a.value ? b : a));
      const ev: Evidence[] = judged.filter((s) => !s.ok).map((s) => ({ unit: scope, outcome: 'below', actual: round(s.value), required: rules.threshold, note: `counted ${s.date}: ${s.num}/${s.den}` }));
      return { ...head(scope), status: ev.length ? 'failed' : 'passed', measured: round(worstOne.value), evidence: ev.slice(0, limitN), evidence_total: ev.length };
    }
    if (!g.den) return noData(scope);
    const value = valueOf(g.num, g.den);
    if (!test(rules.sample.conditions, factsOf(g.num, g.den))) {
      // A sample below the minimum: failed if its misses already make the threshold impossible — even if
      // every observation still needed to reach the minimum were good — otherwise no verdict yet.
      const min = rt.min_sample ?? 1;
      const bestNum = higherIsBetter ? g.num + (min - g.den) : g.num;
      if (!complete && !test(rules.pass.conditions, factsOf(bestNum, min))) {
        const ev: Evidence[] = g.bad.length ? g.bad : [{ unit: scope, outcome: 'below', actual: round(value), required: rules.threshold }];
        return {
          ...head(scope),
          status: 'failed',
          measured: round(value),
          evidence: ev.slice(0, limitN),
          evidence_total: ev.length,
          reason: { zh: `样本 ${g.den} 少于最小样本 ${min}，但即使补足样本全部合格也只能达到 ${round(valueOf(bestNum, min))}，已不可能达标`, en: `sample ${g.den} is below the minimum ${min}, but even if every further observation were good the rate could reach only ${round(valueOf(bestNum, min))}` },
        };
      }
      return { ...head(scope), status: 'not-reviewed', measured: round(value), evidence: [], evidence_total: 0, reason: { zh: `样本 ${g.den} 少于最小样本 ${min}`, en: `sample ${g.den} is below the minimum ${min}` }, reason_code: 'small-sample' };
    }
    const ok = test(rules.pass.conditions, factsOf(g.num, g.den));
    const ev: Evidence[] = ok ? [] : g.bad.length ? g.bad : [{ unit: scope, outcome: 'below', actual: round(value), required: rules.threshold }];
    // Days whose readings name fewer measuring points than required fail the rate too, however warm.
    const fewPoints: Evidence[] = [...(pointsByDay.get(scope) ?? new Map<string, Set<string>>()).entries()]
      .filter(([, pts]) => pts.size < minPoints)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, pts]) => ({ unit: scope, cell: day, outcome: 'too-few-points', actual: pts.size, required: minPoints }));
    ev.push(...fewPoints);
    return { ...head(scope), status: ev.length ? 'failed' : 'passed', measured: round(value), evidence: ev.slice(0, limitN), evidence_total: ev.length };
  });
}

/** Why a submitted copy of a listed document does not count, or undefined if it does. */
type DocProblem = 'not-current-year' | 'not-approved' | 'expired' | 'retention-too-short';

/**
 * A record requirement: every listed document is required, each with its own validity (an annual plan of
 * the evaluated year, approved by the school; not expired; kept long enough). A document answers a listed
 * item by its `item` code; without one, by its title being the item's text; and when the requirement lists
 * a single document, any document submitted for the requirement answers it. The provider having submitted
 * no documents at all is no data (not reviewed; the checklist goes to an inspector).
 */
function recordFinding(
  rr: ResolvedRequirement,
  params: ParamSet,
  base: Base,
  provider: string,
  bounds: ReturnType<typeof monthBounds>,
  data: DataFn,
  limitN: number,
): Finding {
  const r = rr.requirement;
  const items = r.record!.documents;
  const mine = data('documents', '', `${bounds.next}-01`).rows.filter((x) => x.provider === provider);
  const docs = mine.filter((x) => x.requirement === r.id);
  const year = Number(bounds.start.slice(0, 4));
  // With a retention period, a document counts only if it is kept at least that long after its date.
  const retention = r.record!.retention ? valueAt(params.values.get(r.record!.retention.param) ?? [], bounds.end) : undefined;
  const keptLongEnough = (x: Record<string, unknown>): boolean => {
    if (!retention) return true;
    const d = parseDuration(String(retention.value));
    // No kept_until: the document is still held. An undated one cannot show how long it was kept.
    if (typeof x.kept_until !== 'string') return true;
    if (!d || typeof x.dated !== 'string') return false;
    const until = new Date(`${x.dated}T00:00:00Z`);
    until.setUTCFullYear(until.getUTCFullYear() + d.years, until.getUTCMonth() + d.months, until.getUTCDate() + d.weeks * 7 + d.days);
    return x.kept_until >= until.toISOString().slice(0, 10);
  };
  const problemOf = (x: Record<string, unknown>, item: (typeof items)[number]): DocProblem | undefined => {
    if (typeof x.valid_until === 'string' && x.valid_until < bounds.end) return 'expired';
    if (!keptLongEnough(x)) return 'retention-too-short';
    if (item.validity?.includes('current-year')) {
      const y = typeof x.year === 'number' ? x.year : typeof x.dated === 'string' ? Number(x.dated.slice(0, 4)) : undefined;
      if (y !== year) return 'not-current-year';
    }
    if (item.validity?.includes('approved') && x.approved !== true) return 'not-approved';
    return undefined;
  };
  const answers = (x: Record<string, unknown>, item: (typeof items)[number]): boolean =>
    typeof x.item === 'string' ? x.item === item.code : x.title === item.zh || items.length === 1;
  const rule = recordRule(r);
  const head = {
    ...base(rr, { kind: 'provider', id: provider }),
    required: items.length,
    ...(retention ? { unit: `retention ${retention.value}`, parameter_version: retention.from } : {}),
    rules: [rule.name],
  };
  if (!mine.length) {
    return { ...head, status: 'not-reviewed', measured: 0, evidence: [], evidence_total: 0, reason: { zh: '未提交档案清单，需现场核查', en: 'no document list submitted; check on site' }, reason_code: 'no-data', checklist: items.map((d) => ({ zh: d.zh, ...(d.en ? { en: d.en } : {}) })) };
  }
  const present: Evidence[] = [];
  const problems: Evidence[] = [];
  items.forEach((item, i) => {
    const key = item.code ?? `#${i + 1}`;
    const copies = docs.filter((x) => answers(x, item));
    const valid = copies.find((x) => !problemOf(x, item));
    const itemEn = item.en ?? item.zh;
    if (valid) present.push({ record: String(valid.id), unit: key, outcome: 'present', actual: String(valid.title), text: { zh: `${item.zh}：《${String(valid.title)}》已提交`, en: `${itemEn}: “${String(valid.title)}” is filed` } });
    else if (!copies.length) problems.push({ unit: key, outcome: 'document-missing', actual: '未提交', required: item.zh, text: { zh: `${item.zh}：${DOC_PROBLEM['document-missing']!.zh}`, en: `${itemEn}: ${DOC_PROBLEM['document-missing']!.en}` } });
    else for (const x of copies) problems.push({ record: String(x.id), unit: key, outcome: problemOf(x, item)!, actual: docState(x, problemOf(x, item)!, year), required: item.zh, text: { zh: `${item.zh}：${docState(x, problemOf(x, item)!, year)}`, en: `${itemEn}: ${docStateEn(x, problemOf(x, item)!, year)}` } });
  });
  const missing = items.length - present.length;
  const ok = test(rule.conditions, { documents: { count: present.length, required: items.length, missing } });
  const ev = ok ? present : problems;
  return { ...head, status: ok ? 'passed' : 'failed', measured: present.length, evidence: ev.slice(0, limitN), evidence_total: ev.length };
}

/** Why a submitted document does not count, in the words of a notice. */
function docState(x: Record<string, unknown>, problem: DocProblem, year: number): string {
  const title = `《${String(x.title)}》`;
  const day = (d: unknown): string => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? localDate(d, 'zh') : '未写日期');
  switch (problem) {
    case 'not-current-year':
      return `${title}不是 ${year} 年度的（${x.year !== undefined ? `${String(x.year)} 年度` : x.dated ? `编制于 ${day(x.dated)}` : '未写年度和日期'}）`;
    case 'not-approved':
      return `${title}未经学校同意`;
    case 'expired':
      return `${title}已过有效期（${day(x.valid_until)}）`;
    case 'retention-too-short':
      return `${title}保存期限不足（${day(x.dated)}至${day(x.kept_until)}）`;
  }
}

/** docState in English, with dates in words. */
function docStateEn(x: Record<string, unknown>, problem: DocProblem, year: number): string {
  const title = `“${String(x.title)}”`;
  const day = (d: unknown): string => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? localDate(d, 'en') : 'no date');
  switch (problem) {
    case 'not-current-year':
      return `${title} is not for ${year} (${x.year !== undefined ? `for ${String(x.year)}` : x.dated ? `dated ${day(x.dated)}` : 'neither year nor date given'})`;
    case 'not-approved':
      return `${title} is not approved by the school`;
    case 'expired':
      return `${title} expired on ${day(x.valid_until)}`;
    case 'retention-too-short':
      return `${title} is not kept long enough (${day(x.dated)} to ${day(x.kept_until)})`;
  }
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Calendars an inspection may be bound to, as a person names them (engine/model/labels.ts CALENDAR_NAME). */
const CALENDAR_WORDS: Record<string, Text> = CALENDAR_NAME;

/** The planner evaluation uses by default: the school's inspection plan on this tree. */
function defaultPlanner(tree: Tree): Planner {
  return (period) => planInspections([tree], { period });
}

/**
 * The inspector unit's own finding (the school's inspection plan, `inspector_unit`): were the month's planned
 * rounds done? Reported on the plan requirement that demands the checks (the plan's basis, e.g. the supervision
 * plan's 四、3 强化日常监管); never put on a provider's notice (engine/notices/ledger.ts).
 */
function officeFinding(o: EvaluateOptions, idx: ReturnType<typeof buildIndex>, reg: RegisterFile, bounds: { start: string; end: string }, inspections: () => ReturnType<typeof createInspectionJudge>): Finding | undefined {
  const plan: OfficePlan | undefined = o.tree.inspectionPlans[0]?.value;
  // A rectification re-check (since) judges a provider's later days, not the office's month.
  if (!plan || o.since) return undefined;
  const unit = reg.providers.find((p) => p.id === plan.inspector_unit);
  if (!unit || (o.provider && o.provider !== unit.id) || !servesDuring(unit, bounds)) return undefined;
  const req = basisRequirement(plan, idx.requirements);
  const v = inspections().office();
  return {
    requirement: req?.id ?? plan.id,
    type: 'inspection',
    obligation: 'shall',
    text: req?.text ?? plan.basis?.quote ?? plan.title?.zh ?? plan.id,
    provider: unit.id,
    profile: req?.id.includes(':') ? req.id.slice(0, req.id.indexOf(':')) : '',
    plan: req?.id.includes(':') ? req.id.slice(0, req.id.indexOf(':')) : plan.id,
    scope: { kind: 'inspection-plan', id: plan.id },
    period: o.period,
    status: v.status,
    measured: v.measured,
    ...(v.required !== undefined ? { required: v.required } : {}),
    evidence: v.evidence,
    evidence_total: v.evidence_total,
    reason: v.reason,
    ...(v.reason_code ? { reason_code: v.reason_code } : {}),
  };
}
