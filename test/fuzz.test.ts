// The fuzzer checks itself: with a fake CLI entry that plants an internal error, a stack trace, a throw
// and a store change behind a refusal, a short run must find each of them, write reproducers and fail;
// with a fake entry that only refuses politely, the same run must find nothing.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOptions, runFuzz, type Summary } from '../scripts/fuzz/harness.ts';
import { generate } from '../scripts/fuzz/mutators.ts';
import { loadCorpus } from '../scripts/fuzz/corpus.ts';
import { executableCell, parseCsv } from '../scripts/fuzz/runner.ts';
import { ROOT } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function fuzzWith(mode: 'planted' | 'clean'): Promise<Summary> {
  const out = mkdtempSync(join(tmpdir(), 'charter-fuzz-test-'));
  dirs.push(out);
  process.env.FAKE_MODE = mode;
  try {
    return await runFuzz({
      ...defaultOptions(ROOT),
      seed: 7,
      count: 20,
      classes: ['yaml-syntax', 'duplicates', 'formulas', 'times'],
      out,
      jobs: 2,
      timeoutMs: 20_000,
      runnerModule: join(ROOT, 'test', 'fixtures', 'fuzz', 'fake-runner.ts'),
      shrinkSeconds: 5,
      log: () => {},
    });
  } finally {
    delete process.env.FAKE_MODE;
  }
}

const total = (s: Summary, k: keyof Summary['perClass'][string]['failures']): number => Object.values(s.perClass).reduce((n, c) => n + c.failures[k], 0);

describe('npm run fuzz', () => {
  it('finds a planted internal error, stack trace, throw and store change, and writes reproducers', async () => {
    const s = await fuzzWith('planted');
    expect(Object.values(s.perClass).reduce((n, c) => n + c.tried, 0)).toBe(20);
    expect(s.ok).toBe(false);
    expect(total(s, 'internal')).toBeGreaterThan(0);
    expect(total(s, 'stack')).toBeGreaterThan(0);
    expect(total(s, 'crash')).toBeGreaterThan(0);
    expect(total(s, 'store-change')).toBeGreaterThan(0);
    const kinds = new Set(s.failures.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['crash', 'internal', 'stack', 'store-change']));
    for (const f of s.failures) {
      expect(f.repro).toBeDefined();
      expect(readdirSync(f.repro!)).toEqual(expect.arrayContaining(['repro.sh', 'spec.json', 'signature.txt']));
    }
  }, 120_000);

  it('finds nothing when every input is refused politely', async () => {
    const s = await fuzzWith('clean');
    expect(s.failures).toEqual([]);
    expect(s.ok).toBe(true);
    expect(Object.values(s.perClass).reduce((n, c) => n + (c.exit['1'] ?? 0), 0)).toBe(20);
  }, 120_000);

  it('is repeatable from its seed', () => {
    const corpus = loadCorpus(ROOT);
    const a = JSON.stringify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => generate(3, i, ['yaml-syntax', 'encodings', 'times', 'formulas', 'file-types', 'duplicates'], corpus)));
    const b = JSON.stringify([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => generate(3, i, ['yaml-syntax', 'encodings', 'times', 'formulas', 'file-types', 'duplicates'], corpus)));
    expect(a).toBe(b);
  });

  it('reads an executable cell as OWASP does', () => {
    for (const c of ['=1+1', '+cmd', '-1+1+cmd|x', '@SUM(1)', '\t=1', '\r=1']) expect(executableCell(c)).toBe(true);
    for (const c of ["'=1+1", '-1', '+3.5', '1e5', 'text', '', ' =1']) expect(executableCell(c)).toBe(false);
    expect(parseCsv('a,"b,""c""",d\r\n1,2\n')).toEqual([['a', 'b,"c"', 'd'], ['1', '2']]);
    expect(existsSync(join(ROOT, 'scripts', 'fuzz.ts'))).toBe(true);
  });
});
