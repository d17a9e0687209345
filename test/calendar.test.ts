// The working calendar: statutory layer, school layer, wall-clock limits, Civil Code periods, nights,
// unknown years and time parsing. Fixed dates only, never the wall clock.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCalendar, coverage, dayNumber, formatLocal, monthBounds, monthData, parseLocal, renderMonth, type Deadline } from '../engine/calendar/calendar.ts';
import { loadYamlFile } from '../engine/load/yaml.ts';
import { zone } from '../engine/calendar/zone.ts';
import type { SchoolCalendarFile } from '../engine/model/types.ts';
import { ROOT } from './helpers.ts';

const school = loadYamlFile(join(ROOT, 'standards', 'school', 'calendar.yaml')).data as SchoolCalendarFile;
const cal = createCalendar(school);
const at = (text: string): Date => parseLocal(text, 'Asia/Shanghai');
const shown = (r: Deadline): string => (r.known ? `${r.lastDay} ${formatLocal(r.deadline)}` : `unknown ${r.missingYear}`);

describe('statutory data (chinese-days)', () => {
  it('covers exactly the years the package ships per-year tables for', () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json')), 'years');
    const files = readdirSync(dir).flatMap((f) => (/^\d{4}\.json$/.test(f) ? [Number(f.slice(0, 4))] : [])).sort((a, b) => a - b);
    const c = coverage();
    expect(c).toMatchObject({ source: 'chinese-days', version: '1.5.7', from: 2004, to: 2026 });
    expect(c.years).toEqual(files);
  });

  it.each([
    // date, working, weekend, holiday, makeUpWorkday
    ['2026-03-06', true, false, undefined, false], // a Friday
    ['2026-03-08', false, true, undefined, false], // a Sunday
    ['2026-10-01', false, false, '国庆节', false],
    ['2026-10-03', false, true, '国庆节', false], // a Saturday inside the block still names the holiday
    ['2026-10-07', false, false, '国庆节', false],
    ['2026-10-08', true, false, undefined, false],
    ['2026-09-20', true, true, undefined, true], // Sunday make-up for National Day (data: 9-20 and 10-10)
    ['2026-10-10', true, true, undefined, true], // Saturday make-up for National Day
    ['2026-02-14', true, true, undefined, true],
    ['2026-02-23', false, false, '春节', false],
    ['2011-12-31', true, true, undefined, true], // from the 2012 notice, reaching back a year
  ] as const)('%s working=%s weekend=%s holiday=%s makeUp=%s', (date, working, weekend, holiday, makeUp) => {
    const d = cal.dayInfo(date);
    expect(d).toMatchObject({ date, known: true, working, weekend, makeUpWorkday: makeUp });
    expect(d.holiday).toBe(holiday);
  });

  it('names the holiday a make-up workday pays for, and marks 调休 weekdays', () => {
    expect(cal.dayInfo('2026-10-10').makeUpFor).toBe('国庆节');
    expect(cal.dayInfo('2026-10-07').inLieu).toBe(true);
    expect(cal.dayInfo('2026-10-01').inLieu).toBe(false);
  });

  it('2026-03-06 is a Friday and weekdays are ISO-numbered', () => {
    expect(cal.dayInfo('2026-03-06').weekday).toBe(5);
    expect(cal.dayInfo('2026-03-08').weekday).toBe(7);
  });
});

describe('school layer', () => {
  it('a closure makes a weekday non-working', () => {
    expect(cal.dayInfo('2026-04-15')).toMatchObject({ working: false, known: true, schoolClosure: '校庆日（全校停课停工）' });
  });

  it('an extra workday makes a weekend working, and wins over a closure on the same date', () => {
    const c = createCalendar({
      ...school,
      closures: [{ date: '2026-03-07', name: { zh: '停' } }],
      extra_workdays: [{ date: '2026-03-07', name: { zh: '迎评加班' } }, { date: '2027-03-06', name: { zh: '补' } }],
    });
    expect(c.dayInfo('2026-03-07')).toMatchObject({ working: true, schoolWorkday: '迎评加班' });
    // School overrides settle a day even in a year without a notice.
    expect(c.dayInfo('2027-03-06')).toMatchObject({ known: true, working: true });
  });

  it.each([
    ['2026-03-06', { term: 'spring-2026', heating: true, peak: false }],
    ['2026-08-03', { vacation: '暑假', heating: false }],
    ['2026-06-20', { term: 'spring-2026', peak: true }],
    ['2026-09-07', { term: 'autumn-2026', peak: true }],
  ] as const)('%s term/vacation/heating/peak', (date, expected) => {
    expect(cal.dayInfo(date)).toMatchObject(expected);
  });
});

