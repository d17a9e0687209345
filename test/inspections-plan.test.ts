// Planning inspection rounds (issue 12 §1), decided as a logistics office would by hand: where each requirement
// is looked at, how often, which buildings a monthly or weekly round samples, and who is not inspected at all
// (a company outside its contract period, a company without buildings of a clause's type).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRound, inspectionDuties, planInspections, sampleSize, weeksOf, type InspectionPlan } from '../engine/inspections/plan.ts';
import type { Tree } from '../engine/load/tree.ts';
import type { InspectionsFile, RegisterFile } from '../engine/model/types.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const shipped = tree.inspectionPlans[0]!.value;

/** The shipped tree with another school plan (undefined: none) and/or a changed register. */
function variant(o: { plan?: InspectionsFile | null; register?: (r: RegisterFile) => RegisterFile }): Tree {
  const reg = tree.registers[0]!;
  return {
    ...tree,
    inspectionPlans: o.plan === null ? [] : o.plan ? [{ ...tree.inspectionPlans[0]!, value: o.plan }] : tree.inspectionPlans,
    registers: o.register ? [{ ...reg, value: o.register(structuredClone(reg.value)) }] : tree.registers,
  };
}
/** The shipped plan without sampling: every place of every round is visited. */
const unsampled = variant({ plan: { ...shipped, sampling: [] } });

const round = (p: InspectionPlan, id: string) => p.rounds.find((r) => r.id === id);
const placesFor = (p: InspectionPlan, roundId: string, requirement: string) => (round(p, roundId)?.rows ?? []).filter((r) => r.requirement === requirement).map((r) => r.place.id);

