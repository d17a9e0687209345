// A deduction in the reader's words (issue 13 §4): the scorecard names the actual miss — what was
// measured, the limit, the first case — and the place, never the clause's opening words or an id.
// The evaluation's own sentences (Finding.words, Evidence.text) are used when present; otherwise the
// finding's machine fields are put into words here through the labels module.
import type { Evidence, Finding, Pledge } from '../evaluate/evaluate.ts';
import { COMPARISON, durationWords, FIELD, limitWords, localTime, minutesWords, monthWords, say, type Lang, type Names, type Words } from '../model/labels.ts';

/** The optional word fields of the evidence-words contract (CONTRACT13.md), read without depending on them. */
type Worded = Finding & { words?: { quantity: Words; measured: Words; required: Words; place: Words } };
type WordedEvidence = Evidence & { text?: Words };

const NB = '\u00a0';
const r1 = (x: number): string => String(Math.round(x * 10) / 10);
const t = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** A place by name; provider-wide findings are about the whole school (全校), never the provider's name. */
function placeName(id: string | undefined, names: Names, lang: Lang): string | undefined {
  if (!id) return undefined;
  const n = names.place(id, lang);
  return n === id || n === names.provider(id) ? undefined : n;
}

/** Where the miss was: the evaluation's words, else the places in the evidence, else the scope, else 全校. */
export function placeWords(f: Finding, names: Names, lang: Lang): string {
  const w = (f as Worded).words?.place?.[lang];
  if (w) return w;
  const everywhere = t(lang, '全校', 'whole school');
  // A record requirement's evidence names document items, not places: the provider answers for its files.
  const units = f.type === 'record' ? [] : [...new Set(f.evidence.map((e) => e.place ?? placeName(e.unit, names, lang)).filter((u): u is string => Boolean(u)))];
  if (units.length) {
    const shown = units.slice(0, 3).join(t(lang, '、', ', '));
    return units.length > 3 ? t(lang, `${shown}等${NB}${units.length}${NB}处`, `${shown} and ${units.length - 3} more`) : shown;
  }
  if (f.scope.kind === 'provider') return everywhere;
  return placeName(f.scope.id, names, lang) ?? everywhere;
}

/** A time taken as the evaluation writes it ('25 min', '1.5 h') in words. */
function tookWords(s: string, lang: Lang): string {
  const m = /^(-?[\d.]+) (min|h)$/.exec(s.trim());
  if (!m) return durationWords(s, lang);
  return minutesWords(Number(m[1]) * (m[2] === 'h' ? 60 : 1), lang);
}

const field = (name: string, lang: Lang): string => say(FIELD, name, lang);

/** A frequency grid's cell (a date, an ISO week, a month) in words. */
function cellWords(cell: string, lang: Lang): string {
  const w = /^(\d{4})-W(\d{2})$/.exec(cell);
  if (w) return t(lang, `${w[1]}年第${Number(w[2])}周`, `week ${Number(w[2])} of ${w[1]}`);
  if (/^\d{4}-\d{2}$/.test(cell)) return monthWords(cell, lang);
  return localTime(cell, lang, { time: false });
}

