// Findings and evidence in words (issue 13 §1): every finding carries what was measured, the measured
// value, what is required and where; every evidence item one sentence, zh and en, with no code, id, ISO
// duration or ISO time. Boundary cases a logistics office decides by hand are asserted word for word; both
// timeliness paths (the columnar fast path in evaluate() and judgeCase(), which explain and the case tests
// use) must say the same; and a whole sample month passes the word check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { submit } from '../engine/data/submit.ts';
import { compileTimeliness, paramSet } from '../engine/evaluate/compile.ts';
import { evaluate, judgeCase, type Finding, type Findings } from '../engine/evaluate/evaluate.ts';
import { caseText, cellWords, elapsedWords, evidenceText, findingWords, type WordsContext } from '../engine/evaluate/words.ts';
import { findLeaks } from '../engine/model/word-check.ts';
import { resolveProfile } from '../engine/model/resolve.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { buildIndex, valueAt } from '../engine/validate/checks.ts';
import { namesOf, treeIds } from '../engine/validate/names.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions, submitSample } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const idx = buildIndex([tree]);
const reg = tree.registers[0]!.value;
const names = namesOf(tree, idx);
const ids = treeIds(tree);
const NB = '\u00a0';
/** Sentences are compared with ordinary spaces (numbers and units are joined by no-break spaces). */
const plain = (s: string | undefined): string => (s ?? '').replaceAll(NB, ' ');

/** The words context evaluate() builds, for findings made by hand. */
const ctx: WordsContext = {
  names,
  reg,
  requirement: (id) => idx.requirements.get(id)?.value,
  param: (f, name) => {
    const def = idx.requirements.get(f.requirement)?.value.parameters?.find((p) => p.name === name);
    const v = def ? valueAt(def.values, `${f.period}-28`) : undefined;
    return v ? { value: v.value as string | number, ...(def?.unit ? { unit: def.unit } : {}), ...(def?.label ? { label: def.label } : {}) } : undefined;
  },
};
const finding = (o: Partial<Finding> & Pick<Finding, 'requirement' | 'type' | 'scope' | 'provider' | 'status'>): Finding => ({ obligation: 'shall', text: '', profile: '', period: '2026-04', evidence: [], evidence_total: 0, ...o });

describe('the words', () => {
  it('elapsed time keeps the boundary visible: 10 min is 10 分钟, 10 min 30 s is not rounded away', () => {
    expect(plain(elapsedWords(600, 'zh'))).toBe('10 分钟');
    expect(plain(elapsedWords(630, 'zh'))).toBe('10 分 30 秒');
    expect(plain(elapsedWords(11_160, 'zh'))).toBe('3.1 小时');
    expect(plain(elapsedWords(11_160, 'en'))).toBe('3.1 hours');
    expect(plain(elapsedWords(60, 'en'))).toBe('1 minute');
  });

  it('grid cells as people write them', () => {
    const cases: [string, string | undefined, string, string][] = [
      ['2026-04-22', 'day', '4月22日', '22 Apr'],
      ['2026-03-12', 'night', '3月12日夜间', 'the night of 12 Mar'],
      ['week-ending-2026-04-26', 'week', '4月20日至4月26日当周', 'the week 20 Apr to 26 Apr'],
      ['2026-05', 'month', '5月', 'May'],
      ['2026-01-01..2026-03-31', 'quarter', '1月1日至3月31日', '1 Jan to 31 Mar'],
      ['2026-04-22T08:00', 'opening-hour', '4月22日 08:00–09:00', '22 Apr 08:00–09:00'],
    ];
    for (const [cell, period, zh, en] of cases) {
      expect(cellWords(cell, period, 'zh')).toBe(zh);
      expect(cellWords(cell, period, 'en')).toBe(en);
    }
  });
});

