// Issue 12 §2: the checklist PDF a supervisor carries (checked on the text pdfjs extracts) and
// `charter inspections checklist` writing the PDFs and workbooks of a month's rounds.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { checklistPdf } from '../engine/render/checklist-pdf.ts';
import { INSPECTION_COMMANDS } from '../engine/cli/inspection-commands.ts';
import { charter, ROOT } from './helpers.ts';
import { handRound, handWeekRound } from './fixtures/inspections/rounds.ts';

const OFFICE = '示例大学后勤管理处';
const norm = (s: string): string => s.replace(/\s+/g, '');

async function pagesOf(buf: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true });
  const pdf = await task.promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const tc = await (await pdf.getPage(i)).getTextContent();
    out.push(norm(tc.items.map((it) => ('str' in it ? it.str : '')).join('')));
  }
  await task.destroy();
  return out;
}

describe('checklist PDF', () => {
  it('carries the header, every row grouped by place, the boxes, and the signatures; rows never split', async () => {
    const r = handRound({ buildings: 7 });
    const buf = await checklistPdf(r, { office: OFFICE });
    const pages = await pagesOf(buf);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('');
    for (const s of [OFFICE, '后勤服务现场检查表', '华宇物业服务有限公司', '本部', '2026年4月（4月1日—4月30日）', r.id]) expect(all, s).toContain(norm(s));
    pages.forEach((p, i) => {
      expect(p, `page ${i + 1}`).toContain(`第${i + 1}页共${pages.length}页`);
      expect(p, `page ${i + 1}`).toContain(r.id);
      expect(p).toContain('合格不合格不适用问题描述照片编号'); // the table header repeats
    });
    // Place headings in walking order, each once (a continued place says 续).
    const order = r.places.map((p) => all.indexOf(norm(p.name)));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every row: reference, title and verbatim text on one page (never split), numbered.
    r.rows.forEach((row, i) => {
      const page = pages.find((p) => p.includes(norm(row.text)) && p.includes(`${i + 1}${norm(row.reference)}`));
      expect(page, `row ${i + 1} ${row.id}`).toBeDefined();
      if (!norm(row.text).startsWith(norm(row.title.zh))) expect(page).toContain(norm(row.title.zh));
    });
    const last = pages[pages.length - 1]!;
    for (const s of ['检查人（签字）', '服务商陪同人员（签字）', '检查日期', `共${r.rows.length}项`]) expect(last).toContain(norm(s));
  });

  it('a week round says its week and dates; the same round gives the same bytes', async () => {
    const w = handWeekRound();
    const a = await checklistPdf(w, { office: OFFICE });
    expect((await pagesOf(a)).join('')).toContain('2026年4月第2周（4月6日—4月12日）');
    expect((await checklistPdf(w, { office: OFFICE })).equals(a)).toBe(true);
  });
});

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s + '\n'), err: (s: string) => void (err += s + '\n'), cwd, color: false };
  const cmd = INSPECTION_COMMANDS.inspections!;
  const p = parseArgs({ args: ['checklist', ...args], options: cmd.options, allowPositionals: true });
  const code = await cmd.run(p as never, 'zh', args.includes('--json'), io);
  return { code, out, err };
}

