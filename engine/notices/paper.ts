// Notices and scorecards to files: one PDF each (rendered on worker threads) and one combined PDF per
// batch for printing (one document, so the font subsets are shared). Each file is written atomically —
// a printer or a reader never sees half a PDF — and as soon as it is ready, so memory stays flat.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEach } from '../render/pool.ts';
import type { NoticeDoc, ScorecardDoc } from '../render/types.ts';

export function writeAtomic(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export const scorecardFile = (period: string, provider: string): string => `scorecard-${period}-${provider}.pdf`;

export const noticeFile = (n: { year: number; seq: number }): string => `notice-${n.year}-${String(n.seq).padStart(3, '0')}.pdf`;

export async function writeNoticePdfs(notices: { year: number; seq: number; doc: NoticeDoc }[], outDir: string, batchName?: string): Promise<{ files: string[]; batch?: string }> {
  mkdirSync(outDir, { recursive: true });
  const files = notices.map((n) => join(outDir, noticeFile(n)));
  const { renderNotices } = await import('../render/pdf.ts');
  const batch = batchName && notices.length ? join(outDir, batchName) : undefined;
  // The combined PDF is drawn here while the workers draw the single ones.
  await Promise.all([
    renderEach(notices.map((n) => ({ kind: 'notice' as const, doc: n.doc })), (i, pdf) => writeAtomic(files[i]!, pdf)),
    batch ? renderNotices(notices.map((n) => n.doc)).then((pdf) => writeAtomic(batch, pdf)) : Promise.resolve(),
  ]);
  return { files, ...(batch ? { batch } : {}) };
}

export async function writeScorecardPdfs(cards: ScorecardDoc[], outDir: string, batchName?: string): Promise<{ files: string[]; batch?: string }> {
  mkdirSync(outDir, { recursive: true });
  const files = cards.map((d) => join(outDir, scorecardFile(d.period, d.provider.id)));
  const { renderScorecards } = await import('../render/pdf.ts');
  const batch = batchName && cards.length ? join(outDir, batchName) : undefined;
  await Promise.all([
    renderEach(cards.map((doc) => ({ kind: 'scorecard' as const, doc })), (i, pdf) => writeAtomic(files[i]!, pdf)),
    batch ? renderScorecards(cards).then((pdf) => writeAtomic(batch, pdf)) : Promise.resolve(),
  ]);
  return { files, ...(batch ? { batch } : {}) };
}
