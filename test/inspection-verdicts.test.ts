// Inspection verdicts through the real pipeline: results submitted into a store, evaluated against the
// shipped plan's April 2026 rounds, explained, shown in the terminal, and kept off the notices when the
// shortfall is the office's own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFindings } from '../engine/cli/findings-view.ts';
import { cliWords } from '../engine/cli/words.ts';
import { submit } from '../engine/data/submit.ts';
import { evaluate, type Findings } from '../engine/evaluate/evaluate.ts';
import { explainRecord, renderExplanation, type InspectionExplanation } from '../engine/evaluate/explain.ts';
import { planInspections } from '../engine/inspections/plan.ts';
import { planNotices } from '../engine/notices/ledger.ts';
import { coverageOf } from '../engine/scorecard/score.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const cal = createCalendar(tree.calendars[0]!.value);
let store: Store;
let april: Findings;
const MAIN = '2026-04-huayu-property-main';
const EAST = '2026-04-huayu-property-east';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-insp-'));
  store = openStore(':memory:');
  // Every row of huayu's two April month rounds inspected (one 4.4 不合格 on the main campus), except 第6教学楼 (t06),
  // which the east round never reached.
  const rounds = planInspections([tree], { period: '2026-04', provider: 'huayu-property' }).rounds.filter((r) => r.id === MAIN || r.id === EAST);
  const rows = rounds.flatMap((r) => r.rows.filter((row) => row.place.id !== 't06')).map((row, i) => ({
    id: row.id,
    provider: 'huayu-property',
    requirement: row.requirement,
    inspected_at: `2026-04-08T${String(9 + Math.floor(i / 20)).padStart(2, '0')}:${String((i % 20) * 3).padStart(2, '0')}:00+08:00`,
    campus: row.place.campus,
    place: row.place.id,
    round: row.round,
    inspector: '王建国',
    accompanied_by: '李强',
    result: row.requirement === '4.4' && row.place.id === 'main' ? 'failed' : 'passed',
    ...(row.requirement === '4.4' && row.place.id === 'main' ? { notes: '配电间门口安全警示标识脱落', photos: 'P-0408-3' } : {}),
  }));
  const file = join(dir, 'results.ndjson');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = await submit(submitOptions(tree, store, dir, file, 'inspection-results'));
  expect(r.status).toBe('stored');
  april = evaluate({ tree, store, period: '2026-04' });
}, 60_000);

