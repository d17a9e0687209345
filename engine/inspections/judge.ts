// Inspection requirements judged from the office's inspection results against the month's plan
// (engine/inspections/plan.ts): failed when any result found a problem (wherever it was found), passed when
// every due row was inspected and passed (or did not apply), not reviewed only when a due inspection was not
// done (listed), nothing was due, or nothing was submitted. A quarter, term or year inspection done earlier
// in its interval carries its verdict into the later months. The rules and their sources: docs/evaluation.md.
import type { Evidence, Status } from '../evaluate/evaluate.ts';
import { INTERVAL, localTime, monthWords } from '../model/labels.ts';
import type { Text } from '../model/types.ts';

// The planner's shapes (engine/inspections/plan.ts, CONTRACT12 §2), as far as the judge reads them.
export type Every = 'week' | 'month' | 'quarter' | 'term' | 'year';
export interface JudgedPlace {
  id: string;
  name: string;
  kind: 'campus' | 'building' | 'place';
  campus: string;
}
export interface JudgedRow {
  round: string;
  place: JudgedPlace;
  requirement: string;
  reference?: string;
  every: Every;
  due: number;
  id: string;
}
export interface JudgedRound {
  id: string;
  start: string;
  end: string;
  provider: { id: string; name?: string };
  campus?: { id: string; name?: string };
  /** The month and (for a weekly round) the week of the month, as the planner gives them. */
  period?: string;
  week?: number;
  rows: JudgedRow[];
}

/** A round as people name it: 华宇物业 本部 4月月度检查 / 4月第2周检查, never its id. */
export function roundWords(rd: JudgedRound): { zh: string; en: string } {
  const period = rd.period ?? rd.start.slice(0, 7);
  const week = rd.week ?? (/-W(\d+)-/.exec(rd.id) ? Number(/-W(\d+)-/.exec(rd.id)![1]) : undefined);
  const who = [rd.provider.name, rd.campus?.name].filter(Boolean).join(' ');
  const month = Number(period.slice(5, 7));
  const monthEn = monthWords(period, 'en').split(' ')[0]!;
  return {
    zh: `${who ? `${who} ` : ''}${month}月${week ? `第${week}周` : '月度'}检查`,
    en: `${who ? `${who}, ` : ''}${week ? `week ${week} of ${monthEn}` : `${monthEn} monthly`} round`,
  };
}
/** A planner: the month's rounds (month rounds and every week round of the month). */
export type Planner = (period: string) => { rounds: JudgedRound[] };

/** A due row with the days of its round. */
export interface DueRow {
  row: JudgedRow;
  round: { id: string; start: string; end: string; provider: string; words?: { zh: string; en: string } };
}

export type InspectionResult = Record<string, unknown>;
export type Outcome = 'passed' | 'failed' | 'not-applicable';

/** `result` (合格/不合格/不适用) wins over the older boolean `passed`. */
export function outcomeOf(r: InspectionResult): Outcome {
  const v = r.result;
  if (v === 'passed' || v === 'failed' || v === 'not-applicable') return v;
  return r.passed === true ? 'passed' : 'failed';
}

/** The place a result names: the place looked at, else its building, else its campus. */
export function placeKeyOf(r: InspectionResult): string | undefined {
  const k = r.place ?? r.building ?? r.campus;
  return typeof k === 'string' ? k : undefined;
}

/** The local date and minute a result was recorded at (the stored text is local time with its offset). */
const dayOf = (r: InspectionResult): string => String(r.inspected_at ?? '').slice(0, 10);
const minuteOf = (r: InspectionResult): string => String(r.inspected_at ?? '').slice(0, 16).replace('T', ' ');

/** Whether a result looked at a row's place: the same place, or inside the row's building or campus. */
function samePlace(r: InspectionResult, p: JudgedPlace): boolean {
  if (placeKeyOf(r) === p.id) return true;
  if (p.kind === 'building') return r.building === p.id;
  if (p.kind === 'campus') return r.campus === p.id;
  return false;
}

/** The rows of some rounds, each with its round's days. */
export function dueRows(rounds: JudgedRound[]): DueRow[] {
  return rounds.flatMap((rd) => {
    const words = roundWords(rd);
    return rd.rows.map((row) => ({ row, round: { id: rd.id, start: rd.start, end: rd.end, provider: rd.provider.id, words } }));
  });
}

