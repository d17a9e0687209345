// Obligation levels (issue 10 §3): 应 (shall) findings go on notices and cost points; 宜 (should) findings
// are advice printed apart and never deducted; 可 (may) items are never judged. A profile may raise 宜 to
// 应; lowering 应 to 宜 loosens the standard and needs a recorded deviation (CH230 otherwise).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { evaluate, type Finding, type Findings } from '../engine/evaluate/evaluate.ts';
import type { Tree } from '../engine/load/tree.ts';
import { resolveProfile } from '../engine/model/resolve.ts';
import type { ObligationChange, ScorecardFile } from '../engine/model/types.ts';
import { planNotices } from '../engine/notices/ledger.ts';
import { scoreProvider } from '../engine/scorecard/score.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { buildIndex } from '../engine/validate/checks.ts';
import { validate } from '../engine/validate/run.ts';
import { FIXTURES, ROOT, submitSample } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const cal = createCalendar(tree.calendars[0]!.value);
const card = tree.scorecards[0]!.value;
let store: Store;
let april: Findings;

/** The shipped tree with one profile's obligations: replaced. */
function withObligations(profile: string, obligations: ObligationChange[]): Tree {
  return { ...tree, profiles: tree.profiles.map((p) => (p.value.id === profile ? { ...p, value: { ...p.value, obligations } } : p)) };
}

const score = (findings: Findings, provider: string, c: ScorecardFile = card) => scoreProvider({ tree, store, findings, card: c, provider, notices: [], generatedAt: '2026-05-28T09:00:00+08:00', office: '后勤管理处' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'charter-obligations-'));
  store = openStore(join(dir, 'db.sqlite'));
  for (const s of await submitSample(tree, store, dir)) expect(s).toBe('stored');
  april = evaluate({ tree, store, period: '2026-04' });
}, 60_000);

describe('宜 (should) is advice', () => {
  it('a should finding never appears on a notice or as a deduction; it is listed under 建议改进', () => {
    // Take a real failure of an obligation and present it as a 宜 item: everything else stays the same.
    const target = april.findings.find((f) => f.status === 'failed' && f.obligation === 'shall' && f.provider === 'huayu-property')!;
    expect(target).toBeDefined();
    const advisory: Findings = { ...april, findings: april.findings.map((f) => (f === target ? { ...f, obligation: 'should' as const } : f)) };
    const planned = planNotices({ tree, findings: advisory, issuedAt: cal.parse('2026-05-07T09:00') });
    const mine = planned.filter((p) => p.provider === target.provider);
    expect(mine.flatMap((p) => p.doc.problems.map((x) => x.requirement))).not.toContain(target.requirement);
    expect(mine.flatMap((p) => p.requirements)).not.toContain(target.requirement);
    expect(mine.flatMap((p) => (p.doc.advisories ?? []).map((x) => x.requirement))).toContain(target.requirement);
    expect(mine.flatMap((p) => p.doc.advisories ?? []).every((x) => x.action.includes('宜'))).toBe(true);

    const before = score(april, target.provider).doc;
    const after = score(advisory, target.provider).doc;
    expect(after.categories.flatMap((c) => c.items.map((i) => i.requirement))).not.toContain(target.requirement);
    expect(after.advisories?.map((a) => a.requirement)).toContain(target.requirement);
    expect(after.advisories?.every((a) => a.deduction === 0)).toBe(true);
    const cost = before.categories.flatMap((c) => c.items).find((i) => i.requirement === target.requirement)!.deduction;
    expect(cost).toBeGreaterThan(0);
    expect(after.supervisor_score).toBeCloseTo(before.supervisor_score + cost, 5);
  });

  it('every 宜 failure of the sample is advice, on no notice', () => {
    const planned = planNotices({ tree, findings: april, issuedAt: cal.parse('2026-05-07T09:00') });
    const should = new Set(april.findings.filter((f) => f.status === 'failed' && f.obligation === 'should').map((f) => `${f.provider}|${f.requirement}`));
    for (const p of planned) for (const x of p.doc.problems) expect(should.has(`${p.provider}|${x.requirement}`)).toBe(false);
  });
});

