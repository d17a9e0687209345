// The commitment site (site/, engine/site/build.ts) on the sample university: both editions built from
// buildSiteData, byte-for-byte reproducible, escaped, light, with nothing internal in the public build;
// then, in Chromium, every page type opened, search followed, the pledge figures checked against the
// data, axe-core run on both editions, and phone screenshots taken.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { evaluate } from '../engine/evaluate/evaluate.ts';
import { issueNotices, loadNotices, move, planNotices } from '../engine/notices/ledger.ts';
import { NOTICE_STATUS_MEANING, PROBLEM_TYPE } from '../engine/model/labels.ts';
import { phonesIn } from '../site/src/lib/phones.ts';
import { buildSite } from '../engine/site/build.ts';
import { buildSiteData } from '../engine/site/data.ts';
import type { SiteData, SitePledge } from '../engine/site/types.ts';
import { countsLine, pledgeTag } from '../engine/site/pledge-tag.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { recordSiteBuild } from '../engine/store/site-builds.ts';
import { publishedItems } from '../engine/site/record.ts';
import { validate } from '../engine/validate/run.ts';
import { clauseSlug, slugCollisions } from '../engine/site/slug.ts';
import { iisWebConfig, movedClauses, netlifyRedirects } from '../engine/site/redirects.ts';
import { normaliseSiteUrl, siteUrlOf } from '../engine/site/site-url.ts';
import { favicon } from '../scripts/make-favicon.ts';
import { checkSite } from '../engine/site/check.ts';
import { treeIds } from '../engine/validate/names.ts';
import { charter, ROOT, submitSample } from './helpers.ts';

const SITE = join(ROOT, 'site');
const CHROMIUM = '/usr/bin/chromium';
const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const cal = createCalendar(tree.calendars[0]!.value);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

let dir: string;
let store: Store;
let pub: SiteData;
let int: SiteData;
const out = { pub: '', pub2: '', int: '', esc: '' };
const timings: Record<string, number> = {};
const INJECT = '<script>alert(1)</script>';
/** The data's as-of of the sample's site, as npm start builds it (charter site build --now): July is still running. */
const AS_OF = new Date('2026-07-10T11:00:00+08:00');

/** Every file under dir, as paths relative to it, sorted. */
function walk(d: string, base = d): string[] {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name), base) : [relative(base, join(d, e.name))]))
    .sort();
}

/** A file's text; Pagefind's gzipped index files are decompressed so their words are searched too. */
function textOf(file: string): string {
  const buf = readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) return gunzipSync(buf).toString('utf8');
  return buf.toString('utf8');
}

