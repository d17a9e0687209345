// The public-edition check (engine/site/check.ts), on the smallest pages that show each rule: what a
// reader sees is counted, what they do not see (markup, scripts, zh-Hant originals, tel: links) is not.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, isoDates, pageText, phoneNumbers } from '../engine/site/check.ts';

const page = (body: string, o: { lang?: string; description?: string } = {}): string =>
  `<!doctype html><html lang="${o.lang ?? 'zh-CN'}"><head><title>服务承诺</title>${o.description === undefined ? '' : `<meta name="description" content="${o.description}">`}<style>.a{color:red}</style></head><body>${body}<script>var x = "per-year PT45M";</script></body></html>`;

describe('a page’s readable text', () => {
  it.each([
    ['text nodes and the title', page('<p>报修<b>热线</b></p>'), ['服务承诺', '报修热线']],
    ['alt and aria-label', page('<img alt="校徽"><nav aria-label="主导航"></nav>'), ['校徽', '主导航']],
    ['entities decoded', page('<p>A&amp;B&#x4e2d;&#25991;</p>'), ['A&B中文']],
  ])('reads %s', (_, html, want) => {
    const t = pageText(html).text;
    for (const w of want) expect(t).toContain(w);
    expect(t).not.toContain('per-year'); // script
    expect(t).not.toContain('color'); // style
    expect(t).not.toContain('DOCTYPE');
  });
  it('leaves out zh-Hant passages (with their descendants) but not what follows them', () => {
    const t = pageText(page('<details><summary>原文</summary><blockquote lang="zh-Hant"><p>學校<b>綜合</b>辦公室</p></blockquote></details><p>学校</p>')).text;
    expect(t).toContain('原文');
    expect(t).toContain('学校');
    expect(t).not.toMatch(/學|綜|辦/);
  });
  it('takes the page’s language from <html lang>', () => {
    expect(pageText(page('', { lang: 'en' })).lang).toBe('en');
    expect(pageText(page('')).lang).toBe('zh');
  });
});

describe('what counts as an ISO date or a phone number', () => {
  it.each([
    ['统计期 2026-07', ['2026-07']],
    ['更新于 2026-07-10 11:00', ['2026-07-10']],
    ['下载 pledges-2026-07.csv', []],
    ['见 https://x.cn/2026-07/', []],
    ['2026年7月', []],
    ['第4.3条第1项', []],
  ])('%s', (text, want) => expect(isoDates(text)).toEqual(want));
  it.each([
    ['热线 0513-85012345（24 小时）', ['0513-85012345']],
    ['手机 13912345678', ['13912345678']],
    ['先拨打 110、119 或 120', ['110', '119', '120']],
    ['第 120 条；共 110 宗', []],
    ['2026-07-10；价格 120 元；4.3-1', []],
    ['call 119 first', ['119']],
  ])('%s', (text, want) => expect(phoneNumbers(text)).toEqual(want));
});

describe('the whole site', () => {
  const site = (pages: Record<string, string>, files: string[] = []): string => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-check-'));
    for (const [f, html] of Object.entries(pages)) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), html);
    }
    for (const f of files) writeFileSync(join(dir, f), 'x');
    return dir;
  };
  const good = { 'index.html': page('<p>热线 <a href="tel:051385012345">0513-85012345</a></p>', { description: '首页' }), 'emergency/index.html': page('<p>先拨打 <a href="tel:110">110</a></p>', { description: '应急' }) };
  const all = ['robots.txt', 'favicon.ico', 'sitemap-index.xml'];

  it('passes a site where every figure holds', () => {
    const r = checkSite(site(good, all));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.descriptions).toBe(1);
  });
  it.each([
    ['a machine token', { 'a/index.html': page('<p>每年检查 per-year 次</p>', { description: 'x' }) }, all, 'token', 'per-year'],
    ['an ISO duration', { 'a/index.html': page('<p>时限 PT45M</p>', { description: 'x' }) }, all, 'token', 'PT45M'],
    ['an ISO month in a sentence', { 'a/index.html': page('<p>统计期 2026-07</p>', { description: 'x' }) }, all, 'token', '2026-07'],
    ['a tree id', { 'a/index.html': page('<p>方案 office-service-guide</p>', { description: 'x' }) }, all, 'token', 'office-service-guide'],
    ['a Traditional character outside zh-Hant', { 'a/index.html': page('<p>服務</p>', { description: 'x' }) }, all, 'traditional', '務'],
    ['a number on the emergency page without tel:', { 'emergency/index.html': page('<p>拨打 120</p>', { description: 'x' }) }, all, 'phone', '120'],
    ['a page without a description', { 'a/index.html': page('<p>好</p>') }, all, 'description', ''],
    ['no robots.txt', {}, ['favicon.ico', 'sitemap-index.xml'], 'file', ''],
    ['no favicon.ico', {}, ['robots.txt', 'sitemap.xml'], 'file', ''],
    ['no sitemap', {}, ['robots.txt', 'favicon.ico'], 'file', ''],
  ] as const)('fails on %s', (_, extra, files, kind, token) => {
    const r = checkSite(site({ ...good, ...extra }, [...files]), { ids: ['office-service-guide'] });
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.kind === kind);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    if (token) expect(p!.token).toContain(token);
  });
  it('counts a number outside a tel: link even when the same number is tappable elsewhere on the page', () => {
    const r = checkSite(site({ ...good, 'index.html': page('<p><a href="tel:110">110</a></p><p>请拨打 110</p>', { description: 'x' }) }, all));
    expect(r.phones).toBe(1);
  });
});
