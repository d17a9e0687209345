// The public edition, checked as its readers meet it (issue 14, "done when"): every page's readable text
// (text nodes, the title, the meta description, alt/aria-label/title attributes) is searched for
// - machine tokens: the word check's codes (engine/model/word-check.ts) plus ISO dates and months
//   (2026-07-10, 2026-07) in running text, which readers get in words (2026年7月10日);
// - Traditional characters outside passages marked lang="zh-Hant" (the verbatim originals);
// - phone numbers on the home and emergency pages that are not inside a tel: link;
// and the site as a whole for a meta description on every page, robots.txt, favicon.ico and a sitemap.
// Run by `npm run check-site -- DIR` and by test/site.test.ts on the sample's build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findLeaks, type KnownIds } from '../model/word-check.ts';
import type { Lang } from '../model/labels.ts';
import { traditionalChars } from './chinese.ts';

export interface PageText {
  /** Site-relative path of the HTML file (pledges/index.html). */
  file: string;
  lang: Lang;
  /** Readable text outside zh-Hant passages, one line per block. */
  text: string;
  /** The readable text with the contents of tel: links left out (a number still here cannot be tapped). */
  untappable: string;
  description: string | null;
  hasCanonical: boolean;
}

export interface SiteProblem {
  kind: 'token' | 'traditional' | 'phone' | 'description' | 'file';
  file: string;
  token: string;
  context: string;
}

export interface SiteCheck {
  pages: number;
  tokens: number;
  traditional: number;
  phones: number;
  /** Pages with a non-empty meta description, 0–1. */
  descriptions: number;
  files: { robots: boolean; favicon: boolean; sitemap: boolean };
  problems: SiteProblem[];
  /** Whether every "done when" figure holds: 0 tokens, 0 Traditional, 0 untappable phones, ≥95 % described, the three files. */
  ok: boolean;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'section', 'header', 'footer', 'nav', 'main', 'caption', 'blockquote', 'summary', 'details', 'figcaption', 'br', 'ul', 'ol', 'dl', 'table', 'form', 'label', 'option']);
const READ_ATTRS = ['alt', 'aria-label', 'title', 'placeholder'];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };
const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) out.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/** A page's readable text, split by whether it sits inside a lang="zh-Hant" element or a tel: link. */
export function pageText(html: string, file = ''): PageText {
  const langAttr = /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? 'zh-CN';
  const lang: Lang = langAttr.toLowerCase().startsWith('en') ? 'en' : 'zh';
  const out: string[] = [];
  const plain: string[] = [];
  let description: string | null = null;
  let hasCanonical = false;
  // Open elements: name, whether it (or an ancestor) is a zh-Hant passage, whether it is a tel: link.
  const stack: { name: string; hant: boolean; tel: number }[] = [];
  const hant = (): boolean => stack.at(-1)?.hant ?? false;
  const telDepth = (): number => stack.at(-1)?.tel ?? -1;
  const re = /<!--[\s\S]*?-->|<![^>]*>|<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>|([^<]+)/g;
  for (const m of html.matchAll(re)) {
    if (m[0].startsWith('<!') || m[1]) continue;
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      if (!hant()) out.push(t);
      plain.push(telDepth() >= 0 ? ' ' : t);
      continue;
    }
    const name = m[2]!.toLowerCase();
    const closing = m[0][1] === '/';
    if (closing) {
      if (BLOCK.has(name)) (out.push('\n'), plain.push('\n'));
      // Close up to the matching element (HTML may omit end tags of li, p, td …).
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]!.name !== name) continue;
        stack.length = i;
        break;
      }
      continue;
    }
    const a = attrs(m[3] ?? '');
    if (name === 'meta' && a.get('name')?.toLowerCase() === 'description') {
      description = a.get('content') ?? '';
      out.push(`\n${description}\n`);
    }
    if (name === 'link' && a.get('rel')?.toLowerCase() === 'canonical') hasCanonical = true;
    if (!hant()) for (const k of READ_ATTRS) if (a.get(k)) out.push(` ${a.get(k)} `);
    if (BLOCK.has(name)) (out.push('\n'), plain.push('\n'));
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    const l = a.get('lang');
    const isHant = l !== undefined ? /^zh-(hant|tw|hk|mo)\b/i.test(l) : hant();
    const isTel = name === 'a' && /^tel:/i.test(a.get('href') ?? '') ? stack.length : telDepth();
    stack.push({ name, hant: isHant, tel: isTel });
  }
  const lines = (parts: string[]): string => parts.join('').split('\n').map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  return { file, lang, text: lines(out), untappable: lines(plain), description, hasCanonical };
}

