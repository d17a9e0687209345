// Misuse of the command line (issue 13 §2): each mistake gets its own code, exit 2 and a message in the
// reader's language that names what is wrong and what would be right (是不是 …？, the choices, what is
// missing). Table-driven: misuse → code, exit code, words. Also: every command's help lines up, a date
// alone is accepted where an instant is asked for, and the messages carry no codes where a word exists.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alignHelp, COMMANDS, commandHelp, mainHelp, run, type Io } from '../engine/cli/main.ts';
import { nearest, parseInstant } from '../engine/cli/common.ts';
import { width } from '../engine/cli/format.ts';
import { findLeaks } from '../engine/model/word-check.ts';
import { treeIds } from '../engine/validate/names.ts';
import { validate } from '../engine/validate/run.ts';
import { FIXTURES, ROOT } from './helpers.ts';

let dir = '';
let db = '';

/** The CLI in-process, as a user would run it (cwd = the project), its output captured. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), cwd: ROOT, color: false };
  const code = await run(args, io);
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-usage-'));
  db = join(dir, 'charter.sqlite');
  const r = await cli(['submit', 'examples/sample-university/work-orders.ndjson', '--kind', 'work-orders', '--db', db, '--now', '2026-07-10T09:00']);
  expect(r.code, r.err).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fill = (args: string[]): string[] => args.map((a) => a.replace('{db}', db).replace('{missing}', join(dir, 'nothing-here', 'charter.sqlite')));

describe('misuse → its own code, exit 2, the words that say what to do', () => {
  // [args, code, zh words, en words]
  const cases: [string[], string, string[], string[]][] = [
    [['evaluat', '--period', '2026-04'], 'CH001', ['没有名为“evaluat”的命令', '是不是“charter evaluate”？'], ['There is no command "evaluat"', 'Did you mean "charter evaluate"?']],
    [['--verison'], 'CH027', ['charter 没有选项 --verison', '是不是“--version”？'], ['charter has no option --verison', 'Did you mean "--version"?']],
    [['evaluate', '--perod', '2026-04', '--db', '{db}'], 'CH027', ['charter evaluate 没有选项 --perod', '是不是“--period”？'], ['has no option --perod', 'Did you mean "--period"?']],
    [['evaluate', '--db', '{db}', '--period'], 'CH028', ['选项 --period 后面缺少值', '--period 2026-04'], ['The option --period needs a value']],
    [['evaluate', '--period', '2026-04', '--json=yes', '--db', '{db}'], 'CH029', ['选项 --json 是开关，不带值'], ['--json is a switch and takes no value']],
    [['evaluate', '--db', '{db}'], 'CH026', ['缺少 --period（月份，格式 YYYY-MM，如 2026-04）'], ['Missing --period (a month, YYYY-MM, e.g. 2026-04)']],
    [['evaluate', '--period', '2026-4', '--db', '{db}'], 'CH031', ['--period 2026-4：不是月份', '2026-04'], ['--period 2026-4: not a month']],
    [['evaluate', '--period', '2026-04', '--as-of', '2026-04-31', '--db', '{db}'], 'CH030', ['--as-of 2026-04-31：不是日期或时间', '北京时间'], ['not a date or a time', 'Beijing time']],
    [['evaluate', '--period', '2026-04', '--provider', 'huayu', '--db', '{db}'], 'CH024', ['--provider huayu：校园登记中没有这个服务商', '是不是“--provider huayu-property（华宇物业服务有限公司）”？'], ['no such provider in the register of units', 'Did you mean "--provider huayu-property (华宇物业服务有限公司)"?']],
    [['evaluate', '--period', '2026-04', '--profile', 'office-service', '--db', '{db}'], 'CH022', ['--profile office-service：没有这个方案', '是不是“--profile office-service-guide（学校综合办公室服务指南）”？'], ['there is no such profile', 'office-service-guide (School general office service guide)']],
    [['explain', '4.3-1', 'WO-2026-00021', '--db', '{db}'], 'CH020', ['数据库中没有编号为“WO-2026-00021”的报修工单记录', '是不是“WO-2026-000021”'], ['The store holds no work orders record "WO-2026-00021"', 'Did you mean "WO-2026-000021"']],
    [['explain', '4.3-1', 'WO-X', '--db', '{db}'], 'CH020', ['没有编号为“WO-X”的报修工单记录', '库中有'], ['the store holds']],
    [['explain', '4.3-9', 'WO-2026-000218', '--db', '{db}'], 'CH021', ['没有编号为“4.3-9”的条款', '是不是“4.3-1（第4.3条第1项）”'], ['No requirement "4.3-9"', 'Did you mean "4.3-1']],
    [['explain', '4.1-1', 'WO-2026-000218', '--db', '{db}'], 'CH025', ['无法解释“4.1-1”'], ['cannot be explained']],
    [['explain', '4.3-1', '--db', '{db}'], 'CH026', ['缺少记录编号（如 WO-2026-000218）'], ['Missing the RECORD id']],
    [['submit', 'examples/sample-university/exports/repair-platform.csv', '--kind', 'work-orders', '--mapping', 'repair-platform', '--db', '{db}'], 'CH023', ['既不是文件，也不是 standards/mappings/ 中映射的 id', '是不是“--mapping repair-platform-gbk-csv”？'], ['neither a file nor the id of a mapping', 'Did you mean "--mapping repair-platform-gbk-csv"?']],
    [['submit', 'examples/sample-university/work-orders.ndjson', '--kind', 'work-order', '--db', '{db}'], 'CH033', ['--kind work-order：不在可选范围内', '是不是“--kind work-orders（报修工单）”？'], ['not one of the choices', '--kind work-orders (work orders)']],
    [['submit', '--kind', 'work-orders', '--db', '{db}'], 'CH026', ['缺少要提交的文件'], ['Missing the FILE to submit']],
    [['notices', 'isue', '--period', '2026-04', '--db', '{db}'], 'CH032', ['charter notices 没有子命令“isue”', '是不是“charter notices issue”？'], ['has no subcommand "isue"', 'Did you mean "charter notices issue"?']],
    [['notices', 'ack', '2026-001', '--db', '{db}'], 'CH026', ['缺少 --by（经办人姓名）'], ['Missing --by (who did it)']],
    [['notices', 'issue', '--db', '{db}'], 'CH026', ['缺少 --period'], ['Missing --period']],
    [['scorecard', '--period', '2026-04', '--at', '2026-05-08', '--provider', 'xinyuan', '--db', '{db}'], 'CH024', ['是不是“--provider xinyuan-service'], ['Did you mean "--provider xinyuan-service']],
    [['site', 'biuld', '--db', '{db}'], 'CH032', ['charter site 没有子命令“biuld”'], ['has no subcommand "biuld"']],
    [['validate', '--lang', 'fr'], 'CH033', ['--lang fr：不在可选范围内'], []],
    [['calendar', '2026-13'], 'CH031', ['“2026-13”不是月份'], ['"2026-13" is not a month']],
    [['calendar'], 'CH026', ['缺少月份（格式 YYYY-MM'], ['Missing the month']],
    [['submissions', '--db', '{missing}'], 'CH423', ['还不存在：尚未提交过任何数据', 'charter submit', '--db'], ['does not exist yet', 'charter submit', '--db']],
  ];
  const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  const ids = treeIds(tree);

  it.each(cases)('%j → %s', async (args, code, zh, en) => {
    const r = await cli(fill(args));
    expect(r.code, r.err + r.out).toBe(2);
    expect(r.err).toContain(code);
    for (const w of zh) expect(r.err).toContain(w);
    // The reader's language throughout: nothing of node's own English.
    expect(r.err).not.toMatch(/Unknown option|argument missing|does not take an argument|To specify a positional/);
    expect(findLeaks(r.err, 'zh', { ids })).toEqual([]);
    if (code === 'CH033' && args.includes('fr')) return; // --lang fr: the language itself is the mistake
    const e = await cli([...fill(args), '--lang', 'en']);
    expect(e.code).toBe(2);
    for (const w of en) expect(e.err).toContain(w);
    expect(findLeaks(e.err, 'en', { ids })).toEqual([]);
  }, 60_000);

  it('--json carries the code and usage_error, in a form a program reads', async () => {
    const r = await cli(['evaluate', '--perod', '2026-04', '--json']);
    const j = JSON.parse(r.out) as { usage_error: boolean; diagnostics: { code: string; hint: string }[] };
    expect(j.usage_error).toBe(true);
    expect(j.diagnostics[0]).toMatchObject({ code: 'CH027' });
    expect(j.diagnostics[0]!.hint).toContain('--period');
  });
});

describe('one smallest fixture per command-line code (test/fixtures/errors/cli/*.args)', () => {
  const dirs = [join(FIXTURES, 'errors', 'cli'), join(FIXTURES, 'errors', 'store')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /^CH0[23]\d-.*\.args$|^CH42[3-9]-.*\.args$/.test(f)).map((f) => join(d, f)));
  it('covers CH020–CH033 and CH423', () => {
    const codes = files.map((f) => /(CH\d{3})-/.exec(f)![1]);
    for (let n = 20; n <= 33; n++) expect(codes).toContain(`CH0${n}`);
    expect(codes).toContain('CH423');
  });
  it.each(files.map((f) => [f.slice(f.lastIndexOf('/') + 1), f]))('%s', async (_name, file) => {
    const code = /(CH\d{3})-/.exec(file)![1]!;
    const args = fill(readFileSync(file, 'utf8').trim().split(/\s+/));
    const r = await cli(['--json', ...args]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain(code);
  }, 60_000);
});

describe('a --db that cannot be a store is a usage error (exit 2), never an internal one', () => {
  it.each([
    ['a folder', 'CH402', () => dir],
    ['a file that is no database', 'CH405', () => join(ROOT, 'README.md')],
    ['an empty file', 'CH407', () => join(FIXTURES, 'errors', 'store', 'CH407-empty.sqlite')],
    ['nothing there yet', 'CH423', () => join(dir, 'none.sqlite')],
  ])('%s → %s', async (_what, code, path) => {
    for (const args of [['submissions'], ['evaluate', '--period', '2026-04'], ['notices', 'list'], ['explain', '4.3-1', 'WO-2026-000218']]) {
      const r = await cli([...args, '--db', path(), '--json']);
      expect(r.code, `${args[0]} ${r.out}`).toBe(2);
      expect((JSON.parse(r.out) as { diagnostics: { code: string }[] }).diagnostics[0]!.code).toBe(code);
    }
  });
});

describe('instants on the command line', () => {
  it('a date alone is the start of that day, Beijing time (--as-of, --at, --now)', () => {
    expect((parseInstant('--as-of', '2026-05-01') as Date).toISOString()).toBe('2026-04-30T16:00:00.000Z');
    expect((parseInstant('--at', '2026-05-07 09:00') as Date).toISOString()).toBe('2026-05-07T01:00:00.000Z');
    expect((parseInstant('--now', '2026-07-10T09:00:00+08:00') as Date).toISOString()).toBe('2026-07-10T01:00:00.000Z');
    expect((parseInstant('--as-of', '2026-02-30') as { code: string }).code).toBe('CH030');
    expect((parseInstant('--as-of', '1999-05-01') as { code: string }).code).toBe('CH121');
  });
  it('evaluate --as-of 2026-04-20 is accepted', async () => {
    const r = await cli(['evaluate', '--period', '2026-04', '--as-of', '2026-04-20', '--db', db, '--out', join(dir, 'out'), '--json']);
    expect(r.code).toBeLessThan(2);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'findings.json'), 'utf8')).as_of ?? '').toMatch(/^2026-04-20T00:00:00\+08:00$|^$/);
  }, 120_000);
});

describe('did-you-mean', () => {
  it('the closest few, best first; a part of a name finds the whole', () => {
    expect(nearest('evaluat', ['evaluate', 'explain', 'validate'])).toEqual(['evaluate']);
    expect(nearest('huayu', ['huayu-property', 'xinyuan-service'])).toEqual(['huayu-property']);
    expect(nearest('zzzz', ['huayu-property', 'xinyuan-service'])).toEqual([]);
  });
});

describe('help texts line up (display width: a Chinese character is two columns)', () => {
  /** Within a block (between blank lines), lines of one indent with a description after two or more spaces start it at one column. */
  function misaligned(text: string): string[] {
    const bad: string[] = [];
    for (const block of text.split(/\n\s*\n/)) {
      const cols = new Map<string, Set<number>>();
      for (const line of block.split('\n')) {
        const m = /^( +)(\S.*?\S|\S) {2,}(\S(?:(?! {2,}\S).)*)$/.exec(line);
        if (!m) continue;
        const col = width(m[1]! + m[2]!) + (line.length - m[1]!.length - m[2]!.length - m[3]!.length);
        cols.set(m[1]!, (cols.get(m[1]!) ?? new Set()).add(col));
      }
      for (const [indent, set] of cols) if (set.size > 1) bad.push(`indent ${indent.length}: columns ${[...set].join(', ')} in\n${block}`);
    }
    return bad;
  }
  const langs = ['zh', 'en'] as const;
  it.each(langs)('charter --help (%s)', (lang) => {
    expect(misaligned(mainHelp(lang))).toEqual([]);
  });
  it.each(Object.keys(COMMANDS).flatMap((c) => langs.map((l) => [c, l] as const)))('charter %s --help (%s)', async (name, lang) => {
    const r = await cli([name, '--help', '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd()).toBe(commandHelp(name, COMMANDS[name]!, lang));
    expect(misaligned(r.out)).toEqual([]);
    // Options of the command and the common ones share one column.
    const col = (flag: string): number | undefined => {
      const line = r.out.split('\n').find((l) => new RegExp(`^  ${flag}\\b`).test(l));
      const m = line ? /^( +\S.*?) {2,}\S/.exec(line) : null;
      return m ? width(line!.slice(0, line!.length - line!.trimStart().length) + line!.trimStart()) - width(line!.slice(m[0].length - 1)) : undefined;
    };
    if (col('--db') !== undefined) expect(col('--db')).toBe(col('--json'));
  });
  it('alignHelp pads by display width', () => {
    expect(alignHelp('  --at 时间  a\n  --period X  b')).toBe('  --at 时间   a\n  --period X  b');
  });
});

describe('a notice number the ledger does not have (CH503)', () => {
  it('says the ledger is empty, or lists its numbers with the nearest', async () => {
    const { openStore } = await import('../engine/store/store.ts');
    const { findNotice } = await import('../engine/notices/ledger.ts');
    const { message, diag } = await import('../engine/diagnostics.ts');
    const store = openStore(':memory:');
    try {
      findNotice(store, '2026-001');
      expect.unreachable();
    } catch (e) {
      const x = e as { code: string; args: Record<string, string | number> };
      expect(x.code).toBe('CH503');
      expect(message(diag('CH503', '<ledger>', { line: 1, col: 1 }, x.args), 'zh').hint).toContain('台账中还没有通知单');
    }
    store.close();
  });
});
