// Shared by the CLI commands: the command shape, common options, exit codes and usage errors.
import type { ParseArgsConfig } from 'node:util';
import { coverage, parseLocal } from '../calendar/calendar.ts';
import { diag, type Diagnostic, type Lang } from '../diagnostics.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  color: boolean;
}


export interface Command {
  summary: { zh: string; en: string };
  usage: string;
  help: { zh: string; en: string };
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, unknown>; positionals: string[] }, lang: Lang, json: boolean, io: Io): number | Promise<number>;
}

export const COMMON = {
  lang: { type: 'string' as const },
  json: { type: 'boolean' as const },
  help: { type: 'boolean' as const, short: 'h' },
};

export const COMMON_HELP = {
  zh: `  --lang zh|en   输出语言（默认 zh）
  --json         以 JSON 输出，便于程序处理
  -h, --help     显示帮助`,
  en: `  --lang zh|en   output language (default zh)
  --json         machine-readable JSON output
  -h, --help     show help`,
};

export const EXIT_HELP = {
  zh: '退出码：0 无问题；1 发现问题；2 用法错误；3 内部错误。',
  en: 'Exit codes: 0 ok; 1 problems found; 2 usage error; 3 internal error.',
};

export function usageError(ds: Diagnostic[], lang: Lang, json: boolean, io: Io): number {
  if (json) io.out(JSON.stringify({ ok: false, usage_error: true, diagnostics: ds.map((d) => diagnosticJson(d, lang)) }, null, 2));
  else for (const d of ds) io.err(renderDiagnostic(d, lang, '', style(io.color)));
  return EXIT.usage;
}


// ---- periods and times on the command line -----------------------------------------------------

/**
 * Years a --period, month, --at, --as-of or --now may name: those of the statutory holiday data, and the
 * year after (its notice comes out in November or December; until then its working-day rules are reported
 * as unknown). Outside them a month would be judged on guesses, and years like 0000 or 9999 break date
 * arithmetic: a usage error (CH121), not an internal one.
 */
export function calendarYears(): { from: number; to: number; dataTo: number } {
  const c = coverage();
  const dataTo = c.to ?? new Date().getUTCFullYear();
  return { from: c.from ?? dataTo, to: dataTo + 1, dataTo };
}

const FORMATS = {
  month: { format: 'a month YYYY-MM', formatZh: '月份 YYYY-MM' },
  time: { format: 'a time YYYY-MM-DDTHH:MM', formatZh: '时间 YYYY-MM-DDTHH:MM' },
};

/** CH121 when the year of a well-formed month or time is outside calendarYears(); the value is quoted as written. */
export function outsideCalendar(flag: string, value: string, kind: 'month' | 'time', instant?: Date): Diagnostic | undefined {
  const written = /^\s*(\d{4})-/.exec(value)?.[1];
  const year = written !== undefined ? Number(written) : instant ? instant.getUTCFullYear() : NaN;
  // Not well-formed: left to the format check (CH002).
  if (Number.isNaN(year)) return undefined;
  const { from, to, dataTo } = calendarYears();
  if (year >= from && year <= to) return undefined;
  return diag('CH121', '<command line>', { line: 1, col: 1 }, { flag, value, from, to, dataTo, ...FORMATS[kind] });
}

// ---- names that do not exist, and what is missing (issue 13 §2) ---------------------------------

/** Edit distance, capped: names longer apart than `cap` are not compared further. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The closest few names to a mistyped one, best first: those within a few edits (case ignored), else
 * those that contain it or that it starts (huayu → huayu-property). Empty when nothing is plausibly meant.
 */
export function nearest(value: string, choices: Iterable<string>, n = 3): string[] {
  const v = value.toLowerCase();
  const cap = Math.max(1, Math.min(3, Math.floor(v.length / 3)));
  const scored: [string, number][] = [];
  for (const c of new Set(choices)) {
    const d = editDistance(v, c.toLowerCase(), cap);
    if (d <= cap) scored.push([c, d]);
  }
  if (scored.length) return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([c]) => c);
  if (v.length < 2) return [];
  return [...new Set(choices)].filter((c) => c.toLowerCase().includes(v) || (v.length >= 4 && v.startsWith(c.toLowerCase()))).sort().slice(0, n);
}

