// node scripts/render-examples.ts — writes the example notice and scorecard to templates/examples/,
// and PNGs of their first pages when pdftoppm (poppler-utils) is installed, for reviewing the layout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleNotice, sampleScorecard } from '../engine/render/fixtures.ts';
import { renderNotice, renderScorecard } from '../engine/render/pdf.ts';

const OUT = join(import.meta.dirname, '..', 'templates', 'examples');
mkdirSync(OUT, { recursive: true });

const hasPdftoppm = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;

for (const [name, buf] of [
  ['notice-example', await renderNotice(sampleNotice())],
  ['scorecard-example', await renderScorecard(sampleScorecard())],
] as const) {
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, buf);
  console.log(`${pdf} (${(buf.length / 1024).toFixed(1)} KiB)`);
  if (hasPdftoppm) {
    // -singlefile writes <prefix>.png; prefix "<name>-1" gives notice-example-1.png.
    const r = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, `${name}-1`)], { stdio: 'inherit' });
    if (r.status === 0) console.log(join(OUT, `${name}-1.png`));
  }
}
if (!hasPdftoppm) console.log('pdftoppm not found: PNG previews skipped (install poppler-utils).');
