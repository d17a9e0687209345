// The words of a rectification notice (issue 13 §4): where the problem is (a place, 全校 or a campus —
// never the provider's own name), what was found (units and signs in words, counts below 5 cases as
// counts), what must be done about this miss in particular, the clause in official style, and each piece
// of evidence as a sentence. The evaluation's own sentences (Finding.words, Evidence.text) come first
// when it has them; otherwise they are made here from the machine fields through the labels module.
import type { Evidence, Finding, Pledge } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import { comparisonWords, durationWords, EVERY, FIELD, limitWords, localTime, pick, RECORD_KIND, say, shareWords, type Lang, type Names, type Words } from '../model/labels.ts';
import type { Parameter, RegisterFile, Requirement } from '../model/types.ts';
import type { Index } from '../validate/checks.ts';
import { refParts } from '../validate/names.ts';

const NBSP = '\u00a0';

export interface WordContext {
  tree: Tree;
  idx: Index;
  names: Names;
  reg: RegisterFile;
  pledges: Pledge[];
}

/** One problem in words, in one language. */
export interface ProblemWords {
  place: string;
  description: string;
  action: string;
  /** The official reference: 第4.3条第1项; a plan's own numbering (its title is in `source`). */
  ref: string;
  evidence: string[];
}

const both = (f: (lang: Lang) => string): Words => ({ zh: f('zh'), en: f('en') });
const list = (xs: string[], lang: Lang, max = 3): string => {
  const shown = xs.slice(0, max).join(lang === 'zh' ? '、' : ', ');
  if (xs.length <= max) return shown;
  return lang === 'zh' ? `${shown}等 ${xs.length}${NBSP}处` : `${shown} and ${xs.length - max} more`;
};
const num = (x: number, d = 1): string => String(Math.round(x * 10 ** d) / 10 ** d);

function requirementOf(ctx: WordContext, id: string): Requirement | undefined {
  return ctx.idx.requirements.get(id)?.value;
}
function param(r: Requirement | undefined, name: string | undefined): Parameter | undefined {
  return name ? r?.parameters?.find((p) => p.name === name) : undefined;
}

/** The reference people read: 第4.3条第1项 for the standard; a plan's own numbering (四、(三)3) for a plan. */
export function referenceOf(ctx: WordContext, id: string, lang: Lang): string {
  const r = requirementOf(ctx, id);
  if (!r) return id;
  const p = refParts(r, ctx.idx);
  if (p.planTitle || p.planRef) return p.planRef ?? '';
  return ctx.names.requirement(id, lang);
}

const isProvider = (ctx: WordContext, id: string): boolean => ctx.reg.providers.some((p) => p.id === id);

/** A provider's whole area: its one campus by name (本部), else 全校. */
function providerArea(ctx: WordContext, provider: string, lang: Lang): string {
  const campuses = new Set<string>();
  for (const c of ctx.reg.campuses) if (c.provider === provider) campuses.add(c.id);
  for (const b of ctx.reg.buildings) if (b.provider === provider) campuses.add(b.campus);
  for (const p of ctx.reg.places ?? []) if (p.provider === provider) campuses.add(p.campus);
  if (campuses.size === 1) return ctx.names.campus([...campuses][0]!, lang);
  return lang === 'zh' ? '全校' : 'all campuses';
}

function placeName(ctx: WordContext, id: string, lang: Lang): string {
  return ctx.names.place(id, lang);
}

