// The pledge rows of the commitment site (engine/site/pledges.ts) and their one status tag
// (site/src/lib/data.ts pledgeTag), counted the way a logistics office would count by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Findings, Pledge } from '../engine/evaluate/evaluate.ts';
import { buildIndex } from '../engine/validate/checks.ts';
import { buildPledges, inService, isComplete, periodCounts } from '../engine/site/pledges.ts';
import type { SitePledgePeriod } from '../engine/site/types.ts';
import { validate } from '../engine/validate/run.ts';
import { countsLine, pledgeTag, SMALL_N } from '../engine/site/pledge-tag.ts';
import { ROOT } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const idx = buildIndex([tree]);

const pledge = (period: string, c: Partial<Pledge>): Pledge => ({
  requirement: '4.3-1', limit: 'working-hours', label: { zh: '工作时间报修到达现场', en: 'On site, working hours' }, provider: 'huayu-property', period, limit_value: 'PT45M',
  n: 0, met: 0, missed: 0, open_breached: 0, open_pending: 0, invalid: 0, excluded: 0, excluded_by_reason: {}, rate: null, target: null, ...c,
});
const findingsOf = (period: string, asOf: string, pledges: Pledge[], findings: Partial<Findings['findings'][number]>[] = []): Findings => ({ as_of: asOf, pledges, findings } as unknown as Findings);

const q = (c: Partial<SitePledgePeriod>): SitePledgePeriod => ({ period: '2026-06', cases: 0, n: 0, met: 0, missed: 0, excluded: 0, open_breached: 0, anomaly: 0, pending: 0, rate: null, complete: true, in_service: true, ...c, ...(c.n ? { rate: (c.met ?? 0) / c.n } : {}) });

describe('a pledge row adds up, as counted by hand', () => {
  // June for 华宇物业, working-hours repairs: 3 on time; 1 closed late; 1 still open past its 45 minutes
  // at the month's end; 1 whose arrival is recorded before its report (impossible: a data anomaly);
  // 2 not counted (a duplicate, a cancelled report); 1 reported on 30 June at 23:50, still within its limit
  // at midnight (judged in July, when it closes). July is still running at the data's as-of (10 July).
  const june = pledge('2026-06', { n: 6, met: 3, missed: 2, open_breached: 1, invalid: 1, excluded: 2, open_pending: 1, excluded_by_reason: { duplicate: 1, cancelled: 1 } });
  const july = pledge('2026-07', { n: 2, met: 2 });
  const findings = new Map([
    ['2026-05', findingsOf('2026-05', '2026-06-01T00:00:00+08:00', [], [{ requirement: '4.3-1', provider: 'huayu-property', status: 'not-reviewed', reason_code: 'no-data' }])],
    ['2026-06', findingsOf('2026-06', '2026-07-01T00:00:00+08:00', [june])],
    ['2026-07', findingsOf('2026-07', '2026-07-10T11:00:00+08:00', [july])],
  ]);
  const { pledges, spans } = buildPledges({ tree, idx, periods: ['2026-05', '2026-06', '2026-07'], findings });
  const row = pledges.find((p) => p.id === '4.3-1#working-hours' && p.provider.id === 'huayu-property')!;

  it('counts every case once: 个案 8 = 按时 3 + 超时 2 + 数据异常 1 + 不计入 2; the pending case waits for July', () => {
    const jun = row.periods.find((p) => p.period === '2026-06')!;
    expect([jun.cases, jun.met, jun.missed, jun.anomaly, jun.excluded, jun.pending, jun.open_breached]).toEqual([8, 3, 2, 1, 2, 1, 1]);
    expect(jun.n).toBe(6);
    expect(countsLine(jun, 'zh')).toBe('个案 8：按时 3，超时 2，数据异常 1，不计入 2');
    expect(pledgeTag(jun, row.target, 'zh')).toEqual({ kind: 'missed', text: '未达成 3 宗' });
  });

  it('reports June (the latest complete month), not July, which is still running at 10 July', () => {
    expect(spans.latest).toBe('2026-06');
    expect(spans.incomplete).toEqual(['2026-07']);
    expect(row.periods.find((p) => p.period === '2026-07')!.complete).toBe(false);
  });

  it('sums the term and the year to date over complete months only, clipped to the service period', () => {
    // The spring term 2026 (calendar.yaml) runs 23 February to 3 July; 华宇's contract 23 February to 3 July.
    expect(spans.term?.name.zh).toBe('2025—2026学年第二学期');
    expect(spans.term?.months).toEqual(['2026-05', '2026-06']);
    expect(row.term).toMatchObject({ cases: 8, met: 3, missed: 2, anomaly: 1, excluded: 2, from: '2026-05-01', to: '2026-06-30' });
    expect(row.year).toMatchObject({ cases: 8, from: '2026-02-23', to: '2026-06-30' });
  });

  it('keeps May as 暂无数据 (nothing submitted), never as 无个案', () => {
    const may = row.periods.find((p) => p.period === '2026-05')!;
    expect(may.no_data).toBe(true);
    expect(pledgeTag(may, null, 'zh').text).toBe('暂无数据');
  });
});

