// Importing the files providers really send (issue 13 §3): a CSV row with every cell empty is blank, not
// rejected; Excel's "Unicode text" (UTF-16 LE, tab or comma) is read; an .xls gets how to save it; a
// file-level refusal does not suggest --accept-valid; a row reports every problem it has; a column is named
// by the file's own header; and what submit prints is in the reader's words (zh and en).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../engine/data/submit.ts';
import { message } from '../engine/diagnostics.ts';
import type { Tree } from '../engine/load/tree.ts';
import { findLeaks, leakReport } from '../engine/model/word-check.ts';
import { openStore } from '../engine/store/store.ts';
import { treeIds } from '../engine/validate/names.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, FIXTURES, ROOT, submitOptions } from './helpers.ts';

const IMPORT = join(FIXTURES, 'data', 'import');
const ERRORS = join(FIXTURES, 'data', 'errors');
let tree: Tree;
beforeAll(() => {
  tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
});

async function run(file: string, extra: { mapping?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'charter-import-'));
  const store = openStore(join(dir, 'db.sqlite'));
  try {
    const mapping = extra.mapping ? tree.mappings.find((m) => m.value.id === extra.mapping)!.value : undefined;
    return await submit(submitOptions(tree, store, dir, file, 'work-orders', { acceptValid: true, ...(mapping ? { mapping } : {}) }));
  } finally {
    store.close();
  }
}

describe('import cases', () => {
  it.each([
    // file, status, rows read, stored, blank rows, encoding
    ['blank-rows.csv', 'stored', 2, 2, 2, 'utf-8'],
    ['utf16le-tab.csv', 'stored', 1, 1, 0, 'utf-16le'],
    ['utf16le-comma.csv', 'stored', 1, 1, 0, 'utf-16le'],
  ] as const)('%s → %s (%i rows, %i stored, %i blank, %s)', async (file, status, total, accepted, blank, encoding) => {
    const r = await run(join(IMPORT, file));
    expect([r.status, r.total, r.accepted, r.rejected, r.blank, r.encoding]).toEqual([status, total, accepted, 0, blank, encoding]);
  });

  it.each([
    ['CH340-legacy-xls.xls (named .csv)', 'CH340-legacy-xls.xls', 'CH340'],
    ['an XLSX workbook named .csv', 'CH341-workbook-named-as-text.csv', 'CH341'],
  ])('%s is refused as a file (%s)', async (_label, file, code) => {
    // An .xls renamed .csv is the same workbook: the bytes say so.
    const { copyFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'charter-kind-'));
    const f = join(dir, file.replace(/\.xls$/, '.csv'));
    copyFileSync(join(ERRORS, file), f);
    const r = await run(f);
    expect([r.status, r.fileProblems.map((d) => d.code)]).toEqual(['refused', [code]]);
  });

  it('a row with 3 problems gets 3 messages, each at its own column', async () => {
    const r = await run(join(IMPORT, 'three-problems.csv'));
    expect(r.problems.map((d) => [d.line, d.col, d.code]).sort()).toEqual([
      [2, 1, 'CH302'],
      [2, 4, 'CH303'],
      [2, 6, 'CH304'],
    ]);
    expect(r.rejected).toBe(1);
  });

  it('a column error names the file’s column header, never the field', async () => {
    const r = await run(join(IMPORT, 'platform-headers.csv'), { mapping: 'repair-platform-gbk-csv' });
    const texts = [...r.problems, ...r.warnings].map((d) => message(d, 'zh').message);
    expect(texts).toContain('第 2 行：“报修类别”列的值“水管”无法识别');
    expect(texts.find((t) => t.includes('CH') || /category|reported_at|arrived_at/.test(t))).toBeUndefined();
    // CH309 names the file's columns and local times.
    expect(texts).toContain('第 3 行：到场时间（4月28日 12:20）早于报修时间（4月28日 13:00），记录已保存并标记为时间异常');
    const en = [...r.warnings].map((d) => message(d, 'en').message);
    expect(en).toEqual(['Row 3: the 到场时间 (28 Apr 12:20) is before the 报修时间 (28 Apr 13:00); the record is kept and flagged']);
  });

  it('CH303 without a mapping lists the values with their meanings', async () => {
    const r = await run(join(IMPORT, 'three-problems.csv'));
    const d = r.problems.find((x) => x.code === 'CH303')!;
    expect(message(d, 'zh').hint).toContain('general（综合维修）、water（给排水）');
    expect(message(d, 'en').hint).toContain('general (general repairs), water (water and drains)');
  });

  it('an Excel serial in CH309 is read as the time it is (service-hall.xlsx)', async () => {
    const r = await run(join(ROOT, 'examples', 'sample-university', 'exports', 'service-hall.xlsx'), { mapping: 'service-hall-xlsx' });
    const w = r.warnings.find((d) => d.code === 'CH309');
    expect(w).toBeDefined();
    const text = message(w!, 'zh').message;
    expect(text).toMatch(/（\d{1,2}月\d{1,2}日 \d{2}:\d{2}）早于.*（\d{1,2}月\d{1,2}日 \d{2}:\d{2}）/);
    expect(text).not.toMatch(/\d{5}\.\d/);
  });
});