/** 地点: the places in the evidence, else the finding's scope; provider-wide problems read 全校 (or its campus). */
export function placeWords(ctx: WordContext, f: Finding, lang: Lang): string {
  const given = (f as { words?: { place?: Words } }).words?.place?.[lang];
  const provName = ctx.names.provider(f.provider);
  if (given && given !== provName && given !== f.provider) return given;
  // A record requirement's evidence names document items, not places.
  if (f.type !== 'record') {
    const units = [...new Set(f.evidence.filter((e) => e.unit && !isProvider(ctx, e.unit)).map((e) => (lang === 'zh' && e.place) || placeName(ctx, e.unit!, lang)))];
    if (units.length) return list(units, lang);
  }
  const { kind, id } = f.scope;
  if (kind === 'provider' || f.type === 'frequency' || isProvider(ctx, id)) return providerArea(ctx, f.provider, lang);
  if (kind === 'campus') return ctx.names.campus(id, lang);
  const name = placeName(ctx, id, lang);
  return name === id ? providerArea(ctx, f.provider, lang) : name;
}

/** A frequency grid cell: a day, a week, a month, a date range, an hour. */
function cellWords(cell: string | undefined, lang: Lang): string {
  if (!cell) return '';
  let m = /^week-ending-(\d{4}-\d{2}-\d{2})$/.exec(cell);
  if (m) return lang === 'zh' ? `截至${localTime(m[1]!, lang)}的一周` : `the week to ${localTime(m[1]!, lang)}`;
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(cell);
  if (m) return `${localTime(m[1]!, lang)}—${localTime(m[2]!, lang)}`;
  m = /^(\d{4})-(\d{2})$/.exec(cell);
  if (m) return lang === 'zh' ? `${Number(m[2])}月` : localTime(`${cell}-01`, lang).replace(/^1 /, '');
  return localTime(cell, lang);
}

/** Minutes or hours written by the evaluation (`27 min`, `3.1 h`, `-5 min`) in words. */
function spanWords(s: string, lang: Lang): string {
  const m = /^(-?[\d.]+)\s*(min|h|d)$/.exec(s.trim());
  if (!m) return durationWords(s, lang);
  const v = Math.abs(Number(m[1]));
  const unit = m[2] === 'min' ? (lang === 'zh' ? '分钟' : 'min') : m[2] === 'h' ? (lang === 'zh' ? '小时' : 'h') : lang === 'zh' ? '天' : 'days';
  return `${num(v)}${NBSP}${unit}`;
}

const fieldWords = (f: string, lang: Lang): string => say(FIELD, f, lang);

/** The unit of a rate's readings (the `also` parameter: 室温下限 18 ℃) and its sign. */
function readingLimit(r: Requirement | undefined): Parameter | undefined {
  const also = r?.rate?.also?.[0]?.param;
  return param(r, also);
}

/** A rate's comparison parsed from `at-least 95%` / `below 5‰`. */
function parseRequired(s: string | number | undefined): { dir: string; value: string } | undefined {
  if (s === undefined) return undefined;
  const m = /^(at-least|at-most|above|below)\s+([\d.]+)\s*(%|‰)?$/.exec(String(s));
  return m ? { dir: m[1]!, value: m[2]! } : undefined;
}

/** A single reading below the reading limit (室温 16.6 ℃ < 18 ℃), as opposed to the rate itself. */
const isReading = (e: Evidence): boolean => (e.outcome === 'below' || e.outcome === 'reading-below') && Boolean(e.record);

/** Evidence worded here, not by the evaluation: the problem's description says it more briefly than the list. */
const own = (e: Evidence): Evidence => ({ ...e, text: undefined } as Evidence);

/** What the rate measures, named as the clause's parameter names it (室内温度达标率). */
function measureWords(r: Requirement | undefined, lang: Lang): string {
  const m = r?.rate?.measure;
  if (m) return (lang === 'zh' ? m.zh : (m.en ?? m.zh)).replace(/（[^）]*）|\s*\([^)]*\)/g, '');
  const p = param(r, r?.rate?.threshold.param);
  const label = p?.label ? (lang === 'en' ? (p.label.en ?? p.label.zh) : p.label.zh) : '';
  return label || (lang === 'zh' ? '指标' : 'the measure');
}

