// One smallest bad fixture per error code; each names its expected code and line:col on its own
// first lines ("# expect: CH203 at 14:40"). The fixture is checked against the shipped tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../engine/diagnostics.ts';
import { validate } from '../engine/validate/run.ts';
import { loadYamlFile, MAX_YAML_BYTES } from '../engine/load/yaml.ts';
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
    // Command-line codes (CH00x) are covered in cli.test.ts, CH02x–CH03x in cli-usage.test.ts (test/fixtures/errors/cli/*.args); CH105 (unreadable) just below.
    // Service-data codes (CH3xx) are covered row by row in submit.test.ts.
    // CH4xx (rule compilation) is covered in evaluate.test.ts.
    // CH5xx (the notice ledger) is covered in notices.test.ts.
    // CH01x (output folders, what-if proposals) are refused command-line paths and values: their fixtures
    // are folders, files and .args files here, run in site-out.test.ts, whatif-proposal.test.ts and test-command.test.ts.
    // Codes about the file system rather than a file's text are made on the fly just below: CH105 (unreadable),
    // CH109 (over the size limit: a 2 MB fixture is not "smallest"), CH119 (a FIFO), CH120 (a symlink out of
    // the tree); CH125 (over 400,000 YAML tokens) in loader.test.ts. CH121 (a period outside the calendar), CH122 (a tree without a calendar or register) and CH123
    // (--tree naming a file) are command-line codes, covered in hostile-tree.test.ts.
    const elsewhere = new Set(['CH105', 'CH109', 'CH119', 'CH120', 'CH121', 'CH122', 'CH123', 'CH125']);
    const fileCodes = Object.keys(CATALOGUE).filter((c) => !c.startsWith('CH0') && !c.startsWith('CH3') && !c.startsWith('CH4') && !c.startsWith('CH5') && !elsewhere.has(c));
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

  describe('file-system cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-fs-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('CH109: a file over the size limit is refused unread', () => {
      const f = join(dir, 'big.yaml');
      writeFileSync(f, 'kind: requirements\n#' + 'x'.repeat(MAX_YAML_BYTES) + '\n');
      const r = loadYamlFile(f, 'big.yaml');
      expect(r.diagnostics.map((d) => [d.code, d.line, d.col, d.args.limit])).toEqual([['CH109', 1, 1, MAX_YAML_BYTES]]);
      expect(r.source).toBe('');
    });

    it.skipIf(process.platform === 'win32')('CH119: a FIFO named .yaml is refused before reading (no hang)', () => {
      const f = join(dir, 'pipe.yaml');
      execFileSync('mkfifo', [f]);
      const r = validate({ paths: [dir], cwd: dir });
      expect(r.diagnostics.filter((d) => d.file === 'pipe.yaml').map((d) => [d.code, d.line, d.col])).toEqual([['CH119', 1, 1]]);
      rmSync(f);
    });

    it.skipIf(process.platform === 'win32')('CH120: links out of the tree, to / or /proc are refused by name; a loop ends; a link inside is followed once', () => {
      const tree = join(dir, 'tree');
      mkdirSync(join(tree, 'profiles'), { recursive: true });
      writeFileSync(join(tree, 'activities.yaml'), readFileSync(join(ROOT, 'standards', 'activities.yaml')));
      writeFileSync(join(dir, 'outside.yaml'), 'kind: activities\n');
      symlinkSync('/', join(tree, 'profiles', 'root'));
      symlinkSync('/proc/self', join(tree, 'profiles', 'proc'));
      symlinkSync('..', join(tree, 'profiles', 'loop'));
      symlinkSync(join(dir, 'outside.yaml'), join(tree, 'profiles', 'outside.yaml'));
      symlinkSync(join(tree, 'activities.yaml'), join(tree, 'profiles', 'same.yaml'));
      const r = validate({ paths: [tree], cwd: dir });
      const refused = r.diagnostics.filter((d) => d.code === 'CH120').map((d) => d.file).sort();
      expect(refused).toEqual(['tree/profiles/outside.yaml', 'tree/profiles/proc', 'tree/profiles/root']);
      // activities.yaml is loaded once, not again through the loop or the link to it (no duplicate ids).
      expect(r.set.files.map((f) => f.display)).toEqual(['tree/activities.yaml']);
      expect(r.diagnostics.filter((d) => d.code !== 'CH120' && d.severity === 'error')).toEqual([]);
      // A command's tree is one root: its top-level entries may not lead out either.
      symlinkSync(dir, join(tree, 'up'));
      const own = validate({ paths: readdirSync(tree).map((n) => join(tree, n)), cwd: dir, root: tree });
      expect(own.diagnostics.filter((d) => d.code === 'CH120').map((d) => d.file)).toContain('tree/up');
    });
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
