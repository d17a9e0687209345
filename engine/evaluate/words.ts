// Findings and their evidence in the reader's words (issue 13 §1): every finding gets `words` (what was
// measured, the measured value, what is required, where) and every evidence item a sentence (`text`), zh and
// en, made from the machine fields and the tree's names — never a code, an id or an ISO value. Consumers (the
// terminal, notices, scorecards, the site) print these; the machine fields stay for --json and file formats.
import type { Names, Words } from '../model/labels.ts';
import { CALENDAR_NAME, FINDING_STATUS, CASE_NOUN, comparisonWords, COMPLAINT_CAUSE, DOC_PROBLEM, durationWords, EVERY, FIELD, limitWords, localTime, minutesWords, REASON_CODE, say, STOP_WORD, WHOLE_SCHOOL, type Lang } from '../model/labels.ts';
import type { RegisterFile, Requirement, Text } from '../model/types.ts';
import type { Evidence, Finding, FindingWords } from './evaluate.ts';

const NBSP = '\u00a0';
type W = { zh: string; en: string };
const both = (f: (lang: Lang) => string): W => ({ zh: f('zh'), en: f('en') });
const en = (t: Text | undefined): string => (t ? (t.en ?? t.zh) : '');
const tx = (t: Text | undefined, lang: Lang): string => (lang === 'zh' ? (t?.zh ?? '') : en(t));

/** The word for a limit's stop field: 到场 (arrived_at). */
export function stopWord(field: string, lang: Lang): string {
  const w = STOP_WORD[field];
  if (w) return w[lang];
  const f = FIELD[field];
  return f ? f[lang].replace(/时间$/, '').replace(/ time$/, '') : field;
}

/** Elapsed time in words, to the second below two hours when the minutes alone would hide a boundary. */
export function elapsedWords(seconds: number, lang: Lang): string {
  const s = Math.round(seconds);
  if (Math.abs(s) < 7200 && s % 60 !== 0) {
    const m = Math.trunc(s / 60);
    const r = Math.abs(s % 60);
    return lang === 'zh' ? `${m}${NBSP}分${NBSP}${r}${NBSP}秒` : `${m}${NBSP}min ${r}${NBSP}s`;
  }
  if (lang === 'zh') return minutesWords(s / 60, lang);
  // English spelled out like the limits it is compared with (45 minutes, 2 hours).
  const min = s / 60;
  const one = (x: number, unit: string): string => `${x}${NBSP}${unit}${x === 1 ? '' : 's'}`;
  if (Math.abs(min) < 120) return one(Math.round(min), 'minute');
  if (Math.abs(min) < 48 * 60) return one(Math.round((min / 60) * 10) / 10, 'hour');
  return one(Math.round((min / 1440) * 10) / 10, 'day');
}

// ── one case against a time limit (both the columnar fast path and judgeCase() word it through here) ──

export interface CaseFacts {
  /** The record kind (work-orders, complaints, consultations, events). */
  kind: string;
  id: string;
  /** Where the case was, by name (a building, a place), when the record says. */
  where?: string;
  outcome: 'missed' | 'open-breached' | 'impossible-time' | 'class-flag-mismatch' | 'calendar-unknown';
  limit?: { label: Text; start: string; stop: string; before: boolean; unit: string; text: string };
  /** Seconds from the clock's start to the stop (readiness: negative when ready before the start). */
  elapsed?: number;
  /** Local ISO times (with offset) of the start, the (effective) stop, the deadline and the as-of instant. */
  start?: string;
  stop?: string;
  deadline?: string;
  asOf?: string;
  /** The provider's during_class flag (class-flag-mismatch). */
  flag?: boolean;
  /** The year whose holiday notice is missing (calendar-unknown). */
  year?: string;
}

/** The limit as read: 45 分钟, 3 个工作日, 2 天. */
function limitOf(l: NonNullable<CaseFacts['limit']>, lang: Lang): string {
  return l.unit === 'duration' ? durationWords(l.text, lang) : limitWords(l.text, l.unit, lang);
}

