// `charter explain REQUIREMENT RECORD`: the one decision, shown whole — which limit applied and why,
// each condition with its fact value, the parameter version, and the calendar facts behind it.
import { createCalendar } from '../calendar/calendar.ts';
import { instantToIso } from '../data/convert.ts';
import type { Lang } from '../diagnostics.ts';
import type { Tree } from '../load/tree.ts';
import { resolveProfile } from '../model/resolve.ts';
import type { Text } from '../model/types.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import type { Store } from '../store/store.ts';
import { buildIndex } from '../validate/checks.ts';
import { compileTimeliness, paramSet } from './compile.ts';
import { explain as explainCondition, type Condition } from './conditions.ts';
import { evaluate, judgeCase, type Evidence, type Finding } from './evaluate.ts';
import { dueRows, matchResults, outcomeOf } from '../inspections/judge.ts';
import { findRound, planInspections } from '../inspections/plan.ts';
import { unitRequirements } from './binding.ts';

export interface Explanation {
  requirement: string;
  text: string;
  profile: string;
  record: Record<string, unknown>;
  flags: string[];
  as_of: string;
  limits: { id: string; label: Text; limit: string; version: string; rule: string; applies: ReturnType<typeof explainCondition>; chosen: boolean }[];
  met?: ReturnType<typeof explainCondition>;
  outcome: string;
  /** The deadline of the chosen limit, and the month whose evaluation counts the case (docs/evaluation.md). */
  deadline?: string;
  judged_in?: string;
  calendar: Record<string, unknown>;
  evidence?: unknown;
}

export function explainRecord(o: { tree: Tree; store: Store; requirement: string; record: string; profile?: string; asOf?: Date }): Explanation | InspectionExplanation | { problem: string } {
  const idx = buildIndex([o.tree]);
  const req = idx.requirements.get(o.requirement)?.value;
  if (!req) return { problem: o.requirement };
  if (req.type === 'inspection') return explainInspection(o);
  if (req.type !== 'timeliness') return { problem: `${o.requirement} (${req.type}: explain judges one record against a timeliness or inspection requirement; see the evidence in findings.json)` };
  const kind = req.timeliness!.subject as RecordKind;
  const row = o.store.db.prepare('SELECT data, flags FROM records WHERE kind = ? AND record_key = ?').get(kind, o.record) as { data: string; flags: string | null } | undefined;
  if (!row) return { problem: `${o.record} (${kind})` };
  const rec = JSON.parse(row.data) as Record<string, unknown>;
  const reg = o.tree.registers[0]!.value;
  const school = o.tree.calendars[0]!.value;
  const cal = createCalendar(school);
  // The unit's main profile and the plans the register binds to it (binding.ts), as evaluation takes them.
  const unit = reg.providers.find((p) => p.id === rec.provider);
  const bound = unit ? unitRequirements(unit, o.profile, o.tree.standards[0]?.value.id, idx, new Map()).find((b) => b.rr.requirement.id === req.id) : undefined;
  const profile = bound?.profile ?? o.profile ?? unit?.profile ?? o.tree.standards[0]?.value.id ?? '';
  const rr = bound?.rr ?? resolveProfile(profile, idx).find((x) => x.requirement.id === req.id);
  const parameters = rr?.parameters ?? (req.parameters ?? []).map((p) => ({ name: p.name, values: p.values }));
  const params = paramSet(parameters);
  const field = req.timeliness!.limits[0]!.start;
  const startText = String(rec[field]);
  const c = compileTimeliness(req, params, startText.slice(0, 10));
  const month = startText.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const asOf = o.asOf ?? new Date(`${next}-01T00:00:00${startText.slice(19) || '+08:00'}`);
  const j = judgeCase(c, req, rec, { cal, buildingOf: new Map(reg.buildings.map((b) => [b.id, b])), asOf, field, explain: true });
  // Judged once, in the month the case closes or its deadline passes, whichever is first.
  const deadlineMs = j.limit ? (j.facts.deadline as Record<string, number> | undefined)?.[j.limit.id] : undefined;
  let judgedIn: string | undefined;
  if (deadlineMs !== undefined && (j.outcome === 'met' || j.outcome === 'missed' || j.outcome === 'open-breached')) {
    const stop = typeof rec[j.limit!.stop] === 'string' ? Date.parse(String(rec[j.limit!.stop])) : Number.NaN;
    judgedIn = cal.localDate(stop === stop ? Math.min(stop, deadlineMs) : deadlineMs).slice(0, 7);
  } else if (j.outcome && j.outcome !== 'open-pending') judgedIn = month;
  return {
    requirement: req.id,
    text: req.text,
    profile: profile + (rr ? '' : ' (not selected by this profile)'),
    record: rec,
    flags: row.flags ? (JSON.parse(row.flags) as string[]) : [],
    as_of: instantToIso(asOf.getTime(), school.timezone),
    limits: c.limits.map((l) => ({
      id: l.id,
      label: l.label,
      limit: l.text,
      version: l.version,
      rule: l.met.name,
      applies: explainCondition(l.applies.conditions as Condition, j.facts),
      chosen: j.limit?.id === l.id,
    })),
    ...(j.limit ? { met: explainCondition(j.limit.met.conditions as Condition, j.facts) } : {}),
    outcome: j.outcome ?? 'not-covered',
    ...(deadlineMs !== undefined ? { deadline: instantToIso(deadlineMs, school.timezone) } : {}),
    ...(judgedIn ? { judged_in: judgedIn } : {}),
    calendar: j.calendar as Record<string, unknown>,
    ...(j.evidence ? { evidence: j.evidence } : {}),
  };
}

