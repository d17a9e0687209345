// The fuzz harness: generates inputs, runs them in runner processes with a timeout and a memory
// watchdog, counts what happened per class, shrinks each new failure to a small reproducer and writes
// the report. scripts/fuzz.ts is its command line; test/fuzz.test.ts checks it still finds failures.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, type Corpus } from './corpus.ts';
import { generate } from './mutators.ts';
import type { RunnerConfig } from './runner.ts';
import { CLASSES, FAILURE_KINDS, signatureOf, specBytes, specToJson, type ClassName, type Entry, type FailureKind, type Outcome, type Spec } from './spec.ts';

export interface FuzzOptions {
  /** The Charter checkout (standards/, examples/, bin/). */
  root: string;
  seed: number;
  count: number;
  classes: ClassName[];
  out: string;
  jobs: number;
  timeoutMs: number;
  /** An input whose runner's peak resident memory exceeds this is a failure (memory not bounded). */
  maxMemMb: number;
  /** Module exporting runSafely(argv, io); default the CLI's engine/cli/main.ts. */
  runnerModule?: string;
  shrink: boolean;
  /** Seconds of shrinking per failure signature. */
  shrinkSeconds: number;
  log?: (s: string) => void;
  /** Replaces the generator (the fuzzer's own test plants inputs this way). */
  generate?: (seed: number, index: number, classes: readonly ClassName[], corpus: Corpus) => Spec;
  /** Parse each unchanged YAML file of the tree once per runner instead of once per input (default on). */
  yamlCache: boolean;
  /** Stops taking new inputs (Ctrl-C): the report covers the inputs run so far, without shrinking. */
  signal?: AbortSignal;
}

export interface ClassStats {
  tried: number;
  skipped: number;
  exit: Record<string, number>;
  failures: Record<FailureKind, number>;
  storeBytesChanged: number;
  maxMemMb: number;
  maxFds: number;
  maxMs: number;
  totalMs: number;
}

export interface FailureRecord {
  signature: string;
  kind: FailureKind;
  cls: ClassName;
  mutator: string;
  exit: number;
  detail: string;
  count: number;
  firstInput: number;
  repro?: string;
  reproBytes?: number;
  /** Its reproducer was written by an earlier run (not shrunk again). */
  known?: boolean;
}

export interface Summary {
  seed: number;
  count: number;
  classes: ClassName[];
  jobs: number;
  timeoutMs: number;
  maxMemMb: number;
  elapsedMs: number;
  perClass: Record<string, ClassStats>;
  failures: FailureRecord[];
  ok: boolean;
  /** Inputs run when the run stopped early (interrupted) or while it is still running; absent when complete. */
  partial?: number;
}

export const NOW = '2026-07-10T09:00:00+08:00';
/** The store every submission input starts from: some sample data, so replacing records is exercised too. */
export const BASE_SUBMISSIONS: [string, string][] = [
  ['complaints.ndjson', 'complaints'],
  ['surveys.ndjson', 'surveys'],
  ['equipment-counts.ndjson', 'equipment-counts'],
  ['office/work-orders.ndjson', 'work-orders'],
];

export function defaultOptions(root: string): FuzzOptions {
  return { root, seed: 11, count: 1000, classes: [...CLASSES], out: join(root, 'out', 'fuzz'), jobs: Math.max(1, Math.min(2, availableParallelism())), timeoutMs: 20_000, maxMemMb: 1024, shrink: true, shrinkSeconds: 60, yamlCache: true };
}

function emptyStats(): ClassStats {
  return { tried: 0, skipped: 0, exit: {}, failures: Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>, storeBytesChanged: 0, maxMemMb: 0, maxFds: 0, maxMs: 0, totalMs: 0 };
}

function vmRssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** One runner process; respawned after a kill. */
class Slot {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private generation = 0;
  private readonly k: number;
  private readonly o: FuzzOptions;
  private readonly baseDb: string;
  private readonly work: string;

  constructor(k: number, o: FuzzOptions, baseDb: string, work: string) {
    this.k = k;
    this.o = o;
    this.baseDb = baseDb;
    this.work = work;
  }