/** ISO dates and months in running text: readers get 2026年7月10日. File names and URLs are left alone. */
export function isoDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w./-])\d{4}-\d{2}(?:-\d{2})?(?![\w./-]*\.(?:csv|json|pdf|xml|html)\b)(?![\w-])/g)) out.push(m[0]);
  return out;
}

/** Phone numbers as people write them: landlines with an area code, 7–8 digit local numbers, mobiles, and
 * the national emergency numbers where the text asks to call them. */
export function phoneNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\d.\-:/])(?:0\d{2,3}[- ]?\d{7,8}|1[3-9]\d{9}|\d{7,8}|400[- ]?\d{3}[- ]?\d{4})(?![\d.\-:/%])/g)) out.push(m[0]);
  for (const m of text.matchAll(/(?:拨打|致电|电话|报警|火警|急救|call|dial)[^\d\n]{0,6}((?:1[12][029])(?:[、,，或 ]+(?:1[12][029]))*)(?!\d)/gi)) for (const n of m[1]!.split(/[、,，或 ]+/)) if (n) out.push(n);
  return out;
}

function htmlFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'pagefind' && e.name !== 'pdf' && e.name !== 'data') out.push(...htmlFiles(p, base));
    } else if (e.name.endsWith('.html')) out.push(relative(base, p).split(sep).join('/'));
  }
  return out.sort();
}

/** Pages where phone numbers must be tappable: the home and emergency pages, both languages. */
const PHONE_PAGES = /^(?:en\/)?(?:index\.html|emergency\/index\.html)$/;

export function checkSite(dir: string, known: KnownIds = {}): SiteCheck {
  const problems: SiteProblem[] = [];
  const files = htmlFiles(dir);
  let described = 0;
  let tokens = 0;
  let traditional = 0;
  let phones = 0;
  for (const f of files) {
    const p = pageText(readFileSync(join(dir, f), 'utf8'), f);
    if (p.description?.trim()) described++;
    else problems.push({ kind: 'description', file: f, token: '', context: '' });
    for (const l of findLeaks(p.text, p.lang, known)) {
      tokens++;
      problems.push({ kind: 'token', file: f, token: l.token, context: l.line.slice(0, 160) });
    }
    for (const line of p.text.split('\n')) {
      for (const d of isoDates(line)) {
        tokens++;
        problems.push({ kind: 'token', file: f, token: d, context: line.slice(0, 160) });
      }
      const tc = traditionalChars(line);
      traditional += tc.length;
      if (tc.length) problems.push({ kind: 'traditional', file: f, token: tc.map((c) => c.char).join(''), context: line.slice(0, 160) });
    }
    if (PHONE_PAGES.test(f)) {
      for (const line of p.untappable.split('\n')) {
        for (const n of phoneNumbers(line)) {
          phones++;
          problems.push({ kind: 'phone', file: f, token: n, context: line.slice(0, 160) });
        }
      }
    }
  }
  const has = (...names: string[]): boolean => names.some((n) => existsSync(join(dir, n)));
  const fileChecks = { robots: has('robots.txt'), favicon: has('favicon.ico'), sitemap: has('sitemap.xml', 'sitemap-index.xml') };
  for (const [k, v] of Object.entries(fileChecks)) if (!v) problems.push({ kind: 'file', file: k === 'robots' ? 'robots.txt' : k === 'favicon' ? 'favicon.ico' : 'sitemap.xml', token: '', context: '' });
  const descriptions = files.length ? described / files.length : 0;
  return {
    pages: files.length,
    tokens,
    traditional,
    phones,
    descriptions,
    files: fileChecks,
    problems,
    ok: tokens === 0 && traditional === 0 && phones === 0 && descriptions >= 0.95 && fileChecks.robots && fileChecks.favicon && fileChecks.sitemap,
  };
}
