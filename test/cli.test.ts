// The CLI as a user runs it: exit codes, file:line:col, languages, JSON, usage errors, help.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charter, FIXTURES } from './helpers.ts';

const bad = join(FIXTURES, 'errors', 'CH203-loosens-standard.yaml');

describe('charter validate', () => {
  it('passes the shipped tree with exit 0 and a summary', () => {
    const r = charter(['validate', '--summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('各章要求数');
    expect(r.stdout).toMatch(/0 个错误/);
  });

  it('points at the line of a mistake and exits 1', () => {
    const r = charter(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CH203-loosens-standard\.yaml:14:40 错误 CH203 /);
    expect(r.stdout).toContain('> 14 |'); // code frame
    expect(r.stdout).toContain('提示：');
    expect(r.stdout).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
  });

  it('speaks English with --lang en', () => {
    const r = charter(['validate', bad, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error CH203 The profile loosens arrival-working-hours of 4.3-1 from PT1H to PT3H');
    expect(r.stdout).toContain('hint: ');
  });

  it('gives the same as data with --json', () => {
    const r = charter(['validate', bad, '--json']);
    const j = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(j.ok).toBe(false);
    expect(j.diagnostics[0]).toMatchObject({ code: 'CH203', name: 'loosens-standard', line: 14, col: 40, severity: 'error' });
    expect(j.diagnostics[0].message).toMatch(/放宽/);
  });

  it('reports every problem of a file in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-'));
    const f = join(dir, 'two.yaml');
    writeFileSync(f, readFileSync(bad, 'utf8').replace('include: ["4"]', 'include: ["4", "4.99"]'));
    const j = JSON.parse(charter(['validate', f, '--json']).stdout);
    expect(j.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['CH202', 'CH203']);
  });

  it('summary as JSON counts requirements per section and type', () => {
    const j = JSON.parse(charter(['validate', '--summary', '--json']).stdout);
    expect(j.summary.sections).toHaveLength(9);
    expect(j.summary.types.timeliness).toBeGreaterThanOrEqual(5);
  });
});

describe('usage errors exit 2 with a code and a hint', () => {
  it.each([
    [['frobnicate'], 'CH001'],
    [['validate', '--frob'], 'CH002'],
    [['validate', '--lang', 'fr'], 'CH002'],
    [['validate', 'no/such/path.yaml'], 'CH003'],
    [['validate', 'README.md'], 'CH004'],
  ])('%j → %s', (args, code) => {
    const r = charter(args);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(code);
    expect(r.stderr + r.stdout).toContain('提示：');
  });
});

describe('help', () => {
  it.each([[['--help']], [['validate', '--help']], [['help', 'validate']], [['--help', '--lang', 'en']]])('%j exits 0', (args) => {
    const r = charter(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/charter|Charter/);
    expect(r.stdout).toMatch(/退出码|Exit codes/);
  });
  it('no command prints help and exits 2', () => {
    expect(charter([]).code).toBe(2);
  });
  it('--version', () => {
    expect(charter(['--version']).stdout).toMatch(/^charter \d+\.\d+\.\d+/);
  });
});

describe('internal errors', () => {
  it('exit 3 with a report file and how to report it, no stack trace on screen', async () => {
    const { runSafely } = await import('../engine/cli/main.ts');
    const err: string[] = [];
    const code = await runSafely(['validate', '--summary'], {
      out: () => {
        throw new Error('disk full');
      },
      err: (s) => err.push(s),
      cwd: join(import.meta.dirname, '..'),
      color: false,
    });
    expect(code).toBe(3);
    const text = err.join('\n');
    expect(text).toContain('CH900');
    expect(text).toContain('README.md');
    expect(text).not.toContain('disk full');
    const report = /(\S+report\.txt)/.exec(text)![1]!;
    expect(readFileSync(report, 'utf8')).toContain('Error: disk full');
  });
});

describe('charter calendar', () => {
  it('prints a month with holidays, make-up days and the term', () => {
    const r = charter(['calendar', '2026-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026年10月');
    expect(r.stdout).toMatch(/10-01–10-07\s+法定节假日：国庆节/);
    expect(r.stdout).toMatch(/10-10\s+调休补班：国庆节/);
    expect(r.stdout).toContain('2026—2027学年第一学期');
  });
  it('says a year without holiday data is unknown, in English too', () => {
    const r = charter(['calendar', '2027-03', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the 2027 holiday notice is not in the calendar data');
  });
  it('gives the month as data with --json', () => {
    const j = JSON.parse(charter(['calendar', '2026-10', '--json']).stdout);
    expect(j.workingDays).toBe(18);
    expect(j.days.find((d: { date: string }) => d.date === '2026-10-10')).toMatchObject({ working: true, makeUpWorkday: true });
  });
  it('rejects a bad month with exit 2', () => {
    expect(charter(['calendar', '2026-13']).code).toBe(2);
  });
});

describe('evaluate, explain and whatif on a submitted store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-eval-cli-'));
  const db = join(dir, 'db.sqlite');
  it('submits, evaluates with a summary and findings.json, explains one record, compares a proposal', () => {
    expect(charter(['submit', 'examples/sample-university/work-orders.ndjson', '--kind', 'work-orders', '--db', db]).code).toBe(0);
    const ev = charter(['evaluate', '--period', '2026-03', '--db', db, '--out', join(dir, 'out')]);
    expect(ev.code).toBe(1); // problems found
    expect(ev.stdout).toContain('评价期间 2026-03');
    expect(ev.stdout).toMatch(/huayu-property\s+4\.3-1\s+huayu-property\s+210\/212/);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'findings.json'), 'utf8')).period).toBe('2026-03');
    const ex = charter(['explain', '4.3-1', 'WO-2026-000218', '--db', db, '--lang', 'en']);
    expect(ex.code).toBe(0);
    // In words (issue 13 §1): the limit by its label and duration, the comparison with its values, no codes.
    const said = ex.stdout.replaceAll('\u00a0', ' '); // numbers and units are joined by no-break spaces
    expect(said).toContain('→ Reported in working hours: on site ≤ 45 minutes');
    expect(said).toContain('✗ took 3.1 hours; limit 45 minutes');
    expect(said).toContain('Outcome: missed');
    expect(said).not.toMatch(/elapsed_seconds|PT45M|working-hours/);
    const wi = charter(['whatif', '--period', '2026-03', '--proposal', 'standards', '--db', db, '--json']);
    expect(JSON.parse(wi.stdout).changed).toEqual([]);
  });
  it('usage errors: bad period, unknown record', () => {
    expect(charter(['evaluate', '--period', '2026-3', '--db', db]).code).toBe(2);
    expect(charter(['explain', '4.3-1', 'NOPE', '--db', db]).code).toBe(2);
  });
});

describe('charter test', () => {
  it('runs the cases beside a requirement', () => {
    const r = charter(['test', 'standards/tests/4.3-2.test.yaml', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 test files: \d+ passed, 0 failed, 0 skipped\./);
  });
  it('a wrong expectation fails with what the engine decided, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-test-'));
    const tree = join(dir, 'standards');
    cpSync(join(import.meta.dirname, '..', 'standards'), tree, { recursive: true });
    const f = join(tree, 'tests', '4.3-2.test.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('outcome: met', 'outcome: missed'));
    const r = charter(['test', f, '--tree', tree, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.failed).toBe(1);
    expect(j.results.find((x: { status: string }) => x.status === 'failed').problems.join(' ')).toMatch(/outcome: expected "missed", engine says "met"/);
  });
});