describe('charter inspections checklist', () => {
  it('writes a PDF per round and a workbook per provider with a sheet per round, and says what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-ck-'));
    const out = join(dir, 'ck');
    const r = await run(['--period', '2026-04', '--provider', 'jiale-catering', '--out', out, '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { files: { file: string; kind: string; rounds: string[] }[] };
    const pdfs = j.files.filter((f) => f.kind === 'pdf');
    const books = j.files.filter((f) => f.kind === 'xlsx');
    expect(books.map((b) => b.file)).toEqual(['2026-04-jiale-catering.xlsx']);
    expect(pdfs.length).toBe(books[0]!.rounds.length);
    expect(pdfs.map((p) => p.file)).toEqual(books[0]!.rounds.map((id) => `${id}.pdf`));
    expect(readdirSync(out).sort()).toEqual([...j.files.map((f) => f.file), '.charter-site'].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '2026-04-jiale-catering.xlsx'));
    expect(wb.worksheets.length).toBe(books[0]!.rounds.length);
    // Again into the same folder: it is Charter's, so it is replaced.
    const again = await run(['--period', '2026-04', '--provider', 'jiale-catering', '--week', '2', '--format', 'xlsx', '--out', out]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('2026-04-W2-jiale-catering.xlsx');
    expect(readdirSync(out).sort()).toEqual(['.charter-site', '2026-04-W2-jiale-catering.xlsx']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder holding files Charter did not write, and leaves them (CH010)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-ck-'));
    writeFileSync(join(dir, 'notes.docx'), 'mine');
    const r = await run(['--period', '2026-04', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CH010');
    expect(readdirSync(dir)).toEqual(['notes.docx']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('CH507: nothing planned is said, not an empty folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-ck-'));
    // August: the property contract's service period ended on 3 July.
    const r = await run(['--period', '2026-08', '--provider', 'huayu-property', '--out', join(dir, 'x')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('CH507');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('CH508: without an office name the register title is printed, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-ck-'));
    cpSync(join(ROOT, 'standards'), join(dir, 'standards'), { recursive: true });
    rmSync(join(dir, 'standards', 'school', 'notices.yaml'));
    const r = await run(['--period', '2026-04', '--provider', 'jiale-catering', '--week', '1', '--format', 'pdf', '--out', join(dir, 'out'), '--tree', join(dir, 'standards')], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('CH508');
    const pdf = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.pdf'))!;
    expect((await pagesOf(readFileSync(join(dir, 'out', pdf)))).join('')).toContain('示例大学校园登记');
    rmSync(dir, { recursive: true, force: true });
  });

  it('usage errors: a bad period, week, provider or format, and no --out (exit 2)', async () => {
    const none = join(mkdtempSync(join(tmpdir(), 'charter-ck-')), 'none');
    for (const [args, code] of [
      [['--period', '2026-13', '--out', none], 'CH031'],
      [['--period', '2026-04', '--week', '6', '--out', none], 'CH019'],
      [['--period', '2026-04', '--provider', 'huayu', '--out', none], 'CH019'],
      [['--period', '2026-04', '--format', 'doc', '--out', none], 'CH033'],
      [['--period', '2026-04'], 'CH026'],
    ] as [string[], string][]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(code);
      expect(existsSync(none)).toBe(false);
    }
  });

  it('the real command line: charter inspections checklist … then charter submit reads the workbook as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-ck-'));
    const r = charter(['inspections', 'checklist', '--period', '2026-04', '--provider', 'jiale-catering', '--week', '1', '--out', join(dir, 'ck')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-04-W1-jiale-catering.xlsx');
    // Unfilled: every row is blank, so nothing is stored, the report says so per round, and the exit says a problem.
    const s = charter(['submit', join(dir, 'ck', '2026-04-W1-jiale-catering.xlsx'), '--kind', 'inspection-results', '--db', join(dir, 'db.sqlite'), '--now', '2026-05-02T10:00']);
    expect(s.code, s.stdout + s.stderr).toBe(1);
    expect(s.stdout).toContain('工作簿中没有填写任何检查结果，未入库任何检查结果');
    expect(s.stdout).not.toContain('已入库');
    expect(s.stdout).toMatch(/轮次 2026-04-W1-jiale-catering-\w+：\d+ 行检查结果为空（未检查），未入库。/);
    const j = charter(['submit', join(dir, 'ck', '2026-04-W1-jiale-catering.xlsx'), '--kind', 'inspection-results', '--mapping', 'inspection-round-xlsx', '--db', join(dir, 'db.sqlite'), '--now', '2026-05-02T10:00', '--json']);
    const out = JSON.parse(j.stdout) as { mapping: string; rows: { accepted: number }; not_inspected: { round: string; rows: number }[] };
    expect(out.mapping).toBe('inspection-round-xlsx');
    expect(j.code).toBe(1);
    expect(out.rows.accepted).toBe(0);
    expect((out as { nothing_filled?: boolean }).nothing_filled).toBe(true);
    expect(out.not_inspected.length).toBeGreaterThan(0);
    expect(out.not_inspected.every((x) => x.round.startsWith('2026-04-W1-jiale-catering-') && x.rows > 0)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
