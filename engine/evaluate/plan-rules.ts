// Rate forms the school plans need beyond a plain threshold:
// - share: the numerator counts records with a given value (服务指南 三、(三)2.(2) error rate: complaints
//   caused by operating errors ÷ all complaints);
// - requires_record: below the threshold a document must exist (服务指南 三、(三)2.(1) “低于85%需分析原因”);
//   the requirement fails only when no such document is filed.
import { FIELD, limitWords, RECORD_KIND, say } from '../model/labels.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import { rateRules, type ParamSet } from './compile.ts';
import { test } from './conditions.ts';
import type { Evidence, Finding, Status } from './evaluate.ts';

type Base = (rr: ResolvedRequirement, scope: { kind: string; id: string }) => Omit<Finding, 'status' | 'evidence' | 'evidence_total'>;

const round = (v: number): number => Math.round(v * 100) / 100;

/** What every finding of a plan rate carries: the provider scope, the threshold with its sign and unit, the rules. */
function rateHead(rr: ResolvedRequirement, base: Base, provider: string, rules: ReturnType<typeof rateRules>) {
  const rt = rr.requirement.rate!;
  return {
    ...base(rr, { kind: 'provider', id: provider }),
    required: `${rt.direction} ${rules.threshold}${rules.unit === 'permille' ? '‰' : '%'}`,
    unit: rules.unit,
    parameter_version: rules.version,
    rules: [rules.sample.name, rules.pass.name],
  };
}

/** Nothing of the kind submitted: no data, never a pass (issue 10 §2). */
const NO_DATA = { reason: { zh: '本期没有数据', en: 'no data this period' }, reason_code: 'no-data' };

/**
 * A share over all of the unit's records of the month (exclusions aside). Records that leave the field
 * empty are unclassified: the verdict stands only if it holds whichever way they would be classified.
 */
export function shareFindings(rr: ResolvedRequirement, params: ParamSet, base: Base, provider: string, periodEnd: string, rows: Record<string, unknown>[], limitN: number): Finding[] {
  const r = rr.requirement;
  const rt = r.rate!;
  const share = rt.share!;
  const rules = rateRules(r, params, periodEnd);
  const scale = rules.unit === 'permille' ? 1000 : 100;
  const mine = rows.filter((x) => x.provider === provider && !x.exclusion);
  const hits = mine.filter((x) => share.values.includes(String(x[share.field] ?? '')));
  const unknown = mine.filter((x) => x[share.field] === undefined || x[share.field] === '');
  const head = rateHead(rr, base, provider, rules);
  const den = mine.length;
  if (!den) return [{ ...head, status: 'not-reviewed', evidence: [], evidence_total: 0, ...NO_DATA }];
  const rate = (num: number): number => Math.round((num / den) * scale * 1e9) / 1e9;
  const facts = (num: number) => ({ rate: { value: rate(num), sample: den, numerator: num, denominator: den } });
  if (!test(rules.sample.conditions, facts(hits.length))) {
    return [{ ...head, status: 'not-reviewed', measured: round(rate(hits.length)), evidence: [], evidence_total: 0, reason: { zh: `样本 ${den} 少于最小样本 ${rt.min_sample}`, en: `sample ${den} is below the minimum ${rt.min_sample}` } }];
  }
  // Unclassified records could go either way: the verdict must hold at both ends.
  const lo = test(rules.pass.conditions, facts(hits.length));
  const hi = test(rules.pass.conditions, facts(hits.length + unknown.length));
  const upper = rt.direction === 'at-most' || rt.direction === 'below';
  const passCertain = upper ? hi : lo;
  const failCertain = upper ? !lo : !hi;
  const bad: Evidence[] = hits.map((x) => ({ record: String(x.id), outcome: String(x[share.field]) }));
  if (failCertain) {
    return [{ ...head, status: 'failed', measured: round(rate(hits.length)), evidence: bad.slice(0, limitN), evidence_total: bad.length }];
  }
  if (!passCertain) {
    const ev: Evidence[] = unknown.map((x) => ({ record: String(x.id), outcome: 'unclassified', note: `${share.field} missing` }));
    return [
      {
        ...head,
        status: 'not-reviewed',
        measured: round(rate(hits.length)),
        evidence: ev.slice(0, limitN),
        evidence_total: ev.length,
        reason: { zh: `${unknown.length} 条记录未填写${say(FIELD, share.field, 'zh')}，无法判定`, en: `${unknown.length} records leave the ${say(FIELD, share.field, 'en')} empty; the rate cannot be decided` },
      },
    ];
  }
  return [{ ...head, status: 'passed', measured: round(rate(hits.length)), evidence: [], evidence_total: 0 }];
}

