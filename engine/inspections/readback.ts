// Reading a filled round workbook back (issue 12 §2): what the mapping inspection-round-xlsx cannot say
// by itself. A blank result is "not inspected" (left out, counted per round); a result word is one of
// 合格 / 不合格 / 不适用, with a did-you-mean for the near misses people type; a filled row names its
// inspector; and every row must be a row of its round as the planner plans it (place and requirement).
import type { CellProblem } from '../data/mapping.ts';
import { openXlsx, type RawRow } from '../data/readers.ts';
import type { MappingFile } from '../model/types.ts';
import type { RowHook } from '../data/submit.ts';
import type { InspectionRound } from './plan.ts';
import { COLUMNS, RESULT_WORDS, TITLE_LABELS } from './workbook.ts';

const H = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])) as Record<(typeof COLUMNS)[number]['key'], string>;

// Words people write for a result that are not the three of the form: suggested, never taken silently.
const NEAR: Record<string, string> = {
  通过: '合格', 符合: '合格', 达标: '合格', 良好: '合格', 正常: '合格', 好: '合格', 是: '合格', 对: '合格', ok: '合格', yes: '合格', y: '合格', pass: '合格', '√': '合格', '✓': '合格', '✔': '合格',
  不通过: '不合格', 不符合: '不合格', 未达标: '不合格', 不达标: '不合格', 有问题: '不合格', 问题: '不合格', 整改: '不合格', 否: '不合格', 错: '不合格', no: '不合格', n: '不合格', fail: '不合格', '×': '不合格', x: '不合格', '✗': '不合格', '✘': '不合格',
  无: '不适用', 无此项: '不适用', 不涉及: '不适用', 不适合: '不适用', na: '不适用', 'n/a': '不适用', '/': '不适用', '—': '不适用', '-': '不适用',
};

/** The canonical word a near miss stands for, if any: spacing, full-width forms, synonyms, one character off. */
export function suggestResult(v: string): string | undefined {
  const t = v.normalize('NFKC').replace(/[\s\u3000]+/g, '').toLowerCase();
  if (Object.hasOwn(RESULT_WORDS, t)) return t;
  if (Object.hasOwn(NEAR, t)) return NEAR[t];
  const en: Record<string, string> = { passed: '合格', failed: '不合格', 'not-applicable': '不适用', notapplicable: '不适用' };
  if (en[t]) return en[t];
  // 不合格了, 合格。, 基本合格 …: a word that contains exactly one of the three.
  const words = Object.keys(RESULT_WORDS).sort((a, b) => b.length - a.length);
  const hit = words.find((w) => t.includes(w));
  if (hit) return hit;
  // One character wrong or missing (合各, 不合, 不适): the closest of the three.
  const close = words.filter((w) => distance(w, t) === 1);
  return close.length === 1 ? close[0] : undefined;
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The inspection round workbook's row checks; `findRound` re-plans a round by its id (engine/inspections/plan.ts). */
export function roundWorkbookHook(findRound: (id: string) => InspectionRound | undefined): RowHook {
  const rounds = new Map<string, InspectionRound | undefined>();
  const round = (id: string): InspectionRound | undefined => {
    if (!rounds.has(id)) rounds.set(id, findRound(id));
    return rounds.get(id);
  };
  return {
    before(raw: RawRow) {
      const v = raw.values[H.result];
      if (blank(v)) {
        // Not inspected: left out and counted, unless the row says something a result should go with.
        const said = (['notes', 'photos'] as const).filter((k) => !blank(raw.values[H[k]]));
        if (said.length) {
          const what = said.map((k) => `“${H[k]}”`).join('、');
          return { problems: [{ code: 'CH339', column: H.result, value: '', args: { what, whatEn: said.map((k) => (k === 'notes' ? 'a problem description' : 'photo numbers')).join(' and ') } }] };
        }
        return { skip: shown(raw.titleBlock?.[TITLE_LABELS.round]) || raw.sheet || '' };
      }
      const word = String(v).trim();
      if (Object.hasOwn(RESULT_WORDS, word) || Object.values(RESULT_WORDS).includes(word as never)) return undefined;
      return { problems: [{ code: 'CH335', column: H.result, value: shown(v), args: { suggest: suggestResult(word) ?? '' } }] };
    },
    after(record: Record<string, unknown>): CellProblem[] {
      const out: CellProblem[] = [];
      if (blank(record.inspector)) out.push({ code: 'CH336', column: H.inspector, value: '', args: { field: 'inspector' } });
      const id = shown(record.round);
      const r = round(id);
      if (!r) {
        out.push({ code: 'CH338', column: TITLE_LABELS.round, value: id, args: { round: id } });
        return out;
      }
      const row = r.rows.find((x) => x.id === record.id);
      if (!row || row.place.id !== record.place || row.requirement !== record.requirement) {
        out.push({ code: 'CH337', column: H.id, value: shown(record.id), args: { round: id, place: shown(record.place), requirement: shown(record.requirement), id: shown(record.id) } });
      }
      return out;
    },
  };
}

/** Whether an XLSX file is a round workbook: its first sheet has the mapping's headers at its header row
 *  and the round id label in its title block. Anything unreadable is simply not one (submit reports it). */
export async function isRoundWorkbook(file: string, m: MappingFile): Promise<boolean> {
  try {
    const t = await openXlsx(file, { sheet: '*', headerRow: m.header_row ?? 1 });
    const headers = new Set(t.headers);
    const ok = m.columns.every((c) => typeof c.header !== 'string' || headers.has(c.header));
    if (!ok) return false;
    for await (const batch of t.rows) return batch.length === 0 || batch[0]!.titleBlock?.[TITLE_LABELS.round] !== undefined;
    return true;
  } catch {
    return false;
  }
}
