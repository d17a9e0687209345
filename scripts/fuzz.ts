// npm run fuzz — the permanent fuzzer (issue 11 §4). Not part of npm test: it runs for minutes.
// See docs/fuzzing.md for the classes, the flags and how to read the report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultOptions, renderSummary, runFuzz } from './fuzz/harness.ts';
import { CLASSES, specFromJson, type ClassName } from './fuzz/spec.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = `Usage: npm run fuzz -- [--seed N] [--count N] [--class NAME[,NAME…]] [--out DIR] [--jobs N]
                     [--timeout SECONDS] [--max-memory MB] [--no-shrink] [--shrink-seconds N] [--no-yaml-cache]
                     [--replay SPEC.json]
Classes: ${CLASSES.join(', ')}
Exit: 0 nothing found; 1 a failure was found (internal error, stack trace, hang, store change,
executable cell in a rejects file, leftover .partial file, memory above the limit, runner crash); 2 usage.`;

function fail(msg: string): never {
  process.stderr.write(`${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      class: { type: 'string', multiple: true },
      out: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-memory': { type: 'string' },
      'no-shrink': { type: 'boolean' },
      'no-yaml-cache': { type: 'boolean' },
      'shrink-seconds': { type: 'string' },
      replay: { type: 'string' },
      runner: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
} catch (e) {
  fail((e as Error).message);
}
const v = parsed.values;
if (v.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const o = defaultOptions(ROOT);
const int = (name: string, s: string | undefined, min: number): number | undefined => {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) < min) fail(`--${name} ${s}: a whole number ≥ ${min}`);
  return Number(s);
};
o.seed = int('seed', v.seed, 0) ?? o.seed;
o.count = int('count', v.count, 1) ?? o.count;
o.jobs = int('jobs', v.jobs, 1) ?? o.jobs;
o.timeoutMs = (int('timeout', v.timeout, 1) ?? o.timeoutMs / 1000) * 1000;
o.maxMemMb = int('max-memory', v['max-memory'], 64) ?? o.maxMemMb;
o.shrinkSeconds = int('shrink-seconds', v['shrink-seconds'], 1) ?? o.shrinkSeconds;
o.shrink = !v['no-shrink'];
o.yamlCache = !v['no-yaml-cache'];
if (v.out) o.out = resolve(v.out);
if (v.runner) o.runnerModule = resolve(v.runner);
if (v.class) {
  const names = v.class.flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  for (const n of names) if (!(CLASSES as readonly string[]).includes(n)) fail(`--class ${n}: one of ${CLASSES.join(', ')}`);
  o.classes = names as ClassName[];
}

if (v.replay) {
  const spec = specFromJson(JSON.parse(readFileSync(resolve(v.replay), 'utf8')));
  const s = await runFuzz({ ...o, count: 1, shrink: false }, spec);
  process.stdout.write(renderSummary(s) + '\n');
  process.exit(s.ok ? 0 : 1);
}

// Ctrl-C (or a kill) stops taking inputs; the report covers what ran.
const stop = new AbortController();
o.signal = stop.signal;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    process.stderr.write(`fuzz: ${sig}, finishing the inputs in hand and writing the report …\n`);
    stop.abort();
  });
}
const s = await runFuzz(o);
process.stdout.write(renderSummary(s) + '\n');
process.stdout.write(`\nReport: ${resolve(o.out, 'summary.txt')} and summary.json; reproducers under ${resolve(o.out, 'repro')}\n`);
process.exit(s.ok ? 0 : 1);
