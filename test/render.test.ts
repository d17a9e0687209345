// PDF rendering: every field reaches the paper (checked on the text pdfjs extracts, which also proves the
// ToUnicode maps), nothing is drawn outside the margins, output is byte-for-byte repeatable, fonts are
// embedded as subsets, and batches number their pages per document.
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { noticeBatch, sampleNotice, sampleScorecard } from '../engine/render/fixtures.ts';
import { formatDate, formatPeriod, renderNotice, renderNotices, renderScorecard, renderScorecards, shorten } from '../engine/render/pdf.ts';
import type { NoticeDoc, ScorecardDoc } from '../engine/render/types.ts';

const PAGE_W = 595.28;
const MARGIN = 56.69;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
}
interface Extracted {
  pages: Item[][];
  /** Each page's text with all whitespace removed (pdfjs spaces and splits CJK runs freely). */
  text: string[];
  all: string;
}

const norm = (s: string): string => s.replace(/\s+/g, '');

async function extract(buf: Buffer): Promise<Extracted> {
  const task = getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true });
  const pdf = await task.promise;
  const pages: Item[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const tc = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      tc.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width }] : [])),
    );
  }
  await task.destroy();
  const text = pages.map((p) => norm(p.map((i) => i.str).join('')));
  return { pages, text, all: text.join('') };
}

const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

/** Text items outside the printable area: left/right margins anywhere, or below the bottom margin
 *  unless they are the footer (provenance line and page number). */
function outside(ex: Extracted): string[] {
  const bad: string[] = [];
  ex.pages.forEach((items, p) => {
    for (const it of items) {
      if (it.x < MARGIN - 0.5 || it.x + it.width > PAGE_W - MARGIN + 0.5) bad.push(`p${p + 1} x: ${it.str}`);
      if (it.y < MARGIN && !/^(依据|日历|数据|第 \d+ 页|Charter|·|\s)/.test(it.str) && !/SHA-256|nantong|Charter|chinese-days/.test(it.str)) bad.push(`p${p + 1} y=${it.y.toFixed(1)}: ${it.str}`);
    }
  });
  return bad;
}

/** Check that each document's pages read 第 1 页 共 n 页 … 第 n 页 共 n 页; returns the per-document page counts. */
function numbering(ex: Extracted): number[] {
  const counts: number[] = [];
  let expectK = 1;
  for (const t of ex.text) {
    const m = /第(\d+)页共(\d+)页/.exec(t);
    expect(m, `page number on every page`).not.toBeNull();
    const [k, n] = [Number(m![1]), Number(m![2])];
    expect(k).toBe(expectK);
    if (k === n) {
      counts.push(n);
      expectK = 1;
    } else expectK++;
  }
  expect(expectK).toBe(1);
  return counts;
}

