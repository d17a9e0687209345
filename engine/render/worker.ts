// A rendering thread: fonts are parsed once per thread, then each message is one document.
import { parentPort } from 'node:worker_threads';
import { renderNotice, renderScorecard } from './pdf.ts';
import type { NoticeDoc, ScorecardDoc } from './types.ts';

parentPort!.on('message', async (m: { id: number; kind: 'notice' | 'scorecard'; doc: NoticeDoc | ScorecardDoc }) => {
  try {
    const buf = m.kind === 'notice' ? await renderNotice(m.doc as NoticeDoc) : await renderScorecard(m.doc as ScorecardDoc);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    parentPort!.postMessage({ id: m.id, pdf: ab }, [ab as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
