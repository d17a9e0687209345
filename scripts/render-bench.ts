// node scripts/render-bench.ts [n] — renders a batch of n notices (default 1,000) into one PDF and prints
// notices per second and peak memory. Prints figures only; it never fails on time (shared machines flake).
import { performance } from 'node:perf_hooks';
import { noticeBatch } from '../engine/render/fixtures.ts';
import { renderNotices } from '../engine/render/pdf.ts';

export interface RenderBench {
  notices: number;
  ms: number;
  perSecond: number;
  maxRssMb: number;
  /** Size of the combined PDF. */
  bytes: number;
}

/** Render n distinct notices as one batch PDF. The fonts are loaded before the clock starts, as in a
 *  long-running process; maxRssMb is the process's peak resident memory so far. */
export async function benchNotices(n: number): Promise<RenderBench> {
  const docs = noticeBatch(n);
  await renderNotices(noticeBatch(1)); // warm-up: load and parse the fonts once
  const t = performance.now();
  const buf = await renderNotices(docs);
  const ms = performance.now() - t;
  return { notices: n, ms, perSecond: n / (ms / 1000), maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: buf.length };
}

if (import.meta.main) {
  const n = Number(process.argv[2] ?? 1000);
  const r = await benchNotices(n);
  console.log(
    `render: ${r.notices} notices in ${(r.ms / 1000).toFixed(2)} s = ${r.perSecond.toFixed(0)} notices/s (goal ≥50), ` +
      `PDF ${(r.bytes / 1024 / 1024).toFixed(1)} MiB, peak RSS ${r.maxRssMb.toFixed(0)} MB`,
  );
}