describe('timeliness: one case against its limit (4.3-1, elevator accident ≤ 10 min, working hours ≤ 45 min)', () => {
  const elevator = { label: { zh: '电梯事故到达现场', en: 'Elevator accident: on site' }, start: 'reported_at', stop: 'arrived_at', before: false, unit: 'duration', text: 'PT10M' };
  const cases: { name: string; c: Parameters<typeof caseText>[0]; zh: string; en: string }[] = [
    {
      name: '1 min over the limit',
      c: { kind: 'work-orders', id: 'WO-2026-000542', where: '第2教学楼', outcome: 'missed', limit: elevator, elapsed: 660 },
      zh: '工单 WO-2026-000542（第2教学楼）到场用时 11 分钟，时限 10 分钟（电梯事故到达现场）',
      en: 'Work order WO-2026-000542 (第2教学楼): arrival took 11 minutes; limit 10 minutes (Elevator accident: on site)',
    },
    {
      name: '30 seconds over the limit: seconds shown, never rounded to the limit itself',
      c: { kind: 'work-orders', id: 'WO-1', outcome: 'missed', limit: elevator, elapsed: 630 },
      zh: '工单 WO-1 到场用时 10 分 30 秒，时限 10 分钟（电梯事故到达现场）',
      en: 'Work order WO-1: arrival took 10 min 30 s; limit 10 minutes (Elevator accident: on site)',
    },
    {
      name: 'arrival time missing past the limit',
      c: { kind: 'work-orders', id: 'WO-2', where: '第2教学楼', outcome: 'open-breached', limit: { ...elevator, label: { zh: '工作时间报修到达维修现场', en: 'Reported in working hours: on site' }, text: 'PT45M' }, asOf: '2026-05-01T00:00:00+08:00' },
      zh: '工单 WO-2（第2教学楼）到场时间缺失，已超过 45 分钟时限（工作时间报修到达维修现场；截至 5月1日 00:00）',
      en: 'Work order WO-2 (第2教学楼): no arrival time recorded, past the 45 minutes limit (Reported in working hours: on site; as of 1 May 00:00)',
    },
    {
      name: 'arrived before it was reported',
      c: { kind: 'work-orders', id: 'WO-2026-000762', outcome: 'impossible-time', limit: elevator, start: '2026-04-28T13:00:00+08:00', stop: '2026-04-28T12:20:00+08:00' },
      zh: '工单 WO-2026-000762 到场时间（4月28日 12:20）早于报修时间（4月28日 13:00），时间记录异常',
      en: 'Work order WO-2026-000762: arrival time (28 Apr 12:20) is before the report time (28 Apr 13:00); the times cannot be right',
    },
    {
      name: 'a complaint answered after its deadline in working days',
      c: { kind: 'complaints', id: 'C-7', outcome: 'missed', limit: { label: { zh: '投诉答复', en: 'Complaint answered' }, start: 'received_at', stop: 'replied_at', before: false, unit: 'working-days', text: '3' }, stop: '2026-04-10T09:00:00+08:00', deadline: '2026-04-09T17:30:00+08:00' },
      zh: '投诉 C-7 答复时间 4月10日 09:00，超过期限 4月9日 17:30（3 个工作日）（投诉答复）',
      en: 'Complaint C-7: answer at 10 Apr 09:00, after the deadline 9 Apr 17:30 (3 working days) (Complaint answered)',
    },
    {
      name: 'ready only 6 min before a class that asks for 15 min',
      c: { kind: 'events', id: 'EV-1', where: '第3教学楼', outcome: 'missed', limit: { label: { zh: '上课前15分钟打开多媒体教室', en: 'Classroom open 15 min before' }, start: 'starts_at', stop: 'ready_at', before: true, unit: 'duration', text: 'PT15M' }, elapsed: -360 },
      zh: '活动 EV-1（第3教学楼）仅提前 6 分钟就绪，应至少提前 15 分钟（上课前15分钟打开多媒体教室）',
      en: 'Event EV-1 (第3教学楼): readiness only 6 minutes before the start; at least 15 minutes before is required (Classroom open 15 min before)',
    },
    {
      name: 'ready after the start',
      c: { kind: 'events', id: 'EV-2', outcome: 'missed', limit: { label: { zh: '会前准备', en: 'Meeting ready' }, start: 'starts_at', stop: 'ready_at', before: true, unit: 'duration', text: 'PT30M' }, elapsed: 300 },
      zh: '活动 EV-2 开始后 5 分钟才就绪，应至少提前 30 分钟（会前准备）',
      en: 'Event EV-2: readiness 5 minutes after the start; at least 30 minutes before is required (Meeting ready)',
    },
    {
      name: 'no holiday notice for the year',
      c: { kind: 'work-orders', id: 'WO-3', outcome: 'calendar-unknown', year: '2027' },
      zh: '工单 WO-3：缺少 2027 年的法定节假日安排，无法计算时限',
      en: 'Work order WO-3: the 2027 public holiday schedule is missing, so the limit cannot be worked out',
    },
  ];
  for (const k of cases) {
    it(k.name, () => {
      const t = caseText(k.c);
      expect(plain(t.zh)).toBe(k.zh);
      expect(plain(t.en)).toBe(k.en);
      expect(findLeaks(t.zh, 'zh', { ids })).toEqual([]);
      expect(findLeaks(t.en, 'en', { ids })).toEqual([]);
    });
  }

  it('measured: 4 cases read as a count, 5 cases as a rate with the count beside it', () => {
    const f = (measured: string) => findingWords(finding({ requirement: '4.3-1', type: 'timeliness', scope: { kind: 'provider', id: 'huayu-property' }, provider: 'huayu-property', status: 'failed', measured, required: '≤PT10M / ≤PT15M / ≤PT45M / ≤PT2H' }), ctx);
    expect(plain(f('3/4').measured.zh)).toBe('4 件中 3 件按时');
    expect(plain(f('3/4').measured.en)).toBe('3 of 4 on time');
    expect(plain(f('4/5').measured.zh)).toBe('80.0 %（5 件中 4 件按时）');
    expect(plain(f('4/5').measured.en)).toBe('80.0 % (4 of 5 on time)');
    const w = f('4/5');
    expect(w.quantity).toEqual({ zh: '到场及时率', en: 'on-time arrival rate' });
    expect(plain(w.required.zh)).toBe('电梯事故到达现场 ≤ 10 分钟；水、电等紧急抢修到达维修现场 ≤ 15 分钟；工作时间报修到达维修现场 ≤ 45 分钟；其余时间报修到达维修现场 ≤ 2 小时');
    // huayu serves both campuses: a provider-wide scope is the whole school, never the provider's name.
    expect(w.place).toEqual({ zh: '全校', en: 'all campuses' });
  });
});

