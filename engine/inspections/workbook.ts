// The inspection round as a workbook a supervisor fills on a computer (issue 12 §2): one sheet per round,
// a title block naming the round, Chinese headers, a drop-down on the result column, the requirement
// columns locked. The shipped mapping standards/mappings/inspection-round-xlsx.yaml reads it back; the
// layout constants below are the ones that mapping names (test/inspection-paper.test.ts keeps them equal).
import ExcelJS from 'exceljs';
import type { InspectionRound, InspectionRow } from './plan.ts';

export interface RoundFill {
  result?: 'passed' | 'failed' | 'not-applicable';
  notes?: string;
  photos?: string;
  inspector?: string;
  accompanied_by?: string;
  inspected_at?: string;
}

/** The result words as printed and as read back. */
export const RESULT_WORDS = { 合格: 'passed', 不合格: 'failed', 不适用: 'not-applicable' } as const;
const WORD_OF: Record<string, string> = { passed: '合格', failed: '不合格', 'not-applicable': '不适用' };

/** Title-block labels: the cell right of each holds its value. */
export const TITLE_LABELS = { round: '轮次编号', period: '检查周期', provider: '服务商', providerId: '服务商编号', campus: '校区', campusId: '校区编号', notes: '填写说明' } as const;
export const HEADER_ROW = 7;

/** Columns in order: header, width (Excel characters), whether a supervisor writes in it. */
export const COLUMNS = [
  { key: 'no', header: '序号', width: 5, open: false },
  { key: 'place', header: '检查地点', width: 14, open: false },
  { key: 'reference', header: '条款', width: 11, open: false },
  { key: 'title', header: '检查项目', width: 22, open: false },
  { key: 'text', header: '检查内容（标准原文）', width: 44, open: false },
  { key: 'result', header: '检查结果', width: 10, open: true },
  { key: 'notes', header: '问题描述', width: 26, open: true },
  { key: 'photos', header: '照片编号', width: 11, open: true },
  { key: 'inspector', header: '检查人', width: 9, open: true },
  { key: 'accompanied_by', header: '服务商陪同人员', width: 10, open: true },
  { key: 'inspected_at', header: '检查时间', width: 16, open: true },
  { key: 'placeId', header: '地点编号', width: 12, open: false, hidden: true },
  { key: 'requirement', header: '要求编号', width: 12, open: false, hidden: true },
  { key: 'id', header: '行编号', width: 24, open: false, hidden: true },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];
const col = (k: ColumnKey): number => COLUMNS.findIndex((c) => c.key === k) + 1;

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
export function sheetNames(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = id.replace(/[[\]:*?/\\]/g, '-');
    let name = base.slice(0, 31);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export function periodText(r: InspectionRound): string {
  const [y, m] = r.period.split('-');
  const md = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const span = `${md(r.start)}—${md(r.end)}`;
  return `${y}年${Number(m)}月${r.week ? ` 第${r.week}周` : ''}（${span}）`;
}

/**
 * The short title printed beside the verbatim text. A requirement without a title of its own has the
 * planner fall back to its checklist line, i.e. the text again: then the text's first phrase (up to the
 * first comma or semicolon) stands for it, so the row is named in a glance and not printed twice.
 */
export function shortTitle(row: InspectionRow): string {
  const bare = (t: string): string => t.replace(/[\s；;。：:，,、]+$/u, '');
  const title = bare(row.title.zh);
  const text = bare(row.text);
  if (!(text.startsWith(title) && title.length >= text.length * 0.6)) return row.title.zh;
  const first = /^[^，；。：,;:]+/u.exec(text)?.[0] ?? text;
  return [...first].length <= 26 ? first : `${[...first].slice(0, 24).join('')}…`;
}

/** An ISO local time with offset as the wall-clock Date Excel shows (Excel has no zones). */
function wallClock(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0))) : iso;
}

