// PDF rendering of rectification notices (问题整改通知单) and monthly scorecards (考核评分表) with PDFKit.
//
// Layout is done here, not by PDFKit's text flow: every string is broken into lines by `wrap` (CJK may
// break between any two characters, Latin runs and ids stay whole, kinsoku rules keep closing
// punctuation off the start of a line), measured with the same fontkit fonts PDFKit embeds, and drawn
// at explicit positions. That keeps page breaks under our control: table rows move or split at line
// boundaries, header rows repeat, and nothing is ever drawn past the bottom margin.
//
// Structure: fonts and measuring → lines and paragraphs → Sheet (pages, running header, footer) →
// tables → the two documents. Output is deterministic: info dates come from the document, the trailer
// /ID is PDFKit's MD5 of the info dictionary, subset tags come from font ids, and no clock is read.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, formatPeriod } from './format.ts';
import type { NoticeDoc, NoticeProblem, Provenance, ScorecardDoc } from './types.ts';

export { formatDate, formatPeriod };

// ---------------------------------------------------------------------------------------------------
// Fonts

type FontKey = 'serif' | 'serifBold' | 'sans' | 'sansBold';
const FONT_KEYS: readonly FontKey[] = ['serif', 'serifBold', 'sans', 'sansBold'];

const FONT_FILES: Record<FontKey, readonly [pkg: string, file: string]> = {
  serif: ['@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'],
  serifBold: ['@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'],
  sans: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
  sansBold: ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'],
};

/** The part of a fontkit font we use; PDFKit accepts the same object in registerFont. */
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

const require = createRequire(import.meta.url);
// The fontkit PDFKit itself depends on, resolved from PDFKit's location (it is not our dependency).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): FontkitFont };
const fontCache = new Map<FontKey, FontkitFont>();

/** Each 10–15 MB font file is read and parsed once per process; documents share the parsed font
 *  (and its glyph cache) and PDFKit embeds a per-document subset of it. */
function loadFont(key: FontKey): FontkitFont {
  let f = fontCache.get(key);
  if (!f) {
    const [pkg, file] = FONT_FILES[key];
    const path = join(dirname(require.resolve(`${pkg}/package.json`)), file);
    f = fontkit.create(readFileSync(path));
    fontCache.set(key, f);
  }
  return f;
}

// Widths at 1 pt, per font and token. Tokens are single CJK characters or short Latin runs, so the
// cache stays small; it is reset if a long-running process fills it with ids.
const widthCache = new Map<FontKey, Map<string, number>>();
function emWidth(key: FontKey, text: string): number {
  let m = widthCache.get(key);
  if (!m) widthCache.set(key, (m = new Map()));
  let w = m.get(text);
  if (w === undefined) {
    if (m.size > 50_000) m.clear();
    const f = loadFont(key);
    w = f.layout(text).advanceWidth / f.unitsPerEm;
    m.set(text, w);
  }
  return w;
}

// ---------------------------------------------------------------------------------------------------
// Page geometry (points) and styles

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 56.69; // 2 cm
const ML = MARGIN;
const TOP = MARGIN;
const BOTTOM = PAGE_H - MARGIN;
const CW = PAGE_W - 2 * MARGIN;

const INK = '#000000';
const GREY = '#555555';
const RULE_GREY = '#9a9a9a';
const HEAD_FILL = '#e9e9e9';
const LABEL_FILL = '#f2f2f2';
const SUB_FILL = '#f7f7f7';

interface Style {
  font: FontKey;
  size: number;
  color?: string;
  /** Line height as a multiple of the size. */
  lh?: number;
  /** Extra space between characters (pt), for spaced-out titles. */
  cs?: number;
}

const S = {
  office: { font: 'sans', size: 14, cs: 1, lh: 1.5 },
  title: { font: 'sansBold', size: 22, cs: 5, lh: 1.5 },
  titleLong: { font: 'sansBold', size: 17, cs: 1, lh: 1.45 },
  number: { font: 'serif', size: 10.5, lh: 1.6 },
  h2: { font: 'sansBold', size: 11.5, lh: 1.5 },
  body: { font: 'serif', size: 10.5, lh: 1.8 },
  th: { font: 'sansBold', size: 9.5, lh: 1.35 },
  label: { font: 'sansBold', size: 9.5, lh: 1.45 },
  cell: { font: 'serif', size: 9.5, lh: 1.5 },
  cellBold: { font: 'sansBold', size: 9.5, lh: 1.5 }, // 黑体 for emphasis: one font fewer to subset per PDF
  cellSmall: { font: 'serif', size: 9, lh: 1.45 },
  ref: { font: 'sans', size: 8.5, lh: 1.45 },
  clause: { font: 'serif', size: 8, lh: 1.45, color: '#262626' },
  evidence: { font: 'serif', size: 8, lh: 1.45, color: '#1a1a1a' },
  evidenceHead: { font: 'sans', size: 8, lh: 1.45, color: '#1a1a1a' },
  note: { font: 'serif', size: 8.5, lh: 1.5, color: '#333333' },
  sign: { font: 'serif', size: 10.5, lh: 1.6 },
  big: { font: 'sansBold', size: 16, lh: 1.4 },
  axis: { font: 'sans', size: 7, lh: 1.2, color: GREY },
  foot: { font: 'sans', size: 6.5, lh: 1.4, color: GREY },
  running: { font: 'sans', size: 7.5, lh: 1.3, color: GREY },
  page: { font: 'serif', size: 9, lh: 1.3 },
  qr: { font: 'sans', size: 6.5, lh: 1.2, color: '#333333' },
} satisfies Record<string, Style>;

// ---------------------------------------------------------------------------------------------------
// Lines

type Align = 'left' | 'center' | 'right';

interface Seg {
  text: string;
  dx: number;
  style: Style;
}
/** One laid-out line: positioned segments and the line's height. A line without segments is a gap. */
interface Line {
  segs: Seg[];
  h: number;
}

function textWidth(text: string, style: Style): number {
  let w = 0;
  for (const t of tokenize(text)) w += emWidth(style.font, t);
  return w * style.size + (style.cs ?? 0) * Math.max(0, [...text].length - 1);
}

const lineHeight = (style: Style): number => style.size * (style.lh ?? 1.5);

// Latin runs (ids, numbers, dates) stay whole; everything else is one character per token.
const TOKEN = /[\x21-\x7e]+|[ \t\u3000]+|[\s\S]/gu;
const tokenize = (s: string): string[] => s.match(TOKEN) ?? [];
const isSpace = (t: string): boolean => /^[ \t\u3000]+$/.test(t);
// Kinsoku: these may not start a line / end a line.
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…·%,.;:!?)]}']);
const NO_END = new Set([...'（《「『【〔〈“‘([{']);

