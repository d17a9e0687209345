// The checklist a supervisor carries on a round (issue 12 §2): A4, the school's header, the round's period,
// campus and provider; rows grouped by place in walking order, each with the requirement's reference,
// short title and verbatim text, boxes 合格 / 不合格 / 不适用, room for the problem and photo numbers;
// signatures of the inspector and the provider's accompanying person at the end. Rows never split across
// pages; the table header and the place heading repeat on a new page. Drawn with the notice/scorecard
// primitives of pdf.ts (same fonts, wrapping and deterministic output). It lives in render/ (layer 3), which
// may read the rounds of inspections/ (layer 2), not the other way round.
import { baselineIn, drawLines, drawText, hline, lineHeight, newPdf, para, S, sumH, textWidth, toBuffer, type Line, type Pdf, type Style } from './pdf.ts';
import type { InspectionRound, InspectionRow, PlannedPlace } from '../inspections/plan.ts';
import { periodText, shortTitle } from '../inspections/workbook.ts';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const ML = 42.5; // 1.5 cm: the table needs the width
const CW = PAGE_W - 2 * ML;
const TOP = 48;
const BOTTOM = PAGE_H - 50;

const GREY = '#555555';
const HEAD_FILL = '#e6e6e6';
const PLACE_FILL = '#f0f0f0';

const ST = {
  title: { font: 'sansBold', size: 19, cs: 4, lh: 1.5 },
  office: S.office,
  info: { font: 'serif', size: 10, lh: 1.5 },
  infoLabel: { font: 'sansBold', size: 9.5, lh: 1.5 },
  how: { font: 'serif', size: 8.5, lh: 1.5, color: '#333333' },
  th: S.th,
  place: { font: 'sansBold', size: 10, lh: 1.45 },
  placeNote: { font: 'sans', size: 8, lh: 1.45, color: GREY },
  ref: { font: 'sansBold', size: 8.5, lh: 1.45 },
  rowTitle: { font: 'sansBold', size: 9.5, lh: 1.45 },
  text: { font: 'serif', size: 8, lh: 1.45, color: '#262626' },
  no: { font: 'serif', size: 9, lh: 1.4 },
  box: { font: 'sans', size: 7, lh: 1.2, color: GREY },
  sign: S.sign,
  running: S.running,
  page: S.page,
} satisfies Record<string, Style>;

// Columns: 序号 | 检查项目与标准原文 | 合格 | 不合格 | 不适用 | 问题描述 | 照片编号
const W = { no: 22, item: 214, box: 30, notes: 131, photos: 54 };
const X = (() => {
  const no = ML;
  const item = no + W.no;
  const pass = item + W.item;
  const fail = pass + W.box;
  const na = fail + W.box;
  const notes = na + W.box;
  const photos = notes + W.notes;
  return { no, item, pass, fail, na, notes, photos, end: photos + W.photos };
})();
const PAD = 4;
const ROW_MIN = 46; // room to write a line or two of problem by hand

interface Flow {
  pdf: Pdf;
  y: number;
  pages: number;
}

export interface ChecklistOptions {
  /** The issuing office as printed (standards/school/notices.yaml `office`). */
  office: string;
}

/** One round's checklist as a PDF. */
export function checklistPdf(round: InspectionRound, o: ChecklistOptions): Promise<Buffer> {
  const pdf = newPdf({
    title: `后勤服务现场检查表 ${round.id}`,
    author: o.office,
    subject: `${round.provider.name} ${round.campus.name} ${periodText(round)}`,
    keywords: `inspection checklist ${round.id}`,
    date: new Date(`${round.start}T00:00:00Z`),
  });
  return toBuffer(pdf, () => layout(pdf, round, o));
}

function layout(pdf: Pdf, r: InspectionRound, o: ChecklistOptions): void {
  const f: Flow = { pdf, y: TOP, pages: 0 };
  newPage(f, r, o, false);
  titleBlock(f, r, o);

  const groups: { place: PlannedPlace; rows: InspectionRow[] }[] = [];
  for (const row of r.rows) {
    const g = groups[groups.length - 1];
    if (g && g.place.id === row.place.id) g.rows.push(row);
    else groups.push({ place: row.place, rows: [row] });
  }
  tableHeader(f, false);
  let n = 0;
  for (const g of groups) {
    const placeH = placeHeadingHeight(g.place);
    const firstH = rowLayout(g.rows[0]!).h;
    // A place heading is never left alone at the foot of a page.
    if (f.y + placeH + firstH > BOTTOM) {
      newPage(f, r, o, true);
      tableHeader(f, true);
    }
    placeHeading(f, g.place, g.rows.length, false);
    for (const row of g.rows) {
      n++;
      const rl = rowLayout(row);
      if (f.y + rl.h > BOTTOM) {
        newPage(f, r, o, true);
        tableHeader(f, true);
        placeHeading(f, g.place, g.rows.length, true);
      }
      drawRow(f, rl, n);
    }
  }
  signatures(f, r, o, n);
  footers(f, r, o);
}

