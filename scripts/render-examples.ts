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

// A voided notice, a dry-run draft with a 宜 advisory, and a provisional scorecard (issue 10 §2–§3).
const notice = sampleNotice();
const voided = { ...notice, voided: { at: '2026-05-09T10:00:00+08:00', by: '质量监督科', reason: '工单导入时到场时间与完工时间列错位，超时系误判' } };
const advice = { ...notice.problems[3]!, seq: 1, evidence: [], action: '宜参照条款改进；本项为推荐性要求（宜），不列入整改期限，不扣分。' };
const draft = { ...notice, number: '草稿 1（未编号）', draft: true, advisories: [advice] };
const card = sampleScorecard();
const weights = [57.1, 0, 0, 0, 28.6, 14.3];
const categories = card.categories.map((c, i) => (weights[i] ? { ...c, base_weight: c.weight, weight: weights[i]!, cap: Math.round(((c.cap * weights[i]!) / c.weight) * 10) / 10, score: Math.round((weights[i]! - c.deducted) * 10) / 10 } : { ...c, applicable: false, base_weight: c.weight, weight: 0, cap: 0, deducted: 0, score: 0, items: [] }));
const provisional = {
  ...card,
  categories,
  supervisor_score: Math.round(categories.reduce((a, c) => a + c.score, 0) * 10) / 10,
  title: `${card.title}（草稿·待补数据）`,
  weighted: { supervisor: Math.round(categories.reduce((a, c) => a + c.score, 0) * 0.8 * 10) / 10, users: 18.3 },
  coverage: { verdict: 15, applicable: 99, no_data: 12, ratio: 15 / 99, floor: 0.6 },
  // A draft's own month is marked on its trend, not plotted.
  trend: card.trend.map((t) => (t.period === card.period ? { period: t.period, total: null, provisional: true } : t)),
  provisional: { code: 'low-coverage' as const, reason: '评价覆盖 15/99 项（15%），低于评分表规定的 60%（其中无数据 12 项），暂不评定等级。' },
  advisories: [{ requirement: '5.1.2.7-2-a', ref: '第5.1.2.7条第2项a)', text: '主配电室宜有专人24小时值守', problem: '值班记录 30\u00a0天中 2\u00a0天无人值守；如：东校区主配电室 4月12日 夜间无值守记录（共 2\u00a0处）', scope: '东校区主配电室', deduction: 0 }],
};

for (const [name, buf] of [
  ['notice-example', await renderNotice(notice)],
  ['scorecard-example', await renderScorecard(card)],
  ['notice-voided-example', await renderNotice(voided)],
  ['notice-draft-example', await renderNotice(draft)],
  ['scorecard-provisional-example', await renderScorecard(provisional)],
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
