// Terminal rendering of diagnostics: file:line:col, code, message, hint and a short code frame.
import { message, type Diagnostic, type Lang } from '../diagnostics.ts';

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

export function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/**
 * Text from a user's file made safe to print on a terminal: control characters (an ESC sequence could
 * clear the screen or retitle the window) and bidirectional overrides (which reorder what is shown) are
 * written as visible \u{…} escapes. Tabs and newlines are left to the caller.
 */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}

/** A message quoting a 1 MB value is cut (the code frame and --json still locate it). */
function clip(s: string, max = 400): string {
  return s.length > max ? s.slice(0, max) + '…' : s;
}

/** Columns of one source line shown in a frame; a longer line (a 1 MB string, 10,000 brackets) is cut around the column. */
const FRAME_WIDTH = 160;

export function codeFrame(source: string, line: number, col: number): string {
  if (!source) return '';
  const lines = source.split(/\r?\n/);
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const gutter = String(to).length;
  const out: string[] = [];
  // One window for all lines of the frame, so the caret stays under the column.
  const start = col - 1 > FRAME_WIDTH / 2 ? col - 1 - FRAME_WIDTH / 2 : 0;
  for (let n = from; n <= to; n++) {
    const raw = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const cut = raw.slice(start, start + FRAME_WIDTH);
    const text = (start > 0 ? '…' : '') + visible(cut) + (raw.length > start + FRAME_WIDTH ? '…' : '');
    const mark = n === line ? '>' : ' ';
    out.push(`  ${mark} ${String(n).padStart(gutter)} | ${text}`);
    if (n === line) {
      const prefix = (start > 0 ? '…' : '') + visible(raw.slice(start, Math.max(start, col - 1)));
      out.push(`    ${' '.repeat(gutter)} | ${' '.repeat(width(prefix))}^`);
    }
  }
  return out.join('\n');
}

