// `charter whatif --proposal`: the value is never an option to git (CH013), a revision is resolved to its
// commit before anything is archived (unknown: CH014; without standards/: CH015), and the temporary
// checkout is removed whether the command succeeds or fails.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../engine/store/store.ts';
import { FIXTURES, ROOT } from './helpers.ts';

let dir: string;
let repo: string;
let db: string;
let tmp: string;

const git = (...args: string[]): string => {
  const r = spawnSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};

/** The CLI in the scratch repository, with its own temporary folder so leftovers can be counted. */
function whatif(proposal: string[], extra: string[] = []): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'whatif', '--period', '2026-03', ...proposal, '--tree', join(ROOT, 'standards'), '--db', db, ...extra], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-whatif-'));
  repo = join(dir, 'repo');
  tmp = join(dir, 'tmp');
  mkdirSync(repo);
  mkdirSync(tmp);
  db = join(dir, 'db.sqlite');
  openStore(db).close();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'README.md'), 'scratch\n');
  git('add', '.');
  git('commit', '-q', '-m', 'no standards yet');
  git('tag', 'bare');
  cpSync(join(ROOT, 'standards'), join(repo, 'standards'), { recursive: true });
  git('add', '.');
  git('commit', '-q', '-m', 'standards');
  git('checkout', '-q', '-b', 'broken');
  writeFileSync(join(repo, 'standards', 'broken.yaml'), 'kind: [unclosed\n');
  git('add', '.');
  git('commit', '-q', '-m', 'broken');
  git('checkout', '-q', 'main');
  rmSync(join(repo, 'standards'), { recursive: true, force: true }); // only the revisions hold it now
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('whatif --proposal', () => {
  // The smallest fixtures: test/fixtures/errors/CH01x-*.args, one argument a line (FILE: a file of the user's).
  // (CH016/CH017 .args are charter test's, run in test-command.test.ts.)
  const fixtures = readdirSync(join(FIXTURES, 'errors')).filter((f) => f.endsWith('.args') && /^CH01[3-5]-/.test(f));
  it.each(fixtures)('%s', (fixture) => {
    const code = fixture.slice(0, 5);
    const file = join(repo, 'FILE');
    writeFileSync(file, '我的文件\n');
    const args = readFileSync(join(FIXTURES, 'errors', fixture), 'utf8').trim().split('\n').map((a) => a.replace('FILE', file));
    const r = whatif(args);
    expect([r.code, r.stderr.match(/CH\d{3}/g)]).toEqual([2, [code]]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('我的文件\n');
    expect(readdirSync(tmp)).toEqual([]);
    rmSync(file);
  });

  it.each([['--proposal=--output=FILE'], ['--proposal=-o'], ['--proposal=--']])('%s is refused (CH013, exit 2) and FILE is untouched', (arg) => {
    const file = join(repo, 'FILE');
    writeFileSync(file, '我的文件\n');
    const r = whatif([arg.replace('FILE', file)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CH013');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('我的文件\n');
    expect(readdirSync(repo).sort()).toEqual(['.git', 'FILE', 'README.md']);
  });

  it('an unknown revision is CH014 naming the value, exit 2', () => {
    const r = whatif(['--proposal', 'no-such-branch'], ['--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CH014');
    expect(r.stderr).toContain('"no-such-branch"');
    const j = whatif(['--proposal', 'HEAD~99'], ['--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['CH014']);
  });

  it('a revision without standards/ is CH015, exit 2, and leaves no checkout behind', () => {
    const r = whatif(['--proposal', 'bare']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CH015');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a revision is checked out, compared and removed again; a broken one is reported and removed too', () => {
    const ok = whatif(['--proposal', 'main'], ['--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ period: '2026-03', proposal: 'main' });
    expect(readdirSync(tmp)).toEqual([]);
    const hash = git('rev-parse', 'main');
    expect(whatif(['--proposal', hash.slice(0, 10)]).code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    const bad = whatif(['--proposal', 'broken']);
    expect(bad.code).toBe(1);
    // The proposal's own errors are shown (file:line:col), then CH343 (was the bare count CH312).
    expect(bad.stderr).toContain('CH343');
    expect(bad.stderr).toMatch(/broken\/broken\.yaml:\d+:\d+ 错误 CH101/);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
