// Issue 12 §2 "Paper and file, the same rows": the round workbook a supervisor fills is read back by the
// shipped mapping into exactly the canonical rows that were filled in; bad fills are named row by row.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexRegister } from '../engine/data/mapping.ts';
import { submit, type SubmitOptions } from '../engine/data/submit.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import type { Tree } from '../engine/load/tree.ts';
import { validate } from '../engine/validate/run.ts';
import { COLUMNS, HEADER_ROW, roundWorkbook, sheetNames, shortTitle, TITLE_LABELS, type RoundFill } from '../engine/inspections/workbook.ts';
import { roundWorkbookHook, suggestResult } from '../engine/inspections/readback.ts';
import type { InspectionRound } from '../engine/inspections/plan.ts';
import { FIXTURES, ROOT } from './helpers.ts';
import { handRound, handWeekRound } from './fixtures/inspections/rounds.ts';

const NOW = new Date('2026-05-02T02:00:00Z');
const OFFICE = '示例大学后勤管理处';
let tree: Tree;
beforeAll(() => {
  tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
});

// ExcelJS's load() types an older Buffer.
const bookOf = async (...a: Parameters<typeof roundWorkbook>) => (await roundWorkbook(...a)) as unknown as ArrayBuffer;
const mapping = () => tree.mappings.find((m) => m.value.id === 'inspection-round-xlsx')!.value;
function setup(rounds: InspectionRound[]): { store: Store; dir: string; opts: (file: string, extra?: Partial<SubmitOptions>) => SubmitOptions } {
  const dir = mkdtempSync(join(tmpdir(), 'charter-insp-'));
  const store = openStore(join(dir, 'db.sqlite'));
  const byId = new Map(rounds.map((r) => [r.id, r]));
  return {
    store,
    dir,
    opts: (file, extra = {}) => ({
      file,
      display: file.split('/').pop()!,
      kind: 'inspection-results',
      mapping: mapping(),
      rowHook: roundWorkbookHook((id) => byId.get(id)),
      acceptValid: false,
      rejectsDir: join(dir, 'rejects'),
      now: NOW,
      tz: 'Asia/Shanghai',
      register: indexRegister(tree.registers[0]!.value),
      activities: new Set(),
      store,
      ...extra,
    }),
  };
}
const stored = (store: Store) =>
  Object.fromEntries((store.db.prepare("SELECT record_key, data FROM records WHERE kind = 'inspection-results' ORDER BY record_key").all() as { record_key: string; data: string }[]).map((r) => [r.record_key, JSON.parse(r.data)]));