describe('where and how often (defaults, scope, every)', () => {
  const april = planInspections([unsampled], { period: '2026-04' });
  it.each([
    // [round, requirement, places, why]
    // 6.1.1.2 (学生公寓) has applies_to dormitory: default scope building, only the company's dormitories.
    ['2026-04-huayu-property-main', '6.1.1.2', ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08'], 'dormitories only, no teaching building'],
    ['2026-04-huayu-property-east', '6.1.1.2', ['d09', 'd10', 'd11', 'd12', 'd13', 'd14'], 'the east campus has its own round'],
    // No applies_to, no scope: campus-wide, once per campus, for the campus's provider.
    ['2026-04-huayu-property-main', '5.3.4', ['main'], 'campus-wide by default'],
    // scope: building without applies_to: every building of the company.
    ['2026-04-xinyuan-service-main', '5.1.2.9-1', ['l01', 'l02', 'l03', 'lib01', 'o01', 'o02', 'v01', 'v02', 'x01'], 'every building the company runs'],
    // scope: power-room: the register's places of that scope, of that company.
    ['2026-04-xinyuan-service-main', '5.1.2.7-5', ['main-power-room'], 'the power room of the campus'],
    ['2026-04-xinyuan-service-east', '5.1.2.7-5', ['east-power-room'], 'the power room of the campus'],
    ['2026-04-huayu-property-main', '5.1.2.7-5', [], 'the property company runs no power room'],
    // A campus duty the register gives to another company (5.1.2.8 drainage → 信远).
    ['2026-04-xinyuan-service-main', '5.1.2.8-4', ['main'], 'the duties name 信远'],
    ['2026-04-huayu-property-main', '5.1.2.8-4', [], 'not the campus provider’s: the duties name 信远'],
    // 5.3.2 (内部使用场所) applies to dormitories, teaching buildings and laboratories, never to a library.
    ['2026-04-xinyuan-service-main', '5.3.2-1', ['l01', 'l02', 'l03', 'x01'], 'laboratories and the service building, not the library'],
    ['2026-04-jiale-catering-main', '5.3.2-1', ['c01', 'c02'], 'the canteens are 内部使用场所 too'],
    ['2026-04-xinyuan-service-main', '5.3.1-1', ['lib01', 'o01', 'o02', 'v01', 'v02'], 'library, offices, venues'],
  ])('%s %s → %j (%s)', (roundId, requirement, places) => {
    expect(placesFor(april, roundId, requirement)).toEqual(places);
  });

  it('scope: school — the company as a whole (its staff, its organisation) is looked at once, on its home campus', () => {
    // 4.2-3 统一着装: every company bound to the standard, once each; 嘉乐 runs canteens on both campuses, home is 本部.
    const at = april.rounds.flatMap((r) => r.rows.filter((x) => x.requirement === '4.2-3').map((x) => `${r.provider.id}@${x.place.id}`));
    expect(at).toEqual(['huayu-property@main', 'xinyuan-service@main', 'jiale-catering@main']);
  });

  it('inspectionDuties: every place a unit answers for, whatever the month — another company’s campus duty is absent', () => {
    const huayu = inspectionDuties([unsampled], 'huayu-property');
    expect(huayu.get('5.3.4')?.map((p) => p.id)).toEqual(['main', 'east']);
    expect(huayu.has('5.1.2.8-4')).toBe(false); // 信远's by the register's duties
    expect(huayu.get('6.1.4.1')?.length).toBeGreaterThan(0); // a term row is a duty even in a month it is not due
    expect(inspectionDuties([unsampled], 'xinyuan-service').get('5.1.2.8-4')?.map((p) => p.id)).toEqual(['main', 'east']);
    expect(inspectionDuties([unsampled], 'logistics-office').size).toBe(0);
  });

  it('a clause for one kind of building is not planned for a company without such a building', () => {
    const rows = april.rounds.filter((r) => r.provider.id === 'xinyuan-service').flatMap((r) => r.rows);
    expect(rows.some((r) => r.requirement.startsWith('6.1.1.'))).toBe(false); // 信远 runs no dormitory
    expect(april.rounds.filter((r) => r.provider.id === 'jiale-catering').flatMap((r) => r.rows).some((r) => r.requirement.startsWith('6.2.1.'))).toBe(false);
  });

  it('watches (24h值班) are judged from duty rosters, never planned; 可 (may) is never planned', () => {
    const ids = new Set(april.rounds.flatMap((r) => r.rows.map((x) => x.requirement)));
    for (const id of ['6.1.1.1', '5.2.1.1-a', '5.1.2.7-2-a', '4.1-2', '6.1.5.1']) expect(ids.has(id)).toBe(false);
  });

  it.each([
    // [period, requirement, planned?] — term rows in the first served month of the term (spring term from
    // 2026-02-23: February), year rows in the first served month of the year, monthly rows every served month.
    // 5.1.2.12 (air conditioning) is 信远's by the register's campus duties.
    ['2026-02', 'huayu-property', '6.1.4.1', true],
    ['2026-03', 'huayu-property', '6.1.4.1', false],
    ['2026-04', 'huayu-property', '6.1.4.1', false],
    // 5.1.2.12-1 “使用前”: once a year, in the month the air-conditioning season starts (calendar: 2026-06-01).
    ['2026-02', 'xinyuan-service', '5.1.2.12-1', false],
    ['2026-05', 'xinyuan-service', '5.1.2.12-1', false],
    ['2026-06', 'xinyuan-service', '5.1.2.12-1', true],
    ['2026-06', 'huayu-property', '5.1.2.12-1', false],
    // 5.1.2.10-4-c 室温18℃ “供暖期间”: in the months of the heating season only (to 2026-03-15).
    ['2026-03', 'xinyuan-service', '5.1.2.10-4-c', true],
    ['2026-04', 'xinyuan-service', '5.1.2.10-4-c', false],
    // 南通 四、3 “开学季、毕业季…应增加检查频次”: in the months of the season peaks (graduation from 2026-06-15).
    ['2026-05', 'jiale-catering', 'nantong-supervision:peak-season-checks', false],
    ['2026-06', 'jiale-catering', 'nantong-supervision:peak-season-checks', true],
    ['2026-03', 'huayu-property', '5.3.4', true],
    ['2026-06', 'huayu-property', '5.3.4', true],
  ] as const)('%s %s: %s planned %s', (period, provider, requirement, planned) => {
    const p = planInspections([unsampled], { period, provider });
    expect(p.rounds.some((r) => r.rows.some((x) => x.requirement === requirement))).toBe(planned);
  });

  it('the school plan overrides the default: a quarter row is due in the first served month of the quarter', () => {
    const t = variant({ plan: { ...shipped, sampling: [], requirements: [{ requirement: '5.3.4', every: 'quarter' }] } });
    const months = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].filter((period) => planInspections([t], { period, provider: 'huayu-property' }).rounds.some((r) => r.rows.some((x) => x.requirement === '5.3.4')));
    // Q1 is first served in February (from 02-23), Q2 in April.
    expect(months).toEqual(['2026-02', '2026-04']);
  });

  it('a clause id in the school plan covers the items under it, the nearest entry wins', () => {
    const t = variant({ plan: { ...shipped, sampling: [], requirements: [{ requirement: '5.3.2', every: 'week' }, { requirement: '5.3.2-7', every: 'month' }] } });
    const p = planInspections([t], { period: '2026-04', provider: 'huayu-property', week: 2 });
    const ids = new Set(p.rounds.flatMap((r) => r.rows.map((x) => x.requirement)));
    expect([...ids].filter((x) => x.startsWith('5.3.2')).sort()).toEqual(['5.3.2-1', '5.3.2-2', '5.3.2-3', '5.3.2-4', '5.3.2-5', '5.3.2-6']);
  });

  it('rows carry how people cite the clause, the checklist line as title and the verbatim text', () => {
    const r = round(april, '2026-04-huayu-property-main')!.rows.find((x) => x.requirement === '5.1.1.5-2' && x.place.id === 'd01')!;
    expect(r).toMatchObject({ reference: '5.1.1.5 第2项', every: 'month', due: 1, id: '2026-04-huayu-property-main:d01:5.1.1.5-2', round: '2026-04-huayu-property-main' });
    expect(r.text.startsWith('房屋内楼梯、地面、扶手')).toBe(true);
    expect(r.title.zh.length).toBeGreaterThan(0);
    expect(r.place).toEqual({ id: 'd01', name: '学生公寓1号楼', kind: 'building', scope: 'dormitory-building', campus: 'main' });
  });

  it('places in walking order (campus, buildings by id, places by id); rows grouped by place in the standard’s order', () => {
    for (const r of april.rounds) {
      const kinds = r.places.map((p) => ({ campus: 0, building: 1, place: 2 })[p.kind]);
      expect(kinds).toEqual([...kinds].sort());
      const seen = r.rows.map((x) => x.place.id).filter((id, i, a) => a[i - 1] !== id);
      expect(seen).toEqual(r.places.map((p) => p.id));
      expect(new Set(r.rows.map((x) => x.id)).size).toBe(r.rows.length);
    }
    const d01 = round(april, '2026-04-huayu-property-main')!.rows.filter((x) => x.place.id === 'd01').map((x) => x.requirement);
    expect(d01.indexOf('5.1.1.5-1')).toBeLessThan(d01.indexOf('6.1.1.2'));
  });
});

