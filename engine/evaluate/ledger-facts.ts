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
  'recurrences', // how many later periods the same requirement failed again for the provider after verification
  'public_concern', // a complaint or public attention recorded against it (引起较大舆情)
] as const;

/** Per provider per period (fact `ledger`): what accountability rules count. */
export const LEDGER_FACTS = ['open', 'overdue', 'escalated', 'reopened', 'verified', 'recurring_requirements'] as const;

export type NoticeFact = Record<(typeof NOTICE_FACTS)[number], unknown>;