// A no-break space (U+00A0, labels.ts puts one between a number and its unit: 45 分钟, ≥ 18 ℃) glues the
// token before it, itself and the word after it (up to four letters: 分钟, 个工作日) into one unbreakable
// token, so a line never ends between a number and its unit.
const GLUE_WORD = /^[\p{L}\p{N}℃‰%°.]$/u;
function glued(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t !== '\u00a0') {
      out.push(t);
      continue;
    }
    // The number (or sign) before it; a Chinese word before it is not glued (a line may break there).
    const prev = out[out.length - 1];
    let run = (prev !== undefined && /[\x21-\x7e≥≤±]$/.test(prev) ? out.pop()! : '') + t;
    let k = 0;
    while (i + 1 < tokens.length && tokens[i + 1] !== '\u00a0' && k < 4 && (/^[\x21-\x7e]+$/.test(tokens[i + 1]!) ? k === 0 : GLUE_WORD.test(tokens[i + 1]!))) {
      const next = tokens[++i]!;
      run += next;
      k += /^[\x21-\x7e]+$/.test(next) ? 4 : 1;
    }
    // In a chain (1 件中 0 件达成) each number keeps its unit; a line may break between the pairs.
    out.push(run);
  }
  return out;
}

/** Break text into lines no wider than `width` (the first line `first` wide). */
function wrap(text: string, style: Style, width: number, first = width): string[] {
  const out: string[] = [];
  const cs = style.cs ?? 0;
  const tw = (t: string): number => emWidth(style.font, t) * style.size + cs * [...t].length;
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    const max = (): number => (out.length === 0 ? first : width) + cs - 0.5;
    const push = (): void => {
      out.push(line.join('').replace(/[ \t]+$/, ''));
      line = [];
      w = 0;
    };
    for (let t of glued(tokenize(para))) {
      if (line.length === 0 && isSpace(t) && t !== '\u3000') continue;
      // A no-break space that a line break fell before is not printed at the start of the new line.
      if (line.length === 0 && t.length > 1 && t.startsWith('\u00a0')) t = t.slice(1);
      const wt = tw(t);
      if (w + wt <= max()) {
        line.push(t);
        w += wt;
        continue;
      }
      if (isSpace(t)) {
        push();
        continue;
      }
      if (t.length > 1 && t.startsWith('\u00a0')) t = t.slice(1); // it goes to a new line (below)
      if (wt > max()) {
        // A Latin run longer than the line: break it between characters.
        for (const ch of t) {
          const wc = tw(ch);
          if (w + wc > max() && line.length > 0) push();
          line.push(ch);
          w += wc;
        }
        continue;
      }
      // Carry tokens down until the new line would not start with closing punctuation and the old one
      // would not end with opening punctuation (at most three, and never the whole line).
      const carry: string[] = [];
      let cw = wt;
      while (carry.length < 3 && line.length > 1) {
        const head = carry[0] ?? t;
        const last = line[line.length - 1]!;
        if (!NO_START.has([...head][0]!) && !NO_END.has(last)) break;
        if (cw + tw(last) > width) break;
        carry.unshift(line.pop()!);
        cw += tw(last);
      }
      push();
      for (let c of [...carry, t]) {
        if (line.length === 0 && c.length > 1 && c.startsWith('\u00a0')) c = c.slice(1);
        line.push(c);
        w += tw(c);
      }
    }
    push();
  }
  return out;
}

function para(text: string, style: Style, width: number, align: Align = 'left', indent = 0): Line[] {
  const h = lineHeight(style);
  return wrap(text, style, width, width - indent).map((s, i) => {
    const w = textWidth(s, style);
    const dx = align === 'center' ? (width - w) / 2 : align === 'right' ? width - w : i === 0 ? indent : 0;
    return { segs: [{ text: s, dx, style }], h };
  });
}

const gap = (h: number): Line => ({ segs: [], h });
const sumH = (lines: Line[]): number => lines.reduce((a, l) => a + l.h, 0);

interface Field {
  text: string;
  dx: number;
  w: number;
  style: Style;
}

/** One row of fields at tab stops, each wrapped within its own width. */
function tabRow(fields: Field[]): Line[] {
  const wrapped = fields.map((f) => wrap(f.text, f.style, f.w));
  const rows = Math.max(...wrapped.map((w) => w.length));
  const h = Math.max(...fields.map((f) => lineHeight(f.style)));
  const out: Line[] = [];
  for (let k = 0; k < rows; k++) {
    const segs: Seg[] = [];
    fields.forEach((f, i) => {
      const t = wrapped[i]![k];
      if (t) segs.push({ text: t, dx: f.dx, style: f.style });
    });
    out.push({ segs, h });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Drawing primitives

type Pdf = PDFKit.PDFDocument;

function drawText(pdf: Pdf, text: string, x: number, baseline: number, style: Style): void {
  if (!text) return;
  pdf
    .font(style.font)
    .fontSize(style.size)
    .fillColor(style.color ?? INK)
    .text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', characterSpacing: style.cs ?? 0 });
}

/** Baseline that centres the ideographic em box (-0.12…0.88 em) in a line of height h. */
const baselineIn = (top: number, h: number, size: number): number => top + h / 2 + 0.38 * size;

function drawLines(pdf: Pdf, lines: Line[], x: number, y: number): void {
  for (const line of lines) {
    for (const s of line.segs) drawText(pdf, s.text, x + s.dx, baselineIn(y, line.h, s.style.size), s.style);
    y += line.h;
  }
}

function hline(pdf: Pdf, x0: number, x1: number, y: number, width = 0.5, color = INK): void {
  pdf.save().lineWidth(width).strokeColor(color).moveTo(x0, y).lineTo(x1, y).stroke().restore();
}

/** Vector QR code: one filled rectangle per horizontal run of dark modules. */
function drawQr(pdf: Pdf, url: string, x: number, y: number, size: number): void {
  const m = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const u = size / m.size;
  pdf.save();
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; ) {
      if (!m.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.get(r, c)) c++;
      // A hair of overlap so viewers do not show seams between modules.
      pdf.rect(x + start * u, y + r * u, (c - start) * u + 0.05, u + 0.05);
    }
  }
  pdf.fillColor(INK).fill();
  pdf.restore();
}

// ---------------------------------------------------------------------------------------------------
// Sheet: page flow for one document inside a (possibly batched) PDF

class Sheet {
  pdf: Pdf;
  y = TOP;
  /** Pages of the current document so far. */
  pages = 0;
  private running: [string, string] | null = null;

  constructor(pdf: Pdf) {
    this.pdf = pdf;
  }

  /** Start a document on a fresh page; `running` is the header of its continuation pages. */
  begin(running: [string, string]): void {
    this.running = running;
    this.pages = 0;
    this.newPage();
  }

  newPage(): void {
    this.pdf.addPage({ size: 'A4', margins: { top: TOP, bottom: MARGIN, left: ML, right: MARGIN } });
    this.pages++;
    this.y = TOP;
    if (this.pages > 1 && this.running) {
      const [l, r] = this.running;
      const b = baselineIn(30, 12, S.running.size);
      drawText(this.pdf, l, ML, b, S.running);
      drawText(this.pdf, r, ML + CW - textWidth(r, S.running), b, S.running);
      hline(this.pdf, ML, ML + CW, 44, 0.4, RULE_GREY);
    }
  }

  get left(): number {
    return BOTTOM - this.y;
  }

  /** Make sure h points fit on this page, else continue on a new one. */
  space(h: number): void {
    if (this.y + h > BOTTOM + 0.01) this.newPage();
  }

