// The one status tag of a pledge and its row in words, shared by the site's pages (through
// site/src/lib/data.ts) and the tests. Kept apart from engine/site/pledges.ts so the pages load only
// the vocabulary (labels.ts), not the evaluation.
import { PLEDGE_COLUMNS, PLEDGE_TAG, type Lang } from '../model/labels.ts';
import type { SitePledgePeriod } from './types.ts';

/** Fewer judged cases than this: no share on time is given (a percentage over so few would mislead). */
export const SMALL_N = 5;

export type TagKind = 'met' | 'missed' | 'none' | 'insufficient' | 'no-data';
type Counts = Pick<SitePledgePeriod, 'n' | 'met' | 'missed' | 'anomaly' | 'rate' | 'no_data' | 'calendar_unknown'>;

/**
 * The one status tag of a pledge for a period or a total, everywhere (docs/site.md 服务承诺的计数与状态):
 * 暂无数据 when nothing of the kind was submitted; 数据不足 when cases could not be placed under a limit
 * (no holiday data), or when a target rate is set, fewer than SMALL_N cases were judged and some was not
 * on time (a rate over so few cannot be held against the target); 无个案 when no case was judged; then,
 * per case (no target): 达成 only if every judged case was on time, else 未达成 N 宗; with a target:
 * 达成 if the share on time reaches it, else 未达成 N 宗. N counts the late cases and the data
 * anomalies: a case whose data cannot show it was on time is never a pass.
 */
export function pledgeTag(period: Counts, target: number | null, lang: Lang): { kind: TagKind; text: string } {
  const tag = (kind: Exclude<TagKind, 'missed'>) => ({ kind, text: PLEDGE_TAG[kind][lang] });
  if (period.no_data) return tag('no-data');
  if (period.calendar_unknown) return tag('insufficient');
  if (period.n === 0) return tag('none');
  const bad = period.missed + period.anomaly;
  if (target === null) return bad === 0 ? tag('met') : { kind: 'missed', text: PLEDGE_TAG.missed(bad)[lang] };
  if (bad === 0) return tag('met');
  if (period.n < SMALL_N) return tag('insufficient');
  return (period.rate ?? 0) >= target ? tag('met') : { kind: 'missed', text: PLEDGE_TAG.missed(bad)[lang] };
}

/** A row's counts in one line that adds up: 个案 81：按时 77，超时 1，数据异常 1，不计入 2. `compact` leaves out
 * the kinds that are 0 (个案 17：按时 17), for the cells of the history and totals where space is short. */
export function countsLine(q: Pick<SitePledgePeriod, 'cases' | 'met' | 'missed' | 'anomaly' | 'excluded'>, lang: Lang, compact = false): string {
  const c = PLEDGE_COLUMNS;
  const en = { missed: 'late', anomaly: q.anomaly === 1 ? 'data anomaly' : 'data anomalies', excluded: 'excluded' };
  const parts = (['missed', 'anomaly', 'excluded'] as const).filter((k) => !compact || q[k] > 0);
  if (lang === 'zh') return `${c.cases.zh} ${q.cases}：${[`${c.met.zh} ${q.met}`, ...parts.map((k) => `${c[k].zh} ${q[k]}`)].join('，')}`;
  return `${q.cases} case${q.cases === 1 ? '' : 's'}: ${[`${q.met} on time`, ...parts.map((k) => `${q[k]} ${en[k]}`)].join(', ')}`;
}