export interface Matching {
  /** Results counted for each row (by row id). */
  done: Map<string, InspectionResult[]>;
  /** Rows with fewer results than due. */
  missing: DueRow[];
}

/**
 * Which results answer which due rows. A result answers a row of its own requirement by its round and place
 * (the round's sheet, whatever the day), else by place inside the round's days; each result counts once.
 */
export function matchResults(rows: DueRow[], results: InspectionResult[]): Matching {
  const done = new Map<string, InspectionResult[]>();
  const used = new Set<InspectionResult>();
  const take = (d: DueRow, pick: (r: InspectionResult) => boolean): void => {
    const got = done.get(d.row.id) ?? [];
    for (const r of results) {
      if (got.length >= d.row.due) break;
      if (used.has(r) || r.requirement !== d.row.requirement || r.provider !== d.round.provider || !pick(r)) continue;
      used.add(r);
      got.push(r);
    }
    if (got.length) done.set(d.row.id, got);
  };
  for (const d of rows) take(d, (r) => r.round === d.round.id && samePlace(r, d.row.place));
  for (const d of rows) take(d, (r) => samePlace(r, d.row.place) && dayOf(r) >= d.round.start && dayOf(r) <= d.round.end);
  return { done, missing: rows.filter((d) => (done.get(d.row.id)?.length ?? 0) < d.row.due) };
}

export interface Verdict {
  status: Status;
  reason: Text;
  reason_code?: string;
  /** Passed results ÷ results that applied, e.g. "12/13". */
  measured: string | number;
  /** Inspections due this month (rows × due), when any. */
  required?: number;
  evidence: Evidence[];
  evidence_total: number;
  missing: DueRow[];
}

export interface JudgeInput {
  /** The requirement's due rows of the month for the provider. */
  rows: DueRow[];
  /** The provider's results for the requirement in the month. */
  results: InspectionResult[];
  /** Whether any inspection result (of any provider) was submitted for the month. */
  anyData: boolean;
  /** Rows whose round ends after this day are not yet owed. */
  asOfDay: string;
  /** Campus, building and place names by id. */
  names: Map<string, string>;
  evidenceLimit: number;
  /** The verdict of the requirement's quarter / term / year inspection done earlier in its interval. */
  carried?: { verdict: Verdict; every: Every; from: string; results: InspectionResult[] };
  /** A duty-roster watch without a roster: nothing is planned, the roster (or a result) is the data. */
  watch?: boolean;
  /** The requirement is looked at only in a calendar (供暖期间 …) that has no day this month: its name. */
  outsideCalendar?: Text;
  /** Rounds by id, in words (a failed result names the round it was entered on). */
  rounds?: Map<string, { zh: string; en: string }>;
}

// The interval words live in engine/model/labels.ts (INTERVAL); these names stay for importers.
export const EVERY_ZH: Record<Every, string> = { week: INTERVAL.week!.zh, month: INTERVAL.month!.zh, quarter: INTERVAL.quarter!.zh, term: INTERVAL.term!.zh, year: INTERVAL.year!.zh };
export const EVERY_EN: Record<Every, string> = { week: INTERVAL.week!.en, month: INTERVAL.month!.en, quarter: INTERVAL.quarter!.en, term: INTERVAL.term!.en, year: INTERVAL.year!.en };

/** A day range in words: 4月1日至4月30日 / 1 Apr to 30 Apr. */
function daysWords(start: string, end: string): { zh: string; en: string } {
  return { zh: `${localTime(start, 'zh')}至${localTime(end, 'zh')}`, en: `${localTime(start, 'en')} to ${localTime(end, 'en')}` };
}

/** A failed result as one sentence: place, local time, what was found, who looked, photos, the round. */
function failedText(r: InspectionResult, place: string, rounds?: Map<string, { zh: string; en: string }>): { zh: string; en: string } {
  const notes = typeof r.notes === 'string' && r.notes ? r.notes : '';
  const at = minuteOf(r);
  const rd = typeof r.round === 'string' ? rounds?.get(r.round) : undefined;
  const photos = typeof r.photos === 'string' && r.photos ? r.photos : '';
  const who = typeof r.inspector === 'string' && r.inspector ? r.inspector : '';
  const zhTail = [who && `检查人 ${who}`, photos && `照片 ${photos}`, rd?.zh].filter(Boolean).join('；');
  const enTail = [who && `inspector ${who}`, photos && `photos ${photos}`, rd?.en].filter(Boolean).join('; ');
  return {
    zh: `${place}${at ? ` ${localTime(at, 'zh')}` : ''} 现场检查不合格：${notes || '未写问题描述'}${zhTail ? `（${zhTail}）` : ''}`,
    en: `${place}${at ? `, ${localTime(at, 'en')}` : ''}: failed on inspection: ${notes || 'no description of the problem'}${enTail ? ` (${enTail})` : ''}`,
  };
}

