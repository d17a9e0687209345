// npm run bench — prints figures and ratios against the goals; never fails on time (shared machines flake).
// Each submission runs in its own process so its peak memory (maxRSS) is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
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
    acceptValid: false,
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

// 2. Submission throughput and memory, on generated work orders of two sizes.
const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
const BUILDINGS = ['d01', 'd02', 'd03', 't01', 't02', 'l01', 'lib01', 'o01'];
const CATS = ['general', 'water', 'electric', 'lighting', 'hvac', 'multimedia'];
const pad = (n: number) => String(n).padStart(2, '0');
function row(i: number): string[] {
  const day = 1 + (i % 28);
  const h = 8 + (i % 10);
  const mi = i % 60;
  const t = (hh: number, mm: number) => `2026-03-${pad(day)}T${pad(hh)}:${pad(mm)}:00+08:00`;
  return [`WO-${i}`, 'huayu-property', 'main', BUILDINGS[i % BUILDINGS.length]!, `${100 + (i % 500)}室`, CATS[i % CATS.length]!, 'normal', t(h, mi), t(h + 1, mi), t(h + 2, mi), i % 7 === 0 ? 'true' : 'false', ''];
}
const HEAD = ['id', 'provider', 'campus', 'building', 'location', 'category', 'priority', 'reported_at', 'arrived_at', 'completed_at', 'during_class', 'exclusion'];

async function writeCsv(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(HEAD.join(',') + '\n');
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push(row(i).join(','));
    if (buf.length === 10000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

async function writeXlsx(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('work-orders');
  ws.addRow(HEAD).commit();
  for (let i = 0; i < n; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

function runChild(file: string, kind: string): { rows: number; ms: number; maxRssMb: number; status: string } {
  const db = join(dir, `db-${Math.random().toString(36).slice(2)}.sqlite`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.ts'), '--child', file, kind, db], { encoding: 'utf8', maxBuffer: 1 << 24 });
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
  for (const n of sizes) {
    const f = join(dir, `wo-${n}.csv`);
    await writeCsv(f, n);
    csv.push(report(`submit CSV (canonical, UTF-8)`, runChild(f, 'work-orders'), 200_000).maxRssMb);
  }
  const xlsxSizes = sizes.map((n) => Math.max(10_000, Math.round(n / 8)));
  const xl: number[] = [];
  for (const n of xlsxSizes) {
    const f = join(dir, `wo-${n}.xlsx`);
    await writeXlsx(f, n);
    xl.push(report(`submit XLSX`, runChild(f, 'work-orders'), 20_000).maxRssMb);
  }
  console.log(`memory as the file grows ${sizes[0]}→${sizes.at(-1)} rows: CSV peak RSS ×${(csv.at(-1)! / csv[0]!).toFixed(2)}, XLSX ×${(xl.at(-1)! / xl[0]!).toFixed(2)} (flat ≈ ×1)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
