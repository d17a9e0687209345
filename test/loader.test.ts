// The YAML loader: positions for JSON pointers, encodings, and problems collected rather than thrown.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, loadYamlText, MAX_YAML_DEPTH, MAX_YAML_TOKENS } from '../engine/load/yaml.ts';
import { formatDuration, parseDuration, durationSeconds } from '../engine/model/duration.ts';
import { codeFrame, width } from '../engine/cli/format.ts';

describe('runtime', () => {
  it('runs under Node.js 24 or later', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});

describe('locate', () => {
  const src = ['kind: requirements', 'requirements:', '  - id: "4.3"', '    text: 时限承诺', '    empty:', ''].join('\n');
  const y = loadYamlText(src, 'x.yaml');
  it.each([
    ['', 1, 1],
    ['/kind', 1, 7],
    ['/requirements/0', 3, 5],
    ['/requirements/0/id', 3, 9],
    ['/requirements/0/text', 4, 11],
    ['/requirements/0/empty', 5, 5], // no value: falls back to the key
    ['/requirements/0/missing', 3, 5], // nearest existing parent
    ['/requirements/7/id', 3, 3],
  ])('%s → %i:%i', (ptr, line, col) => {
    expect(y.locate(ptr)).toEqual({ line, col });
  });
  it('points at a key when asked', () => {
    expect(y.locate('/requirements/0/text', 'key')).toEqual({ line: 4, col: 5 });
  });
});

describe('decoding', () => {
  it('accepts UTF-8 with a BOM and drops the BOM', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(r).toEqual({ text: 'a' });
  });
  it('finds the first GBK byte', () => {
    // "a: 校区" in GBK
    expect(decodeUtf8(new Uint8Array([0x61, 0x3a, 0x20, 0xd0, 0xa3, 0xc7, 0xf8]))).toEqual({ badOffset: 5 });
  });
  // Issue 11 §2: an empty file used to load as null data with no diagnostic, so its requirements vanished silently.
  it.each([
    ['', 'empty'],
    ['   \n\n', 'whitespace only'],
    ['# only a comment\n# and another\n', 'comments only'],
    ['~\n', 'a null value'],
    ['null\n', 'a null value'],
    ['---\n', 'a null value'],
  ])('%j is an error on the file (CH107 at 1:1), not empty data', (src, what) => {
    const y = loadYamlText(src, 'e.yaml');
    expect(y.data).toBeNull();
    expect(y.diagnostics.map((d) => [d.code, d.line, d.col, d.args.what])).toEqual([['CH107', 1, 1, what]]);
  });
  it('a BOM-only file is empty too', () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(r).toEqual({ text: '' });
    expect(loadYamlText((r as { text: string }).text, 'b.yaml').diagnostics.map((d) => d.code)).toEqual(['CH107']);
  });
  it('tabs as indentation are a reported syntax error, named as such (CH127, was the parser\'s CH101)', () => {
    const y = loadYamlText('a:\n\tb: 1\n', 't.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.args?.cause])).toEqual([['CH127', 'tab-indent']]);
  });
});