  private spawn(): Promise<void> {
    const root = join(this.work, `runner-${this.k}-${this.generation++}`);
    const tmp = join(root + '-tmp');
    mkdirSync(tmp, { recursive: true });
    const child = fork(join(import.meta.dirname, 'runner.ts'), ['--fuzz-runner'], {
      execArgv: [`--max-old-space-size=${Math.max(512, this.o.maxMemMb * 2)}`],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Crash reports and other temporary files of the run stay in the fuzz work folder.
      env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1', CHARTER_DB: join(root, 'no-default-store.sqlite') },
    });
    child.stdout!.resume();
    child.stderr!.resume();
    this.child = child;
    const cfg: RunnerConfig = { root, shippedTree: join(this.o.root, 'standards'), baseDb: this.baseDb, runnerModule: this.o.runnerModule ?? join(this.o.root, 'engine', 'cli', 'main.ts'), yamlCache: this.o.yamlCache };
    return new Promise<void>((res, rej) => {
      const onMsg = (m: { type: string; detail?: string }): void => {
        if (m.type === 'ready') {
          child.off('message', onMsg);
          res();
        } else if (m.type === 'fatal') rej(new Error(`runner failed to start: ${m.detail}`));
      };
      child.on('message', onMsg);
      child.once('exit', (code) => rej(new Error(`runner exited while starting (${code})`)));
      child.send({ type: 'init', cfg });
    });
  }

  async run(spec: Spec, timeoutMs: number): Promise<Outcome> {
    // A runner still holding much memory from an earlier input is replaced, so each input's peak is its own.
    if (this.child && this.child.exitCode === null && vmRssMb(this.child.pid!) > this.o.maxMemMb / 2) this.stop();
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) this.ready = this.spawn();
    await this.ready;
    const child = this.child!;
    const t0 = performance.now();
    return new Promise<Outcome>((res) => {
      let done = false;
      let lastRss = 0;
      let fatal = '';
      const finish = (o: Outcome, kill: boolean): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMsg);
        child.off('exit', onExit);
        if (kill) {
          child.kill('SIGKILL');
          this.child = undefined;
        }
        res(o);
      };
      const dead = (kind: FailureKind, detail: string, kill: boolean): void => finish({ exit: -1, ms: performance.now() - t0, peakMb: lastRss, out: '', failures: [{ kind, detail }] }, kill);
      const timer = setTimeout(() => dead('hang', `no answer within ${timeoutMs / 1000} s`, true), timeoutMs);
      // The watchdog: a runner growing far past the limit is stopped before it hurts the machine.
      const watch = setInterval(() => {
        lastRss = Math.max(lastRss, vmRssMb(child.pid!));
        if (lastRss > this.o.maxMemMb * 3) dead('memory', `resident memory passed ${this.o.maxMemMb * 3} MB; runner stopped`, true);
      }, 100);
      const onMsg = (m: { type: string; outcome?: Outcome; detail?: string }): void => {
        if (m.type === 'done') finish(m.outcome!, false);
        else if (m.type === 'fatal') fatal = m.detail ?? '';
      };
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = undefined;
        dead('crash', fatal ? `uncaught in runner: ${fatal.split('\n')[0]}` : `runner exited (${code ?? signal})`, false);
      };
      child.on('message', onMsg);
      child.on('exit', onExit);
      child.send({ type: 'run', id: 0, spec });
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}

/** The store inputs start from, made once per run with the real CLI. */
async function makeBaseStore(o: FuzzOptions, work: string): Promise<string> {
  const db = join(work, 'base', 'charter.sqlite');
  rmSync(join(work, 'base'), { recursive: true, force: true });
  const { runSafely } = (await import(join(o.root, 'engine', 'cli', 'main.ts'))) as { runSafely: (argv: string[], io: unknown) => Promise<number> };
  const out: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), cwd: o.root, color: false };
  for (const [f, kind] of BASE_SUBMISSIONS) {
    const code = await runSafely(['submit', join(o.root, 'examples', 'sample-university', f), '--kind', kind, '--db', db, '--now', NOW], io);
    if (code !== 0) throw new Error(`base store: submitting ${f} failed (${code}):\n${out.join('\n')}`);
  }
  return db;
}

