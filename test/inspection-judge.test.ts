// The inspection verdicts (engine/inspections/judge.ts), table-driven on hand-built rounds: what a logistics
// office decides by hand when it lays the month's results beside the month's plan.
import { describe, expect, it } from 'vitest';
import { createInspectionJudge, judgeInspection, judgeOffice, matchResults, dueRows, type JudgedRound, type InspectionResult, type Verdict } from '../engine/inspections/judge.ts';

const names = new Map([
  ['main', '本部'],
  ['d01', '学生公寓1号楼'],
  ['d02', '学生公寓2号楼'],
  ['d03', '学生公寓3号楼'],
]);
const place = (id: string, kind: 'campus' | 'building' | 'place' = 'building') => ({ id, name: names.get(id) ?? id, kind, campus: 'main' });

/** A month round of huayu on the main campus with one row per (place, requirement). */
function round(id: string, start: string, end: string, rows: [string, string, ('month' | 'quarter' | 'week')?][]): JudgedRound {
  return {
    id,
    start,
    end,
    provider: { id: 'huayu-property' },
    campus: { id: 'main' },
    rows: rows.map(([p, req, every]) => ({ round: id, place: place(p, p === 'main' ? 'campus' : 'building'), requirement: req, reference: req, every: every ?? 'month', due: 1, id: `${id}:${p}:${req}` })),
  };
}
const APRIL = round('2026-04-huayu-property-main', '2026-04-01', '2026-04-30', [
  ['d01', '6.1.2.1'],
  ['d02', '6.1.2.1'],
]);
let n = 0;
const result = (o: Partial<InspectionResult> & { at: string }): InspectionResult => {
  const { at, ...rest } = o;
  return { id: `R${++n}`, provider: 'huayu-property', requirement: '6.1.2.1', inspected_at: `${at}:00+08:00`, campus: 'main', inspector: '张老师', result: 'passed', ...rest };
};
const judge = (rounds: JudgedRound[], results: InspectionResult[], o: { anyData?: boolean; asOfDay?: string } = {}): Verdict =>
  judgeInspection({ rows: dueRows(rounds).filter((d) => d.row.requirement === '6.1.2.1'), results, anyData: o.anyData ?? true, asOfDay: o.asOfDay ?? '2026-04-30', names, evidenceLimit: 50 });