  /** Flow lines down the page, breaking between lines. */
  flow(lines: Line[], x = ML): void {
    for (const l of lines) {
      this.space(l.h);
      drawLines(this.pdf, [l], x, this.y);
      this.y += l.h;
    }
  }

  /** Footer on every page of the finished document, numbered within it; then release its pages. */
  finish(prov: Provenance, mark?: string): void {
    const { start, count } = this.pdf.bufferedPageRange();
    const first = start + count - this.pages;
    if (mark) {
      for (let i = 0; i < this.pages; i++) {
        this.pdf.switchToPage(first + i);
        watermark(this.pdf, mark);
      }
    }
    const parts = [`依据：${prov.standard}`, `日历：${prov.calendar}`, `数据 SHA-256：${prov.data_sha256.slice(0, 16)}…`, prov.engine];
    const lines = para(joinFitting(parts, ' · ', S.foot, CW), S.foot, CW, 'center');
    for (let i = 0; i < this.pages; i++) {
      this.pdf.switchToPage(first + i);
      const top = BOTTOM + 6;
      hline(this.pdf, ML, ML + CW, top, 0.4, RULE_GREY);
      // The page number first, right under the rule: its baseline stays well over 10 mm (28.35 pt) from the
      // paper's edge, inside what any printer prints; the provenance lines follow in small grey type.
      const pn = `第 ${i + 1} 页 共 ${this.pages} 页`;
      drawText(this.pdf, pn, ML + (CW - textWidth(pn, S.page)) / 2, baselineIn(top + 1, lineHeight(S.page), S.page.size), S.page);
      drawLines(this.pdf, lines, ML, top + 1 + lineHeight(S.page));
    }
    this.pdf.flushPages();
  }
}

/** A large diagonal word across the page (草稿, 作废): light enough to read the text under it. */
function watermark(pdf: Pdf, text: string): void {
  const style: Style = { font: 'sansBold', size: [...text].length > 3 ? 64 : 110, color: '#b00000' };
  const w = textWidth(text, style);
  pdf.save();
  pdf.fillOpacity(0.16);
  pdf.rotate(-35, { origin: [PAGE_W / 2, PAGE_H / 2] });
  drawText(pdf, text, (PAGE_W - w) / 2, PAGE_H / 2 + style.size * 0.35, style);
  pdf.restore();
}

/** Join parts with `sep`, starting a new line (\n) where the next part would not fit. */
function joinFitting(parts: string[], sep: string, style: Style, width: number): string {
  const lines: string[] = [];
  for (const p of parts) {
    const cur = lines[lines.length - 1];
    if (cur !== undefined && textWidth(cur + sep + p, style) <= width) lines[lines.length - 1] = cur + sep + p;
    else lines.push(p);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Tables

type Block = { text: string; style: Style; align?: Align; indent?: number } | { gap: number } | { lines: (width: number) => Line[] };

interface Cell {
  blocks: Block[];
  span?: number;
  fill?: string;
  valign?: 'top' | 'middle';
}
interface Row {
  cells: Cell[];
  /** Keep on the same page as the next row. */
  keep?: boolean;
  min?: number;
}
interface Table {
  widths: number[];
  header?: Row;
  x?: number;
}

interface Placed {
  cells: { x: number; w: number; lines: Line[]; fill?: string; valign: 'top' | 'middle' }[];
  min: number;
}

const PAD_X = 4;
const PAD_Y = 3.5;

function blockLines(b: Block, width: number): Line[] {
  if ('gap' in b) return [gap(b.gap)];
  if ('lines' in b) return b.lines(width);
  return para(b.text, b.style, width, b.align ?? 'left', b.indent ?? 0);
}

function place(t: Table, row: Row): Placed {
  let x = t.x ?? ML;
  let col = 0;
  const cells: Placed['cells'] = [];
  for (const c of row.cells) {
    const span = c.span ?? 1;
    const w = t.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    const lines = c.blocks.flatMap((b) => blockLines(b, w - 2 * PAD_X));
    cells.push({ x, w, lines, valign: c.valign ?? 'top', ...(c.fill ? { fill: c.fill } : {}) });
    x += w;
    col += span;
  }
  return { cells, min: row.min ?? 0 };
}

const rowHeight = (p: Placed): number => Math.max(p.min, ...p.cells.map((c) => sumH(c.lines) + 2 * PAD_Y));

/** The height a table takes when drawn whole (header included). */
function tableHeight(t: Table, rows: Row[]): number {
  return (t.header ? rowHeight(place(t, t.header)) : 0) + rows.reduce((a, r) => a + rowHeight(place(t, r)), 0);
}

function drawRow(sheet: Sheet, p: Placed, h: number): void {
  const { pdf } = sheet;
  const y = sheet.y;
  for (const c of p.cells) {
    if (c.fill) pdf.save().rect(c.x, y, c.w, h).fillColor(c.fill).fill().restore();
  }
  pdf.save().lineWidth(0.6).strokeColor(INK);
  for (const c of p.cells) pdf.rect(c.x, y, c.w, h);
  pdf.stroke().restore();
  for (const c of p.cells) {
    const off = c.valign === 'middle' ? (h - 2 * PAD_Y - sumH(c.lines)) / 2 : 0;
    drawLines(pdf, c.lines, c.x + PAD_X, y + PAD_Y + off);
  }
  sheet.y += h;
}

/** Split a row so that its first part fills `avail`; null when no line fits or nothing is left over. */
function splitRow(p: Placed, avail: number): [Placed, Placed] | null {
  const room = avail - 2 * PAD_Y;
  let any = false;
  let rest = false;
  const takes = p.cells.map((c) => {
    let acc = 0;
    let k = 0;
    while (k < c.lines.length && acc + c.lines[k]!.h <= room) acc += c.lines[k++]!.h;
    if (k > 0) any = true;
    if (k < c.lines.length) rest = true;
    return k;
  });
  if (!any || !rest) return null;
  const head: Placed = { min: avail, cells: p.cells.map((c, i) => ({ ...c, valign: 'top', lines: c.lines.slice(0, takes[i]) })) };
  const tail: Placed = { min: 0, cells: p.cells.map((c, i) => ({ ...c, valign: 'top', lines: c.lines.slice(takes[i]) })) };
  return [head, tail];
}

/** Draw a table. Rows chained with `keep` move to the next page together; a row taller than half a
 *  page splits between lines when it does not fit; the header row repeats on every page. */
function drawTable(sheet: Sheet, t: Table, rows: Row[]): void {
  const header = t.header ? place(t, t.header) : null;
  const hh = header ? rowHeight(header) : 0;
  const placed = rows.map((r) => place(t, r));
  const heights = placed.map(rowHeight);
  const full = BOTTOM - TOP - hh;
  const startPage = (): void => {
    sheet.newPage();
    if (header) drawRow(sheet, header, hh);
  };
  let top = 0; // y just below the header on the current page: nothing gained by moving from there
  const atTop = (): boolean => sheet.y <= top + 0.01;

  // Never leave a header alone at the bottom of a page.
  if (header) {
    if (sheet.left < hh + Math.min(heights[0] ?? 0, 60)) sheet.newPage();
    drawRow(sheet, header, hh);
  }
  top = sheet.y;

  let i = 0;
  while (i < placed.length) {
    let j = i;
    while (j < placed.length - 1 && rows[j]!.keep) j++;
    const gh = heights.slice(i, j + 1).reduce((a, b) => a + b, 0);
    if (gh > sheet.left && gh <= full && !atTop()) {
      startPage();
      top = sheet.y;
    }
    for (let k = i; k <= j; k++) {
      let cur: Placed | null = placed[k]!;
      while (cur) {
        const h = rowHeight(cur);
        if (h <= sheet.left + 0.01) {
          drawRow(sheet, cur, h);
          cur = null;
          continue;
        }
        // Move a row that fits on a page unless it is large and there is a fair amount of room here.
        if (!atTop() && h <= full && (h < full / 2 || sheet.left < 90)) {
          startPage();
          top = sheet.y;
          continue;
        }
        const parts = splitRow(cur, sheet.left);
        if (!parts) {
          if (atTop()) {
            // Cannot happen with real content (a single line taller than a page); draw rather than loop.
            drawRow(sheet, cur, h);
            cur = null;
          } else {
            startPage();
            top = sheet.y;
          }
          continue;
        }
        drawRow(sheet, parts[0], sheet.left);
        startPage();
        top = sheet.y;
        cur = parts[1];
      }
    }
    i = j + 1;
  }
}

// Cell helpers
const txt = (text: string, style: Style = S.cell, align: Align = 'left'): Block => ({ text, style, align });
const labelCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ blocks: [txt(text, S.label, 'center')], fill: LABEL_FILL, valign: 'middle', ...extra });
const valueCell = (text: string, extra: Partial<Cell> = {}): Cell => ({ blocks: [txt(text, S.cell)], valign: 'middle', ...extra });
const headRow = (titles: string[]): Row => ({ cells: titles.map((s) => ({ blocks: [txt(s, S.th, 'center')], fill: HEAD_FILL, valign: 'middle' })) });

