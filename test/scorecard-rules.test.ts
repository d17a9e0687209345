// The scorecard's documented rules as pure functions: proportional re-weighting of categories that do not
// apply, coverage of a provider-period, and whether a period lies wholly outside a service period.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/evaluate/evaluate.ts';
import { coverageOf, outsideService, redistribute } from '../engine/scorecard/score.ts';

describe('redistribute', () => {
  it('keeps the weights when every category applies', () => {
    expect(redistribute([20, 25, 25, 15, 10, 5], [true, true, true, true, true, true])).toEqual([20, 25, 25, 15, 10, 5]);
  });
  it('gives the weight of categories that do not apply to the others in proportion, totalling exactly 100', () => {
    const w = redistribute([20, 25, 25, 15, 10, 5], [true, false, false, false, true, true]);
    expect(w).toEqual([57.1, 0, 0, 0, 28.6, 14.3]);
    expect(Math.round(w.reduce((a, b) => a + b, 0) * 10) / 10).toBe(100);
    // Thirds: 33.3 + 33.3 + 33.4 (the remainder on the largest, the first of equals).
    const t = redistribute([10, 10, 10, 70], [true, true, true, false]);
    expect(Math.round(t.reduce((a, b) => a + b, 0) * 10) / 10).toBe(100);
    expect([...t].sort()).toEqual([0, 33.3, 33.3, 33.4]);
  });
});

describe('coverageOf', () => {
  const f = (requirement: string, status: Finding['status'], extra: Partial<Finding> = {}): Finding => ({ requirement, type: 'frequency', obligation: 'shall', text: '', provider: 'p', profile: 'x', scope: { kind: 'building', id: requirement }, period: '2026-04', status, evidence: [], evidence_total: 0, ...extra });
  it('counts requirements, not findings: a verdict on any scope gives the requirement a verdict', () => {
    const c = coverageOf([f('a', 'passed'), f('a', 'not-reviewed'), f('b', 'failed'), f('c', 'not-reviewed', { reason_code: 'no-data' }), f('d', 'not-applicable'), f('e', 'not-reviewed'), f('g', 'error')], 0.6);
    expect(c).toEqual({ verdict: 2, applicable: 5, no_data: 1, ratio: 0.4, floor: 0.6 });
  });
  it('nothing applicable: no ratio', () => {
    expect(coverageOf([f('d', 'not-applicable')], 0.6).ratio).toBeNull();
  });
});

describe('outsideService', () => {
  it('a month is outside only when no day of it is in the service period', () => {
    const svc = { service: { from: '2026-02-23', to: '2026-07-03' } };
    expect(['2026-01', '2026-02', '2026-07', '2026-08'].map((p) => outsideService(svc, p))).toEqual([true, false, false, true]);
    expect(outsideService({ service: { from: '2026-02-23' } }, '2027-12')).toBe(false);
    expect(outsideService({}, '2020-01')).toBe(false);
  });
});
