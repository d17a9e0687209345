// npm run bench — prints figures and ratios against the goals; never fails on time (shared machines flake).
// Each submission runs in its own process so its peak memory (maxRSS) is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validate } from '../engine/validate/run.ts';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (process.argv[2] === '--child') {
  // Child: one submission, report rows, time and peak memory as JSON.
  const [, , , file, kind, db, mapping] = process.argv;
  const { openStore } = await import('../engine/store/store.ts');
  const { submit } = await import('../engine/data/submit.ts');
  const { indexRegister } = await import('../engine/data/mapping.ts');
  const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  const store = openStore(db!);
  const t = performance.now();
  const m = mapping ? tree.mappings.find((x) => x.value.id === mapping)?.value : undefined;
  const r = await submit({
    file: file!,
    display: file!,
    kind: kind as 'work-orders',
    acceptValid: true,
    rejectsDir: join(db!, '..', 'rejects'),
    now: new Date('2026-11-21T00:00:00Z'),
    tz: 'Asia/Shanghai',
    register: indexRegister(tree.registers[0]!.value),
    activities: new Set(),
    store,
    ...(m ? { mapping: m } : {}),
  });
  const ms = performance.now() - t;
  store.close();
  console.log(JSON.stringify({ status: r.status, rows: r.total, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function bench(label: string, runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const m = median(times);
  console.log(`${label.padEnd(48)} median ${m.toFixed(1).padStart(8)} ms over ${runs} runs`);
  return m;
}

// 1. Validate
const inProc = bench('validate standards/ (in process)', 10, () => void validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }));
const cli = bench('charter validate (new process, cold start)', 3, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'validate'], { cwd: ROOT });
  if (r.status !== 0) throw new Error('validate failed: ' + r.stdout);
});
console.log(`goal: charter validate under 1000 ms → ${cli.toFixed(0)} ms (${((cli / 1000) * 100).toFixed(0)} % of the budget; ${inProc.toFixed(0)} ms of it is the work itself)`);
console.log('');

// 2. Submission throughput and memory, on the sample-university generator's data at two sizes:
// its canonical work-orders.csv, and its service-hall XLSX export read through the mapping.
const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
const { generateSample } = await import('../engine/sample/generate.ts');

function runChild(file: string, kind: string, mapping?: string): { rows: number; ms: number; maxRssMb: number; status: string } {
  const db = join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.ts'), '--child', file, kind, db, ...(mapping ? [mapping] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const report = (label: string, r: { rows: number; ms: number; maxRssMb: number; status: string }, goal: number) => {
  const rate = (r.rows / r.ms) * 1000;
  console.log(`${label.padEnd(34)} ${String(r.rows).padStart(8)} rows ${(r.ms / 1000).toFixed(2).padStart(6)} s ${Math.round(rate).toLocaleString('en').padStart(9)} rows/s (${((rate / goal) * 100).toFixed(0)} % of the ${goal.toLocaleString('en')} goal) peak RSS ${r.maxRssMb.toFixed(0)} MB [${r.status}]`);
  return r;
};

try {
  const sizes = (process.env.BENCH_ROWS ?? '100000,400000').split(',').map(Number);
  const csv: number[] = [];
  const xl: number[] = [];
  for (const n of sizes) {
    const out = join(dir, `sample-${n}`);
    const t = performance.now();
    await generateSample({ outDir: out, workOrders: n, exports: true });
    console.log(`generated ${n.toLocaleString('en')} work orders (+ exports) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    csv.push(report('submit CSV (canonical, UTF-8)', runChild(join(out, 'work-orders.csv'), 'work-orders'), 200_000).maxRssMb);
    xl.push(report('submit XLSX (service-hall mapping)', runChild(join(out, 'exports', 'service-hall.xlsx'), 'work-orders', 'service-hall-xlsx'), 20_000).maxRssMb);
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`memory as the file grows ×${sizes.at(-1)! / sizes[0]!}: CSV peak RSS ×${(csv.at(-1)! / csv[0]!).toFixed(2)}, XLSX ×${(xl.at(-1)! / xl[0]!).toFixed(2)} (flat ≈ ×1)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