describe('April 2026: both month rounds walked except 第6教学楼', () => {
  it('4.4 fails on the main campus result, with place, inspector, time, note and photos', () => {
    const f = april.findings.find((x) => x.requirement === '4.4' && x.provider === 'huayu-property')!;
    expect(f.status).toBe('failed');
    expect(f.evidence).toEqual([{ record: `${MAIN}:main:4.4`, unit: 'main', place: '本部', outcome: 'failed', actual: '配电间门口安全警示标识脱落', inspector: '王建国', at: expect.stringMatching(/^2026-04-08 \d\d:\d\d$/), round: MAIN, note: '照片 P-0408-3', text: { zh: expect.stringMatching(/^本部 4月8日 \d\d:\d\d 现场检查不合格：配电间门口安全警示标识脱落（检查人 王建国；照片 P-0408-3；华宇物业服务有限公司 本部 4月月度检查）$/), en: expect.stringMatching(/^本部, 8 Apr \d\d:\d\d: failed on inspection: 配电间门口安全警示标识脱落 \(inspector 王建国; photos P-0408-3; 华宇物业服务有限公司 本部, April monthly round\)$/) } }]);
  });

  it('a requirement due at t06 is not reviewed (inspection-missed), listing 第6教学楼 — never passed on the other rows', () => {
    // (5.2.4.2 is weekly: its week rounds were not walked at all, so every one of its rows is missing.)
    const at06 = april.findings.filter((x) => x.provider === 'huayu-property' && x.type === 'inspection' && x.requirement !== '5.2.4.2' && x.evidence.some((e) => e.unit === 't06'));
    expect(april.findings.find((x) => x.provider === 'huayu-property' && x.requirement === '5.2.4.2')!.reason_code).toBe('inspection-missed');
    expect(at06.length).toBeGreaterThan(0);
    for (const f of at06) {
      expect([f.status, f.reason_code]).toEqual(['not-reviewed', 'inspection-missed']);
      expect(f.reason!.zh).toMatch(/^本月应检查 \d+ 处，1 处未检查：第6教学楼$/);
      expect(f.evidence).toEqual([{ unit: 't06', place: '第6教学楼', cell: EAST, round: EAST, outcome: 'inspection-missed', actual: '0/1', required: '2026-04-01..2026-04-30', text: { zh: '第6教学楼 未按计划检查（华宇物业服务有限公司 东校区 4月月度检查，4月1日至4月30日，已查 0 次，应查 1 次）', en: '第6教学楼: not inspected as planned (华宇物业服务有限公司 东校区, April monthly round, 1 Apr to 30 Apr; 0 of 1 done)' } }]);
    }
  });

  it("the logistics office's own finding fails on the east round, and no notice comes of it", () => {
    const own = april.findings.filter((x) => x.scope.kind === 'inspection-plan');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ provider: 'logistics-office', requirement: 'service-process-2025:weekly-site-inspection', status: 'failed', reason_code: 'inspection-missed' });
    // The week rounds were not walked either; the month rounds' only gap is t06.
    expect(own[0]!.evidence.filter((e) => e.round === MAIN || e.round === EAST).map((e) => [e.round, e.place])).toEqual([[EAST, '第6教学楼']]);
    const planned = planNotices({ tree, findings: april, issuedAt: cal.parse('2026-05-06T09:00') });
    expect(planned.map((p) => p.provider)).not.toContain('logistics-office');
    // Only huayu's real failure is on a notice; nothing for the rows the office did not inspect.
    const huayu = planned.find((p) => p.provider === 'huayu-property')!;
    // The notice cites the inspection: the place, what was found, the inspector, the time and the photos.
    // The notice prints the evidence as the evaluation's sentence (issue 13: places, local times in words).
    expect(huayu.doc.problems.find((p) => p.requirement === '4.4')!.evidence).toEqual([{ record: `${MAIN}:main:4.4`, text: expect.stringMatching(/^本部 4月8日 \d\d:\d\d 现场检查不合格：配电间门口安全警示标识脱落（检查人 王建国；照片 P-0408-3；/) }]);
    expect(huayu.doc.problems.filter((p) => april.findings.find((f) => f.requirement === p.requirement && f.provider === 'huayu-property')?.type === 'inspection').map((p) => p.requirement)).toEqual(['4.4']);
  });

  it('with results in, an inspection without a verdict is a missed row, a row not due, a watch without a roster, or a yearly item never entered', () => {
    const idx = new Map(tree.requirements.map((l) => [l.value.id, l.value]));
    for (const f of april.findings.filter((x) => x.type === 'inspection' && x.status === 'not-reviewed')) {
      // no-data: a duty-roster watch without a roster, or a year / term item due in February with nothing entered since.
      if (f.reason_code === 'no-data') expect(Boolean(idx.get(f.requirement)!.inspection!.watch) || /（2月\d+日起）没有录入任何检查结果$/.test(f.reason!.zh), `${f.requirement} ${f.reason!.zh}`).toBe(true);
      else expect(['inspection-missed', 'not-due'], `${f.provider} ${f.requirement}`).toContain(f.reason_code);
    }
    // A provider with no place a requirement is looked at (a caterer and the power rooms) is not asked: not applicable.
    expect(april.findings.find((x) => x.provider === 'huayu-property' && x.requirement === '5.1.2.5')).toMatchObject({ status: 'not-applicable', reason_code: 'no-unit' });
  });

  it('scorecard coverage counts the inspection verdicts like any other', () => {
    const mine = april.findings.filter((f) => f.provider === 'huayu-property');
    const judged = new Set(mine.filter((f) => f.type === 'inspection' && (f.status === 'passed' || f.status === 'failed')).map((f) => f.requirement));
    expect(judged.size).toBeGreaterThan(10);
    expect(coverageOf(mine, 0).verdict).toBeGreaterThanOrEqual(judged.size);
  });

  it('explain shows the row a result answers, and a planned row nobody inspected', () => {
    const failed = explainRecord({ tree, store, requirement: '4.4', record: `${MAIN}:main:4.4` }) as InspectionExplanation;
    expect(failed).toMatchObject({ kind: 'inspection', result: 'failed', row: { round: MAIN, place: 'main', done: true }, finding: { status: 'failed' } });
    const text = renderExplanation(failed, 'zh');
    expect(text).toContain('检查结果：不合格');
    expect(text).toContain('轮次：华宇物业服务有限公司 本部 4月月度检查');
    expect(text).toMatch(/· 本部 4月8日 \d\d:\d\d 现场检查不合格：配电间门口安全警示标识脱落（检查人 王建国/);
    expect(text).not.toContain('huayu-property');
    const missed = explainRecord({ tree, store, requirement: '5.1.1.5-2', record: `${EAST}:t06:5.1.1.5-2` }) as InspectionExplanation;
    expect(missed).toMatchObject({ kind: 'inspection', row: { round: EAST, place: 't06', done: false }, due: 5, done: 4, finding: { status: 'not-reviewed', reason_code: 'inspection-missed' } });
    expect(renderExplanation(missed, 'en')).toContain('— not inspected');
    expect(explainRecord({ tree, store, requirement: '4.4', record: 'no-such-row' })).toHaveProperty('problem');
  });

  it('the terminal view sums inspections by reason and names the office’s missed places', () => {
    // Issue 13: the office's requirement by its plan's reference and the round in words, not their ids.
    const text = renderFindings(april, 'zh', 'out/findings.json', cliWords(tree, 'zh'));
    expect(text).toMatch(/现场检查\n  通过 \d+，不通过 \d+，应查未查 \d+，本月无需检查 \d+，无检查结果 \d+，轮次未结束 0/);
    expect(text).toContain('后勤管理处 《2025年学校后勤保障服务流程》');
    // The office's missed place as a sentence with the round in words (issue 13 §1), never the round id.
    expect(text).toContain('第6教学楼 20 项均未检查（华宇物业服务有限公司 东校区 4月月度检查，4月1日至4月30日）');
    expect(text).toContain('检查单位自身未完成的检查不签发整改通知单给服务商');
  });
});
