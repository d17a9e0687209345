// When a case's clock starts. By default at the start field's instant; a limit with `clock: {within: {param}}`
// starts it within service hours on working days only: a case received outside them starts at the next
// opening (学校综合办公室服务指南 三、(二)2.(1) “工作日8:30-17:30為標準服務時間,超出時段需記錄并次日處理”).
import { dateOf, dayNumber, parseLocal, type WorkingCalendar } from '../calendar/calendar.ts';

export interface ClockHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  text: string;
}

/** "08:30-17:30" → minutes; undefined when malformed (the validator reports the value). */
export function parseHours(text: string): ClockHours | undefined {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return end > start ? { start, end, text: text.trim() } : undefined;
}

export type ClockStart = { known: true; ms: number } | { known: false; message: string };

/**
 * The instant the clock starts for a case that came in at `ms`: itself when inside the hours of a working
 * day; the same day's opening when before it on a working day; else the opening of the next working day.
 */
export function clockStart(cal: WorkingCalendar, ms: number, h: ClockHours): ClockStart {
  const date = cal.localDate(ms);
  const midnight = parseLocal(`${date}T00:00`, cal.timezone).getTime();
  const minute = (ms - midnight) / 60000;
  let n = dayNumber(date);
  let info = cal.dayInfo(date);
  if (!info.known) return { known: false, message: info.message ?? `no holiday data for ${date.slice(0, 4)}` };
  if (info.working && minute >= h.start && minute < h.end) return { known: true, ms };
  if (!(info.working && minute < h.start)) {
    // After hours or a day off: the next working day (at most a long holiday away).
    do {
      n++;
      info = cal.dayInfo(dateOf(n));
      if (!info.known) return { known: false, message: info.message ?? `no holiday data for ${dateOf(n).slice(0, 4)}` };
    } while (!info.working);
  }
  const hh = String(Math.floor(h.start / 60)).padStart(2, '0');
  const mm = String(h.start % 60).padStart(2, '0');
  return { known: true, ms: parseLocal(`${dateOf(n)}T${hh}:${mm}`, cal.timezone).getTime() };
}
