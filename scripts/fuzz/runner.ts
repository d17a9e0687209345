// The runner process: forked by the harness, it runs fuzz inputs one at a time through the CLI entry
// (runSafely with a capturing io), in-process, and checks each result. A process rather than a worker
// thread because some inputs block in native code (a FIFO's open() waits for a writer forever, on the
// libuv thread pool or the main thread): Worker.terminate() cannot stop that, SIGKILL can.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Entry, FailureKind, Outcome, Spec } from './spec.ts';

export interface RunnerConfig {
  /** This runner's own folder: its tree copy and the current input live here. */
  root: string;
  /** The shipped standards tree, copied (without tests/) into root/t/standards. */
  shippedTree: string;
  /** A store with some sample data, copied for every input that needs a store. */
  baseDb: string;
  /** Module exporting runSafely(argv, io): the real CLI entry, or a fake one in the fuzzer's own test. */
  runnerModule: string;
  /** Parse each unchanged YAML file once per runner (see yaml-cache.ts). */
  yamlCache?: boolean;
}

type RunFn = (argv: string[], io: { out(s: string): void; err(s: string): void; cwd: string; color: boolean }) => Promise<number>;

export const STACK_FRAME = /^\s+at (?:async )?\S.*(?:\(.*:\d+:\d+\)|:\d+:\d+|\(native\)|<anonymous>\)?)$/m;
export const ERROR_LINE = /^(?:Uncaught )?(?:[A-Z]\w*)?Error(?: \[[A-Z_0-9]+\])?: /m;

/** A logical dump of every table, hashed: a store is unchanged when this is. Opening read-only leaves it as is. */
export function storeDigest(path: string): string {
  if (!existsSync(path)) return 'absent';
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const h = createHash('sha256');
    const tables = db.prepare("SELECT name, sql FROM sqlite_master ORDER BY type, name").all() as { name: string; sql: string | null }[];
    for (const t of tables) {
      h.update(`${t.name}\n${t.sql ?? ''}\n`);
      if (!t.sql?.startsWith('CREATE TABLE')) continue;
      const rows = (db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all() as unknown[]).map((r) => JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'bigint' ? String(v) : v)));
      rows.sort();
      for (const r of rows) h.update(r + '\n');
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

export function fileDigest(path: string): string {
  const parts = [path, path + '-wal', path + '-journal'].map((p) => (existsSync(p) && lstatSync(p).isFile() ? createHash('sha256').update(readFileSync(p)).digest('hex') : '-'));
  return parts.join(':');
}

/** Cells a spreadsheet would run as a formula (OWASP CSV injection): = + - @ tab CR first, unless plainly a number. */
export function executableCell(cell: string): boolean {
  if (!/^[=+\-@\t\r]/.test(cell)) return false;
  return !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell);
}

/** RFC 4180 CSV, enough to read back what Charter wrote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else q = false;
      } else cell += c;
    } else if (c === '"' && cell === '') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function walkFiles(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walkFiles(p, out);
    else if (st.isFile()) out.push(p);
  }
  return out;
}

function materialise(path: string, e: Entry): void {
  rmSync(path, { recursive: true, force: true });
  if (e.type === 'remove') return;
  mkdirSync(dirname(path), { recursive: true });
  switch (e.type) {
    case 'file':
      writeFileSync(path, e.data);
      break;
    case 'repeat': {
      const fd = openSync(path, 'w');
      try {
        writeSync(fd, e.head);
        let buf = '';
        const fixed = !e.body.includes('{i}');
        for (let i = 0; i < e.times; i++) {
          buf += fixed ? e.body : e.body.replaceAll('{i}', String(i));
          if (buf.length > 1 << 20) {
            writeSync(fd, buf);
            buf = '';
          }
        }
        writeSync(fd, buf + e.tail);
      } finally {
        closeSync(fd);
      }
      break;
    }
    case 'dir':
      mkdirSync(path, { recursive: true });
      break;
    case 'fifo':
      execFileSync('mkfifo', [path]);
      break;
    case 'symlink':
      symlinkSync(e.target, path);
      break;
  }
}

function peakMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function resetPeak(): void {
  try {
    // Linux: "5" resets the peak resident set size, so VmHWM is this input's peak.
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    /* then the peak is the process's so far */
  }
}