describe('frequency, rate, records: evidence worded from the finding', () => {
  it('a power-room cell: 东校区主配电室 4月22日 主配电室巡检 1 次（应 2 次）', () => {
    const f = finding({ requirement: '5.1.2.7-2-b', type: 'frequency', scope: { kind: 'power-room', id: 'power-room-inspection' }, provider: 'xinyuan-service', status: 'failed', measured: '59/60', required: 2 });
    f.evidence = [{ unit: 'east-power-room', cell: '2026-04-22', outcome: 'missing', actual: 1, required: 2 }];
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.zh)).toBe('东校区主配电室 4月22日 主配电室巡检 1 次（应 2 次）');
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.en)).toBe('东校区主配电室, 22 Apr: Main power room rounds 1 time (2 required)');
    const w = findingWords(f, ctx);
    expect(plain(w.required.zh)).toBe('每天 2 次');
    expect(plain(w.required.en)).toBe('2 times daily');
    expect(plain(w.measured.zh)).toBe('60 个应做时段中 59 个达标');
    expect(w.place.zh).toBe('东校区主配电室');
  });

  it('a month count with one cell: measured is the count', () => {
    const f = finding({ requirement: '5.2.4.4', type: 'frequency', scope: { kind: 'campus', id: 'fire-inspection' }, provider: 'huayu-property', status: 'failed', measured: '0/1', required: 1, period: '2026-05' });
    f.evidence = [{ unit: 'east', cell: '2026-05', outcome: 'missing', actual: 0, required: 1 }];
    const w = findingWords(f, ctx);
    expect(plain(w.measured.zh)).toBe('0 次');
    expect(plain(w.required.zh)).toBe('每月 1 次');
    expect(w.place).toEqual({ zh: '东校区', en: 'East campus' });
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.zh)).toBe('东校区 5月 全面防火检查 0 次（应 1 次）');
  });

  it('a street-light count below 95 %: the count day, the counts, the rate with its sign', () => {
    const f = finding({ requirement: '5.1.2.6-2', type: 'rate', scope: { kind: 'campus', id: 'main' }, provider: 'xinyuan-service', status: 'failed', measured: 83.89, required: 'at-least 95%', unit: 'percent' });
    f.evidence = [{ unit: 'main', outcome: 'below', actual: 83.89, required: 95, note: 'counted 2026-04-30: 354/422' }];
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.zh)).toBe('本部 4月30日 统计 422 个中完好 354 个，路灯、景观灯、草坪灯完好率 83.89 %，要求 ≥ 95 %');
    const w = findingWords(f, ctx);
    expect(plain(w.measured.zh)).toBe('83.89 %');
    expect(plain(w.required.zh)).toBe('≥ 95 %');
    expect(w.place.zh).toBe('本部');
  });

  it('exactly at the threshold and below it read with the same sign: a misshelving rate < 5 ‰', () => {
    const f = finding({ requirement: '6.2.2.4-4', type: 'rate', scope: { kind: 'building', id: 'lib02' }, provider: 'xinyuan-service', status: 'failed', measured: 5, required: 'below 5‰', unit: 'permille' });
    f.evidence = [{ unit: 'lib02', outcome: 'below', actual: 5, required: 5 }];
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.zh)).toBe('图书馆（东校区） 错架率 5 ‰，要求 < 5 ‰');
    expect(plain(findingWords(f, ctx).required.en)).toBe('< 5 ‰');
  });

  it('a watch day with a gap: the times uncovered and the people on duty', () => {
    const f = finding({ requirement: '4.1-1-a', type: 'inspection', scope: { kind: 'campus', id: 'service-desk' }, provider: 'huayu-property', status: 'failed', measured: '29/30', required: '1 × 24h' });
    f.evidence = [{ unit: 'east', cell: '2026-04-03', outcome: 'understaffed', actual: '00:00–08:00 0; 22:00–24:00 0', required: 1 }];
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.zh)).toBe('东校区 4月3日 00:00–08:00 在岗 0 人，22:00–24:00 在岗 0 人（每班应 1 人）');
    expect(plain(evidenceText(f.evidence[0]!, f, ctx)!.en)).toBe('East campus, 3 Apr: 00:00–08:00 0 on duty, 22:00–24:00 0 on duty (1 required at all times)');
    const w = findingWords(f, ctx);
    expect(plain(w.quantity.zh)).toBe('值班在岗人数');
    expect(plain(w.measured.zh)).toBe('30 天中 29 天人数足额');
    expect(plain(w.required.zh)).toBe('24 小时值班，每班 1 人');
    expect(w.place.zh).toBe('东校区');
  });

  it('a missing document by its title', () => {
    const f = finding({ requirement: '8.2', type: 'record', scope: { kind: 'provider', id: 'xinyuan-service' }, provider: 'xinyuan-service', status: 'failed', measured: 13, required: 14 });
    const w = findingWords(f, ctx);
    expect(plain(w.measured.zh)).toBe('缺 1 项（应备 14 项）');
    expect(plain(w.required.zh)).toBe('14 项齐全有效');
    expect(w.quantity).toEqual({ zh: '应备档案', en: 'required documents' });
    expect(plain(evidenceText({ unit: 'x', outcome: 'document-missing', required: '恐怖袭击事件应急预案' }, f, ctx)!.zh)).toBe('恐怖袭击事件应急预案：未提交');
  });
});

