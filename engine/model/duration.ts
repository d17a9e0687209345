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