// Rough row heights: Excel does not fit wrapped rows written by a program. A CJK character is two width units.
function linesIn(text: string, width: number): number {
  let n = 0;
  for (const para of text.split('\n')) {
    let w = 0;
    for (const ch of para) w += /[\u0000-\u00ff]/.test(ch) ? 1.1 : 2.05;
    n += Math.max(1, Math.ceil(w / Math.max(1, width - 1)));
  }
  return n;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'SimSun';

export async function roundWorkbook(rounds: InspectionRound[], o: { office: string; fills?: Map<string, RoundFill> }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed by the rounds, so the same rounds give the same workbook properties.
  const stamp = new Date(`${rounds[0]?.start ?? '2000-01-01'}T00:00:00Z`);
  wb.creator = 'Charter';
  wb.created = stamp;
  wb.modified = stamp;
  const names = sheetNames(rounds.map((r) => r.id));
  rounds.forEach((r, i) => addSheet(wb, r, names[i]!, o));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, r: InspectionRound, name: string, o: { office: string; fills?: Map<string, RoundFill> }): void {
  const lastOpen = col('inspected_at');
  const ws = wb.addWorksheet(name, {
    properties: { defaultRowHeight: 16 },
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.7, header: 0.3, footer: 0.3 } },
    headerFooter: {
      oddHeader: `&L&8${o.office}&R&8${r.id}`,
      oddFooter: `&L&9检查人（签字）：____________　服务商陪同人员（签字）：____________&C&9第 &P 页 共 &N 页&R&9日期：______年____月____日`,
    },
  });
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if ('hidden' in c && c.hidden) column.hidden = true;
  });
  const font = (size: number, bold = false): Partial<ExcelJS.Font> => ({ name: FONT, size, bold });

  // Title
  ws.mergeCells(1, 1, 1, lastOpen);
  const title = ws.getCell(1, 1);
  title.value = `${o.office}　后勤服务现场检查表`;
  title.font = font(16, true);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  // Title block: label, value (merged), label, value (merged).
  const pair = (row: number, l1: string, v1: string, l2: string, v2: string): void => {
    ws.mergeCells(row, 3, row, 5);
    ws.mergeCells(row, 7, row, lastOpen);
    const put = (c: number, v: string, label: boolean): void => {
      const cell = ws.getCell(row, c);
      cell.value = v;
      cell.font = font(10.5, label);
      cell.alignment = { vertical: 'middle', horizontal: label ? 'right' : 'left' };
    };
    put(2, l1, true);
    put(3, v1, false);
    put(6, l2, true);
    put(7, v2, false);
    ws.getRow(row).height = 18;
  };
  pair(2, TITLE_LABELS.round, r.id, TITLE_LABELS.period, periodText(r));
  pair(3, TITLE_LABELS.provider, r.provider.name, TITLE_LABELS.providerId, r.provider.id);
  pair(4, TITLE_LABELS.campus, r.campus.name, TITLE_LABELS.campusId, r.campus.id);
  ws.mergeCells(5, 3, 5, lastOpen);
  ws.getCell(5, 2).value = TITLE_LABELS.notes;
  ws.getCell(5, 2).font = font(9, true);
  ws.getCell(5, 2).alignment = { horizontal: 'right', vertical: 'top' };
  const how = ws.getCell(5, 3);
  how.value = '“检查结果”从下拉列表选 合格 / 不合格 / 不适用；留空表示本项未检查（不入库）。不合格须写问题描述；每个填了结果的行须写检查人与检查时间（如 2026-04-08 09:30）。灰色列不可修改。';
  how.font = font(9);
  how.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(5).height = 28;

  // Headers
  const head = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = font(10, true);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
    cell.border = BOX;
  });
  head.height = 30;

  // Rows, grouped by place as the planner orders them: the place cell is merged over its group.
  let rowNo = HEADER_ROW;
  let groupStart = 0;
  let groupPlace = '';
  const closeGroup = (): void => {
    if (groupStart && rowNo > groupStart) ws.mergeCells(groupStart, col('place'), rowNo, col('place'));
  };
  r.rows.forEach((row, i) => {
    rowNo++;
    if (row.place.id !== groupPlace) {
      if (groupStart) {
        rowNo--;
        closeGroup();
        rowNo++;
      }
      groupStart = rowNo;
      groupPlace = row.place.id;
    }
    const f = o.fills?.get(row.id) ?? {};
    const values: Record<ColumnKey, ExcelJS.CellValue> = {
      no: i + 1,
      place: row.place.name,
      reference: row.reference,
      title: shortTitle(row),
      text: row.text,
      result: f.result ? WORD_OF[f.result]! : null,
      notes: f.notes ?? null,
      photos: f.photos ?? null,
      inspector: f.inspector ?? null,
      accompanied_by: f.accompanied_by ?? null,
      inspected_at: f.inspected_at ? wallClock(f.inspected_at) : null,
      placeId: row.place.id,
      requirement: row.requirement,
      id: row.id,
    };
    const xr = ws.getRow(rowNo);
    COLUMNS.forEach((c, k) => {
      const cell = xr.getCell(k + 1);
      cell.value = values[c.key];
      cell.border = BOX;
      cell.font = font(c.key === 'text' ? 8.5 : 10);
      cell.alignment = { vertical: c.key === 'place' ? 'middle' : 'top', wrapText: true, horizontal: c.key === 'no' || c.key === 'result' ? 'center' : 'left' };
      if (c.open) cell.protection = { locked: false };
      else if (k < lastOpen) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (c.key === 'inspected_at') cell.numFmt = 'yyyy-mm-dd hh:mm';
      if (c.key === 'result') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: ['"合格,不合格,不适用"'],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '检查结果',
          error: '请从列表中选择：合格、不合格或不适用；未检查请留空。',
          showInputMessage: true,
          promptTitle: '检查结果',
          prompt: '合格 / 不合格 / 不适用；未检查留空',
        };
      }
    });
    const lines = Math.max(linesIn(row.text, COLUMNS[col('text') - 1]!.width * (10 / 8.5)), linesIn(shortTitle(row), COLUMNS[col('title') - 1]!.width), linesIn(f.notes ?? '', COLUMNS[col('notes') - 1]!.width), 2);
    xr.height = Math.min(409, lines * 13 + 8);
  });
  closeGroup();
  // Protection without a password: it keeps the requirement columns from being typed over by mistake,
  // not from a determined editor; the read-back checks every row against the plan anyway.
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}