// ---------------------------------------------------------------------------------------------------
// Shared pieces

const num = (n: number): string => String(Math.round(n * 100) / 100);
const BLANK_DATE = '　　　　年　　月　　日';

function heading(sheet: Sheet, text: string, after: number = 0): void {
  const lines = [gap(6), ...para(text, S.h2, CW)];
  sheet.space(sumH(lines) + after);
  sheet.flow(lines);
  sheet.y += 2;
}

function centred(sheet: Sheet, text: string, style: Style): void {
  sheet.flow(para(text, style, CW, 'center'));
}

/** "label：" followed by a ruled blank up to x + width. */
function signLine(pdf: Pdf, label: string, x: number, y: number, width: number, style: Style = S.sign): void {
  const h = lineHeight(style);
  drawText(pdf, label, x, baselineIn(y, h, style.size), style);
  hline(pdf, x + textWidth(label, style) + 2, x + width, baselineIn(y, h, style.size) + 3, 0.6);
}

interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  date: Date;
}

function newPdf(meta: PdfMeta): Pdf {
  const pdf = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'Charter',
      Producer: 'PDFKit',
      // Fixed by the document, so the bytes and PDFKit's trailer /ID (an MD5 of this dictionary) repeat.
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  // PDFKit takes a parsed fontkit font as well as a path or buffer (PDFFontFactory.open).
  for (const k of FONT_KEYS) pdf.registerFont(k, loadFont(k) as unknown as Buffer);
  return pdf;
}

function toBuffer(pdf: Pdf, draw: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      draw();
      pdf.end();
    } catch (e) {
      reject(e);
    }
  });
}

function dateOf(s: string): Date {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new RangeError(`render: not a date: ${s}`);
  return d;
}

const latest = (dates: string[]): Date => new Date(Math.max(...dates.map((s) => dateOf(s).getTime())));

// ---------------------------------------------------------------------------------------------------
// Notice

const QR_SIZE = 58;

function evidenceLines(p: NoticeProblem, width: number): Line[] {
  const head = p.evidence.length < p.evidence_total ? `核查记录：共 ${p.evidence_total} 条，列出前 ${p.evidence.length} 条` : `核查记录：共 ${p.evidence_total} 条`;
  const out = para(head, S.evidenceHead, width);
  // Tab stops: number | record or unit · cell | actual | required.
  const n = 16;
  const w1 = (width - n) * 0.4;
  const w2 = (width - n) * 0.3;
  const w3 = width - n - w1 - w2;
  p.evidence.forEach((e, i) => {
    if (e.text !== undefined) {
      // The evidence as one sentence (engine/notices/wording.ts): numbered, wrapped across the row.
      out.push(...tabRow([{ text: `${i + 1}.`, dx: 0, w: n, style: S.evidence }, { text: e.text, dx: n, w: width - n, style: S.evidence }]));
      return;
    }
    const where = e.record ?? [e.unit, e.cell].filter(Boolean).join(' · ');
    out.push(
      ...tabRow([
        { text: `${i + 1}.`, dx: 0, w: n, style: S.evidence },
        { text: where, dx: n, w: w1 - 6, style: S.evidence },
        { text: e.actual !== undefined ? `实际 ${e.actual}` : '', dx: n + w1, w: w2 - 6, style: S.evidence },
        { text: e.required !== undefined ? `要求 ${e.required}` : '', dx: n + w1 + w2, w: w3, style: S.evidence },
      ]),
    );
  });
  return out;
}