/** One inspection result (or one planned row) and the month's verdict it takes part in. */
export interface InspectionExplanation {
  kind: 'inspection';
  requirement: string;
  text: string;
  period: string;
  provider: string;
  /** The stored result, when RECORD is one. */
  record?: Record<string, unknown>;
  result?: 'passed' | 'failed' | 'not-applicable';
  /** The planned row the result answers (or RECORD names), with its round's days. */
  row?: { id: string; round: string; place: string; place_name: string; start: string; end: string; done: boolean };
  /** Due rows of the month for this provider and requirement, and how many were inspected. */
  due: number;
  done: number;
  finding: Pick<Finding, 'status' | 'reason' | 'reason_code' | 'measured' | 'required' | 'evidence' | 'evidence_total'>;
}

/**
 * An inspection requirement: RECORD is a stored inspection result, or a planned row id (round:place:requirement)
 * that may not have been inspected. The month is the result's (or the round's); the verdict is evaluation's.
 */
function explainInspection(o: { tree: Tree; store: Store; requirement: string; record: string; asOf?: Date }): InspectionExplanation | { problem: string } {
  const idx = buildIndex([o.tree]);
  const req = idx.requirements.get(o.requirement)!.value;
  const row = o.store.db.prepare("SELECT data FROM records WHERE kind = 'inspection-results' AND record_key = ?").get(o.record) as { data: string } | undefined;
  const rec = row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
  let period: string;
  let provider: string;
  if (rec) {
    if (rec.requirement !== req.id) return { problem: `${o.record} (inspection result for ${String(rec.requirement)}, not ${req.id})` };
    period = String(rec.inspected_at).slice(0, 7);
    provider = String(rec.provider);
  } else {
    // A planned row's id is the id its result would get: `${round}:${place}:${requirement}`.
    const roundId = o.record.split(':')[0]!;
    const round = o.record.endsWith(`:${req.id}`) ? findRound([o.tree], roundId) : undefined;
    if (!round) return { problem: `${o.record} (inspection-results)` };
    period = round.period;
    provider = round.provider.id;
  }
  const f = evaluate({ tree: o.tree, store: o.store, period, provider, evidenceLimit: 1000, ...(o.asOf ? { asOf: o.asOf } : {}) });
  const finding = f.findings.find((x) => x.requirement === req.id && x.provider === provider);
  if (!finding) return { problem: `${o.record} (${req.id} does not apply to ${provider} in ${period})` };
  const rows = dueRows(planInspections([o.tree], { period }).rounds).filter((d) => d.round.provider === provider && d.row.requirement === req.id);
  const results = o.store.db
    .prepare("SELECT data FROM records WHERE kind = 'inspection-results' AND event_at >= ? AND event_at < ?")
    .all(`${period}-01`, `${period}-32`)
    .map((x) => JSON.parse((x as { data: string }).data) as Record<string, unknown>)
    .filter((x) => x.provider === provider && x.requirement === req.id);
  const m = matchResults(rows, results);
  const mine = rec ? rows.find((d) => (m.done.get(d.row.id) ?? []).some((x) => x.id === rec.id)) : rows.find((d) => d.row.id === o.record);
  return {
    kind: 'inspection',
    requirement: req.id,
    text: req.text,
    period,
    provider,
    ...(rec ? { record: rec, result: outcomeOf(rec) } : {}),
    ...(mine ? { row: { id: mine.row.id, round: mine.round.id, place: mine.row.place.id, place_name: mine.row.place.name, start: mine.round.start, end: mine.round.end, done: !m.missing.includes(mine) } } : {}),
    due: rows.length,
    done: rows.length - m.missing.length,
    finding: { status: finding.status, ...(finding.reason ? { reason: finding.reason } : {}), ...(finding.reason_code ? { reason_code: finding.reason_code } : {}), ...(finding.measured !== undefined ? { measured: finding.measured } : {}), ...(finding.required !== undefined ? { required: finding.required } : {}), evidence: finding.evidence, evidence_total: finding.evidence_total },
  };
}