describe('the command line', () => {
  it('an .xls file: CH340 with how to save it as XLSX or CSV (exit 2)', () => {
    const r = charter(['submit', 'test/fixtures/data/errors/CH340-legacy-xls.xls', '--kind', 'work-orders', '--db', join(mkdtempSync(join(tmpdir(), 'c-')), 'db.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CH340');
    expect(r.stderr).toContain('另存为');
  });

  it.each([['zh'], ['en']])('a file-level refusal does not suggest --accept-valid (%s)', (lang) => {
    for (const file of ['test/fixtures/data/import/no-header.csv', 'test/fixtures/data/errors/CH341-workbook-named-as-text.csv']) {
      const r = charter(['submit', file, '--kind', 'work-orders', '--db', join(mkdtempSync(join(tmpdir(), 'c-')), 'db.sqlite'), '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.stdout).not.toContain('--accept-valid');
    }
  });

  it.each([['zh'], ['en']] as const)('what submit prints is in words (%s): the word check finds nothing', (lang) => {
    const dir = mkdtempSync(join(tmpdir(), 'c-'));
    const db = join(dir, 'db.sqlite');
    let text = '';
    for (const [file, extra] of [
      ['test/fixtures/data/import/blank-rows.csv', []],
      ['test/fixtures/data/import/utf16le-tab.csv', []],
      ['test/fixtures/data/import/platform-headers.csv', ['--mapping', 'repair-platform-gbk-csv', '--accept-valid']],
      ['examples/sample-university/complaints.ndjson', []],
    ] as const) {
      const r = charter(['submit', file, '--kind', file.includes('complaints') ? 'complaints' : 'work-orders', ...extra, '--db', db, '--rejects', join(dir, 'rejects'), '--now', '2026-07-10T09:00:00+08:00', '--lang', lang]);
      text += r.stdout + r.stderr;
    }
    expect(text).toContain(lang === 'zh' ? '空白行：2 行' : 'Blank rows: 2');
    expect(text).toContain(lang === 'zh' ? '（报修工单，' : '(work orders,');
    expect(leakReport(findLeaks(text, lang, { ids: treeIds(tree) }))).toBe(leakReport([]));
  });
});

describe('the word check on import messages', () => {
  it('in English a one-word scope id is the English word (building), a coined id is still counted', () => {
    const ids = new Set(['building', 'huayu-property']);
    expect(findLeaks('Row 556: "D99" in column "楼宇编号" is not a registered building', 'en', { ids })).toEqual([]);
    expect(findLeaks('Row 556: provider huayu-property', 'en', { ids }).map((l) => l.kind)).toEqual(['id']);
    expect(findLeaks('第 556 行：building', 'zh', { ids }).map((l) => l.kind)).toEqual(['id']);
  });
});
