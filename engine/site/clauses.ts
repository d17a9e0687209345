// The words of a clause as the site shows them (issue 14 §2): the text quoted from a Traditional-character
// plan in Simplified characters with Chinese (full-width) punctuation, the original kept verbatim beside it,
// and the clause's official reference (第4.3条第1项, 《学校综合办公室服务指南》二、（二）2) in place of its id.
import type { Coverage } from '../calendar/calendar.ts';
import type { Tree } from '../load/tree.ts';
import { EVERY, limitWords, requirementRef } from '../model/labels.ts';
import type { Requirement, StandardFile, Text } from '../model/types.ts';
import type { Store } from '../store/store.ts';
import type { Index } from '../validate/checks.ts';
import { refParts } from '../validate/names.ts';
import { isTraditional, toSimplified } from './chinese.ts';
import type { SiteData } from './types.ts';

// A Han character, or Chinese punctuation that a half-width mark may sit next to (，。、：“”（）《》…).
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/u;
const ASCII_WORD = /[0-9A-Za-z.%]/;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width , ; : ? ! and ( ) in Chinese text as the full-width marks Chinese typesetting uses
 * (GB/T 15834): a mark next to a Chinese character becomes full-width and drops the spaces after it; a
 * mark between digits or Latin letters stays (1,000 · 8:30 · e.g.), and so does Latin text in brackets
 * (a bracket pair is converted as a pair: when it holds or touches Chinese).
 */
export function fullWidthPunctuation(text: string): string {
  const c = [...text];
  const prevOf = (i: number): string => {
    for (let j = i - 1; j >= 0; j--) if (c[j] !== ' ') return c[j]!;
    return '';
  };
  const nextOf = (i: number): string => {
    for (let j = i + 1; j < c.length; j++) if (c[j] !== ' ') return c[j]!;
    return '';
  };
  const han = (s: string): boolean => s !== '' && HAN.test(s);
  const out = [...c];
  // Brackets first, as pairs (nested pairs too); an unmatched bracket is judged by its neighbours alone.
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  const at = (i: number): string => c[i] ?? '';
  for (let i = 0; i < c.length; i++) {
    if (c[i] === '(') stack.push(i);
    else if (c[i] === ')') {
      const open = stack.pop();
      if (open === undefined) {
        if (han(at(i - 1)) || han(at(i + 1))) out[i] = FULL[')']!;
      } else pairs.push([open, i]);
    }
  }
  for (const open of stack) if (han(at(open - 1)) || han(at(open + 1))) out[open] = FULL['(']!;
  // A list number in brackets ((1), (a)) in Chinese text is Chinese numbering too: 2.（1）.
  const chinese = HAN.test(text);
  for (const [a, b] of pairs) {
    const inside = c.slice(a + 1, b).join('');
    if (HAN.test(inside) || han(at(a - 1)) || han(at(b + 1)) || (chinese && /^(\d{1,2}|[a-z])$/.test(inside))) {
      out[a] = FULL['(']!;
      out[b] = FULL[')']!;
    }
  }
  for (let i = 0; i < c.length; i++) {
    const ch = c[i]!;
    if (!',;:?!'.includes(ch)) continue;
    const prev = i > 0 ? c[i - 1]! : '';
    const next = nextOf(i);
    // 8:30, 1,000, a:b — a mark inside a number or a Latin word stays as it is.
    if (ASCII_WORD.test(prev) && ASCII_WORD.test(c[i + 1] ?? '')) continue;
    const before = out[i - 1] ?? '';
    if (han(prev) || han(before) || han(next)) {
      out[i] = FULL[ch]!;
      // Full-width marks carry their own space: drop the spaces typed after the half-width mark.
      for (let j = i + 1; j < c.length && c[j] === ' '; j++) out[j] = '';
    }
  }
  return out.join('');
}

/** A quoted text as a Simplified page shows it: Simplified characters, Chinese punctuation. */
export const displayText = (text: string): string => fullWidthPunctuation(toSimplified(text));

/** The script of a document's original: Traditional when any of its clauses is written in Traditional characters. */
export function traditionalDocuments(tree: Tree, docOf: (r: Requirement) => string): Set<string> {
  const out = new Set<string>();
  for (const { value: r } of tree.requirements) if (isTraditional(r.text) || isTraditional(r.title?.zh ?? '')) out.add(docOf(r));
  return out;
}

/** The official reference of a requirement in both languages; a plan's numbering in Simplified with Chinese punctuation. */
export function clauseRef(r: Requirement, idx: Index): Text {
  const parts = refParts(r, idx);
  // The encoding's pointer to lines of the source file (（概要稿，第 94—98 行）) means nothing to a reader of the plan.
  if (parts.planRef !== undefined) parts.planRef = displayText(parts.planRef).replace(/[，,]\s*第\s*\d+(?:\s*[—–-]\s*\d+)?\s*行/g, '');
  const plan = r.id.includes(':') ? idx.profiles.get(r.id.slice(0, r.id.indexOf(':')))?.value : undefined;
  const en = requirementRef(plan ? { ...parts, planTitle: plan.title.en ?? plan.title.zh } : parts, 'en');
  return { zh: requirementRef(parts, 'zh'), en: en.charAt(0).toUpperCase() + en.slice(1) };
}

