// Issue 13 §1/§3: the terminal speaks the reader's words and fits the terminal. Tables left-align text,
// right-align numbers, use ASCII rules and stay within 120 columns (long cells wrap, CJK-aware, never
// between a number and its unit); evaluate, validate --summary and inspections plan print no codes
// (the word check finds none) in Chinese and in English.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitLines, numericColumn, table, width, wrapText } from '../engine/cli/format.ts';
import { findLeaks, leakReport } from '../engine/model/word-check.ts';
import { openStore } from '../engine/store/store.ts';
import { treeIds } from '../engine/validate/names.ts';
import { validate } from '../engine/validate/run.ts';
import { charter, ROOT, submitSample } from './helpers.ts';

const NBSP = '\u00a0';
const lines = (t: string): string[] => t.split('\n');
const widest = (t: string): number => Math.max(...lines(t).map(width));

describe('table(): alignment', () => {
  it.each([
    // [column cells, right-aligned?]
    [['42', '1,500', '7'], true],
    [['98.6 %', `83.9${NBSP}%`, '—'], true],
    [['201/203', '0/1', ''], true],
    [['≥ 95 %', '3 ‰'], true],
    [['华宇物业服务有限公司', '12'], false],
    [['第4.3条第1项', '第8.2条'], false],
    [['', '—'], false],
    [['1 件中 0 件达成', '98.6 %'], false],
  ])('%j → right-aligned %s', (cells, right) => {
    expect(numericColumn(cells)).toBe(right);
  });

  it('left-aligns text, right-aligns numbers, ASCII rules under the header', () => {
    const t = table(['服务商', '通过', '达成率'], [['华宇物业服务有限公司', 95, '98.6 %'], ['综合办公室', 7, '100.0 %']]);
    expect(t).toBe(
      [
        '服务商                通过   达成率',
        '--------------------  ----  -------',
        '华宇物业服务有限公司    95   98.6 %',
        '综合办公室               7  100.0 %',
      ].join('\n'),
    );
    expect(t).not.toMatch(/─/);
  });

  it('the third argument overrides the alignment', () => {
    const t = table(['a', 'b'], [['1', 'x'], ['22', 'y']], { align: ['l', 'r'] });
    expect(lines(t)[2]).toBe('1   x');
  });
});

describe('table(): fits 120 columns', () => {
  const evidence =
    '工单 WO-2026-000542（第3教学楼）到场用时 25 分钟，时限 15 分钟；工单 WO-2026-000762 到场时间（4月28日 12:20）早于报修时间（4月28日 13:00），时间记录异常；东校区主配电室 4月22日 巡检 1 次（应 2 次）';
  const rows = [
    ['华宇物业服务有限公司', '第4.3条第1项 报修到场时限', '201 件中 199 件', `≤${NBSP}45${NBSP}分钟`, evidence],
    ['信远后勤服务有限公司', '第5.1.2.7条第2项b)', `83.9${NBSP}%`, `≥${NBSP}95${NBSP}%`, 'short'],
  ];

  it.each([120, 100, 80])('every line within %i columns, CJK counted double', (max) => {
    const t = table(['服务商', '条款', '实测', '要求', '证据'], rows, { max });
    expect(widest(t)).toBeLessThanOrEqual(max);
    // Nothing is lost: the last column, read down its continuation lines, is the evidence again.
    const start = width(lines(t)[1]!.slice(0, lines(t)[1]!.lastIndexOf('  ') + 2));
    const column = lines(t)
      .slice(2)
      .map((l) => {
        let col = 0;
        let i = 0;
        for (const ch of l) {
          if (col >= start) break;
          col += width(ch);
          i += ch.length;
        }
        return l.slice(i);
      })
      .join('');
    expect(column.replace(/\s+/g, '')).toContain(evidence.replace(/\s+/g, ''));
  });

  it('a number never parts from its unit, a date never from its day', () => {
    for (const n of [12, 14, 16, 20, 30]) {
      const out = wrapText(evidence + `；≤${NBSP}2${NBSP}小时 / ≤${NBSP}45${NBSP}分钟`, n);
      expect(out.join('').replace(/\s+/g, '')).toBe((evidence + `；≤2小时/≤45分钟`).replace(/\s+/g, ''));
      out.forEach((l, i) => {
        expect(width(l)).toBeLessThanOrEqual(n);
        // A line never starts with the unit of the number ending the line before, nor with closing punctuation.
        if (i > 0 && /\d$/.test(out[i - 1]!)) expect(l).not.toMatch(/^(分钟|小时|次|件|日|号)/);
        expect(l).not.toMatch(/^[，。；）]/);
        expect(l).not.toMatch(/^钟|^时（/);
      });
    }
    expect(wrapText('东校区主配电室 4月22日 巡检 1 次（应 2 次）', 14)).toEqual(['东校区主配电室', '4月22日 巡检', '1 次（应', '2 次）']);
    // An English compound breaks after its hyphen, a record number never.
    expect(wrapText('the teaching-equipment check', 14)).toEqual(['the teaching-', 'equipment', 'check']);
    expect(wrapText('WO-2026-000542 late', 14)).toEqual(['WO-2026-000542', 'late']);
    // A number after an opening bracket is not cut: （203 件中 …
    expect(wrapText(`99.0${NBSP}%（203 件中 201 件按时）`, 12)).toEqual([`99.0${NBSP}%`, '（203 件中', '201 件按时）']);
  });

  it('running text wraps with a hanging indent', () => {
    const long = '  ' + '后勤管理处 '.repeat(30);
    const out = fitLines(long, 60);
    expect(widest(out)).toBeLessThanOrEqual(60);
    expect(lines(out).slice(1).every((l) => l.startsWith('    '))).toBe(true);
  });
});

