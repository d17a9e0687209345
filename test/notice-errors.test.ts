// The notice ledger's refusals that had no test: no notice configuration (CH501), a deadline in a year
// without holiday data (CH502), a re-check with no data after the rectification (CH506). Each runs the real
// CLI on the sample university and checks the code, the exit code, the Chinese message, and that the store
// is byte-for-byte unchanged (no number taken, no event written).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverage } from '../engine/calendar/calendar.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitSample } from './helpers.ts';

let dir: string;
let db: string;

function cli(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), ...args, '--db', db], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

// The store's bytes and any WAL content (an empty -wal file left by an open is the same as none).
const snapshot = (): string => [db, `${db}-wal`].map((f) => (existsSync(f) && statSync(f).size > 0 ? readFileSync(f).toString('base64') : '-')).join('|');
const numbers = (): string[] => (JSON.parse(cli(['notices', 'list', '--json']).out) as { number: string }[]).map((n) => n.number);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-notice-errors-'));
  db = join(dir, 'db.sqlite');
  const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  const store = openStore(db);
  for (const s of await submitSample(tree, store, dir)) expect(s).toBe('stored');
  store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('notice ledger refusals', () => {
  it('CH501: issuing from a tree without a kind: notices file is refused before anything is judged or numbered', () => {
    const tree = join(dir, 'standards');
    cpSync(join(ROOT, 'standards'), tree, { recursive: true });
    rmSync(join(tree, 'school', 'notices.yaml'));
    const before = snapshot();
    // Without --force: the configuration is missing whatever the data, so CH501 comes first (not CH521).
    const r = cli(['notices', 'issue', '--period', '2026-04', '--at', '2026-05-07T09:00', '--tree', tree, '--out', join(dir, 'out')]);
    expect([r.code, r.err.match(/CH\d{3}/g)]).toEqual([1, ['CH501']]);
    expect(r.err).toContain('standards/ 中没有通知单配置（kind: notices）');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(snapshot()).toBe(before);
    expect(numbers()).toEqual([]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('CH502: a deadline running into a year the holiday data does not cover is refused, not guessed', () => {
    // The last December the calendar data knows: 5 working days after its 30th fall in the next year, which the
    // command line still accepts (CH121 allows the year after the data), so CH502 is reachable from the CLI.
    const last = coverage().to!;
    const before = snapshot();
    const r = cli(['notices', 'issue', '--period', `${last}-12`, '--at', `${last}-12-30T09:00`, '--force', '--out', join(dir, 'out')]);
    expect([r.code, r.err.match(/CH\d{3}/g)]).toEqual([1, ['CH502']]);
    expect(r.err).toContain(`无法计算整改期限：${last + 1} 年的法定节假日安排不在日历数据中`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(snapshot()).toBe(before);
    expect(numbers()).toEqual([]);
    const en = cli(['notices', 'issue', '--period', `${last}-12`, '--at', `${last}-12-30T09:00`, '--force', '--out', join(dir, 'out'), '--lang', 'en']);
    expect(en.err).toContain(`the ${last + 1} holiday notice is not in the calendar data`);
  });

  it('CH506: verifying right after the rectification report, with no data since, is refused and records nothing', () => {
    expect(cli(['notices', 'issue', '--period', '2026-04', '--at', '2026-05-07T09:00', '--force', '--out', join(dir, 'out')]).code).toBe(0);
    expect(cli(['notices', 'ack', '2026-001', '--by', '张三', '--at', '2026-05-08T09:00']).code).toBe(0);
    expect(cli(['notices', 'reply', '2026-001', '--by', '张三', '--note', '已整改', '--at', '2026-05-11T10:00']).code).toBe(0);
    const before = snapshot();
    const r = cli(['notices', 'verify', '2026-001', '--as-of', '2026-05-11T10:05']);
    expect([r.code, r.err.match(/CH\d{3}/g)]).toEqual([1, ['CH506']]);
    expect(r.err).toContain('通知单 后勤督〔2026〕第001号 反馈整改（2026-05-11 10:00）之后还没有可评价的数据，暂不能复查');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(snapshot()).toBe(before);
    const show = JSON.parse(cli(['notices', 'show', '2026-001', '--json']).out) as { status: string; events: { event: string }[] };
    expect([show.status, show.events.map((e) => e.event)]).toEqual(['rectification-reported', ['issued', 'acknowledged', 'rectification-reported']]);
  });
});
