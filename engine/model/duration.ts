// ISO 8601 durations as written in the standards (PT15M, PT1H, P3D, P5Y).
// Years and months have no fixed length; for comparing strictness we use 365 d and 30 d.

const RE = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseDuration(text: string): Duration | undefined {
  const m = RE.exec(text);
  if (!m) return undefined;
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Approximate length in seconds, for ordering limits by strictness only. */
export function durationSeconds(d: Duration): number {
  return ((((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60) + d.seconds;
}

/** Human wording: PT1H → "1 小时" / "1 h". */
export function formatDuration(text: string, lang: 'zh' | 'en' = 'zh'): string {
  const d = parseDuration(text);
  if (!d) return text;
  const parts: string[] = [];
  const add = (v: number, zh: string, en: string): void => {
    if (v) parts.push(lang === 'zh' ? `${v} ${zh}` : `${v} ${en}`);
  };
  add(d.years, '年', 'y');
  add(d.months, '个月', 'mo');
  add(d.weeks, '周', 'wk');
  add(d.days, '天', 'd');
  add(d.hours, '小时', 'h');
  add(d.minutes, '分钟', 'min');
  add(d.seconds, '秒', 's');
  return parts.join(lang === 'zh' ? '' : ' ');
}

/** What a duration written the way people say it (2小时, 2h, PT2h, 45 分钟, 1天, 1.5 hours) should read as. */
export interface DurationGuess {
  /** The ISO 8601 duration meant (PT2H), when the text names a wall-clock length. */
  iso?: string;
  /** Working days named (3个工作日): these are not a duration but unit working-days with a number. */
  workingDays?: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic or small Chinese numbers (二十四, 十五, 两): up to 99, which covers every limit people write. */
function numberOf(t: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === '') return t in CN_DIGITS ? CN_DIGITS[t] : undefined;
  if (!m[2]) return m[3] || !m[1] ? undefined : CN_DIGITS[m[1]];
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

// Longest spellings first so 分钟 wins over 分 and minutes over m.
const UNIT_WORDS: [string, keyof Duration | 'working-days'][] = [
  ['个工作日', 'working-days'], ['工作日', 'working-days'], ['working days', 'working-days'], ['working day', 'working-days'], ['workdays', 'working-days'], ['workday', 'working-days'],
  ['个小时', 'hours'], ['小时', 'hours'], ['钟头', 'hours'], ['hours', 'hours'], ['hour', 'hours'], ['hrs', 'hours'], ['hr', 'hours'], ['h', 'hours'], ['时', 'hours'],
  ['分钟', 'minutes'], ['minutes', 'minutes'], ['minute', 'minutes'], ['mins', 'minutes'], ['min', 'minutes'], ['m', 'minutes'], ['分', 'minutes'],
  ['seconds', 'seconds'], ['second', 'seconds'], ['secs', 'seconds'], ['sec', 'seconds'], ['s', 'seconds'], ['秒钟', 'seconds'], ['秒', 'seconds'],
  ['个星期', 'weeks'], ['星期', 'weeks'], ['weeks', 'weeks'], ['week', 'weeks'], ['wk', 'weeks'], ['w', 'weeks'], ['周', 'weeks'],
  ['个月', 'months'], ['months', 'months'], ['month', 'months'], ['mo', 'months'], ['月', 'months'],
  ['days', 'days'], ['day', 'days'], ['d', 'days'], ['天', 'days'], ['日', 'days'],
  ['years', 'years'], ['year', 'years'], ['yrs', 'years'], ['yr', 'years'], ['y', 'years'], ['年', 'years'],
];

const LOWER: Partial<Record<keyof Duration, [keyof Duration, number]>> = { weeks: ['days', 7], days: ['hours', 24], hours: ['minutes', 60], minutes: ['seconds', 60] };

/** ISO 8601 text of a duration (no normalising: 90 minutes stays PT90M, as written). */
export function isoOf(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'PT0M';
  return `P${date}${time ? `T${time}` : ''}`;
}

/**
 * The duration a mistyped value most plausibly means, or undefined when it is not recognisable.
 * Lower-case ISO (PT2h), words in Chinese or English (2小时, 2 hours, 45分钟, 一天, 1个半小时) and fractions
 * (1.5h → PT1H30M) are read; months and years are never split into days (they have no fixed length).
 */
export function guessDuration(text: string): DurationGuess | undefined {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (parseDuration(upper)) return { iso: upper };
  let rest = t.toLowerCase().replace(/^pt?(?=\d)/, '').replace(/\s+/g, ' ').replace(/\s*(以内|之内|内|以下)$/, '');
  const d: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  let workingDays: number | undefined;
  let found = false;
  if (/^半(个)?小时$/.test(rest)) return { iso: 'PT30M' };
  while (rest) {
    rest = rest.replace(/^(?:\s|,|，|、|and|又|零)+/, '');
    if (!rest) break;
    const m = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)\s*(个半|个)?\s*/.exec(rest);
    if (!m) return undefined;
    const n = numberOf(m[1]!);
    if (n === undefined) return undefined;
    rest = rest.slice(m[0].length);
    const unit = UNIT_WORDS.find(([w]) => rest.startsWith(w) && !(/^[a-z]$/.test(w.slice(-1)) && /^[a-z]/.test(rest.slice(w.length))));
    if (!unit) return undefined;
    rest = rest.slice(unit[0].length).replace(/^\s*(钟)?/, '');
    const value = n + (m[2] === '个半' ? 0.5 : 0);
    if (unit[1] === 'working-days') {
      workingDays = value;
      found = true;
      continue;
    }
    // 1.5 小时 → 1 hour 30 minutes: fractions go down one unit at a time, never below a whole second.
    let key: keyof Duration = unit[1];
    let v = value;
    while (!Number.isInteger(v)) {
      const down = LOWER[key];
      if (!down) return undefined;
      d[key] += Math.floor(v);
      v = Math.round((v - Math.floor(v)) * down[1] * 1e6) / 1e6;
      key = down[0];
    }
    d[key] += v;
    found = true;
  }
  if (!found) return undefined;
  if (workingDays !== undefined) return Object.values(d).some((x) => x) ? undefined : { workingDays };
  return { iso: isoOf(d) };
}
