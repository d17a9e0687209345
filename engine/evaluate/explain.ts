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
import { BUILDING_TYPE, CALENDAR_REASON, CASE_NOUN, CASE_OUTCOME, CASE_VALUE, DERIVED_FACT, durationWords, FIELD, FINDING_STATUS, INSPECTION_RESULT, limitWords, localDate, localTime, monthWords, OPERATOR, say, type Names } from '../model/labels.ts';
import { namesOf as treeNames } from '../validate/names.ts';
import { elapsedWords } from './words.ts';

export interface Explanation {
  requirement: string;
  /** The record kind the requirement judges (work-orders, complaints …). */
  record_kind: string;
  text: string;
  profile: string;
  record: Record<string, unknown>;
  flags: string[];
  as_of: string;
  limits: { id: string; label: Text; limit: string; unit?: string; before?: boolean; version: string; rule: string; applies: ReturnType<typeof explainCondition>; chosen: boolean }[];
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
  const names = treeNames(o.tree, idx);
  const j = judgeCase(c, req, rec, { cal, buildingOf: new Map(reg.buildings.map((b) => [b.id, b])), asOf, field, explain: true, names });
  // Judged once, in the month the case closes or its deadline passes, whichever is first.
  const deadlineMs = j.limit ? (j.facts.deadline as Record<string, number> | undefined)?.[j.limit.id] : undefined;
  let judgedIn: string | undefined;
  if (deadlineMs !== undefined && (j.outcome === 'met' || j.outcome === 'missed' || j.outcome === 'open-breached')) {
    const stop = typeof rec[j.limit!.stop] === 'string' ? Date.parse(String(rec[j.limit!.stop])) : Number.NaN;
    judgedIn = cal.localDate(stop === stop ? Math.min(stop, deadlineMs) : deadlineMs).slice(0, 7);
  } else if (j.outcome && j.outcome !== 'open-pending') judgedIn = month;
  return withNames({
    requirement: req.id,
    record_kind: kind,
    text: req.text,
    profile: profile + (rr ? '' : ' (not selected by this profile)'),
    record: rec,
    flags: row.flags ? (JSON.parse(row.flags) as string[]) : [],
    as_of: instantToIso(asOf.getTime(), school.timezone),
    limits: c.limits.map((l) => ({
      id: l.id,
      label: l.label,
      limit: l.text,
      unit: l.unit,
      ...(l.before ? { before: true } : {}),
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
  }, names);
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
  row?: { id: string; round: string; round_name?: Text; place: string; place_name: string; start: string; end: string; done: boolean };
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
  return withNames<InspectionExplanation>({
    kind: 'inspection',
    requirement: req.id,
    text: req.text,
    period,
    provider,
    ...(rec ? { record: rec, result: outcomeOf(rec) } : {}),
    ...(mine ? { row: { id: mine.row.id, round: mine.round.id, ...(mine.round.words ? { round_name: mine.round.words } : {}), place: mine.row.place.id, place_name: mine.row.place.name, start: mine.round.start, end: mine.round.end, done: !m.missing.includes(mine) } } : {}),
    due: rows.length,
    done: rows.length - m.missing.length,
    finding: { status: finding.status, ...(finding.reason ? { reason: finding.reason } : {}), ...(finding.reason_code ? { reason_code: finding.reason_code } : {}), ...(finding.measured !== undefined ? { measured: finding.measured } : {}), ...(finding.required !== undefined ? { required: finding.required } : {}), evidence: finding.evidence, evidence_total: finding.evidence_total },
  }, treeNames(o.tree, idx));
}

/** Names for the sentences: kept on the explanation without reaching --json (it is not enumerable). */
function namesOfExplanation(x: object): Names | undefined {
  return (x as { [NAMES]?: Names })[NAMES];
}
const NAMES = Symbol('names');
function withNames<T extends object>(x: T, names: Names): T {
  Object.defineProperty(x, NAMES, { value: names, enumerable: false });
  return x;
}

/** One inspection evidence item as a line a supervisor reads: place, what was found, who, when. */
export function inspectionEvidenceLine(e: Evidence, lang: Lang): string {
  if (e.text) return lang === 'zh' ? e.text.zh : (e.text.en ?? e.text.zh);
  const zh = lang === 'zh';
  if (e.outcome === 'inspection-missed') {
    const [s, t] = String(e.required ?? '').split('..');
    const days = s && t ? (zh ? `${localTime(s, lang)}至${localTime(t, lang)}` : `${localTime(s, lang)} to ${localTime(t, lang)}`) : '';
    return zh ? `${e.place ?? ''}：未检查（${days}，已查/应查 ${String(e.actual ?? '')}）` : `${e.place ?? ''}: not inspected (${days}, done/due ${String(e.actual ?? '')})`;
  }
  const who = [e.inspector, e.at ? localTime(e.at, lang) : ''].filter(Boolean).join(' ');
  return `${e.place ?? ''}${zh ? '：' : ': '}${String(e.actual ?? '')}${who ? (zh ? `（${who}）` : ` (${who})`) : ''}${e.note ? ` ${e.note}` : ''}`;
}

/** A record's fields as a clerk reads them: the field's word, the value by name, times local. */
function fieldLines(rec: Record<string, unknown>, lang: Lang, names: Names | undefined, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(rec)) {
    if (skip.includes(k) || v === undefined || v === null || v === '') continue;
    let value: string;
    if (typeof v === 'boolean') value = lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) value = localTime(v, lang);
    else if (k === 'provider' && names) value = names.provider(String(v));
    else if (k === 'campus' && names) value = names.campus(String(v), lang);
    else if ((k === 'building' || k === 'place' || k === 'area' || k === 'station') && names) value = names.place(String(v), lang);
    else if (k === 'requirement' && names) value = names.requirement(String(v), lang);
    else if (k === 'activity' && names) value = names.activity(String(v), lang);
    else if (k === 'result') value = say(INSPECTION_RESULT, String(v), lang);
    else if (typeof v === 'string' && CASE_VALUE[v]) value = say(CASE_VALUE, v, lang);
    else value = String(v);
    out.push(`  ${say(FIELD, k, lang)}${lang === 'zh' ? '：' : ': '}${value}`);
  }
  return out;
}

function renderInspection(x: InspectionExplanation, lang: Lang): string {
  const zh = lang === 'zh';
  const names = namesOfExplanation(x);
  const t = (v: Text | undefined): string => (v ? (zh ? v.zh : (v.en ?? v.zh)) : '');
  const ref = names ? names.requirement(x.requirement, lang) : x.requirement;
  const provider = names ? names.provider(x.provider) : x.provider;
  const out: string[] = [`${ref}  ${x.text}`, zh ? `服务单位：${provider}　月份：${monthWords(x.period, lang)}` : `Provider: ${provider}   month: ${monthWords(x.period, lang)}`, ''];
  if (x.record) {
    out.push(zh ? `检查结果：${say(INSPECTION_RESULT, x.result, lang)}` : `Inspection result: ${say(INSPECTION_RESULT, x.result, lang)}`);
    out.push(...fieldLines(x.record, lang, names, ['id', 'round', 'requirement', 'provider']));
    if (x.row?.round_name) out.push(`  ${say(FIELD, 'round', lang)}${zh ? '：' : ': '}${t(x.row.round_name)}`);
    out.push('');
  }
  if (x.row) {
    const days = zh ? `${localTime(x.row.start, lang)}至${localTime(x.row.end, lang)}` : `${localTime(x.row.start, lang)} to ${localTime(x.row.end, lang)}`;
    const round = t(x.row.round_name) || (zh ? '本月轮次' : 'the month’s round');
    out.push(zh ? `计划检查：${x.row.place_name}，${round}（${days}）——${x.row.done ? '已检查' : '未检查'}` : `Planned: ${x.row.place_name}, ${round} (${days}) — ${x.row.done ? 'inspected' : 'not inspected'}`);
  } else if (x.record) {
    out.push(zh ? '该结果不对应本月计划中的检查行（计划外的检查结果同样计入：发现的问题照样判不合格）' : 'This result answers no planned row of the month (results outside the plan still count: a problem found fails)');
  }
  out.push(zh ? `本月计划应检查 ${x.due} 处，已检查 ${x.done} 处` : `Due this month: ${x.due}; inspected: ${x.done}`);
  out.push('');
  out.push(`${zh ? '结论：' : 'Verdict: '}${say(FINDING_STATUS, x.finding.status, lang)}${x.finding.reason ? (zh ? `（${t(x.finding.reason)}）` : ` (${t(x.finding.reason)})`) : ''}`);
  for (const e of x.finding.evidence.slice(0, 20)) out.push(`  · ${inspectionEvidenceLine(e, lang)}`);
  if (x.finding.evidence_total > 20) out.push(zh ? `  …共 ${x.finding.evidence_total} 条` : `  … ${x.finding.evidence_total} in all`);
  return out.join('\n');
}

/** A condition's value in words: codes by their word, lists joined, booleans 是/否. */
function valueWords(v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return lang === 'zh' ? '（无）' : '(none)';
  if (Array.isArray(v)) return v.map((x) => valueWords(x, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'string') return CASE_VALUE[v] ? say(CASE_VALUE, v, lang) : BUILDING_TYPE[v] ? say(BUILDING_TYPE, v, lang) : v;
  return String(v);
}

/** One condition as a line: 报修类别 属于 电梯　事实值 = 电梯. */
function conditionLine(c: { path?: string; fact: string; operator: string; value: unknown; factResult: unknown; result: boolean }, lang: Lang): string {
  const field = (c.path ?? c.fact).replace(/^\$\./, '');
  const word = DERIVED_FACT[field] ? say(DERIVED_FACT, field, lang) : say(FIELD, field, lang);
  return `${c.result ? '✓' : '✗'} ${word} ${say(OPERATOR, c.operator, lang)} ${valueWords(c.value, lang)}   ${lang === 'zh' ? '事实值' : 'fact'} = ${valueWords(c.factResult, lang)}`;
}

export function renderExplanation(x: Explanation | InspectionExplanation, lang: Lang): string {
  if ('kind' in x) return renderInspection(x, lang);
  const zh = lang === 'zh';
  const names = namesOfExplanation(x);
  const t = (v: Text): string => (zh ? v.zh : (v.en ?? v.zh));
  const out: string[] = [];
  out.push(`${names ? names.requirement(x.requirement, lang) : x.requirement}  ${x.text}`);
  const [profileId, notSelected] = x.profile.split(' (');
  const profile = `${names ? names.profile(profileId!, lang) : profileId}${notSelected ? (zh ? '（该方案未选用本条）' : ' (not selected by this profile)') : ''}`;
  out.push(zh ? `方案：${profile}　判断时点：${localTime(x.as_of, lang, { year: true })}` : `Profile: ${profile}   as of: ${localTime(x.as_of, lang, { year: true })}`);
  out.push('');
  const kind = say(CASE_NOUN, x.record_kind, lang);
  out.push(zh ? `${kind} ${String(x.record.id)}：` : `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${String(x.record.id)}:`);
  out.push(...fieldLines(x.record, lang, names, ['id']));
  if (x.flags.length) out.push(`  ${zh ? '标记' : 'flags'}: ${x.flags.join(', ')}`);
  out.push('');
  out.push(zh ? '日历事实：' : 'Calendar facts:');
  const day = x.calendar.day as { date: string; working: boolean; weekend: boolean; makeUpWorkday: boolean; known: boolean; names?: { holiday?: Text; term?: Text } } | undefined;
  if (day) {
    const holiday = day.names?.holiday ? t(day.names.holiday) : '';
    const term = day.names?.term ? t(day.names.term) : '';
    out.push(
      zh
        ? `  ${localDate(day.date, lang)}：${day.known ? (day.working ? '工作日' : '休息日') : '未知（无节假日数据）'}${holiday ? `，法定节假日 ${holiday}` : ''}${day.makeUpWorkday ? '，调休补班' : ''}${day.weekend && !day.makeUpWorkday ? '，周末' : ''}${term ? `，${term}` : ''}`
        : `  ${localDate(day.date, lang)}: ${day.known ? (day.working ? 'working day' : 'rest day') : 'unknown (no holiday data)'}${holiday ? `, holiday ${holiday}` : ''}${day.makeUpWorkday ? ', make-up workday' : ''}${day.weekend && !day.makeUpWorkday ? ', weekend' : ''}${term ? `, ${term}` : ''}`,
    );
  }
  const wh = x.calendar.working_hours as { value: boolean; reason: string } | undefined;
  if (wh) out.push(zh ? `  工作时间内报告：${wh.value ? '是' : '否'}（${say(CALENDAR_REASON, wh.reason, lang)}）` : `  reported within working hours: ${wh.value ? 'yes' : 'no'} (${say(CALENDAR_REASON, wh.reason, lang)})`);
  // Service hours (clock.within): when the clock started, if not at receipt.
  const cs = x.calendar.clock_start as string | undefined;
  if (cs) out.push(zh ? `  计时起点（标准服务时间内计时，时段外自下一个工作日开始时间起）：${localTime(cs, lang)}` : `  clock started (service hours only; outside them from the next opening): ${localTime(cs, lang)}`);
  const dc = x.calendar.during_class as { value: boolean; reason: string; period?: string } | undefined;
  if (dc) out.push(zh ? `  课表上课时间：${dc.value ? '是' : '否'}（${say(CALENDAR_REASON, dc.reason, lang)}${dc.period ? ' ' + dc.period : ''}）` : `  class time by the timetable: ${dc.value ? 'yes' : 'no'} (${say(CALENDAR_REASON, dc.reason, lang)}${dc.period ? ' ' + dc.period : ''})`);
  out.push('');
  out.push(zh ? '时限（按顺序，第一个条件全部成立的适用）：' : 'Limits (in order; the first whose conditions all hold applies):');
  const limitText = (l: Explanation['limits'][number]): string => (l.unit && l.unit !== 'duration' ? limitWords(l.limit, l.unit, lang) : durationWords(l.limit, lang));
  for (const l of x.limits) {
    out.push(`  ${l.chosen ? '→' : ' '} ${t(l.label)} ${l.before ? (zh ? '至少提前' : 'at least') : '≤'} ${limitText(l)}${l.before && !zh ? ' before' : ''}`);
    if (!l.applies.length) out.push(zh ? '      （无条件，总是适用）' : '      (no conditions: always applies)');
    for (const c of l.applies) out.push(`      ${conditionLine(c, lang)}`);
  }
  const chosen = x.limits.find((l) => l.chosen);
  if (x.met && chosen) {
    out.push('');
    out.push(zh ? '是否在时限内：' : 'Within the limit:');
    for (const c of x.met.slice(-1)) {
      const ok = c.result ? '✓' : '✗';
      if (c.path === '$.elapsed_seconds' && typeof c.factResult === 'number') {
        const lead = -c.factResult;
        out.push(
          chosen.before
            ? zh
              ? `  ${ok} ${lead >= 0 ? `提前 ${elapsedWords(lead, lang)}` : `开始后 ${elapsedWords(-lead, lang)}`}，应至少提前 ${limitText(chosen)}`
              : `  ${ok} ${lead >= 0 ? `${elapsedWords(lead, lang)} before the start` : `${elapsedWords(-lead, lang)} after the start`}; at least ${limitText(chosen)} before is required`
            : zh
              ? `  ${ok} 用时 ${elapsedWords(c.factResult, lang)}，时限 ${limitText(chosen)}`
              : `  ${ok} took ${elapsedWords(c.factResult, lang)}; limit ${limitText(chosen)}`,
        );
      } else if (c.path === '$.stop_ms' && typeof c.factResult === 'number' && x.deadline) {
        const tz = x.deadline.slice(19);
        const done = new Date(c.factResult).toISOString();
        const doneLocal = tz ? localFromUtc(done, tz) : done;
        out.push(zh ? `  ${ok} 完成于 ${localTime(doneLocal, lang)}，期限 ${localTime(x.deadline, lang)}（${limitText(chosen)}）` : `  ${ok} done ${localTime(doneLocal, lang)}; deadline ${localTime(x.deadline, lang)} (${limitText(chosen)})`);
      } else out.push(`  ${conditionLine(c, lang)}`);
    }
  }
  out.push('');
  out.push(`${zh ? '结论：' : 'Outcome: '}${say(CASE_OUTCOME, x.outcome, lang)}`);
  const ev = x.evidence as Evidence | undefined;
  if (ev?.text) out.push(`  ${zh ? ev.text.zh : (ev.text.en ?? ev.text.zh)}`);
  if (x.deadline) out.push(`${zh ? '截止：' : 'Deadline: '}${localTime(x.deadline, lang, { year: true })}`);
  if (x.judged_in) out.push(zh ? `计入 ${monthWords(x.judged_in, lang)} 的评价（个案在办结或时限届满的月份评价一次）` : `Counted in the evaluation of ${monthWords(x.judged_in, lang)} (a case is judged once, in the month it closes or its deadline passes)`);
  else if (x.outcome === 'open-pending') out.push(zh ? '待定：办结或时限届满的月份再评价' : 'Pending: judged in the month it closes or its deadline passes');
  return out.join('\n');
}

/** A UTC ISO instant as local ISO text at a fixed offset (+08:00). */
function localFromUtc(iso: string, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return iso;
  const ms = Date.parse(iso) + (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return new Date(ms).toISOString().slice(0, 19) + offset;
}