describe('isWithinWorkingHours (start <= t < end on a working day)', () => {
  it.each([
    ['2026-03-06T08:29', false, 'before-hours'],
    ['2026-03-06T08:29:59.999', false, 'before-hours'],
    ['2026-03-06T08:30', true, 'in-hours'],
    ['2026-03-06T17:29', true, 'in-hours'],
    ['2026-03-06T17:29:59.999', true, 'in-hours'],
    ['2026-03-06T17:30', false, 'after-hours'],
    ['2026-03-08T10:00', false, 'non-working-day'], // Sunday
    ['2026-10-01T10:00', false, 'non-working-day'],
    ['2026-10-04T10:00', false, 'non-working-day'],
    ['2026-10-07T10:00', false, 'non-working-day'],
    ['2026-10-10T09:00', true, 'in-hours'], // make-up Saturday
    ['2026-04-15T10:00', false, 'non-working-day'], // school closure
  ] as const)('%s → %s (%s)', (text, value, reason) => {
    expect(cal.isWithinWorkingHours(at(text))).toEqual({ known: true, value, reason, date: text.slice(0, 10) });
  });

  it('takes epoch ms as well as Date, and uses the calendar zone not UTC', () => {
    // 2026-03-06T01:00Z is 09:00 in Shanghai.
    expect(cal.isWithinWorkingHours(Date.UTC(2026, 2, 6, 1, 0)).value).toBe(true);
    expect(cal.isWithinWorkingHours(Date.UTC(2026, 2, 6, 9, 30)).value).toBe(false); // 17:30 local
  });
});

describe('isDuringClass', () => {
  it.each([
    ['2026-03-06T10:30', true, 'in-class', '第3节'],
    ['2026-03-06T09:45', false, 'between-classes', undefined],
    ['2026-03-06T19:30', true, 'in-class', '第9节'],
    ['2026-10-10T08:00', true, 'in-class', '第1节'], // make-up workday in term
    ['2026-10-01T10:30', false, 'non-working-day', undefined],
    ['2026-04-15T10:30', false, 'non-working-day', undefined], // closure
    ['2026-08-03T10:30', false, 'not-term', undefined],
  ] as const)('%s → %s', (text, value, reason, period) => {
    const r = cal.isDuringClass(at(text));
    expect(r).toMatchObject({ known: true, value, reason });
    expect(r.period).toBe(period);
  });
});

