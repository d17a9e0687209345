// The internal edition's phone form for inspection rounds (site/src/pages/internal/inspections/,
// site/src/inspections/form.js): one page per planned round of the periods the site covers, nothing of it
// in the public edition; then, in Chromium at phone size, a supervisor fills a round, reloads midway, goes
// offline and keeps filling, exports <round id>.ndjson, and the file goes through `charter submit` and
// `charter evaluate` unchanged: the rows failed on the phone are failed findings with the place and the note.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInspections, type InspectionRound } from '../engine/inspections/plan.ts';
import { buildSite } from '../engine/site/build.ts';
import { buildSiteData } from '../engine/site/data.ts';
import { siteInspectionRound } from '../engine/site/inspections.ts';
import type { SiteData } from '../engine/site/types.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT } from './helpers.ts';

const SITE = join(ROOT, 'site');
const CHROMIUM = '/usr/bin/chromium';
const PERIOD = '2026-04';
const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const plan = planInspections([tree], { period: PERIOD });
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const ESCAPE_ROUND = 'zz-escape-test';
const INJECT = `<img src=x onerror="document.title='pwned'">`;
let dir: string;
let store: Store;
let int: SiteData;
let pub: SiteData;
const out = { int: '', pub: '' };

function walk(d: string, base = d): string[] {
  return readdirSync(d, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name), base) : [relative(base, join(d, e.name))]))
    .sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-insp-site-'));
  store = openStore(join(dir, 'site.sqlite'));
  // An empty store: the rounds come from the YAML alone. Fewer clause pages keep the two builds quick;
  // the inspection pages do not depend on them.
  const light = (d: SiteData): SiteData => ({ ...d, clauses: d.clauses.filter((c) => c.section === '4' || c.document.id === 'office-service-guide') });
  int = light(buildSiteData({ tree, store, edition: 'internal', periods: [], inspectionPeriods: [PERIOD] }));
  pub = light(buildSiteData({ tree, store, edition: 'public', periods: [], inspectionPeriods: [PERIOD] }));
  // One extra round with markup in its data: the form must show it as text.
  const esc = structuredClone(int.internal!.inspections![0]!);
  esc.id = ESCAPE_ROUND;
  esc.requirements[0]!.title = `${INJECT}${esc.requirements[0]!.title}`;
  esc.requirements[0]!.text = `${INJECT}${esc.requirements[0]!.text}`;
  esc.places[0]!.name = `</script><script>document.title='pwned'</script>${esc.places[0]!.name}`;
  int.internal!.inspections!.push(esc);
  out.int = join(dir, 'int');
  out.pub = join(dir, 'pub');
  const a = await buildSite({ data: int, outDir: out.int, quiet: true });
  const b = await buildSite({ data: pub, outDir: out.pub, quiet: true });
  console.log(`inspection rounds ${PERIOD}: ${plan.rounds.length} rounds, ${plan.rounds.reduce((n, r) => n + r.rows.length, 0)} rows; internal build ${(a.ms / 1000).toFixed(1)} s (${a.pages} pages), public ${(b.ms / 1000).toFixed(1)} s`);
}, 240_000);

afterAll(() => store?.close());

describe('the rounds in the site data', () => {
  it('carries every round the planner makes for the period, with every row, and derives the same record ids', () => {
    const rounds = int.internal!.inspections!.filter((r) => r.id !== ESCAPE_ROUND);
    expect(plan.rounds.length).toBeGreaterThan(0);
    expect(rounds.map((r) => r.id)).toEqual(plan.rounds.map((r) => r.id));
    for (const [k, r] of rounds.entries()) {
      const p = plan.rounds[k]!;
      // What form.js computes for each row: `${round}:${place}:${requirement}`.
      const ids = r.rows.map(([pl, q]) => `${r.id}:${r.places[pl]!.id}:${r.requirements[q]!.id}`);
      expect(ids, r.id).toEqual(p.rows.map((x) => x.id));
      expect(r.rows.map(([, q]) => r.requirements[q]!.text)).toEqual(p.rows.map((x) => x.text));
    }
  });

  it('refuses a planned row whose id breaks the contract (a Charter bug, caught at build time)', () => {
    const r = structuredClone(plan.rounds.find((x) => x.rows.length > 1)!);
    r.rows[1]!.id = 'renamed';
    expect(() => siteInspectionRound(r)).toThrow(/row id renamed/);
  });

  it('keeps the public edition’s data free of inspection rounds', () => {
    expect(pub.internal).toBeUndefined();
    expect(JSON.stringify(pub)).not.toContain(plan.rounds[0]!.id);
  });
});

