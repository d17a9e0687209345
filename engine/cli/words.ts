// The terminal's words for what the tree names (issue 13 §1): providers by name, requirements by their
// official reference and a short title, scopes and places in words, and a fallback that turns the machine
// values a finding may still carry (ISO durations and times, field names, ids) into words, for findings
// written before the evaluation wrote its own sentences (Finding.words, Evidence.text).
import type { Tree } from '../load/tree.ts';
import { durationWords, FIELD, limitWords, localTime, monthWords, COMPARISON, type Lang, type Names } from '../model/labels.ts';
import type { Requirement } from '../model/types.ts';
import { buildIndex, type Index } from '../validate/checks.ts';
import { namesOf, treeIds } from '../validate/names.ts';
import { width } from './format.ts';

const NBSP = '\u00a0';

export interface CliWords {
  names: Names;
  lang: Lang;
  /** 第4.3条第1项 报修到场时限 (the reference, then a short title). */
  requirement(id: string, titleWidth?: number): string;
  /** The reference alone: 第4.3条第1项. */
  ref(id: string): string;
  /** The requirement's short title in the reader's language. */
  title(id: string): string;
  /** Where a finding applies: 全校 for a provider-wide scope, else the campus, building, place or activity by name. */
  scope(scope: { kind: string; id: string }): string;
  /** A place, building, campus or activity id by name. */
  place(id: string): string;
  /** The unit of a timeliness limit's parameter (for a limit written as a bare number: 1 → 1 个工作日). */
  limitUnit(requirement: string, limit: string): string | undefined;
  /** An inspection round id in words: 华宇物业服务有限公司 本部 2026年4月月度检查. */
  round(id: string): string;
  /** The standard's title. */
  standard(id: string): string;
  /** Machine values in a string turned into words (ISO durations and times, field names, ids). */
  text(s: string | number | undefined | null): string;
}

/** A string cut to n display columns with an ellipsis. */
export function clipWidth(s: string, n: number): string {
  if (width(s) <= n) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > n - 1) break;
    out += ch;
  }
  return out + '…';
}

