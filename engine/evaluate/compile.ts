// Requirements → json-rules-engine rules. Rule name = "<requirement id>@<version>", the version being the
// effective dates of the parameter values it was compiled with. Every fact path a rule reads is checked
// against the fact schemas below, so a typo is a located error, never a rule that silently passes.
import { diag, type Diagnostic } from '../diagnostics.ts';
import type { Located } from '../load/tree.ts';
import { durationSeconds, parseDuration } from '../model/duration.ts';
import type { DatedValue, Requirement, Text, When } from '../model/types.ts';
import { RECORD_FIELDS, type RecordKind } from '../model/vocabulary.ts';
import { valueAt } from '../validate/checks.ts';
import { paths, type Condition, type RuleJson } from './conditions.ts';
import { parseHours, type ClockHours } from './clock.ts';

/** Facts each rule family reads, and their fields: the data schemas plus what evaluation derives. */
export const CASE_DERIVED = ['working_hours', 'during_class', 'building_type', 'elapsed_seconds', 'start_ms', 'stop_ms', 'open', 'excluded', 'impossible'] as const;
export function factSchema(subject: RecordKind): Record<string, readonly string[]> {
  return {
    case: [...RECORD_FIELDS[subject], ...CASE_DERIVED],
    cell: ['count', 'unit', 'period'],
    rate: ['value', 'sample', 'numerator', 'denominator'],
    reading: ['value', 'passed'],
    documents: ['count', 'required', 'missing'],
    inspection: ['passed', 'failed'],
  };
}

export interface ParamSet {
  /** name → dated values (after profile overrides). */
  values: Map<string, DatedValue[]>;
  /** name → the profile that tailored it, so rule versions of different profiles never share a name. */
  tailored?: Map<string, string>;
}

/** The parameter set of a resolved requirement: its values after overrides, and who tailored them. */
export function paramSet(parameters: { name: string; values: DatedValue[]; tailoredBy?: string }[]): ParamSet {
  return {
    values: new Map(parameters.map((p) => [p.name, p.values])),
    tailored: new Map(parameters.flatMap((p) => (p.tailoredBy ? [[p.name, p.tailoredBy] as [string, string]] : []))),
  };
}

/** A parameter value's version: its effective date, prefixed by the profile that set it, if any. */
function versionTag(params: ParamSet, name: string, dv: DatedValue | undefined): string {
  const by = params.tailored?.get(name);
  return `${by ? by + ':' : ''}${dv?.from ?? '?'}`;
}

export interface CompiledLimit {
  id: string;
  label: Text;
  start: string;
  stop: string;
  /** Fields the stop cannot precede (the clock stops at the latest recorded of stop and these). */
  stopNotBefore: string[];
  /** Readiness limit: the stop must be at least |amount| before the start; amount is then negative. */
  before: boolean;
  unit: 'duration' | 'working-days' | 'days';
  /** Seconds for wall-clock limits; a count of days otherwise. */
  amount: number;
  text: string;
  version: string;
  applies: RuleJson;
  met: RuleJson;
  /** Whether choosing this limit needs to know if the case came in working hours. */
  readsWorkingHours: boolean;
  /** Service hours outside which the clock waits for the next opening (see clock.ts). */
  clock?: ClockHours;
}

export interface CompiledTimeliness {
  requirement: string;
  version: string;
  limits: CompiledLimit[];
  /** Whether any limit needs the calendar's working-hours or class-time answer. */
  readsWorkingHours: boolean;
  readsDuringClass: boolean;
}


function whenConditions(w: When | undefined): Condition[] {
  const out: Condition[] = [];
  if (!w) return out;
  if (w.category) out.push({ fact: 'case', path: '$.category', operator: 'in', value: w.category });
  if (w.kind) out.push({ fact: 'case', path: '$.kind', operator: 'in', value: w.kind });
  if (w.subcategory) out.push({ fact: 'case', path: '$.subcategory', operator: 'in', value: w.subcategory });
  if (w.priority) out.push({ fact: 'case', path: '$.priority', operator: 'in', value: w.priority });
  if (w.complexity) out.push({ fact: 'case', path: '$.complexity', operator: 'in', value: w.complexity });
  if (w.building_type) out.push({ fact: 'case', path: '$.building_type', operator: 'in', value: w.building_type });
  if (w.working_hours !== undefined) out.push({ fact: 'case', path: '$.working_hours', operator: 'equal', value: w.working_hours });
  if (w.during_class !== undefined) out.push({ fact: 'case', path: '$.during_class', operator: 'equal', value: w.during_class });
  return out;
}

