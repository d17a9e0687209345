// The store under hostile conditions (issue 11 §3): a --db path that cannot be a store, a file that is
// not one, a read-only store (readers still read it, only writers migrate), a second writer beside a
// long one (busy timeout, CH410), and a full disk (CH411). Every case is a coded message with the path
// and exit 1 or 2 — never CH900, never a stack trace — and a refused store is left byte-identical.
//
// The tests run as root here, where chmod does not stop writes. So the read-only cases run the CLI as
// another user (nobody, through setpriv) when the tests are root, as the test user otherwise; where
// neither is possible they are skipped, saying so. The read-only *code path* is also checked in-process
// with node:sqlite's readOnly open, which refuses writes whoever runs it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openStore, storeErrorOf, StoreError } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { FIXTURES, ROOT, submitOptions } from './helpers.ts';

const BIN = join(ROOT, 'bin', 'charter.js');
const FIX = join(FIXTURES, 'errors', 'store');
const SAMPLE = join(ROOT, 'examples', 'sample-university');
const isRoot = process.getuid?.() === 0;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
/**
 * Can a chmod'ed file be made unwritable for the CLI? As root only by running it as another user, who must
 * also be able to reach the project (a clone inside a private 700 folder, as mktemp -d makes, is out of reach).
 */
const otherCanRun = (): boolean =>
  Boolean(SETPRIV) && spawnSync(SETPRIV!, ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'charter.js'), '--help'], { cwd: tmpdir(), encoding: 'utf8' }).status === 0;
const canDropWrite = !isRoot || otherCanRun();
if (!canDropWrite) console.warn('store.test: the read-only cases are skipped: as root they run the CLI as nobody (setpriv), and nobody cannot run it from here');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: () => { ok?: boolean; diagnostics?: { code: string; file: string; severity: string }[]; warnings?: { code: string }[]; run_recorded?: boolean };
}