function layoutNotice(sheet: Sheet, d: NoticeDoc): void {
  const { pdf } = sheet;
  sheet.begin([`${d.title} · ${d.number}`, `${d.provider.name}（续）`]);

  centred(sheet, d.office, S.office);
  centred(sheet, d.title, S.title);
  sheet.flow(para(d.number, S.number, CW, 'right'));
  sheet.y += 2;
  hline(pdf, ML, ML + CW, sheet.y, 1.4);
  hline(pdf, ML, ML + CW, sheet.y + 2.5, 0.5);
  sheet.y += 12;

  if (d.voided) {
    drawTable(sheet, { widths: [64, CW - 64] }, [
      {
        min: 26,
        cells: [
          { blocks: [txt('作　废', S.label, 'center')], fill: HEAD_FILL, valign: 'middle' },
          { blocks: [txt(`本通知单已于 ${formatDate(d.voided.at)}由 ${d.voided.by} 作废。原因：${d.voided.reason}`, S.cellBold), txt(`编号 ${d.number} 保留，不再使用；本通知单不再签收、反馈或复查，所列问题不计考核扣分。`, S.note)], valign: 'middle' },
        ],
      },
    ]);
    sheet.y += 8;
  }
  if (d.draft) {
    sheet.flow(para('草稿：试签发（--dry-run）生成，未编号，未登记台账，不作为正式通知。', S.note, CW, 'center'));
    sheet.y += 4;
  }

  // Header table with the QR code beside it.
  const qrTop = sheet.y;
  const tw = CW - QR_SIZE - 14;
  const lw = 64;
  const vw = (tw - 2 * lw) / 2;
  drawTable(sheet, { widths: [lw, vw, lw, vw] }, [
    { cells: [labelCell('被检查单位'), valueCell(d.provider.name), labelCell('检查类型'), valueCell(d.inspection_type)], min: 22 },
    { cells: [labelCell('检查期间'), valueCell(formatPeriod(d.period)), labelCell('签发日期'), valueCell(formatDate(d.issued_at))], min: 22 },
    { cells: [labelCell('问题数量'), valueCell(`${d.problems.length} 项`), labelCell('整改期限'), valueCell(`${formatDate(d.deadline.date)} 前`)], min: 22 },
  ]);
  const qrX = ML + CW - QR_SIZE;
  drawQr(pdf, d.qr_url, qrX, qrTop, QR_SIZE);
  const cap = '扫码查看条款';
  drawText(pdf, cap, qrX + (QR_SIZE - textWidth(cap, S.qr)) / 2, baselineIn(qrTop + QR_SIZE + 1, 9, S.qr.size), S.qr);
  sheet.y = Math.max(sheet.y, qrTop + QR_SIZE + 10) + 10;

  // Salutation and demand.
  sheet.flow(para(`${d.provider.name}：`, S.body, CW));
  sheet.flow(para(d.demand, S.body, CW, 'left', 2 * S.body.size));

  // Problems.
  heading(sheet, '一、存在问题', 60);
  const widths = [30, 60, 120, 168, CW - 30 - 60 - 120 - 168];
  const rows: Row[] = [];
  // One problem (or advisory) as a table row: number, place, what was found, the clause relied on, what to do.
  const problemCells = (p: (typeof d.problems)[number]) => [
    { blocks: [txt(String(p.seq), S.cell, 'center')] },
    { blocks: [txt(p.place)] },
    { blocks: [txt(p.description)] },
    // The clause in official style (第4.3条第1项; a plan's own numbering under its title); the id is for machines.
    { blocks: [txt(p.ref !== undefined ? `${p.source}${p.ref ? `\n${p.ref}` : ''}` : `${p.source}\n条款 ${p.requirement}`, S.ref), { gap: 2 }, txt(`“${p.clause_text}”`, S.clause)] },
    { blocks: [txt(p.action)] },
  ];
  for (const p of d.problems) {
    const hasEvidence = p.evidence.length > 0 || p.evidence_total > 0;
    rows.push({ keep: hasEvidence, cells: problemCells(p) });
    if (hasEvidence) rows.push({ cells: [{ blocks: [], fill: SUB_FILL }, { span: 4, fill: SUB_FILL, blocks: [{ lines: (w) => evidenceLines(p, w) }] }] });
  }
  drawTable(sheet, { widths, header: headRow(['序号', '地点', '问题描述', '依据条款', '整改要求']) }, rows);

  // 宜 (should) items: advice, apart from the obligations above; no deadline, no deduction.
  if (d.advisories?.length) {
    heading(sheet, '（附）建议改进（宜）', 60);
    sheet.flow(para('以下为标准中以“宜”表述的推荐性要求，本期未达到，列出供改进参考；不列入整改期限，不作为考核扣分依据。', S.note, CW));
    sheet.y += 3;
    drawTable(
      sheet,
      { widths, header: headRow(['序号', '地点', '情况', '依据条款（宜）', '改进建议']) },
      d.advisories.map((p) => ({ cells: problemCells(p) })),
    );
  }

  // Deadline, re-check, objection: the end of the body, which the seal and signature block below must share
  // a page with (GB/T 9704—2012 7.3.5: no page with only the seal and signature). When the block would not
  // fit after it, section 二 moves to the next page together with it.
  const lw2 = 76;
  const endRows: Row[] = [
    {
      keep: true,
      cells: [labelCell('整改期限'), { blocks: [txt(`${formatDate(d.deadline.date)} 前`, S.cellBold), txt(`计算方式：${d.deadline.rule}`, S.note)] }],
    },
    { keep: true, cells: [labelCell('复查方式'), { blocks: [txt(d.recheck)] }] },
    { cells: [labelCell('异议'), { blocks: [txt(d.objection.text), txt(`异议受理截止：${formatDate(d.objection.until)}`, S.note)] }] },
  ];
  const endTable: Table = { widths: [lw2, CW - lw2] };
  const sh = lineHeight(S.sign);
  const issuerLines = [`签发单位：${d.office}（盖章）`, `签发人：${d.issuer.name}`, ...(d.issuer.contact ? [`联系方式：${d.issuer.contact}`] : [])];
  const sealH = 14 + sh * (issuerLines.length + 2);
  const endH = 8 + lineHeight(S.h2) + tableHeight(endTable, endRows) + sealH;
  if (endH > sheet.left && endH <= BOTTOM - TOP) sheet.newPage();
  heading(sheet, '二、整改期限与复查', 90);
  drawTable(sheet, endTable, endRows);

  // Issuer, right-aligned block with signature and the signing date (the day of issue, in words).
  sheet.space(sealH); // fits by construction, unless section 二 alone is taller than a page
  sheet.y += 14;
  const bx = ML + CW * 0.46;
  for (const s of issuerLines) {
    sheet.flow(para(s, S.sign, CW * 0.54), bx);
  }
  signLine(pdf, '签字：', bx, sheet.y, 160);
  sheet.y += sh;
  drawText(pdf, `日期：${formatDate(d.issued_at)}`, bx, baselineIn(sheet.y, sh, S.sign.size), S.sign);
  sheet.y += sh;

  // Receipt.
  heading(sheet, '三、签收', 40);
  drawTable(sheet, { widths: [lw2, CW - lw2] }, [
    {
      min: 34,
      cells: [
        labelCell('被检查单位签收'),
        {
          valign: 'middle',
          blocks: [
            {
              lines: (w) => {
                const label = '签收人（签字）：';
                const date = `签收日期：${BLANK_DATE}`;
                const right = w - textWidth(date, S.sign);
                return [{ h: sh, segs: [{ text: label, dx: 0, style: S.sign }, { text: date, dx: right, style: S.sign }] }];
              },
            },
          ],
        },
      ],
    },
  ]);

  // Reply, filled in by the provider and the re-checker; kept on one page.
  const replyWidths = [lw2, (CW - 2 * lw2) / 2, lw2, (CW - 2 * lw2) / 2];
  const blank = (extra: Partial<Cell> = {}): Cell => ({ blocks: [], ...extra });
  const dateCell: Cell = { blocks: [txt(BLANK_DATE, S.cell, 'center')], valign: 'middle' };
  const replyRows: Row[] = [
    { keep: true, min: 96, cells: [labelCell('整改措施'), blank({ span: 3 })] },
    { keep: true, min: 28, cells: [labelCell('完成日期'), dateCell, labelCell('责任人（签字）'), blank()] },
    {
      keep: true,
      min: 64,
      cells: [labelCell('复查结果'), { span: 3, blocks: [txt('□ 已按期完成整改　　□ 部分完成整改　　□ 未完成整改', S.cell)] }],
    },
    { min: 28, cells: [labelCell('复查人（签字）'), blank(), labelCell('复查日期'), dateCell] },
  ];
  heading(sheet, '四、整改情况反馈（由被检查单位填写，复查结果由检查人员填写）', 96 + 28 + 64 + 28 + 10);
  drawTable(sheet, { widths: replyWidths }, replyRows);

  sheet.finish(d.provenance, d.voided ? '作废' : d.draft ? '草稿' : undefined);
}