describe('a hand-made month through both paths', () => {
  let store: Store;
  let april: Findings;
  const wo = (id: string, reported: string, arrived: string | undefined, o: Record<string, unknown> = {}) => ({
    id,
    provider: 'huayu-property',
    campus: 'main',
    building: 't02',
    category: 'elevator',
    priority: 'accident',
    reported_at: `${reported}+08:00`,
    ...(arrived ? { arrived_at: `${arrived}+08:00`, completed_at: `${arrived}+08:00` } : {}),
    ...o,
  });
  const records = [
    wo('T-AT', '2026-04-08T12:20:00', '2026-04-08T12:30:00'), // exactly 10 min: met
    wo('T-OVER', '2026-04-09T12:20:00', '2026-04-09T12:31:00'), // 11 min: missed
    wo('T-SEC', '2026-04-10T12:20:00', '2026-04-10T12:30:30'), // 10 min 30 s: missed
    wo('T-OPEN', '2026-04-13T10:00:00', undefined, { category: 'general', priority: 'normal' }), // no arrival, past 45 min
    wo('T-BEFORE', '2026-04-14T13:00:00', '2026-04-14T12:20:00'), // arrived before it was reported
  ];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-words-'));
    store = openStore(join(dir, 'db.sqlite'));
    const file = join(dir, 'work-orders.ndjson');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect((await submit(submitOptions(tree, store, dir, file, 'work-orders'))).status).toBe('stored');
    april = evaluate({ tree, store, period: '2026-04', provider: 'huayu-property' });
  }, 60_000);

  it('evaluate() words every case; exactly at the limit is no evidence', () => {
    const f = april.findings.find((x) => x.requirement === '4.3-1')!;
    expect(f.status).toBe('failed');
    const text = Object.fromEntries(f.evidence.map((e) => [e.record, plain(e.text?.zh)]));
    expect(text).toEqual({
      'T-OVER': '工单 T-OVER（第2教学楼）到场用时 11 分钟，时限 10 分钟（电梯事故到达现场）',
      'T-SEC': '工单 T-SEC（第2教学楼）到场用时 10 分 30 秒，时限 10 分钟（电梯事故到达现场）',
      'T-OPEN': '工单 T-OPEN（第2教学楼）到场时间缺失，已超过 45 分钟时限（工作时间报修到达维修现场；截至 5月1日 00:00）',
      'T-BEFORE': '工单 T-BEFORE（第2教学楼）到场时间（4月14日 12:20）早于报修时间（4月14日 13:00），时间记录异常',
    });
    // Five cases (the impossible one counts, never as a pass): a rate, with the count beside it.
    expect(plain(f.words!.measured.zh)).toBe('20.0 %（5 件中 1 件按时）');
  });

  it('judgeCase() (explain, the case tests) gives the same sentences as the columnar fast path', () => {
    const f = april.findings.find((x) => x.requirement === '4.3-1')!;
    const cal = createCalendar(tree.calendars[0]!.value);
    const r = idx.requirements.get('4.3-1')!.value;
    const rr = resolveProfile('contract-example-property', idx).find((x) => x.requirement.id === '4.3-1')!;
    const buildingOf = new Map(reg.buildings.map((b) => [b.id, b]));
    const asOf = new Date(Date.parse(april.as_of));
    for (const rec of records) {
      const row = store.db.prepare("SELECT data FROM records WHERE kind = 'work-orders' AND record_key = ?").get(rec.id) as { data: string };
      const stored = JSON.parse(row.data) as Record<string, unknown>;
      const c = compileTimeliness(r, paramSet(rr.parameters), String(stored.reported_at).slice(0, 10));
      const j = judgeCase(c, r, stored, { cal, buildingOf, asOf, names });
      const fast = f.evidence.find((e) => e.record === rec.id);
      expect(j.evidence?.text, rec.id).toEqual(fast?.text);
    }
  });
});

