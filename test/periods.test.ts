// Month boundaries (issue 10 §1, §2): a case is judged once, finally, in the month it closes or its
// deadline passes; open cases within their deadline are pending and carried forward; late data for an
// evaluated month is reported; a provider-period without data is "no data", never passed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDINGS_SCHEMA } from '../engine/evaluate/findings-schema.ts';
import { submit } from '../engine/data/submit.ts';
import { evaluate, type Findings } from '../engine/evaluate/evaluate.ts';
import { lateChanges, recordRun } from '../engine/evaluate/runs.ts';
import type { RecordKind } from '../engine/model/vocabulary.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT, submitOptions } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const wo = (id: string, reported: string, arrived?: string, extra: Record<string, unknown> = {}) => ({
  id,
  provider: 'huayu-property',
  campus: 'main',
  building: 'd01',
  category: 'general',
  priority: 'normal',
  reported_at: `${reported}:00+08:00`,
  ...(arrived ? { arrived_at: `${arrived}:00+08:00` } : {}),
  ...extra,
});
const complaint = (id: string, received: string, replied?: string, provider = 'huayu-property') => ({
  id,
  provider,
  received_at: `${received}:00+08:00`,
  ...(replied ? { replied_at: `${replied}:00+08:00` } : {}),
});

async function put(store: Store, dir: string, kind: RecordKind, rows: object[], now: string): Promise<void> {
  const file = join(dir, `${kind}-${now.replace(/\W/g, '')}.ndjson`);
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = await submit(submitOptions(tree, store, dir, file, kind, { now: new Date(now) }));
  expect(r.status, JSON.stringify(r.problems)).toBe('stored');
}

const schema = new Ajv2020({ allErrors: true, strict: false }).compile(FINDINGS_SCHEMA);
const valid = (f: Findings): unknown => (schema(JSON.parse(JSON.stringify(f))) ? [] : schema.errors);
const finding = (f: Findings, req: string, provider = 'huayu-property') => f.findings.find((x) => x.requirement === req && x.provider === provider)!;
const pledge = (f: Findings, req: string, limit: string, provider = 'huayu-property') => f.pledges.find((p) => p.requirement === req && p.limit === limit && p.provider === provider);
const recordsOf = (f: Findings, req: string, provider = 'huayu-property') => finding(f, req, provider).evidence.map((e) => e.record);