export class Runner {
  readonly cfg: RunnerConfig;
  private run!: RunFn;
  private readonly treeParent: string;
  private readonly tree: string;
  private work: string;
  private seq = 0;
  private baseDigest = '';
  private baseBytes = '';

  constructor(cfg: RunnerConfig) {
    this.cfg = cfg;
    this.treeParent = join(cfg.root, 't');
    this.tree = join(this.treeParent, 'standards');
    this.work = join(cfg.root, 'in');
  }

  async init(): Promise<void> {
    rmSync(this.cfg.root, { recursive: true, force: true });
    mkdirSync(this.treeParent, { recursive: true });
    // The requirement tests are left out of the copy: they double the YAML to parse and submit skips them anyway.
    cpSync(this.cfg.shippedTree, this.tree, { recursive: true, filter: (src) => resolve(src) !== resolve(this.cfg.shippedTree, 'tests') });
    // Before the engine is imported: the hook patches engine/load/yaml.ts as it loads.
    if (this.cfg.yamlCache) (await import('./yaml-cache.ts')).installYamlCache();
    const mod = (await import(this.cfg.runnerModule)) as { runSafely: RunFn };
    this.run = mod.runSafely;
    this.baseDigest = storeDigest(this.cfg.baseDb);
    this.baseBytes = fileDigest(this.cfg.baseDb);
  }