function outcomeSignatures(spec: Spec, o: Outcome): { signature: string; kind: FailureKind; detail: string }[] {
  // A hang or a kill has no message of its own: the mutation that caused it names it.
  return o.failures.map((f) => ({ signature: signatureOf(spec.cls, f.kind, o.exit, f.key ?? (o.exit === -1 || f.kind === 'memory' ? `${f.detail} (${spec.mutator})` : f.detail)), kind: f.kind, detail: f.detail }));
}

const slug = (f: FailureRecord): string => `${f.kind}-${f.cls}-${createHash('sha1').update(f.signature).digest('hex').slice(0, 8)}`;

export async function runFuzz(o: FuzzOptions, onlySpec?: Spec): Promise<Summary> {
  const log = o.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const t0 = performance.now();
  const work = join(o.out, 'work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const corpus = loadCorpus(o.root);
  const baseDb = await makeBaseStore(o, work);
  const slots = Array.from({ length: o.jobs }, (_, k) => new Slot(k, o, baseDb, work));
  const perClass: Record<string, ClassStats> = {};
  const found = new Map<string, FailureRecord & { spec: Spec }>();
  const hangsBy = new Map<string, number>();
  const gen = o.generate ?? generate;
  const total = onlySpec ? 1 : o.count;
  let next = 0;
  let finished = 0;
  let lastLog = performance.now();

  // One line per input (number, class, mutation, exit, time, memory, failures): for comparing runs.
  const inputsLog = join(o.out, 'inputs.ndjson');
  if (!onlySpec) {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(inputsLog, '');
  }
  const record = (index: number, spec: Spec, out: Outcome): void => {
    if (!onlySpec) appendFileSync(inputsLog, JSON.stringify({ input: index, cls: spec.cls, mutator: spec.mutator, command: spec.command, exit: out.exit, ms: Math.round(out.ms), peakMb: out.peakMb, failures: out.failures.map((f) => f.kind) }) + '\n');
    const st = (perClass[spec.cls] ??= emptyStats());
    st.tried++;
    const ek = out.exit >= 0 && out.exit <= 3 ? String(out.exit) : 'other';
    st.exit[ek] = (st.exit[ek] ?? 0) + 1;
    if (out.peakMb > o.maxMemMb && !out.failures.some((f) => f.kind === 'memory')) out.failures.push({ kind: 'memory', detail: `peak resident memory above ${o.maxMemMb} MB` });
    for (const kind of new Set(out.failures.map((f) => f.kind))) st.failures[kind]++;
    if (out.storeBytesChanged) st.storeBytesChanged++;
    st.maxMemMb = Math.max(st.maxMemMb, out.peakMb);
    st.maxFds = Math.max(st.maxFds, out.fds ?? 0);
    st.maxMs = Math.max(st.maxMs, out.ms);
    st.totalMs += out.ms;
    if (out.failures.some((f) => f.kind === 'hang')) hangsBy.set(spec.mutator, (hangsBy.get(spec.mutator) ?? 0) + 1);
    for (const s of outcomeSignatures(spec, out)) {
      const f = found.get(s.signature);
      if (f) f.count++;
      else found.set(s.signature, { ...s, cls: spec.cls, mutator: spec.mutator, exit: out.exit, count: 1, firstInput: index, spec });
    }
  };

  const worker = async (slot: Slot): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= total || o.signal?.aborted) return;
      const spec = onlySpec ?? gen(o.seed, index, o.classes, corpus);
      // A mutation that has hung twice would only spend the timeout again: later ones are counted as skipped.
      if ((hangsBy.get(spec.mutator) ?? 0) >= 2) {
        (perClass[spec.cls] ??= emptyStats()).skipped++;
      } else {
        const out = await slot.run(spec, o.timeoutMs);
        record(index, spec, out);
      }
      finished++;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const s = (performance.now() - t0) / 1000;
        log(`fuzz: ${finished}/${total} inputs, ${s.toFixed(0)} s, ${found.size} failure signatures`);
      }
    }
  };
  const summarize = (failures: (FailureRecord & { spec?: Spec })[], partial?: number): Summary => {
    const s: Summary = {
      seed: o.seed,
      count: total,
      classes: o.classes,
      jobs: o.jobs,
      timeoutMs: o.timeoutMs,
      maxMemMb: o.maxMemMb,
      elapsedMs: performance.now() - t0,
      perClass,
      failures: failures.map(({ spec: _s, ...f }) => f).sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count),
      ok: failures.length === 0,
    };
    if (partial !== undefined) s.partial = partial;
    return s;
  };
  const writeReport = (s: Summary): void => {
    mkdirSync(o.out, { recursive: true });
    writeFileSync(join(o.out, 'summary.json'), JSON.stringify(s, null, 2) + '\n');
    writeFileSync(join(o.out, 'summary.txt'), renderSummary(s) + '\n');
  };
  // The report so far, every half minute: a long run that is stopped still leaves one.
  const ticker = onlySpec ? undefined : setInterval(() => writeReport(summarize([...found.values()], finished)), 30_000);
  try {
    await Promise.all(slots.map(worker));
    clearInterval(ticker);
    const failures = [...found.values()];
    mkdirSync(join(o.out, 'repro'), { recursive: true });
    const stopped = o.signal?.aborted ?? false;
    if (!onlySpec && !stopped) {
      // Shrink the new signatures, a few at a time.
      // A signature with a reproducer from an earlier run is known: it keeps that reproducer.
      const queue: typeof failures = [];
      for (const f of failures) {
        const known = join(o.out, 'repro', slug(f));
        if (existsSync(join(known, 'spec.json'))) {
          f.repro = known;
          f.known = true;
        } else queue.push(f);
      }
      let qi = 0;
      await Promise.all(
        slots.map(async (slot) => {
          for (;;) {
            const f = queue[qi++];
            if (!f) return;
            const small = o.shrink ? await shrink(slot, f, o) : { spec: f.spec, out: undefined };
            f.repro = writeRepro(o, f, small.spec, small.out);
            f.reproBytes = specBytes(small.spec);
          }
        }),
      );
    } else if (stopped) {
      for (const f of failures) {
        f.repro = writeRepro(o, f, f.spec, undefined);
        f.reproBytes = specBytes(f.spec);
      }
    }
    const summary = summarize(failures, stopped ? finished : undefined);
    if (!onlySpec) writeReport(summary);
    return summary;
  } finally {
    clearInterval(ticker);
    for (const s of slots) s.stop();
  }
}

