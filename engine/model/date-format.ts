// The letters of a mapping's date `format` ("yyyy/M/d H:mm"), and what a format with other letters was
// meant to be. The letters are case-sensitive (M month, m minute); a format Charter cannot read is refused
// when the mapping is validated rather than read silently as ISO 8601 (issue 13 §2).

/** Format letters, longest first: doubled letters take exactly two digits, single ones one or two. */
export const DATE_TOKENS = ['yyyy', 'MM', 'dd', 'HH', 'mm', 'ss', 'M', 'd', 'H', 'm', 's'] as const;
/** The formats that are names rather than patterns. */
export const NAMED_DATE_FORMATS = ['iso', 'excel-serial', 'excel-or-iso'] as const;

const PART: Record<string, 'y' | 'M' | 'd' | 'H' | 'm' | 's'> = { yyyy: 'y', MM: 'M', M: 'M', dd: 'd', d: 'd', HH: 'H', H: 'H', mm: 'm', m: 'm', ss: 's', s: 's' };

export interface DateFormatProblem {
  /** Letters Charter does not read (Y, D, hh …), in order of appearance. */
  unknown: string[];
  /** What is missing or doubled, as a cause code: no-month (mm read as minutes), no-date (no yyyy, M or d), twice. */
  cause: 'unknown-letters' | 'minutes-for-month' | 'month-for-minutes' | 'twelve-hour' | 'no-date' | 'named';
  /** The format it was most plausibly meant to be, when there is one Charter reads. */
  fixed?: string;
  /** Besides the cause, the case of M/m was swapped too (yyyy/mm/dd hh:mm). */
  monthCase?: 'minutes-for-month' | 'month-for-minutes';
}

interface Piece {
  text: string;
  token?: string;
}

function tokenize(pattern: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < pattern.length) {
    const tok = DATE_TOKENS.find((t) => pattern.startsWith(t, i));
    if (tok) {
      out.push({ text: tok, token: tok });
      i += tok.length;
      continue;
    }
    // Other ASCII letters run together (YYYY, hh, DD): one unknown piece each.
    const run = /^[A-Za-z]+/.exec(pattern.slice(i))?.[0];
    if (run) {
      // A run stops where a known token starts (YYYYMMDD → YYYY, MM, DD).
      let n = 1;
      while (n < run.length && !DATE_TOKENS.some((t) => pattern.startsWith(t, i + n)) && run[n] === run[0]) n++;
      out.push({ text: run.slice(0, n) });
      i += n;
      continue;
    }
    out.push({ text: pattern[i]! });
    i++;
  }
  return out;
}

function parts(pieces: Piece[]): string[] {
  return pieces.filter((p) => p.token).map((p) => PART[p.token!]!);
}

function readable(pieces: Piece[]): boolean {
  const ps = parts(pieces);
  return ps.includes('y') && ps.includes('M') && ps.includes('d') && new Set(ps).size === ps.length && pieces.every((p) => p.token || !/^[A-Za-z]+$/.test(p.text) || p.text === 'T');
}

/** What is wrong with a date format, or undefined when Charter reads it as written. */
export function dateFormatProblem(pattern: string): DateFormatProblem | undefined {
  if ((NAMED_DATE_FORMATS as readonly string[]).includes(pattern)) return undefined;
  const named = NAMED_DATE_FORMATS.find((n) => n === pattern.trim().toLowerCase().replace(/[_ ]/g, '-'));
  if (named) return { unknown: [pattern], cause: 'named', fixed: named };
  const pieces = tokenize(pattern);
  // A T between the date and the time (yyyy-MM-ddTHH:mm) is a literal, as in ISO 8601.
  const unknown = pieces.filter((p) => !p.token && /^[A-Za-z]+$/.test(p.text) && p.text !== 'T').map((p) => p.text);
  if (!unknown.length && readable(pieces)) return undefined;

  let cause: DateFormatProblem['cause'] = unknown.length ? 'unknown-letters' : 'no-date';
  const fixedPieces: Piece[] = pieces.map((p) => {
    if (p.token || !/^[A-Za-z]+$/.test(p.text) || p.text === 'T') return p;
    const c = p.text[0]!;
    const two = p.text.length >= 2;
    if (c === 'Y' || c === 'y') return { text: 'yyyy', token: 'yyyy' };
    if (c === 'D') return two ? { text: 'dd', token: 'dd' } : { text: 'd', token: 'd' };
    if (c === 'h') return two ? { text: 'HH', token: 'HH' } : { text: 'H', token: 'H' };
    if (c === 'S') return two ? { text: 'ss', token: 'ss' } : { text: 's', token: 's' };
    // AM/PM markers: Charter reads the 24-hour clock only.
    if (c === 'a' || c === 'A' || p.text === 'tt') {
      cause = 'twelve-hour';
      return { text: '' };
    }
    return p;
  });
  // Drop the space an AM/PM marker leaves behind.
  const joined = (ps: Piece[]): string => ps.map((p) => p.text).join('').trim();
  const ps = parts(fixedPieces);
  let monthCase: DateFormatProblem['monthCase'];
  // yyyy/mm/dd: minutes where the month belongs (no hour before them).
  if (!ps.includes('M') && ps.includes('m')) {
    const firstHour = fixedPieces.findIndex((p) => p.token && PART[p.token] === 'H');
    const mi = fixedPieces.findIndex((p) => p.token && PART[p.token] === 'm');
    if (firstHour < 0 || mi < firstHour) {
      fixedPieces[mi] = { text: fixedPieces[mi]!.text.toUpperCase(), token: fixedPieces[mi]!.text.toUpperCase() };
      monthCase = 'minutes-for-month';
    }
  }
  // yyyy/MM/dd HH:MM: the month again where the minutes belong (after the hour).
  const months = fixedPieces.map((p, i) => (p.token && PART[p.token] === 'M' ? i : -1)).filter((i) => i >= 0);
  if (months.length === 2 && !parts(fixedPieces).includes('m')) {
    const second = months[1]!;
    fixedPieces[second] = { text: fixedPieces[second]!.text.toLowerCase(), token: fixedPieces[second]!.text.toLowerCase() };
    monthCase = 'month-for-minutes';
  }
  if (monthCase && cause === 'no-date') cause = monthCase;
  const fixed = joined(fixedPieces);
  const out: DateFormatProblem = { unknown, cause };
  if (monthCase && monthCase !== cause) out.monthCase = monthCase;
  if (readable(tokenize(fixed))) out.fixed = fixed;
  return out;
}