/** One rectification notice as a PDF. */
export function renderNotice(doc: NoticeDoc): Promise<Buffer> {
  return renderNotices([doc]);
}

/** A batch of notices in one PDF for printing; each starts on a new page and is numbered on its own. */
export function renderNotices(docs: NoticeDoc[]): Promise<Buffer> {
  if (docs.length === 0) return Promise.reject(new RangeError('renderNotices: no notices to render'));
  const one = docs.length === 1 ? docs[0]! : null;
  const pdf = newPdf({
    title: one ? `${one.title} ${one.number}` : `${docs[0]!.title}（${docs.length} 份：${docs[0]!.number}—${docs[docs.length - 1]!.number}）`,
    author: docs[0]!.office,
    subject: one ? `${one.provider.name} ${formatPeriod(one.period)}` : [...new Set(docs.map((d) => formatPeriod(d.period)))].join('、'),
    keywords: [...new Set(docs.map((d) => d.provenance.data_sha256))].join(' '),
    date: latest(docs.map((d) => d.issued_at)),
  });
  const sheet = new Sheet(pdf);
  return toBuffer(pdf, () => {
    for (const d of docs) layoutNotice(sheet, d);
  });
}

// ---------------------------------------------------------------------------------------------------
// Scorecard

/** Shorten a clause for the details table, preferring to cut at a punctuation mark. */
export function shorten(s: string, max = 48): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const head = chars.slice(0, max);
  for (let i = head.length - 1; i >= max * 0.6; i--) {
    if ('，；。、：'.includes(head[i]!)) return `${head.slice(0, i).join('')}…`;
  }
  return `${head.join('')}…`;
}

/**
 * The trend chart's value axis: it fits the data (a card's totals mostly lie within a few points), with
 * round ends and steps of 2, 5, 10 or 20; 0–100 when there is nothing to plot.
 */
export function trendAxis(values: number[]): { min: number; max: number; step: number } {
  if (values.length === 0) return { min: 0, max: 100, step: 20 };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = Math.max(hi - lo, 8);
  const step = span <= 10 ? 2 : span <= 25 ? 5 : span <= 50 ? 10 : 20;
  let min = Math.max(0, Math.floor((lo - step / 2) / step) * step);
  let max = Math.min(100, Math.ceil((hi + step / 2) / step) * step);
  // At least four steps, widening towards the room left (never past 0 or 100).
  while ((max - min) / step < 4) {
    if (max < 100) max += step;
    if ((max - min) / step < 4 && min > 0) min -= step;
    if (min === 0 && max === 100) break;
  }
  return { min, max, step };
}

function drawTrend(sheet: Sheet, d: ScorecardDoc, keepAfter: number): void {
  const { pdf } = sheet;
  const H = 120;
  heading(sheet, '五、近六个月综合得分趋势', H + 36 + keepAfter);
  const x0 = ML + 30;
  const x1 = ML + CW - 46;
  const y0 = sheet.y + 10;
  const y1 = y0 + H;
  const axis = trendAxis(d.trend.flatMap((t) => (t.total === null ? [] : [t.total])));
  const yOf = (v: number): number => y1 - ((Math.min(axis.max, Math.max(axis.min, v)) - axis.min) / (axis.max - axis.min)) * H;

  pdf.save().lineWidth(0.4).strokeColor('#d4d4d4');
  for (let v = axis.min + axis.step; v <= axis.max; v += axis.step) pdf.moveTo(x0, yOf(v)).lineTo(x1, yOf(v));
  pdf.stroke().restore();
  for (let v = axis.min; v <= axis.max; v += axis.step) {
    const s = String(v);
    drawText(pdf, s, x0 - 5 - textWidth(s, S.axis), yOf(v) + 2.5, S.axis);
  }
  // Grade bands at their minimums, where they fall within the axis.
  for (const g of d.grades) {
    if (g.min <= axis.min || g.min > axis.max) continue;
    pdf.save().lineWidth(0.7).strokeColor('#6e6e6e').dash(3, { space: 2 }).moveTo(x0, yOf(g.min)).lineTo(x1, yOf(g.min)).stroke().undash().restore();
    drawText(pdf, `${g.name.zh} ${num(g.min)}`, x1 + 4, yOf(g.min) + 2.5, S.axis);
  }
  pdf.save().lineWidth(0.8).strokeColor(INK).moveTo(x0, y0).lineTo(x0, y1).lineTo(x1, y1).stroke().restore();
  if (axis.min > 0) {
    // The axis does not start at 0: a break mark on it says so.
    pdf.save().lineWidth(0.8).strokeColor(INK).moveTo(x0 - 3, y1 - 5).lineTo(x0 + 3, y1 - 8).moveTo(x0 - 3, y1 - 9).lineTo(x0 + 3, y1 - 12).stroke().restore();
  }

  const n = Math.max(1, d.trend.length);
  const slot = (x1 - x0) / n;
  const xOf = (i: number): number => x0 + slot * (i + 0.5);
  const pts: [number, number, number][] = [];
  d.trend.forEach((t, i) => {
    const label = formatPeriod(t.period);
    drawText(pdf, label, xOf(i) - textWidth(label, S.axis) / 2, y1 + 11, S.axis);
    if (t.total === null) {
      // A draft month had verdicts, but too few to be a score: marked as such, not plotted.
      const s = t.provisional ? '草稿·待补数据' : '无评价';
      drawText(pdf, s, xOf(i) - textWidth(s, S.axis) / 2, y1 + 21, S.axis);
    } else pts.push([xOf(i), yOf(t.total), t.total]);
  });
  if (pts.length === 0) {
    const s = '近六个月无评价数据';
    drawText(pdf, s, (x0 + x1 - textWidth(s, S.note)) / 2, (y0 + y1) / 2, S.note);
  }
  if (pts.length > 1) {
    pdf.save().lineWidth(1.4).strokeColor(INK).lineJoin('round');
    pts.forEach(([x, y], i) => (i === 0 ? pdf.moveTo(x, y) : pdf.lineTo(x, y)));
    pdf.stroke().restore();
  }
  for (const [x, y, v] of pts) {
    pdf.save().circle(x, y, 2.6).fillColor(INK).fill().restore();
    const s = v.toFixed(1);
    const style: Style = { font: 'sansBold', size: 7.5 };
    // Above the point on a white patch, so grade lines and the series never run through the figure.
    const w = textWidth(s, style);
    pdf.save().rect(x - w / 2 - 1.5, y - 13, w + 3, 8.5).fillColor('#ffffff').fill().restore();
    drawText(pdf, s, x - w / 2, y - 6, style);
  }
  sheet.y = y1 + 26;
}