describe('notice', () => {
  const doc = sampleNotice();
  let buf: Buffer;
  let ex: Extracted;
  beforeAll(async () => {
    buf = await renderNotice(doc);
    ex = await extract(buf);
  });

  it('is a PDF of A4 pages spanning more than one page for 12 problems', async () => {
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(ex.pages.length).toBeGreaterThanOrEqual(2);
    const task = getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true });
    const view = (await (await task.promise).getPage(1)).view;
    expect(view[2]).toBeCloseTo(595.28, 1);
    expect(view[3]).toBeCloseTo(841.89, 1);
    await task.destroy();
  });

  it('carries the header fields', () => {
    const p1 = ex.text[0]!;
    for (const s of [doc.office, '问题整改通知单', doc.number, doc.provider.name, doc.inspection_type, '2026年4月', '2026年5月6日', '被检查单位', '检查类型', '检查期间', '签发日期', '扫码查看条款']) {
      expect(p1).toContain(norm(s));
    }
    expect(p1).toContain(norm(doc.demand));
  });

  it('lists every problem with its clause reference, clause text, evidence and total', () => {
    for (const p of doc.problems) {
      // The reference in official style (第4.3条第1项); the id is for machines only (issue 13 §1).
      expect(ex.all).toContain(norm(p.ref!));
      expect(ex.all).not.toContain(`条款${p.requirement}`);
      expect(ex.all).toContain(norm(p.clause_text.slice(0, 14)));
      expect(ex.all).toContain(norm(p.description));
      expect(ex.all).toContain(norm(p.action));
      const total = p.evidence.length < p.evidence_total ? `共${p.evidence_total}条，列出前${p.evidence.length}条` : `共${p.evidence_total}条`;
      expect(ex.all).toContain(`核查记录：${total}`);
      for (const e of p.evidence) {
        if (e.record) expect(ex.all).toContain(e.record);
        if (e.text) expect(ex.all).toContain(norm(e.text));
        if (e.actual) expect(ex.all).toContain(norm(`实际 ${e.actual}`));
        if (e.required) expect(ex.all).toContain(norm(`要求 ${e.required}`));
      }
    }
    expect(ex.all).toContain('第4.3条第1项“日常维修：工作时间接到报修1h内到达维修现场');
  });

  it('repeats the problems header row on every page the table spans', () => {
    const header = '序号地点问题描述依据条款整改要求';
    const pages = ex.text.filter((t) => t.includes(header)).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(count(ex.all, header)).toBe(pages);
  });

  it('carries deadline, re-check, objection, issuer, receipt and reply sections', () => {
    for (const s of ['2026年5月13日前', norm(doc.deadline.rule), norm(doc.recheck), norm(doc.objection.text), '异议受理截止：2026年5月13日', norm(doc.issuer.name), norm(doc.issuer.contact!)]) {
      expect(ex.all).toContain(s);
    }
    for (const s of ['签发人', '签发单位', '签收', '签收人', '签收日期', '整改情况反馈', '整改措施', '完成日期', '责任人', '复查结果', '复查人', '复查日期']) {
      expect(ex.all).toContain(s);
    }
  });

  it('prints provenance and page numbers in the footer of every page', () => {
    const n = ex.pages.length;
    ex.text.forEach((t, i) => {
      expect(t).toContain(`第${i + 1}页共${n}页`);
      expect(t).toContain(`数据SHA-256：${doc.provenance.data_sha256.slice(0, 16)}…`);
      expect(t).toContain(norm(doc.provenance.standard));
      expect(t).toContain(norm(doc.provenance.calendar));
      expect(t).toContain(doc.provenance.engine.replace(/\s/g, ''));
    });
    // The full hash is not printed, only its prefix.
    expect(ex.all).not.toContain(doc.provenance.data_sha256);
  });

  it('draws nothing outside the margins', () => {
    expect(outside(ex)).toEqual([]);
  });

  it('draws the QR code as vector rectangles, not an image', () => {
    expect(buf.includes('/Subtype /Image')).toBe(false);
  });
});

describe('determinism and fonts', () => {
  it('renders identical bytes for the same input, whatever was rendered in between', async () => {
    const a = await renderNotice(sampleNotice());
    await renderNotices(noticeBatch(3));
    await renderScorecard(sampleScorecard());
    const b = await renderNotice(sampleNotice());
    expect(a.equals(b)).toBe(true);
    const s1 = await renderScorecard(sampleScorecard());
    const s2 = await renderScorecard(sampleScorecard());
    expect(s1.equals(s2)).toBe(true);
  });

  it('takes the info dates and trailer /ID from the document, not the clock', async () => {
    const buf = await renderNotice(sampleNotice());
    const s = buf.toString('latin1');
    expect(s).toContain('(D:20260506013000Z)'); // 2026-05-06T09:30:00+08:00
    expect(s).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
    const other = await renderNotice({ ...sampleNotice(), number: '后勤督〔2026〕第002号' });
    const id = (b: Buffer): string => /\/ID \[<([0-9a-f]{32})>/.exec(b.toString('latin1'))![1]!;
    expect(id(other)).not.toBe(id(buf));
  });

  it('embeds subset TrueType fonts, each far smaller than the 10–15 MB source', async () => {
    for (const buf of [await renderNotice(sampleNotice()), await renderScorecard(sampleScorecard())]) {
      const s = buf.toString('latin1');
      expect(s).toContain('/FontFile2');
      expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
      expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
      expect(s).toContain('/ToUnicode');
      const refs = [...s.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) {
        const m = new RegExp(`\\n${r} 0 obj\\n<<([^]*?)>>\\nstream\\n`).exec(s);
        expect(m).not.toBeNull();
        const len = Number(/\/Length (\d+)/.exec(m![1]!)![1]);
        const start = m!.index + m![0].length;
        const font = inflateSync(buf.subarray(start, start + len));
        expect(font.length).toBeLessThan(2 * 1024 * 1024);
      }
      expect(buf.length).toBeLessThan(2 * 1024 * 1024);
    }
  });
});

describe('batches', () => {
  it('renders 50 notices, each starting on a new page and numbered on its own', async () => {
    const docs = noticeBatch(50);
    const buf = await renderNotices(docs);
    const ex = await extract(buf);
    const counts = numbering(ex);
    expect(counts.length).toBe(50);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ex.pages.length);
    // Each notice's first page carries its own number and provider.
    let page = 0;
    docs.forEach((d, i) => {
      expect(ex.text[page]).toContain(norm(d.number));
      expect(ex.text[page]).toContain(norm(d.provider.name));
      page += counts[i]!;
    });
    // The same notice alone has as many pages as inside the batch.
    const single = await extract(await renderNotice(docs[9]!));
    expect(single.pages.length).toBe(counts[9]);
  });

  it('renders several scorecards in one PDF, numbered per scorecard', async () => {
    const a = sampleScorecard();
    const b: ScorecardDoc = { ...sampleScorecard(), provider: { id: 'xinyuan-service', name: '信源后勤服务有限公司' }, title: '信源后勤服务有限公司 2026年4月 物业服务月度考核评分表' };
    const ex = await extract(await renderScorecards([a, b]));
    const counts = numbering(ex);
    expect(counts.length).toBe(2);
    expect(ex.text[counts[0]!]).toContain(norm(b.title));
  });

  it('rejects an empty batch', async () => {
    await expect(renderNotices([])).rejects.toThrow(RangeError);
    await expect(renderScorecards([])).rejects.toThrow(RangeError);
  });
});