  async runSpec(spec: Spec): Promise<Outcome> {
    // A folder per input, removed two inputs later: a stream the CLI opened but never read may still be
    // opening its file, and must not fail because the harness removed it.
    rmSync(join(this.cfg.root, `in-${this.seq - 2}`), { recursive: true, force: true });
    this.work = join(this.cfg.root, `in-${this.seq++}`);
    mkdirSync(this.work, { recursive: true });
    const db = join(this.work, 'db', 'charter.sqlite');
    const rejects = join(this.work, 'rejects');
    if (!spec.freshDb && spec.command === 'submit') {
      mkdirSync(dirname(db), { recursive: true });
      copyFileSync(this.cfg.baseDb, db);
    }
    // Tree entries are undone after the run: remember the first missing ancestor of each (to remove) and what the shipped tree had there.
    const undo: string[] = [];
    for (const { root, entry } of spec.entries) {
      const base = root === 'tree' ? this.tree : this.work;
      const path = join(base, entry.rel);
      if (root === 'tree') undo.push(entry.rel);
      materialise(path, entry);
    }
    const tok = (a: string): string => a.replaceAll('{tree}', this.tree).replaceAll('{work}', this.work).replaceAll('{db}', db).replaceAll('{rejects}', rejects);
    const argv = [spec.command, ...spec.args.map(tok)];
    const chunks: string[] = [];
    let size = 0;
    const cap = (s: string): void => {
      if (size < 256 * 1024) chunks.push(s.length > 64 * 1024 ? s.slice(0, 64 * 1024) + '…' : s);
      size += s.length;
    };
    const io = { out: cap, err: cap, cwd: spec.cwdTree ? this.treeParent : this.work, color: false };
    resetPeak();
    const t0 = performance.now();
    let exit: number;
    const failures: Outcome["failures"] = [];
    try {
      exit = await this.run(argv, io);
    } catch (e) {
      // runSafely never throws; the fake runner of the fuzzer's own test may.
      exit = -1;
      failures.push({ kind: 'crash', detail: firstLine(String((e as Error)?.stack ?? e)) });
      cap(String((e as Error)?.stack ?? e));
    }
    const ms = performance.now() - t0;
    const peak = peakMb();
    const out = chunks.join('\n');
    const outcome: Outcome = { exit, ms, peakMb: peak, out: out.slice(0, 8192), failures };
    if (exit === 3 || /CH900/.test(out)) failures.push({ kind: 'internal', detail: crashMessage(out) });
    if (STACK_FRAME.test(out) || ERROR_LINE.test(out)) failures.push({ kind: 'stack', detail: (STACK_FRAME.exec(out) ?? ERROR_LINE.exec(out))![0].trim() });
    if (spec.command === 'submit' && spec.allOrNothing && !spec.freshDb && exit !== 0 && existsSync(db)) {
      try {
        const now = storeDigest(db);
        if (now !== this.baseDigest) failures.push({ kind: 'store-change', detail: `store content changed after a refused submission (exit ${exit})` });
        else if (fileDigest(db) !== this.baseBytes) outcome.storeBytesChanged = true;
      } catch (e) {
        failures.push({ kind: 'store-change', detail: `store unreadable after a refused submission: ${firstLine(String((e as Error).message))}` });
      }
    }
    const files = walkFiles(this.work);
    const partial = files.filter((f) => f.endsWith('.partial'));
    if (partial.length) failures.push({ kind: 'leftover', detail: `left behind: ${partial.map((p) => p.slice(this.work.length + 1)).join(', ')}` });
    if (spec.checkRejects) {
      for (const f of files.filter((p) => p.startsWith(rejects) && p.endsWith('.csv'))) {
        const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
        const bad = parseCsv(text).flat().find(executableCell);
        if (bad !== undefined) {
          failures.push({ kind: 'formula', detail: `rejects file holds an executable cell: ${JSON.stringify(bad.slice(0, 60))}`, key: `rejects file holds an executable cell starting with ${JSON.stringify(bad[0])}` });
          break;
        }
      }
    }
    // Undo the tree changes: put back the shipped file (or remove what was added).
    for (const rel of undo) {
      const top = rel.split('/').filter(Boolean);
      // Restore at the level of the entry itself; a new folder under the tree is removed whole.
      let r = '';
      for (const seg of top) {
        r = r ? `${r}/${seg}` : seg;
        if (!existsSync(join(this.cfg.shippedTree, r)) || r === 'tests') break;
      }
      rmSync(join(this.tree, r), { recursive: true, force: true });
      const shipped = join(this.cfg.shippedTree, r);
      if (existsSync(shipped) && r.split('/')[0] !== 'tests') cpSync(shipped, join(this.tree, r), { recursive: true });
    }
    try {
      outcome.fds = readdirSync('/proc/self/fd').length;
    } catch {
      /* not Linux */
    }
    return outcome;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** The error behind an exit 3: the first line of the crash report's stack when there is one. */
function crashMessage(out: string): string {
  const m = /(\/\S*charter-crash-\S*\/report\.txt)/.exec(out);
  if (m) {
    try {
      const lines = readFileSync(m[1]!, 'utf8').split('\n');
      const i = lines.findIndex((l) => l === '');
      const head = lines.slice(i + 1).find((l) => l.trim() !== '');
      const frame = lines.slice(i + 1).find((l) => /^\s+at /.test(l) && !/\(node:|at node:/.test(l));
      rmSync(dirname(m[1]!), { recursive: true, force: true });
      if (head) return `${head.trim()}${frame ? ` ${frame.trim()}` : ''}`;
    } catch {
      /* report unreadable: fall back to the message */
    }
  }
  return firstLine(out.split('\n').find((l) => /CH900|Error/.test(l)) ?? out);
}

// As a forked process: take specs from the harness, answer with outcomes.
if (process.send && process.argv.includes('--fuzz-runner')) {
  let runner: Runner | undefined;
  let busy = false;
  const fail = (e: unknown): void => {
    process.send!({ type: 'fatal', detail: String((e as Error)?.stack ?? e), busy });
    setTimeout(() => process.exit(70), 50);
  };
  // The harness gone (killed, Ctrl-C): a runner must not live on.
  process.on('disconnect', () => process.exit(0));
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  process.on('message', (m: { type: 'init'; cfg: RunnerConfig } | { type: 'run'; id: number; spec: Spec }) => {
    void (async () => {
      if (m.type === 'init') {
        runner = new Runner(m.cfg);
        await runner.init();
        process.send!({ type: 'ready' });
      } else {
        busy = true;
        const outcome = await runner!.runSpec(m.spec);
        busy = false;
        process.send!({ type: 'done', id: m.id, outcome });
      }
    })().catch(fail);
  });
}