/** The site's words of one clause: its display text, the script of the original and its reference. */
export function clauseWords(r: Requirement, idx: Index, traditional: boolean): { display: string; lang: 'zh-Hans' | 'zh-Hant'; ref: Text } {
  return { display: displayText(r.text), lang: traditional ? 'zh-Hant' : 'zh-Hans', ref: clauseRef(r, idx) };
}

/**
 * What the footer says about where the figures come from, in words: when the data was last updated (the
 * latest submission, else the evaluation's as-of), the standard by title and edition, and the holiday
 * calendar as the State Council's arrangements of the years it covers. Ids, versions and the data hash
 * stay in site.json and on the about page.
 */
export function siteGenerated(store: Store, std: StandardFile | undefined, cov: Coverage, asOf: string, periods: string[]): Pick<SiteData['generated'], 'updated' | 'words'> {
  const row = store.db.prepare('SELECT max(submitted_at) AS at FROM submissions').get() as { at: string | null } | undefined;
  // The years the site's figures fall in (the calendar covers many more): 2026, or 2025—2026.
  const ys = [...new Set(periods.map((p) => Number(p.slice(0, 4))))].filter((y) => cov.years.includes(y)).sort();
  const from = ys[0];
  const to = ys.at(-1);
  const years = from === undefined ? '' : from === to ? `${from}` : `${from}—${to}`;
  const yearsEn = from === undefined ? '' : from === to ? `${from}` : `${from}–${to}`;
  return {
    updated: row?.at ?? asOf,
    words: {
      standard: std ? { zh: `《${std.title.zh}》`, en: std.title.en ?? std.title.zh } : { zh: '', en: '' },
      source: { zh: std?.edition ?? '', en: std?.edition ?? '' },
      calendarData: cov.from === undefined ? { zh: '', en: '' } : { zh: `节假日数据第 ${cov.version} 版，含${cov.from}—${cov.to}年`, en: `holiday data version ${cov.version}, ${cov.from}–${cov.to}` },
      edition: std ? { zh: `本校编码第 ${std.version} 版`, en: `as encoded for this university, version ${std.version}` } : { zh: '', en: '' },
      calendar: years ? { zh: `节假日按国务院办公厅${years}年安排`, en: `public holidays as announced by the State Council General Office for ${yearsEn}` } : { zh: '节假日按国务院办公厅安排', en: 'public holidays as announced by the State Council General Office' },
    },
  };
}

// ── parameter words ───────────────────────────────────────────────────────────────────────────────
const PER_EN: Record<string, string> = { 'opening-hour': 'per opening hour', event: 'each time', year: 'a year', quarter: 'a quarter', month: 'a month', week: 'a week', day: 'a day', semester: 'a term', term: 'a term', hour: 'an hour', night: 'a night' };
const NOUN: Record<string, Text> = {
  checks: { zh: '检查', en: 'Checks' },
  tests: { zh: '检测', en: 'Tests' },
  rounds: { zh: '巡查', en: 'Rounds' },
  cleaning: { zh: '清洗', en: 'Cleaning' },
  maintenance: { zh: '维护保养', en: 'Maintenance' },
  pump: { zh: '水泵检修', en: 'Pump overhaul' },
};

/**
 * A parameter's name in words where the YAML gives it no label: a count parameter of a frequency is
 * named by what it counts and how often (每年房屋建筑主体工程观测次数); otherwise by its name's parts
 * (checks-per-week → 每周检查次数). The parameter's name stays for machines (site.json, downloads).
 */
export function parameterLabel(r: Requirement, p: { name: string; label?: Text; unit: string }): Text {
  if (p.label) return p.label;
  const m = /^(?:(.+)-)?per-(.+)$/.exec(p.name);
  const count = r.frequency?.counts.find((c) => c.count.param === p.name);
  const period = count?.period ?? m?.[2] ?? '';
  const every = EVERY[period];
  const noun: Text | undefined = count?.label ?? (m?.[1] ? NOUN[m[1]] : undefined);
  if (every) {
    const zh = `${every.zh}${noun?.zh ?? ''}次数`;
    const perEn = PER_EN[period] ?? `per ${period}`;
    return { zh, en: noun?.en ? `${noun.en}: times ${perEn}` : `Times ${perEn}` };
  }
  return { zh: p.name, en: p.name };
}

/** A parameter's value in words with its unit: 45 分钟, 3 个工作日, 2 次 / 2 times, 95 %, 18 ℃. */
export function parameterValueWords(value: string, unit: string): Text {
  if (unit === 'count') return { zh: `${value}\u00a0次`, en: `${value}\u00a0time${value === '1' ? '' : 's'}` };
  if (unit === 'days') return { zh: `${value}\u00a0天`, en: `${value}\u00a0day${value === '1' ? '' : 's'}` };
  if (unit === 'time-range') return { zh: value.replace('-', '—'), en: value.replace('-', '–') };
  return { zh: limitWords(value, unit, 'zh'), en: limitWords(value, unit, 'en') };
}
