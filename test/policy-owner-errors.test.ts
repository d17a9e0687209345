// Errors a policy owner can act on (issue 13 §2): a misspelled key says "did you mean", a duration written the
// way people say it names the ISO value meant, a zero limit and a percent written as a fraction are refused,
// CH203 shows where deviation: goes, a raised version without its history entry warns, and a mapping's date
// format with letters Charter does not read is refused. Each hint's corrected text is applied and must pass.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { message, type Diagnostic } from '../engine/diagnostics.ts';
import { guessDuration } from '../engine/model/duration.ts';
import { dateFormatProblem } from '../engine/model/date-format.ts';
import { compileMapping } from '../engine/data/mapping.ts';
import type { MappingFile } from '../engine/model/types.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'charter-owner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Diagnostics of one YAML text, checked alone (withStandards: against the shipped tree, for overrides). */
function check(text: string, withStandards = false): Diagnostic[] {
  const file = join(dir, `f${n++}.yaml`);
  writeFileSync(file, text);
  const r = validate({ paths: [file], cwd: dir, ...(withStandards ? { contextDir: join(ROOT, 'standards') } : {}) });
  // Without the shipped tree, references to it dangle (CH202) and the modeline is absent (CH117): not the point here.
  return r.diagnostics.filter((d) => d.code !== 'CH117' && (withStandards || d.code !== 'CH202'));
}

// English text has no Chinese, apart from the file's own line quoted in a hint.
const noCjk = (s: string): boolean => !/[\u4e00-\u9fff]/.test(s.replace(/"[^\n]*"/g, ''));

// A plan's own timeliness requirement: every key a policy owner types, in the block style of the shipped files.
const PLAN = `kind: profile
id: fixture
title: {zh: 测试方案}
profile_type: school-plan
version: 1.0.0
base: gaoxiao-wuye
source: {file: test}
select: {include: ["4"]}
requirements:
  - id: fixture:arrival
    parent: null
    section: "二"
    text: 24小时内到场。
    obligation: shall
    obligation_from: wording
    type: timeliness
    parameters:
      - name: arrival-limit
        unit: duration
        stricter: lower
        values:
          - from: 2025-09-01
            value: PT24H
            source: 方案
    timeliness:
      subject: work-orders
      limits:
        - {id: arrived, label: {zh: 到达现场}, start: reported_at, stop: arrived_at, limit: {param: arrival-limit}}
    source: {document: test, ref: 二}
`;

