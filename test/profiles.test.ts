// Profiles: selection by subtree, own requirements, parameters tailored down a chain, strictness checks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../engine/model/resolve.ts';
import { buildIndex, valueAt } from '../engine/validate/checks.ts';
import { validate } from '../engine/validate/run.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const DIR = join(FIXTURES, 'profiles');
const r = validate({ paths: [DIR], contextDir: join(ROOT, 'standards'), cwd: ROOT });
const idx = buildIndex(r.context ? [r.set, r.context] : [r.set]);

describe('profile resolution', () => {
  it('the fixtures validate: the contract loosens the plan only with a recorded deviation', () => {
    // The fixture plan binds no unit of the shipped register: its checkable requirements are warned about (CH232), nothing else.
    expect(r.diagnostics.filter((d) => d.code !== 'CH232')).toEqual([]);
    expect(r.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('selects subtrees, drops excluded ones, adds own requirements', () => {
    const ids = resolveProfile('fx-plan', idx).map((x) => x.requirement.id);
    expect(ids).toContain('4.3-1');
    expect(ids).toContain('5.2.4.3');
    expect(ids).not.toContain('4.4');
    expect(ids).not.toContain('5.1.1.1');
    expect(ids).toContain('fx-plan:self-check');
  });

  it('a contract narrows its base profile', () => {
    const ids = resolveProfile('fx-contract', idx).map((x) => x.requirement.id);
    expect(ids.sort()).toEqual(['4.3', '4.3-1', '4.3-2', 'fx-plan:self-check']);
  });

  it('parameters follow the chain by date', () => {
    const p = resolveProfile('fx-contract', idx).find((x) => x.requirement.id === '4.3-1')!.parameters.find((x) => x.name === 'arrival-working-hours')!;
    expect(p.tailoredBy).toBe('fx-contract');
    expect(valueAt(p.values, '2025-10-01')!.value).toBe('PT1H'); // the standard
    expect(valueAt(p.values, '2026-04-01')!.value).toBe('PT45M'); // the plan
    expect(valueAt(p.values, '2026-09-01')!.value).toBe('PT50M'); // the contract, with a deviation
  });

  it('without the deviation the contract is refused against the plan (CH203)', async () => {
    const { readFileSync, writeFileSync, mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'charter-prof-'));
    copyFileSync(join(DIR, 'plan.yaml'), join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'contract.yaml'), readFileSync(join(DIR, 'contract.yaml'), 'utf8').replace(/\n    deviation:.*\n/, '\n'));
    const v = validate({ paths: [dir], contextDir: join(ROOT, 'standards'), cwd: ROOT });
    expect(v.diagnostics.filter((d) => d.code !== 'CH232').map((d) => [d.code, d.args.base, d.args.value])).toEqual([['CH203', 'PT45M', 'PT50M']]);
  });
});

describe('shipped profiles quote their plans verbatim', () => {
  const shipped = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT });
  const own = shipped.set.profiles.flatMap((p) => (p.value.requirements ?? []).map((req) => ({ profile: p.value.id, req })));
  it('there are four school plans and one contract', () => {
    const types = shipped.set.profiles.map((p) => p.value.profile_type).sort();
    expect(types).toEqual(['contract', 'school-plan', 'school-plan', 'school-plan', 'school-plan']);
  });
  it.each(own.map((o) => [o.req.id, o]))('%s', async (_id, { req }) => {
    const { readFileSync } = await import('node:fs');
    const { SEEDS } = await import('./helpers.ts');
    const squash = (s: string): string => s.replace(/\s+/g, '');
    expect(req.source, 'source').toBeDefined();
    const seed = squash(readFileSync(join(SEEDS, req.source!.document), 'utf8'));
    expect(seed).toContain(squash(req.text));
  });
});

describe('a later edition of the base re-judges a profile', () => {
  it('a contract value that was stricter becomes looser once the standard tightens (CH203)', async () => {
    const { cpSync, readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = join(mkdtempSync(join(tmpdir(), 'charter-edition-')), 'standards');
    cpSync(join(ROOT, 'standards'), dir, { recursive: true });
    const f = join(dir, 'standard', 'section-4.yaml');
    const text = readFileSync(f, 'utf8');
    const at = text.indexOf('source:', text.indexOf('- name: arrival-working-hours'));
    const eol = text.indexOf('\n', at);
    writeFileSync(f, text.slice(0, eol + 1) + '          - {from: 2026-09-01, value: PT30M, source: 新版 4.3}\n' + text.slice(eol + 1));
    const v = validate({ paths: [dir], cwd: ROOT });
    expect(v.diagnostics.map((d) => [d.code, d.file.endsWith('contract-example-property.yaml'), d.args.value])).toEqual([['CH203', true, 'PT45M']]);
  });
});
