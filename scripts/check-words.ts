// npm run check-words [-- --lang en] [files or folders…]: counts the codes that reach text people read
// (engine/model/word-check.ts) in terminal transcripts (.log/.txt) and PDFs (their extracted text).
// Without arguments it reads npm start's transcript (out/start.log) and every PDF under out/notices and
// out/scorecards. Exit 1 when any code is found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { findLeaks, leakReport, type Leak } from '../engine/model/word-check.ts';
import { treeIds } from '../engine/validate/names.ts';

const args = process.argv.slice(2);
const lang = args.includes('--lang') && args[args.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const paths = args.filter((a, i) => a !== '--lang' && args[i - 1] !== '--lang');
const targets = paths.length ? paths : [lang === 'en' ? 'out/start.en.log' : 'out/start.log', 'out/notices', 'out/scorecards'];
const tree = loadTree(findYamlFiles(['standards']));
const ids = treeIds(tree);

async function pdfText(file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, disableFontFace: true }).promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    let cur = '';
    for (const it of c.items as { str: string; hasEOL?: boolean }[]) {
      cur += it.str;
      if (it.hasEOL) (lines.push(cur), (cur = ''));
    }
    if (cur) lines.push(cur);
  }
  return lines.join('\n');
}

function files(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isDirectory()) return readdirSync(p).flatMap((f) => files(join(p, f)));
  return /\.(pdf|log|txt)$/.test(p) ? [p] : [];
}

let all: Leak[] = [];
for (const f of targets.flatMap(files)) {
  const text = f.endsWith('.pdf') ? await pdfText(f) : readFileSync(f, 'utf8');
  const leaks = findLeaks(text, lang, { ids });
  if (leaks.length) console.log(`${f}: ${leaks.length}`);
  all = all.concat(leaks);
}
console.log(leakReport(all, 60));
process.exit(all.length ? 1 : 0);