describe('an inspection requirement against the month’s plan', () => {
  const cases: { name: string; rounds: JudgedRound[]; results: InspectionResult[]; anyData?: boolean; status: string; reason_code?: string; evidence?: string[]; measured?: string | number }[] = [
    {
      name: 'every due place inspected and passed → passed',
      rounds: [APRIL],
      results: [result({ place: 'd01', round: APRIL.id, at: '2026-04-08T10:00' }), result({ building: 'd02', at: '2026-04-09T10:00' })],
      status: 'passed',
      measured: '2/2',
    },
    {
      name: 'one place failed → failed, with the failed result as evidence',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00' }), result({ place: 'd02', at: '2026-04-09T10:00', result: 'failed', notes: '楼道堆放杂物', photos: 'P12' })],
      status: 'failed',
      evidence: ['failed d02'],
      measured: '1/2',
    },
    {
      name: 'one due place not inspected → not reviewed, inspection-missed, the place listed',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00' })],
      status: 'not-reviewed',
      reason_code: 'inspection-missed',
      evidence: ['inspection-missed d02'],
    },
    {
      name: 'a result outside its round’s days does not answer the row (by place), but its round id does',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-05-02T10:00' }), result({ place: 'd02', round: APRIL.id, at: '2026-05-03T10:00' })],
      status: 'not-reviewed',
      reason_code: 'inspection-missed',
      evidence: ['inspection-missed d01'],
    },
    { name: 'nothing due, nothing found → not reviewed, not-due', rounds: [], results: [], status: 'not-reviewed', reason_code: 'not-due' },
    { name: 'due rows but no inspection result submitted at all this month → no-data', rounds: [APRIL], results: [], anyData: false, status: 'not-reviewed', reason_code: 'no-data' },
    {
      name: 'every due place marked 不适用 → not-applicable',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00', result: 'not-applicable' }), result({ place: 'd02', at: '2026-04-09T10:00', result: 'not-applicable' })],
      status: 'not-applicable',
    },
    {
      name: 'one 不适用 and one 合格 → passed (不适用 is not counted)',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00', result: 'not-applicable' }), result({ place: 'd02', at: '2026-04-09T10:00' })],
      status: 'passed',
      measured: '1/1',
    },
    {
      name: 'a failure at a place not sampled this month still fails (a problem found anywhere)',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00' }), result({ place: 'd02', at: '2026-04-09T10:00' }), result({ place: 'd03', at: '2026-04-10T10:00', result: 'failed', notes: '消防通道堵塞' })],
      status: 'failed',
      evidence: ['failed d03'],
    },
    {
      name: 'the older boolean passed still reads (false = 不合格)',
      rounds: [APRIL],
      results: [result({ place: 'd01', at: '2026-04-08T10:00', result: undefined, passed: true }), result({ place: 'd02', at: '2026-04-09T10:00', result: undefined, passed: false })],
      status: 'failed',
    },
    {
      name: 'a passed result with nothing due → passed (results outside the plan count)',
      rounds: [],
      results: [result({ place: 'd03', at: '2026-04-10T10:00' })],
      status: 'passed',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const v = judge(c.rounds, c.results.map((r) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== undefined))), { anyData: c.anyData ?? true });
      expect(v.status).toBe(c.status);
      if (c.reason_code) expect(v.reason_code).toBe(c.reason_code);
      if (c.evidence) expect(v.evidence.map((e) => `${e.outcome} ${e.unit}`)).toEqual(c.evidence);
      if (c.measured !== undefined) expect(v.measured).toBe(c.measured);
      expect(v.evidence_total).toBe(v.evidence.length);
      // Chinese first, English second; a person reads every verdict's reason.
      expect(v.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(v.reason.en).toBeTruthy();
    });
  }

  it('failed evidence names the place, the inspector, the local time, the note and photos', () => {
    const v = judge([APRIL], [result({ place: 'd02', at: '2026-04-09T10:05', result: 'failed', notes: '楼道堆放杂物', photos: 'P12', round: APRIL.id })]);
    expect(v.evidence[0]).toEqual({
      record: expect.any(String),
      unit: 'd02',
      place: '学生公寓2号楼',
      outcome: 'failed',
      actual: '楼道堆放杂物',
      inspector: '张老师',
      at: '2026-04-09 10:05',
      round: APRIL.id,
      note: '照片 P12',
      // The sentence a supervisor reads: place, local time, what was found, who, photos (issue 13 §1).
      text: { zh: '学生公寓2号楼 4月9日 10:05 现场检查不合格：楼道堆放杂物（检查人 张老师；照片 P12）', en: '学生公寓2号楼, 9 Apr 10:05: failed on inspection: 楼道堆放杂物 (inspector 张老师; photos P12)' },
    });
    expect(v.reason.zh).toContain('学生公寓2号楼');
  });

  it('a missed row is evidence with its round and days; the reason lists the places', () => {
    const v = judge([APRIL], [result({ place: 'd01', at: '2026-04-08T10:00' })]);
    expect(v.evidence).toEqual([
      {
        unit: 'd02',
        place: '学生公寓2号楼',
        cell: APRIL.id,
        round: APRIL.id,
        outcome: 'inspection-missed',
        actual: '0/1',
        required: '2026-04-01..2026-04-30',
        // The round in words, never its id; the days as people write them.
        text: { zh: '学生公寓2号楼 未按计划检查（4月月度检查，4月1日至4月30日，已查 0 次，应查 1 次）', en: '学生公寓2号楼: not inspected as planned (April monthly round, 1 Apr to 30 Apr; 0 of 1 done)' },
      },
    ]);
    expect(v.reason.zh).toBe('本月应检查 2 处，1 处未检查：学生公寓2号楼');
  });

  it('a round not over at the as-of day is not yet missed: pending', () => {
    const v = judge([APRIL], [result({ place: 'd01', at: '2026-04-08T10:00' })], { asOfDay: '2026-04-15' });
    expect([v.status, v.reason_code]).toEqual(['not-reviewed', 'pending']);
  });

  it('each result answers one row only: two weekly rows of one place need two results', () => {
    const w1 = round('2026-04-W1-huayu-property-main', '2026-04-01', '2026-04-05', [['d01', '6.1.2.1', 'week']]);
    const w2 = round('2026-04-W2-huayu-property-main', '2026-04-06', '2026-04-12', [['d01', '6.1.2.1', 'week']]);
    const rows = dueRows([w1, w2]);
    expect(matchResults(rows, [result({ place: 'd01', at: '2026-04-03T10:00' })]).missing.map((d) => d.round.id)).toEqual([w2.id]);
    // Filled on week 1's sheet but on a day of week 2: it answers week 1 (its round), week 2 stays missed.
    expect(matchResults(rows, [result({ place: 'd01', round: w1.id, at: '2026-04-07T10:00' })]).missing.map((d) => d.round.id)).toEqual([w2.id]);
  });

  it('a campus-wide row is answered by a result anywhere on the campus', () => {
    const r = round('2026-04-huayu-property-main', '2026-04-01', '2026-04-30', [['main', '6.1.2.1']]);
    expect(judge([r], [result({ building: 'd03', at: '2026-04-08T10:00' })]).status).toBe('passed');
  });
});

