// Who a clause binds, decided as a logistics office would by hand (issue 10 §2, §5): a clause for one kind of
// building (6.2.1 教学楼服务, 6.2.3 实验室服务 …) does not bind a company that runs no such building, and a
// campus-wide equipment count (street lights, monitoring, equipment in use) binds only the provider the
// register gives that campus duty to. Both are "not applicable", never "no data" or a pass.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type Findings } from '../engine/evaluate/evaluate.ts';
import type { Tree } from '../engine/load/tree.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions, submitSample } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
let store: Store;
let april: Findings;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-applicability-'));
  store = openStore(join(dir, 'db.sqlite'));
  for (const status of await submitSample(tree, store, dir)) expect(status).toBe('stored');
  april = evaluate({ tree, store, period: '2026-04' });
}, 120_000);

const of = (f: Findings, provider: string, requirement: string) => f.findings.filter((x) => x.provider === provider && x.requirement === requirement);

describe('a clause for one kind of building', () => {
  it.each([
    // [provider, requirement, applies?] — 华宇 runs teaching buildings and dormitories; 信远 labs, the libraries,
    // offices and venues; 嘉乐 the canteens.
    ['huayu-property', '6.2.1.6-1', true],
    ['xinyuan-service', '6.2.1.6-1', false],
    ['jiale-catering', '6.2.1.2-b', false],
    ['xinyuan-service', '6.2.3.2', true],
    ['jiale-catering', '6.2.3.2', false],
    ['huayu-property', '6.2.1.2-b', true],
    ['jiale-catering', '6.2.5.2', false],
    ['xinyuan-service', '6.2.5.2', false],
  ] as const)('%s — %s applies: %s', (provider, requirement, applies) => {
    const mine = of(april, provider, requirement);
    expect(mine.length).toBeGreaterThan(0);
    if (applies) expect(mine.some((x) => x.reason_code === 'no-unit')).toBe(false);
    else {
      expect(mine.every((x) => x.status === 'not-applicable' && x.reason_code === 'no-unit')).toBe(true);
      expect(mine[0]!.reason?.zh).toMatch(/不负责.+本条不适用/);
    }
  });

  it('a frequency clause under it reports not applicable per count, like its grids', () => {
    const mine = of(april, 'huayu-property', '6.2.2.3');
    expect(mine.map((x) => [x.scope.kind, x.status, x.reason_code])).toEqual(mine.map((x) => [x.scope.kind, 'not-applicable', 'no-unit']));
    expect(mine.every((x) => x.scope.kind !== 'provider')).toBe(true);
  });

  it("the provider with such a building is judged on its data (here: the sample's events, with April's injected late class)", () => {
    const [f] = of(april, 'huayu-property', '6.2.1.6-1');
    expect(f!.status).toBe('failed');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'examples', 'sample-university', 'manifest.json'), 'utf8')) as { violations: { key: string; records?: string[] }[] };
    const late = manifest.violations.find((v) => v.key === 'ev-class-late')!.records!;
    expect(f!.evidence.map((e) => e.record)).toEqual(late);
  });

  it('the provider with such a building is judged whatever it submitted (no events at all is no data, not a pass)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-applicability-noev-'));
    const bare = openStore(join(dir, 'db.sqlite'));
    const { submit } = await import('../engine/data/submit.ts');
    const file = join(ROOT, 'examples', 'sample-university', 'work-orders.ndjson');
    expect((await submit(submitOptions(tree, bare, dir, file, 'work-orders', { display: 'work-orders.ndjson' }))).status).toBe('stored');
    const [f] = of(evaluate({ tree, store: bare, period: '2026-04' }), 'huayu-property', '6.2.1.6-1');
    expect(f!.status).toBe('not-reviewed');
    expect(f!.reason_code).toBe('no-data');
  });
});

describe('a campus-wide equipment count binds the provider with that campus duty', () => {
  it('street lights (5.1.2.6-2): 信远 has the duty (register duties) and is judged; 嘉乐 and 华宇 (whose contract excludes it) are not bound', () => {
    expect(of(april, 'xinyuan-service', '5.1.2.6-2').map((x) => x.status)).toContain('failed');
    expect(of(april, 'jiale-catering', '5.1.2.6-2').every((x) => x.status === 'not-applicable' && x.reason_code === 'no-unit')).toBe(true);
    expect(of(april, 'huayu-property', '5.1.2.6-2')).toEqual([]);
  });

  it('monitoring equipment (5.2.3.2-a): the campus provider 华宇 is judged; 信远 and 嘉乐 are not bound', () => {
    expect(of(april, 'huayu-property', '5.2.3.2-a').some((x) => x.reason_code === 'no-unit')).toBe(false);
    for (const p of ['xinyuan-service', 'jiale-catering']) expect(of(april, p, '5.2.3.2-a').every((x) => x.reason_code === 'no-unit')).toBe(true);
  });

  it('without duties in the register the campus duty falls to the campus’s provider (华宇), so 信远 is not bound', () => {
    const t: Tree = { ...tree, registers: tree.registers.map((l) => ({ ...l, value: { ...l.value, campuses: l.value.campuses.map((c) => ({ ...c, duties: [] })) } })) };
    const f = evaluate({ tree: t, store, period: '2026-04', provider: 'xinyuan-service' });
    expect(of(f, 'xinyuan-service', '5.1.2.6-2').every((x) => x.reason_code === 'no-unit')).toBe(true);
  });
});

describe('a rate the register gives as a campus duty', () => {
  it('room temperatures in the heating season (5.1.2.10-5) bind 信远 (duties name it for 5.1.2.10), not the caterer', () => {
    const march = evaluate({ tree, store, period: '2026-03' });
    expect(of(march, 'jiale-catering', '5.1.2.10-5').every((x) => x.status === 'not-applicable' && x.reason_code === 'no-unit')).toBe(true);
    expect(of(march, 'xinyuan-service', '5.1.2.10-5').some((x) => x.reason_code === 'no-unit')).toBe(false);
  });

  it('a plan rate no campus duty names is judged for the unit it binds (the general office’s on-time rate)', () => {
    expect(of(april, 'general-office', 'office-service-guide:on-time-target').some((x) => x.reason_code === 'no-unit')).toBe(false);
  });
});

describe('the plans’ rate forms say "no data" like every other rate', () => {
  it('an empty month of the general office: the error rate (share) and the 20 % sampling (count ratio) are no data, not passes', () => {
    const empty = openStore(join(mkdtempSync(join(tmpdir(), 'charter-empty-')), 'db.sqlite'));
    const f = evaluate({ tree, store: empty, period: '2026-04', provider: 'general-office' });
    for (const req of ['office-service-guide:error-rate']) {
      const mine = of(f, 'general-office', req);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((x) => x.status === 'not-reviewed' && x.reason_code === 'no-data')).toBe(true);
    }
    // The sampling share has no work orders to sample at all: not applicable (nothing to sample), never passed.
    expect(of(f, 'general-office', 'office-service-guide:record-sampling').every((x) => x.status !== 'passed')).toBe(true);
    empty.close();
  });
});
