// Scorecards in the reader's words (issue 13 §4): the sample's cards and `charter scorecard`'s output
// carry no codes where words exist (zh and en); each deduction names the miss (measured value, limit,
// case); the weighted arithmetic adds up to one decimal; the signatures share a page with the scores
// however long the details run; the trend's axis follows the data; a card is never dated before its
// month ends.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Pledge } from '../engine/evaluate/evaluate.ts';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { findLeaks, leakReport } from '../engine/model/word-check.ts';
import { sampleScorecard } from '../engine/render/fixtures.ts';
import { renderScorecard, trendAxis } from '../engine/render/pdf.ts';
import type { ScorecardDoc, ScoreItem } from '../engine/render/types.ts';
import { blendScores } from '../engine/scorecard/score.ts';
import { missWords, placeWords } from '../engine/scorecard/words.ts';
import { openStore } from '../engine/store/store.ts';
import { namesOf, treeIds } from '../engine/validate/names.ts';
import { charter, ROOT, submitSample } from './helpers.ts';

const tree = loadTree(findYamlFiles([join(ROOT, 'standards')]));
const ids = treeIds(tree);
const names = namesOf(tree);
let dir: string;
let db: string;
const out: Record<'zh' | 'en', string> = { zh: '', en: '' };
let json: { scorecards: { provider: string; categories: { items: ScoreItem[] }[] }[] };

/** Each page's text, lines kept (as `npm run check-words` reads a PDF). */
async function pages(buf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true });
  const doc = await task.promise;
  const res: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    res.push((c.items as { str?: string; hasEOL?: boolean }[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join(''));
  }
  await task.destroy();
  return res;
}
const flat = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-card-words-'));
  db = join(dir, 'db.sqlite');
  const store = openStore(db);
  for (const status of await submitSample(tree, store, dir)) expect(status).toBe('stored');
  store.close();
  // May has failures of every kind in the sample (time limits, rates, frequencies, documents, inspections).
  for (const lang of ['zh', 'en'] as const) {
    const r = charter(['scorecard', '--period', '2026-05', '--at', '2026-06-05T09:00', '--db', db, '--out', join(dir, lang), '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    out[lang] = r.stdout;
  }
  const r = charter(['scorecard', '--period', '2026-05', '--at', '2026-06-05T09:00', '--db', db, '--out', join(dir, 'json'), '--json']);
  json = JSON.parse(r.stdout) as typeof json;
}, 240_000);

