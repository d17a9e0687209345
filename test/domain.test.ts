// Domain rules the requirement-test format cannot express (issue 10 §5): several submissions of the same
// data, and document lists across submissions. Each test stores data through the real submit() and judges
// it with evaluate().
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submit } from '../engine/data/submit.ts';
import { evaluate } from '../engine/evaluate/evaluate.ts';
import type { RecordKind } from '../engine/model/vocabulary.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;

function fresh(): { dir: string; store: Store } {
  const dir = mkdtempSync(join(tmpdir(), 'charter-domain-'));
  return { dir, store: openStore(join(dir, 'db.sqlite')) };
}

let n = 0;
async function put(s: { dir: string; store: Store }, kind: RecordKind, records: Record<string, unknown>[]): Promise<void> {
  const file = join(s.dir, `${kind}-${n++}.ndjson`);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = await submit(submitOptions(tree, s.store, s.dir, file, kind));
  expect(r.problems).toEqual([]);
}

const finding = (s: { store: Store }, req: string, provider: string, scope?: string) =>
  evaluate({ tree, store: s.store, period: '2026-03', provider }).findings.filter((f) => f.requirement === req && (!scope || f.scope.id === scope));

describe('rates over a complete count (5.1.2.6-2)', () => {
  const count = (intact: number, date = '2026-03-31') => ({ date, provider: 'xinyuan-service', campus: 'main', kind: 'street-lights', total: 20, intact });

  it('re-submitting the same count does not change the verdict: the latest count per unit and day stands', async () => {
    const s = fresh();
    await put(s, 'equipment-counts', [count(18)]);
    const once = finding(s, '5.1.2.6-2', 'xinyuan-service', 'main');
    await put(s, 'equipment-counts', [count(18)]);
    await put(s, 'equipment-counts', [count(18)]);
    const thrice = finding(s, '5.1.2.6-2', 'xinyuan-service', 'main');
    expect(once.map((f) => [f.status, f.measured])).toEqual([['failed', 90]]);
    expect(thrice.map((f) => [f.status, f.measured])).toEqual(once.map((f) => [f.status, f.measured]));
    // A corrected count for the same day replaces the earlier one.
    await put(s, 'equipment-counts', [count(19)]);
    expect(finding(s, '5.1.2.6-2', 'xinyuan-service', 'main').map((f) => [f.status, f.measured])).toEqual([['passed', 95]]);
  });

  it('counting more often cannot dilute a failing count', async () => {
    const s = fresh();
    await put(s, 'equipment-counts', [count(5, '2026-03-05')].map((c) => ({ ...c, total: 15 })));
    for (let d = 10; d < 20; d++) await put(s, 'equipment-counts', [count(20, `2026-03-${d}`)]);
    const f = finding(s, '5.1.2.6-2', 'xinyuan-service', 'main');
    expect(f.map((x) => [x.status, x.measured, x.evidence_total])).toEqual([['failed', 33.33, 1]]);
    expect(f[0]!.evidence[0]!.note).toBe('counted 2026-03-05: 5/15');
  });
});