describe('the terminal on the sample, in zh and en', () => {
  const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
  const ids = treeIds(tree);
  let db = '';
  let out = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-terminal-'));
    db = join(dir, 'db.sqlite');
    out = join(dir, 'out');
    const store = openStore(db);
    for (const status of await submitSample(tree, store, dir)) expect(status).toBe('stored');
    store.close();
  }, 240_000);

  const commands: [string, () => string[]][] = [
    ['evaluate', () => ['evaluate', '--period', '2026-04', '--db', db, '--out', out, '--now', '2026-07-10T10:00:00+08:00']],
    ['validate --summary', () => ['validate', '--summary']],
    ['inspections plan', () => ['inspections', 'plan', '--period', '2026-04', '--provider', 'huayu-property']],
    // The submissions: kinds in words, local times, providers by name (issue 13 "done when").
    ['submissions', () => ['submissions', '--db', db]],
  ];
  for (const lang of ['zh', 'en'] as const) {
    it.each(commands)(`%s --lang ${lang}: no codes, at most 120 columns`, (_, args) => {
      const r = charter([...args(), '--lang', lang]);
      expect(r.stderr).not.toMatch(/CH900/);
      const text = r.stdout + r.stderr;
      expect(text.length).toBeGreaterThan(200);
      const leaks = findLeaks(text, lang, { ids });
      expect(leaks, leakReport(leaks)).toEqual([]);
      const over = lines(text).filter((l) => width(l) > 120);
      expect(over).toEqual([]);
    }, 120_000);
  }

  it('evaluate names providers, clauses, places and limits in words', () => {
    const r = charter(['evaluate', '--period', '2026-04', '--db', db, '--out', out, '--now', '2026-07-10T10:00:00+08:00']);
    expect(r.stdout).toContain('评价期间 2026年4月（截至 5月1日 00:00）');
    expect(r.stdout).toContain('华宇物业服务有限公司');
    expect(r.stdout).toContain('第4.3条第1项');
    expect(r.stdout).toContain(`45${NBSP}分钟`);
    // Below 5 cases a count, not a rate.
    expect(r.stdout).toContain(`1${NBSP}件中${NBSP}0${NBSP}件达成`);
    // Ids only inside record numbers (DOC-huayu-property-0008 is the provider's own document number).
    expect(r.stdout).not.toMatch(/(?<!DOC-)huayu-property|PT45M|at-least/);
  }, 120_000);
});
