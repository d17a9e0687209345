// The statutory layer: State Council holiday notices (放假安排) as tabulated by the chinese-days package.
//
// We read its data table, not its functions: isWorkday()/getDayDetail() parse 'YYYY-MM-DD' as UTC midnight
// but read the weekday and date back in the machine's local zone (wrong by a day west of UTC), and they
// silently treat a year without a notice as an ordinary Mon–Fri year. Coverage is derived from the table.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };

/** Entries look like "National Day,国庆节,3": English name, Chinese name, statutory days of that holiday. */
type Table = Record<string, string>;
const holidays: Table = data.holidays;
const workdays: Table = data.workdays; // 调休补班: weekend days that are working days
const inLieu: Table = data.inLieuDays; // 调休: weekdays off, paid back by a make-up workday

export const SOURCE = { name: 'chinese-days', version: pkg.version } as const;

export interface Statutory {
  /** Chinese and English name of the holiday the day belongs to (also set on make-up workdays). */
  zh: string;
  en: string;
  /** true: a day off (法定节假日 or part of its block); false: a make-up workday (补班). */
  off: boolean;
  inLieu: boolean;
}

function entry(raw: string, off: boolean, date: string): Statutory {
  const [en = '', zh = ''] = raw.split(',');
  return { zh, en, off, inLieu: date in inLieu };
}

/** The notice's entry for a date, or undefined for an ordinary day (weekday or weekend by the weekday rule). */
export function statutoryDay(date: string): Statutory | undefined {
  const w = workdays[date];
  if (w !== undefined) return entry(w, false, date);
  const h = holidays[date];
  return h === undefined ? undefined : entry(h, true, date);
}

// A notice for year Y may reach back into Y−1 (e.g. 2011-12-31 was a make-up workday of the 2012 New Year
// holiday), so "has some date in Y" is not enough; every notice does arrange National Day in October of Y.
const YEARS = [...new Set(Object.entries(holidays).filter(([, v]) => v.startsWith('National Day,')).map(([d]) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
const COVERED = new Set(YEARS);

export function covered(year: number): boolean {
  return COVERED.has(year);
}

/**
 * The year whose notice is missing for this date, or undefined when the date is settled.
 * 29–31 December also wait for the next year's notice: past New Year arrangements moved exactly
 * those days (2007-12-29 补班, 2018-12-29…31, 2022-12-31 休), so they are not guessed either.
 */
export function missingNotice(date: string): number | undefined {
  const y = Number(date.slice(0, 4));
  if (!COVERED.has(y)) return y;
  if (date.slice(5, 7) === '12' && date.slice(8) >= '29' && !COVERED.has(y + 1)) return y + 1;
  return undefined;
}

export function coveredYears(): number[] {
  return [...YEARS];
}

/** Why a year is unknown, in either language, for callers to show as is. */
export function notCoveredMessage(year: number, lang: 'zh' | 'en' = 'en'): string {
  const range = YEARS.length ? `${YEARS[0]}–${YEARS.at(-1)}` : '—';
  return lang === 'zh'
    ? `${year} 年的法定节假日安排不在日历数据中（${SOURCE.name} ${SOURCE.version} 收录 ${range} 年），无法确定是否为工作日`
    : `the ${year} holiday notice is not in the calendar data (${SOURCE.name} ${SOURCE.version} covers ${range}); working days cannot be determined`;
}