describe('the round workbook', () => {
  it('has one protected sheet per round with a title block, Chinese headers, a result drop-down and hidden ids', async () => {
    const r = handRound();
    const w = handWeekRound();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bookOf([r, w], { office: OFFICE }));
    expect(wb.worksheets.map((s) => s.name)).toEqual([r.id, w.id]);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain(OFFICE);
    const label = (l: string): unknown => {
      for (let row = 2; row < HEADER_ROW; row++) for (let c = 1; c < 12; c++) if (ws.getCell(row, c).value === l) return ws.getCell(row, c + 1).value;
      return undefined;
    };
    expect(label(TITLE_LABELS.round)).toBe(r.id);
    expect(label(TITLE_LABELS.providerId)).toBe('huayu-property');
    expect(label(TITLE_LABELS.provider)).toBe('华宇物业服务有限公司');
    expect(label(TITLE_LABELS.campusId)).toBe('main');
    expect(String(label(TITLE_LABELS.period))).toContain('2026年4月');
    expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).not.toHaveProperty('hashValue'); // no password
    const first = HEADER_ROW + 1;
    const at = (key: string, row = first) => ws.getCell(row, COLUMNS.findIndex((c) => c.key === key) + 1);
    expect(at('result').dataValidation).toMatchObject({ type: 'list', formulae: ['"合格,不合格,不适用"'] });
    for (const k of ['result', 'notes', 'photos', 'inspector', 'accompanied_by', 'inspected_at']) expect(at(k).protection?.locked, k).toBe(false);
    for (const k of ['no', 'place', 'reference', 'title', 'text', 'placeId', 'requirement', 'id']) expect(at(k).protection?.locked, k).not.toBe(false);
    for (const k of ['placeId', 'requirement', 'id']) expect(ws.getColumn(COLUMNS.findIndex((c) => c.key === k) + 1).hidden, k).toBe(true);
    // Every planned row, in the planner's order, with its verbatim text.
    expect(r.rows.map((_, i) => at('id', first + i).value)).toEqual(r.rows.map((x) => x.id));
    expect(at('text', first + 1).value).toBe(r.rows[1]!.text);
    expect(at('reference', first + 1).value).toBe('5.1.1.5 第1项');
    expect(ws.rowCount).toBe(HEADER_ROW + r.rows.length);
  });

  it('a row without a title of its own is named by the first phrase of its text', () => {
    const row = handRound().rows[1]!;
    expect(shortTitle(row)).toBe('房屋外观完好');
    const bare = { ...row, title: { zh: row.text.replace(/；$/, '') } };
    expect(shortTitle(bare)).toBe('房屋外观完好、整洁');
    const long = { ...row, text: '甲'.repeat(40), title: { zh: '甲'.repeat(40) } };
    expect(shortTitle(long)).toBe(`${'甲'.repeat(24)}…`);
  });

  it('sheet names stay within 31 characters and unique', () => {
    const long = 'x'.repeat(40);
    const names = sheetNames([long, long, 'a:b/c', 'A:B/C']);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(4);
    expect(names[2]).toBe('a-b-c');
  });

  it('the shipped mapping names the columns and title block the workbook writes', () => {
    const m = mapping();
    expect(m.header_row).toBe(HEADER_ROW);
    const headers = new Set<string>(COLUMNS.map((c) => c.header));
    for (const c of m.columns) {
      if (typeof c.header === 'string') expect(headers.has(c.header), c.header).toBe(true);
      if (c.title_block) expect(Object.values(TITLE_LABELS) as string[]).toContain(c.title_block);
    }
    for (const h of m.ignore ?? []) expect(headers.has(h), h).toBe(true);
    const used = new Set([...m.columns.map((c) => c.header), ...(m.ignore ?? [])]);
    expect(COLUMNS.filter((c) => !used.has(c.header)).map((c) => c.header)).toEqual([]);
  });
});