/** Delta debugging on the input's biggest file: drop chunks of lines while the same signature still shows. */
async function shrink(slot: Slot, f: FailureRecord & { spec: Spec }, o: FuzzOptions): Promise<{ spec: Spec; out: Outcome | undefined }> {
  const deadline = performance.now() + o.shrinkSeconds * 1000;
  const slow = f.kind === 'hang' || f.kind === 'memory';
  let budget = slow ? 6 : 400;
  let best = f.spec;
  let bestOut: Outcome | undefined;
  const timeout = slow ? o.timeoutMs : Math.min(o.timeoutMs, 15_000);
  const still = async (cand: Spec): Promise<boolean> => {
    if (budget-- <= 0 || performance.now() > deadline) return false;
    const out = await slot.run(cand, timeout);
    if (outcomeSignatures(cand, out).some((s) => s.signature === f.signature)) {
      bestOut = out;
      return true;
    }
    return false;
  };
  const withEntry = (s: Spec, i: number, e: Entry): Spec => ({ ...s, entries: s.entries.map((x, k) => (k === i ? { root: x.root, entry: e } : x)) });
  // Lines of a zip mean nothing: an XLSX is left whole.
  const sizes = best.entries.map(({ entry: e }) => (e.rel.endsWith('.xlsx') ? 0 : e.type === 'file' ? e.data.length : e.type === 'repeat' ? e.body.length * e.times + e.head.length : 0));
  const i = best.shrinkEntry ?? sizes.indexOf(Math.max(0, ...sizes));
  if (i < 0 || sizes[i] === 0) return { spec: best, out: bestOut };
  let e = best.entries[i]!.entry;
  if (e.type === 'repeat') {
    while (e.type === 'repeat' && e.times > 1) {
      const cand = withEntry(best, i, { ...e, times: Math.floor(e.times / 2) });
      if (!(await still(cand))) break;
      best = cand;
      e = best.entries[i]!.entry;
    }
    return { spec: best, out: bestOut };
  }
  if (e.type !== 'file') return { spec: best, out: bestOut };
  // Lines of bytes (a split may not be valid UTF-8 alone, but the bytes are kept whole).
  const data = Buffer.from(e.data);
  let parts: Buffer[] = [];
  let p = 0;
  for (let k = 0; k < data.length; k++) if (data[k] === 0x0a) (parts.push(data.subarray(p, k + 1)), (p = k + 1));
  if (p < data.length) parts.push(data.subarray(p));
  // A single huge line (deep nesting, one long cell) is split into fixed chunks instead.
  if (parts.length < 4 && data.length > 4096) {
    parts = [];
    const n = 64;
    const step = Math.ceil(data.length / n);
    for (let k = 0; k < data.length; k += step) parts.push(data.subarray(k, k + step));
  }
  let n = 2;
  while (parts.length >= 2 && budget > 0 && performance.now() < deadline) {
    const size = Math.ceil(parts.length / n);
    let removed = false;
    for (let start = 0; start < parts.length; start += size) {
      const kept = [...parts.slice(0, start), ...parts.slice(start + size)];
      const cand = withEntry(best, i, { ...e, data: new Uint8Array(Buffer.concat(kept)) });
      if (await still(cand)) {
        parts = kept;
        best = cand;
        removed = true;
        n = Math.max(n - 1, 2);
        break;
      }
    }
    if (!removed) {
      if (n >= parts.length) break;
      n = Math.min(n * 2, parts.length);
    }
  }
  return { spec: best, out: bestOut };
}