/** A failed result as evidence: the place by name, the inspector, the local time, the note and photos. */
export function failedEvidence(r: InspectionResult, names: Map<string, string>, rounds?: Map<string, { zh: string; en: string }>): Evidence {
  const key = placeKeyOf(r);
  return {
    text: failedText(r, key ? (names.get(key) ?? key) : '', rounds),
    record: String(r.id),
    ...(key ? { unit: key, place: names.get(key) ?? key } : {}),
    outcome: 'failed',
    actual: typeof r.notes === 'string' && r.notes ? r.notes : '不合格（未写问题描述）',
    ...(typeof r.inspector === 'string' ? { inspector: r.inspector } : {}),
    at: minuteOf(r),
    ...(typeof r.round === 'string' ? { round: r.round } : {}),
    ...(typeof r.photos === 'string' && r.photos ? { note: `照片 ${r.photos}` } : {}),
  };
}

/** A due row not inspected, as evidence: the place, the round and the days it was due in. */
export function missedEvidence(d: DueRow, done: number): Evidence {
  const days = daysWords(d.round.start, d.round.end);
  const rd = d.round.words;
  return {
    text: {
      zh: `${d.row.place.name} 未按计划检查（${rd ? `${rd.zh}，` : ''}${days.zh}，已查 ${done} 次，应查 ${d.row.due} 次）`,
      en: `${d.row.place.name}: not inspected as planned (${rd ? `${rd.en}, ` : ''}${days.en}; ${done} of ${d.row.due} done)`,
    },
    unit: d.row.place.id,
    place: d.row.place.name,
    cell: d.round.id,
    round: d.round.id,
    outcome: 'inspection-missed',
    actual: `${done}/${d.row.due}`,
    required: `${d.round.start}..${d.round.end}`,
  };
}

