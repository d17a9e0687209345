// The site's only input: the JSON file engine/site/build.ts writes (SiteData plus the list of PDFs it
// copies). Read with fs at build time, keyed by path so two builds in one process never share data.
import { readFileSync } from 'node:fs';
import type { SiteClause, SiteData, SitePledge, SitePledgePeriod, SitePledgeTotal } from '../../../engine/site/types.ts';
import { localDate, localTime, monthSpanWords, monthWords, spanWords } from '../../../engine/model/labels.ts';
import type { Text } from '../../../engine/model/types.ts';
import { siteDataMessage } from '../../../engine/site/errors.ts';
import { clauseSlug } from '../../../engine/site/slug.ts';

export { clauseSlug };

export type { SiteClause, SiteData, SitePledge, SitePledgePeriod, SitePledgeTotal, Text };
export type Lang = 'zh' | 'en';
export interface Bundle {
  data: SiteData;
  /** PDF file names present in outDir/pdf/ (internal edition). */
  pdfs: string[];
}

let cache: { path: string; bundle: Bundle } | undefined;

// Set by buildSite through Vite's `define` to the same path as CHARTER_SITE_DATA. Its only job is to
// make this module's compiled chunk differ per build: Node caches ES modules by URL, and Astro's render
// chunks are named by content hash, so a second build in the same process would otherwise reuse the
// first build's modules (and its getStaticPaths results).
declare const __CHARTER_BUILD__: string;
const BUILD = typeof __CHARTER_BUILD__ === 'string' ? __CHARTER_BUILD__ : '';

export function bundle(): Bundle {
  const path = process.env.CHARTER_SITE_DATA || BUILD;
  if (!path) throw new Error('CHARTER_SITE_DATA is not set: build the site with buildSite() in engine/site/build.ts (charter site build)');
  if (cache?.path !== path) cache = { path, bundle: JSON.parse(readFileSync(path, 'utf8')) as Bundle };
  return cache.bundle;
}

export const site = (): SiteData => bundle().data;
export const isInternal = (): boolean => site().edition === 'internal' && Boolean(site().internal);

/** Both languages, Chinese at the root. `lang` is the rest parameter of src/pages/[...lang]/. Fresh
 * objects on each call: Astro keeps (and may change) what getStaticPaths returns. */
export const langPaths = (): { params: { lang: string | undefined }; props: { lang: Lang } }[] => [
  { params: { lang: undefined }, props: { lang: 'zh' } },
  { params: { lang: 'en' }, props: { lang: 'en' } },
];

/** A text in the page's language; English falls back to the Chinese (callers mark it lang="zh-CN"). */
export const t = (x: Text | undefined, lang: Lang): string => (x ? (lang === 'en' ? (x.en ?? x.zh) : x.zh) : '');
/** Whether t() fell back to Chinese on an English page. */
export const isZh = (x: Text | undefined, lang: Lang): boolean => lang === 'zh' || !x?.en;

const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/');
/** Site-relative path (no leading slash) to an href in the given language. */
export const href = (lang: Lang, path = ''): string => `${BASE}${lang === 'en' ? 'en/' : ''}${path}`;
/** The site's configured address (SiteData.site_url, ending in "/"), or null when none is configured. */
export const siteUrl = (): string | null => site().site_url ?? null;
/** An href made absolute with the configured site address; null without one (nothing absolute is guessed). */
export const absolute = (h: string): string | null => {
  const base = siteUrl();
  return base ? `${base}${h.replace(/^\//, '')}` : null;
};
/** Language-neutral files (data downloads, PDFs, the stylesheet). */
export const asset = (path: string): string => `${BASE}${path}`;

/**
 * Clause URLs: one folder per clause, named by its slug (engine/site/slug.ts: `standard/4.3-1/`,
 * `standard/nantong-supervision--rectification/`): no `:` or other character Windows/IIS refuses in a
 * folder name. The notices' QR codes print the same path; old links (`standard/<percent-encoded id>/`)
 * redirect where the host allows (the build's `_redirects` and `web.config`, engine/site/redirects.ts).
 */
export const clausePath = (id: string): string => `standard/${clauseSlug(id)}/`;
/** At most n characters of a text, cut with an ellipsis: a meta description stays one line in results. */
const clip = (s: string, n: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return [...one].length <= n ? one : `${[...one].slice(0, n - 1).join('')}…`;
};

/** A clause page's meta description: its official reference and title, then the start of its text (in
 * Simplified characters, as the page shows it) — what the clause says, not a generic line. */
export function clauseDescription(c: SiteClause, lang: Lang): string {
  const ref = t(c.ref, lang);
  const head = c.title ? `${ref} ${t(c.title, lang)}` : ref;
  return `${head}${lang === 'zh' ? '：' : ': '}${clip(c.display || c.text, 100)}`;
}