describe('a case is judged once, in the month it closes or its deadline passes', () => {
  let store: Store;
  let dir: string;
  let april: Findings;
  let may: Findings;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    store = openStore(join(dir, 'db.sqlite'));
    await put(
      store,
      dir,
      'work-orders',
      [
        wo('W-APR', '2026-04-10T10:00', '2026-04-10T10:30'), // met in April
        wo('W-LATE-NIGHT', '2026-04-30T23:00', '2026-05-01T02:30'), // 2 h: deadline 05-01 01:00, missed in May
        wo('W-MET-NEXT', '2026-04-30T23:30', '2026-05-01T00:45'), // 2 h: met, closes in May
        wo('W-MAY', '2026-05-12T10:00', '2026-05-12T10:20'),
      ],
      '2026-05-02T02:00:00Z',
    );
    await put(
      store,
      dir,
      'complaints',
      [
        complaint('C-NEVER', '2026-04-30T20:00'), // 24 h, never answered: a miss in May
        complaint('C-APR', '2026-04-08T09:00', '2026-04-08T15:00'),
        complaint('C-MAY', '2026-05-06T09:00', '2026-05-06T12:00'),
      ],
      '2026-05-02T02:00:00Z',
    );
    april = evaluate({ tree, store, period: '2026-04', provider: 'huayu-property' });
    may = evaluate({ tree, store, period: '2026-05', provider: 'huayu-property' });
  });

  it('a complaint received 30 April 20:00 and never answered is pending in April and a miss in May', () => {
    expect(recordsOf(april, '4.3-2')).not.toContain('C-NEVER');
    expect(finding(april, '4.3-2').pending).toContainEqual({ record: 'C-NEVER', limit: 'complaint-feedback', deadline: '2026-05-01T20:00:00+08:00' });
    expect(pledge(april, '4.3-2', 'complaint-feedback')).toMatchObject({ n: 1, met: 1, open_pending: 1 });
    expect(finding(may, '4.3-2').evidence).toContainEqual(expect.objectContaining({ record: 'C-NEVER', outcome: 'open-breached' }));
    expect(pledge(may, '4.3-2', 'complaint-feedback')).toMatchObject({ n: 2, met: 1, missed: 1, open_breached: 1, open_pending: 0 });
    expect(finding(may, '4.3-2').status).toBe('failed');
  });

  it('a work order reported 30 April 23:00 and reached 1 May 02:30 is missed once, in May', () => {
    expect(recordsOf(april, '4.3-1')).not.toContain('W-LATE-NIGHT');
    expect(finding(april, '4.3-1').pending?.map((p) => p.record)).toContain('W-LATE-NIGHT');
    expect(finding(april, '4.3-1').pending?.find((p) => p.record === 'W-LATE-NIGHT')?.deadline).toBe('2026-05-01T01:00:00+08:00');
    expect(recordsOf(may, '4.3-1')).toContain('W-LATE-NIGHT');
    expect(finding(may, '4.3-1').evidence.filter((e) => e.record === 'W-LATE-NIGHT')).toEqual([expect.objectContaining({ outcome: 'missed' })]);
  });

  it('a met case is judged in the month it closes', () => {
    expect(pledge(april, '4.3-1', 'working-hours')).toMatchObject({ n: 1, met: 1 });
    expect(pledge(april, '4.3-1', 'other-hours')).toMatchObject({ n: 0, open_pending: 2 });
    expect(pledge(may, '4.3-1', 'other-hours')).toMatchObject({ n: 2, met: 1, missed: 1, open_pending: 0 });
    expect(finding(april, '4.3-1').status).toBe('passed');
    expect(finding(may, '4.3-1').status).toBe('failed');
  });

  it('findings with pending cases follow the findings schema', () => {
    expect(valid(april)).toEqual([]);
    expect(valid(may)).toEqual([]);
  });

  it('no case is counted in two months, and none is lost', () => {
    const n = (f: Findings, req: string) => f.pledges.filter((p) => p.requirement === req).reduce((a, p) => a + p.n, 0);
    expect(n(april, '4.3-1') + n(may, '4.3-1')).toBe(4);
    expect(n(april, '4.3-2') + n(may, '4.3-2')).toBe(3);
    // Nothing is pending at the end of May: every case has been judged.
    expect(finding(may, '4.3-1').pending ?? []).toEqual([]);
  });

  it('an explicit as-of before the deadline keeps the case pending; a later one past it still judges it in May', () => {
    const early = evaluate({ tree, store, period: '2026-05', provider: 'huayu-property', asOf: new Date('2026-05-01T08:00:00+08:00') });
    expect(finding(early, '4.3-2').pending?.map((p) => p.record)).toEqual(['C-NEVER']);
    const lateApril = evaluate({ tree, store, period: '2026-04', provider: 'huayu-property', asOf: new Date('2026-06-01T00:00:00+08:00') });
    // Judged in May whatever the as-of of April's evaluation: never in April, never pending there.
    expect(recordsOf(lateApril, '4.3-2')).not.toContain('C-NEVER');
    expect(finding(lateApril, '4.3-2').pending ?? []).toEqual([]);
  });
});

