// Cell values to canonical values: dates in the formats real exports use, Excel serials, numbers, flags.
// Hand-written and allocation-light because it runs once per cell on files of a million rows.

import { zone } from '../calendar/zone.ts';
import { DATE_TOKENS } from '../model/date-format.ts';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function offsetText(ms: number): string {
  const min = Math.round(ms / 60000);
  const sign = min >= 0 ? '+' : '-';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Epoch ms of a UTC wall time. Date.UTC reads years 0–99 as 1900–1999, so those go through setUTCFullYear. */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s);
  const x = new Date(0);
  x.setUTCFullYear(y, mo - 1, d);
  x.setUTCHours(h, mi, s, 0);
  return x.getTime();
}

/** Local wall-clock parts in `tz` → canonical ISO text with the zone's offset (undefined if no such date). */
export function localIso(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const localMs = utcMs(y, mo, d, h, mi, s);
  const probe = new Date(localMs);
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over silently.
  if (probe.getUTCDate() !== d || probe.getUTCMonth() !== mo - 1) return undefined;
  return instantToIso(zone(tz).fromLocal(localMs), tz);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/** ISO 8601 date-time; without an offset it is local to `tz`. Returns canonical text or undefined. */
export function parseIso(text: string, tz: string): string | undefined {
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!m[7]) return localIso(y, mo, d, h, mi, s, tz);
  // An offset beyond ±23:59 (+25:00, +08:60) names no zone on earth: refused, never wrapped into a day.
  if (m[7] !== 'Z' && (Number(m[7].slice(1, 3)) > 23 || Number(m[7].slice(4, 6)) > 59)) return undefined;
  // Fast path: already canonical (seconds, no fraction) in the zone's own offset at that instant.
  if (m[6] !== undefined && text.length === 25 && text[10] === 'T' && m[7] !== 'Z' && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59) {
    const off = offsetMinutesOf(m[7]) * 60000;
    if (zone(tz).offsetAt(utcMs(y, mo, d, h, mi, s) - off) === off) return text;
  }
  // With an offset: keep the instant, express it in the configured zone.
  const utc = utcMs(y, mo, d, h, mi, s) - (m[7] === 'Z' ? 0 : offsetMinutesOf(m[7])) * 60000;
  if (!localIso(y, mo, d, h, mi, s, 'UTC')) return undefined;
  return instantToIso(utc, tz);
}

function daysIn(y: number, mo: number): number {
  return mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

function offsetMinutesOf(o: string): number {
  const sign = o[0] === '-' ? -1 : 1;
  return sign * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4, 6)));
}

export function instantToIso(utcMs: number, tz: string): string {
  const off = zone(tz).offsetAt(utcMs);
  const t = new Date(utcMs + off);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${offsetText(off)}`;
}

/** Excel serial day number (days since 1899-12-30, local wall clock, as Excel stores it). */
export function parseExcelSerial(v: string | number, tz: string): string | undefined {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return undefined;
  // Round to the second: Excel stores fractions of a day in binary floating point.
  const secs = Math.round(n * 86400);
  const wall = new Date(Date.UTC(1899, 11, 30) + secs * 1000);
  return localIso(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds(), tz);
}

export interface DateFormat {
  source: string;
  parse(text: string, tz: string): string | undefined;
}

const TOKENS: Record<string, string> = { yyyy: 'y', MM: 'M', M: 'M', dd: 'd', d: 'd', HH: 'H', H: 'H', mm: 'm', m: 'm', ss: 's', s: 's' };

/**
 * A pattern such as "yyyy/M/d H:mm" or "yyyy年M月d日 HH:mm". Single letters accept one or two digits,
 * doubled letters exactly two; seconds may be omitted from the data when the pattern has none.
 */
export function compileFormat(pattern: string): DateFormat | undefined {
  if (pattern === 'iso') return { source: pattern, parse: parseIso };
  if (pattern === 'excel-serial') return { source: pattern, parse: (t, tz) => parseExcelSerial(t, tz) };
  // A workbook cell a person fills: Excel keeps a typed date as a serial, a text cell keeps the text.
  if (pattern === 'excel-or-iso') return { source: pattern, parse: (t, tz) => (/^\d+(\.\d+)?$/.test(t.trim()) ? parseExcelSerial(t, tz) : parseIso(t.trim().replace(/\//g, '-'), tz)) };
  const order: string[] = [];
  let re = '^';
  let i = 0;
  while (i < pattern.length) {
    const tok = DATE_TOKENS.find((t) => pattern.startsWith(t, i));
    if (tok) {
      order.push(TOKENS[tok]!);
      re += tok === 'yyyy' ? '(\\d{4})' : tok.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
      i += tok.length;
    } else {
      re += pattern[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  if (!order.includes('y') || !order.includes('M') || !order.includes('d')) return undefined;
  const rx = new RegExp(re + '$');
  return {
    source: pattern,
    parse(text, tz) {
      const m = rx.exec(text.trim());
      if (!m) return undefined;
      const v: Record<string, number> = { y: 0, M: 0, d: 0, H: 0, m: 0, s: 0 };
      order.forEach((k, j) => (v[k] = Number(m[j + 1])));
      return localIso(v.y!, v.M!, v.d!, v.H!, v.m!, v.s!, tz);
    },
  };
}

export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = localIso(y, mo, d, 0, 0, 0, 'UTC');
  return iso ? iso.slice(0, 10) : undefined;
}

export function parseBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = String(v).trim().toLowerCase();
  if (t === 'true' || t === '1' || t === 'yes' || t === 'y') return true;
  if (t === 'false' || t === '0' || t === 'no' || t === 'n') return false;
  return undefined;
}

export function parseNumber(v: unknown, integer: boolean): number | undefined {
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/,/g, ''));
  if (!Number.isFinite(n) || String(v).trim() === '') return undefined;
  if (integer && !Number.isInteger(n)) return undefined;
  return n;
}