/** "是不是 …？" arguments for a catalogue message: `suggest` (quoted, joined) and `allowed` (all, or the first dozen). */
export function choiceArgs(value: string, choices: string[], lang: Lang, labels?: (c: string, lang: Lang) => string, prefix = ''): { suggest: string; allowed: string; allowedZh: string; allowedEn: string } {
  const zh = lang === 'zh';
  const near = nearest(value, choices);
  // Each choice is written as the reader would type it (--provider huayu-property, charter notices ack), with its name.
  const show = (c: string, l: Lang): string => prefix + (labels ? labels(c, l) : c);
  const quote = (c: string): string => (zh ? `“${show(c, 'zh')}”` : `"${show(c, 'en')}"`);
  const list = (l: Lang): string => {
    const head = choices.slice(0, 12).map((c) => show(c, l));
    const more = choices.length - head.length;
    return head.join(l === 'zh' ? '、' : ', ') + (more > 0 ? (l === 'zh' ? ` 等 ${choices.length} 个` : ` and ${more} more`) : '');
  };
  return { suggest: near.map(quote).join(zh ? '、' : ', '), allowed: list(lang), allowedZh: list('zh'), allowedEn: list('en') };
}

/** CH026: something a command needs is missing, said with its format (缺少 --period（格式 YYYY-MM）). */
export function missing(command: string, usage: string, what: { zh: string; en: string }): Diagnostic {
  return diag('CH026', '<command line>', { line: 1, col: 1 }, { command, usage, whatZh: what.zh, whatEn: what.en });
}

/** The usual things a command needs, in words. */
export const NEEDS = {
  period: { zh: '--period（月份，格式 YYYY-MM，如 2026-04）', en: '--period (a month, YYYY-MM, e.g. 2026-04)' },
  kind: { zh: '--kind（记录类型）', en: '--kind (the record kind)' },
  file: { zh: '要提交的文件', en: 'the FILE to submit' },
  notice: { zh: '通知单编号（如 2026-001）', en: 'the notice NUMBER (e.g. 2026-001)' },
  by: { zh: '--by（经办人姓名）', en: '--by (who did it)' },
  note: { zh: '--note（说明）', en: '--note (what was done, or why)' },
  reason: { zh: '--reason（作废原因）', en: '--reason (why it is voided)' },
  proposal: { zh: '--proposal（拟议标准的目录或 git 版本）', en: '--proposal (the proposed standards folder or a git revision)' },
  requirement: { zh: '条款编号（如 4.3-1）', en: 'the REQUIREMENT id (e.g. 4.3-1)' },
  record: { zh: '记录编号（如 WO-2026-000218）', en: 'the RECORD id (e.g. WO-2026-000218)' },
} as const;

/** CH031: a month flag or argument that is not YYYY-MM; CH026 when it is missing. */
export function checkMonth(flag: string, value: string | undefined, command: string, usage: string, required: boolean): Diagnostic | undefined {
  if (value === undefined || value === '') return required ? missing(command, usage, NEEDS.period) : undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return diag('CH031', '<command line>', { line: 1, col: 1 }, { flag, value, example: '2026-04' });
  return outsideCalendar(flag, value, 'month');
}

/**
 * An instant on the command line (--as-of, --at, --now): a date alone (2026-05-01: the start of that day)
 * or a date and time (2026-05-01T09:30, also with a space), read in the school's time zone (Beijing time)
 * unless an offset is given. A bad value is CH030; a year outside the calendar data CH121.
 */
export function parseInstant(flag: string, value: string, tz = 'Asia/Shanghai'): Date | Diagnostic {
  const text = normaliseInstant(value);
  let d: Date;
  try {
    d = parseLocal(text, tz);
  } catch {
    return diag('CH030', '<command line>', { line: 1, col: 1 }, { flag, value });
  }
  return outsideCalendar(flag, value, 'time', d) ?? d;
}

/** 2026-05-01 → 2026-05-01T00:00; 2026-05-01 09:30 → 2026-05-01T09:30 (what parseLocal reads). */
export function normaliseInstant(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00`;
  return v.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2');
}