describe('the one status tag', () => {
  it('per-case pledges (no target): 达成 only when every judged case was on time', () => {
    expect(pledgeTag(q({ n: 106, met: 106 }), null, 'zh')).toEqual({ kind: 'met', text: '达成' });
    expect(pledgeTag(q({ n: 1, met: 1 }), null, 'zh').kind).toBe('met');
    expect(pledgeTag(q({ n: 1, met: 0, missed: 1 }), null, 'zh')).toEqual({ kind: 'missed', text: '未达成 1 宗' });
    expect(pledgeTag(q({ n: 78, met: 77, anomaly: 1 }), null, 'zh')).toEqual({ kind: 'missed', text: '未达成 1 宗' });
    expect(pledgeTag(q({ n: 78, met: 75, missed: 3 }), null, 'en')).toEqual({ kind: 'missed', text: 'Not met: 3 cases' });
  });
  it('no judged case is 无个案, even with excluded ones; nothing submitted is 暂无数据', () => {
    expect(pledgeTag(q({ excluded: 2, cases: 2 }), null, 'zh')).toEqual({ kind: 'none', text: '无个案' });
    expect(pledgeTag(q({ no_data: true }), 0.95, 'zh')).toEqual({ kind: 'no-data', text: '暂无数据' });
  });
  it(`with a target rate: the share decides from ${SMALL_N} cases on; below that a miss is 数据不足`, () => {
    expect(pledgeTag(q({ n: 20, met: 19, missed: 1 }), 0.95, 'zh')).toEqual({ kind: 'met', text: '达成' });
    expect(pledgeTag(q({ n: 20, met: 18, missed: 2 }), 0.95, 'zh')).toEqual({ kind: 'missed', text: '未达成 2 宗' });
    expect(pledgeTag(q({ n: 4, met: 3, missed: 1 }), 0.95, 'zh')).toEqual({ kind: 'insufficient', text: '数据不足' });
    expect(pledgeTag(q({ n: 4, met: 4 }), 0.95, 'zh').kind).toBe('met');
  });
  it('cases that could not be placed under a limit (no holiday data) are 数据不足', () => {
    expect(pledgeTag(q({ n: 10, met: 10, calendar_unknown: true }), null, 'zh').kind).toBe('insufficient');
  });
});

describe('periods', () => {
  it('a month is complete once its evaluation ran at or after its end', () => {
    expect(isComplete('2026-06', '2026-07-01T00:00:00+08:00')).toBe(true);
    expect(isComplete('2026-07', '2026-07-10T11:00:00+08:00')).toBe(false);
  });
  it('a month is in service when any of its days is in the provider’s service period', () => {
    const s = { from: '2026-02-23', to: '2026-07-03' };
    expect(['2026-01', '2026-02', '2026-07', '2026-08'].map((p) => inService(p, s))).toEqual([false, true, true, false]);
    expect(inService('2030-01', { from: '2026-02-23', to: null })).toBe(true);
  });
  it('the row identity holds for any counters', () => {
    const c = periodCounts({ met: 7, missed: 3, open_breached: 2, open_pending: 4, invalid: 2, excluded: 5 });
    expect(c.cases).toBe(c.met + c.missed + c.anomaly + c.excluded);
    expect(c.n).toBe(c.met + c.missed + c.anomaly);
  });
});