describe('long content', () => {
  it('continues a cell taller than a page on the next page without crossing the margins', async () => {
    const doc: NoticeDoc = sampleNotice();
    const long = Array.from({ length: 80 }, (_, i) => `第${i + 1}处：楼道照明灯具损坏未在规定时限内修复，现场无警示标识。`).join('');
    doc.problems = [{ ...doc.problems[0]!, description: long }, ...doc.problems.slice(1, 3)];
    const ex = await extract(await renderNotice(doc));
    // The row's other cells and the page furniture interleave with it, so drop the furniture and check
    // its parts in order.
    const body = ex.text.map((t) => t.replace(/第\d+页共\d+页依据：.*$/, '').replace(/^问题整改通知单·.*（续）/, '').replace('序号地点问题描述依据条款整改要求', '')).join('');
    let at = 0;
    for (let i = 1; i <= 80; i++) {
      const next = body.indexOf(`第${i}处：`, at);
      expect(next, `第${i}处`).toBeGreaterThan(at - 1);
      at = next;
    }
    expect(ex.all).toContain('第80处：楼道照明灯具损坏未在规定时限内修复，现场无警示标识。');
    expect(numbering(ex)[0]).toBeGreaterThanOrEqual(4);
    // The header row repeats on every page the split row continues to.
    expect(ex.text.filter((t) => t.includes('序号地点问题描述依据条款整改要求')).length).toBeGreaterThanOrEqual(4);
    expect(outside(ex)).toEqual([]);
  });

  it('wraps a long unbroken reference inside its cell', async () => {
    const doc: NoticeDoc = sampleNotice();
    // A plan's own numbering printed as the reference (the id itself is no longer printed).
    const id = 'a-very-long-plan-numbering-without-any-break-opportunity-0123456789-0123456789';
    doc.problems = [{ ...doc.problems[0]!, ref: id }];
    const ex = await extract(await renderNotice(doc));
    expect(ex.all).toContain(id);
    expect(outside(ex)).toEqual([]);
  });
});

