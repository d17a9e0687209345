// `charter site build --out DIR` never deletes what Charter did not write: a build leaves a .charter-site
// marker listing its files; an unmarked non-empty folder (CH010), a marked one holding a file Charter did
// not write (CH011) and a path that is no usable folder (CH012) are refused with exit 2, files untouched.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../engine/site/build.ts';
import { submit } from '../engine/data/submit.ts';
import { buildSiteData } from '../engine/site/data.ts';
import { checkOutDir, listFiles, MARKER, OutDirError, readMarker } from '../engine/site/out-dir.ts';
import type { SiteData } from '../engine/site/types.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, FIXTURES, ROOT, SAMPLE_FILES, submitOptions } from './helpers.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-site-out-'));
  db = join(dir, 'db.sqlite');
  openStore(db).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with the given files (path → text). */
function folder(name: string, files: Record<string, string>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), text);
  }
  return d;
}
const snapshot = (d: string): Record<string, string> => Object.fromEntries(listFiles(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));
const refusal = (fn: () => void): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof OutDirError) return e.code;
    throw e;
  }
  return 'accepted';
};

describe('which folders a build may replace', () => {
  it('a missing folder, an empty one, and a marked one holding only its own files', () => {
    expect(refusal(() => checkOutDir(join(dir, 'nope', 'site')))).toBe('accepted');
    expect(refusal(() => checkOutDir(folder('empty', {})))).toBe('accepted');
    const marked = folder('marked', { 'index.html': 'x', 'data/a.csv': 'x' });
    writeFileSync(join(marked, MARKER), JSON.stringify({ tool: 'charter', version: '0', edition: 'public', data_as_of: 'x', files: ['index.html', 'data/a.csv', 'gone.html'] }));
    expect(refusal(() => checkOutDir(marked))).toBe('accepted');
  });

  it('refuses an unmarked folder, a broken marker, a foreign file in a marked folder, a file and a symlink', () => {
    expect(refusal(() => checkOutDir(folder('user', { 'index.html': 'mine', 'style.css': 'mine' })))).toBe('CH010');
    const broken = folder('broken', { 'index.html': 'x', [MARKER]: '{"tool":"charter"' });
    expect(refusal(() => checkOutDir(broken))).toBe('CH010');
    const other = folder('other-tool', { 'index.html': 'x', [MARKER]: '{"tool":"hugo","files":[]}' });
    expect(refusal(() => checkOutDir(other))).toBe('CH010');
    const marked = folder('marked-plus', { 'index.html': 'x', 'notes/mine.txt': 'mine' });
    writeFileSync(join(marked, MARKER), JSON.stringify({ tool: 'charter', version: '0', edition: 'public', data_as_of: 'x', files: ['index.html'] }));
    expect(refusal(() => checkOutDir(marked))).toBe('CH011');
    writeFileSync(join(dir, 'a-file'), 'mine');
    expect(refusal(() => checkOutDir(join(dir, 'a-file')))).toBe('CH012');
    symlinkSync(folder('target', { 'a.txt': 'mine' }), join(dir, 'link'));
    expect(refusal(() => checkOutDir(join(dir, 'link')))).toBe('CH012');
    expect(refusal(() => checkOutDir(join(dir, 'a-file', 'site')))).toBe('CH012'); // under a file
    expect(refusal(() => checkOutDir(join(dir, 'a-file', 'deeper', 'site')))).toBe('CH012');
  });
});

describe('charter site build --out', () => {
  // The smallest fixtures (test/fixtures/errors/CH01x-*), copied so a bug could never touch them.
  it.each([
    ['CH010-out-folder-not-charters', 'CH010'],
    ['CH011-out-folder-foreign-file', 'CH011'],
    ['CH012-out-folder-unusable.txt', 'CH012'],
  ])('%s: refused with exit 2, every file kept', (fixture, code) => {
    const d = join(dir, `cli-${fixture}`);
    cpSync(join(FIXTURES, 'errors', fixture), d, { recursive: true });
    const snap = (): unknown => (code === 'CH012' ? readFileSync(d, 'utf8') : snapshot(d));
    const before = snap();
    const r = charter(['site', 'build', '--out', d, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(d);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snap()).toEqual(before);
    const j = charter(['site', 'build', '--out', d, '--db', db, '--json', '--lang', 'en']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).diagnostics.map((x: { code: string }) => x.code)).toEqual([code]);
    expect(snap()).toEqual(before);
  });
});

describe('a real build', () => {
  let data: SiteData;
  beforeAll(async () => {
    const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
    const store = openStore(join(dir, 'real.sqlite'));
    try {
      // The pages name pledges of work orders and complaints: one month of those is enough.
      for (const [file, kind] of SAMPLE_FILES.filter(([, k]) => k === 'work-orders' || k === 'complaints')) {
        await submit(submitOptions(tree, store, dir, join(ROOT, 'examples', 'sample-university', file), kind, { display: file }));
      }
      data = buildSiteData({ tree, store, edition: 'public', periods: ['2026-03'] });
    } finally {
      store.close();
    }
    data.clauses = data.clauses.filter((c) => c.section === '4' || c.document.id === 'office-service-guide');
  }, 120_000);

  it('writes its marker into an empty folder, replaces its own build, and refuses a file added while it builds', async () => {
    const out = folder('real', {});
    await buildSite({ data, outDir: out, quiet: true });
    const m = readMarker(out)!;
    expect(m).toMatchObject({ tool: 'charter', edition: 'public', data_as_of: data.generated.as_of });
    expect(m.files).toEqual(listFiles(out).filter((f) => f !== MARKER));
    expect(m.files).toContain('index.html');

    await buildSite({ data, outDir: out, quiet: true }); // its own build: replaced
    expect(readMarker(out)!.files).toEqual(m.files);

    // A user's file put into the folder while the build runs: the build refuses at the end and keeps it.
    const before = snapshot(out);
    const run = buildSite({ data, outDir: out, quiet: true });
    await new Promise((r) => setTimeout(r, 300));
    writeFileSync(join(out, 'mine.txt'), '我的文件');
    await expect(run).rejects.toMatchObject({ code: 'CH011', args: { entry: 'mine.txt' } });
    expect(snapshot(out)).toEqual({ ...before, 'mine.txt': '我的文件' });
  }, 300_000);
});