describe('quarter, term and year inspections carry their verdict through the interval', () => {
  // April is the quarter's first month: the quarterly row is due then; May and June have nothing due.
  const Q = round('2026-04-huayu-property-main', '2026-04-01', '2026-04-30', [['d01', '6.1.2.1', 'quarter']]);
  const planner = (p: string) => ({ rounds: p === '2026-04' ? [Q] : [] });
  const ctx = (period: string, results: InspectionResult[]) =>
    createInspectionJudge({
      period,
      planner,
      results: (from, to) => results.filter((r) => String(r.inspected_at).slice(0, 10) >= from && String(r.inspected_at).slice(0, 10) < to),
      asOfDay: `${period}-28`,
      names,
      evidenceLimit: 50,
      terms: [{ start: '2026-02-23', end: '2026-07-03' }],
    });

  it('passed in April → passed in May and June, saying so', () => {
    const rs = [result({ place: 'd01', at: '2026-04-10T09:30' })];
    expect(ctx('2026-04', rs).judge('huayu-property', '6.1.2.1').status).toBe('passed');
    for (const m of ['2026-05', '2026-06']) {
      const v = ctx(m, rs).judge('huayu-property', '6.1.2.1');
      expect([v.status, v.reason_code]).toEqual(['passed', 'carried-over']);
      expect(v.reason.zh).toBe('本季度的检查已于 4月10日 完成（合格），结论沿用至本季度结束');
    }
    // July is the next quarter: its row (planned in July by the planner, none here) is not carried from April.
    expect(ctx('2026-07', rs).judge('huayu-property', '6.1.2.1').reason_code).toBe('not-due');
  });

  it('failed in April → failed in May, with April’s evidence', () => {
    const rs = [result({ place: 'd01', at: '2026-04-10T09:30', result: 'failed', notes: '灭火器过期' })];
    const v = ctx('2026-05', rs).judge('huayu-property', '6.1.2.1');
    expect([v.status, v.reason_code]).toEqual(['failed', 'carried-over']);
    expect(v.evidence.map((e) => e.actual)).toEqual(['灭火器过期']);
  });

  it('not done in April → still missed in May', () => {
    const rs = [result({ requirement: '4.4', place: 'd01', at: '2026-04-10T09:30' })];
    const v = ctx('2026-05', rs).judge('huayu-property', '6.1.2.1');
    expect([v.status, v.reason_code]).toEqual(['not-reviewed', 'inspection-missed']);
  });

  it('done late, in May → judged on May’s result', () => {
    const rs = [result({ place: 'd01', at: '2026-05-06T09:30', result: 'failed', notes: '标识缺失' })];
    expect(ctx('2026-05', rs).judge('huayu-property', '6.1.2.1').status).toBe('failed');
  });
});

