// Disclosure requirements Charter publishes itself (issue 12 §4; docs/evaluation.md "公示"): judged from the
// public site build recorded in the store before the month's end. Table-driven over hand-made build records,
// then one real `charter site build` whose pages are read back, and the store rules of the build (CH421, CH422).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ITEMS } from '../engine/evaluate/disclosure.ts';
import { evaluate, type Finding } from '../engine/evaluate/evaluate.ts';
import type { Tree } from '../engine/load/tree.ts';
import type { ServiceDeskFile } from '../engine/model/types.ts';
import { publishedItems } from '../engine/site/record.ts';
import type { SiteData } from '../engine/site/types.ts';
import { recordSiteBuild, siteBuilds, type SiteBuildItem } from '../engine/store/site-builds.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const desk = tree.serviceDesks[0]!.value;
const PROVIDERS = ['huayu-property', 'xinyuan-service', 'jiale-catering'];

/** Every item the site carries, as a complete public build would record them. */
const ALL: SiteBuildItem[] = Object.entries(SITE_ITEMS).flatMap(([code, s]) => (s.perProvider ? PROVIDERS.map((provider) => ({ code, page: s.page, provider })) : [{ code, page: s.page }]));
const withDesk = (change: Partial<ServiceDeskFile>): Tree => ({ ...tree, serviceDesks: [{ ...tree.serviceDesks[0]!, value: { ...desk, ...change } }] });

interface Build {
  edition: 'public' | 'internal';
  at: string;
  items?: SiteBuildItem[];
}

function judge(builds: Build[], o: { t?: Tree; provider?: string; requirement: string; period?: string }): Finding {
  const store = openStore(':memory:');
  try {
    for (const b of builds) recordSiteBuild(store, { edition: b.edition, built_at: b.at, out_path: 'site/dist', data_as_of: null, standard: null, items: b.items ?? ALL });
    const f = evaluate({ tree: o.t ?? tree, store, period: o.period ?? '2026-04', provider: o.provider ?? 'xinyuan-service' });
    const hit = f.findings.filter((x) => x.requirement === o.requirement);
    expect(hit).toHaveLength(1);
    return hit[0]!;
  } finally {
    store.close();
  }
}

const PUBLIC_APRIL: Build = { edition: 'public', at: '2026-04-10T09:00:00+08:00' };