const recordNoun = (r: Requirement | undefined, lang: Lang): string => {
  const subject = r?.timeliness?.subject ?? r?.rate?.subject;
  if (lang === 'en') return subject ? say(RECORD_KIND, subject, 'en') : 'cases';
  return subject === 'work-orders' ? '工单' : subject === 'complaints' ? '投诉' : subject === 'consultations' ? '咨询' : subject === 'events' ? '活动' : '事项';
};

/** One piece of evidence as a sentence. */
export function evidenceWords(ctx: WordContext, f: Finding, e: Evidence, lang: Lang): string {
  const given = (e as { text?: Words }).text?.[lang];
  if (given) return given;
  const zh = lang === 'zh';
  const r = requirementOf(ctx, f.requirement);
  const where = e.unit && !isProvider(ctx, e.unit) ? (zh && e.place) || placeName(ctx, e.unit, lang) : '';
  const rec = e.record ?? '';
  const actual = e.actual === undefined ? '' : String(e.actual);
  const required = e.required === undefined ? '' : String(e.required);
  const lim = (): string => limitWords(required, 'duration', lang);
  switch (e.outcome) {
    case 'missed': {
      if (actual.endsWith(' before')) {
        // A readiness limit: ready at least the lead before the event starts.
        const lead = actual.slice(0, -' before'.length).trim();
        const late = lead.startsWith('-');
        const need = limitWords(required.replace(/ before$/, ''), 'duration', lang);
        if (zh) return `${rec} ${late ? `开始后 ${spanWords(lead, lang)}才就绪` : `仅提前 ${spanWords(lead, lang)}就绪`}，应至少提前 ${need}`;
        return `${rec} ${late ? `ready ${spanWords(lead, lang)} after the start` : `ready only ${spanWords(lead, lang)} ahead`}; at least ${need} ahead is required`;
      }
      return zh ? `${rec} 用时 ${spanWords(actual, lang)}，时限 ${lim()}` : `${rec} took ${spanWords(actual, lang)}; the limit is ${lim()}`;
    }
    case 'open-breached': {
      const m = /^(\w+) missing, open at (\S+)$/.exec(actual);
      if (!m) return zh ? `${rec} 超过 ${lim()}时限仍未办结` : `${rec} still open past the ${lim()} limit`;
      return zh ? `${rec} 截至${localTime(m[2]!, lang)}仍无${fieldWords(m[1]!, lang)}记录，已超过 ${lim()}时限` : `${rec}: no ${fieldWords(m[1]!, lang)} by ${localTime(m[2]!, lang)}, past the ${lim()} limit`;
    }
    case 'impossible-time': {
      const m = /^(\w+) (\S+) < (\w+) (\S+)$/.exec(actual);
      if (!m) return zh ? `${rec} 时间记录异常` : `${rec}: times recorded out of order`;
      return zh
        ? `${rec} ${fieldWords(m[1]!, lang)}（${localTime(m[2]!, lang)}）早于${fieldWords(m[3]!, lang)}（${localTime(m[4]!, lang)}），时间记录异常`
        : `${rec}: ${fieldWords(m[1]!, lang)} (${localTime(m[2]!, lang)}) before ${fieldWords(m[3]!, lang)} (${localTime(m[4]!, lang)}); the times are wrong`;
    }
    case 'class-flag-mismatch':
      return zh ? `${rec} 是否上课期间与课表不符` : `${rec}: the during-class mark disagrees with the timetable`;
    case 'missing': {
      const act = ctx.names.activity(f.scope.id, lang);
      const what = act === f.scope.id ? '' : act;
      return zh ? `${where} ${cellWords(e.cell, lang)} ${what} ${actual}${NBSP}次（应 ${required}${NBSP}次）` : `${where}, ${cellWords(e.cell, lang)}: ${what} ${actual} time${actual === '1' ? '' : 's'} (${required} required)`;
    }
    case 'understaffed':
      return zh ? `${where} ${cellWords(e.cell, lang)} 值班人数不足（应 ${required}${NBSP}人）` : `${where}, ${cellWords(e.cell, lang)}: too few on duty (${required} required)`;
    case 'too-few-points':
      return zh ? `${where} ${cellWords(e.cell, lang)} 测点 ${actual}${NBSP}个（应不少于 ${required}${NBSP}个）` : `${where}, ${cellWords(e.cell, lang)}: ${actual} measuring points (at least ${required})`;
    case 'reading-below':
    case 'below': {
      if (e.record) {
        // A single reading against the reading limit (室温下限 18 ℃).
        const p = readingLimit(r);
        const unit = p?.unit;
        const sign = p?.stricter === 'lower' ? 'at-most' : 'at-least';
        return zh ? `${rec} ${where ? `${where} ` : ''}读数 ${limitWords(actual, unit, lang)}，要求 ${comparisonWords(sign, required, unit, lang)}` : `${rec}${where ? ` (${where})` : ''}: reading ${limitWords(actual, unit, lang)}, required ${comparisonWords(sign, required, unit, lang)}`;
      }
      const req = parseRequired(f.required);
      const unit = f.unit ?? 'percent';
      const cmp = comparisonWords(req?.dir ?? 'at-least', required || req?.value || '', unit, lang);
      const count = /^(\d+)\/(\d+)$/.exec(actual) ?? /counted (\S+): (\d+)\/(\d+)/.exec(e.note ?? '');
      let value = limitWords(actual, unit, lang);
      if (count && count.length === 3) value = shareWords(Number(count[1]), Number(count[2]), lang);
      const counted = count && count.length === 4 ? (zh ? `（${localTime(count[1]!, lang)}统计，${shareWords(Number(count[2]), Number(count[3]), lang)}）` : ` (counted ${localTime(count[1]!, lang)}: ${count[2]} of ${count[3]})`) : '';
      return zh ? `${where ? `${where} ` : ''}${measureWords(r, lang)} ${value}${counted}，要求 ${cmp}` : `${where ? `${where}: ` : ''}${measureWords(r, lang)} ${value}${counted}, required ${cmp}`;
    }
    case 'analysis-missing': {
      const req = parseRequired(required);
      const cmp = req ? comparisonWords(req.dir, req.value, f.unit ?? 'percent', lang) : required;
      return zh ? `${measureWords(r, lang)} ${limitWords(actual, f.unit ?? 'percent', lang)}，未达到 ${cmp}，未提交原因分析` : `${measureWords(r, lang)} ${limitWords(actual, f.unit ?? 'percent', lang)}, below ${cmp}; no analysis of the causes was filed`;
    }
    case 'service-error':
      return zh ? `${rec} 服务差错` : `${rec}: a service error`;
    case 'unclassified':
      return zh ? `${rec} 未注明类别，无法计入` : `${rec}: not classified, cannot be counted`;
    case 'document-missing':
    case 'not-current-year':
    case 'not-approved':
    case 'expired':
    case 'retention-too-short': {
      if (zh) return actual.includes('《') ? actual : `${docName(required)}${DOC_OUTCOME[e.outcome]!.zh}`;
      return `${docName(required)}: ${DOC_OUTCOME[e.outcome]!.en}`;
    }
    case 'missing-from-data':
    case 'not-published':
      return zh ? `${required}：${actual}` : `${required}: ${e.outcome === 'not-published' ? 'not published on the public site' : 'missing from the data'}`;
    case 'failed': {
      const at = e.at ? localTime(e.at.replace(' ', 'T'), lang) : '';
      const who = e.inspector ? (zh ? `检查人 ${e.inspector}` : `inspected by ${e.inspector}`) : '';
      const extra = [who, at, e.note ?? ''].filter(Boolean).join(zh ? '，' : ', ');
      return `${where ? `${where}${zh ? '：' : ': '}` : ''}${actual}${extra ? (zh ? `（${extra}）` : ` (${extra})`) : ''}`;
    }
    case 'calendar-unknown':
      return e.note ?? actual;
    default:
      return [rec, where, actual || e.note || ''].filter(Boolean).join(zh ? ' ' : ', ');
  }
}

