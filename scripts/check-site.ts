// npm run check-site [-- --lang en] [--json] [DIR]: the public edition checked as readers meet it
// (engine/site/check.ts): machine tokens, Traditional characters outside lang="zh-Hant" originals,
// untappable phone numbers on the home and emergency pages, meta descriptions, robots.txt, favicon.ico
// and the sitemap. DIR defaults to site/dist/ (npm start's public build). Exit 1 when a figure fails.
import { existsSync } from 'node:fs';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { say, SITE_CHECK } from '../engine/model/labels.ts';
import { checkSite } from '../engine/site/check.ts';
import { treeIds } from '../engine/validate/names.ts';

const args = process.argv.slice(2);
const lang = args.includes('--lang') && args[args.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const json = args.includes('--json');
const dir = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang')[0] ?? 'site/dist';
const w = (k: string): string => say(SITE_CHECK, k, lang);
if (!existsSync(dir)) {
  console.error(`${w('noSite')} ${dir}\n${w('noSiteHint')}`);
  process.exit(1);
}
const r = checkSite(dir, { ids: treeIds(loadTree(findYamlFiles(['standards']))) });
if (json) {
  console.log(JSON.stringify(r, null, 1));
  process.exit(r.ok ? 0 : 1);
}
const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;
console.log(`${w('title')}：${dir}（${r.pages} ${w('pages')}）`.replace('：', lang === 'zh' ? '：' : ': ').replace('（', lang === 'zh' ? '（' : ' (').replace('）', lang === 'zh' ? '）' : ')'));
console.log(`  ${w('tokens')}: ${r.tokens}`);
console.log(`  ${w('traditional')}: ${r.traditional}`);
console.log(`  ${w('phones')}: ${r.phones}`);
console.log(`  ${w('descriptions')}: ${pct(r.descriptions)}`);
console.log(`  ${w('files')}: ${Object.entries(r.files).map(([k, v]) => `${k === 'robots' ? 'robots.txt' : k === 'favicon' ? 'favicon.ico' : 'sitemap'} ${w(v ? 'present' : 'missing')}`).join(', ')}`);
if (r.ok) {
  console.log(w('ok'));
  process.exit(0);
}
console.log(w('notOk'));
for (const kind of ['token', 'traditional', 'phone', 'description', 'file'] as const) {
  const ps = r.problems.filter((p) => p.kind === kind);
  for (const p of ps.slice(0, 20)) console.log(`  [${kind === 'traditional' ? w('traditional').split(/[（(]/)[0] : w(kind)}] ${p.file}${p.token ? `  ${p.token}` : ''}${p.context ? `  — ${p.context}` : ''}`);
  if (ps.length > 20) console.log(`  … +${ps.length - 20}`);
}
process.exit(1);