const ISO_DURATION_IN = /\bP(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?\b/g;
const ISO_TIME_IN = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;

export function cliWords(tree: Tree, lang: Lang, index?: Index): CliWords {
  const idx = index ?? buildIndex([tree]);
  const names = namesOf(tree, idx);
  const ids = treeIds(tree);
  const req = (id: string): Requirement | undefined => idx.requirements.get(id)?.value;
  const title = (id: string): string => {
    const r = req(id);
    if (!r) return '';
    const t = r.title ? (lang === 'en' ? (r.title.en ?? r.title.zh) : r.title.zh) : lang === 'zh' ? r.text : '';
    return t ?? '';
  };
  const reg = tree.registers[0]?.value;
  const buildings = new Set((reg?.buildings ?? []).map((b) => b.id));
  const campuses = new Set((reg?.campuses ?? []).map((c) => c.id));
  const places = new Set((reg?.places ?? []).map((p) => p.id));
  const activities = new Set(idx.activities.keys());
  const place = (id: string): string => {
    if (places.has(id) || buildings.has(id) || campuses.has(id)) return names.place(id, lang);
    if (activities.has(id)) return names.activity(id, lang);
    if (idx.scopes.has(id)) return names.scope(id, lang);
    return names.place(id, lang);
  };
  const providers = (reg?.providers ?? []).map((p) => p.id).sort((a, b) => b.length - a.length);
  const round = (id: string): string => {
    const m = /^(\d{4}-\d{2})(?:-W(\d+))?-(.+)$/.exec(id);
    const prov = m ? providers.find((p) => m[3] === p || m[3]!.startsWith(p + '-')) : undefined;
    if (!m || !prov) return id;
    const campus = m[3]!.slice(prov.length + 1);
    const when = monthWords(m[1]!, lang);
    const kind = m[2] ? (lang === 'zh' ? `第${NBSP}${m[2]}${NBSP}周检查` : `week ${m[2]} checks`) : lang === 'zh' ? '月度检查' : 'monthly checks';
    return [names.provider(prov), campus ? names.campus(campus, lang) : '', lang === 'zh' ? `${when}${kind}` : `${kind}, ${when}`].filter(Boolean).join(' ');
  };
  const fields = Object.keys(FIELD).filter((f) => f.includes('_'));
  const text = (s: string | number | undefined | null): string => {
    if (s === undefined || s === null || s === '') return '—';
    if (typeof s === 'number') return String(s);
    let out = s;
    // at-least 95% → ≥ 95 %
    out = out.replace(/\b(at-least|at-most|above|below|within) (\d+(?:\.\d+)?)\s?(%|‰)?/g, (_, d: string, v: string, u?: string) => `${COMPARISON[d]}${NBSP}${v}${u ? `${NBSP}${u}` : ''}`);
    out = out.replace(ISO_TIME_IN, (t) => localTime(t, lang));
    // A round id (2026-04-W2-huayu-property-main, or a row of it: …:t03:5.1.1.5-2) in words.
    out = out.replace(/\b\d{4}-\d{2}(?:-W\d+)?-[a-z][a-z0-9-]*(?::[A-Za-z0-9.:-]+)?/g, (t) => round(t.split(':')[0]!));
    out = out.replace(/\b(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?(?!\d)/g, (_, d: string, t?: string) => localTime(t ? `${d}T${t}` : d, lang));
    out = out.replace(/([≤≥<>])\s?(?=P\d|PT\d)/g, `$1${NBSP}`);
    out = out.replace(ISO_DURATION_IN, (d) => durationWords(d, lang));
    out = out.replace(/(\d+(?:\.\d+)?) min before\b/g, (_, n: string) => (lang === 'zh' ? `提前${NBSP}${n}${NBSP}分钟` : `${n}${NBSP}min before`));
    out = out.replace(/(\d+(?:\.\d+)?) (min|h)\b/g, (_, n: string, u: string) => (lang === 'zh' ? `${n}${NBSP}${u === 'min' ? '分钟' : '小时'}` : `${n}${NBSP}${u}`));
    if (lang === 'zh') out = out.replace(/(\S+) before\b/g, '提前 $1');
    for (const f of fields) out = out.replace(new RegExp(`\\b${f}\\b`, 'g'), FIELD[f]![lang]);
    out = out.replace(/[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9]/g, (tok) => {
      const head = tok.includes(':') ? tok.slice(0, tok.indexOf(':')) : tok;
      if (idx.requirements.has(tok)) return names.requirement(tok, lang);
      if (ids.has(tok) || ids.has(head) || buildings.has(tok)) return place(tok);
      return tok;
    });
    return out;
  };
  return {
    names,
    lang,
    ref: (id) => names.requirement(id, lang),
    title,
    requirement: (id, titleWidth = 16) => {
      const t = title(id);
      const ref = names.requirement(id, lang);
      return t ? `${ref} ${clipWidth(t, titleWidth)}` : ref;
    },
    scope: (s) => {
      if (s.kind === 'provider' || s.kind === 'school') return lang === 'zh' ? '全校' : 'all campuses';
      if (s.kind === 'inspection-plan') return lang === 'zh' ? '现场检查计划' : 'inspection plan';
      return place(s.id);
    },
    place,
    round,
    standard: (id) => {
      const st = tree.standards.find((x) => x.value.id === id)?.value;
      return st ? (lang === 'en' ? (st.title.en ?? st.title.zh) : st.title.zh) : id;
    },
    limitUnit: (requirement, limit) => {
      const r = req(requirement);
      const lim = r?.timeliness?.limits.find((l) => l.id === limit);
      const p = lim ? r?.parameters?.find((x) => x.name === lim.limit.param) : undefined;
      return p?.unit;
    },
    text,
  };
}

/** A limit as read: PT45M → 45 分钟, 1 (working days) → 1 个工作日. */
export function limitText(w: CliWords, requirement: string, limit: string, value: string): string {
  return limitWords(value, w.limitUnit(requirement, limit), w.lang);
}