describe('the disclosure judge (table)', () => {
  const cases: { name: string; builds: Build[]; requirement: string; t?: Tree; provider?: string; status: Finding['status']; reason_code?: string; evidence?: Partial<Finding['evidence'][number]> }[] = [
    { name: 'a public build in the month with every item → passed, the page as evidence', builds: [PUBLIC_APRIL], requirement: '7.2', status: 'passed', evidence: { unit: 'paid-service-prices', outcome: 'published', actual: '/services/' } },
    { name: 'a public build before the month (term start) still stands at its end → passed', builds: [{ edition: 'public', at: '2026-02-23T09:00:00+08:00' }], requirement: '4.1-3', status: 'passed', evidence: { unit: 'consultation-process', actual: '/processes/#consultation' } },
    { name: 'the hotline and window (4.1-1-b) → passed on the home page', builds: [PUBLIC_APRIL], requirement: '4.1-1-b', status: 'passed', evidence: { unit: 'service-window-24h', actual: '/' } },
    { name: 'time-limit pledges are published per provider (4.3) → passed on /pledges/', builds: [PUBLIC_APRIL], requirement: '4.3', status: 'passed', evidence: { unit: 'time-limit-pledges', actual: '/pledges/' } },
    { name: 'no build recorded → not reviewed, no-site-build', builds: [], requirement: '7.2', status: 'not-reviewed', reason_code: 'no-site-build' },
    { name: 'a build after the month (1 May 00:00) is not counted', builds: [{ edition: 'public', at: '2026-05-01T00:00:00+08:00' }], requirement: '7.2', status: 'not-reviewed', reason_code: 'no-site-build' },
    { name: 'a build in the month’s last minute counts', builds: [{ edition: 'public', at: '2026-04-30T23:59:00+08:00' }], requirement: '7.2', status: 'passed' },
    { name: 'an internal-edition build does not count', builds: [{ edition: 'internal', at: '2026-04-10T09:00:00+08:00' }], requirement: '7.2', status: 'not-reviewed', reason_code: 'no-site-build' },
    { name: 'no paid-service prices in service-desk.yaml → failed, naming the item and the file', builds: [PUBLIC_APRIL], t: withDesk({ services: [] }), requirement: '7.2', status: 'failed', evidence: { unit: 'paid-service-prices', outcome: 'missing-from-data', note: 'standards/school/service-desk.yaml' } },
    { name: 'prices that apply only from a later date do not publish April’s prices → failed', builds: [PUBLIC_APRIL], t: withDesk({ services: desk.services.map((s) => ({ ...s, from: '2026-09-01' })) }), requirement: '7.2', status: 'failed', evidence: { unit: 'paid-service-prices' } },
    { name: 'missing data fails even with no build recorded', builds: [], t: withDesk({ services: [] }), requirement: '7.2', status: 'failed' },
    { name: 'no hotline → 4.1-1-b failed', builds: [PUBLIC_APRIL], t: withDesk({ hotline: '' }), requirement: '4.1-1-b', status: 'failed', evidence: { unit: 'service-hotline', outcome: 'missing-from-data' } },
    { name: 'a window open office hours only is not the 24-hour window → failed', builds: [PUBLIC_APRIL], t: withDesk({ window: { ...desk.window, hours: { zh: '工作日 8:00-17:00' } } }), requirement: '4.1-1-b', status: 'failed', evidence: { unit: 'service-window-24h' } },
    { name: 'no consultation process → 4.1-3 failed', builds: [PUBLIC_APRIL], t: withDesk({ processes: desk.processes.filter((p) => p.id !== 'consultation') }), requirement: '4.1-3', status: 'failed', evidence: { unit: 'consultation-process' } },
    { name: 'a process with no step bound to a time limit has no quality standard → failed', builds: [PUBLIC_APRIL], t: withDesk({ processes: desk.processes.map((p) => (p.id === 'complaint' ? { ...p, steps: p.steps.map((s) => ({ name: s.name })) } : p)) }), requirement: '4.1-3', status: 'failed', evidence: { unit: 'complaint-process' } },
    { name: 'the build in force at the month’s end lacks an item → failed, not published', builds: [{ edition: 'public', at: '2026-03-01T09:00:00+08:00' }, { edition: 'public', at: '2026-04-20T09:00:00+08:00', items: ALL.filter((i) => i.code !== 'paid-service-prices') }], requirement: '7.2', status: 'failed', evidence: { unit: 'paid-service-prices', outcome: 'not-published' } },
    { name: 'a later complete build replaces an incomplete one → passed', builds: [{ edition: 'public', at: '2026-04-02T09:00:00+08:00', items: [] }, PUBLIC_APRIL], requirement: '7.2', status: 'passed' },
    { name: 'a build publishing another provider’s pledges only does not count for this one', builds: [{ ...PUBLIC_APRIL, items: ALL.filter((i) => i.provider !== 'xinyuan-service') }], requirement: '4.3', status: 'failed', evidence: { unit: 'time-limit-pledges', outcome: 'not-published' } },
    { name: 'a tree without service-desk.yaml (the school publishes elsewhere) → not reviewed, no-service-desk, never failed', builds: [PUBLIC_APRIL], t: { ...tree, serviceDesks: [] }, requirement: '7.2', status: 'not-reviewed', reason_code: 'no-service-desk' },
    // Posted on site: a row of the inspection rounds, judged from inspection results, never from the site build.
    { name: 'posted on site (6.2.1.4 operating instructions by the equipment), no inspection result entered → not reviewed, no-data, whatever the build', builds: [PUBLIC_APRIL], requirement: '6.2.1.4', provider: 'huayu-property', status: 'not-reviewed', reason_code: 'no-data' },
    { name: 'posted on site (5.2.1.2 gate rules), a provider with no campus entrance to look at → not applicable, no-unit', builds: [PUBLIC_APRIL], requirement: '5.2.1.2', status: 'not-applicable', reason_code: 'no-unit' },
    { name: 'survey results (the school’s website, not this site) → not reviewed, not-on-site', builds: [PUBLIC_APRIL], provider: 'general-office', requirement: 'office-service-guide:survey-results', status: 'not-reviewed', reason_code: 'not-on-site' },
    { name: 'the service guide’s standard hours → passed on its clause page', builds: [PUBLIC_APRIL], provider: 'general-office', requirement: 'office-service-guide:service-hours', status: 'passed', evidence: { unit: 'service-hours', actual: '/standard/office-service-guide--service-hours/' } },
    // Issue 14 §4: clause folders became slugs; a build recorded before, at the percent-encoded id, published the same page.
    { name: 'the service guide’s standard hours recorded by a build at the old clause URL (percent-encoded id) → still passed', builds: [{ ...PUBLIC_APRIL, items: [...ALL, { code: 'service-hours', page: '/standard/office-service-guide%3Aservice-hours/' }] }], provider: 'general-office', requirement: 'office-service-guide:service-hours', status: 'passed', evidence: { unit: 'service-hours', actual: '/standard/office-service-guide%3Aservice-hours/' } },
  ];
  // The value item is recorded by its clause page (at its slug: no ':' in a folder name).
  for (const c of cases) if (c.requirement === 'office-service-guide:service-hours' && !c.name.includes('old clause URL')) for (const b of c.builds) b.items = [...(b.items ?? ALL), { code: 'service-hours', page: '/standard/office-service-guide--service-hours/' }];

  it.each(cases)('$name', (c) => {
    const f = judge(c.builds, { requirement: c.requirement, ...(c.t ? { t: c.t } : {}), ...(c.provider ? { provider: c.provider } : {}) });
    expect(f.status).toBe(c.status);
    if (c.reason_code) expect(f.reason_code).toBe(c.reason_code);
    if (f.status === 'not-reviewed') {
      // Every not-reviewed finding says why, and hands the items to an inspector.
      expect(f.reason?.zh).toBeTruthy();
      expect(f.reason_code).toBeTruthy();
      expect(f.checklist?.length).toBeGreaterThan(0);
    }
    if (c.evidence) expect(f.evidence).toContainEqual(expect.objectContaining(c.evidence));
    if (f.status === 'passed') expect(f.evidence.every((e) => e.outcome === 'published' && e.actual?.toString().startsWith('/'))).toBe(true);
  });
});

