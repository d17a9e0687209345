// A zip-bomb check run before ExcelJS reads a workbook. ExcelJS inflates each sheet as it goes, and a
// sheet that comes before the shared strings (Excel's usual order) is inflated whole into a temporary
// file; the shared strings are cached in memory. So a 293 KB workbook whose XML inflates to 300 MB would
// cost 300 MB of disk and memory before a row is seen. This pass inflates the same entries the same way
// (unzipper, reading local headers in order, as ExcelJS does) but only counts the bytes, stopping as soon
// as a limit is passed: the declared sizes in the zip are not trusted.
import { createReadStream, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Limits } from './limits.ts';

const require = createRequire(import.meta.url);
const fromExcel = createRequire(require.resolve('exceljs/lib/stream/xlsx/workbook-reader.js'));
const unzip = fromExcel('unzipper') as { Parse: (o: { forceStream: boolean }) => NodeJS.ReadWriteStream };

export interface ZipVerdict {
  /** Which limit was passed, with the numbers for the message. */
  code: 'CH333';
  args: Record<string, string | number>;
}

/** Undefined when the workbook stays within the limits; throws the reader's error for a broken zip. */
export async function checkXlsxExpansion(file: string, lim: Limits): Promise<ZipVerdict | undefined> {
  const size = statSync(file).size;
  const ratioCap = Math.max(lim.xlsxGraceBytes, size * lim.xlsxRatio);
  let total = 0;
  const source = createReadStream(file);
  const zip = unzip.Parse({ forceStream: true });
  source.on('error', (e) => zip.emit('error', e));
  source.pipe(zip);
  try {
    for await (const e of zip as AsyncIterable<NodeJS.ReadableStream & { path: string; type: string; autodrain(): void }>) {
      const entry = e;
      let own = 0;
      const strings = entry.path === 'xl/sharedStrings.xml';
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        own += chunk.length;
        total += chunk.length;
        const over =
          strings && own > lim.xlsxSharedStringsBytes
            ? { part: entry.path, limit: lim.xlsxSharedStringsBytes }
            : total > lim.xlsxInflatedBytes
              ? { part: entry.path, limit: lim.xlsxInflatedBytes }
              : total > ratioCap
                ? { part: entry.path, limit: ratioCap }
                : undefined;
        if (over) {
          source.destroy();
          return { code: 'CH333', args: { part: over.part, limit: over.limit, size, ratio: lim.xlsxRatio } };
        }
      }
    }
  } finally {
    source.destroy();
  }
  return undefined;
}