describe('the build', () => {
  it('writes an index and one page per round, and the form’s script, stylesheet and service worker (internal edition)', () => {
    expect(existsSync(join(out.int, 'internal/inspections/index.html'))).toBe(true);
    for (const r of plan.rounds) expect(existsSync(join(out.int, 'internal/inspections', r.id, 'index.html')), r.id).toBe(true);
    for (const f of ['form.js', 'form.css', 'sw.js']) expect(existsSync(join(out.int, 'internal/inspections', f)), f).toBe(true);
    const index = readFileSync(join(out.int, 'internal/inspections/index.html'), 'utf8');
    for (const r of plan.rounds) expect(index).toContain(`/internal/inspections/${r.id}/`);
    expect(readFileSync(join(out.int, 'internal/index.html'), 'utf8')).toContain('/internal/inspections/');
  });

  it('puts no inspection page, script or worker into the public edition', () => {
    const files = walk(out.pub);
    expect(files.filter((f) => f.startsWith('internal/') || /sw\.js$|form\.js$/.test(f))).toEqual([]);
    const found: string[] = [];
    for (const f of files.filter((x) => /\.(html|js|css|json|xml|csv)$/.test(x))) {
      const text = readFileSync(join(out.pub, f), 'utf8');
      for (const s of ['/internal/inspections', 'charter-inspection', 'insp-app', plan.rounds[0]!.id, '手机检查表']) if (text.includes(s)) found.push(`${f}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  it('loads nothing from another origin and keeps each round page light (HTML + CSS under 100 KB)', () => {
    for (const r of plan.rounds) {
      const html = readFileSync(join(out.int, 'internal/inspections', r.id, 'index.html'), 'utf8');
      expect(html, r.id).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      const css = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].reduce((a, m) => a + statSync(join(out.int, m[1]!)).size, 0);
      expect(Buffer.byteLength(html) + css, r.id).toBeLessThan(100 * 1024);
    }
    const js = readFileSync(join(out.int, 'internal/inspections/form.js'), 'utf8') + readFileSync(join(out.int, 'internal/inspections/sw.js'), 'utf8');
    expect(js).not.toMatch(/https?:\/\//);
  });
});

const browserTests = existsSync(CHROMIUM);
if (!browserTests) it.skip(`browser tests: ${CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)`, () => {});

describe.runIf(browserTests)('on a phone, in Chromium', () => {
  type Server = { port: number; stop: () => Promise<void> };
  type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;
  let server: Server;
  let browser: Browser;
  let axeSource: string;
  const base = (): string => `http://127.0.0.1:${server.port}`;
  // The round a supervisor of the property company's main campus walks in April: the biggest of the month.
  const round: InspectionRound = [...plan.rounds].sort((a, b) => b.rows.length - a.rows.length)[0]!;
  const url = (): string => `${base()}/internal/inspections/${round.id}/`;
  // Every due row of the month, per provider and requirement: a requirement is passed when all of them are.
  const dueRows = (provider: string, requirement: string) => plan.rounds.filter((r) => r.provider.id === provider).flatMap((r) => r.rows.filter((x) => x.requirement === requirement));

  beforeAll(async () => {
    const { preview } = await import('astro');
    const { chromium } = await import('playwright-core');
    axeSource = ((await import('axe-core')) as unknown as { default: { source: string } }).default.source;
    server = (await preview({ root: SITE, outDir: out.int, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } })) as unknown as Server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fills a round, survives a reload and going offline, exports the file, and the file becomes verdicts', async () => {
    expect(round.rows.length).toBeGreaterThan(10);
    const places = round.places.filter((p) => round.rows.some((x) => x.place.id === p.id));
    expect(places.length).toBeGreaterThan(1);
    const rowIndex = (id: string): number => round.rows.findIndex((x) => x.id === id);
    // The rows this test answers: one failed with a note and photos, a passed one (its requirement's other
    // due rows this month, in other rounds, are passed on their own pages below), a not-applicable one, and —
    // after going offline — a failed one at another place.
    const single = round.rows.find((x) => dueRows(round.provider.id, x.requirement).every((y) => y.round === round.id ? y === x : !y.round.includes('-W')))!;
    expect(single, 'a monthly requirement due once in this round').toBeDefined();
    const others = round.rows.filter((x) => x !== single && x.requirement !== single.requirement);
    const fail1 = others.find((x) => x.place.id === places[0]!.id)!;
    const na = others.find((x) => x !== fail1 && x.requirement !== fail1.requirement)!;
    const fail2 = others.find((x) => x.place.id !== fail1.place.id && x.requirement !== fail1.requirement && x.requirement !== na.requirement)!;
    expect([fail1, na, fail2].every(Boolean)).toBe(true);

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai', locale: 'zh-CN', acceptDownloads: true });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.setFixedTime(new Date('2026-04-14T09:05:00+08:00'));
    await page.goto(url());
    const row = (id: string) => page.locator(`.insp-row[data-row="${id}"]`);
    const progress = async (): Promise<string> => (await page.locator('.insp-progress').innerText()).replace(/\s+/g, ' ').trim();
    expect(await progress()).toBe(`已查 0 / 共 ${round.rows.length}`);
    expect(await page.locator('.insp-row').count()).toBe(round.rows.length);
    expect(await page.locator('.insp-place h2').count()).toBe(places.length);

    await page.locator('#insp-inspector').fill('王建国');
    await page.locator('#insp-accompanied').fill('李师傅');
    await row(fail1.id).getByRole('radio', { name: '不合格', exact: true }).click();
    // The note opens for 不合格 only.
    await expect.poll(() => row(fail1.id).locator('textarea').isVisible()).toBe(true);
    await row(fail1.id).getByLabel('问题描述', { exact: true }).fill('楼道应急灯不亮，3层东侧');
    await row(fail1.id).getByLabel(/照片编号/).fill('IMG_0231、IMG_0232');
    await page.clock.setFixedTime(new Date('2026-04-14T09:12:30+08:00'));
    await row(single.id).getByRole('radio', { name: '合格', exact: true }).click();
    expect(await row(single.id).locator('textarea').isVisible()).toBe(false);
    await row(na.id).getByRole('radio', { name: '不适用', exact: true }).click();
    expect(await progress()).toBe(`已查 3 / 共 ${round.rows.length}`);
    expect(await row(single.id).locator('.insp-stamp').innerText()).toContain('04-14 09:12（UTC+08:00）');

    // Reload midway: nothing is lost.
    await page.reload();
    expect(await progress()).toBe(`已查 3 / 共 ${round.rows.length}`);
    expect(await page.locator('#insp-inspector').inputValue()).toBe('王建国');
    expect(await row(fail1.id).locator('input[value="failed"]').isChecked()).toBe(true);
    expect(await row(fail1.id).getByLabel('问题描述', { exact: true }).inputValue()).toBe('楼道应急灯不亮，3层东侧');
    expect(await row(na.id).locator('input[value="not-applicable"]').isChecked()).toBe(true);

    // The service worker has the page: offline, it opens again and the form goes on.
    await page.evaluate(async () => {
      const g = globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } }; caches: { match: (u: string) => Promise<unknown> }; location: { pathname: string } };
      await g.navigator.serviceWorker.ready;
      for (let i = 0; i < 50 && !(await g.caches.match(g.location.pathname)); i++) await new Promise((r) => setTimeout(r, 100));
    });
    await ctx.setOffline(true);
    await page.reload();
    expect(await progress()).toBe(`已查 3 / 共 ${round.rows.length}`);
    expect(await page.locator('.insp-warn').innerText()).toContain('当前无网络');
    await page.clock.setFixedTime(new Date('2026-04-14T10:40:00+08:00'));
    await row(fail2.id).getByRole('radio', { name: '不合格', exact: true }).click();
    await row(fail2.id).getByLabel('问题描述', { exact: true }).fill('消防通道堆放杂物');
    // A mistaken tap is taken back with 撤销.
    const oops = round.rows.find((x) => ![fail1, single, na, fail2].includes(x))!;
    await row(oops.id).getByRole('radio', { name: '合格', exact: true }).click();
    expect(await progress()).toBe(`已查 5 / 共 ${round.rows.length}`);
    await row(oops.id).getByRole('button', { name: '撤销' }).click();
    expect(await progress()).toBe(`已查 4 / 共 ${round.rows.length}`);
    // Offline across a reload too.
    await page.reload();
    expect(await progress()).toBe(`已查 4 / 共 ${round.rows.length}`);

    // Export: the download is <round id>.ndjson, canonical inspection-results rows, unanswered rows left out.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出检查结果' }).click()]);
    expect(download.suggestedFilename()).toBe(`${round.id}.ndjson`);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const rec = (x: InspectionRound['rows'][number], result: string, at: string, extra: Record<string, string> = {}): Record<string, string> => ({
      id: x.id,
      round: round.id,
      place: x.place.id,
      campus: x.place.campus,
      ...(x.place.kind === 'building' ? { building: x.place.id } : {}),
      requirement: x.requirement,
      provider: round.provider.id,
      inspected_at: at,
      inspector: '王建国',
      accompanied_by: '李师傅',
      result,
      ...extra,
    });
    const expected = [
      rec(fail1, 'failed', '2026-04-14T09:05:00+08:00', { notes: '楼道应急灯不亮，3层东侧', photos: 'IMG_0231、IMG_0232' }),
      rec(single, 'passed', '2026-04-14T09:12:30+08:00'),
      rec(na, 'not-applicable', '2026-04-14T09:12:30+08:00'),
      rec(fail2, 'failed', '2026-04-14T10:40:00+08:00', { notes: '消防通道堆放杂物' }),
    ].sort((a, b) => rowIndex(a.id!) - rowIndex(b.id!));
    expect(lines).toEqual(expected);
    // Field order as the contract lists it.
    expect(Object.keys(lines.find((l) => l.id === fail1.id)!)).toEqual(Object.keys(expected.find((l) => l.id === fail1.id)!));
    expect(await page.locator('.insp-export-msg').innerText()).toContain(`已导出 4 项到 ${round.id}.ndjson`);

    // The same supervisor walks the other rounds where the passed requirement is due, and exports each.
    const files = [file];
    await ctx.setOffline(false);
    for (const y of dueRows(round.provider.id, single.requirement).filter((x) => x.round !== round.id)) {
      await page.goto(`${base()}/internal/inspections/${y.round}/`);
      await page.locator('#insp-inspector').fill('王建国');
      await row(y.id).getByRole('radio', { name: '合格', exact: true }).click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出检查结果' }).click()]);
      expect(d.suggestedFilename()).toBe(`${y.round}.ndjson`);
      files.push(join(dir, d.suggestedFilename()));
      await d.saveAs(files.at(-1)!);
    }

    // The files go into a fresh store unchanged, and April's evaluation judges from them.
    const db = join(dir, 'phone.sqlite');
    for (const f of files) {
      const sub = charter(['submit', f, '--kind', 'inspection-results', '--db', db, '--now', '2026-05-02T09:00:00+08:00', '--json']);
      expect(sub.code, sub.stdout + sub.stderr).toBe(0);
    }
    const ev = charter(['evaluate', '--period', PERIOD, '--db', db, '--out', join(dir, 'eval'), '--now', '2026-05-02T09:00:00+08:00', '--json']);
    expect([0, 1], ev.stdout + ev.stderr).toContain(ev.code);
    const findings = (JSON.parse(readFileSync(join(dir, 'eval', 'findings.json'), 'utf8')) as { findings: { requirement: string; provider: string; status: string; evidence: unknown[]; measured?: unknown }[] }).findings;
    const of = (req: string) => findings.find((f) => f.requirement === req && f.provider === round.provider.id)!;
    for (const [x, note] of [[fail1, '楼道应急灯不亮'], [fail2, '消防通道堆放杂物']] as const) {
      const f = of(x.requirement);
      expect(f.status, x.requirement).toBe('failed');
      const ev = JSON.stringify(f.evidence);
      expect(ev, x.requirement).toContain(note);
      expect(ev, x.requirement).toContain(x.place.id);
    }
    expect(of(single.requirement).status, single.requirement).toBe('passed');
    expect(errors).toEqual([]);

    // The rounds index says which rounds this phone holds answers for.
    await page.goto(`${base()}/internal/inspections/`);
    expect(await page.locator(`li[data-round="${round.id}"] .insp-local`).innerText()).toBe('本机已记录 4 项');
    expect(await page.locator('.insp-local').count()).toBe(files.length);

    // 清除本机记录 asks first; declining keeps everything, accepting empties the round.
    await page.goto(url());
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: '清除本机记录' }).click();
    expect(await progress()).toBe(`已查 4 / 共 ${round.rows.length}`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '清除本机记录' }).click();
    expect(await progress()).toBe(`已查 0 / 共 ${round.rows.length}`);
    await page.reload();
    expect(await progress()).toBe(`已查 0 / 共 ${round.rows.length}`);
    expect(await page.locator('#insp-inspector').inputValue()).toBe('');
    await ctx.close();
  }, 180_000);

  it('shows markup in the round’s data as text', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${base()}/internal/inspections/${ESCAPE_ROUND}/`);
    const first = page.locator('.insp-row').first();
    expect(await first.locator('legend').innerText()).toContain(INJECT);
    await first.locator('summary').click();
    expect(await first.locator('.insp-text p').innerText()).toContain(INJECT);
    expect(await page.locator('.insp-place h2').first().innerText()).toContain("</script><script>document.title='pwned'</script>");
    expect(await page.locator('#insp-app img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('refuses to export without an inspector, and says so next to the field', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date('2026-04-20T15:00:00+08:00'));
    await page.goto(url());
    await page.locator('.insp-row').first().getByRole('radio', { name: '合格', exact: true }).click();
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: '导出检查结果' }).click();
    expect(await page.locator('#insp-inspector-err').isVisible()).toBe(true);
    expect(await page.locator('.insp-export-msg').innerText()).toContain('请先填写检查人');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('insp-inspector');
    expect(downloaded).toBe(false);
    // No sideways scrolling at 360 px.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ctx.close();
  });

  it('passes axe-core (WCAG 2.1 A/AA) on the index and a round page, with answers given, and takes a 390 px screenshot', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date('2026-04-14T09:05:00+08:00'));
    const problems: string[] = [];
    for (const u of [`${base()}/internal/inspections/`, url()]) {
      await page.goto(u);
      expect(await page.locator('h1').count(), u).toBe(1);
      if (u === url()) {
        await page.locator('.insp-row').nth(0).getByRole('radio', { name: '合格', exact: true }).click();
        await page.locator('.insp-row').nth(1).getByRole('radio', { name: '不合格', exact: true }).click();
        await page.locator('.insp-row').nth(1).locator('details summary').first().click().catch(() => undefined);
      }
      await page.addScriptTag({ content: axeSource });
      const v = (await page.evaluate(() => {
        const g = globalThis as unknown as { document: unknown; axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
        return g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      })).violations;
      for (const x of v) if (x.impact === 'serious' || x.impact === 'critical') problems.push(`${u} ${x.id} (${x.impact}) ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
    expect(problems).toEqual([]);
    const shots = mkdtempSync(join(tmpdir(), 'charter-insp-shots-'));
    await page.goto(url());
    await page.screenshot({ path: join(shots, 'round-390x844.png') });
    await page.locator('.insp-row').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'round-failed-390x844.png') });
    expect(statSync(join(shots, 'round-390x844.png')).size).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    console.log(`screenshots: ${shots}`);
    await ctx.close();
  }, 60_000);
});