describe('addWorkingDays (Civil Code arts. 201–203)', () => {
  it.each([
    ['2026-09-30T10:00', 3, '2026-10-10 2026-10-11T00:00:00+08:00'], // 10-08, 10-09, make-up 10-10
    ['2026-03-06T16:00', 1, '2026-03-09 2026-03-10T00:00:00+08:00'], // from a Friday
    ['2026-03-06T16:00', 3, '2026-03-11 2026-03-12T00:00:00+08:00'],
    ['2026-10-03T11:00', 1, '2026-10-08 2026-10-09T00:00:00+08:00'], // from a holiday
    ['2026-03-05T23:59', 1, '2026-03-06 2026-03-07T00:00:00+08:00'], // the starting day is never counted …
    ['2026-03-05T00:00', 1, '2026-03-06 2026-03-07T00:00:00+08:00'], // … however early the event
    ['2026-04-14T09:00', 1, '2026-04-16 2026-04-17T00:00:00+08:00'], // skips the school closure
  ] as const)('%s + %i working days → %s', (start, n, expected) => {
    expect(shown(cal.addWorkingDays(at(start), n))).toBe(expected);
  });

  it('ends at close of business when asked (art. 203: 有业务时间的)', () => {
    expect(shown(cal.addWorkingDays(at('2026-09-30T10:00'), 3, { endAt: 'close-of-business' }))).toBe('2026-10-10 2026-10-10T17:30:00+08:00');
  });

  it('rejects counts that are not whole positive numbers', () => {
    expect(() => cal.addWorkingDays(at('2026-03-06T10:00'), 0)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at('2026-03-06T10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('addDays (calendar days, last day moved off days off)', () => {
  it.each([
    ['2026-03-05T10:00', 1, '2026-03-06 2026-03-07T00:00:00+08:00'], // starting day not counted
    ['2026-03-01T10:00', 7, '2026-03-09 2026-03-10T00:00:00+08:00'], // would end on Sunday 03-08
    ['2026-09-24T10:00', 7, '2026-10-08 2026-10-09T00:00:00+08:00'], // would end on 10-01 (National Day)
    ['2026-10-03T10:00', 7, '2026-10-10 2026-10-11T00:00:00+08:00'], // ends on a make-up Saturday: no move
    ['2026-04-08T10:00', 7, '2026-04-16 2026-04-17T00:00:00+08:00'], // would end on the school closure
  ] as const)('%s + %i days → %s', (start, n, expected) => {
    expect(shown(cal.addDays(at(start), n))).toBe(expected);
  });
});

describe('nightOf (a night belongs to the date it starts on)', () => {
  it.each([
    ['2026-03-05T21:59', undefined],
    ['2026-03-05T22:00', '2026-03-05'],
    ['2026-03-05T23:10', '2026-03-05'],
    ['2026-03-06T00:00', '2026-03-05'],
    ['2026-03-06T02:00', '2026-03-05'],
    ['2026-03-06T05:59', '2026-03-05'],
    ['2026-03-06T06:00', undefined],
    ['2026-03-06T12:00', undefined],
  ] as const)('%s → %s', (text, expected) => {
    expect(cal.nightOf(at(text))).toBe(expected);
  });
});

describe('years without a holiday notice are unknown, never guessed', () => {
  it.each([
    ['2099-03-02', 2099],
    ['2027-10-01', 2027],
    ['2003-10-08', 2003],
    ['2026-12-29', 2027], // late December waits for the next year's New Year arrangement
  ] as const)('%s → unknown (%i)', (date, year) => {
    const d = cal.dayInfo(date);
    expect(d).toMatchObject({ known: false, missingYear: year });
    expect(d.message).toContain(String(year));
  });

  it('2026-12-28 is still settled by the 2026 notice', () => {
    expect(cal.dayInfo('2026-12-28')).toMatchObject({ known: true, working: true });
  });

  it('working hours: unknown inside the hours, known outside them', () => {
    const r = cal.isWithinWorkingHours(at('2099-03-02T10:00'));
    expect(r).toMatchObject({ known: false, value: false, reason: 'not-covered' });
    expect(r.message).toMatch(/2099 holiday notice is not in the calendar data/);
    expect(cal.isWithinWorkingHours(at('2099-03-02T20:00'))).toMatchObject({ known: true, value: false, reason: 'after-hours' });
  });

  it('class time: unknown only inside a class period of a term day', () => {
    expect(cal.isDuringClass(at('2027-01-04T10:30'))).toMatchObject({ known: false, reason: 'not-covered' });
    expect(cal.isDuringClass(at('2027-01-04T12:00'))).toMatchObject({ known: true, reason: 'between-classes' });
    expect(cal.isDuringClass(at('2027-03-01T10:30'))).toMatchObject({ known: true, reason: 'not-term' });
  });

  it('periods reaching an unknown day are unknown', () => {
    expect(shown(cal.addWorkingDays(at('2026-12-21T10:00'), 10))).toBe('unknown 2027');
    expect(shown(cal.addDays(at('2026-12-27T10:00'), 5))).toBe('unknown 2027');
    expect(shown(cal.addDays(at('2026-12-20T10:00'), 5))).toBe('2026-12-25 2026-12-26T00:00:00+08:00');
  });
});

describe('time parsing and formatting', () => {
  it.each([
    ['2026-03-06T17:29', Date.UTC(2026, 2, 6, 9, 29)], // no offset: Asia/Shanghai
    ['2026-03-06T17:29:30', Date.UTC(2026, 2, 6, 9, 29, 30)],
    ['2026-03-06T17:29:30.250', Date.UTC(2026, 2, 6, 9, 29, 30, 250)],
    ['2026-03-06 17:29', Date.UTC(2026, 2, 6, 9, 29)],
    ['2026-03-06T09:29Z', Date.UTC(2026, 2, 6, 9, 29)],
    ['2026-03-06T17:29+08:00', Date.UTC(2026, 2, 6, 9, 29)],
    ['2026-03-06T04:29-05:00', Date.UTC(2026, 2, 6, 9, 29)],
    ['2026-03-06T17:29+0800', Date.UTC(2026, 2, 6, 9, 29)],
  ])('%s', (text, ms) => {
    expect(parseLocal(text, 'Asia/Shanghai').getTime()).toBe(ms);
  });

  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-03-06T24:00', '2026-03-06T10:60', '2026-03-06', 'yesterday', '2026-03-06T10:00+25:00'])('rejects %s', (text) => {
    expect(() => parseLocal(text, 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('does not depend on process.env.TZ', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(parseLocal('2026-03-06T17:29').getTime()).toBe(Date.UTC(2026, 2, 6, 9, 29));
        expect(formatLocal(Date.UTC(2026, 2, 6, 9, 29))).toBe('2026-03-06T17:29:00+08:00');
        expect(cal.isWithinWorkingHours(at('2026-03-06T08:30')).value).toBe(true);
        expect(cal.dayInfo('2026-10-01').working).toBe(false);
        expect(cal.nightOf(at('2026-03-06T02:00'))).toBe('2026-03-05');
      }
      process.env.TZ = 'America/New_York';
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300); // the change really took effect
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('other zones go through Intl, DST included', () => {
    expect(formatLocal(parseLocal('2026-07-01T08:30', 'Europe/London'), 'Europe/London')).toBe('2026-07-01T08:30:00+01:00');
    expect(formatLocal(parseLocal('2026-03-08T02:30', 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00'); // skipped hour → forward
    expect(formatLocal(parseLocal('2026-11-01T01:30', 'America/New_York'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00'); // repeated hour → first
    expect(formatLocal(Date.UTC(1988, 6, 1), 'Asia/Shanghai')).toBe('1988-07-01T09:00:00+09:00'); // China's DST, before the fast path
    const london = createCalendar({ ...school, timezone: 'Europe/London' });
    expect(london.isWithinWorkingHours(Date.UTC(2026, 6, 1, 7, 30)).value).toBe(true); // 08:30 BST
    expect(london.isWithinWorkingHours(Date.UTC(2026, 6, 1, 7, 29)).value).toBe(false);
  });

  it('the Asia/Shanghai fast path agrees with Intl', () => {
    const sh = zone('Asia/Shanghai');
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    for (let ms = Date.UTC(1992, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 7_777_777_777) {
      const wall = new Date(ms + sh.offsetAt(ms)).toISOString().slice(0, 16).replace('T', ', ');
      expect(wall).toBe(fmt.format(ms));
    }
  });

  it('rejects unknown zones', () => {
    expect(() => createCalendar({ ...school, timezone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });

  it('dayNumber rejects impossible dates', () => {
    expect(() => dayNumber('2026-02-29')).toThrow(RangeError);
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('month view', () => {
  it('data: National Day span, make-up day, term, working-day count', () => {
    const m = monthData(cal, '2026-10');
    expect(m).toMatchObject({ month: '2026-10', known: true, workingDays: 18, unknownDays: 0 });
    expect(m.weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    expect(m.spans).toContainEqual({ kind: 'holiday', from: '2026-10-01', to: '2026-10-07', label: { zh: '国庆节', en: 'National Day' } });
    expect(m.spans).toContainEqual(expect.objectContaining({ kind: 'make-up', from: '2026-10-10', to: '2026-10-10' }));
    expect(m.spans).toContainEqual(expect.objectContaining({ kind: 'term', from: '2026-10-01', to: '2026-10-31' }));
  });

  it('text, Chinese: marks, legend, aligned columns', () => {
    const out = renderMonth(cal, '2026-10');
    expect(out).toContain('2026年10月');
    expect(out).toContain(' 1休');
    expect(out).toContain('10班');
    expect(out).toMatch(/10月1日—10月7日 +法定节假日：国庆节/); // issue 13: dates in words
    expect(out).toContain('图例');
    expect(renderMonth(cal, '2026-04')).toContain('15闭');
  });

  it('text, English, and unknown days marked with a note', () => {
    const out = renderMonth(cal, '2027-01', 'en');
    expect(out).toContain('January 2027');
    expect(out).toContain(' 4?');
    expect(out).toMatch(/Note: the 2027 holiday notice is not in the calendar data/);
    expect(monthData(cal, '2026-12')).toMatchObject({ known: false, missingYears: [2027], unknownDays: 3 });
  });

  it('rejects a bad month', () => {
    expect(() => monthData(cal, '2026-13')).toThrow(RangeError);
  });
});

describe('monthBounds: the one month arithmetic the evaluation and the planner share', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28', '2026-03', 28],
    ['2028-02', '2028-02-01', '2028-02-29', '2028-03', 29],
    ['2026-12', '2026-12-01', '2026-12-31', '2027-01', 31],
    ['2026-04', '2026-04-01', '2026-04-30', '2026-05', 30],
  ])('%s', (period, start, end, next, n) => {
    const b = monthBounds(period);
    expect([b.start, b.end, b.next, b.days.length, b.days[0], b.days.at(-1)]).toEqual([start, end, next, n, start, end]);
  });
  it.each(['2026-13', '2026-4', 'April'])('refuses %s', (p) => expect(() => monthBounds(p)).toThrow(RangeError));
});
