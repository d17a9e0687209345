// Phone numbers in free data text (emergency contacts, office details) as tap-to-call links. A number a
// reader may need in an emergency must be one tap away and never broken across lines (the links are
// `white-space: nowrap`, style.css). Only what is a phone number in China is linked: a landline with its
// area code (0513-85012345, 0000-00000001), a local 8-digit number (85012345), a mobile (13812345678,
// 138 1234 5678), a 400/800 service number, and the emergency numbers 110 / 119 / 120 / 122. Dates
// (2026-07-10, 20260710), prices (120 元, ¥120), durations (120 分钟), counts (110 件), clause numbers
// (4.3-1, 第 8.2 条) and record ids (WO-2026-000542) are left as text.

export type PhonePart = { text: string } | { text: string; tel: string };

/** The number to dial: digits only (an extension as RFC 3966 `;ext=`), for the tel: URI. */
export function telHref(number: string): string {
  const m = /^(.*?)(?:\s*(?:转|ext\.?|x)\s*(\d{1,6}))?$/i.exec(number.trim())!;
  const digits = m[1]!.replace(/\D/g, '');
  return `tel:${digits}${m[2] ? `;ext=${m[2]}` : ''}`;
}

// Candidates, longest forms first. Each alternative is checked against its surroundings below.
const CANDIDATE = new RegExp(
  [
    // landline with area code: 0513-85012345, 0513 85012345, (0513) 85012345, 010-12345678, 0000-00000000, optional extension
    String.raw`(?:\(0\d{2,3}\)\s?|0\d{2,3}[-\s]?)\d{7,8}(?:\s*(?:转|ext\.?)\s*\d{1,6})?`,
    // 400/800 service numbers: 400-123-4567, 4001234567
    String.raw`[48]00[-\s]?\d{3}[-\s]?\d{4}`,
    // mobile: 13812345678, 138-1234-5678, 138 1234 5678
    String.raw`1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}`,
    // local 8-digit number (no leading 0 or 1)
    String.raw`[2-9]\d{7}`,
    // emergency numbers
    String.raw`11[09]|12[02]`,
  ].map((s) => `(?:${s})`).join('|'),
  'g',
);

// A unit or counter after a number makes it a quantity (120 元, 110 件, 119 分钟, 120 minutes), not a number to call.
const UNIT_AFTER = /^\s?(?:[元块角分秒时天日月年周件个次人宗项条号户间米平公克斤吨度台辆份页%‰℃]|(?:min|minutes?|hours?|h|s|secs?|seconds?|days?|d|weeks?|months?|years?|yuan|rmb|cny|cases?|times?|people|persons?|items?|m|km|kg|kv|v|w)\b)/i;
// Before: part of a longer token (a digit, a decimal point, a hyphenated id, a time), a currency sign or an ordinal.
const BEFORE_BAD = /[\d.\-:/_A-Za-z¥￥$#第]$/;
// After: the token goes on (more digits or letters, as in a checksum; a decimal, a hyphenated id, a time).
const AFTER_BAD = /^(?:[\dA-Za-z]|[.:/_-][0-9A-Za-z])/;

/** An 8-digit run that reads as a date (20260710): not a local number. */
const looksLikeDate = (s: string): boolean => /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(s);

/** Is `m` at `index` of `text` a phone number, given what stands around it? */
function isPhone(text: string, m: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 2), index);
  const after = text.slice(index + m.length);
  if (BEFORE_BAD.test(before) || AFTER_BAD.test(after)) return false;
  // A 3-digit emergency number, a bare 8-digit number: reject quantities and dates.
  if (/^\d{3}$/.test(m) || /^\d{8}$/.test(m)) {
    if (UNIT_AFTER.test(after)) return false;
    if (/^\d{8}$/.test(m) && looksLikeDate(m)) return false;
    // A 3-digit number beside a decimal or a percent, or after 共/约/第, is a figure.
    if (/^\d{3}$/.test(m) && /[共约第计]\s?$/.test(before)) return false;
  }
  return true;
}

/** Free text split into plain text and phone numbers (each with its tel: URI). Joining every part's
 * `text` gives the input back unchanged. */
export function linkPhones(text: string): PhonePart[] {
  const parts: PhonePart[] = [];
  let last = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const s = m[0];
    const i = m.index!;
    if (!isPhone(text, s, i)) continue;
    if (i > last) parts.push({ text: text.slice(last, i) });
    parts.push({ text: s, tel: telHref(s) });
    last = i + s.length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}

/** Just the numbers found in a text (for checks and tests). */
export const phonesIn = (text: string): string[] => linkPhones(text).flatMap((p) => ('tel' in p ? [p.text] : []));
