// The rejects file's life: in place before `submit` reports, never a .partial left by a failed,
// interrupted (SIGINT, SIGTERM) or killed (kill -9) run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepStalePartials } from '../engine/data/rejects.ts';
import { submit } from '../engine/data/submit.ts';
import type { Tree } from '../engine/load/tree.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT, submitOptions } from './helpers.ts';

const HEAD = 'id,provider,campus,category,priority,reported_at\n';
const badRow = (i: number): string => `WO-${i},huayu-property,main,下水道,normal,2026-03-05T08:00\n`;
const goodRow = (i: number): string => `WO-${i},huayu-property,main,water,normal,2026-03-05T08:00\n`;
const partials = (d: string): string[] => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.partial')) : []);

let tree: Tree;
let dir: string;
let big: string;
beforeAll(async () => {
  tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  dir = mkdtempSync(join(tmpdir(), 'charter-rejects-'));
  // Large enough that a run is still writing its rejects when it is interrupted.
  big = join(dir, 'big.csv');
  const w = createWriteStream(big);
  w.write(HEAD);
  for (let i = 0; i < 400_000; i++) if (!w.write(badRow(i))) await once(w, 'drain');
  w.end();
  await once(w, 'close');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('in process', () => {
  it('a partial submission returns with its rejects file already in place and no .partial', async () => {
    const d = join(dir, 'ok');
    mkdirSync(d);
    const file = join(d, 'mixed.csv');
    writeFileSync(file, HEAD + goodRow(1) + badRow(2) + badRow(3));
    const store = openStore(join(d, 'db.sqlite'));
    try {
      const r = await submit(submitOptions(tree, store, d, file, 'work-orders', { acceptValid: true }));
      expect([r.status, r.accepted, r.rejected]).toEqual(['partial', 1, 2]);
      expect(existsSync(r.rejectsFile!)).toBe(true);
      expect(partials(join(d, 'rejects'))).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('a run that fails after rejecting rows (a broken quote further down) leaves neither a .partial nor a rejects file', async () => {
    const d = join(dir, 'fail');
    mkdirSync(d);
    const file = join(d, 'broken.csv');
    writeFileSync(file, HEAD + badRow(1) + badRow(2) + goodRow(3) + 'WO-4,"huayu-property,main,water,normal,2026-03-05T08:00\n');
    const store = openStore(join(d, 'db.sqlite'));
    try {
      for (const acceptValid of [false, true]) {
        const r = await submit(submitOptions(tree, store, d, file, 'work-orders', { acceptValid }));
        expect(r.status).toBe('refused');
        expect(r.fileProblems.map((p) => p.code)).toEqual(['CH315']);
        expect(r.rejectsFile).toBeUndefined();
        const left = existsSync(join(d, 'rejects')) ? readdirSync(join(d, 'rejects')) : [];
        expect(left).toEqual([]);
      }
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  });

  it('removes stale .partial files of runs no longer running, and keeps those of a live process', () => {
    const d = join(dir, 'stale');
    mkdirSync(d);
    let dead = 4_000_000;
    for (;;) {
      try {
        process.kill(dead, 0);
        dead++;
      } catch {
        break;
      }
    }
    const stale = [`a.1234abcd.rejects.csv.${dead}-1.partial`, 'b.1234abcd.rejects.csv.partial'];
    const alive = `c.1234abcd.rejects.csv.${process.ppid}-1.partial`;
    for (const f of [...stale, alive, 'notes.partial', 'kept.rejects.csv']) writeFileSync(join(d, f), 'x');
    expect(sweepStalePartials(d).map((f) => f.slice(d.length + 1)).sort()).toEqual(stale);
    expect(readdirSync(d).sort()).toEqual([alive, 'kept.rejects.csv', 'notes.partial'].sort());
  });
});

describe('the CLI, interrupted', () => {
  /** Start a submission of the big file and wait until its rejects .partial exists. */
  async function startSubmit(d: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'submit', big, '--kind', 'work-orders', '--accept-valid', '--db', join(d, 'db.sqlite'), '--rejects', join(d, 'rejects')], { cwd: ROOT, stdio: 'ignore' });
    const t0 = Date.now();
    while (!partials(join(d, 'rejects')).length) {
      if (child.exitCode !== null) throw new Error(`submit ended (${child.exitCode}) before its rejects file was started`);
      if (Date.now() - t0 > 60_000) throw new Error('no .partial after 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    return child;
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('%s: the run stops and removes its .partial; nothing is stored', async (sig) => {
    const d = join(dir, sig);
    mkdirSync(d);
    const child = await startSubmit(d);
    const ended = once(child, 'exit');
    child.kill(sig);
    const [code, signal] = (await ended) as [number | null, string | null];
    expect(signal ?? code).toBe(sig);
    expect(readdirSync(join(d, 'rejects'))).toEqual([]);
    const store = openStore(join(d, 'db.sqlite'));
    try {
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 0 });
    } finally {
      store.close();
    }
  }, 120_000);

  it('kill -9 leaves a .partial that the next run in the folder removes', async () => {
    const d = join(dir, 'kill9');
    mkdirSync(d);
    const child = await startSubmit(d);
    const ended = once(child, 'exit');
    child.kill('SIGKILL');
    await ended;
    expect(partials(join(d, 'rejects'))).toHaveLength(1);
    const small = join(d, 'small.csv');
    writeFileSync(small, HEAD + goodRow(1) + badRow(2));
    const store = openStore(join(d, 'db.sqlite'));
    try {
      const r = await submit(submitOptions(tree, store, d, small, 'work-orders', { acceptValid: true }));
      expect(r.status).toBe('partial');
      expect(partials(join(d, 'rejects'))).toEqual([]);
      expect(readdirSync(join(d, 'rejects'))).toEqual([r.rejectsFile!.split('/').pop()]);
    } finally {
      store.close();
    }
  }, 120_000);
});

describe('a rejects folder that cannot be one (CH018)', () => {
  // test/fixtures/errors/CH018-rejects-folder-unusable.args: FILE stands for a file the test makes.
  const cases: [string, (d: string) => { args: string[]; db: string }][] = [
    ['--rejects names a file', (d) => ({ args: ['--rejects', join(d, 'notes.txt')], db: join(d, 'store.sqlite') })],
    ['--rejects lies under a file', (d) => ({ args: ['--rejects', join(d, 'notes.txt', 'rejects')], db: join(d, 'store.sqlite') })],
    ['the default rejects/ beside the store is a file', (d) => (writeFileSync(join(d, 'rejects'), 'not a folder'), { args: [], db: join(d, 'store.sqlite') })],
  ];
  it.each(cases)('%s: exit 2 before anything is read or stored', (_name, make) => {
    const d = mkdtempSync(join(dir, 'ch018-'));
    writeFileSync(join(d, 'notes.txt'), 'a user file');
    const { args, db } = make(d);
    const r = charter(['submit', join(ROOT, 'examples', 'sample-university', 'work-orders.csv'), '--kind', 'work-orders', '--accept-valid', '--db', db, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CH018 拒收文件目录 .* 不可用：/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(db)).toBe(false);
  });
  it('the fixture names the case', () => {
    expect(readFileSync(join(ROOT, 'test', 'fixtures', 'errors', 'CH018-rejects-folder-unusable.args'), 'utf8').trim()).toBe('--rejects FILE');
  });
});
