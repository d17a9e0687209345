// Issue 11, the standards-tree side: hostile trees and out-of-calendar periods end in a coded input or
// usage problem (exit 1 or 2), never an internal error (exit 3) or a stack trace.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSafely, type Io } from '../engine/cli/main.ts';
import { calendarYears } from '../engine/cli/common.ts';
import { codeFrame, renderDiagnostic, style, visible } from '../engine/cli/format.ts';
import { diag } from '../engine/diagnostics.ts';
import { ROOT } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'charter-hostile-'));
const db = join(dir, 'db.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (s) => void (out += s + '\n'), err: (s) => void (out += s + '\n'), cwd: ROOT, color: false };
  const code = await runSafely([...args, '--lang', 'en'], io);
  return { code, out };
}

beforeAll(async () => {
  expect((await cli(['submit', 'examples/sample-university/work-orders.ndjson', '--kind', 'work-orders', '--db', db, '--now', '2026-07-10T09:00:00+08:00'])).code).toBe(0);
}, 120_000);

describe('periods and times outside the calendar are usage errors (CH121), naming the value and the years', () => {
  const { from, to } = calendarYears();
  it('the years are those of the holiday data plus the year after', () => {
    expect(from).toBe(2004);
    expect(to).toBeGreaterThanOrEqual(2027);
  });
  const cases: [string, string[]][] = [
    ['evaluate --period 0000-01', ['evaluate', '--period', '0000-01', '--db', db]],
    ['evaluate --period 9999-12', ['evaluate', '--period', '9999-12', '--db', db]],
    ['evaluate --as-of', ['evaluate', '--period', '2026-05', '--as-of', '0099-05-01T00:00', '--db', db]],
    ['evaluate --now', ['evaluate', '--period', '2026-05', '--now', '9999-01-01T00:00:00Z', '--db', db]],
    ['submit --period', ['submit', 'examples/sample-university/work-orders.ndjson', '--kind', 'work-orders', '--period', '9999-12', '--db', db]],
    ['calendar', ['calendar', '0000-01']],
    ['notices issue --period', ['notices', 'issue', '--period', '9999-12', '--dry-run', '--db', db]],
    ['notices list --period', ['notices', 'list', '--period', '0000-01', '--db', db]],
    ['notices review --as-of', ['notices', 'review', '--as-of', '9999-12-31T00:00', '--db', db]],
    ['notices issue --at', ['notices', 'issue', '--period', '2026-05', '--at', '0000-01-01T00:00', '--dry-run', '--db', db]],
    ['scorecard --period', ['scorecard', '--period', '0000-01', '--db', db]],
    ['scorecard --at', ['scorecard', '--period', '2026-05', '--at', '9999-01-01T00:00', '--db', db]],
    ['whatif --period', ['whatif', '--period', '9999-12', '--proposal', 'standards', '--db', db]],
    ['whatif --as-of', ['whatif', '--period', '2026-05', '--as-of', '0001-01-01T00:00', '--proposal', 'standards', '--db', db]],
    ['explain --as-of', ['explain', '4.3-1', 'WO-2026-000218', '--as-of', '9999-01-01T00:00', '--db', db]],
  ];
  it.each(cases)('%s', async (_name, args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CH121');
    const value = args.find((a) => /^\d{4}-\d{2}/.test(a) && (a.startsWith('0') || a.startsWith('9')))!;
    expect(r.out).toContain(`${value} is outside the years the calendar covers, ${from}–${to}`);
  }, 60_000);
  it('a month of the year after the data is still judged (its working days are unknown, not guessed)', async () => {
    expect((await cli(['calendar', `${to}-03`])).code).toBe(0);
  });
  // Issue 13: a month that is no month has its own message (CH031), no longer the generic CH002.
  it('a malformed month stays a format error (CH031)', async () => {
    const r = await cli(['evaluate', '--period', '2026-13', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CH031');
  });
});

describe('a broken standards tree stops the data commands with a coded problem (exit 1)', () => {
  it.each([
    ['an empty file', ''],
    ['a BOM-only file', '\ufeff'],
    ['a null document', '~\n'],
    ['comments only', '# nothing here\n'],
    ['10,000 nested [', '['.repeat(10000)],
    ['a cyclic alias', 'kind: activities\nactivities: &a [*a]\n'],
  ])('%s in the tree', async (_name, text) => {
    const tree = join(dir, 'tree-' + Math.random().toString(36).slice(2));
    cpSync(join(ROOT, 'standards'), tree, { recursive: true });
    writeFileSync(join(tree, 'profiles', 'broken.yaml'), text);
    const r = await cli(['evaluate', '--period', '2026-05', '--tree', tree, '--db', db, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('CH312');
    const v = await cli(['validate', tree]);
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/broken\.yaml:\d+:\d+ error CH1(07|08|18) /);
  }, 60_000);
});

describe('a tree the data commands cannot use is named, not a crash', () => {
  it.each([
    ['school/calendar.yaml', 'school calendar (kind: school-calendar)'],
    ['school/register.yaml', 'campus register (kind: register)'],
  ])('without %s: CH122, exit 1', async (file, what) => {
    const tree = join(dir, 'lacks-' + file.replace(/\W/g, '-'));
    cpSync(join(ROOT, 'standards'), tree, { recursive: true });
    unlinkSync(join(tree, file));
    for (const args of [
      ['evaluate', '--period', '2026-05', '--db', db, '--out', join(dir, 'out')],
      ['notices', 'list', '--db', db],
      ['scorecard', '--period', '2026-05', '--db', db, '--out', join(dir, 'out')],
      ['site', 'build', '--db', db, '--out', join(dir, 'site')],
    ]) {
      const r = await cli([...args, '--tree', tree]);
      expect([args[0], r.code]).toEqual([args[0], 1]);
      expect(r.out).toContain(`has no ${what}`);
      expect(r.out).toContain('CH122');
    }
  }, 120_000);
  it('a whatif proposal without a school calendar: CH122, exit 1 (was CH900 inside evaluate)', async () => {
    const tree = join(dir, 'proposal-lacks-calendar');
    cpSync(join(ROOT, 'standards'), tree, { recursive: true });
    unlinkSync(join(tree, 'school', 'calendar.yaml'));
    const r = await cli(['whatif', '--period', '2026-05', '--proposal', tree, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('has no school calendar');
  }, 60_000);
  it('--tree naming a file: CH123, exit 2', async () => {
    const r = await cli(['evaluate', '--period', '2026-05', '--tree', 'standards/activities.yaml', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CH123');
  });
});

describe('what a hostile file puts on the terminal', () => {
  it('control characters and bidi overrides are shown as escapes, never sent raw', () => {
    expect(visible('a\u001b[2Jb\u202ec\u0000\td')).toBe('a\\u{001b}[2Jb\\u{202e}c\\u{0000}\td');
    const d = diag('CH114', 'x\u001b]0;pwned\u0007.yaml', { line: 1, col: 1 }, { value: '\u001b[2J', allowed: 'a' });
    const text = renderDiagnostic(d, 'en', 'id: "\u001b[2J"\n', style(false));
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('\\u{001b}[2J');
  });
  it('a 1 MB line is cut around the column, the caret still under it', () => {
    const line = 'a: "' + 'y'.repeat(1 << 20) + '"';
    const frame = codeFrame(line + '\n', 1, 500_000).split('\n');
    expect(Math.max(...frame.map((l) => l.length))).toBeLessThan(200);
    const caret = frame[1]!.indexOf('^') - frame[1]!.indexOf('|');
    expect(frame[0]!.slice(frame[0]!.indexOf('|') + caret, frame[0]!.indexOf('|') + caret + 1)).toBe('y');
  });
});

describe('folders that are never walked', () => {
  it.skipIf(process.platform === 'win32').each(['/', '/proc', '/sys', '/dev'])('validate %s: no walk, a usage error (CH004), quickly', async (p) => {
    const t0 = Date.now();
    const r = await cli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('CH004');
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