const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function writeRepro(o: FuzzOptions, f: FailureRecord, spec: Spec, out: Outcome | undefined): string {
  const dir = join(o.out, 'repro', slug(f));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  writeFileSync(join(dir, 'signature.txt'), `${f.signature}\n\nfirst seen: input ${f.firstInput} of seed ${o.seed} (${f.mutator})\ndetail: ${f.detail}\n`);
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(specToJson(spec), null, 1) + '\n');
  if (out) writeFileSync(join(dir, 'output.txt'), out.out + '\n');
  // A shell script that reproduces it with the real CLI, from the checkout's root.
  const sh: string[] = [
    '#!/bin/sh',
    `# ${f.signature}`,
    `# Run from the Charter checkout: sh ${join('out', 'fuzz', 'repro', slug(f), 'repro.sh')}`,
    `# Or through the fuzz harness: npm run fuzz -- --replay ${join(dir, 'spec.json')}`,
    'CHARTER=$(pwd)',
    'HERE=$(cd "$(dirname "$0")" && pwd)',
    'NODE="$CHARTER/node_modules/.bin/node"',
    'T=$(mktemp -d)',
    'mkdir -p "$T/t" "$T/in"',
    'cp -r "$CHARTER/standards" "$T/t/standards" && rm -rf "$T/t/standards/tests"',
  ];
  if (spec.command === 'submit' && !spec.freshDb) {
    for (const [file, kind] of BASE_SUBMISSIONS) sh.push(`"$NODE" "$CHARTER/bin/charter.js" submit "$CHARTER/examples/sample-university/${file}" --kind ${kind} --db "$T/in/db/charter.sqlite" --now ${NOW} > /dev/null`);
  }
  spec.entries.forEach(({ root, entry }, k) => {
    const path = `"$T/${root === 'tree' ? 't/standards' : 'in'}/${entry.rel}"`;
    sh.push(`rm -rf ${path}; mkdir -p "$(dirname ${path})"`);
    if (entry.type === 'file') {
      const name = `${k}-${entry.rel.replace(/\//g, '_')}`;
      writeFileSync(join(dir, 'files', name), entry.data);
      sh.push(`cp "$HERE/files/${name}" ${path}`);
    } else if (entry.type === 'repeat') {
      sh.push(`"$NODE" -e 'const fs=require("fs");const [p,h,b,n,t]=process.argv.slice(1);const fd=fs.openSync(p,"w");fs.writeSync(fd,h);let s="";for(let i=0;i<+n;i++){s+=b.replaceAll("{i}",i);if(s.length>1e6){fs.writeSync(fd,s);s=""}}fs.writeSync(fd,s+t)' ${path} ${shq(entry.head)} ${shq(entry.body)} ${entry.times} ${shq(entry.tail)}`);
    } else if (entry.type === 'dir') sh.push(`mkdir -p ${path}`);
    else if (entry.type === 'fifo') sh.push(`mkfifo ${path}`);
    else if (entry.type === 'symlink') sh.push(`ln -s ${shq(entry.target)} ${path}`);
  });
  const args = [spec.command, ...spec.args].map((a) => `"${a.replaceAll('{tree}', '$T/t/standards').replaceAll('{work}', '$T/in').replaceAll('{db}', '$T/in/db/charter.sqlite').replaceAll('{rejects}', '$T/in/rejects').replace(/["`\\]/g, (m) => `\\${m}`)}"`);
  sh.push(`cd "$T/${spec.cwdTree ? 't' : 'in'}" && "$NODE" "$CHARTER/bin/charter.js" ${args.join(' ')}`, 'echo "exit $?  (folder: $T)"');
  writeFileSync(join(dir, 'repro.sh'), sh.join('\n') + '\n', { mode: 0o755 });
  return dir;
}