describe('service periods', () => {
  it('a provider outside its service period gets no rounds', () => {
    expect(planInspections([unsampled], { period: '2026-08' }).rounds).toEqual([]);
    expect(planInspections([unsampled], { period: '2026-01', provider: 'huayu-property' }).rounds).toEqual([]);
  });

  it('a contract starting mid-month: the round runs from the first served day, earlier weeks have no round', () => {
    const t = variant({ plan: { ...shipped, sampling: [] }, register: (r) => ({ ...r, providers: r.providers.map((p) => (p.id === 'huayu-property' ? { ...p, service: { from: '2026-04-15', to: '2026-07-03' } } : p)) }) });
    const p = planInspections([t], { period: '2026-04', provider: 'huayu-property' });
    expect(round(p, '2026-04-huayu-property-main')).toMatchObject({ start: '2026-04-15', end: '2026-04-30' });
    expect(p.rounds.filter((r) => r.week).map((r) => `${r.week} ${r.start}`)).toEqual(['3 2026-04-15', '3 2026-04-15', '4 2026-04-20', '4 2026-04-20', '5 2026-04-27', '5 2026-04-27']);
  });

  it('a building sealed for the whole month is not visited', () => {
    const t = variant({ plan: { ...shipped, sampling: [] }, register: (r) => ({ ...r, buildings: r.buildings.map((b) => (b.id === 'd02' ? { ...b, sealed: [{ name: { zh: '封楼' }, start: '2026-04-01', end: '2026-04-30' }] } : b)) }) });
    const p = planInspections([t], { period: '2026-04', provider: 'huayu-property' });
    expect(round(p, '2026-04-huayu-property-main')!.places.map((x) => x.id)).not.toContain('d02');
    expect(round(p, '2026-04-huayu-property-main')!.places.map((x) => x.id)).toContain('d03');
  });
});