/** Timeliness rules with the parameter values in force on `date`. */
export function compileTimeliness(r: Requirement, params: ParamSet, date: string): CompiledTimeliness {
  const t = r.timeliness!;
  const limits = t.limits.map((lim): CompiledLimit => {
    const unit = (r.parameters?.find((p) => p.name === lim.limit.param)?.unit ?? 'duration') as CompiledLimit['unit'];
    const dv = valueAt(params.values.get(lim.limit.param) ?? [], date);
    const text = String(dv?.value ?? '');
    const magnitude = unit === 'duration' ? durationSeconds(parseDuration(text) ?? { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }) : Number(dv?.value);
    // A readiness limit (提前30分钟) ends that long before the start: elapsed from start to stop ≤ −30 min.
    const amount = lim.before && unit === 'duration' ? -magnitude : magnitude;
    const version = versionTag(params, lim.limit.param, dv);
    const applies = whenConditions(lim.when);
    const within: Condition =
      unit === 'duration'
        ? { fact: 'case', path: '$.elapsed_seconds', operator: 'lessThanInclusive', value: amount }
        : { fact: 'case', path: '$.stop_ms', operator: 'lessThanInclusive', value: { fact: 'deadline', path: `$.${lim.id}` } };
    const name = `${r.id}@${version}`;
    const hours = lim.clock ? parseHours(String(valueAt(params.values.get(lim.clock.within.param) ?? [], date)?.value ?? '')) : undefined;
    return {
      ...(hours ? { clock: hours } : {}),
      id: lim.id,
      label: lim.label,
      start: lim.start,
      stop: lim.stop,
      stopNotBefore: lim.stop_not_before ?? [],
      before: lim.before === true && unit === 'duration',
      unit,
      amount,
      text,
      version,
      readsWorkingHours: lim.when?.working_hours !== undefined,
      applies: { name: `${name}#${lim.id}:applies`, conditions: { all: applies }, event: { type: 'applies', params: { requirement: r.id, limit: lim.id } } },
      met: { name: `${name}#${lim.id}`, conditions: { all: [...applies, within] }, event: { type: 'met', params: { requirement: r.id, limit: lim.id, limit_value: text } } },
    };
  });
  return {
    requirement: r.id,
    version: [...new Set(limits.map((l) => l.version))].sort().join('+'),
    limits,
    readsWorkingHours: t.limits.some((l) => l.when?.working_hours !== undefined),
    readsDuringClass: t.limits.some((l) => l.when?.during_class !== undefined),
  };
}

/** Whether a rate is over a complete count (no minimum sample) rather than a sample. */
export function isCompleteCount(rt: NonNullable<Requirement['rate']>): boolean {
  return rt.population ? rt.population === 'complete' : rt.subject === 'equipment-counts' || rt.cases_of !== undefined;
}

const DIRECTION_OPS = { 'at-least': 'greaterThanInclusive', above: 'greaterThan', 'at-most': 'lessThanInclusive', below: 'lessThan' } as const;

export function rateRules(r: Requirement, params: ParamSet, date: string): { threshold: number; unit: string; version: string; sample: RuleJson; pass: RuleJson; reading?: RuleJson; minReading?: number } {
  const rt = r.rate!;
  const th = valueAt(params.values.get(rt.threshold.param) ?? [], date);
  const unit = r.parameters?.find((p) => p.name === rt.threshold.param)?.unit ?? 'percent';
  const threshold = Number(th?.value);
  const also = (rt.also ?? []).map((a) => valueAt(params.values.get(a.param) ?? [], date));
  const version = [...new Set([versionTag(params, rt.threshold.param, th), ...(rt.also ?? []).map((a, i) => versionTag(params, a.param, also[i]))])].sort().join('+');
  const name = `${r.id}@${version}`;
  const out: ReturnType<typeof rateRules> = {
    threshold,
    unit,
    version,
    sample: { name: `${name}:sample`, conditions: { all: [{ fact: 'rate', path: '$.sample', operator: 'greaterThanInclusive', value: isCompleteCount(rt) ? 1 : (rt.min_sample ?? 1) }] }, event: { type: 'sufficient' } },
    pass: { name, conditions: { all: [{ fact: 'rate', path: '$.value', operator: DIRECTION_OPS[rt.direction], value: threshold }] }, event: { type: 'passed' } },
  };
  if (also[0]) {
    out.minReading = Number(also[0].value);
    out.reading = { name: `${name}:reading`, conditions: { all: [{ fact: 'reading', path: '$.value', operator: 'greaterThanInclusive', value: out.minReading }] }, event: { type: 'reading-passed' } };
  }
  return out;
}

export function cellRule(r: Requirement, countId: string, required: number, version: string): RuleJson {
  return { name: `${r.id}@${version}#${countId}`, conditions: { all: [{ fact: 'cell', path: '$.count', operator: 'greaterThanInclusive', value: required }] }, event: { type: 'cell-met' } };
}

export function recordRule(r: Requirement): RuleJson {
  // Every listed document is required (8.2's fourteen plans are fourteen items), each valid.
  return {
    name: `${r.id}@record`,
    conditions: {
      all: [
        { fact: 'documents', path: '$.count', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'documents', path: '$.missing', operator: 'equal', value: 0 },
      ],
    },
    event: { type: 'present' },
  };
}

export function inspectionRule(r: Requirement): RuleJson {
  return {
    name: `${r.id}@inspection`,
    conditions: {
      all: [
        { fact: 'inspection', path: '$.passed', operator: 'greaterThanInclusive', value: 1 },
        { fact: 'inspection', path: '$.failed', operator: 'equal', value: 0 },
      ],
    },
    event: { type: 'passed' },
  };
}

/** Compile-time check: every fact and path a rule reads exists in the fact schemas. */
export function checkRule(rule: RuleJson, subject: RecordKind, where: Located<Requirement>, sub: string): Diagnostic[] {
  const schema = factSchema(subject);
  const out: Diagnostic[] = [];
  for (const p of paths(rule.conditions as Condition)) {
    if (p.fact === 'deadline') continue; // one field per limit id, made by the evaluator
    const fields = schema[p.fact];
    const field = p.path?.slice(2);
    if (!fields || (field !== undefined && !fields.includes(field))) {
      out.push(diag('CH401', where.file.display, where.file.yaml.locate(where.pointer + sub), { rule: rule.name, fact: p.fact, path: p.path ?? '', allowed: (fields ?? Object.keys(schema)).join(', ') }, where.pointer + sub));
    }
  }
  return out;
}