/**
 * Below the threshold the obligation is a document: a rate that misses is failed only when the unit has
 * filed no document for the requirement dated from the period's start up to the as-of day; a rate that
 * holds asks for nothing (not applicable, with the rate measured).
 */
export function requiredRecord(f: Finding, docs: Record<string, unknown>[], threshold: string | number | undefined, limitN: number): Finding {
  // The threshold as read (85 %), the measured rate with its unit: never the machine's "at-least 85%".
  const th = /^(?:at-least|above|at-most|below)\s+([\d.]+)/.exec(String(f.required ?? threshold ?? ''));
  const rt = th ? limitWords(Number(th[1]), f.unit ?? 'percent', 'zh') : String(f.required ?? threshold);
  const measured = limitWords(String(f.measured ?? ''), f.unit ?? 'percent', 'zh');
  if (f.status === 'passed') {
    return { ...f, status: 'not-applicable' as Status, evidence: [], evidence_total: 0, reason: { zh: `比率 ${measured} 未低于 ${rt}，无需原因分析`, en: `the rate ${measured} is not below ${rt}; no analysis is due` } };
  }
  if (f.status !== 'failed') return f;
  const mine = docs.filter((x) => x.provider === f.provider && x.requirement === f.requirement);
  if (mine.length) {
    return {
      ...f,
      status: 'passed',
      evidence: mine.slice(0, limitN).map((x) => ({ record: String(x.id), outcome: 'present', actual: String(x.title), text: { zh: `原因分析《${String(x.title)}》已提交`, en: `analysis of the causes “${String(x.title)}” is filed` } })),
      evidence_total: mine.length,
      reason: { zh: `比率 ${measured} 低于 ${rt}，已有原因分析`, en: `the rate ${measured} is below ${rt}; an analysis is filed` },
    };
  }
  return {
    ...f,
    evidence: [{ unit: f.provider, outcome: 'analysis-missing', actual: f.measured ?? '', required: String(f.required ?? threshold ?? '') }, ...f.evidence].slice(0, limitN),
    evidence_total: f.evidence_total + 1,
    reason: { zh: `比率 ${measured} 低于 ${rt}，未提交原因分析`, en: `the rate ${measured} is below ${rt} and no analysis is filed` },
  };
}

/**
 * A share whose denominator counts another kind of record: the sum of `numerator` over the unit's subject
 * records (select.kind) ÷ the number of the unit's `denominator_count` records in the month (服务指南 四、1.(2)
 * “每月抽取20%的工單核對”: work orders sampled ÷ work orders). No subject records at all is no data; no cases
 * to count is not applicable. `counted`: the provider's records of the denominator kind this month, excluded
 * ones not counted.
 */
export function countRatioFindings(rr: ResolvedRequirement, params: ParamSet, base: Base, provider: string, periodEnd: string, subjectRows: Record<string, unknown>[], counted: number, limitN: number): Finding[] {
  const r = rr.requirement;
  const rt = r.rate!;
  const rules = rateRules(r, params, periodEnd);
  const scale = rules.unit === 'permille' ? 1000 : 100;
  const head = rateHead(rr, base, provider, rules);
  const subject = subjectRows.filter((x) => x.provider === provider);
  const picked = subject.filter((x) => !rt.select?.kind || x.kind === rt.select.kind);
  if (!counted) return [{ ...head, status: 'not-applicable', measured: 0, evidence: [], evidence_total: 0, reason: { zh: `本期没有${say(RECORD_KIND, rt.denominator_count, 'zh')}记录，无可抽查`, en: `no ${say(RECORD_KIND, rt.denominator_count, 'en')} this period; nothing to sample` } }];
  if (!subject.length) return [{ ...head, status: 'not-reviewed', evidence: [], evidence_total: 0, ...NO_DATA }];
  const num = picked.reduce((a, x) => a + Number(x[rt.numerator!] ?? 0), 0);
  const den = counted;
  const value = Math.round((num / den) * scale * 1e9) / 1e9;
  const facts = { rate: { value, sample: den, numerator: num, denominator: den } };
  if (!test(rules.sample.conditions, facts)) {
    return [{ ...head, status: 'not-reviewed', measured: round(value), evidence: [], evidence_total: 0, reason: { zh: `样本 ${den} 少于最小样本 ${rt.min_sample}`, en: `sample ${den} is below the minimum ${rt.min_sample}` } }];
  }
  const ok = test(rules.pass.conditions, facts);
  const ev: Evidence[] = ok ? [] : [{ unit: provider, outcome: 'below', actual: `${num}/${den}`, required: rules.threshold }];
  return [{ ...head, status: ok ? 'passed' : 'failed', measured: round(value), evidence: ev.slice(0, limitN), evidence_total: ev.length }];
}