/** A section page's meta description: the document and section, and the clauses it holds. */
export function sectionDescription(p: { documentTitle: Text; number: string; kind: 'standard' | 'profile'; title: Text; clauses: SiteClause[] }, lang: Lang): string {
  const where = `${t(p.documentTitle, lang)} ${sectionLabel(p, lang)} ${t(p.title, lang)}`.replace(/\s+/g, ' ').trim();
  const first = p.clauses.map((c) => (c.title ? t(c.title, lang) : '')).filter(Boolean).slice(0, 4);
  return lang === 'zh'
    ? `${where}：本节 ${p.clauses.length} 条条款的原文、要求程度和参数${first.length ? `（${first.join('、')}等）` : ''}。`
    : `${where}: the text, obligation and parameters of its ${p.clauses.length} clauses${first.length ? ` (${first.join('; ')} …)` : ''}.`;
}

export const sectionPath = (p: { document: string; slug: string }): string => `sections/${encodeURIComponent(p.document)}/${encodeURIComponent(p.slug)}/`;

// ---- Pledges -------------------------------------------------------------------------------------

/** "2026-07-10T11:00:00+08:00" → "2026年7月10日 11:00（北京时间）" / "10 July 2026 11:00 (Beijing time)". */
export function fmtInstant(iso: string, lang: Lang): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const zone = m[3] === '+08:00' ? (lang === 'zh' ? '（北京时间）' : ' (Beijing time)') : ` (${m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`})`;
  return `${localTime(iso, lang, { year: true })}${zone}`;
}

/** The latest complete month (a month still running at the data's as-of is not a result yet). */
export const latestPeriod = (): string => site().pledge_spans?.latest ?? '';

/** The month after a YYYY-MM period (the "next period" the targets apply to). */
export function nextPeriod(p: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (!m) return '';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Share as a percentage, rounded down to 0.1 so a figure never overstates; 100% only when all met. */
export function pct(rate: number, met?: number, n?: number): string {
  if (met !== undefined && n !== undefined && met === n) return '100%';
  const v = Math.floor(rate * 1000) / 10;
  return `${v === Math.floor(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}

/** What a pledge without data shows (no records of its kind for the provider, or an empty store). */
export const NO_DATA: Record<Lang, string> = { zh: '暂无数据', en: 'No data yet' };

/** Thrown by a component for a data problem (an MDX page naming a clause or pledge that does not exist):
 * engine/site/build.ts recognises it and reports it as CH417 with the page, never a stack trace. */
export function dataProblem(page: string, detail: string, detailZh: string): Error {
  return new Error(siteDataMessage(page, detail, detailZh));
}

/** Fewer than 5 cases: counts only, a percentage over so few would mislead (engine/site/pledges.ts). */
export { SMALL_N } from '../../../engine/site/pledge-tag.ts';
import { SMALL_N } from '../../../engine/site/pledge-tag.ts';

export { countsLine, pledgeTag, type TagKind } from '../../../engine/site/pledge-tag.ts';

/** The share on time as shown: a percentage from SMALL_N judged cases on, else "—" (the counts say it). */
export const rateText = (q: Pick<SitePledgePeriod, 'n' | 'met' | 'rate'>): string => (q.n >= SMALL_N && q.rate !== null ? pct(q.rate, q.met, q.n) : '—');

/** Month, month span and day span in the page's language (labels.ts). */
export const monthText = (p: string, lang: Lang): string => monthWords(p, lang);
export const monthSpan = (p: string, lang: Lang): string => monthSpanWords(p, lang);
export const daySpan = (from: string, to: string, lang: Lang): string => spanWords(from, to, lang);

/** A provider's service period in words, or null when the register sets none. */
export function serviceText(s: SitePledge['service'], lang: Lang): string | null {
  if (!s) return null;
  if (s.to) return spanWords(s.from, s.to, lang);
  return lang === 'zh' ? `${localDate(s.from, lang)}起` : `from ${localDate(s.from, lang)}`;
}

/** The periods a provider's history shows: complete months in its service period (others are left out). */
export const shownPeriods = (p: SitePledge): SitePledgePeriod[] => p.periods.filter((q) => q.complete && q.in_service);

export const targetText = (v: number | null, lang: Lang): string => (v === null ? (lang === 'zh' ? '逐宗承诺' : 'Every case') : pct(v));

/** Pledges grouped by provider, in the register's order. */
export function pledgesByProvider(): { provider: { id: string; name: string }; pledges: SitePledge[] }[] {
  const d = site();
  return d.providers.map((provider) => ({ provider, pledges: d.pledges.filter((p) => p.provider.id === provider.id) })).filter((g) => g.pledges.length);
}

export const pledgeAnchor = (p: SitePledge): string => `${p.provider.id}~${p.requirement}~${p.limit}`;

/** Working hours, where the data publishes them (a time-range parameter such as the office guide's service hours). */
export function workingHours(): { text: string; clause: string } | undefined {
  const asOf = site().generated.as_of.slice(0, 10);
  for (const c of site().clauses) {
    for (const p of c.parameters) {
      if (p.unit !== 'time-range' || !/hours/.test(p.name)) continue;
      const v = inForce(p.values, asOf);
      if (v) return { text: v.value, clause: c.id };
    }
  }
  return undefined;
}

/** The dated value in force on a day (the last one starting on or before it); undefined if none has started. */
export function inForce<T extends { from: string }>(values: T[], day: string): T | undefined {
  let best: T | undefined;
  for (const v of values) if (!day || v.from <= day) if (!best || v.from >= best.from) best = v;
  return best;
}

// ---- Standard ------------------------------------------------------------------------------------

export interface SectionPage {
  document: string;
  documentTitle: Text;
  kind: 'standard' | 'profile';
  slug: string;
  number: string;
  title: Text;
  clauses: SiteClause[];
}

/** Clause ids of the standard are section numbers ("5.1.2.7-3"); the first two levels group long chapters. */
const level2 = (id: string): string => id.split('-')[0]!.split('.').slice(0, 2).join('.');
/** Chapters longer than this are split into one page per second-level section (pages stay light). */
const SPLIT_OVER = 60;

let pagesCache: { d: SiteData; pages: SectionPage[] } | undefined;

/** One page per section of each document, in the data's order. */
export function sectionPages(): SectionPage[] {
  const d = site();
  if (pagesCache?.d === d) return pagesCache.pages;
  const pages: SectionPage[] = [];
  const docs = [...new Set(d.sections.map((s) => s.document))];
  for (const doc of docs) {
    const clauses = d.clauses.filter((c) => c.document.id === doc);
    if (!clauses.length) continue;
    const info = clauses[0]!.document;
    const numbers = [...new Set(clauses.map((c) => c.section))];
    for (const number of numbers) {
      const inSec = clauses.filter((c) => c.section === number);
      const declared = d.sections.find((s) => s.document === doc && s.number === number);
      const head = inSec.find((c) => c.parent === null);
      const title: Text = declared?.title ?? head?.title ?? (head && head.display.length <= 40 ? { zh: head.display } : { zh: '' });
      if (info.kind === 'standard' && inSec.length > SPLIT_OVER) {
        const groups = [...new Set(inSec.map((c) => level2(c.id)))].filter((g) => g !== number);
        for (const g of groups) {
          const sub = inSec.filter((c) => level2(c.id) === g || (c.id === number && g === groups[0]));
          const subHead = inSec.find((c) => c.id === g);
          pages.push({ document: doc, documentTitle: info.title, kind: info.kind, slug: g, number: g, title: subHead?.title ?? (subHead && subHead.display.length <= 40 ? { zh: subHead.display } : title), clauses: sub });
        }
      } else pages.push({ document: doc, documentTitle: info.title, kind: info.kind, slug: number, number, title, clauses: inSec });
    }
  }
  pagesCache = { d, pages };
  return pages;
}

export function pageOfClause(id: string): SectionPage | undefined {
  return sectionPages().find((p) => p.clauses.some((c) => c.id === id));
}

export const clauseById = (id: string): SiteClause | undefined => site().clauses.find((c) => c.id === id);

/** A clause's official reference in the page's language (第4.3条第1项 / Clause 4.3 item 1; 《plan》二、（二）2):
 * what every page shows in place of a requirement id. An unknown id is returned as it is (the site check finds it). */
export function clauseRef(c: SiteClause | string, lang: Lang): string {
  const x = typeof c === 'string' ? clauseById(c) : c;
  if (!x) return String(c);
  return t(x.ref, lang);
}

/** A clause's reference and title (or the start of its text): 第4.3条第1项 日常维修响应. */
export function clauseLabel(c: SiteClause, lang: Lang, max = 30): string {
  const head = c.title ? t(c.title, lang) : c.display.length <= max ? c.display : `${c.display.slice(0, max - 2)}…`;
  return `${clauseRef(c, lang)} ${head}`.trim();
}

/** "第 5 章" / "Section 5"; profile parts are numbered 一、二… */
export function sectionLabel(p: { number: string; kind: 'standard' | 'profile' }, lang: Lang): string {
  if (lang === 'en') return `Section ${p.number}`;
  return /^[一二三四五六七八九十]+$/.test(p.number) ? `第${p.number}部分` : p.number.includes('.') ? p.number : `第 ${p.number} 章`;
}