function cli(args: string[], o: { env?: Record<string, string>; asOther?: boolean; cwd?: string } = {}): Run {
  const argv = o.asOther && isRoot ? [SETPRIV!, '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: o.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...o.env } });
  const out = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  return { ...out, json: () => JSON.parse(out.stdout) };
}

/** Never an internal error or a stack trace. */
function clean(r: Run): void {
  expect(r.code, r.stdout + r.stderr).not.toBe(3);
  expect(r.stdout + r.stderr).not.toContain('CH900');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

let dir: string;
let base: string; // a store holding the sample's work orders (March–July 2026)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-store-test-'));
  chmodSync(dir, 0o755); // the other user must reach the files below
  base = join(dir, 'base.sqlite');
  const r = cli(['submit', join(SAMPLE, 'work-orders.ndjson'), '--kind', 'work-orders', '--db', base, '--now', '2026-08-01T00:00:00+08:00']);
  expect(r.code, r.stderr).toBe(0);
  // Fold the WAL into the file, so a copy is the whole store.
  const s = openStore(base);
  s.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  s.close();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh copy of a store or fixture in its own folder. */
function copy(from: string, name = 'db.sqlite'): string {
  const d = mkdtempSync(join(dir, 'c-'));
  chmodSync(d, 0o777);
  const to = join(d, name);
  copyFileSync(from, to);
  return to;
}

describe('a --db path that cannot be a store (exit 2)', () => {
  it('CH402: a folder', () => {
    for (const args of [['submissions'], ['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints'], ['evaluate', '--period', '2026-03']]) {
      const r = cli([...args, '--db', join(FIX, 'CH402-folder.sqlite'), '--json']);
      clean(r);
      expect(r.code).toBe(2);
      expect(r.json().diagnostics![0]).toMatchObject({ code: 'CH402', file: join(FIX, 'CH402-folder.sqlite') });
    }
  });

  it('CH403: a path under a file', () => {
    const db = join(FIX, 'CH403-under-file.csv', 'charter.sqlite');
    for (const args of [['submissions'], ['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints'], ['site', 'build']]) {
      const r = cli([...args, '--db', db, '--json']);
      clean(r);
      expect(r.code).toBe(2);
      expect(r.json().diagnostics![0]!.code).toBe('CH403');
    }
    expect(statSync(join(FIX, 'CH403-under-file.csv')).isFile()).toBe(true);
  });

  // Issue 13 §2: a store not there yet has its own message (CH423: submit first, or --db), not CH003's "no such path".
  it('CH423 names a store that does not exist yet, for a command that only reads', () => {
    const r = cli(['submissions', '--db', join(dir, 'nowhere', 'db.sqlite'), '--json']);
    expect(r.code).toBe(2);
    expect(r.json().diagnostics![0]!.code).toBe('CH423');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false); // a reader creates nothing
  });
});

describe('a file that is not a usable store (the file untouched)', () => {
  // Issue 13 §2: a --db naming a file that is no database at all, or an empty one, is a usage error (exit 2);
  // a damaged, newer or foreign database is a problem with the store (exit 1).
  it.each([
    ['CH405', 'CH405-not-sqlite.sqlite', 2],
    ['CH406', 'CH406-damaged.sqlite', 1],
    ['CH407', 'CH407-empty.sqlite', 2],
    ['CH412', 'CH412-schema-v99.sqlite', 1],
    ['CH413', 'CH413-foreign.sqlite', 1],
  ])('%s: %s, for readers and writers (exit %i)', (code, file, exit) => {
    for (const args of [['submissions'], ['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints'], ['evaluate', '--period', '2026-03', '--out', join(dir, 'out')]]) {
      const db = copy(join(FIX, file));
      const before = sha(db);
      const r = cli([...args, '--db', db, '--json']);
      clean(r);
      expect(r.code, `${args[0]} ${r.stdout}`).toBe(exit);
      expect(r.json().diagnostics![0]).toMatchObject({ code, file: db });
      expect(sha(db), `${args[0]} left ${file} as it was`).toBe(before);
    }
  });

  it('CH408: an older store is read by no reader and upgraded by the first writer', () => {
    const db = copy(join(FIX, 'CH408-schema-v3.sqlite'));
    const before = sha(db);
    // site build is no longer a reader: it records each build (for the disclosure requirements), so like
    // evaluate it upgrades a store it can write.
    for (const args of [['submissions'], ['explain', '4.3-1', 'WO-2026-000218'], ['notices', 'list']]) {
      const r = cli([...args, '--db', db, '--json']);
      clean(r);
      expect(r.code, args[0]).toBe(1);
      expect(r.json().diagnostics![0]!.code).toBe('CH408');
    }
    expect(sha(db)).toBe(before);
    const r = cli(['--lang', 'en', 'submissions', '--db', db]);
    expect(r.stderr).toContain(`schema version 3, this Charter needs ${LATEST_VERSION}`);
    // A writer migrates it; then readers read it.
    const w = cli(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--now', '2026-08-01T00:00:00+08:00']);
    expect(w.code, w.stderr).toBe(0);
    expect(cli(['submissions', '--db', db]).code).toBe(0);
  });
});

describe('a read-only store can still be read', () => {
  it('in-process: a reader opens with node:sqlite readOnly, migrates nothing, and a write is refused as CH409', () => {
    const db = copy(base);
    const before = sha(db);
    const s = openStore(db, { mode: 'read' });
    expect(s.readOnly).toBe(true);
    let caught: unknown;
    try {
      s.db.exec("INSERT INTO notice_numbers (year, last_seq) VALUES (2026, 1)");
    } catch (e) {
      caught = e;
    }
    s.close();
    expect(storeErrorOf(caught, db, 'test')?.code).toBe('CH409');
    expect(sha(db)).toBe(before);
  });

  it('in-process: an older store opened by a reader is CH408 and is not migrated', () => {
    const db = copy(join(FIX, 'CH408-schema-v3.sqlite'));
    expect(() => openStore(db, { mode: 'read' })).toThrow(StoreError);
    try {
      openStore(db, { mode: 'read' });
    } catch (e) {
      expect((e as StoreError).code).toBe('CH408');
    }
    const s = openStore(db, { mode: 'write' });
    expect((s.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(LATEST_VERSION);
    s.close();
  });

  describe.skipIf(!canDropWrite)(`chmod 444 store, run as ${isRoot ? 'nobody (setpriv)' : 'the test user'}`, () => {
    let db: string;
    let before: string;
    let out: string;
    beforeAll(() => {
      db = copy(base);
      chmodSync(db, 0o444);
      before = sha(db);
      out = mkdtempSync(join(dir, 'out-'));
      chmodSync(out, 0o777);
    });

    it('submissions, explain, notices list and scorecard read it', () => {
      for (const args of [['submissions'], ['explain', '4.3-1', 'WO-2026-000218'], ['notices', 'list'], ['scorecard', '--period', '2026-03', '--at', '2026-04-05T09:00', '--out', out]]) {
        const r = cli([...args, '--db', db], { asOther: true });
        clean(r);
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      }
    });

    it('evaluate judges it and warns that the run was not recorded (CH414)', () => {
      const r = cli(['evaluate', '--period', '2026-03', '--db', db, '--out', out, '--now', '2026-08-01T00:00:00+08:00', '--json'], { asOther: true });
      clean(r);
      expect([0, 1]).toContain(r.code);
      expect(r.json().run_recorded).toBe(false);
      expect(r.json().warnings!.map((w) => w.code)).toEqual(['CH414']);
      expect(existsSync(join(out, 'findings.json'))).toBe(true);
    });

    it('submit (a writer) is refused with CH409, exit 1, and the store is unchanged', () => {
      const r = cli(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--json'], { asOther: true });
      clean(r);
      expect(r.code).toBe(1);
      expect(r.json().diagnostics![0]).toMatchObject({ code: 'CH409', file: db });
      const n = cli(['notices', 'issue', '--period', '2026-03', '--db', db, '--json', '--out', out], { asOther: true });
      clean(n);
      expect(n.code).toBe(1);
      expect(n.json().diagnostics![0]!.code).toBe('CH409');
      expect(sha(db)).toBe(before);
    });
  });

  describe.skipIf(!canDropWrite)(`read-only folder (555) holding a 444 store, run as ${isRoot ? 'nobody (setpriv)' : 'the test user'}`, () => {
    let folder: string;
    let db: string;
    beforeAll(() => {
      db = copy(base);
      folder = join(db, '..');
      chmodSync(db, 0o444);
      chmodSync(folder, 0o555);
    });
    afterAll(() => chmodSync(folder, 0o755));

    it('readers read it (SQLite cannot make its -shm there, so it is opened immutable); a writer gets CH409', () => {
      const r = cli(['submissions', '--db', db, '--json'], { asOther: true });
      clean(r);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
      const w = cli(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--json'], { asOther: true });
      clean(w);
      expect(w.code).toBe(1);
      expect(w.json().diagnostics![0]!.code).toBe('CH409');
    });

    it('CH415: unmerged writes in a -wal file beside it cannot be read there, and say so', () => {
      chmodSync(folder, 0o755);
      writeFileSync(`${db}-wal`, Buffer.alloc(4096, 1));
      chmodSync(folder, 0o555);
      const r = cli(['submissions', '--db', db, '--json'], { asOther: true });
      chmodSync(folder, 0o755);
      rmSync(`${db}-wal`);
      chmodSync(folder, 0o555);
      clean(r);
      expect(r.code).toBe(1);
      expect(r.json().diagnostics![0]!.code).toBe('CH415');
    });
  });

  it.skipIf(!canDropWrite)('CH404: a store that cannot be created (a folder the user cannot write)', () => {
    const locked = mkdtempSync(join(dir, 'locked-'));
    chmodSync(locked, 0o555);
    const r = cli(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', join(locked, 'data', 'db.sqlite'), '--json'], { asOther: true });
    clean(r);
    expect(r.code).toBe(1);
    expect(r.json().diagnostics![0]).toMatchObject({ code: 'CH404', file: join(locked, 'data', 'db.sqlite') });
  });

  it.skipIf(!canDropWrite)('CH415: a store the user cannot read', () => {
    const db = copy(base);
    chmodSync(db, 0o000);
    const r = cli(['submissions', '--db', db, '--json'], { asOther: true });
    clean(r);
    expect(r.code).toBe(1);
    expect(r.json().diagnostics![0]!.code).toBe('CH415');
  });
});

describe('a second writer beside a long one', () => {
  /** A separate process holding the store's write lock (BEGIN IMMEDIATE) until released, or for `ms`. */
  async function holdLock(db: string, ms = 600_000): Promise<{ release: () => Promise<void> }> {
    const code = `
      const { DatabaseSync } = require('node:sqlite');
      const db = new DatabaseSync(${JSON.stringify(db)});
      db.exec('BEGIN IMMEDIATE');
      db.exec("INSERT INTO notice_numbers (year, last_seq) VALUES (1999, 1)");
      process.stdout.write('held\\n');
      const end = () => { db.exec('ROLLBACK'); db.close(); process.exit(0); };
      process.stdin.on('end', end);
      process.stdin.resume();
      setTimeout(end, ${ms});`;
    const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((res) => child.stdout.once('data', () => res()));
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    return {
      release: async () => {
        child.stdin.end();
        await exited;
      },
    };
  }

  function cliAsync(args: string[], env: Record<string, string>): Promise<Run> {
    return new Promise((res) => {
      const c = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (d) => (stdout += d));
      c.stderr.on('data', (d) => (stderr += d));
      c.on('exit', (code) => res({ code: code ?? -1, stdout, stderr, json: () => JSON.parse(stdout) }));
    });
  }

  it('gives up after CHARTER_BUSY_TIMEOUT and says the store is busy (CH410, exit 1); nothing is stored', async () => {
    const db = copy(base);
    const lock = await holdLock(db);
    const r = await cliAsync(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--json'], { CHARTER_BUSY_TIMEOUT: '300' });
    await lock.release();
    clean(r);
    expect(r.code).toBe(1);
    expect(r.json().diagnostics![0]).toMatchObject({ code: 'CH410', file: db });
    expect(JSON.parse(cli(['submissions', '--db', db, '--json']).stdout)).toHaveLength(1);
  }, 30_000);

  it('a writer waits for the other writer within the timeout (in-process: BEGIN IMMEDIATE blocks until the lock is freed)', async () => {
    const db = copy(base);
    await holdLock(db, 1500); // the other writer lets go 1.5 s after it took the lock
    const saved = process.env.CHARTER_BUSY_TIMEOUT;
    process.env.CHARTER_BUSY_TIMEOUT = '20000';
    try {
      const s = openStore(db);
      const t0 = Date.now();
      s.db.exec('BEGIN IMMEDIATE'); // blocks this thread until the holder's ROLLBACK
      const waited = Date.now() - t0;
      s.db.exec('ROLLBACK');
      s.close();
      expect(waited).toBeGreaterThan(200);
    } finally {
      if (saved === undefined) delete process.env.CHARTER_BUSY_TIMEOUT;
      else process.env.CHARTER_BUSY_TIMEOUT = saved;
    }
  }, 30_000);

  it('the CLI submits once the other writer is done (lock freed within CHARTER_BUSY_TIMEOUT)', async () => {
    const db = copy(base);
    const lock = await holdLock(db);
    const running = cliAsync(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--now', '2026-08-01T00:00:00+08:00'], { CHARTER_BUSY_TIMEOUT: '60000' });
    setTimeout(() => void lock.release(), 1500);
    const r = await running;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(cli(['submissions', '--db', db, '--json']).stdout)).toHaveLength(2);
  }, 60_000);

  it('evaluate beside a writer still evaluates; the run it could not record is a warning (CH414)', async () => {
    const db = copy(base);
    const out = mkdtempSync(join(dir, 'out-'));
    const lock = await holdLock(db);
    const r = await cliAsync(['evaluate', '--period', '2026-03', '--db', db, '--out', out, '--json', '--now', '2026-08-01T00:00:00+08:00'], { CHARTER_BUSY_TIMEOUT: '300' });
    await lock.release();
    clean(r);
    expect([0, 1]).toContain(r.code);
    expect(r.json().run_recorded).toBe(false);
    expect(r.json().warnings!.map((w) => w.code)).toEqual(['CH414']);
  }, 30_000);

  it('three writers creating the same new store at once: each waits its turn, migrations run once, all stored', async () => {
    const db = join(mkdtempSync(join(dir, 'new-')), 'data', 'db.sqlite');
    const runs = await Promise.all([1, 2, 3].map(() => cliAsync(['submit', join(SAMPLE, 'complaints.ndjson'), '--kind', 'complaints', '--db', db, '--now', '2026-08-01T00:00:00+08:00'], {})));
    for (const r of runs) {
      clean(r);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(JSON.parse(cli(['submissions', '--db', db, '--json']).stdout)).toHaveLength(3);
    const s = openStore(db, { mode: 'read' });
    expect(s.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => (r as { version: number }).version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    s.close();
  }, 60_000);

  it('the busy timeout is set at open, before any pragma, from CHARTER_BUSY_TIMEOUT (default 60 s)', () => {
    const db = copy(base);
    const saved = process.env.CHARTER_BUSY_TIMEOUT;
    try {
      delete process.env.CHARTER_BUSY_TIMEOUT;
      let s = openStore(db);
      expect(s.db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 60000 });
      s.close();
      process.env.CHARTER_BUSY_TIMEOUT = '1234';
      s = openStore(db, { mode: 'read' });
      expect(s.db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 1234 });
      s.close();
    } finally {
      if (saved === undefined) delete process.env.CHARTER_BUSY_TIMEOUT;
      else process.env.CHARTER_BUSY_TIMEOUT = saved;
    }
  });

  it('CH416: a CHARTER_BUSY_TIMEOUT that is not milliseconds is a usage error', () => {
    const r = cli(['submissions', '--db', base, '--json'], { env: { CHARTER_BUSY_TIMEOUT: '10s' } });
    clean(r);
    expect(r.code).toBe(2);
    expect(r.json().diagnostics![0]!.code).toBe('CH416');
  });
});

describe('a full disk (CH411)', () => {
  it('in-process: SQLITE_FULL during a submission is CH411 and the store keeps what it had', async () => {
    const db = copy(base);
    const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
    const s = openStore(db);
    const pages = (s.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    // A database that may not grow: SQLite's own "database or disk is full".
    s.db.exec(`PRAGMA max_page_count = ${pages + 2}`);
    const { submit } = await import('../engine/data/submit.ts');
    let caught: unknown;
    try {
      await submit(submitOptions(tree, s, join(db, '..'), join(SAMPLE, 'complaints.ndjson'), 'complaints'));
    } catch (e) {
      caught = e;
    }
    expect(storeErrorOf(caught, db)?.code).toBe('CH411');
    expect((s.db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n).toBe(1);
    s.close();
  });

  const canMount = isRoot && spawnSync('unshare', ['-m', 'true']).status === 0;
  it.skipIf(!canMount)('a real full file system (a 300 KB tmpfs in a private mount namespace): exit 1, CH411, never CH900', () => {
    const mnt = mkdtempSync(join(dir, 'mnt-'));
    const script = `mount -t tmpfs -o size=300k tmpfs ${mnt} && NO_COLOR=1 ${process.execPath} ${BIN} submit ${join(SAMPLE, 'work-orders.ndjson')} --kind work-orders --db ${join(mnt, 'db.sqlite')} --json`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
    const run: Run = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
    clean(run);
    expect(run.code, r.stderr).toBe(1);
    expect(run.json().diagnostics![0]).toMatchObject({ code: 'CH411', file: join(mnt, 'db.sqlite') });
  });
});