describe('filled workbook → submit → canonical rows', () => {
  it('reads every sheet back to exactly the filled rows; blank results are counted per round, not stored', async () => {
    const r = handRound();
    const w = handWeekRound();
    const fills = new Map<string, RoundFill>([
      [r.rows[0]!.id, { result: 'passed', inspector: '王建国', accompanied_by: '李华', inspected_at: '2026-04-08T09:00:00+08:00' }],
      [r.rows[1]!.id, { result: 'failed', notes: '东侧外墙瓷砖脱落约1平方米', photos: 'P-0012, P-0013', inspector: '王建国', accompanied_by: '李华', inspected_at: '2026-04-08T09:30:00+08:00' }],
      [r.rows[2]!.id, { result: 'not-applicable', inspector: '王建国', inspected_at: '2026-04-08T09:40:00+08:00' }],
      [w.rows[0]!.id, { result: 'passed', inspector: '赵敏', inspected_at: '2026-04-07T15:05:00+08:00' }],
    ]);
    const { store, dir, opts } = setup([r, w]);
    const f = join(dir, '2026-04-huayu-property.xlsx');
    writeFileSync(f, await roundWorkbook([r, w], { office: OFFICE, fills }));
    const res = await submit(opts(f));
    expect([...res.fileProblems, ...res.problems, ...res.warnings]).toEqual([]);
    expect(res.status).toBe('stored');
    expect(res.accepted).toBe(4);
    expect(res.skipped).toEqual([
      { group: r.id, rows: r.rows.length - 3 },
      { group: w.id, rows: w.rows.length - 1 },
    ]);
    const expected = Object.fromEntries(
      [...fills].map(([id, fill]) => {
        const row = [...r.rows, ...w.rows].find((x) => x.id === id)!;
        return [id, { id, round: row.round, provider: 'huayu-property', campus: 'main', place: row.place.id, requirement: row.requirement, ...fill }];
      }),
    );
    expect(stored(store)).toEqual(expected);
    store.close();
  });

  it('with the real planner: every row of a month of one provider, filled, comes back as planned (findRound)', async () => {
    const { planInspections, findRound } = await import('../engine/inspections/plan.ts');
    const rounds = planInspections([tree], { period: '2026-04', provider: 'xinyuan-service' }).rounds;
    const rows = rounds.flatMap((r) => r.rows);
    expect(rows.length).toBeGreaterThan(20);
    const fills = new Map<string, RoundFill>(
      rows.map((row, i) => [row.id, i % 5 === 4 ? { result: 'failed', notes: `第${i}项：设备标识缺失`, photos: `IMG_${1000 + i}`, inspector: '周检', accompanied_by: '孙工', inspected_at: `${row.round.includes('-W') ? rounds.find((r) => r.id === row.round)!.start : '2026-04-20'}T10:${String(i % 60).padStart(2, '0')}:00+08:00` } : { result: i % 7 === 3 ? 'not-applicable' : 'passed', inspector: '周检', inspected_at: '2026-04-21T15:00:00+08:00' }]),
    );
    const { store, dir, opts } = setup([]);
    const f = join(dir, '2026-04-xinyuan-service.xlsx');
    writeFileSync(f, await roundWorkbook(rounds, { office: OFFICE, fills }));
    const res = await submit(opts(f, { rowHook: roundWorkbookHook((id) => findRound([tree], id)) }));
    expect([...res.fileProblems, ...res.problems]).toEqual([]);
    expect([res.status, res.accepted, res.skipped]).toEqual(['stored', rows.length, []]);
    const got = stored(store);
    for (const row of rows) {
      const r = rounds.find((x) => x.id === row.round)!;
      expect(got[row.id], row.id).toEqual({ id: row.id, round: row.round, provider: 'xinyuan-service', campus: r.campus.id, place: row.place.id, requirement: row.requirement, ...fills.get(row.id) });
    }
    store.close();
  });

  it('a blank sheet someone added is skipped; a sheet with other content refuses the file (CH317)', async () => {
    const r = handRound();
    const { store, dir, opts } = setup([r]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bookOf([r], { office: OFFICE, fills: new Map([[r.rows[0]!.id, { result: 'passed', inspector: '王建国', inspected_at: '2026-04-08T09:00:00+08:00' }]]) }));
    wb.addWorksheet('Sheet2');
    const f = join(dir, 'extra.xlsx');
    await wb.xlsx.writeFile(f);
    const ok = await submit(opts(f));
    expect(ok.status, JSON.stringify(ok.fileProblems)).toBe('stored');
    expect(ok.accepted).toBe(1);
    wb.getWorksheet('Sheet2')!.getCell('A1').value = '备注：4号楼下周复查';
    await wb.xlsx.writeFile(f);
    const refused = await submit(opts(f));
    expect(refused.fileProblems.map((d) => d.code)).toEqual(['CH317']);
    store.close();
  });

  it('a time typed as text reads as local time', async () => {
    const r = handRound();
    const { store, dir, opts } = setup([r]);
    const f = join(dir, 'typed.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await bookOf([r], { office: OFFICE }));
    const ws = wb.worksheets[0]!;
    const c = (key: string) => ws.getCell(HEADER_ROW + 1, COLUMNS.findIndex((x) => x.key === key) + 1);
    c('result').value = '合格';
    c('inspector').value = '王建国';
    c('inspected_at').value = '2026-04-09 14:20';
    await wb.xlsx.writeFile(f);
    const res = await submit(opts(f));
    expect(res.problems).toEqual([]);
    expect(stored(store)[r.rows[0]!.id].inspected_at).toBe('2026-04-09T14:20:00+08:00');
    store.close();
  });
});

describe('did you mean', () => {
  it.each([
    ['合 格', '合格'],
    ['通过', '合格'],
    ['√', '合格'],
    ['不 合格', '不合格'],
    ['×', '不合格'],
    ['无', '不适用'],
    ['N/A', '不适用'],
    ['合各', '合格'],
    ['基本合格', '合格'],
    ['很难说', undefined],
  ])('%s → %s', (typed, want) => expect(suggestResult(typed)).toBe(want));
});

describe('bad fills, one per code (fixtures in test/fixtures/data/errors/)', () => {
  // Each fixture is a round workbook of handRound() with one bad row; its name says the code and row.
  const cases = [
    { code: 'CH335', file: 'CH335-unknown-result-word.xlsx', row: 8, col: 6, text: '合格' },
    { code: 'CH336', file: 'CH336-result-without-inspector.xlsx', row: 8, col: 9, text: '检查人' },
    { code: 'CH337', file: 'CH337-row-not-in-round.xlsx', row: 8, col: 14, text: 'd99' },
    { code: 'CH338', file: 'CH338-unknown-round.xlsx', row: 8, col: 0, text: '2026-04-huayu-property-west' },
    { code: 'CH339', file: 'CH339-notes-without-result.xlsx', row: 8, col: 6, text: '问题描述' },
  ];
  it.each(cases)('$code', async ({ code, file, row, col, text }) => {
    const { store, opts } = setup([handRound()]);
    const f = join(FIXTURES, 'data', 'errors', file);
    const res = await submit(opts(f));
    expect(res.status).toBe('refused');
    expect([...new Set(res.problems.map((d) => d.code))]).toEqual([code]);
    const d = res.problems[0]!;
    expect([d.file, d.line, d.col]).toEqual([`${file}[${file === 'CH338-unknown-round.xlsx' ? '2026-04-huayu-property-west' : '2026-04-huayu-property-main'}]`, row, col]);
    const { message } = await import('../engine/diagnostics.ts');
    expect(message(d, 'zh').message).toContain(text);
    store.close();
  });

  it('with --accept-valid the good rows are stored and the bad one goes to the rejects file', async () => {
    const { store, opts } = setup([handRound()]);
    const res = await submit(opts(join(FIXTURES, 'data', 'errors', 'CH335-unknown-result-word.xlsx'), { acceptValid: true }));
    expect(res.status).toBe('partial');
    expect([res.accepted, res.rejected]).toEqual([1, 1]);
    expect(readFileSync(res.rejectsFile!, 'utf8')).toContain('CH335');
    store.close();
  });
});

/**
 * The writer of the error fixtures: always run, into a temporary folder, and each workbook it writes must be refused
 * with its code; with CHARTER_WRITE_FIXTURES=1 it rewrites the committed fixtures in test/fixtures/data/errors/.
 */
describe('fixture writer', () => {
  it('writes the bad workbooks, each refused with its own code', async () => {
    const out = process.env.CHARTER_WRITE_FIXTURES ? join(FIXTURES, 'data', 'errors') : mkdtempSync(join(tmpdir(), 'charter-insp-fixtures-'));
    const r = handRound();
    const ok: RoundFill = { result: 'passed', inspector: '王建国', inspected_at: '2026-04-08T09:00:00+08:00' };
    const edit = async (file: string, round: InspectionRound, fill: RoundFill, change?: (ws: ExcelJS.Worksheet) => void): Promise<void> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await bookOf([round], { office: OFFICE, fills: new Map([[round.rows[0]!.id, fill], [round.rows[1]!.id, ok]]) }));
      change?.(wb.worksheets[0]!);
      await wb.xlsx.writeFile(join(out, file));
    };
    const cell = (ws: ExcelJS.Worksheet, key: string) => ws.getCell(HEADER_ROW + 1, COLUMNS.findIndex((x) => x.key === key) + 1);
    await edit('CH335-unknown-result-word.xlsx', r, { ...ok }, (ws) => (cell(ws, 'result').value = '合 格'));
    await edit('CH336-result-without-inspector.xlsx', r, { result: 'failed', notes: '墙面破损', inspected_at: '2026-04-08T09:00:00+08:00' });
    await edit('CH337-row-not-in-round.xlsx', r, ok, (ws) => {
      ws.unprotect();
      cell(ws, 'placeId').value = 'd99';
    });
    await edit('CH338-unknown-round.xlsx', handRound({ id: '2026-04-huayu-property-west' }), ok);
    await edit('CH339-notes-without-result.xlsx', r, { notes: '墙面破损', inspector: '王建国' });
    for (const [file, code] of [['CH335-unknown-result-word.xlsx', 'CH335'], ['CH336-result-without-inspector.xlsx', 'CH336'], ['CH337-row-not-in-round.xlsx', 'CH337'], ['CH338-unknown-round.xlsx', 'CH338'], ['CH339-notes-without-result.xlsx', 'CH339']] as const) {
      const { store, opts } = setup([handRound()]);
      const res = await submit(opts(join(out, file)));
      expect([file, res.status, [...new Set(res.problems.map((d) => d.code))]]).toEqual([file, 'refused', [code]]);
      store.close();
    }
  });
});