/** A listed document by its title: 《日常维护保养计划》 (the condition in brackets is said by the outcome). */
const docName = (s: string): string => (s ? `《${s.replace(/（[^）]*）$|\s*\([^)]*\)$/, '').replace(/^《|》$/g, '')}》` : '');

const DOC_OUTCOME: Record<string, Words> = {
  'document-missing': { zh: '未提交', en: 'not filed' },
  'not-current-year': { zh: '非本年度版本', en: 'not this year’s' },
  'not-approved': { zh: '未经学校同意', en: 'not approved by the university' },
  expired: { zh: '已过有效期', en: 'expired' },
  'retention-too-short': { zh: '保存期限不足', en: 'kept for too short a time' },
};

/** The pledges (time limits) of a timeliness finding that were missed. */
function missedPledges(ctx: WordContext, f: Finding): Pledge[] {
  return ctx.pledges.filter((p) => p.requirement === f.requirement && p.provider === f.provider && (p.missed || p.invalid || p.open_breached));
}

function limitOf(r: Requirement | undefined, p: Pledge, lang: Lang): string {
  const lim = r?.timeliness?.limits.find((l) => l.id === p.limit);
  const unit = param(r, lim?.limit.param)?.unit;
  return limitWords(p.limit_value, unit === 'working-days' ? 'working-days' : unit === 'days' ? 'days' : 'duration', lang);
}