export function renderSummary(s: Summary): string {
  const cols = ['class', 'tried', 'skip', 'exit 0', 'exit 1', 'exit 2', 'exit 3', 'other', 'internal', 'stack', 'hang', 'store', 'formula', 'leftover', 'memory', 'crash', 'max MB', 'max s', 'mean ms'];
  const rows: (string | number)[][] = [];
  const tot = emptyStats();
  for (const cls of s.classes) {
    const st = s.perClass[cls] ?? emptyStats();
    tot.tried += st.tried;
    tot.skipped += st.skipped;
    for (const [k, v] of Object.entries(st.exit)) tot.exit[k] = (tot.exit[k] ?? 0) + v;
    for (const k of FAILURE_KINDS) tot.failures[k] += st.failures[k];
    tot.maxMemMb = Math.max(tot.maxMemMb, st.maxMemMb);
    tot.maxMs = Math.max(tot.maxMs, st.maxMs);
    tot.totalMs += st.totalMs;
    rows.push(statRow(cls, st));
  }
  rows.push(statRow('all', tot));
  const w = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]): string => r.map((v, i) => (i === 0 ? String(v).padEnd(w[i]!) : String(v).padStart(w[i]!))).join('  ');
  const out = [
    `charter fuzz — seed ${s.seed}, ${s.partial !== undefined ? `${s.partial} of ${s.count} inputs (partial)` : `${s.count} inputs`}, ${s.jobs} runners, timeout ${s.timeoutMs / 1000} s, memory limit ${s.maxMemMb} MB, ${(s.elapsedMs / 1000).toFixed(0)} s`,
    '',
    line(cols),
    line(cols.map((_, i) => '-'.repeat(w[i]!))),
    ...rows.map(line),
    '',
  ];
  if (!s.failures.length) out.push('No failures: no internal errors, stack traces, hangs, store changes, executable cells, leftovers or memory blow-ups.');
  else {
    out.push(`${s.failures.length} failure signatures:`);
    for (const f of s.failures) {
      out.push(`  ${f.count}× ${f.signature}`);
      out.push(`      first: input ${f.firstInput} (${f.mutator})${f.repro ? `; reproducer ${f.repro}${f.known ? ' (from an earlier run)' : ` (${f.reproBytes} bytes)`}` : ''}`);
    }
  }
  return out.join('\n');
}

function statRow(name: string, st: ClassStats): (string | number)[] {
  return [name, st.tried, st.skipped, st.exit['0'] ?? 0, st.exit['1'] ?? 0, st.exit['2'] ?? 0, st.exit['3'] ?? 0, st.exit['other'] ?? 0, st.failures.internal, st.failures.stack, st.failures.hang, st.failures['store-change'], st.failures.formula, st.failures.leftover, st.failures.memory, st.failures.crash, st.maxMemMb, (st.maxMs / 1000).toFixed(1), st.tried ? Math.round(st.totalMs / st.tried) : 0];
}

export { resolve };