function layoutScorecard(sheet: Sheet, d: ScorecardDoc): void {
  const { pdf } = sheet;
  sheet.begin([d.title, `${d.provider.name} ${formatPeriod(d.period)}（续）`]);

  centred(sheet, d.office, S.office);
  const titleStyle = textWidth(d.title, S.title) <= CW ? S.title : S.titleLong;
  centred(sheet, d.title, { ...titleStyle, cs: textWidth(d.title, titleStyle) <= CW ? titleStyle.cs : 0 });
  sheet.y += 4;
  hline(pdf, ML, ML + CW, sheet.y, 1.4);
  hline(pdf, ML, ML + CW, sheet.y + 2.5, 0.5);
  sheet.y += 12;

  const lw = 70;
  const vw = (CW - 2 * lw) / 2;
  drawTable(sheet, { widths: [lw, vw, lw, vw] }, [
    { cells: [labelCell('被考核单位'), valueCell(d.provider.name), labelCell('考核期间'), valueCell(formatPeriod(d.period))], min: 22 },
    { cells: [labelCell('适用方案'), valueCell(d.profile_title ?? d.profile), labelCell('生成日期'), valueCell(formatDate(d.generated_at))], min: 22 },
    { cells: [labelCell('核查项次'), valueCell(`${d.checked} 项次`), labelCell('不合格项次'), valueCell(`${d.failed} 项次`)], min: 22 },
    ...(d.coverage
      ? [
          {
            cells: [
              labelCell('评价覆盖'),
              valueCell(`${d.coverage.verdict}/${d.coverage.applicable} 项（${d.coverage.ratio === null ? '—' : `${Math.round(d.coverage.ratio * 100)}%`}）`),
              labelCell('无数据条款'),
              valueCell(`${d.coverage.no_data} 项`),
            ],
            min: 22,
          },
        ]
      : []),
  ]);
  if (d.provisional) {
    sheet.y += 6;
    drawTable(sheet, { widths: [84, CW - 84] }, [{ min: 26, cells: [{ blocks: [txt('草稿·待补数据', S.label, 'center')], fill: HEAD_FILL, valign: 'middle' }, { blocks: [txt(d.provisional.reason, S.cellBold), txt('所列得分仅反映已评价的条款，不作为本期考核结论；补齐数据后重新生成。', S.note)], valign: 'middle' }] }]);
  }

  // Categories.
  heading(sheet, '一、分项考核', 60);
  const cw = [150, 50, 170, 50, CW - 150 - 50 - 170 - 50];
  const catRows: Row[] = d.categories.map((c) =>
    c.applicable === false
      ? {
          cells: [
            { blocks: [txt(c.name.zh)], valign: 'middle' },
            { blocks: [txt('不适用', S.cell, 'center')], valign: 'middle' },
            { blocks: [txt(`本单位无适用条款；原权重 ${num(c.base_weight ?? 0)} 分按比例分配给其余类别`, S.note)], valign: 'middle' },
            { blocks: [txt('—', S.cell, 'center')], valign: 'middle' },
            { blocks: [txt('—', S.cell, 'center')], valign: 'middle' },
          ],
          min: 22,
        }
      : {
          cells: [
            { blocks: [txt(c.name.zh)], valign: 'middle' },
            { blocks: [txt(num(c.weight), S.cell, 'center'), ...(c.base_weight !== undefined ? [txt(`（原 ${num(c.base_weight)}）`, S.note, 'center')] : [])], valign: 'middle' },
            { blocks: [txt(`每项扣 ${num(c.per_finding)} 分，最多扣 ${num(c.cap)} 分`)], valign: 'middle' },
            { blocks: [txt(num(c.deducted), S.cell, 'center')], valign: 'middle' },
            { blocks: [txt(num(c.score), S.cell, 'center')], valign: 'middle' },
          ],
          min: 22,
        },
  );
  const sum = (f: (c: ScorecardDoc['categories'][number]) => number): number => d.categories.reduce((a, c) => a + f(c), 0);
  catRows.push({
    min: 24,
    cells: [
      { blocks: [txt('合计（监督考核得分）', S.label, 'center')], valign: 'middle', fill: LABEL_FILL },
      { blocks: [txt(num(sum((c) => c.weight)), S.cellBold, 'center')], valign: 'middle', fill: LABEL_FILL },
      { blocks: [], fill: LABEL_FILL },
      { blocks: [txt(num(sum((c) => c.deducted)), S.cellBold, 'center')], valign: 'middle', fill: LABEL_FILL },
      { blocks: [txt(num(d.supervisor_score), S.cellBold, 'center')], valign: 'middle', fill: LABEL_FILL },
    ],
  });
  drawTable(sheet, { widths: cw, header: headRow(['考核项目', '权重(分)', '扣分标准', '扣分', '得分']) }, catRows);
  if (d.categories.some((c) => c.applicable === false)) {
    sheet.y += 3;
    sheet.flow(para('不适用类别的权重按各适用类别原权重的比例重新分配（新权重 = 原权重 × 100 ÷ 适用类别原权重之和，保留一位小数），扣分上限同比例调整，合计仍为 100 分。', S.note, CW));
  }

  // Deduction details, grouped by category.
  heading(sheet, '二、扣分明细', 60);
  // 条款 in official style, 存在问题 the actual miss (measured, limit, first case), 地点 by name.
  const dw = [28, 72, 222, 60, 30, CW - 28 - 72 - 222 - 60 - 30];
  const detail: Row[] = [];
  let seq = 0;
  for (const c of d.categories) {
    if (c.items.length === 0) continue;
    detail.push({ keep: true, cells: [{ span: 6, fill: SUB_FILL, blocks: [txt(`${c.name.zh}（${c.items.length} 项，扣 ${num(c.deducted)} 分）`, S.label)] }] });
    for (const it of c.items) {
      detail.push({
        cells: [
          { blocks: [txt(String(++seq), S.cell, 'center')] },
          { blocks: [txt(it.ref ?? it.requirement, S.ref)] },
          { blocks: [txt(it.problem ?? shorten(it.text, 34), S.cellSmall)] },
          { blocks: [txt(it.scope, S.cellSmall)] },
          { blocks: [txt(num(it.deduction), S.cell, 'center')] },
          { blocks: [txt(it.notice ? `${it.notice}${it.voided ? '（已作废，不扣分）' : ''}` : '—', S.ref)] },
        ],
      });
    }
  }
  if (detail.length === 0) detail.push({ cells: [{ span: 6, blocks: [txt('本期无扣分项。', S.cell, 'center')] }], min: 24 });
  drawTable(sheet, { widths: dw, header: headRow(['序号', '条款', '存在问题', '地点', '扣分', '通知单号']) }, detail);

  if (d.advisories?.length) {
    heading(sheet, '（附）建议改进（宜，不扣分）', 60);
    sheet.flow(para('以下条款以“宜”表述，为推荐性要求；本期未达到，列出供改进参考，不计扣分。', S.note, CW));
    sheet.y += 3;
    const aw = [28, 72, CW - 28 - 72 - 90, 90];
    drawTable(
      sheet,
      { widths: aw, header: headRow(['序号', '条款', '未达到的推荐性要求', '地点']) },
      d.advisories.map((it, i) => ({ cells: [{ blocks: [txt(String(i + 1), S.cell, 'center')] }, { blocks: [txt(it.ref ?? it.requirement, S.ref)] }, { blocks: [txt(it.problem ?? shorten(it.text, 60), S.cellSmall)] }, { blocks: [txt(it.scope, S.cellSmall)] }] })),
    );
  }

  // Veto items.
  heading(sheet, d.vetoed ? '三、一票否决项（本期已触发）' : '三、一票否决项', 60);
  const vw2 = [80, CW - 80 - 70 - 96, 70, 96];
  const vetoRows: Row[] = d.veto.map((v) => ({
    min: 22,
    cells: [
      { blocks: [txt(v.ref ?? v.requirement, S.ref)], valign: 'middle' },
      { blocks: [txt(v.text)], valign: 'middle' },
      { blocks: [txt(v.failed ? '已触发' : '未触发', v.failed ? S.label : S.cell, 'center')], valign: 'middle', ...(v.failed ? { fill: HEAD_FILL } : {}) },
      { blocks: [txt(v.notice ?? '—', S.ref, 'center')], valign: 'middle' },
    ],
  }));
  if (vetoRows.length === 0) vetoRows.push({ cells: [{ span: 4, blocks: [txt('本方案未设一票否决项。', S.cell, 'center')] }], min: 22 });
  drawTable(sheet, { widths: vw2, header: headRow(['条款', '内容', '结果', '通知单号']) }, vetoRows);

  // Score summary, trend and signatures are kept on one page: the signatures always share a page with
  // the scores they sign (never alone on a page).
  const sh = lineHeight(S.sign);
  const signH = 8 + 2 * sh + 8;
  const trendH = 6 + lineHeight(S.h2) + 2 + 120 + 36;
  heading(sheet, '四、综合得分', 70 + 110 + 40 + trendH + signH);
  const sw = [118, 150, CW - 118 - 150 - 100, 100];
  const pct = (p: number): string => `${num(p)}\u00a0%`;
  const one = (x: number): string => x.toFixed(1);
  const sup = pct(d.blend.supervisor);
  const usr = pct(d.blend.users);
  // The weighted parts as an office writes them by hand: 89 × 80 % = 71.2 (one decimal each), summed.
  const w = d.weighted ?? { supervisor: d.users_score === null ? d.supervisor_score : Math.round(d.supervisor_score * d.blend.supervisor * 10 / 100) / 10, users: d.users_score === null ? null : Math.round(d.users_score * d.blend.users * 10 / 100) / 10 };
  const supervisor: Block[] =
    d.users_score === null
      ? [txt(one(d.supervisor_score), S.big, 'center'), txt('本期无满意度调查，监督考核得分即综合得分', S.note, 'center')]
      : [txt(`${num(d.supervisor_score)} × ${sup}`, S.cellBold, 'center'), txt(`= ${one(w.supervisor)}`, S.big, 'center')];
  const users: Block[] =
    d.users_score === null || w.users === null
      ? [txt('无调查数据', S.cellBold, 'center')]
      : [
          txt(`${num(d.users_score)} × ${usr}`, S.cellBold, 'center'),
          txt(`= ${one(w.users)}`, S.big, 'center'),
          ...(d.users_detail ? [txt(`有效问卷 ${d.users_detail.respondents} 份，满意 ${d.users_detail.satisfied} 份`, S.note, 'center')] : []),
        ];
  const totalBlocks: Block[] = d.provisional
    ? [txt('—', S.big, 'center'), txt('待补数据', S.note, 'center')]
    : d.users_score === null || w.users === null
      ? [txt(one(d.total), S.big, 'center')]
      : [txt(`${one(w.supervisor)} + ${one(w.users)}`, S.cellBold, 'center'), txt(`= ${one(d.total)}`, S.big, 'center')];
  drawTable(sheet, { widths: sw, header: headRow([`监督考核得分 × ${sup}`, `服务对象满意度得分 × ${usr}`, '综合得分', '考核等级']) }, [
    {
      min: 52,
      cells: [
        { blocks: supervisor, valign: 'middle' },
        { blocks: users, valign: 'middle' },
        { blocks: totalBlocks, valign: 'middle' },
        { blocks: d.provisional ? [txt('暂不评定等级', S.cellBold, 'center')] : [txt(d.grade.name.zh, S.big, 'center'), ...(d.vetoed ? [txt('（一票否决）', S.note, 'center')] : [])], valign: 'middle' },
      ],
    },
  ]);
  const bands = [...d.grades].sort((a, b) => b.min - a.min);
  const bandText = bands.map((g, i) => (g.min > 0 || i === 0 ? `${g.name.zh} ≥\u00a0${num(g.min)}\u00a0分` : `${g.name.zh} <\u00a0${num(bands[i - 1]!.min)}\u00a0分`)).join('；');
  sheet.y += 3;
  const formula =
    d.users_score === null
      ? `综合得分 = 监督考核得分 × ${sup} + 服务对象满意度得分 × ${usr}；本期无满意度调查数据，监督考核得分即综合得分。`
      : `综合得分 = 监督考核得分 × ${sup} + 服务对象满意度得分 × ${usr}（两项各保留一位小数后相加）。`;
  sheet.flow(para(formula + (bandText ? `等级标准：${bandText}。` : ''), S.note, CW));

  drawTrend(sheet, d, signH);
  sheet.space(signH);
  sheet.y += 8;
  const n = Math.max(1, d.signatures.length);
  const bw = CW / n;
  d.signatures.forEach((s, i) => {
    const x = ML + i * bw;
    signLine(pdf, `${s}：`, x, sheet.y, bw - 16, S.sign);
    drawText(pdf, '日期：　　　年　　月　　日', x, baselineIn(sheet.y + sh + 6, sh, S.sign.size), S.sign);
  });
  sheet.y += 2 * sh + 8;

  sheet.finish(d.provenance, d.provisional ? '草稿·待补数据' : undefined);
}

