// The YAML loader: positions for JSON pointers, encodings, and problems collected rather than thrown.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, loadYamlText } from '../engine/load/yaml.ts';
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
  it('an empty file is empty data, not a crash', () => {
    expect(loadYamlText('', 'e.yaml')).toMatchObject({ data: null, diagnostics: [] });
  });
  it('tabs as indentation are a reported syntax error', () => {
    const y = loadYamlText('a:\n\tb: 1\n', 't.yaml');
    expect(y.diagnostics[0]!.code).toBe('CH101');
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
