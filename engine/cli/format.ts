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

/** A plain text table with CJK-aware column widths. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? pad(c, widths[i]!) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
