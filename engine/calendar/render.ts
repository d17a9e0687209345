// A month of the working calendar as plain data (for --json) and as a printable Mon–Sun grid.
// Only types come from calendar.ts, so the re-export there creates no runtime import cycle.
import type { Text } from '../model/types.ts';
import { localTime } from '../model/labels.ts';
import { pad } from '../cli/format.ts';
import { notCoveredMessage } from './statutory.ts';
import type { DayInfo, WorkingCalendar } from './calendar.ts';

export type Lang = 'zh' | 'en';
export type SpanKind = 'holiday' | 'make-up' | 'closure' | 'extra-workday' | 'term' | 'vacation' | 'heating' | 'peak';

/** A run of consecutive days in the month sharing one mark, e.g. 国庆节 10-01…10-07. */
export interface Span {
  kind: SpanKind;
  from: string;
  to: string;
  label: Text;
}

export interface MonthData {
  month: string;
  /** false when some day's holiday notice is missing; see missingYears. */
  known: boolean;
  missingYears: number[];
  workingDays: number;
  unknownDays: number;
  /** Monday-first weeks of dates; null pads days outside the month. */
  weeks: (string | null)[][];
  days: DayInfo[];
  spans: Span[];
}

const KIND_NAMES: readonly SpanKind[] = ['holiday', 'make-up', 'closure', 'extra-workday', 'term', 'vacation', 'heating', 'peak'];

const labelOf = (d: DayInfo, kind: SpanKind): Text | undefined => {
  switch (kind) {
    case 'holiday':
      return d.holiday ? d.names.holiday : undefined;
    case 'make-up':
      return d.makeUpWorkday ? d.names.holiday : undefined;
    case 'closure':
      return d.names.closure;
    case 'extra-workday':
      return d.names.workday;
    default:
      return d.names[kind];
  }
};

export function monthData(cal: WorkingCalendar, month: string): MonthData {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const length = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const days = Array.from({ length }, (_, i) => cal.dayInfo(`${month}-${String(i + 1).padStart(2, '0')}`));

  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: days[0]!.weekday - 1 }, () => null);
  for (const d of days) {
    week.push(d.date);
    if (week.length === 7) (weeks.push(week), (week = []));
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);

  // Merge consecutive days whose label for a kind is the same Text (same source entry).
  const spans: Span[] = [];
  for (const kind of KIND_NAMES) {
    let open: Span | undefined;
    for (const d of days) {
      const label = labelOf(d, kind);
      if (label && open && open.label.zh === label.zh) open.to = d.date;
      else {
        if (open) spans.push(open);
        open = label ? { kind, from: d.date, to: d.date, label } : undefined;
      }
    }
    if (open) spans.push(open);
  }
  spans.sort((a, b) => a.from.localeCompare(b.from) || KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind));

  const missingYears = [...new Set(days.flatMap((d) => (d.missingYear === undefined ? [] : [d.missingYear])))];
  return {
    month,
    known: missingYears.length === 0,
    missingYears,
    workingDays: days.filter((d) => d.known && d.working).length,
    unknownDays: days.filter((d) => !d.known).length,
    weeks,
    days,
    spans,
  };
}

const WORDS = {
  zh: {
    head: ['一', '二', '三', '四', '五', '六', '日'],
    marks: { unknown: '?', closure: '闭', extra: '加', holiday: '休', makeUp: '班' },
    legend: '图例：休 法定节假日　班 调休补班　闭 学校停工　加 学校加班　? 无节假日数据；无标记的六、日为周末休息，其余无标记日为工作日',
    kinds: { holiday: '法定节假日', 'make-up': '调休补班', closure: '学校停工', 'extra-workday': '学校加班', term: '学期', vacation: '假期', heating: '供暖季', peak: '高峰期' },
    sep: '：',
    note: '注意：',
    total: (w: number, u: number) => `本月工作日 ${w} 天${u ? `，另有 ${u} 天无法确定` : ''}`,
  },
  en: {
    head: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    marks: { unknown: '?', closure: 'C', extra: 'E', holiday: 'H', makeUp: 'W' },
    legend: 'Legend: H statutory holiday, W make-up workday (补班), C school closure, E school extra workday, ? no holiday data; unmarked Sat/Sun are weekend rest days, other unmarked days are working days',
    kinds: { holiday: 'statutory holiday', 'make-up': 'make-up workday', closure: 'school closure', 'extra-workday': 'school extra workday', term: 'term', vacation: 'vacation', heating: 'heating season', peak: 'peak season' },
    sep: ': ',
    note: 'Note: ',
    total: (w: number, u: number) => `${w} working days${u ? `, ${u} days undetermined` : ''}`,
  },
} as const;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CELL = 5;

/** A printable month: title, Mon–Sun grid with marks, term/vacation beside each week, the marked spans, legend. */
export function renderMonth(cal: WorkingCalendar, month: string, lang: Lang = 'zh'): string {
  const data = monthData(cal, month);
  const w = WORDS[lang];
  const text = (t: Text): string => (lang === 'en' ? (t.en ?? t.zh) : t.zh);
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const title = cal.school.title ? `  ${text(cal.school.title)}` : '';
  const byDate = new Map(data.days.map((d) => [d.date, d]));

  // The strongest fact wins the single mark: unknown, school layers, then the statutory notice.
  const mark = (d: DayInfo): string =>
    !d.known ? w.marks.unknown : d.schoolClosure ? w.marks.closure : d.schoolWorkday ? w.marks.extra : d.holiday ? w.marks.holiday : d.makeUpWorkday ? w.marks.makeUp : '';

  const lines = [lang === 'zh' ? `${y}年${mo}月${title}` : `${MONTHS_EN[mo - 1]} ${y}${title}`, ''];
  lines.push(w.head.map((h) => pad(h.padStart(lang === 'zh' ? 2 : 3), CELL)).join('').trimEnd());
  for (const week of data.weeks) {
    const ds = week.flatMap((date) => (date ? [byDate.get(date)!] : []));
    const cells = week.map((date) => {
      const d = date ? byDate.get(date) : undefined;
      return pad(d ? `${String(Number(d.date.slice(8))).padStart(2)}${mark(d)}` : '', CELL);
    });
    const periods = [...new Set(ds.flatMap((d) => [d.names.term, d.names.vacation].flatMap((t) => (t ? [text(t)] : []))))];
    lines.push(`${cells.join('')}${periods.length ? ` ${periods.join(lang === 'zh' ? '、' : ', ')}` : ''}`.trimEnd());
  }
  lines.push('');
  for (const s of data.spans) {
    // Dates as people write them (10月1日—10月7日, 1 Oct – 7 Oct), not ISO month-day codes.
    const day = (d: string): string => localTime(d, lang, { time: false });
    const range = s.from === s.to ? day(s.from) : lang === 'zh' ? `${day(s.from)}—${day(s.to)}` : `${day(s.from)} – ${day(s.to)}`;
    lines.push(`${pad(range, lang === 'zh' ? 20 : 17)}${w.kinds[s.kind]}${w.sep}${text(s.label)}`);
  }
  for (const year of data.missingYears) lines.push(`${w.note}${notCoveredMessage(year, lang)}`);
  lines.push(w.total(data.workingDays, data.unknownDays), w.legend);
  return lines.join('\n') + '\n';
}