describe('a profile sets the level in force', () => {
  it('raising 宜 to 应 flows into findings, and the raised item is noticed and deducted', () => {
    // The provider's profile and one of its 宜 requirements, whatever the sample holds.
    const prov = tree.registers[0]!.value.providers.find((p) => p.id === 'xinyuan-service')!;
    const idx = buildIndex([tree]);
    const should = resolveProfile(prov.profile!, idx).find((r) => r.requirement.obligation === 'should' && r.requirement.type !== 'informative')!;
    expect(should).toBeDefined();
    const raised = withObligations(prov.profile!, [{ requirement: should.requirement.id, obligation: 'shall', reason: '合同第 9 条' }]);
    const rr = resolveProfile(prov.profile!, buildIndex([raised])).find((r) => r.requirement.id === should.requirement.id)!;
    expect([rr.requirement.obligation, rr.obligationBy]).toEqual(['shall', prov.profile]);
    const f = evaluate({ tree: raised, store, period: '2026-04', provider: prov.id });
    const mine = f.findings.filter((x) => x.requirement === should.requirement.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.obligation === 'shall')).toBe(true);
    // Judged failed (the sample or, where it has no data, as an inspector would record it), it now costs points.
    const failedOf = (ob: Finding['obligation']): Findings => ({ ...f, findings: f.findings.map((x) => (x.requirement === should.requirement.id ? { ...x, obligation: ob, status: 'failed' as const } : x)) });
    const asShall = failedOf('shall');
    const asShould = failedOf('should');
    const noticed = (fs: Findings): string[] => planNotices({ tree, findings: fs, issuedAt: cal.parse('2026-05-07T09:00') }).flatMap((p) => p.requirements);
    expect(noticed(asShall)).toContain(should.requirement.id);
    expect(noticed(asShould)).not.toContain(should.requirement.id);
    const deducted = (fs: Findings): number => score(fs, prov.id).doc.categories.flatMap((c) => c.items).filter((i) => i.requirement === should.requirement.id).reduce((a, i) => a + i.deduction, 0);
    expect(deducted(asShould)).toBe(0);
    expect(deducted(asShall)).toBeGreaterThan(0);
  });

  it('the shipped example contract makes 6.1.1.7 binding', () => {
    const rr = resolveProfile('contract-example-property', buildIndex([tree])).find((r) => r.requirement.id === '6.1.1.7')!;
    expect([rr.requirement.obligation, rr.obligationBy]).toEqual(['shall', 'contract-example-property']);
    expect(resolveProfile('nantong-supervision', buildIndex([tree])).find((r) => r.requirement.id === '6.1.1.7')?.requirement.obligation).toBe('should');
  });

  it('lowering 应 to 宜 without a deviation is a validate error at file:line:col; with one it stands and the item is advice', () => {
    const r = validate({ paths: [join(FIXTURES, 'errors', 'CH230-lowers-obligation.yaml')], contextDir: join(ROOT, 'standards'), cwd: ROOT });
    expect(r.diagnostics.filter((d) => d.code === 'CH230').map((d) => `${d.file.split('/').pop()}:${d.line}:${d.col}`)).toEqual(['CH230-lowers-obligation.yaml:14:17']);

    const target = april.findings.find((f) => f.status === 'failed' && f.obligation === 'shall' && f.provider === 'huayu-property')!;
    const prof = tree.registers[0]!.value.providers.find((p) => p.id === 'huayu-property')!.profile!;
    const lowered = withObligations(prof, [{ requirement: target.requirement, obligation: 'should', reason: '试点期', deviation: { reason: '试点期内暂按推荐性要求执行', approved_on: '2026-03-01', approved_by: '后勤管理处处务会' } }]);
    const f = evaluate({ tree: lowered, store, period: '2026-04', provider: 'huayu-property' });
    expect(f.findings.filter((x) => x.requirement === target.requirement).every((x) => x.obligation === 'should')).toBe(true);
    expect(planNotices({ tree: lowered, findings: f, issuedAt: cal.parse('2026-05-07T09:00') }).flatMap((p) => p.requirements)).not.toContain(target.requirement);
  });
});

describe('可 (may) is never judged', () => {
  it('no finding is made for a may-item', () => {
    const may = [...buildIndex([tree]).requirements.values()].filter((r) => r.value.obligation === 'may').map((r) => r.value.id);
    expect(may.length).toBeGreaterThan(0);
    expect(april.findings.filter((f) => may.includes(f.requirement))).toEqual([]);
    expect(april.findings.some((f) => f.obligation === 'may')).toBe(false);
  });
});

describe('grades are only given on enough coverage', () => {
  it('with the floor met the grade follows the total; below it the card is a draft', () => {
    const lenient = score(april, 'huayu-property', { ...card, coverage_floor: 0 }).doc;
    expect(lenient.provisional).toBeUndefined();
    expect(lenient.grade.code).toBe(card.grades.find((g) => lenient.total >= g.min)!.code);
    const strict = score(april, 'huayu-property', { ...card, coverage_floor: 0.99 });
    expect(strict.doc.provisional?.code).toBe('low-coverage');
    expect(strict.checked).toBe(false);
    expect(strict.doc.title).toContain('草稿·待补数据');
    // No verdict at all: a draft whatever the floor.
    const empty: Findings = { ...april, findings: april.findings.map((f) => (f.provider === 'huayu-property' && (f.status === 'passed' || f.status === 'failed') ? { ...f, status: 'not-reviewed' as const, reason_code: 'no-data' } : f)) };
    const none = score(empty, 'huayu-property', { ...card, coverage_floor: 0 }).doc;
    expect(none.provisional?.code).toBe('no-evaluation');
    expect(none.coverage?.verdict).toBe(0);
    expect(none.coverage?.no_data).toBeGreaterThan(0);
  });
});
