// The corrected line a hint shows: the file's own line with one piece of text replaced, so a policy owner
// sees exactly what to type (its indentation, its other keys) rather than a generic example.

/**
 * `source`'s line `line` (without its indentation) with the first `from` at or after column `col` (1-based) replaced by `to`;
 * the earliest occurrence on the line when there is none after the column, and '' when the line lacks it.
 */
export function fixedLine(source: string, line: number, col: number, from: string, to: string): string {
  const text = source.split(/\r?\n/)[line - 1] ?? '';
  let at = text.indexOf(from, Math.max(0, col - 1));
  if (at < 0) at = text.indexOf(from);
  if (at < 0 || from === '') return '';
  return (text.slice(0, at) + to + text.slice(at + from.length)).trim();
}
