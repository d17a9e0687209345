// Look at a workbook without a spreadsheet program: each sheet drawn as an HTML table the way Excel shows
// it (column widths, hidden columns, merged cells, fills, borders, wrapping, row heights, dates in the
// cell's format, the print footer below), then photographed by Chromium.
//   node scripts/preview-workbook.ts BOOK.xlsx OUT_DIR [SHEET [HEIGHT]]   → OUT_DIR/<sheet>.png (and .html);
//   HEIGHT (px) photographs only the top of a long sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';

const [book, outDir, only, height] = process.argv.slice(2);
if (!book || !outDir) {
  console.error('usage: node scripts/preview-workbook.ts BOOK.xlsx OUT_DIR [SHEET]');
  process.exit(2);
}
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colour = (c: { argb?: string } | undefined): string | undefined => (c?.argb ? `#${c.argb.slice(2)}` : undefined);
const pad = (n: number): string => String(n).padStart(2, '0');

function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

function sheetHtml(ws: ExcelJS.Worksheet): string {
  const cols: { i: number; px: number }[] = [];
  for (let i = 1; i <= ws.columnCount; i++) {
    const c = ws.getColumn(i);
    if (!c.hidden) cols.push({ i, px: Math.round((c.width ?? 9) * 7.2) });
  }
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const range of (ws.model as unknown as { merges: string[] }).merges ?? []) {
    const [a, b] = range.split(':').map((r) => ws.getCell(r!));
    spans.set(a!.address, { rows: Number(b!.row) - Number(a!.row) + 1, cols: cols.filter((c) => c.i >= Number(a!.col) && c.i <= Number(b!.col)).length });
    for (let r = Number(a!.row); r <= Number(b!.row); r++) for (let c = Number(a!.col); c <= Number(b!.col); c++) if (r !== Number(a!.row) || c !== Number(a!.col)) covered.add(`${r}:${c}`);
  }
  const side = (b: Partial<ExcelJS.Border> | undefined): string => (b?.style ? `1px solid ${colour(b.color) ?? '#000'}` : 'none');
  const rows: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const h = Math.round((row.height ?? 15) * 1.333);
    const tds: string[] = [];
    for (const { i } of cols) {
      if (covered.has(`${r}:${i}`)) continue;
      const cell = ws.getCell(r, i);
      const span = spans.get(cell.address);
      const f = cell.fill as ExcelJS.FillPattern | undefined;
      const st = [
        `border-top:${side(cell.border?.top)}`,
        `border-left:${side(cell.border?.left)}`,
        `border-bottom:${side(cell.border?.bottom)}`,
        `border-right:${side(cell.border?.right)}`,
        f?.pattern === 'solid' && colour(f.fgColor) ? `background:${colour(f.fgColor)}` : '',
        `font-size:${Math.round((cell.font?.size ?? 11) * 1.333)}px`,
        cell.font?.bold ? 'font-weight:bold' : '',
        `text-align:${cell.alignment?.horizontal ?? 'left'}`,
        `vertical-align:${cell.alignment?.vertical === 'middle' ? 'middle' : cell.alignment?.vertical === 'top' ? 'top' : 'bottom'}`,
        cell.alignment?.wrapText ? 'white-space:pre-wrap' : 'white-space:nowrap;overflow:hidden',
        cell.protection?.locked === false ? 'box-shadow:inset 0 0 0 1px #9ec5fe' : '',
      ].filter(Boolean);
      const dv = cell.dataValidation?.type === 'list' ? ' <span class="dd">▾</span>' : '';
      tds.push(`<td${span ? ` rowspan="${span.rows}" colspan="${span.cols}"` : ''} style="${st.join(';')}">${esc(shown(cell))}${dv}</td>`);
    }
    rows.push(`<tr style="height:${h}px">${tds.join('')}</tr>`);
  }
  const footer = (ws.headerFooter?.oddFooter ?? '').replace(/&[LCR]/g, '　　').replace(/&\d+/g, '').replace(/&P/g, '1').replace(/&N/g, '1');
  return `<!doctype html><meta charset="utf-8"><style>
    body{font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;margin:16px;background:#fff}
    table{border-collapse:collapse;table-layout:fixed}td{padding:2px 4px;line-height:1.35;overflow:hidden}
    .dd{color:#666;font-size:10px}.foot{margin-top:10px;font-size:12px;color:#333}.tab{font:12px sans-serif;color:#666;margin-bottom:6px}
  </style><div class="tab">工作表：${esc(ws.name)}（蓝框为可填写单元格；隐藏列不显示）</div>
  <table><colgroup>${cols.map((c) => `<col style="width:${c.px}px">`).join('')}</colgroup>${rows.join('\n')}</table>
  <div class="foot">打印页脚：${esc(footer)}</div>`;
}

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(book);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  for (const ws of wb.worksheets) {
    if (only && only !== '*' && ws.name !== only) continue;
    const html = join(outDir, `${ws.name}.html`);
    writeFileSync(html, sheetHtml(ws));
    await page.goto(`file://${html}`);
    await page.screenshot({ path: join(outDir, `${ws.name}.png`), ...(height ? { clip: { x: 0, y: 0, width: 1500, height: Number(height) } } : { fullPage: true }) });
    console.log(join(outDir, `${ws.name}.png`));
  }
} finally {
  await browser.close();
}