/** One case as a sentence: 工单 WO-2026-000542（第3教学楼）到场用时 25 分钟，时限 15 分钟（电梯事故到达现场）. */
export function caseText(c: CaseFacts): W {
  return both((lang) => {
    const zh = lang === 'zh';
    const noun = say(CASE_NOUN, c.kind, lang);
    const who = zh ? `${noun} ${c.id}${c.where ? `（${c.where}）` : ''}` : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${c.id}${c.where ? ` (${c.where})` : ''}`;
    // Chinese runs the sentence on after the place's brackets; after a bare number it needs a space.
    const whoSp = zh && !c.where ? `${who} ` : who;
    const l = c.limit;
    const t = (iso: string | undefined): string => (iso ? localTime(iso, lang) : '—');
    const label = l && tx(l.label, lang) ? (zh ? `（${tx(l.label, lang)}）` : ` (${tx(l.label, lang)})`) : '';
    switch (c.outcome) {
      case 'missed': {
        if (!l) break;
        const stop = stopWord(l.stop, lang);
        const lim = limitOf(l, lang);
        if (l.before) {
          const lead = -(c.elapsed ?? 0);
          if (lead >= 0) return zh ? `${whoSp}仅提前 ${elapsedWords(lead, lang)}${stop}，应至少提前 ${lim}${label}` : `${who}: ${stop} only ${elapsedWords(lead, lang)} before the start; at least ${lim} before is required${label}`;
          return zh ? `${whoSp}开始后 ${elapsedWords(-lead, lang)}才${stop}，应至少提前 ${lim}${label}` : `${who}: ${stop} ${elapsedWords(-lead, lang)} after the start; at least ${lim} before is required${label}`;
        }
        if (l.unit === 'duration') return zh ? `${whoSp}${stop}用时 ${elapsedWords(c.elapsed ?? 0, lang)}，时限 ${lim}${label}` : `${who}: ${stop} took ${elapsedWords(c.elapsed ?? 0, lang)}; limit ${lim}${label}`;
        return zh ? `${whoSp}${stop}时间 ${t(c.stop)}，超过期限 ${t(c.deadline)}（${lim}）${label}` : `${who}: ${stop} at ${t(c.stop)}, after the deadline ${t(c.deadline)} (${lim})${label}`;
      }
      case 'open-breached': {
        if (!l) break;
        const field = say(FIELD, l.stop, lang);
        const lim = limitOf(l, lang);
        const lab = tx(l.label, lang);
        return zh ? `${whoSp}${field}缺失，已超过 ${lim}时限（${lab ? `${lab}；` : ''}截至 ${t(c.asOf)}）` : `${who}: no ${field} recorded, past the ${lim} limit (${lab ? `${lab}; ` : ''}as of ${t(c.asOf)})`;
      }
      case 'impossible-time': {
        if (!l) break;
        return zh
          ? `${whoSp}${say(FIELD, l.stop, lang)}（${t(c.stop)}）早于${say(FIELD, l.start, lang)}（${t(c.start)}），时间记录异常`
          : `${who}: ${say(FIELD, l.stop, lang)} (${t(c.stop)}) is before the ${say(FIELD, l.start, lang)} (${t(c.start)}); the times cannot be right`;
      }
      case 'class-flag-mismatch':
        return zh
          ? `${whoSp}记录为${c.flag ? '上课期间' : '非上课期间'}，但按课表${c.flag ? '不在' : '正在'}上课时间，适用的时限因此不同，记录需核对`
          : `${who} is marked ${c.flag ? 'during class' : 'outside class'}, but by the timetable it was ${c.flag ? 'outside class time' : 'during class time'}; the limits differ, so the record must be checked`;
      case 'calendar-unknown':
        return zh ? `${who}：缺少 ${c.year ?? ''} 年的法定节假日安排，无法计算时限` : `${who}: the ${c.year ?? ''} public holiday schedule is missing, so the limit cannot be worked out`;
    }
    return who;
  });
}

/** The year a calendar note names (no holiday data for 2027 / the 2027 holiday notice …), else the case's own. */
export function yearOf(note: string | undefined, fallback: string): string {
  return /\b(\d{4})\b/.exec(note ?? '')?.[1] ?? fallback;
}

// ── the other evidence, from its machine fields ─────────────────────────────────────────────────

export interface WordsContext {
  names: Names;
  reg: RegisterFile;
  requirement: (id: string) => Requirement | undefined;
  /** The value in force at the period's end of a parameter of the requirement, as resolved for the provider. */
  param: (f: Finding, name: string) => { value: string | number; unit?: string; label?: Text } | undefined;
}

/** A unit of a grid or a rate (campus, building, place, station, the school) by name. */
function unitName(id: string | undefined, ctx: WordsContext, lang: Lang): string {
  if (!id) return '';
  if (id === ctx.reg.id) return WHOLE_SCHOOL[lang];
  return ctx.names.place(id, lang);
}

/** A grid cell's period in words: 4月22日, 4月22日夜间, 4月20日至4月26日当周, 4月, 4月22日 08:00–09:00. */
export function cellWords(cell: string | undefined, period: string | undefined, lang: Lang): string {
  if (!cell) return '';
  const zh = lang === 'zh';
  let m = /^week-ending-(\d{4}-\d{2}-\d{2})$/.exec(cell);
  if (m) {
    const end = m[1]!;
    const d = new Date(`${end}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 6);
    const start = d.toISOString().slice(0, 10);
    return zh ? `${localTime(start, lang)}至${localTime(end, lang)}当周` : `the week ${localTime(start, lang)} to ${localTime(end, lang)}`;
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(cell);
  if (m) return zh ? `${localTime(m[1]!, lang)}至${localTime(m[2]!, lang)}` : `${localTime(m[1]!, lang)} to ${localTime(m[2]!, lang)}`;
  m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(cell);
  if (m) {
    const h = Number(m[2]) + 1;
    return `${localTime(m[1]!, lang)} ${m[2]}:${m[3]}–${String(h).padStart(2, '0')}:${m[3]}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return period === 'night' ? (zh ? `${localTime(cell, lang)}夜间` : `the night of ${localTime(cell, lang)}`) : localTime(cell, lang);
  m = /^(\d{4})-(\d{2})$/.exec(cell);
  if (m) return zh ? `${Number(m[2])}月` : ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(m[2]) - 1]!;
  return cell;
}

/** Times (N 次) in words. */
const times = (n: number | string, lang: Lang): string => (lang === 'zh' ? `${n}${NBSP}次` : `${n}${NBSP}${Number(n) === 1 ? 'time' : 'times'}`);

/** A rate's value with its unit: 53.33 %, 4.2 ‰. */
function rateValue(v: unknown, unit: string | undefined, lang: Lang): string {
  if (v === undefined || v === null || v === '') return '—';
  return limitWords(typeof v === 'number' ? v : String(v), unit ?? 'percent', lang);
}

/** The comparison a rate finding requires: ≥ 97 %. The machine form is "at-least 97%". */
function rateRequired(f: Finding, lang: Lang): string {
  const m = /^(at-least|above|at-most|below)\s+([\d.]+)/.exec(String(f.required ?? ''));
  if (!m) return String(f.required ?? '—');
  return comparisonWords(m[1]!, Number(m[2]), f.unit ?? 'percent', lang);
}

/** What a reading's parameter measures: 室温下限 → 室温, Minimum room temperature → room temperature. */
export function readingWordOf(label: Text | undefined, lang: Lang): string {
  if (!label) return say(FIELD, 'value', lang);
  return lang === 'zh' ? label.zh.replace(/(下限|上限|最低值|最高值)$/, '') : en(label).replace(/^(Minimum|Maximum|Min\.?|Max\.?)\s+/i, '').replace(/^./, (c) => c.toLowerCase());
}

/** Evidence of every finding type but timeliness cases (which are worded where they are judged). */
export function evidenceText(e: Evidence, f: Finding, ctx: WordsContext): W | undefined {
  const r = ctx.requirement(f.requirement);
  switch (e.outcome) {
    case 'missing': {
      // A frequency grid cell: 东校区主配电室 4月22日 巡检 1 次（应 2 次）.
      const fc = r?.frequency?.counts.find((c) => c.id === f.scope.id);
      return both((lang) => {
        const act = fc ? ctx.names.activity(fc.activity, lang) : say(FIELD, 'activity', lang);
        const where = unitName(e.unit, ctx, lang);
        const when = cellWords(e.cell, fc?.period, lang);
        const pro = e.note ? (lang === 'zh' ? '，按服务期折算' : ', pro rata to the service period') : '';
        return lang === 'zh' ? `${where} ${when} ${act} ${times(e.actual ?? 0, lang)}（应 ${times(e.required ?? '?', lang)}${pro}）` : `${where}, ${when}: ${act} ${times(e.actual ?? 0, lang)} (${e.required ?? '?'} required${pro})`;
      });
    }
    case 'understaffed': {
      // A watch day: 本部服务中心 4月3日 00:00–08:00 在岗 1 人（应 2 人）.
      const gaps = String(e.actual ?? '')
        .replace(/ …$/, '')
        .split('; ')
        .map((g) => /^(\S+)\s+(\d+)$/.exec(g))
        .filter((m): m is RegExpExecArray => Boolean(m));
      const more = String(e.actual ?? '').endsWith(' …');
      return both((lang) => {
        const where = unitName(e.unit, ctx, lang);
        const day = e.cell ? localTime(e.cell, lang) : '';
        const parts = gaps.map((m) => (lang === 'zh' ? `${m[1]} 在岗 ${m[2]} 人` : `${m[1]} ${m[2]} on duty`));
        return lang === 'zh'
          ? `${where} ${day} ${parts.join('，')}${more ? ' 等' : ''}（每班应 ${e.required} 人）`
          : `${where}, ${day}: ${parts.join(', ')}${more ? ' …' : ''} (${e.required} required at all times)`;
      });
    }
    case 'below': {
      // A rate below its threshold: a unit's (or a count day's) value against the comparison.
      const counted = /^counted (\d{4}-\d{2}-\d{2}): (\d+)\/(\d+)$/.exec(e.note ?? '');
      const ratio = /^(\d+)\/(\d+)$/.exec(String(e.actual ?? ''));
      return both((lang) => {
        const q = quantityOf(f, ctx, lang);
        const where = e.unit && e.unit !== f.provider ? unitName(e.unit, ctx, lang) : '';
        const zh = lang === 'zh';
        if (counted) {
          const [, day, num, den] = counted;
          return zh
            ? `${where} ${localTime(day!, lang)} 统计 ${den} 个中完好 ${num} 个，${q} ${rateValue(e.actual, f.unit, lang)}，要求 ${rateRequired(f, lang)}`
            : `${where}, counted ${localTime(day!, lang)}: ${num} of ${den} in order (${q}: ${rateValue(e.actual, f.unit, lang)}); ${rateRequired(f, lang)} required`;
        }
        if (ratio) {
          const pct = Number(ratio[2]) ? Math.round((Number(ratio[1]) / Number(ratio[2])) * (f.unit === 'permille' ? 1000 : 100) * 100) / 100 : 0;
          return zh ? `${q} ${rateValue(pct, f.unit, lang)}（${ratio[2]} 件中 ${ratio[1]} 件），要求 ${rateRequired(f, lang)}` : `${q} ${rateValue(pct, f.unit, lang)} (${ratio[1]} of ${ratio[2]}); ${rateRequired(f, lang)} required`;
        }
        return zh ? `${where ? `${where} ` : ''}${q} ${rateValue(e.actual, f.unit, lang)}，要求 ${rateRequired(f, lang)}` : `${where ? `${where}: ` : ''}${q}: ${rateValue(e.actual, f.unit, lang)}; ${rateRequired(f, lang)} required`;
      });
    }
    case 'too-few-points':
      return both((lang) => {
        const where = unitName(e.unit, ctx, lang);
        const day = e.cell ? localTime(e.cell, lang) : '';
        return lang === 'zh' ? `${where} ${day} 只有 ${e.actual} 个测温点有读数（应不少于 ${e.required} 个）` : `${where}, ${day}: readings from ${e.actual} measuring points (at least ${e.required} required)`;
      });
    case 'analysis-missing':
      return both((lang) =>
        lang === 'zh'
          ? `${quantityOf(f, ctx, lang)} ${rateValue(e.actual, f.unit, lang)}，低于 ${rateRequired(f, lang).replace(/^[≥>]\s?/, '')}，未提交原因分析`
          : `${quantityOf(f, ctx, lang)}: ${rateValue(e.actual, f.unit, lang)}, below ${rateRequired(f, lang).replace(/^[≥>]\s?/, '')} and no analysis of the causes is filed`,
      );
    case 'unclassified': {
      const field = r?.rate?.share?.field ?? '';
      return both((lang) => (lang === 'zh' ? `${say(CASE_NOUN, r?.rate?.subject, lang)} ${e.record} 未填写${say(FIELD, field, lang)}，无法归类` : `${say(CASE_NOUN, r?.rate?.subject, lang)} ${e.record}: no ${say(FIELD, field, lang)} given, so it cannot be classified`));
    }
    case 'present':
      return both((lang) => (lang === 'zh' ? `《${String(e.actual ?? '')}》已提交` : `“${String(e.actual ?? '')}” is filed`));
    case 'document-missing':
    case 'not-current-year':
    case 'not-approved':
    case 'expired':
    case 'retention-too-short':
      // Worded where the document was judged (recordFinding); a copy made elsewhere still reads.
      return both((lang) => (lang === 'zh' ? `${String(e.required ?? '')}：${say(DOC_PROBLEM, e.outcome, lang)}` : `${String(e.required ?? '')}: ${say(DOC_PROBLEM, e.outcome, lang)}`));
    default: {
      // A share's record counted in the numerator (服务指南 三、(三)2.(2): complaints caused by operating errors).
      const share = r?.rate?.share;
      if (share && e.record && share.values.includes(e.outcome)) {
        return both((lang) => {
          const noun = say(CASE_NOUN, r!.rate!.subject, lang);
          const cause = say(COMPLAINT_CAUSE, e.outcome, lang);
          return lang === 'zh' ? `${noun} ${e.record}：${say(FIELD, share.field, lang)}为${cause}` : `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${e.record}: ${say(FIELD, share.field, lang)}: ${cause}`;
        });
      }
      return undefined;
    }
  }
}

// ── the finding's four words ─────────────────────────────────────────────────────────────────────

/** Where a provider's whole service is: its one campus by name, else the whole school. */
export function providerPlace(provider: string, ctx: WordsContext, lang: Lang): string {
  const campuses = new Set<string>();
  for (const c of ctx.reg.campuses) if (c.provider === provider || (c.duties ?? []).some((d) => d.provider === provider)) campuses.add(c.id);
  for (const b of ctx.reg.buildings) if (b.provider === provider) campuses.add(b.campus);
  for (const p of ctx.reg.places ?? []) if (p.provider === provider && p.campus) campuses.add(p.campus);
  if (campuses.size === 1) return ctx.names.campus([...campuses][0]!, lang);
  return WHOLE_SCHOOL[lang];
}

/** Up to three names, then 等 N 处 / and N more. */
function someNames(names: string[], lang: Lang): string {
  const u = [...new Set(names.filter(Boolean))];
  if (u.length <= 3) return u.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${u.slice(0, 3).join('、')}等 ${u.length} 处` : `${u.slice(0, 3).join(', ')} and ${u.length - 3} more`;
}

function quantityOf(f: Finding, ctx: WordsContext, lang: Lang): string {
  const r = ctx.requirement(f.requirement);
  switch (f.type) {
    case 'timeliness': {
      const stops = [...new Set((r?.timeliness?.limits ?? []).map((l) => stopWord(l.stop, lang)))];
      const before = r?.timeliness?.limits.some((l) => l.before);
      if (lang === 'zh') return before ? `提前${stops.join('、')}达成率` : `${stops.join('、')}及时率`;
      return before ? `share ready in time` : `on-time ${stops.join(', ')} rate`;
    }
    case 'frequency': {
      const fc = r?.frequency?.counts.find((c) => c.id === f.scope.id);
      const label = fc ? tx(fc.label, lang) || ctx.names.activity(fc.activity, lang) : '';
      return lang === 'zh' ? `${label}次数` : `${label}: times done`;
    }
    case 'rate': {
      // The rate's measure as the clause names it, its explanation in brackets left off (室内温度达标率).
      const m = tx(r?.rate?.measure, lang).replace(/\s*[（(][^（）()]*[）)]\s*$/, '');
      return m || (lang === 'zh' ? '比率' : 'rate');
    }
    case 'record':
      return lang === 'zh' ? '应备档案' : 'required documents';
    case 'disclosure':
      return lang === 'zh' ? '公示事项' : 'items made public';
    case 'inspection':
      if (r?.inspection?.watch) return lang === 'zh' ? '值班在岗人数' : 'staff on watch';
      if (f.scope.kind === 'inspection-plan') return lang === 'zh' ? '计划检查完成情况' : 'planned inspections done';
      return lang === 'zh' ? '现场检查' : 'on-site inspection';
    default:
      return lang === 'zh' ? '资料性内容' : 'informative text';
  }
}

/** "a/b" of a machine `measured`. */
const frac = (v: unknown): [number, number] | undefined => {
  const m = /^(\d+)\/(\d+)$/.exec(String(v ?? ''));
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};

/** Below five cases a count (4 件中 3 件按时), else a rate with the count beside it. */
function casesWords(met: number, n: number, lang: Lang, ok: Words = { zh: '按时', en: 'on time' }): string {
  if (n < 5) return lang === 'zh' ? `${n}${NBSP}件中${NBSP}${met}${NBSP}件${ok.zh}` : `${met} of ${n} ${ok.en}`;
  const pct = (Math.round((met / n) * 1000) / 10).toFixed(1);
  return lang === 'zh' ? `${pct}${NBSP}%（${n}${NBSP}件中${NBSP}${met}${NBSP}件${ok.zh}）` : `${pct}${NBSP}% (${met} of ${n} ${ok.en})`;
}

/** What there was to measure when there was no measurement: the reason in a word. */
function noMeasure(f: Finding, lang: Lang): string {
  if (f.reason_code) return say(REASON_CODE, f.reason_code, lang);
  if (f.status === 'not-applicable' || f.status === 'not-reviewed') return say(FINDING_STATUS, f.status, lang);
  return '—';
}

function measuredOf(f: Finding, ctx: WordsContext, lang: Lang): string {
  const zh = lang === 'zh';
  const r = ctx.requirement(f.requirement);
  const fr = frac(f.measured);
  switch (f.type) {
    case 'timeliness':
      if (fr && fr[1] > 0) return casesWords(fr[0], fr[1], lang, r?.timeliness?.limits.some((l) => l.before) ? { zh: '按时就绪', en: 'ready in time' } : undefined);
      return noMeasure(f, lang);
    case 'frequency': {
      if (!fr) return noMeasure(f, lang);
      const [met, cells] = fr;
      if (cells === 1 && f.evidence[0]?.outcome === 'missing') return times(f.evidence[0].actual ?? 0, lang);
      return zh ? `${cells}${NBSP}个应做时段中${NBSP}${met}${NBSP}个达标` : `${met} of ${cells} periods done`;
    }
    case 'rate':
      if (f.measured === undefined) return noMeasure(f, lang);
      return rateValue(f.measured, f.unit, lang);
    case 'record': {
      if (f.status === 'not-reviewed' || f.status === 'not-applicable') return noMeasure(f, lang);
      const need = Number(f.required ?? 0);
      const have = Number(f.measured ?? 0);
      if (have >= need) return zh ? `${need}${NBSP}项齐全` : `all ${need} in order`;
      return zh ? `缺${NBSP}${need - have}${NBSP}项（应备${NBSP}${need}${NBSP}项）` : `${need - have} of ${need} missing or not valid`;
    }
    case 'disclosure': {
      // Posted on site: judged from the inspection rounds like an inspection (passed of applied places).
      if (fr) return fr[1] ? (zh ? `现场检查${NBSP}${fr[1]}${NBSP}处中${NBSP}${fr[0]}${NBSP}处合格` : `${fr[0]} of ${fr[1]} places passed on inspection`) : noMeasure(f, lang);
      if (f.measured === undefined || f.status === 'not-applicable' || f.status === 'not-reviewed') return noMeasure(f, lang);
      const n = f.required ?? r?.disclosure?.items.length ?? 0;
      return zh ? `${n}${NBSP}项中${NBSP}${f.measured}${NBSP}项已公示` : `${f.measured} of ${n} made public`;
    }
    case 'inspection': {
      if (r?.inspection?.watch && fr) return zh ? `${fr[1]}${NBSP}天中${NBSP}${fr[0]}${NBSP}天人数足额` : `fully staffed on ${fr[0]} of ${fr[1]} days`;
      if (f.scope.kind === 'inspection-plan' && fr) return zh ? `${fr[1]}${NBSP}项中完成${NBSP}${fr[0]}${NBSP}项` : `${fr[0]} of ${fr[1]} done`;
      if (fr) return zh ? `${fr[1]}${NBSP}处中${NBSP}${fr[0]}${NBSP}处合格` : `${fr[0]} of ${fr[1]} places passed`;
      return noMeasure(f, lang);
    }
    default:
      return noMeasure(f, lang);
  }
}

function requiredOf(f: Finding, ctx: WordsContext, lang: Lang): string {
  const zh = lang === 'zh';
  const r = ctx.requirement(f.requirement);
  switch (f.type) {
    case 'timeliness': {
      const limits = r?.timeliness?.limits ?? [];
      const values = f.required === undefined ? [] : String(f.required).split(' / ').map((v) => v.replace(/^≤/, ''));
      const parts = limits.map((l, i) => {
        const p = ctx.param(f, l.limit.param);
        const value = values[i] || String(p?.value ?? '');
        const lim = limitWords(value, p?.unit ?? 'duration', lang);
        const sign = l.before ? (zh ? '至少提前 ' : 'at least ') : `≤${NBSP}`;
        const tail = l.before && !zh ? ' before' : '';
        return { label: tx(l.label, lang), text: `${sign}${lim}${tail}` };
      });
      if (!parts.length) return String(f.required ?? '—');
      if (parts.length === 1) return parts[0]!.text;
      return parts.map((p) => (zh ? `${p.label} ${p.text}` : `${p.label} ${p.text}`)).join(zh ? '；' : '; ');
    }
    case 'frequency': {
      const fc = r?.frequency?.counts.find((c) => c.id === f.scope.id);
      const every = fc ? say(EVERY, fc.period, lang) : '';
      const n = f.required ?? (fc ? ctx.param(f, fc.count.param)?.value : undefined) ?? '?';
      const cal = fc?.calendar && fc.calendar !== 'all-days' ? (zh ? `（${say(CALENDAR_NAME, fc.calendar, lang)}内）` : ` (in the ${say(CALENDAR_NAME, fc.calendar, lang)})`) : '';
      return zh ? `${every} ${times(n, lang)}${cal}` : `${times(n, lang)} ${every}${cal}`;
    }
    case 'rate': {
      const th = r?.rate ? ctx.param(f, r.rate.threshold.param) : undefined;
      const base = f.required !== undefined ? rateRequired(f, lang) : th && r?.rate ? comparisonWords(r.rate.direction, th.value, th.unit ?? 'percent', lang) : '—';
      const also = r?.rate?.also?.[0] ? ctx.param(f, r.rate.also[0].param) : undefined;
      if (also) {
        const reading = readingWordOf(also.label, lang);
        return zh ? `${base}（${reading} ≥ ${limitWords(also.value, also.unit, lang)}）` : `${base} (${reading} ≥ ${limitWords(also.value, also.unit, lang)})`;
      }
      return base;
    }
    case 'record': {
      const ret = /^retention (\S+)$/.exec(f.unit ?? '');
      const keep = ret ? (zh ? `，保存 ${durationWords(ret[1]!, lang)}` : `, kept ${durationWords(ret[1]!, lang)}`) : '';
      return zh ? `${f.required ?? '?'}${NBSP}项齐全有效${keep}` : `all ${f.required ?? '?'} present and valid${keep}`;
    }
    case 'disclosure': {
      const n = f.required ?? r?.disclosure?.items.length ?? 0;
      return zh ? `${n}${NBSP}项全部公示` : `all ${n} made public`;
    }
    case 'inspection': {
      if (r?.inspection?.watch) {
        const staff = /^(\d+)/.exec(String(f.required ?? ''))?.[1] ?? '?';
        return zh ? `24${NBSP}小时值班，每班${NBSP}${staff}${NBSP}人` : `24-hour watch, ${staff} on duty at all times`;
      }
      if (f.scope.kind === 'inspection-plan') return zh ? `计划的${NBSP}${f.required ?? 0}${NBSP}项检查全部完成` : `all ${f.required ?? 0} planned inspections done`;
      if (typeof f.required === 'number') return zh ? `应检查${NBSP}${f.required}${NBSP}处，均合格` : `${f.required} inspections due, all passing`;
      return zh ? '按检查计划' : 'as the inspection plan sets';
    }
    default:
      return '—';
  }
}

function placeOfFinding(f: Finding, ctx: WordsContext, lang: Lang): string {
  if (f.scope.kind === 'inspection-plan') return WHOLE_SCHOOL[lang];
  if (f.type !== 'record' && f.type !== 'disclosure') {
    const named = f.evidence.map((e) => e.place ?? (e.unit && e.unit !== f.provider ? unitName(e.unit, ctx, lang) : '')).filter(Boolean);
    if (named.length) return someNames(named, lang);
  }
  if (f.type === 'frequency') {
    const units = scopeNames(f, ctx, lang);
    if (units.length) return someNames(units, lang);
  }
  // A rate or grid judged per unit (a station, a building, a campus) names it.
  if (f.scope.kind === 'campus' && ctx.reg.campuses.some((c) => c.id === f.scope.id)) return ctx.names.campus(f.scope.id, lang);
  if (f.scope.kind === 'building' || f.scope.kind === 'station') {
    const n = unitName(f.scope.id, ctx, lang);
    if (n !== f.scope.id) return n;
  }
  return providerPlace(f.provider, ctx, lang);
}

/** Scopes of named places (the register's places[].scope) and of building types. */
const SCOPE_BUILDING: Record<string, string> = { 'dormitory-building': 'dormitory', 'teaching-building': 'teaching', library: 'library', venue: 'venue', canteen: 'canteen' };

/** The units a frequency count's scope covers for the provider, by name (as the grid finds them, roughly). */
function scopeNames(f: Finding, ctx: WordsContext, lang: Lang): string[] {
  const fc = ctx.requirement(f.requirement)?.frequency?.counts.find((c) => c.id === f.scope.id);
  if (!fc) return [];
  if (fc.scope === 'school') return [WHOLE_SCHOOL[lang]];
  if (fc.scope === 'campus') {
    const named = ctx.reg.campuses.filter((c) => (c.duties ?? []).some((d) => d.provider === f.provider) || c.provider === f.provider);
    return named.map((c) => ctx.names.campus(c.id, lang));
  }
  // A scope of named places (power rooms, water tanks …): the provider's places of it, maybe none.
  if ((ctx.reg.places ?? []).some((p) => p.scope === fc.scope)) return (ctx.reg.places ?? []).filter((p) => p.scope === fc.scope && p.provider === f.provider).map((p) => p.name);
  const types = fc.building_type ?? (SCOPE_BUILDING[fc.scope] ? [SCOPE_BUILDING[fc.scope]!] : undefined);
  if (!types && fc.scope !== 'building') return [];
  return ctx.reg.buildings.filter((b) => b.provider === f.provider && (!types || types.includes(b.type))).map((b) => b.name);
}

/** The four words of a finding. */
export function findingWords(f: Finding, ctx: WordsContext): FindingWords {
  return { quantity: both((l) => quantityOf(f, ctx, l)), measured: both((l) => measuredOf(f, ctx, l)), required: both((l) => requiredOf(f, ctx, l)), place: both((l) => placeOfFinding(f, ctx, l)) };
}

/** Words for every finding and a sentence for every evidence item that has none yet. */
export function addWords(findings: Finding[], ctx: WordsContext): void {
  for (const f of findings) {
    for (const e of f.evidence) if (!e.text) {
      const t = evidenceText(e, f, ctx);
      if (t) e.text = t;
    }
    f.words = findingWords(f, ctx);
  }
}