/** Up to n names, then "等 N 处". */
function someNames(names: string[], n = 5): string {
  const u = [...new Set(names)];
  return u.length > n ? `${u.slice(0, n).join('、')}等 ${u.length} 处` : u.join('、');
}
function someNamesEn(names: string[], n = 5): string {
  const u = [...new Set(names)];
  return u.length > n ? `${u.slice(0, n).join(', ')} and ${u.length - n} more` : u.join(', ');
}
const md = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** One inspection requirement, one provider, one month. */
export function judgeInspection(o: JudgeInput): Verdict {
  const applied = o.results.filter((r) => outcomeOf(r) !== 'not-applicable');
  const failed = applied.filter((r) => outcomeOf(r) === 'failed');
  const passed = applied.length - failed.length;
  const owed = o.rows.filter((d) => d.round.end <= o.asOfDay);
  const m = matchResults(o.rows, o.results);
  const missing = m.missing.filter((d) => d.round.end <= o.asOfDay);
  const open = m.missing.length - missing.length;
  const required = o.rows.reduce((a, d) => a + d.row.due, 0);
  const common = { measured: applied.length ? `${passed}/${applied.length}` : 0, ...(required ? { required } : {}), missing };
  // A problem found anywhere fails the requirement, planned place or not (a failure is never outweighed).
  if (failed.length) {
    const where = failed.map((r) => o.names.get(placeKeyOf(r) ?? '') ?? placeKeyOf(r) ?? '');
    return {
      ...common,
      status: 'failed',
      reason: { zh: `现场检查发现 ${failed.length} 处不合格：${someNames(where)}`, en: `the inspection found ${failed.length} problem${failed.length > 1 ? 's' : ''}: ${someNamesEn(where)}` },
      evidence: failed.slice(0, o.evidenceLimit).map((r) => failedEvidence(r, o.names, o.rounds)),
      evidence_total: failed.length,
    };
  }
  if (missing.length) {
    const places = missing.map((d) => d.row.place.name);
    const reason: Text = o.anyData
      ? { zh: `本月应检查 ${owed.length} 处，${missing.length} 处未检查：${someNames(places)}`, en: `${missing.length} of the ${owed.length} inspections due this month were not done: ${someNamesEn(places)}` }
      : { zh: `本月没有提交任何现场检查结果（应检查 ${owed.length} 处）`, en: `no inspection results were submitted this month (${owed.length} due)` };
    return {
      ...common,
      status: 'not-reviewed',
      reason,
      reason_code: o.anyData ? 'inspection-missed' : 'no-data',
      evidence: missing.slice(0, o.evidenceLimit).map((d) => missedEvidence(d, m.done.get(d.row.id)?.length ?? 0)),
      evidence_total: missing.length,
    };
  }
  if (open) {
    return { ...common, status: 'not-reviewed', reason: { zh: `本月还有 ${open} 处检查的轮次尚未结束`, en: `${open} inspections are in rounds that have not ended yet` }, reason_code: 'pending', evidence: [], evidence_total: 0 };
  }
  if (o.rows.length || o.results.length) {
    // Everything due was done (or nothing was due and results came in anyway): judged on the results.
    if (!applied.length) {
      return { ...common, status: 'not-applicable', reason: { zh: '检查人员判定本条在所查地点不适用', en: 'the inspector marked it not applicable at every place looked at' }, reason_code: 'inspection-not-applicable', evidence: [], evidence_total: 0 };
    }
    return {
      ...common,
      status: 'passed',
      reason: o.rows.length
        ? { zh: `本月应检查的 ${owed.length} 处均已检查合格`, en: `all ${owed.length} inspections due this month were done and passed` }
        : { zh: `本月不在检查计划内，检查了 ${applied.length} 处，均合格`, en: `not due this month; ${applied.length} inspections done anyway, all passed` },
      evidence: [],
      evidence_total: 0,
    };
  }
  // Nothing due and nothing found this month: a verdict of the interval's inspection done earlier stands.
  const c = o.carried;
  if (c && (c.verdict.status === 'passed' || c.verdict.status === 'failed' || c.verdict.status === 'not-applicable')) {
    const last = c.results.map(dayOf).sort().at(-1) ?? c.from;
    const word = c.verdict.status === 'failed' ? '不合格' : c.verdict.status === 'passed' ? '合格' : '不适用';
    return {
      ...c.verdict,
      missing: [],
      reason: {
        zh: `本${EVERY_ZH[c.every]}的检查已于 ${md(last)} 完成（${word}），结论沿用至本${EVERY_ZH[c.every]}结束`,
        en: `this ${EVERY_EN[c.every]}'s inspection was done on ${localTime(last, 'en')} (${c.verdict.status === 'failed' ? 'failed' : c.verdict.status === 'passed' ? 'passed' : 'not applicable'}); its verdict stands for the rest of the ${EVERY_EN[c.every]}`,
      },
      reason_code: 'carried-over',
    };
  }
  if (c && c.verdict.reason_code === 'no-data') {
    return { ...c.verdict, reason: { zh: `本${EVERY_ZH[c.every]}应做的检查（${md(c.from)}起）没有录入任何检查结果`, en: `no inspection result has been entered since this ${EVERY_EN[c.every]}'s inspection fell due (${localTime(c.from, 'en')})` } };
  }
  if (c && c.verdict.missing.length) {
    // The interval's inspection was due in an earlier month and is still not done (or was never entered).
    return {
      ...c.verdict,
      reason_code: 'inspection-missed',
      reason: { zh: `本${EVERY_ZH[c.every]}应做的检查（${md(c.from)}起）仍未做：${someNames(c.verdict.missing.map((d) => d.row.place.name))}`, en: `this ${EVERY_EN[c.every]}'s inspection (due from ${localTime(c.from, 'en')}) has still not been done` },
    };
  }
  if (o.outsideCalendar) {
    // As for a rate bound to a calendar: a month without a day of it has nothing due (docs/evaluation.md, outside-calendar).
    return { ...common, status: 'not-applicable', reason: { zh: `本月不在${o.outsideCalendar.zh}内，本条无需检查`, en: `no day of this month is in the ${o.outsideCalendar.en ?? o.outsideCalendar.zh}, so nothing is due` }, reason_code: 'outside-calendar', evidence: [], evidence_total: 0 };
  }
  if (o.watch) {
    return { ...common, status: 'not-reviewed', reason: { zh: '没有值班表，也没有现场检查结果，需检查人员核查', en: 'no duty roster and no inspection result; an inspector must check' }, reason_code: 'no-data', evidence: [], evidence_total: 0 };
  }
  return { ...common, status: 'not-reviewed', reason: { zh: '按检查计划本月无需检查本条', en: 'no inspection of this is due this month under the inspection plan' }, reason_code: 'not-due', evidence: [], evidence_total: 0 };
}