describe('weeks', () => {
  it.each([
    // Weeks start on Monday; week 1 holds the 1st. April 2026 starts on a Wednesday, February 2026 on a Sunday.
    ['2026-04', [['2026-04-01', '2026-04-05'], ['2026-04-06', '2026-04-12'], ['2026-04-13', '2026-04-19'], ['2026-04-20', '2026-04-26'], ['2026-04-27', '2026-04-30']]],
    ['2026-02', [['2026-02-01', '2026-02-01'], ['2026-02-02', '2026-02-08'], ['2026-02-09', '2026-02-15'], ['2026-02-16', '2026-02-22'], ['2026-02-23', '2026-02-28']]],
    ['2026-06', [['2026-06-01', '2026-06-07'], ['2026-06-08', '2026-06-14'], ['2026-06-15', '2026-06-21'], ['2026-06-22', '2026-06-28'], ['2026-06-29', '2026-06-30']]],
  ])('%s', (period, weeks) => {
    expect(weeksOf(period).map((w) => [w.start, w.end])).toEqual(weeks);
  });

  it('--week N holds only the weekly rows of week N, with week round ids', () => {
    const p = planInspections([unsampled], { period: '2026-04', week: 2 });
    expect(p.week).toBe(2);
    expect(p.rounds.map((r) => r.id)).toEqual(['2026-04-W2-huayu-property-main', '2026-04-W2-huayu-property-east', '2026-04-W2-xinyuan-service-main', '2026-04-W2-xinyuan-service-east', '2026-04-W2-jiale-catering-main', '2026-04-W2-jiale-catering-east']);
    for (const r of p.rounds) {
      expect(r).toMatchObject({ week: 2, start: '2026-04-06', end: '2026-04-12' });
      expect(new Set(r.rows.map((x) => `${x.requirement} ${x.every}`))).toEqual(new Set(['5.2.4.2 week']));
      for (const x of r.rows) expect(x.id).toBe(`${r.id}:${x.place.id}:5.2.4.2`);
    }
  });

  it('the month plan holds the month rounds and every week round; the month rounds hold no weekly row', () => {
    const p = planInspections([unsampled], { period: '2026-04' });
    expect(p.rounds.filter((r) => !r.week).every((r) => r.rows.every((x) => x.every !== 'week'))).toBe(true);
    expect(new Set(p.rounds.filter((r) => r.week).map((r) => r.week))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(p.rounds.filter((r) => r.week === 3).map((r) => r.id)).toEqual(planInspections([unsampled], { period: '2026-04', week: 3 }).rounds.map((r) => r.id));
  });
  it.each([
    // 2026-03-01 is a Sunday alone in week 1; 2026-05-01..03 is the May Day holiday. April's week 1 (Wed–Sun) has working days.
    ['2026-03', 1, '2026-03-01', '2026-03-01'],
    ['2026-05', 1, '2026-05-01', '2026-05-03'],
  ])('%s: week %i (%s–%s) has no working day, so no weekly round is planned in it, and the plan says so', (period, week, start, end) => {
    const p = planInspections([tree], { period });
    expect(p.rounds.filter((r) => r.week === week)).toEqual([]);
    expect(p.idle_weeks).toEqual([{ week, start, end }]);
    expect(p.rounds.some((r) => r.week === week + 1)).toBe(true);
    expect(findRound([tree], `${period}-W${week}-huayu-property-main`)).toBeUndefined();
  });
  it('a week with working days is never idle', () => {
    expect(planInspections([tree], { period: '2026-04' }).idle_weeks).toBeUndefined();
  });
});

describe('sampling', () => {
  it.each([
    // [share %, places, min, visited] — rounded up, at least min, never more than there are.
    [20, 13, 1, 3],
    [20, 9, 1, 2],
    [20, 5, 1, 1],
    [20, 6, 1, 2],
    [20, 1, 1, 1],
    [20, 0, 1, 0],
    [12.5, 8, 1, 1],
    [12.5, 9, 1, 2],
    [100, 7, 1, 7],
    [20, 3, 2, 2],
    [10, 3, 5, 3],
    [33, 100, 1, 33],
  ])('%d %% of %d (min %d) → %d', (share, n, min, k) => {
    expect(sampleSize(share, n, min)).toBe(k);
  });

  const april = planInspections([tree], { period: '2026-04' });
  const hash = (seed: string, place: string) => createHash('sha256').update(`${seed}|${place}`).digest('hex');

  it('is reproducible: the same inputs give the same places', () => {
    expect(planInspections([tree], { period: '2026-04' })).toEqual(april);
  });

  it('visits the first ceil(share × n) places by sha256(period|place), campus-wide rows always', () => {
    const main = round(april, '2026-04-huayu-property-main')!;
    const buildings = ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 't01', 't02', 't03', 't04', 't05'];
    const expected = [...buildings].sort((a, b) => (hash('2026-04', a) < hash('2026-04', b) ? -1 : 1)).slice(0, 3).sort();
    expect(main.places.map((p) => p.id)).toEqual(['main', ...expected]);
    expect(april.sampling.find((s) => s.round === main.id)).toEqual({ rule: 'buildings-monthly-share', provider: 'huayu-property', campus: 'main', scope: 'building', of: 13, chosen: expected, round: main.id });
  });

  it('places of scopes not under the rule (power rooms) are all visited', () => {
    expect(round(april, '2026-04-xinyuan-service-main')!.places.map((p) => p.id)).toContain('main-power-room');
  });

  it('week rounds draw anew each week (seeded by the week), so a month reaches different buildings', () => {
    const weeks = april.rounds.filter((r) => r.provider.id === 'huayu-property' && r.campus.id === 'main' && r.week).map((r) => r.places.map((p) => p.id));
    expect(weeks.every((w) => w.length === 3)).toBe(true);
    expect(new Set(weeks.flat()).size).toBeGreaterThan(3);
    const w2 = april.rounds.find((r) => r.id === '2026-04-W2-huayu-property-main')!;
    const all = ['d01', 'd02', 'd03', 'd04', 'd05', 'd06', 'd07', 'd08', 't01', 't02', 't03', 't04', 't05'];
    expect(w2.places.map((p) => p.id)).toEqual([...all].sort((a, b) => (hash('2026-04-W2', a) < hash('2026-04-W2', b) ? -1 : 1)).slice(0, 3).sort());
  });

  it('a different month draws different places', () => {
    const may = planInspections([tree], { period: '2026-05', provider: 'huayu-property' });
    expect(round(may, '2026-05-huayu-property-main')!.places.map((p) => p.id)).not.toEqual(round(april, '2026-04-huayu-property-main')!.places.map((p) => p.id));
  });

  it('the most specific rule wins: a dormitory rule takes the dormitories, the building rule the rest', () => {
    const t = variant({ plan: { ...shipped, sampling: [{ id: 'buildings', scope: 'building', share: 20 }, { id: 'dorms', scope: 'dormitory-building', share: 50 }] } });
    const p = planInspections([t], { period: '2026-04', provider: 'huayu-property' });
    const month = p.sampling.filter((s) => s.round === '2026-04-huayu-property-main');
    expect(month.map((s) => [s.rule, s.of, s.chosen.length])).toEqual([['buildings', 5, 1], ['dorms', 8, 4]]);
  });
});

