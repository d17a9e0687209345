// One smallest bad fixture per error code; each names its expected code and line:col on its own
// first lines ("# expect: CH203 at 14:40"). The fixture is checked against the shipped tree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../engine/diagnostics.ts';
import { validate } from '../engine/validate/run.ts';
import { loadYamlFile } from '../engine/load/yaml.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const DIR = join(FIXTURES, 'errors');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((file) => {
    const head = readFileSync(join(DIR, file), 'latin1').split('\n').slice(0, 2).join('\n');
    const m = /# expect: (CH\d{3}) at (\d+):(\d+)/.exec(head);
    if (!m) throw new Error(`${file} has no "# expect:" line`);
    return { file, code: m[1]!, line: Number(m[2]), col: Number(m[3]) };
  });

describe('each error code has a smallest fixture', () => {
  it.each(cases)('$file → $code at $line:$col', ({ file, code, line, col }) => {
    const r = validate({ paths: [join(DIR, file)], contextDir: join(ROOT, 'standards'), cwd: ROOT });
    const hit = r.diagnostics.filter((d) => d.code === code);
    expect(hit.map((d) => `${d.line}:${d.col}`)).toEqual([`${line}:${col}`]);
    // No other errors: the fixture isolates its code (warnings that follow from it may appear).
    expect(r.diagnostics.filter((d) => d.code !== code && d.severity === 'error')).toEqual([]);
    expect(hit[0]!.severity).toBe(CATALOGUE[code]!.severity);
  });

  it('covers every file-level code in the catalogue', () => {
    const covered = new Set(cases.map((c) => c.code));
    // Command-line codes (CH00x) are covered in cli.test.ts; CH105 (unreadable) just below.
    // Service-data codes (CH3xx) are covered row by row in submit.test.ts.
    // CH4xx (rule compilation) is covered in evaluate.test.ts.
    // CH5xx (the notice ledger) is covered in notices.test.ts.
    // CH01x (output folders, what-if proposals) are refused command-line paths and values: their fixtures
    // are folders, files and .args files here, run in site-out.test.ts and whatif-proposal.test.ts.
    const fileCodes = Object.keys(CATALOGUE).filter((c) => !c.startsWith('CH00') && !c.startsWith('CH01') && !c.startsWith('CH3') && !c.startsWith('CH4') && !c.startsWith('CH5') && c !== 'CH105');
    expect(fileCodes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('has a fixture for every CH01x code, named after its code and name', () => {
    const names = readdirSync(DIR);
    const missing = Object.entries(CATALOGUE).filter(([c, e]) => c.startsWith('CH01') && !names.some((n) => n.startsWith(`${c}-${e.name}`)));
    expect(missing.map(([c]) => c)).toEqual([]);
  });

  it('CH105: an unreadable file is reported, not thrown', () => {
    const r = loadYamlFile(join(DIR, 'does-not-exist.yaml'), 'does-not-exist.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['CH105', 1, 1]]);
  });
});

describe('messages', () => {
  it.each(Object.entries(CATALOGUE))('%s has Chinese and English message and hint', (_code, e) => {
    const args = { value: 'x', id: 'x', detail: 'x', detailZh: 'x', hintZh: '提示', hintEn: 'hint', key: 'k', property: 'p', allowed: 'a', sum: 90, kind: 'profile', expected: 'e' };
    for (const f of [e.zh, e.en, e.hintZh, e.hintEn]) expect(f(args).length).toBeGreaterThan(0);
    expect(e.zh(args)).toMatch(/[\u4e00-\u9fff]/);
    expect(e.en(args)).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