describe('what a build publishes is read from its pages', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'charter-disclose-pages-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const data = { providers: PROVIDERS.map((id) => ({ id, name: tree.registers[0]!.value.providers.find((p) => p.id === id)!.name })), pledge_catalogue: [] } as unknown as SiteData;
  const page = (file: string, html: string): void => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  };

  it('an item counts only where its page shows the data (a page without the hotline does not publish it)', () => {
    page('index.html', `<p>服务热线：<a href="tel:x">${desk.hotline}</a></p><dl><dd>${desk.window.name.zh}</dd><dd>${desk.window.place.zh}</dd><dd>${desk.window.hours.zh}</dd></dl>`);
    page('complaints/index.html', '<p>投诉请到窗口。</p>');
    const codes = publishedItems({ tree, data, outDir: dir }).map((i) => i.code);
    expect(codes).toContain('service-hotline');
    expect(codes).toContain('service-window-24h');
    expect(codes).not.toContain('complaint-channels'); // the page lacks the hotline
    expect(codes).not.toContain('paid-service-prices'); // no services page at all
    expect(codes).not.toContain('time-limit-pledges'); // no pledges in the data
  });

  it('entities are decoded before matching (an escaped character still matches)', () => {
    page('services/index.html', `<td>${desk.services[0]!.name.zh.replace('（', '&#xFF08;')}</td><td>${desk.services[0]!.price}</td>`);
    expect(publishedItems({ tree, data, outDir: dir }).map((i) => i.code)).toContain('paid-service-prices');
  });

  it('a price that applies from a later date is still published by the page that lists it (the month judged decides if it applies)', () => {
    const later = { ...tree, serviceDesks: [{ ...tree.serviceDesks[0]!, value: { ...desk, services: desk.services.map((x) => ({ ...x, from: '2027-01-01' })) } }] };
    expect(publishedItems({ tree: later, data, outDir: dir }).map((i) => i.code)).toContain('paid-service-prices');
  });
});