describe('the inspector unit’s own finding: the month’s planned rounds done?', () => {
  const R = round('2026-04-huayu-property-main', '2026-04-01', '2026-04-30', [
    ['d01', '6.1.2.1'],
    ['d01', '6.1.2.2'],
    ['d02', '6.1.2.1'],
  ]);
  const rows = dueRows([R]);
  it('all done → passed', () => {
    const rs = [result({ place: 'd01', at: '2026-04-08T10:00' }), result({ place: 'd01', requirement: '6.1.2.2', at: '2026-04-08T10:00', result: 'failed' }), result({ place: 'd02', at: '2026-04-08T10:00' })];
    // A failed result is a done inspection: the office did its part.
    expect(judgeOffice({ rows, results: rs, anyData: true, asOfDay: '2026-04-30', evidenceLimit: 50 }).status).toBe('passed');
  });
  it('a place not visited → failed, evidence per round and place with the requirements missed', () => {
    const v = judgeOffice({ rows, results: [result({ place: 'd01', at: '2026-04-08T10:00' })], anyData: true, asOfDay: '2026-04-30', evidenceLimit: 50 });
    expect([v.status, v.reason_code, v.measured]).toEqual(['failed', 'inspection-missed', '1/3']);
    expect(v.evidence).toEqual([
      expect.objectContaining({ unit: 'd01', place: '学生公寓1号楼', round: R.id, actual: '1/2', note: '6.1.2.2' }),
      expect.objectContaining({ unit: 'd02', place: '学生公寓2号楼', round: R.id, actual: '0/1', note: '6.1.2.1' }),
    ]);
  });
  it('nothing entered at all → no-data, never passed; nothing planned → not-due', () => {
    expect(judgeOffice({ rows, results: [], anyData: false, asOfDay: '2026-04-30', evidenceLimit: 50 }).reason_code).toBe('no-data');
    expect(judgeOffice({ rows: [], results: [], anyData: true, asOfDay: '2026-04-30', evidenceLimit: 50 }).reason_code).toBe('not-due');
  });
});

describe('a quarterly inspection done late', () => {
  const Q = round('2026-04-huayu-property-main', '2026-04-01', '2026-04-30', [['d01', '6.1.2.1', 'quarter']]);
  const judgeIn = (period: string, results: InspectionResult[]) =>
    createInspectionJudge({ period, planner: (p) => ({ rounds: p === '2026-04' ? [Q] : [] }), results: (from, to) => results.filter((r) => String(r.inspected_at).slice(0, 10) >= from && String(r.inspected_at).slice(0, 10) < to), asOfDay: `${period}-30`, names, evidenceLimit: 50, terms: [] }).judge('huayu-property', '6.1.2.1');
  it('missed in April, done in May: May judges it, and June carries May’s verdict', () => {
    const rs = [result({ place: 'd01', at: '2026-05-12T09:30' })];
    expect(judgeIn('2026-04', rs).reason_code).toBe('no-data'); // nothing at all was entered in April
    expect(judgeIn('2026-05', rs).status).toBe('passed');
    expect([judgeIn('2026-06', rs).status, judgeIn('2026-06', rs).reason_code]).toEqual(['passed', 'carried-over']);
  });
});

describe('a calendar-bound inspection outside its calendar', () => {
  it('nothing due, nothing found, no day of the heating season this month → not applicable (outside-calendar)', () => {
    const v = judgeInspection({ rows: [], results: [], anyData: true, asOfDay: '2026-04-30', names, evidenceLimit: 50, outsideCalendar: { zh: '供暖期', en: 'heating season' } });
    expect([v.status, v.reason_code, v.reason.zh]).toEqual(['not-applicable', 'outside-calendar', '本月不在供暖期内，本条无需检查']);
  });
  it('a result found anyway is judged on what it found', () => {
    const v = judgeInspection({ rows: [], results: [result({ place: 'd01', at: '2026-04-08T10:00', result: 'failed', notes: '换热站漏水' })], anyData: true, asOfDay: '2026-04-30', names, evidenceLimit: 50, outsideCalendar: { zh: '供暖期' } });
    expect(v.status).toBe('failed');
  });
});
