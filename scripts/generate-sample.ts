// node scripts/generate-sample.ts [--out DIR] [--seed N] [--scale N] [--work-orders N] [--no-exports] [--force]
// Writes the sample university's service data (engine/sample/generate.ts). With no options it rewrites
// the committed sample in examples/sample-university/ (README.md there is left alone).
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BASE_WORK_ORDERS, DEFAULT_SEED, generateSample } from '../engine/sample/generate.ts';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_OUT = join(ROOT, 'examples', 'sample-university');

const HELP = `用法 usage: node scripts/generate-sample.ts [options]

生成示例大学一个学期（2026 春季学期）的服务数据：规范格式 NDJSON/CSV、两种导出格式（GB18030 CSV、XLSX）、
含缺陷的文件和 manifest.json（注入的违规与缺陷清单）。同样的参数总是生成逐字节相同的文件。
Generates one term of the sample university's service data; the same options always give byte-identical files.

  --out DIR          输出目录 output folder (default examples/sample-university)
  --seed N           随机种子 seed, a whole number 0…4294967295 (default ${DEFAULT_SEED})
  --scale N          数据量倍数 multiplies the volumes (default 1)
  --work-orders N    工单数 number of work orders (default ${BASE_WORK_ORDERS} × scale); e.g. 20000 for a full term
  --no-exports       不写 exports/ skip the export layouts (faster benchmarks)
  --force            允许用非默认参数覆盖 examples/sample-university
  -h, --help         帮助 this help
`;

function fail(msg: string): never {
  process.stderr.write(`错误 error: ${msg}\n\n${HELP}`);
  process.exit(2);
}

function wholeNumber(name: string, v: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || !/^\d+$/.test(v)) fail(`${name} needs a whole number`);
  const n = Number(v);
  if (n < min || n > max) fail(`${name} must be between ${min} and ${max}`);
  return n;
}

const args = process.argv.slice(2);
let out = DEFAULT_OUT;
let seed = DEFAULT_SEED;
let scale = 1;
let workOrders: number | undefined;
let exports = true;
let force = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
  const value = (): string | undefined => inline ?? args[++i];
  switch (flag) {
    case '--out':
      out = resolve(value() ?? fail('--out needs a folder'));
      break;
    case '--seed':
      seed = wholeNumber('--seed', value(), 0, 0xffffffff);
      break;
    case '--scale':
      scale = wholeNumber('--scale', value(), 1, 10_000);
      break;
    case '--work-orders':
      workOrders = wholeNumber('--work-orders', value(), 20, 50_000_000);
      break;
    case '--no-exports':
      exports = false;
      break;
    case '--force':
      force = true;
      break;
    case '-h':
    case '--help':
      process.stdout.write(HELP);
      process.exit(0);
    default:
      fail(`unknown option ${a}`);
  }
}

const isDefault = seed === DEFAULT_SEED && scale === 1 && workOrders === undefined && exports;
if (resolve(out) === resolve(DEFAULT_OUT) && !isDefault && !force) {
  fail('examples/sample-university holds the committed default sample; write other samples elsewhere with --out DIR (or add --force)');
}

const t0 = performance.now();
const manifest = await generateSample({ outDir: out, seed, scale, workOrders, exports });
const secs = (performance.now() - t0) / 1000;
const rel = relative(process.cwd(), out) || '.';
console.log(`示例数据已写入 sample written to ${rel}  (seed ${seed}, scale ${scale}, ${secs.toFixed(1)} s)`);
let total = 0;
for (const [file, f] of Object.entries(manifest.files)) {
  total += f.bytes;
  console.log(`  ${file.padEnd(30)} ${String(f.records).padStart(9)} records ${(f.bytes / 1024).toFixed(0).padStart(9)} KiB`);
}
console.log(`  ${'total'.padEnd(30)} ${''.padStart(17)} ${(total / 1024).toFixed(0).padStart(9)} KiB`);
console.log(`manifest.json: ${manifest.violations.length} violations, ${manifest.excluded.length} excluded, ${manifest.defects.length} defects`);
