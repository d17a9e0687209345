// npm run bench — prints figures and ratios against the goals; never fails on time (shared machines flake).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validate } from '../engine/validate/run.ts';

const ROOT = join(import.meta.dirname, '..');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function bench(label: string, runs: number, fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const m = median(times);
  console.log(`${label.padEnd(44)} median ${m.toFixed(1).padStart(7)} ms over ${runs} runs`);
  return m;
}

let files = 0;
let reqs = 0;
const inProc = bench('validate standards/ (in process)', 20, () => {
  const r = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT });
  files = r.set.files.length;
  reqs = r.set.requirements.length;
});
const cli = bench('charter validate (new process, cold start)', 5, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), 'validate'], { cwd: ROOT });
  if (r.status !== 0) throw new Error('validate failed: ' + r.stdout);
});
console.log(`files ${files}, requirements ${reqs}: ${((reqs / inProc) * 1000).toFixed(0)} requirements/s in process`);
console.log(`goal: charter validate under 1000 ms → ${cli.toFixed(0)} ms = ${((cli / 1000) * 100).toFixed(0)} % of the budget`);