/** One case of the evidence as a sentence (the evaluation's own when it wrote one). */
export function caseWords(e: Evidence, f: Finding, names: Names, lang: Lang): string {
  const own = (e as WordedEvidence).text?.[lang];
  // An inspection's own sentence names the inspectors, photos and round: the notice prints those; the
  // scorecard keeps to the place, the day and what was found.
  if (own && e.outcome !== 'failed') return own;
  const actual = e.actual === undefined ? '' : String(e.actual);
  const required = e.required === undefined ? '' : String(e.required);
  const where = e.place ?? placeName(e.unit, names, lang) ?? '';
  const rec = e.record ? t(lang, `${e.record} `, `${e.record} `) : '';
  switch (e.outcome) {
    case 'missed': {
      if (actual.endsWith(' before')) {
        const lead = actual.slice(0, -' before'.length).trim();
        const need = durationWords(required.replace(/ before$/, ''), lang);
        return lead.startsWith('-') ? t(lang, `${rec}开始后 ${tookWords(lead.slice(1), lang)}才就绪，应至少提前 ${need}`, `${rec}ready ${tookWords(lead.slice(1), lang)} after the start; due ${need} before`) : t(lang, `${rec}提前 ${tookWords(lead, lang)}就绪，应至少提前 ${need}`, `${rec}ready ${tookWords(lead, lang)} before; due ${need} before`);
      }
      return t(lang, `${rec}用时 ${tookWords(actual, lang)}，时限 ${durationWords(required, lang)}`, `${rec}took ${tookWords(actual, lang)}, limit ${durationWords(required, lang)}`);
    }
    case 'impossible-time': {
      const m = /^(\w+) (\S+) < (\w+) (\S+)$/.exec(actual);
      if (!m) return t(lang, `${rec}时间记录异常`, `${rec}times out of order`);
      return t(lang, `${rec}${field(m[1]!, lang)}（${localTime(m[2]!, lang)}）早于${field(m[3]!, lang)}（${localTime(m[4]!, lang)}），时间记录异常`, `${rec}${field(m[1]!, lang)} (${localTime(m[2]!, lang)}) before ${field(m[3]!, lang)} (${localTime(m[4]!, lang)}): times out of order`);
    }
    case 'open-breached': {
      const m = /^(\w+) missing, open at (\S+)$/.exec(actual);
      const limit = durationWords(required, lang);
      if (!m) return t(lang, `${rec}未办结，已超过 ${limit}时限`, `${rec}still open past the ${limit} limit`);
      return t(lang, `${rec}截至 ${localTime(m[2]!, lang)} 仍无${field(m[1]!, lang)}记录，已超过 ${limit}时限`, `${rec}no ${field(m[1]!, lang)} by ${localTime(m[2]!, lang)}, past the ${limit} limit`);
    }
    case 'missing':
      return t(lang, `${where}${e.cell ? ` ${cellWords(e.cell, lang)}` : ''} 做了 ${actual}${NB}次（应 ${required}${NB}次）`, `${where}${e.cell ? ` ${cellWords(e.cell, lang)}` : ''}: ${actual} done (${required} due)`);
    case 'below': {
      // A case that only repeats the measured value (the place is in its own column) adds nothing.
      if (!where || (typeof e.actual === 'number' && typeof f.measured === 'number' && r1(e.actual) === r1(f.measured))) return '';
      const v = e.actual === undefined ? '' : limitWords(typeof e.actual === 'number' ? r1(e.actual) : actual, f.unit ?? 'percent', lang);
      return t(lang, `${where} 实测 ${v}`, `${where} measured ${v}`);
    }
    case 'analysis-missing':
      return t(lang, `低于 ${requiredRate(required, f.unit, lang).replace(/^[≥>]\u00a0/, '')} 时应分析原因，未提交原因分析`, `below ${requiredRate(required, f.unit, lang).replace(/^[≥>]\u00a0/, '')} the causes are to be analysed; no analysis was filed`);
    case 'document-missing':
      return t(lang, `未提交${required ? `《${required.replace(/^《|》$/g, '')}》` : '档案'}`, `not submitted: ${required || 'a document'}`);
    case 'not-current-year':
    case 'not-approved':
    case 'expired':
    case 'retention-too-short':
      return actual;
    case 'failed': {
      const day = e.at ? ` ${localTime(e.at, lang, { time: false })}` : '';
      return where ? t(lang, `${where}${day} 现场检查：${actual}`, `${where}${day} on site: ${actual}`) : actual;
    }
    case 'inspection-missed': {
      const m = /^(\d+)\/(\d+)$/.exec(actual);
      const left = m ? Number(m[2]) - Number(m[1]) : undefined;
      return t(lang, `${where} 计划的现场检查未做${left ? ` ${left}${NB}项` : ''}`, `${where}: ${left ?? ''} planned inspections not done`.replace(':  ', ': '));
    }
    default:
      return e.note ?? actual;
  }
}

/** The rate's requirement as written in findings ('at-least 95%') with its sign and unit: ≥ 95 %. */
function requiredRate(required: string, unit: string | undefined, lang: Lang): string {
  const m = /^(at-least|at-most|above|below)\s+([\d.]+)/.exec(required);
  return m ? `${COMPARISON[m[1]!]}${NB}${limitWords(m[2]!, unit ?? 'percent', lang)}` : required;
}

const ratio = (s: unknown): [number, number] | undefined => {
  const m = /^(\d+)\/(\d+)$/.exec(String(s ?? ''));
  return m ? [Number(m[1]), Number(m[2])] : undefined;
};

