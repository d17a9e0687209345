// Simplified Chinese for display (issue 14 §2): two of the school's plans are written in Traditional
// characters and are quoted verbatim in standards/. Simplified pages show them converted at build time by
// OpenCC (opencc-js, phrase-aware), with the verbatim original kept beside them (lang="zh-Hant").
// The public-edition check counts the Traditional characters left on a page.
import * as OpenCC from 'opencc-js/t2cn';

// A Traditional text is converted from Taiwan forms: the plans use them (承擔著 → 承担着, which OpenCC's
// plain "t" leaves). Characters only, never vocabulary: the "twp" phrase set would rewrite 執行 and 整合,
// changing what the plan says.
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
// The check reads text that is already meant to be Simplified: the Taiwan variant table would flag 显著's
// 著, so it uses OpenCC's standard Traditional set, which has no false alarms on Simplified text.
const fromStandard = OpenCC.Converter({ from: 't', to: 'cn' });

/** A Traditional-character text in Simplified characters (unchanged when it already is Simplified). */
export function toSimplified(text: string): string {
  return fromTaiwan(text);
}

/** Whether a text holds Traditional characters. */
export const isTraditional = (text: string): boolean => traditionalChars(text).length > 0;

/** The characters of `text` that are Traditional forms, with their Simplified form, in order. */
export function traditionalChars(text: string): { char: string; simplified: string; index: number }[] {
  const a = [...text];
  const b = [...fromStandard(text)];
  const out: { char: string; simplified: string; index: number }[] = [];
  if (a.length !== b.length) {
    // OpenCC maps character for character; should a phrase ever change the length, judge one by one.
    a.forEach((c, i) => {
      const s = fromStandard(c);
      if (s !== c) out.push({ char: c, simplified: s, index: i });
    });
    return out;
  }
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push({ char: a[i]!, simplified: b[i]!, index: i });
  return out;
}