export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function style(enabled: boolean): Style {
  const wrap = (a: number, b: number) => (s: string) => (enabled ? `\x1b[${a}m${s}\x1b[${b}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export function renderDiagnostic(d: Diagnostic, lang: Lang, source: string, st: Style): string {
  const m = message(d, lang);
  const sev = d.severity === 'error' ? st.red(lang === 'zh' ? '错误' : 'error') : st.yellow(lang === 'zh' ? '警告' : 'warning');
  const head = `${st.bold(visible(`${d.file}:${d.line}:${d.col}`))} ${sev} ${d.code} ${visible(clip(m.message))}`;
  const frame = codeFrame(source, d.line, d.col);
  const hint = `  ${st.dim(lang === 'zh' ? '提示：' : 'hint: ')}${visible(m.hint)}`;
  return [head, frame, hint].filter(Boolean).join('\n');
}

export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  const m = message(d, lang);
  return { code: d.code, name: m.name, severity: d.severity, file: d.file, line: d.line, col: d.col, pointer: d.pointer ?? null, message: m.message, hint: m.hint };
}

/** The widest a table may be: it fits a 120-column terminal (issue 13 §3). */
export const TABLE_WIDTH = 120;

export interface TableOptions {
  /** Per column: 'l' left, 'r' right. Default: right when every non-empty cell is a number, ratio or percentage. */
  align?: ('l' | 'r')[];
  /** Columns that may wrap onto continuation lines. Default: every left-aligned column. */
  wrap?: number[];
  /** Per column: the narrowest a wrapping column may become (default: its header, or 12). */
  min?: number[];
  /** Total width (default 120). */
  max?: number;
}

/** A number as a cell holds it: 42, 1,500, 98.6 %, 0/1, 83.89, −3, ≥ 95 % … (right-aligned). */
const NUMERIC = /^[-+−≥≤<>]?\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|‰|℃)|\/\d+)?$/;
const EMPTY = /^(?:|—|-|–)$/;

/** A column reads as numbers when every cell that holds something is one. */
export function numericColumn(cells: string[]): boolean {
  const filled = cells.filter((c) => !EMPTY.test(c.trim()));
  return filled.length > 0 && filled.every((c) => NUMERIC.test(c.trim()));
}

const CJK = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0\uffe6]|[\u{20000}-\u{3ffff}]/u;
/** Characters that never begin a line (Chinese line-breaking practice): closing punctuation, units. */
const NO_START = /^[，。、；：！？）》」』】〕…,.;:!?)\]}%‰℃°]/;
/** Characters that never end a line: opening punctuation. */
const NO_END = /[（《「『【〔(\[{“‘第]$/;
/** A unit written after a number with a plain space: kept on the number's line. */
const UNIT_WORD = /^(?:分钟|小时|天|个|次|件|项|处|名|人|年|月|日|周|号楼|号|层|栋|座|条|%|‰|℃|°C|min|minutes?|h|hours?|days?|working|times?|cases?|places?|items?)(?=$|[^A-Za-z])/;

/**
 * Pieces a line may break between: a run of non-space Latin/digits (a number and its no-break-space
 * unit stay one piece), each CJK character on its own, with closing punctuation kept on the piece before.
 * A piece records whether a space preceded it.
 */
function pieces(s: string): { t: string; sp: boolean }[] {
  const out: { t: string; sp: boolean }[] = [];
  let sp = false;
  let glue: string | undefined;
  const re = /\u00a0|\s+|[^\s]/gu;
  let cur: { t: string; sp: boolean } | undefined;
  for (const m of s.matchAll(re)) {
    const ch = m[0];
    if (/^\s+$/.test(ch) && ch !== '\u00a0') {
      glue = undefined;
      if (cur) out.push(cur);
      cur = undefined;
      sp = true;
      continue;
    }
    if (ch === '\u00a0') {
      // A no-break space glues the number before it to the unit after it (45 分钟, ≥ 95 %).
      if (cur) cur.t += ch;
      else cur = { t: ch, sp };
      glue = '';
      sp = false;
      continue;
    }
    if (glue !== undefined && cur) {
      glue += ch;
      cur.t += ch;
      if (UNIT_WORD.test(glue) || glue.length >= 4 || !CJK.test(ch)) glue = undefined;
      continue;
    }
    const cjk = CJK.test(ch);
    const prev = cur ?? out[out.length - 1];
    if (prev && !sp && (NO_START.test(ch) || (prev && NO_END.test(prev.t)))) {
      // Attach to the piece before: closing punctuation never starts a line, opening never ends one.
      // Taken back as the current piece, so a number after an opening bracket stays whole: （203 件.
      if (!cur) cur = out.pop()!;
      cur.t += ch;
      continue;
    }
    if (cjk) {
      if (cur) out.push(cur);
      out.push({ t: ch, sp });
      cur = undefined;
      sp = false;
      continue;
    }
    // An English compound may break after its hyphen (teaching-|equipment); record numbers (WO-2026-…) may not.
    if (cur && /[a-z]{2}-$/.test(cur.t) && /[a-z]/.test(ch)) {
      out.push(cur);
      cur = { t: ch, sp: false };
    } else if (cur && !CJK.test([...cur.t].pop() ?? '')) cur.t += ch;
    else {
      if (cur) out.push(cur);
      cur = { t: ch, sp };
    }
    sp = false;
  }
  if (cur) out.push(cur);
  // A number followed by its unit after a plain space (1 次, 45 分钟) stays together.
  // So does a date (4月22日, 2026年4月): a number after 年 or 月 written without a space.
  const joined: { t: string; sp: boolean }[] = [];
  for (let i = 0; i < out.length; i++) {
    const p = out[i]!;
    const last = joined[joined.length - 1];
    if (last && /\d$/.test(last.t)) {
      // The unit may span several one-character pieces (分 钟): look ahead over the ones written together.
      let word = p.t;
      let k = i;
      while (!UNIT_WORD.test(word) && k + 1 < out.length && !out[k + 1]!.sp && word.length < 3) word += out[++k]!.t;
      if (UNIT_WORD.test(word)) {
        last.t += (p.sp ? ' ' : '') + word;
        i = k;
        continue;
      }
    }
    if (last && !p.sp && /[年月]$/.test(last.t) && /^\d/.test(p.t)) last.t += p.t;
    else joined.push({ ...p });
  }
  return joined;
}

/** Cut a piece wider than the line (a long id or path) into slices of at most n columns. */
function slices(t: string, n: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of t) {
    if (cur && width(cur + ch) > n) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Text wrapped to lines of at most n columns, CJK-aware, never splitting a number from its unit. */
export function wrapText(s: string, n: number): string[] {
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const p of pieces(para)) {
      const sep = line && p.sp ? ' ' : '';
      if (width(line + sep + p.t) <= n) {
        line += sep + p.t;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (width(p.t) <= n) line = p.t;
      else {
        const cut = slices(p.t, n);
        lines.push(...cut.slice(0, -1));
        line = cut[cut.length - 1] ?? '';
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A plain text table: CJK-aware widths, text left-aligned and numbers right-aligned, at most 120
 * columns wide (long text cells wrap onto continuation lines), ASCII rules so that a Chinese Windows
 * terminal, whose box-drawing characters are double width, keeps the columns in line.
 */
export function table(headers: string[], rows: (string | number)[][], opts: TableOptions = {}): string {
  const body = rows.map((r) => headers.map((_, i) => (r[i] === undefined || r[i] === null ? '' : String(r[i]))));
  const n = headers.length;
  const align = headers.map((_, i) => opts.align?.[i] ?? (numericColumn(body.map((r) => r[i]!)) ? 'r' : 'l'));
  const natural = headers.map((h, i) => Math.max(width(h), ...body.flatMap((r) => r[i]!.split('\n').map(width))));
  const widths = [...natural];
  const max = opts.max ?? TABLE_WIDTH;
  // By default a left-aligned column wraps when its text has places to break (spaces, CJK); a column of
  // single tokens (file names, times, hashes) is cut only when nothing else is left to narrow.
  const breakable = (i: number): boolean => body.some((r) => /\s|\n/.test(r[i]!.trim()) || CJK.test(r[i]!));
  const left = align.flatMap((a, i) => (a === 'l' ? [i] : []));
  const wrappable = new Set(opts.wrap ?? left.filter(breakable));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (n - 1);
  // The narrowest a wrapping column gets: its header, and room for a few words.
  const floor = headers.map((h, i) => Math.min(natural[i]!, opts.min?.[i] ?? Math.max(width(h), 12)));
  const narrow = (cols: Set<number>): void => {
    while (total() > max) {
      let widest = -1;
      for (const i of cols) if (widths[i]! > floor[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) break;
      widths[widest]!--;
    }
  };
  narrow(wrappable);
  if (!opts.wrap && total() > max) {
    for (const i of left) wrappable.add(i);
    narrow(wrappable);
  }
  const cellLines = (c: string, i: number): string[] => (wrappable.has(i) && (width(c) > widths[i]! || c.includes('\n')) ? wrapText(c, widths[i]!) : [c]);
  const render = (r: string[]): string[] => {
    const cols = r.map(cellLines);
    const height = Math.max(1, ...cols.map((c) => c.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const line = cols.map((c, i) => {
        const s = c[k] ?? '';
        return align[i] === 'r' ? ' '.repeat(Math.max(0, widths[i]! - width(s))) + s : pad(s, widths[i]!);
      });
      out.push(line.join('  ').trimEnd());
    }
    return out;
  };
  return [...render(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.flatMap(render)].join('\n');
}

/**
 * Lines of running text fitted to the terminal: a line wider than max wraps onto continuation lines
 * indented two columns past its own indent (tables are already fitted by table()).
 */
export function fitLines(text: string, max = TABLE_WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (width(line) <= max) return [line];
      const indent = /^\s*/.exec(line)![0];
      const rest = line.slice(indent.length);
      const [first = '', ...more] = wrapText(rest, max - indent.length);
      if (!more.length) return [indent + first];
      // The rest re-wrapped from the original text (joining the wrapped lines would add spaces between CJK).
      const remainder = rest.startsWith(first) ? rest.slice(first.length).trimStart() : more.join('');
      return [indent + first, ...wrapText(remainder, max - indent.length - 2).map((l) => `${indent}  ${l}`)];
    })
    .join('\n');
}