describe('a hand-made store: six June work orders and one in July for 华宇物业, counted as the office would', () => {
  // Working hours 08:30–17:30 on working days; 华宇's contract: on site within 45 minutes (4.3-1, working hours),
  // 2 hours outside them. June 2026: 2 (Tue), 3 (Wed), 4 (Thu) and 30 (Tue) are working days.
  const wo = (id: string, reported: string, arrived?: string, extra: Record<string, unknown> = {}) => ({ id, provider: 'huayu-property', campus: 'main', building: 'd08', location: '3层', category: 'general', priority: 'normal', complexity: 'simple', reported_at: `2026-${reported}:00+08:00`, ...(arrived ? { arrived_at: `2026-${arrived}:00+08:00`, completed_at: `2026-${arrived}:00+08:00` } : {}), ...extra });
  const rows = [
    wo('WO-T-1', '06-02T10:00', '06-02T10:30'), // on time
    wo('WO-T-2', '06-02T11:00', '06-02T12:00'), // late: 60 minutes
    wo('WO-T-3', '06-03T10:00'), // never reached: late, still open past the limit
    wo('WO-T-4', '06-03T11:00', '06-03T10:50'), // arrival before the report: a data anomaly
    wo('WO-T-5', '06-04T10:00', '06-04T10:20', { exclusion: 'duplicate' }), // not counted
    wo('WO-T-6', '06-30T23:50', '07-01T00:30'), // outside working hours, within 2 h at midnight: counted in July
    wo('WO-T-7', '07-02T10:00', '07-02T10:15'), // July, still running at the data's as-of (10 July)
  ];
  let row: import('../engine/site/types.ts').SitePledge | undefined;
  let other: import('../engine/site/types.ts').SitePledge | undefined;
  let latest: string | null = null;

  it('stores them and builds the rows', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { openStore } = await import('../engine/store/store.ts');
    const { submit } = await import('../engine/data/submit.ts');
    const { buildSiteData } = await import('../engine/site/data.ts');
    const { submitOptions } = await import('./helpers.ts');
    const dir = mkdtempSync(join(tmpdir(), 'charter-pledges-'));
    const file = join(dir, 'work-orders.ndjson');
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const store = openStore(join(dir, 'db.sqlite'));
    const r = await submit(submitOptions(tree, store, dir, file, 'work-orders'));
    expect(r.status).toBe('stored');
    const d = buildSiteData({ tree, store, edition: 'public', asOf: new Date('2026-07-10T11:00:00+08:00') });
    store.close();
    latest = d.pledge_spans.latest;
    row = d.pledges.find((p) => p.id === '4.3-1#working-hours' && p.provider.id === 'huayu-property');
    other = d.pledges.find((p) => p.id === '4.3-1#other-hours' && p.provider.id === 'huayu-property');
  }, 60_000);

  it('June: 个案 5 = 按时 1 + 超时 2 + 数据异常 1 + 不计入 1, tagged 未达成 3 宗', () => {
    expect(latest).toBe('2026-06');
    const jun = row!.periods.find((q) => q.period === '2026-06')!;
    expect({ cases: jun.cases, met: jun.met, missed: jun.missed, open_breached: jun.open_breached, anomaly: jun.anomaly, excluded: jun.excluded }).toEqual({ cases: 5, met: 1, missed: 2, open_breached: 1, anomaly: 1, excluded: 1 });
    expect(pledgeTag(jun, row!.target, 'zh').text).toBe('未达成 3 宗');
  });

  it('the order reported at 23:50 on 30 June is pending in June and on time in July: counted once', () => {
    const jun = other!.periods.find((q) => q.period === '2026-06')!;
    const jul = other!.periods.find((q) => q.period === '2026-07')!;
    expect([jun.cases, jun.pending, jul.met]).toEqual([0, 1, 1]);
    expect(pledgeTag(jun, other!.target, 'zh').text).toBe('无个案');
    // July is still running at 10 July: it is in no total yet.
    expect(other!.term?.months ?? []).not.toContain('2026-07');
  });
});