describe('round ids', () => {
  const april = planInspections([tree], { period: '2026-04' });

  it('findRound re-plans the id’s period and finds the same round, month and week alike', () => {
    for (const r of april.rounds) expect(findRound([tree], r.id)).toEqual(r);
  });

  it.each(['2026-04-nobody-main', '2026-04-W9-huayu-property-main', '2026-13-huayu-property-main', 'april', '2026-08-huayu-property-main'])('%s → undefined', (id) => {
    expect(findRound([tree], id)).toBeUndefined();
  });

  it('the inspecting unit (the logistics office) is not inspected; the plan names it', () => {
    expect(april.rounds.some((r) => r.provider.id === 'logistics-office')).toBe(false);
    expect(april.inspector).toEqual({ id: 'logistics-office', name: '后勤管理处' });
  });

  it('without a school plan: monthly everywhere, nothing sampled, no week rounds', () => {
    const p = planInspections([variant({ plan: null })], { period: '2026-04' });
    expect(p.rounds.every((r) => !r.week)).toBe(true);
    expect(p.sampling).toEqual([]);
    expect(round(p, '2026-04-huayu-property-main')!.places.length).toBe(14);
  });
});

describe('charter inspections plan', () => {
  it('prints a Chinese table per provider and place, with the frequency in words and the sampling rule that chose the places', () => {
    const r = charter(['inspections', 'plan', '--period', '2026-04', '--provider', 'xinyuan-service']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('现场检查计划 2026年4月 · 检查单位：后勤管理处');
    // Issue 13: local dates, the round named by its heading (no round id), the sampling rule by its words (no rule id).
    expect(r.stdout).toContain('■ 信远后勤服务有限公司 · 本部 — 月度检查  4月1日—4月30日');
    expect(r.stdout).toContain('本轮 ');
    expect(r.stdout).not.toContain('2026-04-xinyuan-service-main');
    expect(r.stdout).toMatch(/抽查：楼宇 9 处中抽 2 处（20\u00a0%，向上取整，至少 1 处/);
    expect(r.stdout).toContain('依据 学校综合办公室服务指南 四、1(2)“每月抽取20%的工單核對');
    expect(r.stdout).toMatch(/本部主配电室\s+5\.1\.2\.5\s+设备机房应环境整洁，温湿度符合设备…\s+每月 1 次/);
    expect(r.stdout).toMatch(/第 2 周检查  4月6日—4月12日/);
    expect(r.stdout).toMatch(/5\.2\.4\.2\s+疏散通道、疏散楼梯、安全出口、消防…\s+每周 1 次/);
    expect(r.stdout).not.toContain('华宇');
  });

  it('--json carries the plan with its codes; --week N only that week', () => {
    const r = charter(['inspections', 'plan', '--period', '2026-04', '--week', '3', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as InspectionPlan & { ok: boolean };
    expect(j.ok).toBe(true);
    expect(j).toEqual({ ok: true, ...planInspections([tree], { period: '2026-04', week: 3 }) });
    expect(j.rounds.every((x) => x.week === 3 && x.id.startsWith('2026-04-W3-'))).toBe(true);
  });

  it('--lang en prints English', () => {
    const r = charter(['inspections', 'plan', '--period', '2026-04', '--provider', 'jiale-catering', '--week', '2', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('On-site inspection plan April 2026 week 2');
    expect(r.stdout).toContain('once a week');
  });

  it('a month with no provider in service says so', () => {
    const r = charter(['inspections', 'plan', '--period', '2026-08']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('本期没有应检查的轮次');
  });

  it.each([
    // [args, code, exit, text]
    [['inspections', 'plan', '--period', '2026-04', '--provider', 'huayu'], 'CH019', 2, '是不是“huayu-property”？'],
    [['inspections', 'plan', '--period', '2026-04', '--provider', 'xinyuan-servce'], 'CH019', 2, '是不是“xinyuan-service”？'],
    [['inspections', 'plan', '--period', '2026-04', '--provider', 'logistics-office'], 'CH019', 2, '检查单位本身'],
    [['inspections', 'plan', '--period', '2026-04', '--week', '0'], 'CH019', 2, '只有第 1–5 周'],
    [['inspections', 'plan', '--provider', 'huayu-property'], 'CH026', 2, '缺少 --period（月份，格式 YYYY-MM'],
    [['inspections', 'plan', '--period', '2026-4'], 'CH031', 2, '--period 2026-4：不是月份'],
    [['inspections', 'plan', '--period', '1999-04'], 'CH121', 2, '1999-04'],
    [['inspections', 'walk', '--period', '2026-04'], 'CH032', 2, '没有子命令“walk”'],
    [['inspections'], 'CH026', 2, '缺少子命令（plan'],
  ])('%j → %s', (args, code, exit, text) => {
    const r = charter(args);
    expect(r.code).toBe(exit);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('CH019 fixture: a week the month does not have', () => {
    const args = readFileSync(join(ROOT, 'test', 'fixtures', 'errors', 'CH019-bad-inspection-selection.args'), 'utf8').trim().split(/\s+/);
    const r = charter([...args, '--json']);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['CH019']);
  });
});