function newPage(f: Flow, r: InspectionRound, o: ChecklistOptions, running: boolean): void {
  f.pdf.addPage({ size: 'A4', margins: { top: TOP, bottom: PAGE_H - BOTTOM, left: ML, right: ML } });
  f.pages++;
  f.y = TOP;
  if (running) {
    const b = baselineIn(24, 12, ST.running.size);
    const left = `${o.office} · 后勤服务现场检查表 · ${r.provider.name} · ${r.campus.name}`;
    drawText(f.pdf, left, ML, b, ST.running);
    drawText(f.pdf, r.id, ML + CW - textWidth(r.id, ST.running), b, ST.running);
    hline(f.pdf, ML, ML + CW, 38, 0.4, '#9a9a9a');
  }
}

function flow(f: Flow, lines: Line[], x = ML): void {
  drawLines(f.pdf, lines, x, f.y);
  f.y += sumH(lines);
}

function titleBlock(f: Flow, r: InspectionRound, o: ChecklistOptions): void {
  flow(f, para(o.office, ST.office, CW, 'center'));
  flow(f, para('后勤服务现场检查表', ST.title, CW, 'center'));
  f.y += 4;
  // Two rows of label | value | label | value, ruled.
  const cells: [string, string, string, string][] = [
    ['服务商', r.provider.name, '校区', r.campus.name],
    ['检查周期', periodText(r), '轮次编号', r.id],
  ];
  const lw = 58;
  const vw = CW / 2 - lw;
  for (const [l1, v1, l2, v2] of cells) {
    const parts = [
      { x: ML, w: lw, t: l1, s: ST.infoLabel, fill: true },
      { x: ML + lw, w: vw, t: v1, s: ST.info, fill: false },
      { x: ML + lw + vw, w: lw, t: l2, s: ST.infoLabel, fill: true },
      { x: ML + 2 * lw + vw, w: vw, t: v2, s: ST.info, fill: false },
    ].map((p) => ({ ...p, lines: para(p.t, p.s, p.w - 2 * PAD, p.fill ? 'center' : 'left') }));
    const h = Math.max(...parts.map((p) => sumH(p.lines))) + 2 * 3;
    for (const p of parts) {
      if (p.fill) f.pdf.save().rect(p.x, f.y, p.w, h).fillColor('#f2f2f2').fill().restore();
      f.pdf.save().lineWidth(0.6).rect(p.x, f.y, p.w, h).stroke().restore();
      drawLines(f.pdf, p.lines, p.x + PAD, f.y + (h - sumH(p.lines)) / 2);
    }
    f.y += h;
  }
  f.y += 5;
  const places = new Set(r.rows.map((x) => x.place.id)).size;
  const how = `本轮共 ${places} 个地点、${r.rows.length} 项。逐项对照标准原文查看，在相应方框内打“√”；不合格的写明问题（位置、现象）并记下照片编号；未检查的项留空。检查完毕由检查人与服务商陪同人员在末页签字。`;
  flow(f, para(how, ST.how, CW));
  f.y += 6;
}

function tableHeader(f: Flow, _cont: boolean): number {
  const h = 24;
  const y = f.y;
  const cols: [number, number, string][] = [
    [X.no, W.no, '序号'],
    [X.item, W.item, '检查项目与标准要求'],
    [X.pass, W.box, '合格'],
    [X.fail, W.box, '不合格'],
    [X.na, W.box, '不适用'],
    [X.notes, W.notes, '问题描述'],
    [X.photos, W.photos, '照片编号'],
  ];
  f.pdf.save().rect(ML, y, CW, h).fillColor(HEAD_FILL).fill().restore();
  f.pdf.save().lineWidth(0.6);
  for (const [x, w] of cols) f.pdf.rect(x, y, w, h);
  f.pdf.stroke().restore();
  for (const [x, w, t] of cols) {
    const style = t.length > 2 && w <= W.box ? { ...ST.th, size: 8 } : ST.th;
    const lines = para(t, style, w - 2, 'center');
    drawLines(f.pdf, lines, x + 1, y + (h - sumH(lines)) / 2);
  }
  f.y += h;
  return h;
}

const placeKind = (p: PlannedPlace): string => (p.kind === 'campus' ? '全校区' : p.kind === 'building' ? '楼宇' : '场所');

function placeHeadingHeight(p: PlannedPlace): number {
  return Math.max(lineHeight(ST.place), 0) + 6 + (p ? 0 : 0);
}