describe('scorecards in words', () => {
  it('the sample scorecards and charter scorecard print no codes where words exist (zh and en)', async () => {
    const files = readdirSync(join(dir, 'zh')).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const text = (await pages(new Uint8Array(readFileSync(join(dir, 'zh', f))))).join('\n');
      for (const lang of ['zh', 'en'] as const) {
        const leaks = findLeaks(text, lang, { ids });
        expect(leaks, `${f} (${lang})\n${leakReport(leaks)}`).toEqual([]);
      }
    }
    for (const lang of ['zh', 'en'] as const) {
      const leaks = findLeaks(out[lang], lang, { ids });
      expect(leaks, leakReport(leaks)).toEqual([]);
      // Providers by name, never by id.
      expect(out[lang]).toContain('华宇物业服务有限公司');
    }
  });

  it('each deduction names the clause officially, the miss and the place — on paper as in --json', async () => {
    const items = json.scorecards.flatMap((s) => s.categories.flatMap((c) => c.items));
    expect(items.length).toBeGreaterThan(5);
    for (const it of items) {
      expect(it.ref).toBe(names.requirement(it.requirement, 'zh'));
      expect(it.ref).not.toContain(it.requirement.includes(':') ? it.requirement : '\u0000');
      // Not the clause's opening words: a measured value with what was required.
      expect(it.problem).toBeTruthy();
      expect(it.problem!.startsWith(it.text.slice(0, 8))).toBe(false);
      expect(it.problem).toMatch(/要求|时限|应|不合格|未做|低于/);
      expect(it.scope).not.toMatch(/有限公司$/);
    }
    const huayu = json.scorecards.find((s) => s.provider === 'huayu-property')!;
    const text = flat((await pages(new Uint8Array(readFileSync(join(dir, 'json', 'scorecard-2026-05-huayu-property.pdf'))))).join(''));
    for (const it of huayu.categories.flatMap((c) => c.items)) {
      expect(text).toContain(flat(it.ref!));
      expect(text).toContain(flat(it.problem!));
    }
  });

  it('a deduction contains the measured value and the limit', () => {
    const base = { obligation: 'shall', text: '日常维修：工作时间接到报修1h内到达维修现场…', provider: 'huayu-property', profile: 'contract-example-property', period: '2026-04', status: 'failed' } as const;
    const late: Finding = { ...base, requirement: '4.3-1', type: 'timeliness', scope: { kind: 'provider', id: 'huayu-property' }, measured: '0/1', required: '≤PT10M', evidence: [{ record: 'WO-2026-000542', outcome: 'missed', actual: '25 min', required: 'PT10M' }], evidence_total: 1 };
    const pledge: Pledge = { requirement: '4.3-1', limit: 'elevator-accident', label: { zh: '电梯事故到达现场', en: 'Elevator accident: on site' }, provider: 'huayu-property', period: '2026-04', limit_value: 'PT10M', n: 3, met: 2, missed: 1, open_breached: 0, open_pending: 0, invalid: 0, excluded: 0, excluded_by_reason: {}, rate: 2 / 3, target: null };
    const w = flat(missWords(late, { pledges: [pledge], names, lang: 'zh' }));
    for (const s of ['电梯事故到达现场', '时限10分钟', '3件中1件未按时', 'WO-2026-000542用时25分钟']) expect(w).toContain(s);
    const rate: Finding = { ...base, requirement: '5.1.2.6-2', type: 'rate', text: '保持路灯、景观灯、草坪灯照明完好，完好率达95%以上。', scope: { kind: 'campus', id: 'main' }, measured: 83.89, required: 'at-least 95%', unit: 'percent', evidence: [{ unit: 'main', outcome: 'below', actual: 83.89, required: 95 }], evidence_total: 1 };
    expect(flat(missWords(rate, { pledges: [], names, lang: 'zh' }))).toBe('实测83.9%（要求≥95%）');
    expect(placeWords(rate, names, 'zh')).toBe(names.campus('main', 'zh'));
    expect(placeWords(late, names, 'zh')).toBe('全校');
    expect(findLeaks(missWords(late, { pledges: [pledge], names, lang: 'en' }), 'en', { ids })).toEqual([]);
  });

  it('shows the weighted arithmetic correct to one decimal, the parts adding up to the total', () => {
    expect(blendScores(90, 80, { supervisor: 80, users: 20 })).toEqual({ supervisor: 72, users: 16, total: 88 });
    expect(blendScores(89, 92.2, { supervisor: 80, users: 20 })).toEqual({ supervisor: 71.2, users: 18.4, total: 89.6 });
    // 81.3 × 80 % = 65.04 → 65.0 and 93.4 × 20 % = 18.68 → 18.7: the printed 65.0 + 18.7 = 83.7 is the total.
    expect(blendScores(81.3, 93.4, { supervisor: 80, users: 20 })).toEqual({ supervisor: 65, users: 18.7, total: 83.7 });
    expect(blendScores(94, null, { supervisor: 80, users: 20 })).toEqual({ supervisor: 94, users: null, total: 94 });
  });

  it('prints 90 × 80 % = 72.0 and the sum on the card', async () => {
    const d: ScorecardDoc = { ...sampleScorecard(), supervisor_score: 90, users_score: 80, weighted: { supervisor: 72, users: 16 }, total: 88 };
    const text = flat((await pages(await renderScorecard(d))).join(''));
    for (const s of ['90×80%=72.0', '80×20%=16.0', '72.0+16.0=88.0']) expect(text).toContain(s);
  });

  it('keeps the signatures on a page with the scores however long the details run', async () => {
    const card = sampleScorecard();
    const many: ScoreItem[] = Array.from({ length: 45 }, (_, i) => ({ ...card.categories[0]!.items[0]!, problem: `${card.categories[0]!.items[0]!.problem}（第 ${i + 1} 例）` }));
    for (const extra of [0, 6, 12, 18, 24, 30, 36, 45]) {
      const d: ScorecardDoc = { ...card, categories: [{ ...card.categories[0]!, items: many.slice(0, extra) }, ...card.categories.slice(1)] };
      const ps = (await pages(await renderScorecard(d))).map(flat);
      if (extra === 45) expect(ps.length).toBeGreaterThanOrEqual(3);
      const signed = ps.filter((p) => p.includes('考核人：'));
      expect(signed.length, `${extra} extra items`).toBe(1);
      for (const s of ['四、综合得分', '综合得分', '考核等级', '服务单位负责人：', '后勤管理处负责人：']) expect(signed[0], `${extra}: ${s}`).toContain(s);
    }
  });

  it('fits the trend axis to the data', () => {
    expect(trendAxis([])).toEqual({ min: 0, max: 100, step: 20 });
    for (const values of [[79.9, 88.1, 84.2], [91, 92.1, 89.6, 83.5], [98.5, 100, 99], [35, 62, 71], [12]]) {
      const a = trendAxis(values);
      expect(a.min).toBeLessThanOrEqual(Math.min(...values));
      expect(a.max).toBeGreaterThanOrEqual(Math.max(...values));
      expect(a.min).toBeGreaterThanOrEqual(0);
      expect(a.max).toBeLessThanOrEqual(100);
      expect((a.max - a.min) / a.step).toBeGreaterThanOrEqual(4);
      // Close to the data: no more than the spread plus a few steps.
      expect(a.max - a.min).toBeLessThanOrEqual(Math.max(Math.max(...values) - Math.min(...values), 8) + 4 * a.step);
    }
    expect(trendAxis([79.9, 88.1]).min).toBeGreaterThan(0);
  });

  it('marks a draft month as such on the trend, and a month without verdicts as 无评价', async () => {
    const d: ScorecardDoc = { ...sampleScorecard(), trend: [{ period: '2026-03', total: null, provisional: true }, { period: '2026-04', total: 79.9 }, { period: '2026-02', total: null }] };
    const text = flat((await pages(await renderScorecard(d))).join(''));
    expect(text).toContain('2026年3月草稿·待补数据');
    expect(text).toContain('无评价');
  });

  it('is never dated before its month ends: --at before the end is refused in words, the first instant after it is accepted', () => {
    const early = charter(['scorecard', '--period', '2026-04', '--at', '2026-04-30T23:59', '--db', db, '--out', join(dir, 'early')]);
    expect(early.code).toBe(2);
    expect(early.stderr + early.stdout).toContain('CH522');
    expect(early.stderr + early.stdout).toContain('评分表日期 2026年4月30日 23:59 早于考核月份 2026年4月 的结束');
    expect(findLeaks(early.stderr + early.stdout, 'zh', { ids })).toEqual([]);
    const onTime = charter(['scorecard', '--period', '2026-04', '--provider', 'jiale-catering', '--at', '2026-05-01T00:00', '--db', db, '--out', join(dir, 'on-time'), '--json']);
    expect(onTime.code, onTime.stderr).toBe(0);
  });
});