// ---------------------------------------------------------------------------------------------------
// The office's own duty: the rounds the school's inspection plan asks of its inspector unit.

/** Missed rows grouped by round and place, as a supervisor reads them; actual is done/due rows there, note the items missed. */
export function officeEvidence(missing: DueRow[], all: DueRow[]): Evidence[] {
  const groups = new Map<string, { d: DueRow; missing: DueRow[]; rows: number }>();
  for (const d of all) {
    const k = `${d.round.id}|${d.row.place.id}`;
    const g = groups.get(k);
    if (g) g.rows++;
    else groups.set(k, { d, missing: [], rows: 1 });
  }
  for (const d of missing) groups.get(`${d.round.id}|${d.row.place.id}`)!.missing.push(d);
  return [...groups.values()]
    .filter((g) => g.missing.length)
    .map((g) => ({
      text: officeText(g),
      unit: g.d.row.place.id,
      place: g.d.row.place.name,
      cell: g.d.round.id,
      round: g.d.round.id,
      outcome: 'inspection-missed',
      actual: `${g.rows - g.missing.length}/${g.rows}`,
      required: `${g.d.round.start}..${g.d.round.end}`,
      note: g.missing
        .slice(0, 8)
        .map((d) => d.row.reference ?? d.row.requirement)
        .join('、') + (g.missing.length > 8 ? ` 等 ${g.missing.length} 项` : ''),
    }));
}

/** A place of a round whose planned items were not all inspected, as one sentence. */
function officeText(g: { d: DueRow; missing: DueRow[]; rows: number }): { zh: string; en: string } {
  const days = daysWords(g.d.round.start, g.d.round.end);
  const rd = g.d.round.words;
  const items = g.missing.slice(0, 8).map((d) => d.row.reference ?? d.row.requirement);
  const more = g.missing.length > 8;
  return {
    zh: `${g.d.row.place.name} ${g.missing.length === g.rows ? `${g.rows} 项均未检查` : `${g.rows} 项中 ${g.missing.length} 项未检查`}（${rd ? `${rd.zh}，` : ''}${days.zh}）：${items.join('、')}${more ? ` 等 ${g.missing.length} 项` : ''}`,
    en: `${g.d.row.place.name}: ${g.missing.length === g.rows ? `none of the ${g.rows} items inspected` : `${g.missing.length} of ${g.rows} items not inspected`} (${rd ? `${rd.en}, ` : ''}${days.en}): ${items.join(', ')}${more ? ` and ${g.missing.length - 8} more` : ''}`,
  };
}

/**
 * The inspector unit's finding on the plan requirement that demands the checks (the supervision plan's 四、3
 * 强化日常监管, the school plan's basis): failed when due rows of the month were not inspected, listing the
 * rounds and places; passed when every due row was; no-data when no result at all was entered.
 */
