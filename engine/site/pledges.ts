// The pledge rows of the commitment site (服务承诺): one row per requirement × time limit × provider, with
// every period's counts, the provider's service period, and the totals of the current term and the year
// to date (Hong Kong pledge practice: the last complete period and the year so far). The counts are the
// evaluation's own (engine/evaluate/evaluate.ts, Pledge), regrouped so that each row adds up:
//
//   个案 cases = 按时 met + 超时 missed + 数据异常 anomaly + 不计入 excluded
//
// where `missed` includes the cases still open past their limit (open_breached) and `anomaly` the cases
// that cannot be judged from their data (impossible times, a class flag the timetable contradicts: the
// evaluation's `invalid`). Cases still open within their limit at the as-of time (`pending`) are not
// counted in the month: the evaluation judges them in the month they close or their deadline passes.
// docs/site.md ("服务承诺的计数与状态") documents the rules.
import { instantToIso } from '../data/convert.ts';
import { TIME_FIELD_LABELS } from '../data/records.ts';
import type { Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import { resolveProfile } from '../model/resolve.ts';
import type { Requirement, Text } from '../model/types.ts';
import { humanDuration } from '../notices/ledger.ts';
import { requirementRef } from '../model/labels.ts';
import { refParts } from '../validate/names.ts';
import { toSimplified } from './chinese.ts';
import { valueAt, type buildIndex } from '../validate/checks.ts';
import type { SitePledge, SitePledgePeriod, SitePledgeSpans, SitePledgeTotal } from './types.ts';


/** An ISO 8601 duration or a day count in Chinese and English. */
export function limitText(value: string, unit: string): Text {
  if (unit === 'working-days') return { zh: `${value} 个工作日`, en: `${value} working day${value === '1' ? '' : 's'}` };
  if (unit === 'days') return { zh: `${value} 日`, en: `${value} day${value === '1' ? '' : 's'}` };
  const zh = humanDuration(value);
  const en = zh.replace(/ 天/g, ' d').replace(/ 小时/g, ' h').replace(/ 分钟/g, ' min').replace(/ 秒/g, ' s');
  return { zh, en };
}

const clock = (start: string, stop: string): Text => ({
  zh: `从${TIME_FIELD_LABELS[start]?.zh ?? start}时间起算，到${TIME_FIELD_LABELS[stop]?.zh ?? stop}时为止；按钟表时间连续计算，不因下班、周末或节假日暂停。`,
  en: `From ${TIME_FIELD_LABELS[start]?.en ?? start} to ${TIME_FIELD_LABELS[stop]?.en ?? stop}, by the clock: it does not stop outside working hours, at weekends or on holidays.`,
});

const share = (v: number): number => (v > 1 ? v / 100 : v);

/** The month after a YYYY-MM period. */
export function monthAfter(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM period. */
export function monthEnd(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return `${p}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The instant a month ends (the next month's first midnight, local time), for `evaluate`'s asOf. */
export function monthEndInstant(p: string, tz: string): Date {
  const next = monthAfter(p);
  return new Date(Date.parse(`${next}-01T00:00:00${instantToIso(Date.parse(`${next}-01T00:00:00Z`), tz).slice(19)}`));
}

/** Whether a month's evaluation saw the whole month: its as-of time is at or after the month's end. */
export const isComplete = (period: string, asOf: string): boolean => asOf.slice(0, 10) >= `${monthAfter(period)}-01`;

/** Whether any day of the month falls in a provider's service period (no period: always). */
export function inService(period: string, service: { from: string; to?: string | null } | null | undefined): boolean {
  if (!service) return true;
  return monthEnd(period) >= service.from && (!service.to || `${period}-01` <= service.to);
}

/** The counts of one row: the evaluation's pledge counters regrouped so the row adds up. */
export function periodCounts(x: { met: number; missed: number; open_breached: number; open_pending: number; invalid: number; excluded: number }): Omit<SitePledgePeriod, 'period' | 'complete' | 'in_service'> {
  const n = x.met + x.missed + x.invalid;
  return { cases: n + x.excluded, n, met: x.met, missed: x.missed, open_breached: x.open_breached, anomaly: x.invalid, excluded: x.excluded, pending: x.open_pending, rate: n ? x.met / n : null };
}

const ZERO = { met: 0, missed: 0, open_breached: 0, open_pending: 0, invalid: 0, excluded: 0 };

/** A total over some periods of a row (term, year to date): the sums, the months summed and the days they cover. */
export function totalOf(periods: SitePledgePeriod[], months: string[], from: string, to: string): SitePledgeTotal | null {
  const ps = periods.filter((p) => months.includes(p.period) && p.in_service && p.complete);
  if (!ps.length) return null;
  const sum = <K extends 'met' | 'missed' | 'open_breached' | 'anomaly' | 'excluded'>(k: K): number => ps.reduce((a, p) => a + p[k], 0);
  const counts = periodCounts({ met: sum('met'), missed: sum('missed'), open_breached: sum('open_breached'), open_pending: 0, invalid: sum('anomaly'), excluded: sum('excluded') });
  return {
    ...counts,
    // Cases still pending at the last month's end are judged in a later month: only the last month's count is meaningful.
    pending: ps.at(-1)!.pending,
    months: ps.map((p) => p.period),
    from,
    to,
    ...(ps.every((p) => p.no_data) ? { no_data: true as const } : {}),
    ...(ps.some((p) => p.calendar_unknown) ? { calendar_unknown: true as const } : {}),
  };
}

export interface PledgeInput {
  tree: Tree;
  idx: ReturnType<typeof buildIndex>;
  /** Months evaluated, oldest first, and their findings (an incomplete month evaluated at the data's as-of). */
  periods: string[];
  findings: Map<string, Findings>;
}

/**
 * The pledge rows, the catalogue (every time limit each provider's plan sets, from the YAML alone) and
 * the spans the site reports: the latest complete month, the current term and the year to date.
 */
export function buildPledges(o: PledgeInput): { pledges: SitePledge[]; catalogue: SitePledge[]; spans: SitePledgeSpans } {
  const { tree, idx, periods, findings } = o;
  const reg = tree.registers[0]!.value;
  const std = tree.standards[0]?.value;
  const last = periods.length ? findings.get(periods.at(-1)!)! : undefined;
  const serviceOf = (id: string): SitePledge['service'] => {
    const s = reg.providers.find((q) => q.id === id)?.service;
    return s ? { from: s.from, to: s.to ?? null } : null;
  };
  const complete = new Map(periods.map((p) => [p, isComplete(p, findings.get(p)!.as_of)]));
  // The clause in official style (第4.3条第1项, 《学校综合办公室服务指南》四、(三)), never its id.
  const refOf = (id: string): Text => {
    const parts = refParts(idx.requirements.get(id)!.value, idx);
    // A plan's own numbering may be quoted in Traditional characters (第2項): shown in Simplified.
    return { zh: toSimplified(requirementRef(parts, 'zh')), en: toSimplified(requirementRef(parts, 'en')) };
  };

  // One pledge row before any period is added: from the evaluation's pledges and from the plans alone alike.
  type Limit = NonNullable<Requirement['timeliness']>['limits'][number];
  const newRow = (requirement: string, lim: Limit, prov: { id: string; name: string }, label: Text, iso: string, unit: string, target: number | null): SitePledge => ({
    id: `${requirement}#${lim.id}`,
    requirement,
    limit: lim.id,
    provider: { id: prov.id, name: prov.name },
    label,
    ref: refOf(requirement),
    limit_value: { iso, text: limitText(iso, unit) },
    target,
    next_target: null,
    clock: clock(lim.start, lim.stop),
    service: serviceOf(prov.id),
    periods: [],
    term: null,
    year: null,
  });
  const pledges = new Map<string, SitePledge>();
  for (const p of periods) {
    for (const x of findings.get(p)!.pledges) {
      const key = `${x.requirement}#${x.limit}|${x.provider}`;
      let row = pledges.get(key);
      if (!row) {
        const req = idx.requirements.get(x.requirement)!.value;
        const lim = req.timeliness!.limits.find((l) => l.id === x.limit)!;
        const unit = req.parameters?.find((q) => q.name === lim.limit.param)?.unit ?? 'duration';
        const prov = reg.providers.find((q) => q.id === x.provider)!;
        row = newRow(x.requirement, lim, prov, x.label, x.limit_value, unit, x.target === null ? null : share(x.target));
        pledges.set(key, row);
      }
      row.periods.push({ period: p, ...periodCounts(x), complete: complete.get(p)!, in_service: inService(p, row.service) });
      row.limit_value = { iso: x.limit_value, text: row.limit_value.text };
    }
  }
  const resolved = new Map<string, ReturnType<typeof resolveProfile>>();
  const resolvedOf = (prof: string): ReturnType<typeof resolveProfile> => {
    let r = resolved.get(prof);
    if (!r) resolved.set(prof, (r = resolveProfile(prof, idx)));
    return r;
  };
  // Every time limit each provider's plan sets, from the YAML alone (an empty store has them too).
  const asOfDay = last?.as_of.slice(0, 10) ?? std?.effective_from ?? '';
  const catalogue = new Map<string, SitePledge>();
  for (const prov of reg.providers) {
    for (const rr of resolvedOf(prov.profile ?? std?.id ?? '')) {
      const t = rr.requirement.timeliness;
      if (!t) continue;
      for (const lim of t.limits) {
        const par = rr.parameters.find((q) => q.name === lim.limit.param);
        const unit = rr.requirement.parameters?.find((q) => q.name === lim.limit.param)?.unit ?? 'duration';
        const v = valueAt(par?.values ?? [], asOfDay) ?? par?.values[0];
        const tv = t.target ? valueAt(rr.parameters.find((q) => q.name === t.target!.param)?.values ?? [], asOfDay) : undefined;
        const iso = String(v?.value ?? '');
        catalogue.set(`${rr.requirement.id}#${lim.id}|${prov.id}`, newRow(rr.requirement.id, lim, prov, lim.label, iso, unit, tv === undefined ? null : share(Number(tv.value))));
      }
    }
  }
  // A pledge the evaluation judged "no data" in every period (say complaints, none submitted yet) is
  // listed with 暂无数据 rather than left out, so a reader sees the pledge and that nothing was reported.
  // A requirement whose cases could not be placed under a limit (no holiday data for the year: the
  // finding is an error) marks every limit of it 数据不足 for that period.
  const noDataIn = new Map<string, Set<string>>();
  const undecidedIn = new Map<string, Set<string>>();
  for (const p of periods) {
    for (const f of findings.get(p)!.findings) {
      const k = `${f.requirement}|${f.provider}`;
      const into = f.status === 'not-reviewed' && f.reason_code === 'no-data' ? noDataIn : f.status === 'error' ? undecidedIn : undefined;
      if (!into) continue;
      if (!into.has(k)) into.set(k, new Set());
      into.get(k)!.add(p);
    }
  }
  for (const [key, entry] of catalogue) {
    if (pledges.has(key) || !noDataIn.has(`${entry.requirement}|${entry.provider.id}`)) continue;
    pledges.set(key, { ...entry, periods: [] });
  }

  // The spans: the latest complete month, the school term it falls in (or the last term begun by then),
  // and the calendar year to date — complete months only, so a total never mixes in a month still running.
  const done = periods.filter((p) => complete.get(p));
  const latest = done.at(-1) ?? null;
  const latestEnd = latest ? monthEnd(latest) : '';
  const terms = tree.calendars[0]?.value.terms ?? [];
  const term = latest ? [...terms].filter((t) => t.start <= latestEnd).sort((a, b) => a.start.localeCompare(b.start)).at(-1) : undefined;
  const termMonths = term ? done.filter((p) => monthEnd(p) >= term.start && `${p}-01` <= term.end) : [];
  const yearMonths = latest ? done.filter((p) => p.slice(0, 4) === latest.slice(0, 4)) : [];
  const spans: SitePledgeSpans = {
    latest,
    incomplete: periods.filter((p) => !complete.get(p)),
    as_of: last?.as_of ?? '',
    term: term && termMonths.length ? { name: term.name, start: term.start, end: term.end, months: termMonths, from: maxDay(term.start, `${termMonths[0]}-01`), to: minDay(term.end, monthEnd(termMonths.at(-1)!)) } : null,
    year: yearMonths.length ? { months: yearMonths, from: `${yearMonths[0]!.slice(0, 4)}-01-01`, to: monthEnd(yearMonths.at(-1)!) } : null,
  };

  // Periods with no case for a pledge are shown as such ("无个案"), not left out; periods the evaluation
  // found no data of the kind for are "暂无数据"; months outside the provider's service period are marked
  // (in_service false) and the pages leave them out.
  for (const row of pledges.values()) {
    const none = noDataIn.get(`${row.requirement}|${row.provider.id}`);
    const undecided = undecidedIn.get(`${row.requirement}|${row.provider.id}`);
    row.periods = periods.map((p) => {
      const q = row.periods.find((x) => x.period === p) ?? { period: p, ...periodCounts(ZERO), complete: complete.get(p)!, in_service: inService(p, row.service), ...(none?.has(p) ? { no_data: true as const } : {}) };
      return undecided?.has(p) ? { ...q, calendar_unknown: true as const } : q;
    });
    // The totals, each clipped to the provider's service period.
    const clip = (from: string, to: string): [string, string] => [row.service ? maxDay(from, row.service.from) : from, row.service?.to ? minDay(to, row.service.to) : to];
    if (spans.term) row.term = totalOf(row.periods, spans.term.months, ...clip(spans.term.from, spans.term.to));
    if (spans.year) row.year = totalOf(row.periods, spans.year.months, ...clip(spans.year.from, spans.year.to));
    // A target dated after the last period is next period's target.
    const req = idx.requirements.get(row.requirement)!.value;
    const tp = req.timeliness?.target?.param;
    const prof = reg.providers.find((q) => q.id === row.provider.id)?.profile ?? std?.id ?? '';
    const values = tp ? (resolvedOf(prof).find((r) => r.requirement.id === row.requirement)?.parameters.find((q) => q.name === tp)?.values ?? []) : [];
    const after = values.find((v) => last && v.from > last.as_of.slice(0, 10));
    if (after) row.next_target = { from: after.from, value: share(Number(after.value)) };
  }
  return { pledges: [...pledges.values()], catalogue: [...catalogue.values()], spans };
}

const maxDay = (a: string, b: string): string => (a > b ? a : b);
const minDay = (a: string, b: string): string => (a < b ? a : b);

/** The evaluation's as-of for a month the site reports: the month's end, or the data's as-of while the month runs. */
export function periodAsOf(period: string, asOf: Date | undefined, tz: string): Date | undefined {
  if (!asOf) return undefined;
  return asOf.getTime() < monthEndInstant(period, tz).getTime() ? asOf : undefined;
}
