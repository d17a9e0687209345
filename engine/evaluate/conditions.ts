// Conditions in json-rules-engine's own JSON form, and a fast evaluator with the same semantics.
// json-rules-engine is the reference (a differential test runs both); this path exists because
// its run() clones every condition tree per call, which is far too slow for a province's records.

export type Operator = 'equal' | 'notEqual' | 'in' | 'notIn' | 'contains' | 'doesNotContain' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive';

export interface Leaf {
  fact: string;
  /** Only simple JSONPath `$.field` paths are generated, so the fast path can resolve them directly. */
  path?: string;
  operator: Operator;
  /** A constant, or another fact's value ({fact, path}) as json-rules-engine allows. */
  value: unknown;
}

function isFactRef(v: unknown): v is { fact: string; path?: string } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
}
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface RuleJson {
  name: string;
  conditions: { all: Condition[] } | { any: Condition[] };
  event: { type: string; params?: Record<string, unknown> };
  priority?: number;
}

// The same validators and callbacks as json-rules-engine's default operators.
const numeric = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const OPS: Record<Operator, { check: (v: unknown) => boolean; cb: (a: never, b: never) => boolean }> = {
  equal: { check: () => true, cb: (a, b) => a === b },
  notEqual: { check: () => true, cb: (a, b) => a !== b },
  in: { check: () => true, cb: (a, b: unknown[]) => b.indexOf(a) > -1 },
  notIn: { check: () => true, cb: (a, b: unknown[]) => b.indexOf(a) === -1 },
  contains: { check: Array.isArray, cb: (a: unknown[], b) => a.indexOf(b) > -1 },
  doesNotContain: { check: Array.isArray, cb: (a: unknown[], b) => a.indexOf(b) === -1 },
  lessThan: { check: numeric, cb: (a, b) => a < b },
  lessThanInclusive: { check: numeric, cb: (a, b) => a <= b },
  greaterThan: { check: numeric, cb: (a, b) => a > b },
  greaterThanInclusive: { check: numeric, cb: (a, b) => a >= b },
};

export type Facts = Record<string, unknown>;

/** The value a leaf reads: the fact, then its `$.field` path (undefined when absent, like JSONPath). */
export function factValue(leaf: Leaf, facts: Facts): unknown {
  const v = facts[leaf.fact];
  if (!leaf.path) return v;
  if (v === null || typeof v !== 'object') return undefined;
  return (v as Record<string, unknown>)[leaf.path.slice(2)];
}

export function test(c: Condition, facts: Facts): boolean {
  if ('all' in c) {
    for (const x of c.all) if (!test(x, facts)) return false;
    return true;
  }
  if ('any' in c) {
    for (const x of c.any) if (test(x, facts)) return true;
    return false;
  }
  if ('not' in c) return !test(c.not, facts);
  const op = OPS[c.operator];
  const v = factValue(c, facts);
  const target = isFactRef(c.value) ? factValue({ fact: c.value.fact, ...(c.value.path ? { path: c.value.path } : {}), operator: 'equal', value: null }, facts) : c.value;
  return op.check(v) && op.cb(v as never, target as never);
}

/** Per leaf: what the fact was and whether it held — the evidence json-rules-engine calls factResult/result. */
export function explain(c: Condition, facts: Facts): { fact: string; path?: string; operator: Operator; value: unknown; factResult: unknown; result: boolean }[] {
  if ('all' in c) return c.all.flatMap((x) => explain(x, facts));
  if ('any' in c) return c.any.flatMap((x) => explain(x, facts));
  if ('not' in c) return explain(c.not, facts);
  const r = { fact: c.fact, operator: c.operator, value: c.value, factResult: factValue(c, facts), result: test(c, facts) };
  return [c.path ? { ...r, path: c.path } : r];
}

/** Every fact path a condition reads, for the compile-time check against the data schemas. */
export function paths(c: Condition): { fact: string; path?: string }[] {
  if ('all' in c) return c.all.flatMap(paths);
  if ('any' in c) return c.any.flatMap(paths);
  if ('not' in c) return paths(c.not);
  const own = c.path ? { fact: c.fact, path: c.path } : { fact: c.fact };
  return isFactRef(c.value) ? [own, c.value.path ? { fact: c.value.fact, path: c.value.path } : { fact: c.value.fact }] : [own];
}