describe('a day-counted deadline across the May Day holiday', () => {
  it('5 working days from 29 April run past May Day; the case is pending in April and judged in May', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    const store = openStore(join(dir, 'db.sqlite'));
    await put(store, dir, 'complaints', [complaint('G-OPEN', '2026-04-29T10:00', undefined, 'xinyuan-service'), complaint('G-MET', '2026-04-29T10:00', '2026-05-08T16:00', 'xinyuan-service')], '2026-05-02T02:00:00Z');
    const opts = { tree, store, provider: 'xinyuan-service', profile: 'office-service-guide' };
    const april = evaluate({ ...opts, period: '2026-04' });
    const may = evaluate({ ...opts, period: '2026-05' });
    const req = 'office-service-guide:complaint-reply';
    // Working days after 29 April: 30 April, then (1–5 May off) 6, 7, 8, 9 May (Saturday 9 May is a make-up workday).
    expect(finding(april, req, 'xinyuan-service').pending).toEqual([
      { record: 'G-MET', limit: 'other', deadline: '2026-05-10T00:00:00+08:00' },
      { record: 'G-OPEN', limit: 'other', deadline: '2026-05-10T00:00:00+08:00' },
    ]);
    expect(pledge(april, req, 'other', 'xinyuan-service')).toMatchObject({ n: 0, open_pending: 2 });
    // Only pending cases: no verdict yet (neither passed nor not applicable).
    expect(finding(april, req, 'xinyuan-service')).toMatchObject({ status: 'not-reviewed', reason_code: 'pending' });
    expect(pledge(may, req, 'other', 'xinyuan-service')).toMatchObject({ n: 2, met: 1, open_breached: 1 });
    store.close();
  });

  it('10 working days for a complex complaint reach back two weeks and more: the lookback is derived, not a constant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    const store = openStore(join(dir, 'db.sqlite'));
    const complex = (id: string, replied?: string) => ({ ...complaint(id, '2026-04-17T10:00', replied, 'xinyuan-service'), complexity: 'complex' });
    await put(store, dir, 'complaints', [complex('X-OPEN'), complex('X-MET', '2026-05-06T15:00'), complex('X-APR', '2026-04-24T15:00')], '2026-05-02T02:00:00Z');
    const opts = { tree, store, provider: 'xinyuan-service', profile: 'office-service-guide' };
    const req = 'office-service-guide:complaint-reply';
    const april = evaluate({ ...opts, period: '2026-04' });
    // 17 April + 10 working days (20–24, 27–30 April, 6 May): due by the end of 6 May.
    expect(finding(april, req, 'xinyuan-service').pending?.map((p) => [p.record, p.deadline])).toEqual([
      ['X-MET', '2026-05-07T00:00:00+08:00'],
      ['X-OPEN', '2026-05-07T00:00:00+08:00'],
    ]);
    expect(pledge(april, req, 'complex', 'xinyuan-service')).toMatchObject({ n: 1, met: 1, open_pending: 2 });
    const may = evaluate({ ...opts, period: '2026-05' });
    expect(pledge(may, req, 'complex', 'xinyuan-service')).toMatchObject({ n: 2, met: 1, open_breached: 1 });
    expect(finding(may, req, 'xinyuan-service').evidence.map((e) => e.record)).toEqual(['X-OPEN']);
    store.close();
  });
});

describe('late data for an evaluated month', () => {
  it('a record submitted after April was evaluated is reported by May’s evaluation, with the change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    const store = openStore(join(dir, 'db.sqlite'));
    await put(store, dir, 'work-orders', [wo('L-1', '2026-04-10T10:00', '2026-04-10T10:30'), wo('L-2', '2026-04-11T10:00', '2026-04-11T10:40')], '2026-05-02T02:00:00Z');
    const april = evaluate({ tree, store, period: '2026-04', provider: 'huayu-property' });
    recordRun(store, april, { evaluatedAt: new Date('2026-05-03T02:00:00Z'), provider: 'huayu-property' });
    expect(lateChanges({ tree, store, period: '2026-05' })).toEqual([]);
    // Submitted on 10 May: a work order of 16 April (a Thursday; 15 April is the school's closure day), reached after 3 hours.
    // And one reported on 30 April at night, reached after midnight: judged in May, where it simply counts.
    await put(store, dir, 'work-orders', [wo('L-3', '2026-04-16T10:00', '2026-04-16T13:00'), wo('L-4', '2026-05-12T10:00', '2026-05-12T10:10'), wo('L-5', '2026-04-30T23:00', '2026-05-01T00:30')], '2026-05-10T02:00:00Z');
    const changes = lateChanges({ tree, store, period: '2026-05' });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.period).toBe('2026-04');
    const c = changes[0]!.changes.find((x) => x.requirement === '4.3-1' && x.provider === 'huayu-property')!;
    expect(c).toMatchObject({ before: 'passed', after: 'failed' });
    expect(c.pledges).toEqual([expect.objectContaining({ limit: 'working-hours', before: { met: 1, n: 1 }, after: { met: 1, n: 2 } })]);
    // The late record is not lost: April's evaluation now counts it, May's does not.
    expect(pledge(evaluate({ tree, store, period: '2026-04', provider: 'huayu-property' }), '4.3-1', 'working-hours')).toMatchObject({ n: 2, missed: 1 });
    const may = evaluate({ tree, store, period: '2026-05', provider: 'huayu-property' });
    expect(pledge(may, '4.3-1', 'working-hours')).toMatchObject({ n: 1 });
    expect(pledge(may, '4.3-1', 'other-hours')).toMatchObject({ n: 1, met: 1 });
    store.close();
  });

  it('charter evaluate says so, Chinese first, and in --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    const db = join(dir, 'db.sqlite');
    const store = openStore(db);
    await put(store, dir, 'work-orders', [wo('K-1', '2026-04-10T10:00', '2026-04-10T10:30')], '2026-05-02T02:00:00Z');
    store.close();
    const a = charter(['evaluate', '--period', '2026-04', '--provider', 'huayu-property', '--db', db, '--out', join(dir, 'out-04'), '--now', '2026-05-03T10:00:00+08:00']);
    expect(a.code, a.stderr).toBe(0);
    const s2 = openStore(db);
    await put(s2, dir, 'work-orders', [wo('K-2', '2026-04-20T10:00', '2026-04-20T13:00')], '2026-05-10T02:00:00Z');
    s2.close();
    const b = charter(['evaluate', '--period', '2026-05', '--provider', 'huayu-property', '--db', db, '--out', join(dir, 'out-05'), '--now', '2026-06-01T10:00:00+08:00']);
    expect(b.stdout).toContain('2026年4月的评价结果已因之后提交的数据而改变');
    expect(b.stdout).toMatch(/第4\.3条第1项 华宇物业服务有限公司 .*1\/1 → 1\/2/);
    const j = charter(['evaluate', '--period', '2026-05', '--provider', 'huayu-property', '--db', db, '--out', join(dir, 'out-05'), '--json']);
    const late = (JSON.parse(j.stdout) as { late_changes: { period: string }[] }).late_changes;
    expect(late.map((x) => x.period)).toEqual(['2026-04']);
  });
});