/** What was measured against what was required, for a failed finding. */
function measuredWords(f: Finding, pledges: Pledge[], lang: Lang): string {
  const w = (f as Worded).words;
  if (w?.quantity && w.measured && w.required) return t(lang, `${w.quantity.zh} ${w.measured.zh}（要求 ${w.required.zh}）`, `${w.quantity.en} ${w.measured.en} (required ${w.required.en})`);
  switch (f.type) {
    case 'timeliness': {
      const parts = pledges
        .filter((p) => p.requirement === f.requirement && p.provider === f.provider && (p.missed || p.invalid || p.open_breached))
        .map((p) => {
          const late = p.missed + p.invalid;
          return t(lang, `${p.label.zh}（时限 ${durationWords(p.limit_value, lang)}）${p.n}${NB}件中 ${late}${NB}件未按时`, `${p.label.en}: ${late} of ${p.n} late (limit ${durationWords(p.limit_value, lang)})`);
        });
      return parts.length ? parts.join(t(lang, '；', '; ')) : t(lang, `未按时 ${f.evidence_total}${NB}件`, `${f.evidence_total} late`);
    }
    case 'rate': {
      const v = typeof f.measured === 'number' ? r1(f.measured) : String(f.measured ?? '—');
      return t(lang, `实测 ${limitWords(v, f.unit ?? 'percent', lang)}（要求 ${requiredRate(String(f.required ?? ''), f.unit, lang)}）`, `measured ${limitWords(v, f.unit ?? 'percent', lang)} (required ${requiredRate(String(f.required ?? ''), f.unit, lang)})`);
    }
    case 'frequency': {
      const q = ratio(f.measured);
      const short = q ? q[1] - q[0] : f.evidence_total;
      return t(lang, `应做 ${q ? q[1] : '—'}${NB}项中 ${short}${NB}项次数不足（每项应 ${f.required}${NB}次）`, `${short} of ${q ? q[1] : '—'} due short (each ${f.required} times)`);
    }
    case 'record': {
      const n = Number(f.required);
      const ok = Number(f.measured);
      const miss = Number.isFinite(n) && Number.isFinite(ok) ? n - ok : f.evidence_total;
      return t(lang, `应备档案 ${Number.isFinite(n) ? n : '—'}${NB}项，缺少或不符合要求 ${miss}${NB}项`, `${miss} of ${Number.isFinite(n) ? n : '—'} required documents missing or not in order`);
    }
    case 'inspection': {
      const q = ratio(f.measured);
      if (f.reason_code === 'inspection-missed' && f.reason) return f.reason[lang] ?? f.reason.zh;
      return q ? t(lang, `现场检查 ${q[1]}${NB}项中 ${q[1] - q[0]}${NB}项不合格`, `${q[1] - q[0]} of ${q[1]} on-site checks failed`) : t(lang, `现场检查不合格 ${f.evidence_total}${NB}项`, `${f.evidence_total} on-site checks failed`);
    }
    default:
      return f.reason?.[lang] ?? t(lang, '不符合要求', 'not met');
  }
}

/**
 * The actual miss: what was measured and the limit, then the first case with how many there are,
 * e.g. 电梯事故到达现场（时限 10 分钟）1 件中 1 件未按时；如 WO-2026-000542 用时 25 分钟，时限 10 分钟.
 */
export function missWords(f: Finding, o: { pledges: Pledge[]; names: Names; lang: Lang }): string {
  const { lang } = o;
  // The first case that says something beyond the measured value.
  const c = f.evidence.map((e) => caseWords(e, f, o.names, lang)).find((x) => x !== '');
  const noun = f.type === 'timeliness' ? '件' : f.type === 'record' ? '项' : '处';
  const more = c && f.evidence_total > 1 && f.type !== 'rate' ? t(lang, `（共 ${f.evidence_total}${NB}${noun}）`, ` (${f.evidence_total} in all)`) : '';
  const w = (f as Worded).words;
  let head: string;
  if (w?.quantity && w.measured && w.required) {
    // A case that already states the measured value (a rate's sentence) says it all.
    if (c && c.includes(w.measured[lang])) return c + more;
    // A long list of limits (one per kind of repair) is left to the case, which names the limit it missed.
    const req = c && [...w.required[lang]].length > 24 ? '' : t(lang, `（要求 ${w.required[lang]}）`, ` (required ${w.required[lang]})`);
    head = `${w.quantity[lang]} ${w.measured[lang]}${req}`;
  } else head = measuredWords(f, o.pledges, lang);
  if (!c) return head;
  return t(lang, `${head}；如：${c}${more}`, `${head}; e.g. ${c}${more}`);
}
