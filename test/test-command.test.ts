// `charter test FILE…`: a named path that is not a requirement test file of the tree is a usage error (CH016,
// exit 2), never a silent "0 test files, 0 passed"; a run that finds no test case at all fails (CH017, exit 1).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charter, FIXTURES, ROOT } from './helpers.ts';

let dir: string;
let tree: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-test-cmd-'));
  tree = join(dir, 'standards');
  cpSync(join(ROOT, 'standards'), tree, { recursive: true });
  // A well-formed requirement test file with no case: it passes the schema, and tests nothing.
  writeFileSync(join(tree, 'tests', 'empty.test.yaml'), 'kind: requirement-test\nrequirement: 4.3-2\ncases: []\n');
  file = join(dir, 'mine.txt');
  writeFileSync(file, '我的文件\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPECTED_EXIT: Record<string, number> = { CH016: 2, CH017: 1 };

describe('charter test refuses to pass on nothing', () => {
  // The smallest fixtures: test/fixtures/errors/CH016/CH017-*.args, one argument a line (FILE: a file of the
  // user's outside any tests folder; TREE: a copy of the shipped tree whose tests/empty.test.yaml has no case).
  const fixtures = readdirSync(join(FIXTURES, 'errors')).filter((f) => /^CH01[67]-.*\.args$/.test(f));
  it.each(fixtures)('%s', (fixture) => {
    const code = fixture.slice(0, 5);
    const args = readFileSync(join(FIXTURES, 'errors', fixture), 'utf8').trim().split('\n').map((a) => a.replace('FILE', file).replace('TREE', tree));
    const r = charter(['test', ...args]);
    expect([r.code, r.stderr.match(/CH\d{3}/g)]).toEqual([EXPECTED_EXIT[code], [code]]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toContain('通过');
    expect(readFileSync(file, 'utf8')).toBe('我的文件\n');
  });

  it('CH016 names each path that is not a test file: a file elsewhere, another folder, a non-test YAML in tests/', () => {
    writeFileSync(join(tree, 'tests', 'notes.yaml'), 'kind: requirement-test\nrequirement: 4.3-2\ncases: []\n');
    const r = charter(['test', file, join(tree, 'school'), join(tree, 'tests', 'notes.yaml'), join(tree, 'tests', '4.3-2.test.yaml'), '--tree', tree]);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/CH\d{3}/g)).toEqual(['CH016', 'CH016', 'CH016']);
    expect(r.stderr).toContain(`“${file}”不是条款测试文件`);
    expect(r.stderr).toContain('提示：测试文件位于 standards/tests/*.test.yaml');
    // The test file of the shipped tree is not one of this tree's: refused too, not run against the other tree.
    const other = charter(['test', join(ROOT, 'standards', 'tests', '4.3-2.test.yaml'), '--tree', tree, '--json', '--lang', 'en']);
    expect(other.code).toBe(2);
    const j = JSON.parse(other.stdout) as { ok: boolean; diagnostics: { code: string; message: string }[] };
    expect([j.ok, j.diagnostics.map((d) => d.code)]).toEqual([false, ['CH016']]);
    expect(j.diagnostics[0]!.message).toMatch(/is not a requirement test file/);
  });

  it('CH017 when the tests folder holds no case at all; a named test file with cases still runs', () => {
    const bare = join(dir, 'bare');
    cpSync(tree, bare, { recursive: true });
    rmSync(join(bare, 'tests'), { recursive: true });
    const r = charter(['test', '--tree', bare]);
    expect([r.code, r.stderr.match(/CH\d{3}/g)]).toEqual([1, ['CH017']]);
    expect(r.stderr).toMatch(/中没有找到任何测试用例（0 个测试文件）；没有测试，不等于通过/);
    const ok = charter(['test', join(tree, 'tests', '5.1.2.7-2-a.test.yaml'), '--tree', tree]);
    expect([ok.code, ok.stdout.trim()]).toEqual([0, '1 个测试文件：2 个用例通过，0 个失败，0 个跳过。']);
  });
});