describe('silence is not success', () => {
  let store: Store;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    store = openStore(join(dir, 'db.sqlite'));
    await put(store, dir, 'work-orders', [wo('S-1', '2026-05-12T10:00', '2026-05-12T10:20')], '2026-06-02T02:00:00Z');
    // xinyuan submits complaints; jiale submits none.
    await put(store, dir, 'complaints', [complaint('S-C1', '2026-05-06T09:00', '2026-05-06T12:00', 'xinyuan-service')], '2026-06-02T02:00:00Z');
  });

  it('a provider with no records of a case kind in the month is no data, never passed', () => {
    const f = evaluate({ tree, store, period: '2026-05' });
    const c = finding(f, '4.3-2', 'jiale-catering');
    expect(c).toMatchObject({ status: 'not-reviewed', reason_code: 'no-data' });
    expect(c.reason?.zh).toBe('本期没有提交该类数据');
    expect(finding(f, '4.3-2', 'xinyuan-service').status).toBe('passed');
    expect(finding(f, '4.3-1', 'huayu-property').status).toBe('passed');
    // Records of the kind, none of which the requirement covers (a dormitory repair is not a classroom fault): no case, apart from no data.
    expect(finding(f, '6.2.1.6-3', 'huayu-property')).toMatchObject({ status: 'not-reviewed', reason_code: 'no-case' });
    expect(f.findings.filter((x) => x.type === 'timeliness' && x.status === 'passed' && x.reason_code)).toEqual([]);
  });

  it('a provider with no activity logs at all in the month is no data for its frequencies, not failed', () => {
    const f = evaluate({ tree, store, period: '2026-05' });
    const freq = f.findings.filter((x) => x.provider === 'huayu-property' && x.type === 'frequency');
    expect(freq.length).toBeGreaterThan(0);
    expect(freq.filter((x) => x.status === 'failed')).toEqual([]);
    expect(freq.filter((x) => x.status === 'not-reviewed' && x.reason_code === 'no-data').length).toBeGreaterThan(0);
  });

  it('with activity logs, a missing activity still fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-periods-'));
    const s = openStore(join(dir, 'db.sqlite'));
    await put(s, dir, 'activities', [{ id: 'A-1', provider: 'huayu-property', activity: 'fire-drill', performed_at: '2026-05-12T10:00:00+08:00', campus: 'main' }], '2026-06-02T02:00:00Z');
    const f = evaluate({ tree, store: s, period: '2026-05', provider: 'huayu-property' });
    const freq = f.findings.filter((x) => x.type === 'frequency');
    expect(freq.filter((x) => x.status === 'failed').length).toBeGreaterThan(0);
    expect(freq.filter((x) => x.reason_code === 'no-data')).toEqual([]);
    s.close();
  });

  it('a month entirely outside the service period: the provider is out of service, duties not applicable', () => {
    const f = evaluate({ tree, store, period: '2026-08' });
    expect(f.providers.every((p) => p.in_service === false)).toBe(true);
    expect(f.findings.length).toBeGreaterThan(0);
    expect(f.findings.every((x) => x.status === 'not-applicable' && x.reason_code === 'outside-service')).toBe(true);
    expect(f.summary.passed).toBe(0);
    expect(valid(f)).toEqual([]);
  });
});
