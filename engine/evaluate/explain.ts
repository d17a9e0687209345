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
import { judgeCase } from './evaluate.ts';
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

export function explainRecord(o: { tree: Tree; store: Store; requirement: string; record: string; profile?: string; asOf?: Date }): Explanation | { problem: string } {
  const idx = buildIndex([o.tree]);
  const req = idx.requirements.get(o.requirement)?.value;
  if (!req) return { problem: o.requirement };
  if (req.type !== 'timeliness') return { problem: `${o.requirement} (${req.type}: explain judges one record against a timeliness requirement; see the evidence in findings.json)` };
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

export function renderExplanation(x: Explanation, lang: Lang): string {
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
