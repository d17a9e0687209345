// Facts the plans' own rules about rectification will read once the notice ledger exists (next issue):
// the supervision plan's 限期整改, 问题-整改-反馈 loop, and accountability when a problem is not
// rectified in time or recurs. Defined now so those rules compile against a known schema.

/** One rectification notice as the ledger will expose it to rules (fact `notice`). */
export const NOTICE_FACTS = [
  'id', // notice number, e.g. 后勤督〔2026〕第001号
  'provider',
  'requirement', // the requirement whose failure it was issued for
  'period', // YYYY-MM of the findings
  'issued_at',
  'deadline', // computed by the plan's rule in working days on the calendar
  'acknowledged_at',
  'rectification_reported_at',
  'verified_at',
  'status', // issued | acknowledged | rectification-reported | verified | overdue | escalated | reopened
  'days_overdue', // working days past the deadline at as-of, 0 if not overdue
  'past_deadline', // open and past 24:00 of the deadline's last day at as-of (a weekend counts: the time is up)
  'recurrences', // how many later periods the same requirement failed again for the provider after verification
  'public_concern', // a complaint or public attention recorded against it (引起较大舆情)
] as const;

/** Per provider per period (fact `ledger`): what accountability rules count. */
export const LEDGER_FACTS = ['open', 'overdue', 'escalated', 'reopened', 'verified', 'recurring_requirements'] as const;

export type NoticeFact = Record<(typeof NOTICE_FACTS)[number], unknown>;

import { diag, type Diagnostic } from '../diagnostics.ts';
import type { Located } from '../load/tree.ts';
import type { NoticesFile } from '../model/types.ts';

const OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Compile-time check of a ledger rule: every leaf reads a known notice or ledger field with a known operator. */
export function checkNoticeRule(rule: NoticesFile['rules'][number], where: Located<NoticesFile>, pointer: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const allowed = { notice: NOTICE_FACTS as readonly string[], ledger: LEDGER_FACTS as readonly string[] };
  const bad = (sub: string, fact: string, path: string): void => {
    out.push(diag('CH401', where.file.display, where.file.yaml.locate(where.pointer + pointer + sub), { rule: rule.id, fact, path, allowed: [...allowed.notice.map((f) => `notice $.${f}`), ...allowed.ledger.map((f) => `ledger $.${f}`)].join(', ') }, where.pointer + pointer + sub));
  };
  const walk = (c: unknown, sub: string): void => {
    if (!c || typeof c !== 'object' || Array.isArray(c)) return bad(sub, String(c), '');
    const o = c as Record<string, unknown>;
    if (Array.isArray(o.all)) return o.all.forEach((x, i) => walk(x, `${sub}/all/${i}`));
    if (Array.isArray(o.any)) return o.any.forEach((x, i) => walk(x, `${sub}/any/${i}`));
    if (o.not !== undefined) return walk(o.not, `${sub}/not`);
    const fact = String(o.fact ?? '');
    const path = typeof o.path === 'string' ? o.path : '';
    const fields = allowed[fact as keyof typeof allowed];
    if (!fields || !path.startsWith('$.') || !fields.includes(path.slice(2)) || !OPERATORS.has(String(o.operator)) || !('value' in o)) bad(sub, fact, path || String(o.operator ?? ''));
  };
  walk(rule.conditions, '');
  return out;
}