function placeHeading(f: Flow, p: PlannedPlace, count: number, cont: boolean): void {
  const h = placeHeadingHeight(p);
  const y = f.y;
  f.pdf.save().rect(ML, y, CW, h).fillColor(PLACE_FILL).fill().restore();
  f.pdf.save().lineWidth(0.6).rect(ML, y, CW, h).stroke().restore();
  const name = `${p.name}${cont ? '（续）' : ''}`;
  const b = baselineIn(y, h, ST.place.size);
  f.pdf.save().rect(ML + 4, y + 4, 3, h - 8).fillColor('#000000').fill().restore();
  drawText(f.pdf, name, ML + 14, b, ST.place);
  // The place's name heads the group; its id is for machines (the workbook keeps it in a hidden column).
  const note = `${placeKind(p)} · ${count} 项`;
  drawText(f.pdf, note, ML + CW - PAD - textWidth(note, ST.placeNote), baselineIn(y, h, ST.placeNote.size), ST.placeNote);
  f.y += h;
}

interface RowLayout {
  row: InspectionRow;
  item: Line[];
  h: number;
}

function rowLayout(row: InspectionRow): RowLayout {
  const w = W.item - 2 * PAD;
  const head = para(`${row.reference}　${shortTitle(row)}`, ST.rowTitle, w);
  const text = para(row.text, ST.text, w);
  const item = [...head, ...text];
  return { row, item, h: Math.max(ROW_MIN, sumH(item) + 2 * PAD) };
}

function drawRow(f: Flow, rl: RowLayout, n: number): void {
  const { pdf } = f;
  const y = f.y;
  const h = rl.h;
  pdf.save().lineWidth(0.6);
  for (const [x, w] of [[X.no, W.no], [X.item, W.item], [X.pass, W.box], [X.fail, W.box], [X.na, W.box], [X.notes, W.notes], [X.photos, W.photos]] as const) pdf.rect(x, y, w, h);
  pdf.stroke().restore();
  const no = String(n);
  drawText(pdf, no, X.no + (W.no - textWidth(no, ST.no)) / 2, baselineIn(y + PAD, lineHeight(ST.no), ST.no.size), ST.no);
  drawLines(pdf, rl.item, X.item + PAD, y + PAD);
  // Tick boxes, centred in their columns.
  const s = 10;
  for (const x of [X.pass, X.fail, X.na]) pdf.save().lineWidth(0.8).rect(x + (W.box - s) / 2, y + (h - s) / 2, s, s).stroke().restore();
  // Guide lines to write on.
  const guides = Math.max(1, Math.floor((h - 8) / 16));
  for (let k = 1; k <= guides; k++) {
    const gy = y + (h * k) / (guides + 1) + 4;
    hline(pdf, X.notes + PAD, X.notes + W.notes - PAD, gy, 0.3, '#b5b5b5');
  }
  f.y += h;
}

function signatures(f: Flow, r: InspectionRound, o: ChecklistOptions, n: number): void {
  const lines = [`检查小结（共 ${n} 项：合格____项，不合格____项，不适用____项，未检查____项）：`];
  const h = 16 + 3 * 20 + 14 + 2 * 30 + 8;
  if (f.y + h > BOTTOM) newPage(f, r, o, true);
  f.y += 14;
  flow(f, para(lines[0]!, ST.sign, CW));
  for (let k = 0; k < 3; k++) {
    f.y += 20;
    hline(f.pdf, ML, ML + CW, f.y, 0.4, '#9a9a9a');
  }
  f.y += 18;
  const sign = (label: string, x: number, width: number): void => {
    const b = baselineIn(f.y, lineHeight(ST.sign), ST.sign.size);
    drawText(f.pdf, label, x, b, ST.sign);
    hline(f.pdf, x + textWidth(label, ST.sign) + 2, x + width, b + 3, 0.6);
  };
  sign('检查人（签字）：', ML, CW / 2 - 16);
  sign('服务商陪同人员（签字）：', ML + CW / 2, CW / 2);
  f.y += 30;
  sign('检查日期：', ML, CW / 2 - 16);
  const unit = `检查单位：${o.office}`;
  drawText(f.pdf, unit, ML + CW / 2, baselineIn(f.y, lineHeight(ST.sign), ST.sign.size), ST.sign);
  f.y += 30;
}

function footers(f: Flow, r: InspectionRound, _o: ChecklistOptions): void {
  const { start, count } = f.pdf.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    f.pdf.switchToPage(start + i);
    const top = BOTTOM + 8;
    hline(f.pdf, ML, ML + CW, top, 0.4, '#9a9a9a');
    const b = baselineIn(top + 3, lineHeight(ST.page), ST.page.size);
    const pn = `第 ${i + 1} 页 共 ${count} 页`;
    drawText(f.pdf, pn, ML + (CW - textWidth(pn, ST.page)) / 2, b, ST.page);
    drawText(f.pdf, r.id, ML + CW - textWidth(r.id, ST.running), b, ST.running);
    drawText(f.pdf, 'Charter 按标准生成', ML, b, ST.running);
  }
  f.pdf.flushPages();
}