describe('scorecard', () => {
  const doc = sampleScorecard();
  let buf: Buffer;
  let ex: Extracted;
  beforeAll(async () => {
    buf = await renderScorecard(doc);
    ex = await extract(buf);
  });

  it('carries title and header fields', () => {
    const p1 = ex.text[0]!;
    // The plan by its title, never its id (issue 13 §4).
    for (const s of [doc.office, doc.title, doc.provider.name, '2026年4月', doc.profile_title!, '2026年5月6日', '被考核单位', '考核期间', '适用方案', '生成日期', `${doc.checked}项次`, `${doc.failed}项次`]) {
      expect(p1).toContain(norm(s));
    }
    expect(ex.all).not.toContain(doc.profile);
  });

  it('lists every category with weight, deduction rule, deduction and score', () => {
    expect(ex.all).toContain('考核项目权重(分)扣分标准扣分得分');
    for (const c of doc.categories) {
      expect(ex.all).toContain(norm(`${c.name.zh}${c.weight}每项扣 ${c.per_finding} 分，最多扣 ${c.cap} 分${c.deducted}${c.score}`));
    }
    expect(ex.all).toContain(`合计（监督考核得分）100${doc.categories.reduce((a, c) => a + c.deducted, 0)}${doc.supervisor_score}`);
  });

  it('lists the deduction details with the clause in official style, the actual miss, the place, points and notice number', () => {
    for (const c of doc.categories) {
      for (const it of c.items) {
        expect(ex.all).toContain(norm(it.ref!));
        // The miss (measured value, limit, case), not the clause's opening words.
        expect(ex.all).toContain(norm(it.problem!));
        expect(ex.all).not.toContain(norm(shorten(it.text, 34)).replace(/…$/, ''));
        expect(ex.all).toContain(norm(it.scope));
      }
    }
    expect(count(ex.all, '后勤督〔2026〕第001号')).toBe(doc.categories.flatMap((c) => c.items).filter((i) => i.notice).length);
  });

  it('shows the veto items, the blend, the totals and the grade bands', () => {
    expect(ex.all).toContain('一票否决项');
    expect(ex.all).toContain(norm(`${doc.veto[0]!.ref}${doc.veto[0]!.text}未触发`));
    // The weighted parts as written by hand, one decimal each, summed to the total.
    for (const s of ['77×80%=61.6', '91.7×20%=18.3', '有效问卷120份，满意110份', '61.6+18.3=79.9', '合格', '综合得分=监督考核得分×80%+服务对象满意度得分×20%（两项各保留一位小数后相加）', '优秀≥90分；良好≥80分；合格≥70分；不合格<70分']) {
      expect(ex.all).toContain(s);
    }
  });

  it('draws the trend chart with period labels and values, marking empty and draft months', () => {
    for (const t of doc.trend) {
      expect(ex.all).toContain(formatPeriod(t.period));
      if (t.total !== null) expect(ex.all).toContain(t.total.toFixed(1));
    }
    expect(ex.all).toContain('无评价');
    expect(ex.all).toContain('草稿·待补数据');
    // The axis fits the data (79.9–88.1): 78 to 90, so both grade lines within it are drawn and 合格 70 is not.
    expect(ex.all).toContain('优秀90');
    expect(ex.all).toContain('良好80');
    expect(ex.all).not.toContain('合格70');
  });

  it('has signature blocks, footer and page numbers, and prints no English names', () => {
    for (const s of doc.signatures) expect(ex.all).toContain(`${s}：`);
    expect(count(ex.all, '日期：')).toBeGreaterThanOrEqual(doc.signatures.length);
    numbering(ex);
    for (const t of ex.text) expect(t).toContain(doc.provenance.data_sha256.slice(0, 16));
    for (const c of doc.categories) expect(ex.all).not.toContain(norm(c.name.en!));
    for (const g of doc.grades) expect(ex.all).not.toContain(g.name.en!);
    expect(outside(ex)).toEqual([]);
  });

  it('says 无调查数据 without a survey and marks a triggered veto', async () => {
    const d: ScorecardDoc = {
      ...sampleScorecard(),
      users_score: null,
      users_detail: null,
      vetoed: true,
      veto: [{ ...sampleScorecard().veto[0]!, failed: true, notice: '后勤督〔2026〕第009号' }],
      grade: { code: 'fail', name: { zh: '不合格', en: 'Fail' } },
    };
    const ex2 = await extract(await renderScorecard(d));
    for (const s of ['无调查数据', '本期无满意度调查数据，监督考核得分即综合得分', '一票否决项（本期已触发）', '已触发', '后勤督〔2026〕第009号', '不合格', '（一票否决）']) {
      expect(ex2.all).toContain(s);
    }
  });
});

describe('formatting', () => {
  it('formats dates and periods the Chinese way without time-zone shifts', () => {
    expect(formatDate('2026-05-06T23:30:00+08:00')).toBe('2026年5月6日');
    expect(formatDate('2026-10-01')).toBe('2026年10月1日');
    expect(formatPeriod('2026-04')).toBe('2026年4月');
  });

  it('shortens long clause text at a punctuation mark', () => {
    expect(shorten('短文本')).toBe('短文本');
    const s = shorten('中央空调、多联机空调在运行期间，应对空调系统每日2次巡检，查看设备运行状态；每周对冷却系统进行清理', 34);
    expect(s.endsWith('…')).toBe(true);
    expect([...s].length).toBeLessThanOrEqual(35);
  });
});
