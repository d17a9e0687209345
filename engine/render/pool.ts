// One PDF per document, rendered on worker threads. Each PDF embeds its own font subsets, and building and
// compressing them is most of the cost of a single notice, so a batch of single PDFs is spread over the
// machine's cores; a handful is rendered in this thread, where starting workers would cost more.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NoticeDoc, ScorecardDoc } from './types.ts';

type Job = { kind: 'notice'; doc: NoticeDoc } | { kind: 'scorecard'; doc: ScorecardDoc };

/**
 * Render every job and hand each PDF to `sink` in job order as soon as it and those before it are done,
 * so a caller writing files keeps only what is in flight in memory.
 */
export async function renderEach(jobs: Job[], sink: (i: number, pdf: Buffer) => void, threads = Math.min(availableParallelism(), 4)): Promise<void> {
  if (jobs.length < 8 || threads < 2) {
    const { renderNotice, renderScorecard } = await import('./pdf.ts');
    for (const [i, j] of jobs.entries()) sink(i, j.kind === 'notice' ? await renderNotice(j.doc) : await renderScorecard(j.doc));
    return;
  }
  const workers = Array.from({ length: Math.min(threads, jobs.length) }, () => new Worker(new URL('./worker.ts', import.meta.url)));
  const done = new Map<number, Buffer>();
  let next = 0;
  let flushed = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let active = 0;
      const feed = (w: Worker): void => {
        if (next >= jobs.length) {
          if (active === 0) resolve();
          return;
        }
        const id = next++;
        active++;
        w.postMessage({ id, ...jobs[id]! });
      };
      for (const w of workers) {
        w.on('message', (m: { id: number; pdf?: ArrayBuffer; error?: string }) => {
          active--;
          if (m.error) return reject(new Error(`render worker: ${m.error}`));
          done.set(m.id, Buffer.from(m.pdf!));
          while (done.has(flushed)) {
            sink(flushed, done.get(flushed)!);
            done.delete(flushed);
            flushed++;
          }
          feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
