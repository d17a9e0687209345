// `charter whatif` in the edit-in-place workflow (docs/editing.md, issue 13 §3): without --proposal it compares
// the edition in force (standards/ as committed at git HEAD) with the working tree's edits, names both sides,
// lists the records whose verdict changes, spans several months, and shows a broken edit's errors instead of a
// comparison. A scratch repository holds a copy of the shipped standards; the contract's 45-minute arrival limit
// is tightened to 30 minutes in the working tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../engine/data/submit.ts';
import type { Tree } from '../engine/load/tree.ts';
import { findLeaks, leakReport } from '../engine/model/word-check.ts';
import { openStore } from '../engine/store/store.ts';
import { treeIds } from '../engine/validate/names.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions } from './helpers.ts';

let dir: string;
let repo: string;
let db: string;
let tree: Tree;
const PROFILE = join('standards', 'profiles', 'contract-example-property.yaml');
let original: string;

const git = (...args: string[]): string => {
  const r = spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

function whatif(args: string[], cwd = repo): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'whatif', ...args, '--db', db], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-whatif-head-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  cpSync(join(ROOT, 'standards'), join(repo, 'standards'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'edition in force');
  original = readFileSync(join(repo, PROFILE), 'utf8');
  // The policy owner's edit: the contract's working-hours arrival limit from 45 to 30 minutes.
  expect(original).toContain('value: PT45M');
  writeFileSync(join(repo, PROFILE), original.replace('value: PT45M', 'value: PT30M'));
  tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  db = join(dir, 'db.sqlite');
  const store = openStore(db);
  const r = await submit(submitOptions(tree, store, dir, join(ROOT, 'examples', 'sample-university', 'work-orders.ndjson'), 'work-orders'));
  store.close();
  expect(r.status).toBe('stored');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('whatif without --proposal: the edition in force against the working tree', () => {
  it.each([['zh'], ['en']] as const)('names both sides and the records that change verdict, in words (%s)', (lang) => {
    const r = whatif(['--period', '2026-04', '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    if (lang === 'zh') {
      expect(r.stdout).toMatch(/在用版本（git HEAD [0-9a-f]{7} 已提交的 standards\/） 与 修改后（工作区中的 standards\/）/);
      expect(r.stdout).toContain('结论有变化的记录');
      // A case reached in 40 minutes: on time under 45 minutes, late under 30.
      expect(r.stdout).toMatch(/WO-2026-\d+ +按时 +超时/);
    } else {
      expect(r.stdout).toContain('edition in force (standards/ as committed at git HEAD');
      expect(r.stdout).toMatch(/WO-2026-\d+ +on time +late/);
    }
    expect(leakReport(findLeaks(r.stdout + r.stderr, lang, { ids: treeIds(tree) }))).toBe(leakReport([]));
  });

  it('spans several months: a run and a repeated --period, one comparison per month (--json)', () => {
    const r = whatif(['--period', '2026-03..2026-04', '--period', '2026-06', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { periods: string[]; months: { period: string; records: { before: string; after: string }[] }[]; sides: { unchanged: boolean } };
    expect(j.periods).toEqual(['2026-03', '2026-04', '2026-06']);
    expect(j.months.map((m) => m.period)).toEqual(j.periods);
    expect(j.sides.unchanged).toBe(false);
    for (const m of j.months) {
      expect(m.records.length).toBeGreaterThan(0);
      expect(m.records.every((x) => x.before === 'met' && x.after === 'missed')).toBe(true);
    }
  });

  it.each([['2026-05..2026-03'], ['2026-13'], ['2024-01..2026-06']])('--period %s is a usage error naming the value (exit 2)', (p) => {
    const r = whatif(['--period', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--period ${p}`);
  });

  it('an edit with a YAML error shows the error (file:line:col and the code frame), not a comparison', () => {
    writeFileSync(join(repo, PROFILE), original.replace('value: PT45M', 'value：PT30M'));
    try {
      const r = whatif(['--period', '2026-04']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/standards\/profiles\/contract-example-property\.yaml:\d+:\d+ 错误 CH127/);
      expect(r.stderr).toMatch(/> +\d+ \| +value：PT30M/);
      expect(r.stderr).toContain('CH343');
      expect(r.stderr).toContain('修改后（工作区中的 standards/）的标准有 1 个错误');
    } finally {
      writeFileSync(join(repo, PROFILE), original.replace('value: PT45M', 'value: PT30M'));
    }
  });

  it('outside a git repository there is no edition in force: CH342 (exit 2) says to use --proposal', () => {
    const plain = join(dir, 'plain');
    cpSync(join(repo, 'standards'), join(plain, 'standards'), { recursive: true });
    const r = whatif(['--period', '2026-04'], plain);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CH342');
    expect(r.stderr).toContain('--proposal');
  });
});
