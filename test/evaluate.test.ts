// Evaluation against the sample university: every injected violation is found and nothing else is;
// findings.json follows its schema; the fast path decides exactly as json-rules-engine does.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Engine } from 'json-rules-engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellRule, compileTimeliness, paramSet, rateRules } from '../engine/evaluate/compile.ts';
import { test as fastTest, type Condition, type Facts, type RuleJson } from '../engine/evaluate/conditions.ts';
import { evaluate, type Findings } from '../engine/evaluate/evaluate.ts';
import { FINDINGS_SCHEMA } from '../engine/evaluate/findings-schema.ts';
import { resolveProfile } from '../engine/model/resolve.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { buildIndex } from '../engine/validate/checks.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitSample } from './helpers.ts';

const SAMPLE = join(ROOT, 'examples', 'sample-university');
const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const MONTHS = ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
let store: Store;
const results = new Map<string, Findings>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-eval-'));
  store = openStore(join(dir, 'db.sqlite'));
  for (const status of await submitSample(tree, store, dir)) expect(status).toBe('stored');
  for (const m of MONTHS) results.set(m, evaluate({ tree, store, period: m }));
}, 60_000);

interface Violation {
  key: string;
  kind: string;
  requirement: string;
  records?: string[];
  cell?: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8')) as { violations: Violation[]; defects: { kind: string; records?: string[] }[] };

/** A failure's evidence, as keys comparable with the manifest. */
function keysOf(f: Findings['findings'][number]): string[] {
  return f.evidence.map((e) => (e.record ? `${f.requirement}|${e.record}` : `${f.requirement}|${e.unit ?? f.scope.id}|${e.cell ?? f.period}`));
}

function manifestKeys(v: Violation): string[] {
  // A listed document that was never submitted fails every month evaluated (a standing gap), keyed by its item.
  if (v.kind === 'document-missing') return MONTHS.map((m) => `${v.requirement}|${v.cell!.item}|${m}`);
  if (v.records && v.requirement !== '6.2.2.4-4' && v.requirement !== '5.2.4.3' && v.requirement !== '5.1.2.7-2-b') return v.records.map((r) => `${v.requirement}|${r}`);
  const c = v.cell ?? {};
  // Rates of an office unit as a whole (the general office's on-time rate) are keyed by the unit.
  const unit = c.building ?? c.area ?? c.campus ?? c.unit ?? '';
  const when = c.night ?? c.date ?? c.month ?? '';
  if (v.requirement === '5.1.2.6-2' || v.requirement === '6.2.2.4-4') return [`${v.requirement}|${unit}|${when.slice(0, 7)}`];
  return [`${v.requirement}|${unit}|${when}`];
}

describe('the sample university', () => {
  it('every injected violation is found and nothing else fails', () => {
    const found = new Set<string>();
    for (const [month, f] of results) {
      // The inspector unit's own missed rounds are checked against the providers' missed rows below, not the manifest.
      for (const x of f.findings.filter((x) => x.status === 'failed' && x.scope.kind !== 'inspection-plan')) {
        for (const k of keysOf(x)) {
          // A rate failure without per-record evidence is keyed by its scope and month.
          found.add(k.endsWith(`|${month}`) || k.split('|').length === 2 ? k : k);
        }
      }
    }
    // Impossible times are data findings (listed among the defects), not injected violations.
    const impossible = new Set(manifest.defects.filter((d) => d.kind === 'impossible-time').flatMap((d) => d.records ?? []));
    const foundViolations = [...found].filter((k) => !impossible.has(k.split('|')[1]!));
    const expected = manifest.violations.flatMap(manifestKeys);
    expect(foundViolations.sort()).toEqual([...new Set(expected)].sort());
  });

  it('an impossible time is a data finding, never a pass', () => {
    const ev = [...results.values()].flatMap((f) => f.findings.flatMap((x) => x.evidence.filter((e) => e.outcome === 'impossible-time').map((e) => e.record)));
    // The injected impossible time, by the manifest (its id depends on the generator's stream).
    const injected = manifest.defects.find((d) => d.kind === 'impossible-time' && d.records?.length)!.records![0]!;
    expect(ev).toContain(injected);
  });

  it('excluded cases are counted apart, with their reason', () => {
    const excl = [...results.values()].flatMap((f) => f.pledges).reduce((a, p) => {
      for (const [k, v] of Object.entries(p.excluded_by_reason)) a[k] = (a[k] ?? 0) + v;
      return a;
    }, {} as Record<string, number>);
    expect(excl['duplicate']).toBeGreaterThan(0);
    expect(excl['approved-extension']).toBeGreaterThan(0);
  });

  it('findings.json follows its schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const v = ajv.compile(FINDINGS_SCHEMA);
    for (const f of results.values()) {
      const ok = v(JSON.parse(JSON.stringify(f)));
      expect(v.errors ?? [], f.period).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('roll-ups follow error > failed > passed > not-applicable > not-reviewed', () => {
    const f = results.get('2026-04')!;
    expect(f.rollups.providers['huayu-property']).toBe('failed');
    expect(f.rollups.providers['jiale-catering']).toBe('passed');
    expect(f.rollups.clauses['4.3']).toBe('failed');
    expect(f.rollups.clauses['4']).toBe('failed');
    // Section 8 has a verdict now that the units' document lists are in: 信远's 8.2 lacks one of its 14 plans.
    expect(f.rollups.sections['8']).toBe('failed');
  });

  it("the office's checks: injected inspection failures and document gaps are found; June's round is no data", () => {
    const failed = (m: string, req: string, p: string) => results.get(m)!.findings.find((x) => x.requirement === req && x.provider === p)!;
    for (const v of manifest.violations.filter((x) => x.kind === 'inspection-failed')) {
      const f = failed(v.cell!.month!, v.requirement, v.cell!.provider!);
      expect(f.status, v.key).toBe('failed');
      expect(f.evidence.map((e) => e.record)).toEqual(v.records);
    }
    expect(manifest.violations.filter((x) => x.kind === 'inspection-failed').length).toBeGreaterThanOrEqual(5);
    const plan = failed('2026-04', '8.2', 'xinyuan-service');
    expect(plan.evidence).toEqual([expect.objectContaining({ unit: 'emergency-plan-terrorist-attack', outcome: 'document-missing' })]);
    expect(plan.measured).toBe(13);
    expect(failed('2026-04', '8.2', 'huayu-property').status).toBe('passed');
    expect(failed('2026-04', '5.1.1.2', 'huayu-property').evidence.map((e) => e.outcome)).toEqual(['not-approved']);
    // The supervisors' June round was not entered: every inspection due in June is no data, never passed; the ones
    // the plan does not ask for in June are not due (issue 12 §4: a not-reviewed finding says why).
    const june = results.get('2026-06')!.findings.filter((x) => x.type === 'inspection' && x.provider === 'huayu-property' && x.obligation === 'shall' && !x.reason_code?.startsWith('outside') && x.status !== 'not-applicable');
    expect(june.length).toBeGreaterThan(0);
    expect(june.filter((x) => x.reason_code === 'no-data').length).toBeGreaterThan(0);
    // A term or year item due earlier in its interval and not done by then is still missed in June (said so).
    const carriedMiss = (x: (typeof june)[number]) => x.reason_code === 'inspection-missed' && /仍未做/.test(x.reason?.zh ?? '');
    expect(june.filter((x) => !['no-data', 'not-due', 'carried-over', 'outside-calendar'].includes(x.reason_code ?? '') && !carriedMiss(x)).map((x) => `${x.requirement} ${x.reason_code}`)).toEqual([]);
    expect(june.filter((x) => x.status === 'passed' && x.reason_code !== 'carried-over').map((x) => x.requirement)).toEqual([]);
    expect(results.get('2026-05')!.findings.filter((x) => x.type === 'inspection' && x.provider === 'huayu-property' && x.reason_code === 'no-data').map((x) => x.requirement)).toEqual([]);
  });

  it("a due inspection not done is the provider's not-reviewed (inspection-missed) and the inspector unit's own finding, never a provider's failure", () => {
    for (const month of MONTHS) {
      const f = evaluate({ tree, store, period: month, evidenceLimit: 100_000 });
      const own = f.findings.filter((x) => x.scope.kind === 'inspection-plan');
      const missed = f.findings.filter((x) => x.reason_code === 'inspection-missed' && x.scope.kind === 'provider' && x.reason?.zh.startsWith('本月'));
      if (!missed.length) continue;
      // The unit the school's plan names inspects; its finding lists every round and place a provider's row was missed at.
      expect(own.map((x) => [x.provider, x.status]), month).toEqual([['logistics-office', 'failed']]);
      const places = new Set(own[0]!.evidence.map((e) => `${e.round}|${e.unit}`));
      expect(own[0]!.evidence_total).toBe(own[0]!.evidence.length);
      for (const x of missed) {
        expect(x.status).toBe('not-reviewed');
        for (const e of x.evidence) expect(places.has(`${e.round}|${e.unit}`), `${month} ${x.requirement} ${e.round} ${e.unit}`).toBe(true);
      }
    }
  });

  it('is deterministic: the same store and period give the same findings', () => {
    expect(JSON.stringify(evaluate({ tree, store, period: '2026-04' }))).toBe(JSON.stringify(results.get('2026-04')));
  });

  it('rule names carry the requirement id and the parameter version', () => {
    const find = (p: string) => results.get('2026-04')!.findings.find((x) => x.requirement === '4.3-1' && x.provider === p)!;
    // 信远 works under the standard's values; 华宇's contract tightened the working-hours limit.
    expect(find('xinyuan-service').rules).toContain('4.3-1@2025-09-01#working-hours');
    expect(find('xinyuan-service').parameter_version).toBe('2025-09-01');
    expect(find('huayu-property').rules).toContain('4.3-1@contract-example-property:2025-09-01#working-hours');
    expect(find('huayu-property').rules).toContain('4.3-1@2025-09-01#elevator-accident');
  });
});

describe('compile-time fact check', () => {
  it('CH401: a rule reading a field the data formats lack is a located error', async () => {
    const { checkRule } = await import('../engine/evaluate/compile.ts');
    const idx = buildIndex([tree]);
    const loc = idx.requirements.get('4.3-1')!;
    const rule: RuleJson = { name: '4.3-1@x#y', conditions: { all: [{ fact: 'case', path: '$.arived_at', operator: 'equal', value: 1 }] }, event: { type: 'met' } };
    const d = checkRule(rule, 'work-orders', loc, '/timeliness/limits/0');
    expect(d.map((x) => [x.code, x.file, x.line > 1])).toEqual([['CH401', 'standards/standard/section-4.yaml', true]]);
    expect(String(d[0]!.args.allowed)).toContain('arrived_at');
  });
  it('no shipped requirement compiles to a rule with an unknown fact', () => {
    expect([...results.values()].flatMap((f) => f.compile_errors)).toEqual([]);
  });
});

describe('the fast path decides exactly as json-rules-engine', () => {
  // Every rule the standard and the plans compile to, run on random facts by both.
  const idx = buildIndex([tree]);
  const rules: RuleJson[] = [];
  for (const profile of ['gaoxiao-wuye', ...tree.profiles.map((p) => p.value.id)]) {
    for (const rr of resolveProfile(profile, idx)) {
      const params = paramSet(rr.parameters);
      const r = rr.requirement;
      if (r.type === 'timeliness') for (const l of compileTimeliness(r, params, '2026-04-01').limits) rules.push(l.applies, l.met);
      if (r.type === 'rate') {
        const x = rateRules(r, params, '2026-04-01');
        rules.push(x.sample, x.pass, ...(x.reading ? [x.reading] : []));
      }
      if (r.type === 'frequency') for (const c of r.frequency!.counts) rules.push(cellRule(r, c.id, 2, 'v'));
    }
  }
  const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  function randomFacts(rnd: () => number): Facts {
    const maybe = <T,>(v: T): T | undefined => (rnd() < 0.15 ? undefined : v);
    return {
      case: {
        category: maybe(pick(rnd, ['general', 'water', 'electric', 'elevator', 'lighting', 'power', 'multimedia', 'hvac', 'heating', 'other', 'bogus'])),
        priority: maybe(pick(rnd, ['normal', 'urgent', 'accident'])),
        complexity: maybe(pick(rnd, ['simple', 'complex', 'major'])),
        building_type: maybe(pick(rnd, ['dormitory', 'teaching', 'library'])),
        working_hours: maybe(rnd() < 0.5),
        during_class: maybe(rnd() < 0.5),
        elapsed_seconds: maybe(pick(rnd, [0, 59, 180, 599, 600, 601, 899, 900, 901, 1800, 3599, 3600, 3601, 7200, 7201, 43200, 86400, 86401, Math.floor(rnd() * 200000)])),
        stop_ms: maybe(Math.floor(rnd() * 1e6)),
      },
      deadline: { x: Math.floor(rnd() * 1e6) },
      cell: { count: maybe(Math.floor(rnd() * 4)) },
      rate: { value: maybe(rnd() * 110), sample: maybe(Math.floor(rnd() * 300)) },
      reading: { value: maybe(10 + rnd() * 15) },
    };
  }
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

  // The same name must mean the same rule (profiles that tailor a value get their own version).
  const byName = new Map<string, string>();
  for (const r of rules) {
    const prev = byName.get(r.name);
    if (prev !== undefined && prev !== JSON.stringify(r)) throw new Error(`two different rules named ${r.name}`);
    byName.set(r.name, JSON.stringify(r));
  }
  rules.splice(0, rules.length, ...[...byName.values()].map((x) => JSON.parse(x) as RuleJson));

  it(`${rules.length} rules × 200 random fact sets agree`, async () => {
    expect(rules.length).toBeGreaterThan(50);
    let compared = 0;
    for (let k = 0; k < 200; k++) {
      const facts = randomFacts(rnd);
      // Deadline references use the limit id: give every limit one.
      const deadline: Record<string, number> = {};
      for (const r of rules) for (const m of JSON.stringify(r).matchAll(/"path":"\$\.([a-z0-9-]+)"\}/g)) deadline[m[1]!] = (facts.deadline as { x: number }).x;
      facts.deadline = deadline;
      const engine = new Engine([], { allowUndefinedFacts: true });
      for (const r of rules) engine.addRule({ ...r, conditions: r.conditions as never, name: r.name });
      for (const [name, value] of Object.entries(facts)) engine.addFact(name, value as never);
      const { results: ok } = await engine.run();
      const fired = new Set(ok.map((x) => x.name));
      for (const r of rules) {
        expect(fastTest(r.conditions as Condition, facts), `${r.name} on ${JSON.stringify(facts)}`).toBe(fired.has(r.name as string));
        compared++;
      }
    }
    expect(compared).toBe(rules.length * 200);
  }, 120_000);
});
