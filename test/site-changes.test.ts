// engine/site/changes.ts on a hand-made tree whose answers are known: a standard that tightens its own limit,
// a plan that keeps it, and a contract that tightens it twice (the second time from a later date).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { buildIndex } from '../engine/validate/checks.ts';
import { ChangesModel, paramLabel, siteChanges } from '../engine/site/changes.ts';

const dir = mkdtempSync(join(tmpdir(), 'charter-changes-'));
const files: Record<string, string> = {
  'edition.yaml': `kind: standard
id: std
title: {zh: 测试标准, en: Test standard}
edition: 测试版
version: 1.0.0
effective_from: 2025-09-01
source: {file: test}
history:
  - {version: 1.0.0, date: 2025-09-01, changes: "first encoding, PT1H"}
`,
  'section-4.yaml': `kind: requirements
document: std
section: "4"
requirements:
  - id: 4.3-1
    item: 1
    parent: null
    section: "4"
    text: 工作时间接到报修1h内到达维修现场。
    obligation: shall
    type: timeliness
    parameters:
      - name: arrival-working-hours
        label: {zh: 工作时间到达时限, en: Arrival limit in working hours}
        unit: duration
        stricter: lower
        values:
          - {from: 2025-09-01, value: PT1H, source: 测试标准 4.3}
          - {from: 2026-01-01, value: PT50M, source: 测试标准修订 4.3}
  - id: 5.2.4.5
    parent: null
    section: "4"
    text: 每年至少举行1次消防演习。
    obligation: shall
    type: frequency
    parameters:
      - name: per-year
        unit: count
        stricter: higher
        values: [{from: 2025-09-01, value: 1, source: 测试标准 5.2.4.5}]
    frequency:
      counts:
        - {id: drill, label: {zh: 消防演习, en: Fire drill}, activity: fire-drill, count: {param: per-year}, period: year, scope: campus}
`,
  'plan.yaml': `kind: profile
id: fx-plan
title: {zh: 测试方案, en: Test plan}
profile_type: school-plan
version: 1.0.0
base: std
source: {file: test}
select: {include: ["4.3-1", "5.2.4.5"]}
history:
  - {version: 1.0.0, date: 2025-09-01, changes: first}
`,
  'contract.yaml': `kind: profile
id: fx-contract
title: {zh: 测试合同, en: Test contract}
profile_type: contract
version: 1.1.0
base: fx-plan
source: {file: test}
select: {include: ["4.3-1"]}
overrides:
  - requirement: 4.3-1
    parameter: arrival-working-hours
    values:
      - {from: 2025-09-01, value: PT45M, source: 测试合同第一条}
      - {from: 2026-09-07, value: PT30M, source: 测试合同补充协议}
history:
  - {version: 1.0.0, date: 2025-09-01, changes: "first, PT45M"}
  - version: 1.1.0
    date: 2026-09-07
    changes: "4.3-1 arrival-working-hours PT45M -> PT30M"
    summary: {zh: 补充协议生效, en: amendment in force}
`,
  'register.yaml': `kind: register
id: fx
campuses: [{id: main, name: {zh: 本部}, provider: a-co}]
providers:
  - {id: a-co, name: 甲物业公司, type: property, profile: fx-contract}
  - {id: b-co, name: 乙服务公司, type: facilities, profile: fx-plan}
buildings: [{id: b1, campus: main, name: 一号楼, type: teaching}]
`,
};
for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
const tree = loadTree(findYamlFiles([dir]), dir);
if (tree.diagnostics.length) throw new Error(tree.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`).join('\n'));
const idx = buildIndex([tree]);
const model = new ChangesModel({ tree, idx, reg: tree.registers[0]!.value, std: tree.standards[0]!.value, asOfDay: '2026-08-01' });
const req = (id: string) => idx.requirements.get(id)!.value;
const MACHINE = /PT\d|arrival-working-hours|per-year|fx-contract|fx-plan|a-co|b-co|1\.1\.0|2026-09-07|2025-09-01/;

describe('clause values (engine/site/changes.ts)', () => {
  const r = req('4.3-1');
  const p = model.parameter(r, r.parameters![0]!);

  it('lists the standard’s dated values, then the contract’s, each with what it replaced', () => {
    expect(p.sources!.map((s) => s.document.title.zh)).toEqual(['测试标准', '测试合同']);
    expect(p.sources![0]!.values.map((v) => [v.from, v.text.zh, v.change ?? null])).toEqual([
      ['2025-09-01', '1\u00a0小时', null],
      ['2026-01-01', '50\u00a0分钟', 'tightened'],
    ]);
    // The contract's first value tightens what its base (the plan, i.e. the standard) set on that day.
    expect(p.sources![1]!.values.map((v) => [v.from, v.before?.zh, v.text.zh, v.change])).toEqual([
      ['2025-09-01', '1\u00a0小时', '45\u00a0分钟', 'tightened'],
      ['2026-09-07', '45\u00a0分钟', '30\u00a0分钟', 'tightened'],
    ]);
  });

  it('gives each provider the value its chain resolves to: the contract prevails over the standard’s later edition', () => {
    const a = p.providers!.find((x) => x.provider.id === 'a-co')!;
    const b = p.providers!.find((x) => x.provider.id === 'b-co')!;
    expect(a.now).toEqual({ from: '2025-09-01', text: { zh: '45\u00a0分钟', en: '45\u00a0minutes' }, by: { zh: '测试合同', en: 'Test contract' } });
    expect(a.later.map((l) => [l.from, l.text.zh])).toEqual([['2026-09-07', '30\u00a0分钟']]);
    expect(b.now).toEqual({ from: '2026-01-01', text: { zh: '50\u00a0分钟', en: '50\u00a0minutes' }, by: { zh: '测试标准', en: 'Test standard' } });
    expect(b.later).toEqual([]);
    expect(p.prevails!.zh).toContain('甲物业公司按《测试合同》');
    expect(p.prevails!.zh).toContain('离它最近的文件为准');
    expect(p.prevails!.zh).not.toMatch(MACHINE);
  });

  it('names a parameter without a label by what the clause counts, and its value with the unit', () => {
    const f = req('5.2.4.5');
    expect(paramLabel(f, f.parameters![0]!).zh).toBe('每年消防演习次数');
    const q = model.parameter(f, f.parameters![0]!);
    expect(q.values[0]!.text.zh).toBe('1\u00a0次');
    expect(q.values[0]!.text.en).toBe('1\u00a0time');
    expect(q.prevails).toBeUndefined();
  });

  it('the clause history lists each dated change in words', () => {
    const h = model.clauseHistory(r);
    expect(h.map((x) => x.date)).toEqual(['2025-09-01', '2025-09-01', '2026-01-01', '2026-09-07']);
    expect(h[3]!.text.zh).toBe('第4.3条第1项 工作时间到达时限：甲物业公司由 45\u00a0分钟收紧为 30\u00a0分钟（依据《测试合同》）');
    for (const x of h) expect(x.text.zh + x.text.en).not.toMatch(MACHINE);
  });
});

describe('the change list', () => {
  const { changes, span } = siteChanges(model, [{ period: '2026-07', date: '2026-08-01' }]);

  it('spans the earliest edition to the latest dated change, newest first', () => {
    expect(span).toEqual({ from: '2025-09-01', to: '2026-09-07' });
    expect(changes.map((c) => c.date)).toEqual([...changes.map((c) => c.date)].sort().reverse());
  });

  it('groups a document’s revision with the values it changes, under the reader-facing summary', () => {
    const c = changes.find((x) => x.date === '2026-09-07')!;
    expect(c.title).toEqual({ zh: '《测试合同》补充协议生效', en: '“Test contract”: amendment in force' });
    expect(c.items!.map((i) => i.clause)).toEqual(['4.3-1']);
    expect(c.clause).toBe('4.3-1');
    // The standard's own change has no history line: it gets an entry of its own.
    const s = changes.find((x) => x.date === '2026-01-01')!;
    expect(s.title.zh).toBe('《测试标准》调整取值');
    expect(s.items![0]!.text.zh).toContain('由 1\u00a0小时收紧为 50\u00a0分钟');
    // Within a day the chain's order: the standard, then the plan, then the contract.
    expect(changes.filter((x) => x.date === '2025-09-01').map((x) => x.title.zh)).toEqual(['《测试标准》施行', '《测试方案》施行', '《测试合同》施行']);
  });

  it('announces the month’s results, and no entry holds a code or ISO value', () => {
    expect(changes.find((x) => x.kind === 'results')!.title.zh).toBe('2026年7月服务承诺达成情况已公布');
    for (const c of changes) for (const t of [c.title, ...(c.items ?? []).map((i) => i.text)]) expect(t.zh + (t.en ?? '')).not.toMatch(MACHINE);
  });
});