/** 问题描述: what was found, with the numbers in words. */
export function descriptionWords(ctx: WordContext, f: Finding, lang: Lang): string {
  const zh = lang === 'zh';
  const r = requirementOf(ctx, f.requirement);
  const words = (f as { words?: { quantity?: Words; measured?: Words; required?: Words } }).words;
  switch (f.type) {
    case 'timeliness': {
      const ps = missedPledges(ctx, f);
      if (!ps.length) break;
      const parts = ps.map((p) => {
        const label = (lang === 'en' ? (p.label.en ?? p.label.zh) : p.label.zh);
        const late = p.missed; // counts the cases still open past the limit too
        const share = shareWords(p.met, p.n, lang, zh ? { zh: '件', en: '' } : { zh: '', en: recordNoun(r, 'en') });
        const before = r?.timeliness?.limits.find((l) => l.id === p.limit)?.before;
        if (zh) return `${label}${before ? '' : `（时限 ${limitOf(r, p, lang)}）`}：本期 ${p.n}${NBSP}件，超时 ${late}${NBSP}件${p.open_breached ? `（其中超时未办结 ${p.open_breached}${NBSP}件）` : ''}${p.invalid ? `，时间记录异常 ${p.invalid}${NBSP}件` : ''}，${p.n < 5 ? share.replace('达成', '按时') : `按时率 ${share}`}`;
        return `${label}${before ? '' : ` (limit ${limitOf(r, p, lang)})`}: ${p.n} this period, ${late} late${p.open_breached ? ` (${p.open_breached} still open)` : ''}${p.invalid ? `, ${p.invalid} with wrong times` : ''}; ${p.n < 5 ? `${share} on time` : `${share} on time`}`;
      });
      return parts.join(zh ? '；' : '; ') + (zh ? '。' : '.');
    }
    case 'frequency': {
      const act = ctx.names.activity(f.scope.id, lang);
      const fc = r?.frequency?.counts.find((c) => c.activity === f.scope.id);
      const every = fc ? say(EVERY, fc.period, lang) : '';
      const [met, all] = String(f.measured ?? '').split('/').map(Number);
      const shortBy = f.evidence_total;
      const misses = f.evidence.filter((e) => e.outcome === 'missing').slice(0, 2);
      const short = misses.map((e) => {
        const where = e.unit && !isProvider(ctx, e.unit) ? placeName(ctx, e.unit, lang) : '';
        return zh ? `${where}${cellWords(e.cell, lang)} ${e.actual}${NBSP}次` : `${where}, ${cellWords(e.cell, lang)}: ${e.actual}`;
      });
      const more = short.length ? (zh ? `（${short.join('，')}${shortBy > short.length ? '等' : ''}）` : ` (${short.join('; ')}${shortBy > short.length ? ' …' : ''})`) : '';
      if (zh) return `${act === f.scope.id ? '规定的巡查、检查' : act}应${every} ${f.required ?? ''}${NBSP}次：本期${all ? ` ${all}${NBSP}个应查时段中` : ''} ${shortBy}${NBSP}个不足${more}。`;
      return `${act} is due ${f.required ?? ''} time${f.required === 1 ? '' : 's'} ${every}: ${shortBy}${all ? ` of ${all}` : ''} period${(all || shortBy) === 1 ? '' : 's'} fell short${more}.${met === undefined ? '' : ''}`;
    }
    case 'rate': {
      const req = parseRequired(f.required);
      const unit = f.unit ?? 'percent';
      const cmp = req ? comparisonWords(req.dir, req.value, unit, lang) : String(f.required ?? '');
      const m = /^(\d+)\/(\d+)$/.exec(String(f.measured ?? ''));
      const value = words?.measured?.[lang] ?? (m ? shareWords(Number(m[1]), Number(m[2]), lang) : limitWords(typeof f.measured === 'number' ? num(f.measured) : String(f.measured ?? ''), unit, lang));
      const readings = f.evidence.filter(isReading);
      const p = readingLimit(r);
      const low = readings.length && p ? (zh ? `；${f.evidence_total}${NBSP}个读数未达到 ${comparisonWords(p.stricter === 'lower' ? 'at-most' : 'at-least', String(readings[0]!.required), p.unit, lang)}` : `; ${f.evidence_total} readings short of ${comparisonWords(p.stricter === 'lower' ? 'at-most' : 'at-least', String(readings[0]!.required), p.unit, lang)}`) : '';
      const errors = f.evidence.filter((e) => e.outcome === 'service-error').length ? (zh ? `；服务差错 ${f.evidence_total}${NBSP}件` : `; ${f.evidence_total} service errors`) : '';
      const analysis = f.evidence.some((e) => e.outcome === 'analysis-missing') ? (zh ? '，且未提交原因分析' : ', and no analysis of the causes was filed') : '';
      return zh ? `${measureWords(r, lang)} ${value}，要求 ${cmp}${analysis}${low}${errors}。` : `${measureWords(r, lang)} ${value}, required ${cmp}${analysis}${low}${errors}.`;
    }
    case 'record': {
      const items = f.evidence.map((e) => evidenceWords(ctx, f, own(e), lang));
      const need = f.required ?? '';
      if (zh) return `应备档案 ${need}${NBSP}项，${f.evidence_total}${NBSP}项缺失或不符合要求：${list(items, lang, 3)}。`.replace(/等 (\d+)\u00a0处/, `等 $1${NBSP}项`);
      return `${need} records required, ${f.evidence_total} missing or not as required: ${list(items, lang, 3)}.`;
    }
    case 'inspection': {
      const e0 = f.evidence[0];
      // The place is in the 地点 column: the description says what was found, who looked and when.
      const first = e0 ? evidenceWords(ctx, f, e0.outcome === 'failed' ? { ...own(e0), unit: undefined as unknown as string } : e0, lang) : '';
      return zh ? `现场检查不合格 ${f.evidence_total}${NBSP}处${first ? `：${first}` : ''}。` : `${f.evidence_total} check${f.evidence_total === 1 ? '' : 's'} on site failed${first ? `: ${first}` : ''}.`;
    }
    case 'disclosure': {
      const items = f.evidence.map((e) => evidenceWords(ctx, f, e, lang));
      return zh ? `应公示的信息未公示或不全：${list(items, lang, 3)}。` : `Information to be disclosed is missing: ${list(items, lang, 3)}.`;
    }
    default:
      break;
  }
  if (words?.quantity && words.measured && words.required) return zh ? `${words.quantity.zh} ${words.measured.zh}，要求 ${words.required.zh}。` : `${words.quantity.en} ${words.measured.en}, required ${words.required.en}.`;
  const first = f.evidence[0] ? evidenceWords(ctx, f, f.evidence[0], lang) : '';
  return zh ? `不符合要求${f.evidence_total ? `${NBSP}${f.evidence_total}${NBSP}处` : ''}${first ? `：${first}` : ''}。` : `Not as required${f.evidence_total ? ` (${f.evidence_total})` : ''}${first ? `: ${first}` : ''}.`;
}