/** One monthly scorecard as a PDF. */
export function renderScorecard(doc: ScorecardDoc): Promise<Buffer> {
  return renderScorecards([doc]);
}

/** Several scorecards in one PDF; each starts on a new page and is numbered on its own. */
export function renderScorecards(docs: ScorecardDoc[]): Promise<Buffer> {
  if (docs.length === 0) return Promise.reject(new RangeError('renderScorecards: no scorecards to render'));
  const one = docs.length === 1 ? docs[0]! : null;
  const pdf = newPdf({
    title: one ? one.title : `物业服务月度考核评分表（${docs.length} 份）`,
    author: docs[0]!.office,
    subject: [...new Set(docs.map((d) => formatPeriod(d.period)))].join('、'),
    keywords: [...new Set(docs.map((d) => d.provenance.data_sha256))].join(' '),
    date: latest(docs.map((d) => d.generated_at)),
  });
  const sheet = new Sheet(pdf);
  return toBuffer(pdf, () => {
    for (const d of docs) layoutScorecard(sheet, d);
  });
}

// Layout primitives for other documents drawn the same way (checklist-pdf.ts).
export { S, wrap, para, gap, sumH, textWidth, lineHeight, drawText, drawLines, hline, baselineIn, newPdf, toBuffer, joinFitting, BLANK_DATE };
export type { Style, Line, Pdf, Align };