describe('the plan used below is valid as written', () => {
  it('has no errors of its own', () => {
    expect(check(PLAN).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a misspelled key: "did you mean" with the corrected line, one message per slip', () => {
  it.each([
    ['paramters', 'parameters', '    parameters:', 'parameters:'],
    ['timelines', 'timeliness', '    timeliness:', 'timeliness:'],
    ['obligaton', 'obligation', '    obligation: shall', 'obligation: shall'],
    ['stricer', 'stricter', '        stricter: lower', 'stricter: lower'],
    ['Subject', 'subject', '      subject: work-orders', 'subject: work-orders'],
    ['obligation_frm', 'obligation_from', '    obligation_from: wording', 'obligation_from: wording'],
  ])('%s → %s', (typo, meant, line, fixed) => {
    const text = PLAN.replace(line, line.replace(meant, typo));
    expect(text).not.toBe(PLAN);
    const ds = check(text);
    // The key it was meant to be is not also reported missing (CH111).
    expect(ds.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['CH112']);
    expect(ds[0]!.args).toMatchObject({ property: typo, suggest: meant, fixed });
    const zh = message(ds[0]!, 'zh');
    expect(zh.hint).toContain(`是不是“${meant}”？`);
    expect(zh.hint).toContain(`改成：“${fixed}”`);
    const en = message(ds[0]!, 'en');
    expect(en.hint).toContain(`Did you mean "${meant}"?`);
    expect(noCjk(en.message) && noCjk(en.hint)).toBe(true);
    // The hint's corrected line is accepted.
    expect(check(text.replace(`${typo}:`, `${meant}:`)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a key like nothing allowed keeps the list of allowed keys', () => {
    const ds = check(PLAN.replace('    notes_x: 1\n', '').replace('    source: {document: test, ref: 二}\n', '    source: {document: test, ref: 二}\n    zzzzzz: 1\n'));
    expect(ds.map((d) => d.code)).toEqual(['CH112']);
    expect(ds[0]!.args.suggest).toBeUndefined();
    expect(message(ds[0]!, 'zh').hint).toContain('此处允许的键：');
  });

  it('an unquoted comma inside {…} still gets the quoting hint (the bogus key is like no allowed key)', () => {
    const ds = check('kind: activities\nscopes:\n  - {code: campus, name: {zh: 校区, en: Walls, roofs}}\nactivities: [{code: fire-patrol, name: {zh: 防火巡查}, scope: campus}]\n');
    expect(ds.map((d) => [d.code, d.args.property, d.args.suggest, d.args.comma])).toEqual([['CH112', 'roofs', undefined, 1]]);
    expect(message(ds[0]!, 'zh').hint).toContain('要加引号');
  });

  it('works in a flow map and in a mapping file too', () => {
    const ds = check(PLAN.replace('limit: {param: arrival-limit}', 'limt: {param: arrival-limit}'));
    const k = ds.filter((d) => d.code === 'CH112');
    expect(k.map((d) => d.args.suggest)).toEqual(['limit']);
    expect(ds.filter((d) => d.code === 'CH111')).toEqual([]);
    const m = check('kind: mapping\nid: m\ntitle: {zh: 映射}\nrecord_kind: work-orders\ncolumns:\n  - {field: reported_at, header: 报修时间, formt: "yyyy/M/d H:mm"}\n');
    expect(m.map((d) => [d.code, d.args.suggest, d.args.fixed])).toEqual([['CH112', 'format', '- {field: reported_at, header: 报修时间, format: "yyyy/M/d H:mm"}']]);
  });
});

describe('a duration written the way people say it: the ISO value meant, in words, and the corrected line', () => {
  it.each([
    ['2小时', 'PT2H', '2 小时', '2 hours'],
    ['2h', 'PT2H', '2 小时', '2 hours'],
    ['PT2h', 'PT2H', '2 小时', '2 hours'],
    ['2 hours', 'PT2H', '2 小时', '2 hours'],
    ['45分钟', 'PT45M', '45 分钟', '45 minutes'],
    ['1天', 'P1D', '1 天', '1 day'],
    ['1.5小时', 'PT1H30M', '1 小时 30 分钟', '1 hour 30 minutes'],
    ['1个半小时', 'PT1H30M', '1 小时 30 分钟', '1 hour 30 minutes'],
    ['半小时', 'PT30M', '30 分钟', '30 minutes'],
    ['二十四小时', 'PT24H', '24 小时', '24 hours'],
    ['15 min', 'PT15M', '15 分钟', '15 minutes'],
    ['2小时30分钟', 'PT2H30M', '2 小时 30 分钟', '2 hours 30 minutes'],
    ['24h内', 'PT24H', '24 小时', '24 hours'],
    ['p3d', 'P3D', '3 天', '3 days'],
  ])('%s → %s', (written, iso, zhWords, enWords) => {
    expect(guessDuration(written)).toEqual({ iso });
    const text = PLAN.replace('value: PT24H', `value: ${written}`);
    const ds = check(text);
    expect(ds.map((d) => [d.code, d.line, d.col])).toEqual([['CH207', 23, 20]]);
    const zh = message(ds[0]!, 'zh');
    // Numbers and units are joined by a no-break space (labels.ts).
    expect(zh.hint.replace(/\u00a0/g, ' ')).toContain(`应写成 ${iso}（${zhWords}）：改成“value: ${iso}”`);
    const en = message(ds[0]!, 'en');
    expect(en.hint.replace(/\u00a0/g, ' ')).toContain(`Write ${iso} (${enWords}): "value: ${iso}"`);
    expect(noCjk(en.message) && noCjk(en.hint)).toBe(true);
    expect(check(text.replace(`value: ${written}`, `value: ${iso}`)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('working days written as a duration point to unit working-days', () => {
    const ds = check(PLAN.replace('value: PT24H', 'value: 3个工作日'));
    expect(ds.map((d) => [d.code, d.args.workingDays])).toEqual([['CH207', 3]]);
    expect(message(ds[0]!, 'zh').hint).toContain('unit 改为 working-days，取值写数字 3');
  });

  it('text that is no duration keeps the examples, without a guess', () => {
    for (const v of ['尽快', 'abc', '2']) expect(guessDuration(v)).toBeUndefined();
    const ds = check(PLAN.replace('value: PT24H', 'value: 尽快'));
    expect(ds.map((d) => [d.code, d.args.suggest])).toEqual([['CH207', undefined]]);
    expect(message(ds[0]!, 'zh').hint).toContain('PT15M（15 分钟）');
  });

  it.each(['PT0M', 'PT0H', 'P0D', '0分钟', '0h'])('a zero limit %s is refused with the reason (CH243)', (v) => {
    const ds = check(PLAN.replace('value: PT24H', `value: ${v}`));
    expect(ds.map((d) => [d.code, d.line])).toEqual([['CH243', 23]]);
    expect(message(ds[0]!, 'zh').message).toContain('每一件都会判为超时');
    expect(message(ds[0]!, 'en').message).toContain('every case would count as late');
  });

  it('a zero advance (before: true: not later than the start) is allowed', () => {
    const text = PLAN.replace('value: PT24H', 'value: PT0M').replace('limit: {param: arrival-limit}}', 'limit: {param: arrival-limit}, before: true}');
    expect(check(text).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('a percent written as a fraction is refused with the percentage meant (CH244)', () => {
  const rate = (value: number, stricter: 'higher' | 'lower', text: string): string => `kind: profile
id: fixture
title: {zh: 测试方案}
profile_type: school-plan
version: 1.0.0
base: gaoxiao-wuye
source: {file: test}
select: {include: ["4"]}
requirements:
  - id: fixture:rate
    parent: null
    section: "三"
    text: ${text}
    obligation: shall
    obligation_from: wording
    type: rate
    parameters:
      - name: limit
        unit: percent
        stricter: ${stricter}
        values:
          - {from: 2025-09-01, value: ${value}, source: 方案}
    rate:
      measure: {zh: 满意率}
      subject: complaints
      share: {field: cause, values: [service-error]}
      threshold: {param: limit}
      direction: ${stricter === 'higher' ? 'above' : 'below'}
      min_sample: 1
    source: {document: test, ref: 三}
`;
  it.each([
    [0.95, 'higher', '满意率达95%以上。', 95],
    [0.9, 'higher', '满意率不低于九成。', 90],
    [0.05, 'lower', '错误率低于5%。', 5],
    [0.035, 'lower', '差错率不超过3.5％。', 3.5],
  ] as const)('%s (%s is stricter, “%s”) → %s', (value, stricter, text, pct) => {
    const ds = check(rate(value, stricter, text));
    expect(ds.filter((d) => d.severity === 'error').map((d) => [d.code, d.args.percent])).toEqual([['CH244', pct]]);
    expect(message(ds[0]!, 'zh').hint).toContain(`写成 ${pct}：改成“- {from: 2025-09-01, value: ${pct}, source: 方案}”`);
    expect(noCjk(message(ds[0]!, 'en').message)).toBe(true);
    expect(check(rate(pct, stricter, text)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    [0.5, 'lower', '错误率低于0.5%。'],
    [0.5, 'lower', '差错率从严控制。'],
    [95, 'higher', '满意率达95%以上。'],
    [0, 'lower', '零差错。'],
  ] as const)('%s (%s, “%s”) is accepted', (value, stricter, text) => {
    expect(check(rate(value, stricter, text)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an override of the standard written as a fraction is one error, not also a loosening (CH203)', () => {
    const text = `kind: profile
id: fixture
title: {zh: 测试方案}
profile_type: school-plan
version: 1.0.0
base: gaoxiao-wuye
source: {file: test}
select: {include: ["5.1.2.6"]}
overrides:
  - requirement: 5.1.2.6-2
    parameter: intact-rate
    values: [{from: 2025-09-01, value: 0.97, source: 方案第三条}]
`;
    expect(check(text, true).filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['CH244']);
  });
});

describe("CH203's hint shows where deviation: goes, with the file's own keys", () => {
  const PROFILE = `kind: profile
id: fixture
title: {zh: 测试方案}
profile_type: school-plan
version: 1.0.0
base: gaoxiao-wuye
source: {file: test}
select: {include: ["4"]}
overrides:
  - requirement: "4.3-1"
    parameter: arrival-working-hours
    values:
      - {from: 2025-09-01, value: PT2H, source: 合同第三条}
  - requirement: "4.3-1"
    parameter: arrival-other-hours
    values: [{from: 2025-09-01, value: PT2H, source: 合同第三条}]
`;
  it('the snippet names this override, sits beside values:, and, filled in, clears the error', () => {
    const ds = check(PROFILE, true).filter((d) => d.code === 'CH203');
    expect(ds.map((d) => d.line)).toEqual([13]);
    const zh = message(ds[0]!, 'zh').hint;
    const snippet = zh.split('\n').slice(1).map((l) => l.slice(4));
    expect(snippet).toEqual([
      '  - requirement: "4.3-1"',
      '    parameter: arrival-working-hours',
      '    values: …',
      '    deviation:',
      '      reason: 放宽的理由（如合同条款）',
      '      approved_on: 2025-09-01',
      '      approved_by: 批准人或批准单位',
    ]);
    expect(message(ds[0]!, 'en').hint).toContain('      approved_by: who approved it');
    // Put the deviation lines where the snippet shows them, filled in: the profile passes.
    const deviation = snippet.slice(3).map((l) => l.replace('放宽的理由（如合同条款）', '合同第三条约定').replace('批准人或批准单位', '后勤管理处')).join('\n');
    const fixed = PROFILE.replace('      - {from: 2025-09-01, value: PT2H, source: 合同第三条}\n', `      - {from: 2025-09-01, value: PT2H, source: 合同第三条}\n${deviation}\n`);
    expect(check(fixed, true).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the shipped example keeps its own indentation and quoting', () => {
    const r = charter(['validate', 'test/fixtures/errors/CH203-loosens-standard.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('      - requirement: "4.3-1"\n        parameter: arrival-working-hours\n        values: …\n        deviation:');
  });
});

describe('a version raised without its history entry warns with the entry to add (CH245)', () => {
  const STANDARD = (version: string, history: string[]): string => `kind: standard
id: fixture-standard
title: {zh: 测试标准}
edition: 测试版
version: ${version}
effective_from: 2025-09-01
source: {file: test}
history:
${history.map((v) => `  - version: ${v}\n    date: 2025-09-01\n    changes: 首次编码`).join('\n')}
`;
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

  it('outside git: newer than the latest history entry', () => {
    const ds = check(STANDARD('1.1.0', ['1.0.0']));
    expect(ds.map((d) => [d.code, d.severity, d.line, d.col, d.args.from])).toEqual([['CH245', 'warning', 5, 10, '1.0.0']]);
    const hint = message(ds[0]!, 'zh').hint;
    expect(hint.split('\n').slice(1)).toEqual(['      - version: 1.1.0', `        date: ${today}`, '        changes: （写明本版改了什么：哪些条款、参数，为什么）']);
    expect(noCjk(message(ds[0]!, 'en').hint)).toBe(true);
    // The entry added, the warning is gone.
    expect(check(STANDARD('1.1.0', ['1.0.0', '1.1.0']))).toEqual([]);
  });

  it.each([
    ['the version of the latest entry', '1.0.0', ['1.0.0']],
    ['an older entry listed last', '1.2.0', ['1.2.0', '1.1.0']],
    ['a version below the history (not a bump)', '0.9.0', ['1.0.0']],
  ])('no warning for %s', (_name, version, history) => {
    expect(check(STANDARD(version, history)).filter((d) => d.code === 'CH245')).toEqual([]);
  });

  it('inside git: compared with the committed version, also for a profile without history', () => {
    const repo = mkdtempSync(join(tmpdir(), 'charter-git-'));
    try {
      const git = (...a: string[]): void => {
        execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...a], { stdio: 'ignore' });
      };
      git('init', '-q');
      const profile = (v: string): string => `kind: profile\nid: fixture\ntitle: {zh: 测试方案}\nprofile_type: school-plan\nversion: ${v}\nbase: gaoxiao-wuye\nsource: {file: test}\nselect: {include: ["4"]}\n`;
      writeFileSync(join(repo, 'p.yaml'), profile('1.0.0'));
      git('add', 'p.yaml');
      git('commit', '-qm', 'first');
      const at = (): Diagnostic[] => validate({ paths: [join(repo, 'p.yaml')], cwd: repo }).diagnostics.filter((d) => d.code === 'CH245');
      expect(at()).toEqual([]);
      writeFileSync(join(repo, 'p.yaml'), profile('1.0.1'));
      const ds = at();
      expect(ds.map((d) => [d.line, d.args.from, d.args.where])).toEqual([[5, '1.0.0', 'the committed version']]);
      expect(message(ds[0]!, 'zh').hint.split('\n').slice(1, 3)).toEqual(['    history:', '      - version: 1.0.1']);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe("a mapping's date format with letters Charter does not read is refused (CH246)", () => {
  const mapping = (format: string): string => `kind: mapping\nid: m\ntitle: {zh: 映射}\nrecord_kind: work-orders\ncolumns:\n  - {field: reported_at, header: 报修时间, format: "${format}"}\n`;
  it.each([
    ['YYYY/M/D', 'unknown-letters', 'yyyy/M/d', 'YYYY、D'],
    ['YYYY-MM-DD HH:mm:ss', 'unknown-letters', 'yyyy-MM-dd HH:mm:ss', 'YYYY、DD'],
    ['yyyy/M/d hh:mm', 'unknown-letters', 'yyyy/M/d HH:mm', 'hh'],
    ['yyyy/mm/dd', 'minutes-for-month', 'yyyy/MM/dd', ''],
    ['yyyy/mm/dd HH:mm', 'minutes-for-month', 'yyyy/MM/dd HH:mm', ''],
    ['yyyy/MM/dd HH:MM', 'month-for-minutes', 'yyyy/MM/dd HH:mm', ''],
    ['yyyy/M/d h:mm a', 'twelve-hour', 'yyyy/M/d H:mm', 'h、a'],
    ['ISO', 'named', 'iso', 'ISO'],
    ['HH:mm', 'no-date', undefined, ''],
  ])('%s', (format, cause, fixed, unknownZh) => {
    const ds = check(mapping(format));
    expect(ds.map((d) => [d.code, d.line, d.args.cause, d.args.suggest, d.args.unknownZh])).toEqual([['CH246', 6, cause, fixed, unknownZh]]);
    const zh = message(ds[0]!, 'zh');
    expect(zh.hint).toContain('yyyy 年，M 或 MM 月，d 或 dd 日，H 或 HH 时（24 小时制），mm 分，ss 秒');
    if (fixed) expect(zh.hint).toContain(`应写成“${fixed}”`);
    expect(noCjk(message(ds[0]!, 'en').message)).toBe(true);
    if (fixed) expect(check(mapping(fixed))).toEqual([]);
  });

  it('yyyy/mm/dd hh:mm names both slips', () => {
    const ds = check(mapping('yyyy/mm/dd hh:mm'));
    expect(ds.map((d) => d.args.suggest)).toEqual(['yyyy/MM/dd HH:mm']);
    expect(message(ds[0]!, 'zh').message).toContain('小写 mm 是分钟');
  });

  it.each(['yyyy/M/d H:mm', 'yyyy年M月d日 HH:mm', 'yyyy-MM-ddTHH:mm:ss', 'dd.MM.yyyy', 'iso', 'excel-serial', 'excel-or-iso'])('%s is read as written', (f) => {
    expect(dateFormatProblem(f)).toBeUndefined();
  });

  it('reading data never falls back to ISO 8601 for a format that does not compile', () => {
    const m: MappingFile = { kind: 'mapping', id: 'm', title: { zh: '映射' }, record_kind: 'work-orders', columns: [{ field: 'reported_at', header: '报修时间', format: 'YYYY/M/D' }] };
    const c = compileMapping(m, ['报修时间']);
    expect(c.columns[0]!.format!.parse('2026-04-01T10:00:00+08:00', 'Asia/Shanghai')).toBeUndefined();
  });
});