/** 整改要求: what must be done about this miss — built from the requirement type, the limit and the evidence. */
export function actionWords(ctx: WordContext, f: Finding, lang: Lang, fallback: string): string {
  const zh = lang === 'zh';
  const r = requirementOf(ctx, f.requirement);
  const place = placeWords(ctx, f, lang);
  switch (f.type) {
    case 'timeliness': {
      const ps = missedPledges(ctx, f);
      if (!ps.length) break;
      const noun = recordNoun(r, lang);
      const late = ps.reduce((a, p) => a + p.missed, 0);
      const open = ps.reduce((a, p) => a + p.open_breached, 0);
      const invalid = ps.reduce((a, p) => a + p.invalid, 0);
      const lims = ps.map((p) => {
        const lim = r?.timeliness?.limits.find((l) => l.id === p.limit);
        const label = (lang === 'en' ? (p.label.en ?? p.label.zh) : p.label.zh);
        if (lim?.before) return zh ? label : `${label} (at least ${limitOf(r, p, lang)} ahead)`;
        return zh ? `${label}不超过 ${limitOf(r, p, lang)}` : `${label} within ${limitOf(r, p, lang)}`;
      });
      if (zh) {
        const steps = [late ? `对超时的 ${late}${NBSP}件${noun}逐单说明原因` : '', open ? `尚未办结的 ${open}${NBSP}件立即办结` : '', invalid ? `核实并更正时间记录异常的 ${invalid}${NBSP}件` : ''].filter(Boolean);
        return `${steps.join('，')}；确保${lims.join('、')}。`;
      }
      const steps = [late ? `explain each of the ${late} late ${noun}` : '', open ? `close the ${open} still open at once` : '', invalid ? `check and correct the ${invalid} with wrong times` : ''].filter(Boolean);
      return `${steps.join('; ')}; make sure: ${lims.join('; ')}.`;
    }
    case 'frequency': {
      const act = ctx.names.activity(f.scope.id, lang);
      const fc = r?.frequency?.counts.find((c) => c.activity === f.scope.id);
      const every = fc ? say(EVERY, fc.period, lang) : '';
      const what = act === f.scope.id ? (zh ? '巡查、检查' : 'the rounds') : act;
      return zh ? `补做${place}${every} ${f.required ?? ''}${NBSP}次${what}（所缺 ${f.evidence_total}${NBSP}个时段）并签字存档，此后按规定频次执行。` : `Make up the ${what} at ${place} (${f.required ?? ''} ${every}; ${f.evidence_total} period${f.evidence_total === 1 ? '' : 's'} short), sign and file the records, and keep to the frequency from now on.`;
    }
    case 'rate': {
      const req = parseRequired(f.required);
      const unit = f.unit ?? 'percent';
      const cmp = req ? comparisonWords(req.dir, req.value, unit, lang) : String(f.required ?? '');
      const measure = measureWords(r, lang);
      const p = readingLimit(r);
      const reading = f.evidence.find(isReading);
      if (f.evidence.some((e) => e.outcome === 'analysis-missing')) return zh ? `书面分析${measure}低于 ${(req && limitWords(req.value, unit, lang)) || ''}的原因并报后勤管理处，提出改进措施。` : `Analyse in writing why ${measure} fell below ${req ? limitWords(req.value, unit, lang) : ''}, send it to the logistics office and set out the remedies.`;
      if (f.evidence.some((e) => e.outcome === 'service-error')) return zh ? `对 ${f.evidence_total}${NBSP}件服务差错逐件说明原因并纠正，使${measure} ${cmp}。` : `Explain and correct each of the ${f.evidence_total} service errors, bringing ${measure} to ${cmp}.`;
      if (reading && p) {
        const lim = comparisonWords(p.stricter === 'lower' ? 'at-most' : 'at-least', String(reading.required), p.unit, lang);
        return zh ? `排查${place}未达到 ${lim}的测点及其原因并逐一整改，使${measure} ${cmp}。` : `Find why the readings at ${place} fall short of ${lim}, put each right, and bring ${measure} to ${cmp}.`;
      }
      return zh ? `查明${place}${measure}未达标的原因并落实改进，使其 ${cmp}。` : `Find why ${measure} at ${place} is short, put it right and bring it to ${cmp}.`;
    }
    case 'record': {
      const doc = (e: Evidence): string => docName(String(e.required ?? ''));
      const by = (o: string): string[] => f.evidence.filter((e) => e.outcome === o).map(doc).filter(Boolean);
      const parts: string[] = [];
      const add = (o: string, zhT: (x: string) => string, enT: (x: string) => string): void => {
        const xs = by(o);
        if (xs.length) parts.push(zh ? zhT(list(xs, lang, 3).replace(/处$/, '项')) : enT(list(xs, lang, 3)));
      };
      add('document-missing', (x) => `补交${x}`, (x) => `file ${x}`);
      add('not-approved', (x) => `${x}报学校同意后重新提交`, (x) => `have ${x} approved by the university and file it again`);
      add('not-current-year', (x) => `提交本年度的${x}`, (x) => `file this year’s ${x}`);
      add('expired', (x) => `更新已过有效期的${x}`, (x) => `renew the expired ${x}`);
      add('retention-too-short', (x) => `按规定期限保存${x}`, (x) => `keep ${x} for the required time`);
      if (parts.length) return zh ? `${parts.join('；')}。` : `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
      break;
    }
    case 'inspection': {
      const what = f.evidence.slice(0, 2).map((e) => String(e.actual ?? '')).filter(Boolean);
      return zh ? `立即整改${place}现场检查发现的问题${what.length ? `（${what.join('；')}）` : ''}，留存整改前后照片，报请复查。` : `Put right what the check on site found at ${place}${what.length ? ` (${what.join('; ')})` : ''}, keep before-and-after photos and ask for a re-check.`;
    }
    case 'disclosure': {
      const items = f.evidence.map((e) => String(e.required ?? '')).filter(Boolean);
      return zh ? `在服务场所和公开网站公示${list(items, lang, 3)}。` : `Publish ${list(items, lang, 3)} at the service points and on the public site.`;
    }
    default:
      break;
  }
  return fallback;
}

/** The whole problem in words, in both languages. */
export function problemWords(ctx: WordContext, f: Finding, n: number, fallback: Words): Record<Lang, ProblemWords> {
  const one = (lang: Lang): ProblemWords => ({
    place: placeWords(ctx, f, lang),
    description: descriptionWords(ctx, f, lang),
    action: actionWords(ctx, f, lang, fallback[lang]),
    ref: referenceOf(ctx, f.requirement, lang),
    evidence: f.evidence.slice(0, n).map((e) => evidenceWords(ctx, f, e, lang)),
  });
  return { zh: one('zh'), en: one('en') };
}

export { both };