describe('hostile YAML ends in a code, never a stack overflow', () => {
  it.each([
    ['10,000 nested [', '['.repeat(10000) + ']'.repeat(10000), 'CH108'],
    ['10,000 nested - - -', '- '.repeat(10000) + 'x\n', 'CH108'],
    ['2,000 nested {a: …}', '{a: '.repeat(2000) + '1' + '}'.repeat(2000), 'CH108'],
    ['500 indented maps', Array.from({ length: 500 }, (_, i) => '  '.repeat(i) + 'a:').join('\n') + ' 1\n', 'CH108'],
    ['a sequence that contains itself', '&a [*a]\n', 'CH118'],
    ['a map value that contains its own map', 'kind: requirements\nx: &m {y: *m}\n', 'CH118'],
    ['a key that is its own alias', '&k {? *k : 1}\n', 'CH118'],
    ['an alias to no anchor', 'a: *nope\n', 'CH126'],
    ['an anchor redefined around its own alias', 'a: &a [1]\nb: &a [*a]\n', 'CH118'],
    ['a map-of-maps bomb', ['a: &a {x: 1, y: 2}', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} {${Array.from({ length: 10 }, (_, k) => `k${k}: *${'abcdefghij'[i]}`).join(', ')}}`)].join('\n'), 'CH103'],
    ['an alias expansion bomb', ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill('*' + 'abcdefghij'[i]).join(', ')}]`)].join('\n'), 'CH103'],
  ])('%s → %s', (_name, src, code) => {
    const y = loadYamlText(src, 'h.yaml');
    expect(y.data).toBeNull();
    expect(y.diagnostics.map((d) => d.code)).toEqual([code]);
  });
  it(`accepts ${MAX_YAML_DEPTH} levels and refuses ${MAX_YAML_DEPTH + 1}`, () => {
    const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    expect(loadYamlText(nest(MAX_YAML_DEPTH), 'd.yaml').diagnostics).toEqual([]);
    expect(loadYamlText(nest(MAX_YAML_DEPTH + 1), 'd.yaml').diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['CH108', 1, MAX_YAML_DEPTH + 1]]);
  });
  it('2 MB of "[" stops at the limit, without building millions of nodes first', () => {
    const t0 = performance.now();
    const y = loadYamlText('['.repeat(2_000_000), 'd.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.col])).toEqual([['CH108', MAX_YAML_DEPTH + 1]]);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
  it(`CH125: more than ${MAX_YAML_TOKENS} tokens (a million list items) is refused, quickly`, () => {
    const t0 = performance.now();
    const y = loadYamlText('[' + 'a,'.repeat(1_000_000) + ']', 'w.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.line])).toEqual([['CH125', 1]]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
  it('duplicate keys are found in linear time (55,000 keys used to take two minutes)', () => {
    const t0 = performance.now();
    const y = loadYamlText(Array.from({ length: 55_000 }, (_, i) => `k${i}: 1`).join('\n') + '\nk7: 2\n', 'k.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.line, d.col, d.args.key])).toEqual([['CH102', 55_001, 1, 'k7']]);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
  it('keys that become the same property name are duplicates (1 and "1"), not a silent overwrite', () => {
    const y = loadYamlText('a: {1: x, "1": y}\n', 'k.yaml');
    expect(y.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['CH102', 1, 11]]);
    expect(y.data).toBeNull();
  });
  it('an anchor used again beside itself (not inside) is no cycle', () => {
    const y = loadYamlText('a: &a [1, 2]\nb: [*a, *a]\n', 'ok.yaml');
    expect(y.diagnostics).toEqual([]);
    expect(y.data).toEqual({ a: [1, 2], b: [[1, 2], [1, 2]] });
  });
});

describe('non-finite numbers', () => {
  it.each(['.inf', '-.inf', '.nan', '1e400'])('%s where a number is expected is a wrong type, quoted as YAML spells it', async (v) => {
    const { validateShape } = await import('../engine/schemas/validate.ts');
    const typed = loadYamlText(`kind: scorecard\nid: s\nname: {zh: 表}\ncategories: [{id: c, name: {zh: 类}, weight: ${v}}]\n`, 's.yaml');
    const d = validateShape(typed).diagnostics.find((x) => x.code === 'CH113' && x.pointer === '/categories/0/weight');
    expect(d?.args.actual).toBe(`number ${v === '1e400' ? '.inf' : v}`);
  });
});

describe('durations', () => {
  it.each([
    ['PT10M', 600],
    ['PT1H', 3600],
    ['PT24H', 86400],
    ['P3D', 259200],
    ['P1W', 604800],
    ['PT1H30M', 5400],
  ])('%s = %i s', (text, seconds) => {
    expect(durationSeconds(parseDuration(text)!)).toBe(seconds);
  });
  it.each(['P', 'PT', '1h', 'PT1.5H', 'P1DT', '', 'pt1h'])('%j is rejected', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
  it('formats for people', () => {
    expect(formatDuration('PT1H30M')).toBe('1 小时30 分钟');
    expect(formatDuration('PT15M', 'en')).toBe('15 min');
  });
});

describe('terminal rendering', () => {
  it('counts CJK as two columns so the caret lines up', () => {
    expect(width('校区a')).toBe(5);
    const frame = codeFrame('a: 校区x\n', 1, 6);
    expect(frame.split('\n')[1]).toBe('      | ' + ' '.repeat(7) + '^');
  });
});