describe('charter site build records the build (a real build)', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'charter-disclose-'));
    db = join(dir, 'store.sqlite');
    const s = charter(['submit', join(ROOT, 'examples', 'sample-university', 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--now', '2026-07-10T09:00:00+08:00']);
    expect(s.code, s.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records edition, time, path and every item its pages carry; April is then judged passed from it', () => {
    const r = charter(['site', 'build', '--db', db, '--out', join(dir, 'site'), '--now', '2026-02-23T09:00:00+08:00', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { recorded: boolean; built_at: string; published: SiteBuildItem[] };
    expect(j.recorded).toBe(true);
    expect(j.built_at).toBe('2026-02-23T09:00:00+08:00');
    const store = openStore(db, { mode: 'read' });
    try {
      const [b] = siteBuilds(store);
      expect(b).toMatchObject({ edition: 'public', built_at: '2026-02-23T09:00:00+08:00', out_path: join(dir, 'site') }); // outside the project: absolute
      const codes = new Set(b!.items.map((i) => i.code));
      for (const code of ['service-hotline', 'service-window-24h', 'window-services', 'consultation-process', 'repair-process', 'complaint-process', 'time-limit-pledges', 'paid-service-prices', 'complaint-channels', 'repair-channels', 'repair-time-limits', 'service-hours']) expect(codes.has(code), code).toBe(true);
      // Per provider: every unit whose plan sets time limits (the contractors and the logistics office).
      expect(b!.items.filter((i) => i.code === 'time-limit-pledges').map((i) => i.provider)).toEqual(expect.arrayContaining(PROVIDERS));
      const f = evaluate({ tree, store, period: '2026-04', provider: 'huayu-property' });
      const d = f.findings.filter((x) => x.type === 'disclosure');
      expect(d.find((x) => x.requirement === '4.1-3')?.status).toBe('passed');
      // What the site carries is judged from the build; what is posted on site waits for the inspection rounds.
      expect(d.filter((x) => x.status === 'not-reviewed').map((x) => [x.requirement, x.reason_code])).toEqual(d.filter((x) => x.status === 'not-reviewed').map((x) => [x.requirement, 'no-data']));
      expect(d.filter((x) => x.status === 'not-reviewed').every((x) => ['6.1.3.1', '6.2.1.4'].includes(x.requirement))).toBe(true);
    } finally {
      store.close();
    }
  }, 180_000);

  it('CH421: the fixture’s command line (a store path that does not exist) is refused, nothing created', () => {
    const args = readFileSync(join(ROOT, 'test', 'fixtures', 'errors', 'store', 'CH421-site-build-needs-store.args'), 'utf8').trim().split(/\s+/);
    const r = charter([...args, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'CH421', file: '<command line>' });
    expect(existsSync(join(ROOT, 'test', 'fixtures', 'errors', 'store', 'CH421-no-such-store.sqlite'))).toBe(false);
    expect(existsSync(join(ROOT, 'out', 'never-CH421'))).toBe(false);
  });

  it('CH421: a store that does not exist is refused (exit 2) and not created', () => {
    const missing = join(dir, 'nowhere', 'charter.sqlite');
    const r = charter(['site', 'build', '--db', missing, '--out', join(dir, 'never'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'CH421' });
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('CH422: a store busy with another writer gets its site, with a warning that the build was not recorded', () => {
    const holder = new DatabaseSync(db);
    holder.exec('BEGIN IMMEDIATE');
    let r: ReturnType<typeof charter>;
    try {
      process.env.CHARTER_BUSY_TIMEOUT = '200';
      r = charter(['site', 'build', '--db', db, '--out', join(dir, 'site-busy'), '--json']);
    } finally {
      delete process.env.CHARTER_BUSY_TIMEOUT;
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { recorded: boolean; warnings: { code: string }[] };
    expect(j.recorded).toBe(false);
    expect(j.warnings.map((w) => w.code)).toEqual(['CH422']);
    const store = openStore(db, { mode: 'read' });
    try {
      expect(siteBuilds(store)).toHaveLength(1);
    } finally {
      store.close();
    }
  }, 180_000);
});