const anchor = (p: SitePledge): string => `${p.provider.id}~${p.requirement}~${p.limit}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-site-test-'));
  store = openStore(join(dir, 'db.sqlite'));
  for (const status of await submitSample(tree, store, dir)) expect(status).toBe('stored');
  // A few notices, so the internal edition and 整改公示 have content; one moves on to show history.
  for (const [period, at] of [['2026-03', '2026-04-07T09:00'], ['2026-04', '2026-05-07T09:00']] as const) {
    const findings = evaluate({ tree, store, period });
    issueNotices(store, planNotices({ tree, findings, issuedAt: cal.parse(at) }), { tree, actor: '质量监督科' });
  }
  move(store, '2026-001', 'ack', { actor: '张经理（华宇物业）', at: '2026-04-08T10:00:00+08:00' });

  pub = buildSiteData({ tree, store, edition: 'public', asOf: AS_OF });
  int = buildSiteData({ tree, store, edition: 'internal', asOf: AS_OF });
  expect(int.internal!.notices.length).toBeGreaterThan(0);
  expect(pub.rectification.length).toBeGreaterThan(0);

  // Stand-in PDFs where the CLI would have rendered them (out/notices/, out/scorecards/).
  const pdfDir = join(dir, 'pdfs');
  for (const p of [...int.internal!.notices.map((n) => `notices/${n.pdf.split('/').pop()}`), ...int.internal!.scorecards.slice(0, 3).map((s) => `scorecards/${s.pdf.split('/').pop()}`)]) {
    mkdirSync(join(pdfDir, p.split('/')[0]!), { recursive: true });
    writeFileSync(join(pdfDir, p), '%PDF-1.4\n%%EOF\n');
  }

  // The escaping build: a smaller data set (fewer clause pages) with markup in the data.
  const esc = structuredClone(pub);
  esc.clauses = esc.clauses.filter((c) => c.section === '4' || c.document.id === 'office-service-guide');
  const c431 = esc.clauses.find((c) => c.id === '4.3-1')!;
  c431.text = `${INJECT}${c431.text}`;
  esc.pledges[0]!.label = { zh: `<img src=x onerror=alert(2)>${esc.pledges[0]!.label.zh}`, en: '<b>bold</b>' };
  esc.office.window.place = { zh: '"><script>alert(3)</script>', en: '"><script>alert(3)</script>' };
  esc.site_url = null; // issue 14 §4: a build without a configured site address (no sitemap, nothing absolute)

  for (const k of ['pub', 'pub2', 'int', 'esc'] as const) out[k] = join(dir, k);
  let r = await buildSite({ data: pub, outDir: out.pub, quiet: true });
  timings.public = r.ms;
  r = await buildSite({ data: pub, outDir: out.pub2, quiet: true });
  timings.public2 = r.ms;
  r = await buildSite({ data: int, outDir: out.int, pdfDir, quiet: true });
  timings.internal = r.ms;
  await buildSite({ data: esc, outDir: out.esc, quiet: true });
  console.log(`site build: public ${(timings.public / 1000).toFixed(1)} s, again ${(timings.public2 / 1000).toFixed(1)} s, internal ${(timings.internal / 1000).toFixed(1)} s`);
}, 120_000);

afterAll(() => store?.close());

// Issue 12's done-when, read from the evaluation itself: with the term's inspection results submitted and the public
// site's build recorded before the term (as npm start does), at most 10 % of the applicable requirements (every
// finding but not-applicable) end a month not reviewed, and each says why.
describe('the sample term with its inspections and its public site build', () => {
  it('at most 10 % of applicable requirements end a month not reviewed, each with its reason', () => {
    recordSiteBuild(store, { edition: 'public', built_at: '2026-02-23T09:00:00+08:00', out_path: out.pub, data_as_of: pub.generated.as_of || null, standard: pub.generated.standard, items: publishedItems({ tree, data: pub, outDir: out.pub }) });
    for (const m of ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']) {
      const applicable = evaluate({ tree, store, period: m }).findings.filter((x) => x.status !== 'not-applicable');
      const open = applicable.filter((x) => x.status === 'not-reviewed');
      expect(applicable.length, m).toBeGreaterThan(100);
      expect(open.filter((x) => !x.reason_code).map((x) => `${x.provider} ${x.requirement}`), `${m}: not reviewed without a reason`).toEqual([]);
      const reasons: Record<string, number> = {};
      for (const x of open) reasons[x.reason_code!] = (reasons[x.reason_code!] ?? 0) + 1;
      expect(open.length / applicable.length, `${m}: ${open.length} of ${applicable.length} not reviewed ${JSON.stringify(reasons)}`).toBeLessThanOrEqual(0.1);
      expect(reasons['no-site-build'] ?? 0, m).toBe(0);
    }
  });
});

describe('building', () => {
  it('builds every page of both editions', () => {
    for (const o of [out.pub, out.int]) {
      for (const p of ['index.html', 'pledges/index.html', 'processes/index.html', 'standard/index.html', 'services/index.html', 'emergency/index.html', 'rectification/index.html', 'downloads/index.html', 'search/index.html', 'about/index.html', 'complaints/index.html', 'faq/index.html', 'feed.xml'])
        for (const lang of ['', 'en/']) expect(existsSync(join(o, lang, p)), `${o}/${lang}${p}`).toBe(true);
      for (const p of ['404.html', 'pagefind/pagefind.js', 'pagefind/pagefind-ui.js', 'style.css', 'data/site.json']) expect(existsSync(join(o, p)), p).toBe(true);
      for (const c of pub.clauses) expect(existsSync(join(o, 'standard', clauseSlug(c.id), 'index.html')), c.id).toBe(true);
    }
    for (const p of ['internal/index.html', 'internal/findings/index.html', 'internal/notices/index.html', 'internal/scorecards/index.html', 'internal/inspections/index.html', 'internal/inspections/sw.js']) expect(existsSync(join(out.int, p)), p).toBe(true);
    // A phone form for every inspection round of the periods the site covers.
    expect(int.internal!.inspections!.length).toBeGreaterThan(0);
    expect(new Set(int.internal!.inspections!.map((r) => r.period))).toEqual(new Set(int.periods));
    for (const r of int.internal!.inspections!) expect(existsSync(join(out.int, 'internal/inspections', r.id, 'index.html')), r.id).toBe(true);
    // The PDFs the internal edition links to are copied next to it.
    for (const n of int.internal!.notices) expect(existsSync(join(out.int, 'pdf', n.pdf.split('/').pop()!))).toBe(true);
  });

  it('gives Chinese pages lang="zh-CN" and English pages lang="en", with the clause text still marked Chinese', () => {
    expect(readFileSync(join(out.pub, 'pledges/index.html'), 'utf8')).toContain('<html lang="zh-CN"');
    const en = readFileSync(join(out.pub, 'en/standard/4.3-1/index.html'), 'utf8');
    expect(en).toContain('<html lang="en"');
    expect(en).toMatch(/<blockquote class="clause-text" lang="zh-CN"><p>日常维修/);
  });

  it('builds the same bytes from the same inputs', () => {
    const a = walk(out.pub);
    expect(walk(out.pub2)).toEqual(a);
    const differ = a.filter((f) => !readFileSync(join(out.pub, f)).equals(readFileSync(join(out.pub2, f))));
    expect(differ).toEqual([]);
  });

  it('escapes data text: markup in a clause, a label or the office details renders as text', () => {
    const files = walk(out.esc).filter((f) => f.endsWith('.html'));
    const clause = readFileSync(join(out.esc, 'standard/4.3-1/index.html'), 'utf8');
    expect(clause).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const home = readFileSync(join(out.esc, 'index.html'), 'utf8');
    expect(home).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(home).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    for (const f of files) {
      const html = readFileSync(join(out.esc, f), 'utf8');
      expect(html, f).not.toContain('<script>alert');
      expect(html, f).not.toContain('<img src=x');
      expect(html, f).not.toContain('<b>bold</b>');
    }
  });

  it('puts nothing from the internal edition into any file of the public one (Pagefind index included)', () => {
    const files = walk(out.pub);
    expect(files.some((f) => f.startsWith('internal/') || f.startsWith('pdf/'))).toBe(false);
    // A rate over a whole unit (the general office's on-time rate) has the unit's id as its evidence: units are public.
    const publicIds = new Set(tree.registers[0]!.value.providers.map((p) => p.id));
    const secrets = ['后勤督〔', 'WO-2026-', '/internal/', 'notice-2026-', 'scorecard-2026-', '内部版', '不通过的评价结果', '整改通知单登记簿', 'insp-app', 'charter-inspection', ...int.internal!.inspections!.slice(0, 5).map((r) => r.id), ...int.internal!.notices.map((n) => n.number), ...int.internal!.findings.flatMap((f) => f.evidence.map((e) => e.split(' · ')[0]!)).filter((s) => s.length > 4 && !publicIds.has(s))];
    const found: string[] = [];
    for (const f of files) {
      const text = textOf(join(out.pub, f));
      for (const s of secrets) if (text.includes(s)) found.push(`${f}: ${s}`);
    }
    expect(found).toEqual([]);
    // …and the internal edition does have them, so the check above is looking for the right things.
    expect(readFileSync(join(out.int, 'internal/notices/index.html'), 'utf8')).toContain(int.internal!.notices[0]!.number);
  });

  it('keeps every page light: its own HTML plus the CSS it links is at most 100 KB', () => {
    const sizes: [number, string][] = [];
    for (const o of [out.pub, out.int]) {
      for (const f of walk(o).filter((x) => x.endsWith('.html'))) {
        const html = readFileSync(join(o, f), 'utf8');
        const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].reduce((a, m) => a + statSync(join(o, m[1]!)).size, 0);
        sizes.push([Buffer.byteLength(html) + css, `${relative(dir, o)}/${f}`]);
      }
    }
    sizes.sort((a, b) => b[0] - a[0]);
    console.log(`heaviest page: ${sizes[0]![1]} ${(sizes[0]![0] / 1024).toFixed(1)} KB`);
    expect(sizes.filter(([n]) => n > 100 * 1024)).toEqual([]);
  });

  it('publishes every table as CSV and JSON with the data’s rows, and an Atom feed of the changes', () => {
    const csv = readFileSync(join(out.pub, 'data/pledges.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF"服务单位编号","服务单位",')).toBe(true); // Chinese headers (issue 14 §3); the JSON keeps the keys
    expect(csv.trimEnd().split('\r\n').length).toBe(1 + pub.pledges.reduce((a, p) => a + p.periods.length, 0));
    const json = JSON.parse(readFileSync(join(out.pub, 'data/rectification.json'), 'utf8')) as { rows: { count: number }[] };
    expect(json.rows.reduce((a, r) => a + r.count, 0)).toBe(pub.rectification.reduce((a, r) => a + r.count, 0));
    for (const t of ['processes', 'clauses', 'parameters', 'services', 'emergencies', 'changes']) for (const ext of ['csv', 'json']) expect(existsSync(join(out.pub, 'data', `${t}.${ext}`))).toBe(true);
    const feed = readFileSync(join(out.pub, 'feed.xml'), 'utf8');
    expect(feed.startsWith('<?xml')).toBe(true);
    expect(feed.match(/<entry>/g)?.length).toBe(pub.changes.length);
  });
});

const browserTests = existsSync(CHROMIUM);
if (!browserTests) it.skip(`browser tests: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)`, () => {});

describe.runIf(browserTests)('in a browser', () => {
  type Server = { port: number; stop: () => Promise<void> };
  type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;
  let servers: { pub: Server; int: Server };
  let browser: Browser;
  let axeSource: string;
  const base = (s: Server): string => `http://127.0.0.1:${s.port}`;

  beforeAll(async () => {
    const { preview } = await import('astro');
    const { chromium } = await import('playwright-core');
    axeSource = ((await import('axe-core')) as unknown as { default: { source: string } }).default.source;
    // Astro's preview server is a plain static file server (Vite/sirv): what a host would do.
    const serve = async (outDir: string): Promise<Server> => (await preview({ root: SITE, outDir, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } })) as unknown as Server;
    servers = { pub: await serve(out.pub), int: await serve(out.int) };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await servers?.pub.stop();
    await servers?.int.stop();
  });

  // Issue 14 §4: clause folders are slugs (no ':' for Windows/IIS); the old raw and percent-encoded
  // addresses are redirected by the host rules the build writes (a plain static server has no redirects).
  it('serves a clause at its slug, the address the notices’ QR codes print; old addresses are in the redirect rules', async () => {
    const rules = readFileSync(join(out.pub, '_redirects'), 'utf8');
    for (const id of ['nantong-supervision:rectification', '4.3-1', 'office-service-guide:complaint-reply']) {
      const r = await fetch(`${base(servers.pub)}/standard/${clauseSlug(id)}/`);
      expect(r.status, id).toBe(200);
      const html = await r.text();
      expect(html).toContain(`<link rel="canonical" href="https://hq.example.edu.cn/standard/${clauseSlug(id)}/">`);
      expect(html).toContain(pub.clauses.find((c) => c.id === id)!.ref.zh);
      if (id.includes(':')) expect(rules).toContain(`/standard/${encodeURIComponent(id)}/ /standard/${clauseSlug(id)}/ 301`);
    }
  });

  it('shows the pledge table with exactly the data’s numbers', async () => {
    // Issue 14: the latest COMPLETE month (June; July is still running at 10 July), one status tag, and a row
    // that adds up (个案 = 按时 + 超时 + 数据异常 + 不计入); earlier months show the tag and the counts in words.
    const page = await browser.newPage();
    await page.goto(`${base(servers.pub)}/pledges/`);
    const latest = pub.pledge_spans.latest!;
    expect(latest).toBe('2026-06');
    for (const g of pub.providers) {
      const rows = pub.pledges.filter((p) => p.provider.id === g.id);
      const past = [...new Set(rows.flatMap((p) => p.periods.filter((q) => q.complete && q.in_service).map((q) => q.period)))].filter((m) => m !== latest).sort();
      for (const [i, p] of rows.entries()) {
        const q = p.periods.find((x) => x.period === latest)!;
        const row = page.locator(`tr[id="${anchor(p)}"]`);
        const cell = async (k: string): Promise<string> => (await row.locator(`[data-k="${k}"]`).innerText()).trim();
        const blank = q.no_data || !q.in_service;
        expect(await Promise.all(['cases', 'met', 'missed', 'anomaly', 'excluded'].map(cell)), anchor(p)).toEqual(blank ? ['—', '—', '—', '—', '—'] : [q.cases, q.met, q.missed, q.anomaly, q.excluded].map(String));
        expect(await cell('status'), anchor(p)).toBe(pledgeTag(q, p.target, 'zh').text);
        const hist = page.locator(`#provider-${g.id} table.history tbody tr`).nth(i).locator('td');
        expect(await hist.count()).toBe(past.length);
        for (const [j, m] of past.entries()) {
          const x = p.periods.find((y) => y.period === m)!;
          const text = (await hist.nth(j).innerText()).replace(/\s+/g, ' ').trim();
          expect(text.startsWith(pledgeTag(x, p.target, 'zh').text), `${anchor(p)} ${m}: ${text}`).toBe(true);
          if (x.cases > 0 && !x.no_data) expect(text).toContain(countsLine(x, 'zh', true));
        }
      }
    }
    await page.close();
  }, 240_000);

  it('searches in Chinese with Pagefind and follows a result; without JavaScript the page is a form and a list of pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${base(servers.pub)}/search/?q=${encodeURIComponent('维修')}`);
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await page.locator('.pagefind-ui__result').count()).toBeGreaterThan(0);
    const target = await first.getAttribute('href');
    await first.click();
    await page.waitForURL((u) => u.pathname !== '/search/');
    expect(new URL(page.url()).pathname).toBe(target);
    expect(await page.locator('main').innerText()).toContain('维修');
    await page.close();

    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const p2 = await nojs.newPage();
    await p2.goto(`${base(servers.pub)}/search/?q=${encodeURIComponent('维修')}`);
    expect(await p2.locator('form#plain-search input[name="q"]').isVisible()).toBe(true);
    expect(await p2.locator('.sitemap a').count()).toBeGreaterThan(10);
    await nojs.close();
  });

  it('passes axe-core (WCAG 2.1 A/AA) with no serious or critical violation on every page type of both editions', async () => {
    const types = ['', 'pledges/', 'processes/', 'standard/', 'sections/gaoxiao-wuye/4/', `sections/nantong-supervision/${encodeURIComponent('四')}/`, 'standard/4.3-1/', `standard/${clauseSlug('nantong-supervision:rectification')}/`, 'services/', 'emergency/', 'rectification/', 'downloads/', 'search/', 'about/', 'complaints/', 'faq/'];
    const urls = [
      ...['', 'en/'].flatMap((l) => types.map((t) => `${base(servers.pub)}/${l}${t}`)),
      `${base(servers.pub)}/search/?q=${encodeURIComponent('维修')}`,
      `${base(servers.pub)}/en/search/?q=repair`,
      ...['', 'pledges/', 'standard/4.3-1/', 'internal/', 'internal/findings/', 'internal/notices/', 'internal/scorecards/'].map((t) => `${base(servers.int)}/${t}`),
    ];
    const problems: string[] = [];
    const queue = [...urls];
    // A few tabs at once: axe is CPU-bound and the pages are independent.
    const worker = async (): Promise<void> => {
      const page = await browser.newPage();
      for (let url = queue.shift(); url; url = queue.shift()) {
        const r = await page.goto(url);
        expect(r?.status(), url).toBe(200);
        expect(await page.locator('h1').count(), url).toBe(1);
        if (url.includes('?q=')) await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 10_000 });
        await page.addScriptTag({ content: axeSource });
        const v = (await page.evaluate(() => {
          const g = globalThis as unknown as { document: unknown; axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
          return g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        })).violations;
        for (const x of v) if (x.impact === 'serious' || x.impact === 'critical') problems.push(`${url} ${x.id} (${x.impact}) ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(problems).toEqual([]);
  }, 240_000);

  it('takes phone-sized screenshots of the home and pledge pages', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'charter-site-shots-'));
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    for (const [name, path] of [['home', '/'], ['pledges', '/pledges/'], ['pledges-internal', '/internal/notices/']] as const) {
      await page.goto(`${base(name.endsWith('internal') ? servers.int : servers.pub)}${path}`);
      const file = join(shots, `${name}-390x844.png`);
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeGreaterThan(10_000);
    }
    // No sideways scrolling of the page itself on a phone: wide tables scroll inside their own region.
    await page.goto(`${base(servers.pub)}/pledges/`);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
    console.log(`screenshots: ${shots}`);
  });

  // Issue 14: each area's browser tests in its own block (servers, browser and base() are in scope).
  // ── browser: pledges ──
  it('pledge rows add up against the data, read from the page (个案 = 按时 + 超时 + 数据异常 + 不计入)', async () => {
    const page = await browser.newPage();
    await page.goto(`${base(servers.pub)}/pledges/`);
    const rows = await page.locator('table.pledges tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const v = (k: string): string => ((tr as unknown as { querySelector(s: string): { textContent: string } | null }).querySelector(`[data-k="${k}"]`)?.textContent ?? '').trim();
        return { id: (tr as unknown as { id: string }).id, cases: v('cases'), met: v('met'), missed: v('missed'), anomaly: v('anomaly'), excluded: v('excluded') };
      }),
    );
    expect(rows.length).toBe(pub.pledges.length);
    let checked = 0;
    for (const r of rows) {
      const p = pub.pledges.find((x) => anchor(x) === r.id)!;
      const q = p.periods.find((x) => x.period === pub.pledge_spans.latest)!;
      if (r.cases === '—') {
        expect(q.no_data || !q.in_service, r.id).toBe(true);
        continue;
      }
      const [cases, met, missed, anomaly, excluded] = [r.cases, r.met, r.missed, r.anomaly, r.excluded].map(Number) as [number, number, number, number, number];
      expect(cases, r.id).toBe(met + missed + anomaly + excluded);
      expect([cases, met, missed, anomaly, excluded], r.id).toEqual([q.cases, q.met, q.missed, q.anomaly, q.excluded]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // The totals' and earlier months' lines add up too.
    const lines = await page.locator('table.totals td .sub, table.history td .sub').allInnerTexts();
    expect(lines.length).toBeGreaterThan(100);
    for (const l of lines) {
      const m = /^个案 (\d+)：(.*)$/.exec(l.trim());
      expect(m, l).not.toBeNull();
      const sum = [...m![2]!.matchAll(/(?:按时|超时|数据异常|不计入) (\d+)/g)].reduce((a, x) => a + Number(x[1]), 0);
      expect(sum, l).toBe(Number(m![1]));
    }
    await page.close();
  }, 240_000);

  it('a 390-px pledge page shows every status, in view, without horizontal scroll; a desktop keeps the table', async () => {
    const tags = ['达成', '无个案', '数据不足', '暂无数据', '不在服务期'];
    for (const [w, cards] of [[390, true], [1280, false]] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: 844 }, deviceScaleFactor: 1 });
      for (const path of ['/pledges/', '/en/pledges/']) {
        await page.goto(`${base(servers.pub)}${path}`);
        expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth), `${path} ${w}`).toBeLessThanOrEqual(w);
        // Every status tag, measured in one go: shown, inside the viewport, one of the tags.
        const boxes = await page.locator('table.pledges td[data-k="status"] .tag').evaluateAll((els) =>
          els.map((e) => {
            const r = (e as unknown as { getBoundingClientRect(): { x: number; width: number } }).getBoundingClientRect();
            return { x: r.x, width: r.width, text: (e as unknown as { textContent: string }).textContent.trim() };
          }),
        );
        expect(boxes.length).toBe(pub.pledges.length);
        for (const [i, b] of boxes.entries()) {
          expect(b.width, `${path} ${w} #${i}`).toBeGreaterThan(0);
          expect(b.x + b.width, `${path} ${w} #${i}`).toBeLessThanOrEqual(w);
          if (path === '/pledges/') expect(tags.includes(b.text) || /^未达成 \d+ 宗$/.test(b.text), b.text).toBe(true);
        }
        // A card puts the status first: above the pledge's name. On a desktop it is a table cell beside it.
        const first = page.locator('table.pledges tbody tr').first();
        const [tag, name] = [(await first.locator('td[data-k="status"]').boundingBox())!, (await first.locator('th').boundingBox())!];
        expect(tag.y < name.y, `${path} ${w}`).toBe(cards);
        expect(await first.evaluate((tr) => (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(tr).display)).toBe(cards ? 'flex' : 'table-row');
      }
      await page.close();
    }
  }, 240_000);

  it('shows the same status tags on the home page, never a bare ratio', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base(servers.pub)}/`);
    const cells = page.locator('table.glance td[data-glance]');
    expect(await cells.count()).toBe(pub.pledges.length);
    for (const p of pub.pledges) {
      const q = p.periods.find((x) => x.period === pub.pledge_spans.latest)!;
      const cell = page.locator(`table.glance td[data-glance="${anchor(p)}"]`);
      expect((await cell.locator('.tag').innerText()).trim(), anchor(p)).toBe(q.in_service ? pledgeTag(q, p.target, 'zh').text : '不在服务期');
    }
    const text = await page.locator('table.glance').innerText();
    expect(text).not.toMatch(/\b\d+\/\d+\b/);
    expect(text).toContain('统计期间 2026年6月1日—30日');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, 240_000);
  // ── end browser: pledges ──
  // ── browser: words ──
  it('shows a Traditional plan’s clause in Simplified with the verbatim original one click away', async () => {
    const c = pub.clauses.find((x) => x.id === 'office-service-guide:suggestion-box')!;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const r = await page.goto(`${base(servers.pub)}${wordsClauseUrl(c.id)}`);
    expect(r?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toContain(c.ref.zh);
    expect(await page.locator('blockquote.clause-text').innerText()).toBe(c.display);
    const original = page.locator('details.clause-original [lang="zh-Hant"]');
    expect(await original.isVisible()).toBe(false);
    await page.locator('details.clause-original summary').click();
    expect(await original.isVisible()).toBe(true);
    expect(await original.innerText()).toBe(c.text);
    await page.close();
  });
  // ── end browser: words ──
  // ── browser: acts ──
  it('acts: the emergency page’s numbers are tel: links that stay on one line at 390 px; the dictionary passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base(servers.pub)}/emergency/`);
    const links = page.locator('main a[href^="tel:"]');
    expect(await links.count()).toBeGreaterThanOrEqual(pub.emergencies.length);
    const first = page.locator('main a[href="tel:110"]').first();
    expect(await first.innerText()).toBe('110');
    for (let i = 0; i < (await links.count()); i++) {
      const a = links.nth(i);
      // One line box per link: a number is never broken across lines.
      const lines = await a.evaluate((e) => (e as unknown as { getClientRects(): { length: number } }).getClientRects().length);
      expect(lines, await a.innerText()).toBe(1);
      expect(await a.evaluate((e) => (globalThis as unknown as { getComputedStyle(x: unknown): { whiteSpace: string } }).getComputedStyle(e).whiteSpace)).toBe('nowrap');
    }
    // The hotline link dials the hotline's digits.
    expect(await page.locator(`main a[href="tel:${pub.office.hotline.replace(/\D/g, '')}"]`).count()).toBeGreaterThan(0);
    await page.close();

    const p2 = await browser.newPage();
    for (const url of [`${base(servers.pub)}/dictionary/`, `${base(servers.pub)}/en/dictionary/`, `${base(servers.pub)}/rectification/`, `${base(servers.int)}/internal/notices/`]) {
      const r = await p2.goto(url);
      expect(r?.status(), url).toBe(200);
      await p2.addScriptTag({ content: axeSource });
      const v = (await p2.evaluate(() => {
        const g = globalThis as unknown as { document: unknown; axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } };
        return g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      })).violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
      expect(v.map((x) => x.id), url).toEqual([]);
    }
    // From the downloads page to the dictionary entry of a table.
    await p2.goto(`${base(servers.pub)}/downloads/`);
    await p2.locator('a[href="/dictionary/"]').first().click();
    await p2.waitForURL((u) => u.pathname === '/dictionary/');
    expect(await p2.locator('#t-pledges').count()).toBe(1);
    await p2.close();
  }, 60_000);
  // ── end browser: acts ──
  // ── browser: find ──
  it('finds 整改公示 first for a Chinese search of 整改公示, 复查销号 or 整改通知单, on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const shots = mkdtempSync(join(tmpdir(), 'charter-find-'));
    for (const q of ['整改公示', '复查销号', '整改通知单']) {
      await page.goto(`${base(servers.pub)}/search/?q=${encodeURIComponent(q)}`);
      const first = page.locator('.pagefind-ui__result-link').first();
      await first.waitFor({ timeout: 10_000 });
      expect(await first.getAttribute('href'), q).toBe('/rectification/');
      // The search words that rank it are not shown as a reader's text.
      expect(await page.locator('.pagefind-ui__result-tags').first().isVisible()).toBe(false);
      // No sideways scrolling of the results on a phone.
      expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(shots, `search-${q}-390.png`) });
    }
    await page.locator('.pagefind-ui__result-link').first().click();
    await page.waitForURL((u) => u.pathname === '/rectification/');
    expect(await page.locator('h1').innerText()).toBe('整改公示');
    await page.close();
    console.log(`search screenshots: ${shots}`);
  }, 90_000);

  it('prints a page on A4 without the header and navigation, rows never split and captions kept with their table', async () => {
    const page = await browser.newPage();
    await page.goto(`${base(servers.pub)}/pledges/`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 841\.?\d*\]/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const styles = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { querySelector: (s: string) => unknown }; getComputedStyle: (e: unknown) => Record<string, string> };
      const cs = (sel: string, prop: string): string => g.getComputedStyle(g.document.querySelector(sel))[prop]!;
      return { row: cs('main tbody tr', 'breakInside'), caption: cs('main caption', 'breakAfter'), head: cs('main thead', 'display'), first: cs('main tbody > tr:first-child', 'breakBefore') };
    });
    expect(styles).toEqual({ row: 'avoid', caption: 'avoid', head: 'table-header-group', first: 'avoid' });
    await page.close();
  }, 60_000);
  // ── end browser: find ──
  // ── browser: changes ──
  it('changes: the clause page gives each provider its value and links the 变更记录 page, which links back; no sideways scroll; axe-clean; screenshots', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'charter-site-changes-'));
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await page.goto(`${base(servers.pub)}/standard/4.3-1/`);
    const huayu = (await page.locator('.cv-providers li', { hasText: '华宇物业服务有限公司' }).innerText()).replace(/\s+/g, ' ');
    expect(huayu).toMatch(/^华宇物业服务有限公司：45 分钟/);
    expect(huayu).toContain('2026年9月7日起为 30 分钟');
    const scroll = () => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(await scroll()).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: '全部变更记录' }).click();
    await page.waitForURL((u) => u.pathname === '/changes/');
    expect(await scroll()).toBeLessThanOrEqual(390);
    const day = page.locator('section#d2026-09-07');
    expect(await day.locator('h2').innerText()).toContain('2026年9月7日');
    await day.getByRole('link', { name: /第4\.3条第1项/ }).click();
    await page.waitForURL((u) => u.pathname === '/standard/4.3-1/');
    for (const [w, h] of [[390, 844], [1280, 900]] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const path of ['standard/4.3-1/', 'changes/', 'en/standard/4.3-1/', 'en/changes/']) {
        await page.goto(`${base(servers.pub)}/${path}`);
        const file = join(shots, `${path.replace(/\W+/g, '-')}${w}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    }
    const problems: string[] = [];
    for (const path of ['changes/', 'en/changes/']) {
      await page.goto(`${base(servers.pub)}/${path}`);
      await page.addScriptTag({ content: axeSource });
      const v = (await page.evaluate(() => {
        const g = globalThis as unknown as { document: unknown; axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } };
        return g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      })).violations;
      for (const x of v) if (x.impact === 'serious' || x.impact === 'critical') problems.push(`${path} ${x.id}`);
    }
    expect(problems).toEqual([]);
    await page.close();
    console.log(`changes screenshots: ${shots}`);
  }, 60_000);
  // ── end browser: changes ──
  // ── browser: check ──
  // ── end browser: check ──
});

// Issue 14: each area's build-output tests in its own block (out.pub, out.int, pub, int are in scope).
// ── pledges ──
describe('pledges (issue 14 §1)', () => {
  it('every row of every period adds up, and matches the evaluation’s own counters', () => {
    const byPeriod = new Map(pub.periods.map((m) => [m, evaluate({ tree, store, period: m, ...(m === '2026-07' ? { asOf: AS_OF } : {}) })]));
    let rows = 0;
    for (const p of pub.pledges) {
      for (const q of p.periods) {
        expect(q.cases, `${anchor(p)} ${q.period}`).toBe(q.met + q.missed + q.anomaly + q.excluded);
        expect(q.n).toBe(q.met + q.missed + q.anomaly);
        const e = byPeriod.get(q.period)!.pledges.find((x) => x.requirement === p.requirement && x.limit === p.limit && x.provider === p.provider.id);
        if (!e) {
          expect(q.cases, `${anchor(p)} ${q.period}`).toBe(0);
          continue;
        }
        // The evaluation's n counts the judged cases; invalid ones are the anomalies; excluded and pending stand apart.
        expect([q.n, q.met, q.missed, q.open_breached, q.anomaly, q.excluded, q.pending], `${anchor(p)} ${q.period}`).toEqual([e.n, e.met, e.missed, e.open_breached, e.invalid, e.excluded, e.open_pending]);
        rows++;
      }
      for (const t of [p.term, p.year]) {
        if (!t) continue;
        const ms = p.periods.filter((q) => t.months.includes(q.period));
        expect(t.cases).toBe(ms.reduce((a, q) => a + q.cases, 0));
        expect(t.cases).toBe(t.met + t.missed + t.anomaly + t.excluded);
      }
    }
    expect(rows).toBeGreaterThan(100);
    expect(pub.pledges.some((p) => p.periods.some((q) => q.anomaly > 0)), 'the sample has a data anomaly').toBe(true);
  });

  it('reports the latest complete month, the spring term and the year to date, with each provider’s service period', () => {
    expect(pub.pledge_spans).toMatchObject({ latest: '2026-06', incomplete: ['2026-07'], term: { name: { zh: '2025—2026学年第二学期' }, months: ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] } });
    const page = readFileSync(join(out.pub, 'pledges/index.html'), 'utf8');
    const html = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    expect(html).toContain('统计期间 2026年6月1日—30日');
    expect(html).toContain('服务期：2026年2月23日—7月3日');
    expect(html).toContain('2026年7月尚未结束，暂不公布结果');
    expect(html).toContain('本学期（2025—2026学年第二学期）');
    expect(html).toContain('2026年累计');
    expect(html).not.toMatch(/>\s*\d+\/\d+\s*</);
    expect(html).not.toContain('2026-06');
  });
});
// ── end pledges ──
// ── words ──
/** A clause page's URL path: the safe slug once clause URLs have one (no ':'), else the raw id. */
function wordsClauseUrl(id: string): string {
  const slug = id.replace(/:/g, '--');
  return existsSync(join(out.pub, 'standard', slug, 'index.html')) ? `/standard/${encodeURIComponent(slug)}/` : `/standard/${encodeURIComponent(id)}/`;
}
const wordsPage = (o: string, url: string): string => readFileSync(join(o, decodeURIComponent(url), 'index.html'), 'utf8');

describe('plain Chinese (issue 14 §2)', () => {
  it('shows no Traditional character outside lang="zh-Hant" on the office service guide’s section page and clause page, and keeps each original one click away', async () => {
    const { pageText } = await import('../engine/site/check.ts');
    const { traditionalChars } = await import('../engine/site/chinese.ts');
    const guide = pub.clauses.filter((c) => c.document.id === 'office-service-guide');
    expect(guide.every((c) => c.lang === 'zh-Hant')).toBe(true);
    expect(pub.clauses.filter((c) => c.document.id === 'gaoxiao-wuye').every((c) => c.lang === 'zh-Hans' && c.display === c.text)).toBe(true);
    const section = `/sections/office-service-guide/${encodeURIComponent('二')}/`;
    const clause = wordsClauseUrl('office-service-guide:complaint-reply');
    for (const lang of ['', 'en/']) {
      for (const url of [section, clause]) {
        const html = wordsPage(out.pub, `/${lang}${url.slice(1)}`);
        const text = pageText(html).text;
        expect(traditionalChars(text).map((x) => x.char).join(''), `${lang}${url}`).toBe('');
        // Every converted text on the page has its original, verbatim, in a <details> marked zh-Hant.
        const esc = (x: string): string => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const shown = guide.filter((c) => c.display !== c.text && (html.includes(`<p class="clause-text" lang="zh-CN">${esc(c.display)}</p>`) || html.includes(`<blockquote class="clause-text" lang="zh-CN"><p>${esc(c.display)}</p>`)));
        expect(shown.length, `${lang}${url}`).toBeGreaterThan(0);
        for (const c of shown) expect(html, `${lang}${url} ${c.id}`).toContain(`<p lang="zh-Hant">${esc(c.text)}</p>`);
        expect(html).toMatch(/<details class="clause-original"[^>]*><summary>/);
      }
    }
    // The clause is titled by its official reference, never its id.
    const c = pub.clauses.find((x) => x.id === 'office-service-guide:complaint-reply')!;
    expect(c.ref.zh).toBe('《学校综合办公室服务指南》二、（二）2.（2）');
    // Title, breadcrumb and facts (parent clause) name clauses in words (the parameter and history sections are the changes area's).
    const html = wordsPage(out.pub, clause);
    const top = html.slice(html.indexOf('<h1'), html.indexOf('</dl>'));
    expect(top).toContain(c.ref.zh);
    expect(pageText(top).text).not.toContain('office-service-guide:');
    expect(pub.clauses.find((x) => x.id === '4.3-1')!.ref).toEqual({ zh: '第4.3条第1项', en: 'Clause 4.3 item 1' });
  });

  it('says on every page when its data was last updated, and the footer’s provenance in words with the hashes on the about page', async () => {
    const updatedZh = /数据更新时间：<time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}<\/time>/;
    for (const f of walk(out.pub).filter((x) => x.endsWith('.html') && !x.startsWith('pagefind'))) {
      const html = readFileSync(join(out.pub, f), 'utf8');
      if (f.startsWith('en/')) expect(html, f).toMatch(/Data last updated: <time datetime="[^"]+">\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}<\/time>/);
      else expect(html, f).toMatch(updatedZh);
    }
    const home = readFileSync(join(out.pub, 'index.html'), 'utf8');
    const footer = home.slice(home.indexOf('<footer'));
    expect(footer).not.toContain(pub.generated.data_sha256);
    expect(footer).not.toContain('gaoxiao-wuye');
    expect(footer).not.toContain('chinese-days');
    const { pageText } = await import('../engine/site/check.ts');
    const line = pageText(footer).text.split('\n').find((l) => l.startsWith('数据更新至'))!;
    expect(line).toMatch(/^数据更新至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · 依据《高等学校物业服务规范》（本校编码第 [\d.]+ 版） · 节假日按国务院办公厅\d{4}(—\d{4})?年安排 · 公开版 · 数据来源和校验值$/);
    for (const about of ['about/index.html', 'en/about/index.html']) {
      const html = readFileSync(join(out.pub, about), 'utf8');
      expect(html, about).toContain(pub.generated.data_sha256);
      expect(html, about).toContain('id="provenance"');
    }
  });
});
// ── end words ──
// ── acts ──
describe('acts: phone numbers, 整改公示, downloads and the internal edition in words', () => {
  const html = (o: string, p: string): string => readFileSync(join(o, p), 'utf8');
  /** The page's text outside tel: links and tags: what a reader sees that is not tappable. */
  const untappable = (page: string): string[] => {
    const main = page.slice(page.indexOf('<body'));
    const text = main.replace(/<a [^>]*href="tel:[^"]*"[^>]*>[^<]*<\/a>/g, ' ').replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
    return phonesIn(text);
  };

  it('every phone number on the home, emergency, complaints pages and in the footer is a tel: link', () => {
    for (const lang of ['', 'en/']) {
      for (const p of ['index.html', 'emergency/index.html', 'complaints/index.html', 'rectification/index.html']) {
        const page = html(out.pub, `${lang}${p}`);
        expect(untappable(page), `${lang}${p}`).toEqual([]);
        expect(page, `${lang}${p}`).toContain(`href="tel:${pub.office.hotline.replace(/\D/g, '')}"`);
      }
    }
    // Every contact in the data with a number links it, in the table of the emergency page.
    const em = html(out.pub, 'emergency/index.html');
    for (const e of pub.emergencies) for (const n of phonesIn(e.contact.zh)) expect(em, n).toContain(`class="tel">${n}</a>`);
  });

  it('整改公示: per provider and problem type, with 状态截至 and what each status means; no notice number or person', () => {
    const page = html(out.pub, 'rectification/index.html');
    const r = pub.rectification_detail;
    expect(r.providers.length).toBeGreaterThan(0);
    for (const p of r.providers) expect(page).toContain(p.name);
    // The problems counted are the problems on the notices that were not voided.
    const notices = loadNotices(store);
    const voided = new Set(notices.filter((n) => n.status === 'voided').map((n) => n.number));
    expect(r.providers.reduce((a, p) => a + p.problems.reduce((b, x) => b + x.count, 0), 0)).toBe(notices.filter((n) => !voided.has(n.number)).reduce((a, n) => a + n.doc.problems.length, 0));
    expect(r.providers.reduce((a, p) => a + p.notices.reduce((b, x) => b + x.count, 0), 0)).toBe(notices.length);
    expect(page).toContain('状态截至');
    expect(page).toContain(PROBLEM_TYPE.timeliness!.zh);
    expect(page).toContain('启动问责程序');
    expect(page).toContain(NOTICE_STATUS_MEANING.escalated!.zh);
    for (const n of notices) expect(page).not.toContain(n.number);
    expect(page).not.toContain('张经理');
    const csv = readFileSync(join(out.pub, 'data/rectification-problems.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF"服务单位编号","服务单位","问题类型编号"')).toBe(true);
  });

  it('the statuses are current to the build time: the ledger’s rules applied as of now, the ledger itself unchanged', () => {
    const before = loadNotices(store).map((n) => `${n.number}:${n.status}:${n.events.length}`);
    // Without a build time the page shows the ledger as recorded and says as of its latest entry.
    const plain = buildSiteData({ tree, store, edition: 'public', periods: ['2026-04'] });
    expect(plain.rectification_detail.basis).toBe('ledger');
    expect(plain.rectification_detail.as_of).toBe(loadNotices(store).flatMap((n) => n.events.map((e) => e.at)).sort().at(-1));
    expect(plain.rectification.some((x) => x.status === 'escalated')).toBe(false);
    // The site's build (asOf, charter site build --now) sets the time the statuses hold at.
    expect(pub.rectification_detail.basis).toBe('build');
    expect(new Date(pub.rectification_detail.as_of).getTime()).toBe(AS_OF.getTime());
    // Two months after the last deadline, every notice not reported is escalated (more than 5 working days late).
    const now = '2026-07-10T11:00:00+08:00';
    const d = buildSiteData({ tree, store, edition: 'public', periods: ['2026-04'], now });
    expect(d.rectification_detail).toMatchObject({ basis: 'build', as_of: now });
    expect(d.rectification_detail.moved).toBeGreaterThan(0);
    expect(d.rectification.filter((x) => x.status !== 'escalated')).toEqual([]);
    // In the last minute of the first deadline's day nothing has moved yet (the deadline runs to 24:00).
    const first = `${loadNotices(store).map((n) => n.deadline).sort()[0]!}T23:59:00+08:00`;
    const early = buildSiteData({ tree, store, edition: 'public', periods: ['2026-04'], now: first });
    expect(early.rectification_detail.moved).toBe(0);
    // As of a time before the second batch was issued, only the first batch exists.
    expect(early.rectification.reduce((a, x) => a + x.count, 0)).toBe(loadNotices(store).filter((n) => n.issued_at <= first).length);
    expect(early.rectification.reduce((a, x) => a + x.count, 0)).toBeLessThan(loadNotices(store).length);
    // A site build is a read: the register is as it was.
    expect(loadNotices(store).map((n) => `${n.number}:${n.status}:${n.events.length}`)).toEqual(before);
    // The internal register marks what the rules moved on and the ledger has yet to record.
    const i = buildSiteData({ tree, store, edition: 'internal', periods: ['2026-04'], now });
    expect(i.internal!.notices.every((n) => n.status_by_rule === '已启动问责')).toBe(true);
  });

  it('downloads: Chinese CSV headers, months as text, a dictionary in the JSON and on the dictionary page; every linked file exists', () => {
    const dict = html(out.pub, 'dictionary/index.html');
    const names = readdirSync(join(out.pub, 'data')).filter((f) => f.endsWith('.json') && f !== 'site.json');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const f of names) {
      const j = JSON.parse(readFileSync(join(out.pub, 'data', f), 'utf8')) as { columns: { key: string; zh: string; about: { zh: string } }[]; rows: Record<string, unknown>[] };
      const csv = readFileSync(join(out.pub, 'data', f.replace(/\.json$/, '.csv')), 'utf8');
      const header = csv.slice(1, csv.indexOf('\r\n'));
      expect(header, f).toBe(j.columns.map((c) => `"${c.zh}"`).join(','));
      // Every header has a Chinese character (a reader's word, not a key).
      for (const c of j.columns) expect(c.zh, `${f} ${c.key}`).toMatch(/[\u4e00-\u9fff]/);
      for (const r of j.rows) expect(Object.keys(r).sort(), f).toEqual(j.columns.map((c) => c.key).sort());
      // No cell Excel would read as a month-date (2026-07) or a year-month in Chinese (2026年7月 alone).
      for (const line of csv.split('\r\n').slice(1)) for (const cell of line.split('","')) expect(cell.replace(/^"|"$/g, ''), `${f}: ${line.slice(0, 80)}`).not.toMatch(/^(\d{4}-\d{2}|\d{4}年\d{1,2}月)$/);
      // The dictionary page lists every column of every file.
      expect(dict, f).toContain(`id="t-${f.replace(/\.json$/, '')}"`);
      for (const c of j.columns) expect(dict, `${f} ${c.key}`).toContain(`>${c.zh}</th>`);
    }
    expect(readFileSync(join(out.pub, 'data/pledges.csv'), 'utf8')).toContain('"2026年7月1日—31日"');
    // Code columns carry their words in the JSON's column list; yes/no columns read 是/否 in the CSV.
    const pj = JSON.parse(readFileSync(join(out.pub, 'data/pledges.json'), 'utf8')) as { columns: { key: string; codes?: Record<string, { zh: string }> }[] };
    expect(pj.columns.find((c) => c.key === 'no_data')!.codes!.true!.zh).toBe('是');
    expect(readFileSync(join(out.pub, 'data/pledges.csv'), 'utf8')).not.toMatch(/"(true|false)"/);
    const down = html(out.pub, 'downloads/index.html');
    expect(down).toContain('href="/data/site.json"');
    expect(down).toContain('href="/dictionary/"');
  });

  it('every href and src in both builds resolves to a file of the build', () => {
    for (const o of [out.pub, out.int]) {
      const missing = new Set<string>();
      for (const f of walk(o).filter((x) => x.endsWith('.html'))) {
        const page = readFileSync(join(o, f), 'utf8');
        for (const m of page.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
          const u = m[1]!.replace(/&amp;/g, '&');
          if (/^(https?:|mailto:|tel:|data:|#|javascript:)/.test(u)) continue;
          let path = u.split('#')[0]!.split('?')[0]!;
          if (!path) continue;
          path = decodeURIComponent(path.startsWith('/') ? path.slice(1) : join(f, '..', path));
          const target = path === '' || path.endsWith('/') ? join(path, 'index.html') : path;
          if (!existsSync(join(o, target)) && !existsSync(join(o, target, 'index.html'))) missing.add(`${f} → ${u}`);
        }
      }
      expect([...missing].slice(0, 20), o).toEqual([]);
    }
  });

  it('the internal edition speaks: evidence in words beside the official reference, local times, handlers in words, drafts marked', () => {
    const f = html(out.int, 'internal/findings/index.html');
    const x = int.internal!;
    expect(x.findings.length).toBeGreaterThan(0);
    for (const r of x.findings.slice(0, 20)) {
      expect(f).toContain(r.ref);
      expect(r.ref).not.toBe(r.requirement);
    }
    expect(x.findings.filter((r) => r.words).length).toBe(x.findings.length);
    const n = html(out.int, 'internal/notices/index.html');
    // The text a reader sees (a <time datetime> attribute may keep the ISO form for machines).
    const main = n.slice(n.indexOf('<main'), n.indexOf('</main>')).replace(/<[^>]+>/g, ' ');
    expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(main).not.toMatch(/charter \(rule/);
    for (const code of ['acknowledged', 'issued', 'escalated', 'overdue', 'verification-failed']) expect(main).not.toMatch(new RegExp(`\\s${code}\\s`));
    expect(main).toContain('签收');
    expect(main).toContain('张经理（华宇物业）');
    expect(main).toContain('4月8日 10:00');
    const s = html(out.int, 'internal/scorecards/index.html');
    const drafts = x.scorecards.filter((c) => c.total === null);
    if (drafts.length) expect(s).toContain('class="tag provisional"');
    expect((s.match(/暂不评定（待补数据）<\/span>/g) ?? []).length).toBe(drafts.length);
  });
});
// ── end acts ──
// ── find ──
// Issue 14 §4, findable and shareable: safe paths, sitemap, robots, favicon, descriptions, canonical and
// Open Graph tags from the configured site address (public_site in standards/school/notices.yaml).
describe('findable and shareable', () => {
  const SITE_URL = 'https://hq.example.edu.cn/';
  const head = (html: string): string => html.slice(0, html.indexOf('</head>'));
  const metaContent = (html: string, attr: string, name: string): string | undefined => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(head(html))?.[1];

  it('maps every clause id to a slug Windows and IIS accept, and reports two ids that would share one (CH436)', () => {
    expect(clauseSlug('nantong-supervision:rectification')).toBe('nantong-supervision--rectification');
    expect(clauseSlug('4.3-1')).toBe('4.3-1');
    expect(clauseSlug('4.3.')).toBe('4.3-');
    expect(clauseSlug('con')).toBe('con-');
    expect(clauseSlug('a<b>c"d|e?f*g\\h/i')).toBe('a-b-c-d-e-f-g-h-i');
    expect(slugCollisions(['x:a--b', 'x:a:b', 'x:c'])).toEqual([['x--a--b', ['x:a--b', 'x:a:b']]]);
    // The shipped tree: every id its own slug, none refused by Windows.
    const ids = tree.requirements.map((r) => r.value.id);
    expect(slugCollisions(ids)).toEqual([]);
    for (const id of ids) expect(clauseSlug(id), id).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|[. ]$/);
    const bad = validate({ paths: [join(ROOT, 'test/fixtures/errors/CH436-clause-slug-collision.yaml')], contextDir: join(ROOT, 'standards'), cwd: ROOT }).diagnostics.filter((d) => d.code === 'CH436');
    expect(bad.map((d) => [d.args.id, d.args.other, d.args.slug])).toEqual([['fixture:a--b', 'fixture:a:b', 'fixture--a--b']]);
  });

  it('has no character Windows or IIS refuses in any file or folder name of either edition', () => {
    for (const o of [out.pub, out.int, out.esc]) {
      const names = walk(o).flatMap((f) => f.split('/'));
      expect(names.filter((n) => /[<>:"\\|?*\u0000-\u001f]/.test(n) || /[. ]$/.test(n)), o).toEqual([]);
    }
  });

  it('writes the redirect rules for the old clause addresses (raw id and percent-encoded, both languages)', () => {
    const moved = movedClauses(pub.clauses.map((c) => c.id));
    expect(moved.length).toBe(pub.clauses.filter((c) => c.id.includes(':')).length);
    expect(moved.length).toBeGreaterThan(0);
    const rules = readFileSync(join(out.pub, '_redirects'), 'utf8');
    expect(rules).toBe(netlifyRedirects(pub.clauses.map((c) => c.id)));
    const config = readFileSync(join(out.pub, 'web.config'), 'utf8');
    expect(config).toBe(iisWebConfig(pub.clauses.map((c) => c.id)));
    for (const { id, slug } of moved) {
      for (const from of [`/standard/${encodeURIComponent(id)}/`, `/standard/${id}/`, `/en/standard/${encodeURIComponent(id)}/`]) expect(rules).toContain(`${from} ${from.startsWith('/en/') ? '/en' : ''}/standard/${slug}/ 301`);
      expect(config).toContain(`<add key="${id}" value="${slug}" />`);
      expect(existsSync(join(out.pub, 'standard', slug, 'index.html')), slug).toBe(true);
    }
    // Ids without ':' keep their address and need no rule.
    expect(rules).not.toContain('/standard/4.3-1/ ');
    expect(config).toContain('<match url="^(en/)?standard/([^/]+)/?$" />');
  });

  it('takes the site address from public_site, or --site-url, and refuses one that is not a web address', () => {
    expect(pub.site_url).toBe(SITE_URL);
    expect(siteUrlOf(tree)).toBe(SITE_URL);
    expect(siteUrlOf(tree, 'https://example.org/charter')).toBe('https://example.org/charter/');
    expect(siteUrlOf({ ...tree, noticeConfigs: [] })).toBeNull();
    for (const bad of ['ftp://x/', 'hq.example.edu.cn', 'https://x/?a=1', '']) expect(normaliseSiteUrl(bad), bad).toBeUndefined();
    // On the command line: refused before anything is built (CH438, exit 2).
    const r = charter(['site', 'build', '--site-url', 'hq.example.edu.cn', '--out', join(dir, 'never'), '--db', join(dir, 'db.sqlite'), '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['CH438']);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('publishes robots.txt with the sitemap’s absolute address, and a sitemap of every public page but the 404', () => {
    expect(readFileSync(join(out.pub, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}sitemap.xml\n`);
    const map = readFileSync(join(out.pub, 'sitemap.xml'), 'utf8');
    expect(map).toContain('<urlset');
    const locs = [...map.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const pages = walk(out.pub).filter((f) => f.endsWith('index.html')).map((f) => `${SITE_URL}${encodeURI(f.replace(/index\.html$/, ''))}`);
    expect(new Set(locs)).toEqual(new Set(pages));
    expect(locs).toContain(`${SITE_URL}rectification/`);
    expect(locs).toContain(`${SITE_URL}standard/nantong-supervision--rectification/`);
    expect(map).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${SITE_URL}en/rectification/"/>`);
    expect(existsSync(join(out.pub, 'sitemap-index.xml'))).toBe(false);
    // The internal edition: no sitemap, every crawler turned away (and noindex on every page).
    expect(existsSync(join(out.int, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(out.int, 'robots.txt'), 'utf8')).toMatch(/User-agent: \*\nDisallow: \/\n$/);
    expect(readFileSync(join(out.int, 'pledges/index.html'), 'utf8')).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('ships a real favicon.ico beside the SVG, linked from every page', () => {
    const ico = readFileSync(join(out.pub, 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // ICO header: reserved, type icon
    const n = ico.readUInt16LE(4);
    const sizes = Array.from({ length: n }, (_, i) => ico.readUInt8(6 + 16 * i));
    expect(sizes).toEqual(expect.arrayContaining([16, 32]));
    for (let i = 0; i < n; i++) expect(ico.readUInt32LE(6 + 16 * i + 8) + ico.readUInt32LE(6 + 16 * i + 12)).toBeLessThanOrEqual(ico.length);
    expect(existsSync(join(out.pub, 'favicon.svg'))).toBe(true);
    // Generated from the SVG's drawing by scripts/make-favicon.ts: stale if the script changed without a rerun.
    expect(readFileSync(join(SITE, 'public', 'favicon.ico')).equals(favicon())).toBe(true);
    const home = readFileSync(join(out.pub, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
  });

  it('gives every page a meta description, a clause page one that quotes its clause', () => {
    const files = walk(out.pub).filter((f) => f.endsWith('.html'));
    const missing = files.filter((f) => !metaContent(readFileSync(join(out.pub, f), 'utf8'), 'name', 'description')?.trim());
    expect(missing).toEqual([]);
    for (const id of ['4.3-1', 'nantong-supervision:rectification']) {
      const c = pub.clauses.find((x) => x.id === id)!;
      const d = metaContent(readFileSync(join(out.pub, 'standard', clauseSlug(id), 'index.html'), 'utf8'), 'name', 'description')!;
      expect(d.startsWith(c.ref.zh), d).toBe(true);
      expect(d).toContain(c.display.slice(0, 12).replace(/"/g, '&quot;'));
      expect(d).not.toContain(id.includes(':') ? id : '\u0000');
    }
    // Descriptions differ from page to page: no generic line shared by the clause pages.
    const clauseDescs = pub.clauses.map((c) => metaContent(readFileSync(join(out.pub, 'standard', clauseSlug(c.id), 'index.html'), 'utf8'), 'name', 'description'));
    expect(new Set(clauseDescs).size).toBeGreaterThan(pub.clauses.length * 0.95);
  });

  it('writes canonical, absolute language versions, the feed and Open Graph tags from the site address', () => {
    const html = head(readFileSync(join(out.pub, 'en/standard/nantong-supervision--rectification/index.html'), 'utf8'));
    const url = `${SITE_URL}en/standard/nantong-supervision--rectification/`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<link rel="alternate" hreflang="zh-CN" href="${SITE_URL}standard/nantong-supervision--rectification/">`);
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${url}">`);
    expect(html).toContain(`<link rel="alternate" hreflang="x-default" href="${SITE_URL}standard/nantong-supervision--rectification/">`);
    expect(html).toContain(`type="application/atom+xml" title="`);
    expect(html).toContain(`href="${SITE_URL}en/feed.xml">`);
    expect(metaContent(html, 'property', 'og:url')).toBe(url);
    expect(metaContent(html, 'property', 'og:locale')).toBe('en_US');
    expect(metaContent(html, 'property', 'og:description')).toBe(metaContent(html, 'name', 'description'));
    // No relative or guessed link where an absolute one belongs.
    for (const m of html.matchAll(/<link rel="(canonical|alternate)"[^>]*href="([^"]+)"/g)) expect(m[2]!.startsWith(SITE_URL), m[0]).toBe(true);
    // The 404 page claims no address of its own; the internal edition points nowhere public.
    expect(readFileSync(join(out.pub, '404.html'), 'utf8')).not.toContain('rel="canonical"');
    const intHtml = head(readFileSync(join(out.int, 'pledges/index.html'), 'utf8'));
    expect(intHtml).not.toContain('rel="canonical"');
    expect(intHtml).not.toContain(SITE_URL);
  });

  it('without a configured site address: no sitemap, no canonical or og:url, no absolute language links, robots without a sitemap', () => {
    expect(existsSync(join(out.esc, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(out.esc, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    const html = head(readFileSync(join(out.esc, 'pledges/index.html'), 'utf8'));
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
    expect(html).not.toContain('hreflang');
    expect(html).toContain('<meta name="description"');
    expect(html).toContain('href="/feed.xml"');
  });

  it('warns (CH437) when no site address is configured, and builds without anything absolute (charter site build)', () => {
    const t = join(dir, 'tree-no-site-url');
    cpSync(join(ROOT, 'standards'), t, { recursive: true });
    rmSync(join(t, 'school', 'notices.yaml'));
    const o = join(dir, 'site-no-url');
    // Recorded after the sample's months, so no month's disclosure verdict changes.
    const r = charter(['site', 'build', '--tree', t, '--db', join(dir, 'db.sqlite'), '--out', o, '--now', '2026-12-01T09:00', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] };
    expect(j.warnings.map((w) => w.code)).toEqual(['CH437']);
    expect(j.warnings[0]!.message).toContain('public_site');
    expect(existsSync(join(o, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(o, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    expect(readFileSync(join(o, 'index.html'), 'utf8')).not.toContain('rel="canonical"');
  }, 180_000);

  it('lets Pagefind find 整改公示 by its search words as the browser splits them, weighted above running text', () => {
    const html = readFileSync(join(out.pub, 'rectification/index.html'), 'utf8');
    const words = /<meta data-pagefind-meta="keywords\[content\]" content="([^"]*)"/.exec(html)?.[1] ?? '';
    for (const w of ['整改公示', '复查销号', '整改通知单', '整', '改', '公示', '复查', '销', '号']) expect(words.split(' '), w).toContain(w);
    expect(html).toContain('data-pagefind-weight="10"');
    // Only a section's own page carries its words: a clause page under 服务标准 does not.
    expect(readFileSync(join(out.pub, 'standard/4.3-1/index.html'), 'utf8')).not.toContain('data-pagefind-meta="keywords');
  });

  it('prints on A4 without navigation, rows kept whole and captions kept with their table', () => {
    const css = readFileSync(join(out.pub, 'style.css'), 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    expect(print).toMatch(/\.site-header[^{]*nav[^{]*\{ display: none !important; \}/);
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toMatch(/tr, th, td \{ break-inside: avoid; \}/);
    expect(print).toMatch(/caption[^{]*\{ break-after: avoid; \}/);
  });
});
// ── end find ──
// ── changes ──
describe('changes: dated values, the value in force per provider, the 变更记录 page and the feed', () => {
  /** Visible text of an HTML fragment (tags dropped, entities decoded, spaces — no-break ones too — collapsed to one). */
  const text = (html: string): string =>
    html
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');
  const main = (file: string): string => /<main[\s\S]*<\/main>/.exec(readFileSync(join(out.pub, file), 'utf8'))![0];
  /** The parameters and history sections of a clause page (the rest of the page is other areas'). */
  const sections = (file: string): string => {
    const html = readFileSync(join(out.pub, file), 'utf8');
    return ['params-h', 'history-h'].map((h) => new RegExp(`<section aria-labelledby="${h}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? '').join(' ');
  };
  const clauseFile = (id: string, lang = ''): string => {
    // The clause's folder is its slug (engine/site/slug.ts: no ':' in a file name).
    return `${lang}standard/${clauseSlug(id)}/index.html`;
  };
  // Machine tokens: ISO durations, parameter names, document and provider ids, version codes, ISO dates.
  const tokens = (lang: 'zh' | 'en'): RegExp => {
    const names = [...new Set(pub.clauses.flatMap((c) => c.parameters.map((p) => p.name)).filter((n) => n.includes('-')))];
    const ids = [...tree.profiles.map((p) => p.value.id), ...pub.providers.map((p) => p.id), tree.standards[0]!.value.id];
    const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\bP(?:T\\d|\\d+[DWMY])|(?<![\\w-])(?:${[...names, ...ids].map(esc).join('|')})(?![\\w-])|\\b\\d+\\.\\d+\\.0\\b${lang === 'zh' ? '|\\b\\d{4}-\\d{2}-\\d{2}\\b' : ''}`);
  };

  it('the data: 4.3-1 in the standard is 1 小时; 华宇 is held to 45 分钟 by its contract, 30 分钟 from 2026-09-07; the others to the standard', () => {
    const p = pub.clauses.find((c) => c.id === '4.3-1')!.parameters.find((q) => q.name === 'arrival-working-hours')!;
    expect(p.sources!.map((s) => [s.document.id, s.values.map((v) => v.value)])).toEqual([
      ['gaoxiao-wuye', ['PT1H']],
      ['contract-example-property', ['PT45M', 'PT30M']],
    ]);
    const of = (id: string) => p.providers!.find((x) => x.provider.id === id)!;
    expect(of('huayu-property').now?.text.zh).toBe('45\u00a0分钟');
    expect(of('huayu-property').later.map((l) => [l.from, l.text.zh])).toEqual([['2026-09-07', '30\u00a0分钟']]);
    for (const id of ['xinyuan-service', 'jiale-catering']) expect(of(id).now?.text.zh).toBe('1\u00a0小时');
    expect(p.prevails?.zh).toContain('华宇物业服务有限公司按《教学楼与学生公寓物业服务合同（示例）》');
  });

  it('the clause page of 4.3-1 shows 1 小时 in the standard, 45 分钟 for 华宇 by its contract, the dated tightening and which prevails', () => {
    const t = text(sections(clauseFile('4.3-1')));
    expect(t).toContain('《高等学校物业服务规范》 自2025年9月1日起 1 小时');
    expect(t).toContain('《教学楼与学生公寓物业服务合同（示例）》');
    expect(t).toContain('自2026年9月7日起 由 45 分钟收紧为 30 分钟');
    expect(t).toMatch(/华宇物业服务有限公司 ： 45 分钟 （依据《教学楼与学生公寓物业服务合同（示例）》，自2025年9月1日起）/);
    expect(t).toMatch(/信远后勤服务有限公司、嘉乐餐饮管理有限公司 ： 1 小时 （依据《高等学校物业服务规范》/);
    expect(t).toContain('哪一个文件为准');
    expect(t).toContain('2026年9月7日 第4.3条第1项 工作时间到达时限：华宇物业服务有限公司由 45 分钟收紧为 30 分钟');
    expect(readFileSync(join(out.pub, clauseFile('4.3-1')), 'utf8')).toContain('href="/changes/"');
  });

  it('a parameter without a label reads as what the clause counts, with its unit (5.2.4.5: 每年消防演习次数 1 次)', () => {
    const t = text(sections(clauseFile('5.2.4.5')));
    expect(t).toContain('每年消防演习次数');
    expect(t).toContain('1 次');
  });

  it('no machine token in the parameters and history of any clause page, nor on the 变更记录 page (zh and en)', () => {
    const bad: string[] = [];
    for (const c of pub.clauses) {
      for (const lang of ['', 'en/'] as const) {
        const m = tokens(lang ? 'en' : 'zh').exec(text(sections(clauseFile(c.id, lang))));
        if (m) bad.push(`${lang}${c.id}: ${m[0]}`);
      }
    }
    for (const lang of ['', 'en/'] as const) {
      const m = tokens(lang ? 'en' : 'zh').exec(text(main(`${lang}changes/index.html`)));
      if (m) bad.push(`${lang}changes: ${m[0]}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('the 变更记录 page lists the sample’s change under its date in Chinese style, from the earliest edition to the latest change, newest first', () => {
    const t = text(main('changes/index.html'));
    expect(t).toContain(`本页涵盖： 2025年9月1日 至 ${pub.changes_span!.to.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`);
    expect(pub.changes_span!.to >= '2026-09-07').toBe(true);
    expect(t).toContain('2026年9月7日');
    expect(t).toContain('《教学楼与学生公寓物业服务合同（示例）》补充协议生效');
    expect(t).toContain('第4.3条第1项 工作时间到达时限：华宇物业服务有限公司由 45 分钟收紧为 30 分钟');
    const days = [...readFileSync(join(out.pub, 'changes/index.html'), 'utf8').matchAll(/<section class="ch-day" id="d(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
    expect(days).toEqual([...days].sort().reverse());
    expect(days).toContain('2026-09-07');
    expect(readFileSync(join(out.pub, 'index.html'), 'utf8')).toContain('href="/changes/"');
  });

  it('the feed announces the same change in the same words, linking to the clause page', () => {
    const feed = readFileSync(join(out.pub, 'feed.xml'), 'utf8');
    const entry = feed.split('<entry>').find((e) => e.includes('补充协议生效'))!;
    expect(entry).toContain('<title>《教学楼与学生公寓物业服务合同（示例）》补充协议生效：自秋季学期开学起，工作时间报修后到达维修现场的时限缩短</title>');
    expect(entry).toContain('第4.3条第1项 工作时间到达时限：华宇物业服务有限公司由 45\u00a0分钟收紧为 30\u00a0分钟');
    expect(entry).toContain('<updated>2026-09-07T00:00:00+08:00</updated>');
    expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="standard\/4\.3-1\/"\/>/);
    expect(text(entry)).not.toMatch(/PT\d|arrival-working-hours|contract-example-property/);
    const en = readFileSync(join(out.pub, 'en/feed.xml'), 'utf8');
    expect(en).toContain('Clause 4.3 item 1, Arrival limit, working hours: 华宇物业服务有限公司, 45\u00a0minutes tightened to 30\u00a0minutes');
  });
});
// ── end changes ──
// ── check ──
describe('the public edition as its readers meet it (issue 14, done when)', () => {
  it('has 0 machine tokens, 0 Traditional characters outside zh-Hant, 0 untappable numbers on the home and emergency pages, a description on ≥ 95 % of pages, robots.txt, favicon.ico and a sitemap', () => {
    const r = checkSite(out.pub, { ids: treeIds(tree) });
    expect(r.pages).toBeGreaterThan(100);
    expect(r.problems.filter((p) => p.kind !== 'description').slice(0, 20)).toEqual([]);
    expect(r.descriptions).toBeGreaterThanOrEqual(0.95);
    expect(r.ok).toBe(true);
  });
});
// ── end check ──