export function judgeOffice(o: { rows: DueRow[]; results: InspectionResult[]; anyData: boolean; asOfDay: string; evidenceLimit: number }): Verdict {
  const owed = o.rows.filter((d) => d.round.end <= o.asOfDay);
  const m = matchResults(owed, o.results);
  const done = owed.length - m.missing.length;
  const common = { measured: `${done}/${owed.length}`, ...(owed.length ? { required: owed.length } : {}), missing: m.missing };
  if (!owed.length) {
    return { ...common, measured: 0, status: 'not-reviewed', reason: { zh: '本月检查计划中没有到期的检查', en: 'no planned inspection fell due this month' }, reason_code: 'not-due', evidence: [], evidence_total: 0 };
  }
  if (!o.anyData) {
    return { ...common, status: 'not-reviewed', reason: { zh: `本月没有录入任何现场检查结果（计划应检查 ${owed.length} 项）`, en: `no inspection result was entered this month (${owed.length} due under the plan)` }, reason_code: 'no-data', evidence: [], evidence_total: 0 };
  }
  if (!m.missing.length) {
    return { ...common, status: 'passed', reason: { zh: `本月计划的 ${owed.length} 项检查均已完成`, en: `all ${owed.length} planned inspections of the month were done` }, evidence: [], evidence_total: 0 };
  }
  const ev = officeEvidence(m.missing, owed);
  const rounds = new Set(m.missing.map((d) => d.round.id)).size;
  return {
    ...common,
    status: 'failed',
    reason: {
      zh: `本月计划的 ${owed.length} 项检查中 ${m.missing.length} 项未做（${rounds} 个轮次、${ev.length} 处地点）`,
      en: `${m.missing.length} of the ${owed.length} planned inspections of the month were not done (${rounds} rounds, ${ev.length} places)`,
    },
    reason_code: 'inspection-missed',
    evidence: ev.slice(0, o.evidenceLimit),
    evidence_total: ev.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// One evaluation's judge: plans read once per month, results once per window.

export interface JudgeContext {
  period: string;
  planner: Planner;
  /** Inspection results inspected on local days [from, to) (YYYY-MM-DD). */
  results: (from: string, to: string) => InspectionResult[];
  asOfDay: string;
  names: Map<string, string>;
  evidenceLimit: number;
  /** The school calendar's terms (a term inspection's interval). */
  terms: { start: string; end: string }[];
  /**
   * The inspection requirements a provider answers for at all, whatever the month, frequency or sampling
   * (plan.ts inspectionDuties): one absent here has no place it is looked at — not applicable rather than not due.
   */
  duties?: (provider: string) => Set<string>;
}

const nextMonth = (p: string): string => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const prevMonth = (p: string): string => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** The first month of the quarter, term or year a month lies in (calendar quarters and years; terms from the school calendar). */
export function intervalStart(every: Every, period: string, terms: { start: string; end: string }[]): string | undefined {
  const y = period.slice(0, 4);
  if (every === 'year') return `${y}-01`;
  if (every === 'quarter') return `${y}-${String(Math.floor((Number(period.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
  if (every === 'term') {
    const last = `${period}-31`;
    const t = terms.find((x) => x.start <= last && x.end >= `${period}-01`);
    return t?.start.slice(0, 7);
  }
  return undefined;
}

const LONG: Every[] = ['quarter', 'term', 'year'];

export function createInspectionJudge(ctx: JudgeContext) {
  const plans = new Map<string, { all: DueRow[]; by: Map<string, DueRow[]> }>();
  const roundNames = new Map<string, { zh: string; en: string }>();
  const planOf = (period: string) => {
    let p = plans.get(period);
    if (!p) {
      const rounds = ctx.planner(period).rounds;
      for (const rd of rounds) roundNames.set(rd.id, roundWords(rd));
      const all = dueRows(rounds);
      const by = new Map<string, DueRow[]>();
      for (const d of all) {
        const k = `${d.round.provider}|${d.row.requirement}`;
        by.set(k, [...(by.get(k) ?? []), d]);
      }
      plans.set(period, (p = { all, by }));
    }
    return p;
  };
  const windows = new Map<string, { all: InspectionResult[]; by: Map<string, InspectionResult[]> }>();
  const resultsOf = (from: string, to: string) => {
    const key = `${from}|${to}`;
    let w = windows.get(key);
    if (!w) {
      const all = ctx.results(from, to);
      const by = new Map<string, InspectionResult[]>();
      for (const r of all) {
        const k = `${String(r.provider)}|${String(r.requirement)}`;
        by.set(k, [...(by.get(k) ?? []), r]);
      }
      windows.set(key, (w = { all, by }));
    }
    return w;
  };
  const duties = new Map<string, Set<string>>();
  const dutiesOf = (provider: string): Set<string> => {
    let d = duties.get(provider);
    if (!d) duties.set(provider, (d = ctx.duties!(provider)));
    return d;
  };
  const monthStart = `${ctx.period}-01`;
  const monthEnd = `${nextMonth(ctx.period)}-01`;
  const month = () => resultsOf(monthStart, monthEnd);
  const lastDayBefore = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  /** The verdict of a quarter / term / year row planned in an earlier month of the interval this month lies in. */
  const carried = (key: string): JudgeInput['carried'] => {
    const starts = LONG.map((e) => ({ e, s: intervalStart(e, ctx.period, ctx.terms) })).filter((x): x is { e: Every; s: string } => x.s !== undefined && x.s < ctx.period);
    if (!starts.length) return undefined;
    const earliest = starts.map((x) => x.s).sort()[0]!;
    for (let m = prevMonth(ctx.period); m >= earliest; m = prevMonth(m)) {
      const planned = (planOf(m).by.get(key) ?? []).filter((d) => starts.some((x) => x.e === d.row.every && m >= x.s));
      if (!planned.length) continue;
      // Done late (after its round, before this month) is still the interval's inspection.
      const rows = planned.map((d) => ({ ...d, round: { ...d.round, end: lastDayBefore } }));
      const window = resultsOf(`${m}-01`, monthStart);
      const results = window.by.get(key) ?? [];
      const verdict = judgeInspection({ rows, results, anyData: window.all.length > 0, asOfDay: ctx.asOfDay, names: ctx.names, evidenceLimit: ctx.evidenceLimit, rounds: roundNames });
      return { verdict, every: rows[0]!.row.every, from: rows.map((d) => d.round.start).sort()[0]!, results };
    }
    return undefined;
  };

  return {
    /** One provider's verdict on one inspection requirement this month. */
    judge(provider: string, requirement: string, o: { watch?: boolean; outsideCalendar?: Text } = {}): Verdict {
      const key = `${provider}|${requirement}`;
      const rows = planOf(ctx.period).by.get(key) ?? [];
      const results = month().by.get(key) ?? [];
      const input: JudgeInput = { rows, results, anyData: month().all.length > 0, asOfDay: ctx.asOfDay, names: ctx.names, evidenceLimit: ctx.evidenceLimit, rounds: roundNames, ...(o.watch ? { watch: true } : {}), ...(o.outsideCalendar ? { outsideCalendar: o.outsideCalendar } : {}) };
      if (!rows.length && !results.length) {
        const c = carried(key);
        if (c) input.carried = c;
        else if (!o.watch && ctx.duties && !dutiesOf(provider).has(requirement)) {
          return { status: 'not-applicable', reason: { zh: '该服务商没有本条所查的地点（按校园登记），本条不适用', en: 'the provider has no place this is looked at (by the register), so it does not apply' }, reason_code: 'no-unit', measured: 0, evidence: [], evidence_total: 0, missing: [] };
        }
      }
      return judgeInspection(input);
    },
    /** The inspector unit's verdict on doing the month's planned rounds (every provider's rows). */
    office(): Verdict {
      return judgeOffice({ rows: planOf(ctx.period).all, results: month().all, anyData: month().all.length > 0, asOfDay: ctx.asOfDay, evidenceLimit: ctx.evidenceLimit });
    },
  };
}

/** Campus, building and place names by id (as notices print them). */
export function namesOf(reg: { campuses: { id: string; name: Text }[]; buildings: { id: string; name: string }[]; places?: { id: string; name: string }[] }): Map<string, string> {
  return new Map<string, string>([...reg.campuses.map((c) => [c.id, c.name.zh] as [string, string]), ...reg.buildings.map((b) => [b.id, b.name] as [string, string]), ...(reg.places ?? []).map((p) => [p.id, p.name] as [string, string])]);
}

/** The school's inspection plan as the judge reads it (standards/school/inspections.yaml). */
export interface OfficePlan {
  id: string;
  title?: Text;
  inspector_unit: string;
  basis?: { document: string; ref: string; quote?: string };
}

/**
 * The requirement a missed round is reported on: the one the plan's basis cites — same source document (a file of
 * standards/sources/, or a profile id) and clause — preferring the one whose text is the basis's quote (the shipped
 * plan: 2025 服务流程 6.1 1.2 每周服务现场巡查 → service-process-2025:weekly-site-inspection), else the shallowest.
 */
export function basisRequirement<R extends { id: string; text: string; parent?: string | null; source?: { document?: string; ref?: string } }>(plan: OfficePlan, requirements: Map<string, { value: R }>): R | undefined {
  const b = plan.basis;
  if (!b) return undefined;
  const hits = [...requirements.values()].map((l) => l.value).filter((r) => r.source?.ref === b.ref && (r.source?.document === b.document || r.id.startsWith(`${b.document}:`)));
  const q = (b.quote ?? '').trim();
  return (
    (q && hits.find((r) => r.text.trim() === q)) ||
    (q && hits.find((r) => q.includes(r.text.trim()) || r.text.includes(q))) ||
    hits.find((r) => !hits.some((p) => p.id === r.parent)) ||
    hits[0]
  );
}