const STATUS_WORDS: Record<string, Text> = {
  passed: { zh: '合格', en: 'passed' },
  failed: { zh: '不合格', en: 'failed' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'not-reviewed': { zh: '未核查', en: 'not reviewed' },
  error: { zh: '错误', en: 'error' },
};

/** One inspection evidence item as a line a supervisor reads: place, what was found, who, when. */
export function inspectionEvidenceLine(e: Evidence, lang: Lang): string {
  const zh = lang === 'zh';
  if (e.outcome === 'inspection-missed') {
    const [s, t] = String(e.required ?? '').split('..');
    return zh
      ? `${e.place ?? e.unit ?? ''}：未检查（轮次 ${e.round ?? e.cell ?? ''}，${s ?? ''} 至 ${t ?? ''}，已查/应查 ${String(e.actual ?? '')}${e.note ? `；${e.note}` : ''}）`
      : `${e.place ?? e.unit ?? ''}: not inspected (round ${e.round ?? e.cell ?? ''}, ${s ?? ''} to ${t ?? ''}, done/due ${String(e.actual ?? '')}${e.note ? `; ${e.note}` : ''})`;
  }
  const who = [e.inspector, e.at].filter(Boolean).join(' ');
  return `${e.place ?? e.unit ?? ''}${zh ? '：' : ': '}${String(e.actual ?? '')}${who ? (zh ? `（${who}）` : ` (${who})`) : ''}${e.note ? ` ${e.note}` : ''}${e.record ? ` [${e.record}]` : ''}`;
}

function renderInspection(x: InspectionExplanation, lang: Lang): string {
  const zh = lang === 'zh';
  const t = (v: Text | undefined): string => (v ? (zh ? v.zh : (v.en ?? v.zh)) : '');
  const out: string[] = [`${x.requirement}  ${x.text}`, zh ? `服务商：${x.provider}　月份：${x.period}` : `Provider: ${x.provider}   month: ${x.period}`, ''];
  if (x.record) {
    out.push(zh ? `检查结果 ${String(x.record.id)}：${t(STATUS_WORDS[x.result!])}` : `Inspection result ${String(x.record.id)}: ${t(STATUS_WORDS[x.result!])}`);
    for (const [k, v] of Object.entries(x.record)) out.push(`  ${k}: ${String(v)}`);
    out.push('');
  }
  if (x.row) {
    out.push(
      zh
        ? `计划行 ${x.row.id}：${x.row.place_name}，轮次 ${x.row.round}（${x.row.start} 至 ${x.row.end}）——${x.row.done ? '已检查' : '未检查'}`
        : `Planned row ${x.row.id}: ${x.row.place_name}, round ${x.row.round} (${x.row.start} to ${x.row.end}) — ${x.row.done ? 'inspected' : 'not inspected'}`,
    );
  } else if (x.record) {
    out.push(zh ? '该结果不对应本月计划中的检查行（计划外的检查结果同样计入：发现的问题照样判不合格）' : 'This result answers no planned row of the month (results outside the plan still count: a problem found fails)');
  }
  out.push(zh ? `本月计划应检查 ${x.due} 处，已检查 ${x.done} 处` : `Due this month: ${x.due}; inspected: ${x.done}`);
  out.push('');
  out.push(`${zh ? '结论：' : 'Verdict: '}${t(STATUS_WORDS[x.finding.status])}${x.finding.reason ? (zh ? `（${t(x.finding.reason)}）` : ` (${t(x.finding.reason)})`) : ''}`);
  for (const e of x.finding.evidence.slice(0, 20)) out.push(`  · ${inspectionEvidenceLine(e, lang)}`);
  if (x.finding.evidence_total > 20) out.push(zh ? `  …共 ${x.finding.evidence_total} 条` : `  … ${x.finding.evidence_total} in all`);
  return out.join('\n');
}

const OUTCOME: Record<string, { zh: string; en: string }> = {
  met: { zh: '达成', en: 'met' },
  missed: { zh: '未达成', en: 'missed' },
  'open-breached': { zh: '未结且已超时（计为未达成）', en: 'open and past its limit (counts as missed)' },
  'open-pending': { zh: '未结，尚未超时', en: 'open, not yet past its limit' },
  'impossible-time': { zh: '时间异常（数据问题，不计为达成）', en: 'impossible times (a data finding, never a pass)' },
  excluded: { zh: '不计入（排除）', en: 'excluded' },
  'calendar-unknown': { zh: '无法判断（缺少节假日数据）', en: 'undecidable (holiday data missing)' },
  'not-covered': { zh: '本要求不适用于该记录', en: 'the requirement does not cover this record' },
};

export function renderExplanation(x: Explanation | InspectionExplanation, lang: Lang): string {
  if ('kind' in x) return renderInspection(x, lang);
  const zh = lang === 'zh';
  const t = (v: Text): string => (zh ? v.zh : (v.en ?? v.zh));
  const val = (v: unknown): string => (v === undefined ? (zh ? '（无）' : '(none)') : JSON.stringify(v));
  const out: string[] = [];
  out.push(`${x.requirement}  ${x.text}`);
  out.push(zh ? `方案：${x.profile}　判断时点：${x.as_of}` : `Profile: ${x.profile}   as of: ${x.as_of}`);
  out.push('');
  out.push(zh ? `记录 ${String(x.record.id)}：` : `Record ${String(x.record.id)}:`);
  for (const [k, v] of Object.entries(x.record)) out.push(`  ${k}: ${String(v)}`);
  if (x.flags.length) out.push(`  ${zh ? '标记' : 'flags'}: ${x.flags.join(', ')}`);
  out.push('');
  out.push(zh ? '日历事实：' : 'Calendar facts:');
  const day = x.calendar.day as { date: string; working: boolean; weekend: boolean; holiday?: string; makeUpWorkday: boolean; term?: string; known: boolean } | undefined;
  if (day) {
    out.push(
      zh
        ? `  ${day.date}：${day.known ? (day.working ? '工作日' : '休息日') : '未知（无节假日数据）'}${day.holiday ? `，法定节假日 ${day.holiday}` : ''}${day.makeUpWorkday ? '，调休补班' : ''}${day.weekend && !day.makeUpWorkday ? '，周末' : ''}${day.term ? `，学期 ${day.term}` : ''}`
        : `  ${day.date}: ${day.known ? (day.working ? 'working day' : 'rest day') : 'unknown (no holiday data)'}${day.holiday ? `, holiday ${day.holiday}` : ''}${day.makeUpWorkday ? ', make-up workday' : ''}${day.weekend && !day.makeUpWorkday ? ', weekend' : ''}${day.term ? `, term ${day.term}` : ''}`,
    );
  }
  const wh = x.calendar.working_hours as { value: boolean; reason: string } | undefined;
  if (wh) out.push(zh ? `  工作时间内报告：${wh.value ? '是' : '否'}（${wh.reason}）` : `  reported within working hours: ${wh.value ? 'yes' : 'no'} (${wh.reason})`);
  // Service hours (clock.within): when the clock started, if not at receipt.
  const cs = x.calendar.clock_start as string | undefined;
  if (cs) out.push(zh ? `  计时起点（标准服务时间内计时，时段外自下一个工作日开始时间起）：${cs}` : `  clock started (service hours only; outside them from the next opening): ${cs}`);
  const dc = x.calendar.during_class as { value: boolean; reason: string; period?: string } | undefined;
  if (dc) out.push(zh ? `  课表上课时间：${dc.value ? '是' : '否'}（${dc.reason}${dc.period ? ' ' + dc.period : ''}）` : `  class time by the timetable: ${dc.value ? 'yes' : 'no'} (${dc.reason}${dc.period ? ' ' + dc.period : ''})`);
  out.push('');
  out.push(zh ? '时限（按顺序，第一个条件全部成立的适用）：' : 'Limits (in order; the first whose conditions all hold applies):');
  for (const l of x.limits) {
    out.push(`  ${l.chosen ? '→' : ' '} ${l.id} ${t(l.label)} ≤ ${l.limit}   [${l.rule}]`);
    if (!l.applies.length) out.push(zh ? '      （无条件，总是适用）' : '      (no conditions: always applies)');
    for (const c of l.applies) out.push(`      ${c.result ? '✓' : '✗'} ${c.path ?? c.fact} ${c.operator} ${val(c.value)}   ${zh ? '事实值' : 'fact'} = ${val(c.factResult)}`);
  }
  if (x.met) {
    out.push('');
    out.push(zh ? '是否在时限内：' : 'Within the limit:');
    for (const c of x.met.slice(-1)) out.push(`  ${c.result ? '✓' : '✗'} ${c.path ?? c.fact} ${c.operator} ${val(c.value)}   ${zh ? '事实值' : 'fact'} = ${val(c.factResult)}`);
  }
  out.push('');
  out.push(`${zh ? '结论' : 'Outcome'}：${OUTCOME[x.outcome]?.[lang] ?? x.outcome}`);
  if (x.deadline) out.push(`${zh ? '截止' : 'Deadline'}：${x.deadline}`);
  if (x.judged_in) out.push(zh ? `计入 ${x.judged_in} 的评价（个案在办结或时限届满的月份评价一次）` : `Counted in the evaluation of ${x.judged_in} (a case is judged once, in the month it closes or its deadline passes)`);
  else if (x.outcome === 'open-pending') out.push(zh ? '待定：办结或时限届满的月份再评价' : 'Pending: judged in the month it closes or its deadline passes');
  return out.join('\n');
}