describe('a sample month in words', () => {
  const months = new Map<string, Findings>();
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-words-sample-'));
    const store = openStore(join(dir, 'db.sqlite'));
    for (const s of await submitSample(tree, store, dir)) expect(s).toBe('stored');
    for (const m of ['2026-03', '2026-04']) months.set(m, evaluate({ tree, store, period: m }));
  }, 120_000);

  it('every finding has words, every evidence item a sentence, and none of it is a code (zh and en)', () => {
    for (const [m, f] of months) {
      const failed = f.findings.filter((x) => x.status === 'failed');
      expect(failed.length, m).toBeGreaterThan(5);
      for (const x of f.findings) {
        expect(x.words, `${x.requirement} ${x.provider}`).toBeDefined();
        for (const e of x.evidence) expect(e.text, `${x.requirement} ${e.outcome}`).toBeDefined();
      }
      for (const lang of ['zh', 'en'] as const) {
        const lines = f.findings.flatMap((x) => [
          ...(['quantity', 'measured', 'required', 'place'] as const).map((k) => x.words![k][lang] ?? ''),
          ...x.evidence.map((e) => e.text![lang] ?? ''),
          ...(x.reason ? [lang === 'zh' ? x.reason.zh : (x.reason.en ?? x.reason.zh)] : []),
        ]);
        expect(findLeaks(lines.join('\n'), lang, { ids }), `${m} ${lang}`).toEqual([]);
      }
    }
  });

  it('a room too cold reads in ℃, never as a percentage (实测 16.6% was a notice’s mistake)', () => {
    const f = months.get('2026-03')!.findings.find((x) => x.requirement === '5.1.2.10-5' && x.status === 'failed')!;
    const e = f.evidence.find((x) => x.record === 'MS-2026-000130')!;
    expect(e.outcome).toBe('reading-below');
    expect(plain(e.text!.zh)).toBe('测量记录 MS-2026-000130：东校区换热站 3月2日 07:41 室温 16.6 ℃，低于 18 ℃');
    expect(plain(e.text!.en)).toBe('Measurement MS-2026-000130: 东校区换热站, 2 Mar 07:41: room temperature 16.6 °C, below 18 °C');
    expect(plain(f.words!.quantity.zh)).toBe('室内温度达标率');
    expect(plain(f.words!.required.zh)).toBe('≥ 97 %（室温 ≥ 18 ℃）');
    expect(f.words!.place.zh).toBe('东校区换热站');
  });

  it('a place that was inspected and failed names the round in words, not by its id', () => {
    const f = months.get('2026-04')!.findings.find((x) => x.requirement === '5.1.1.5-2' && x.status === 'failed')!;
    expect(plain(f.evidence[0]!.text!.zh)).toBe('第3教学楼 4月16日 10:46 现场检查不合格：四楼走廊两盏灯具不亮，开关面板破损（检查人 刘志强、王建国；照片 0416-04、0416-05；华宇物业服务有限公司 本部 4月月度检查）');
    expect(f.words!.place.zh).toBe('第3教学楼');
  });

  it('a document not approved, by its title', () => {
    const f = months.get('2026-04')!.findings.find((x) => x.requirement === '5.1.1.2' && x.status === 'failed')!;
    expect(f.evidence[0]!.text).toEqual({ zh: '日常维护保养计划（经学校同意）：《日常维护保养计划》未经学校同意', en: '日常维护保养计划（经学校同意）: “日常维护保养计划” is not approved by the school' });
  });
});

describe('the word check on English words that are also tree ids', () => {
  it('campus, building and library are words in English text, codes in Chinese text', () => {
    expect(findLeaks('the provider runs no library or teaching building', 'en', { ids: ['library', 'building'] })).toEqual([]);
    expect(findLeaks('on-time arrival rate; in the air-conditioning season; needs an on-site check', 'en', { ids })).toEqual([]);
    expect(findLeaks('本条 library 不适用', 'zh', { ids: ['library'] }).map((l) => l.kind)).toEqual(['id']);
    expect(findLeaks('power-room-inspection', 'en', { ids })).not.toEqual([]);
  });
});
