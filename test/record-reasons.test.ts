// Record requirements are judged from `documents` (docs/evaluation.md "Record requirements"; the boundary
// cases of completeness and validity are YAML cases in standards/tests/, e.g. 5.1.2.8-3 and 5.2.3.2-b).
// Here: every record finding without a verdict says why, in words and as a code — a provider with no
// document list (no-data, with the checklist for an inspector) and a re-check month that began before the
// rectification (before-rectification).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../engine/data/submit.ts';
import { evaluate, type Finding } from '../engine/evaluate/evaluate.ts';
import { openStore, type Store } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, submitOptions } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'charter-records-'));
  store = openStore(join(dir, 'db.sqlite'));
  const file = join(dir, 'documents.ndjson');
  // Only 华宇 files a document list (one document, for 5.1.2.8-3); the other units file none.
  writeFileSync(file, JSON.stringify({ id: 'DOC-1', provider: 'huayu-property', requirement: '5.1.2.8-3', item: 'water-quality-reports', title: '水质化验单', dated: '2026-03-02' }) + '\n');
  const r = await submit(submitOptions(tree, store, dir, file, 'documents'));
  expect(r.status).toBe('stored');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const records = (f: ReturnType<typeof evaluate>): Finding[] => f.findings.filter((x) => x.type === 'record');

describe('record findings without a verdict say why', () => {
  it('a unit with no document list: not reviewed, no-data, with the listed documents as the checklist', () => {
    const r = records(evaluate({ tree, store, period: '2026-03', provider: 'xinyuan-service' }));
    const open = r.filter((x) => x.status === 'not-reviewed');
    expect(open.length).toBeGreaterThan(0);
    for (const x of open) {
      expect(x.reason_code).toBe('no-data');
      expect(x.reason?.zh).toBeTruthy();
      expect(x.checklist?.length).toBeGreaterThan(0);
    }
  });

  it('a unit with a document list is judged on it: the listed documents it lacks fail, none is left unreviewed', () => {
    const r = records(evaluate({ tree, store, period: '2026-03', provider: 'huayu-property' }));
    expect(r.filter((x) => x.status === 'not-reviewed')).toEqual([]);
    const water = r.find((x) => x.requirement === '5.1.2.8-3')!;
    expect(water.status).toBe('failed');
    expect(water.evidence.map((e) => e.outcome).sort()).toEqual(['document-missing', 'document-missing']);
  });

  it('re-checking after a rectification in mid-month: month-long records wait for the next whole month (before-rectification)', () => {
    const r = records(evaluate({ tree, store, period: '2026-03', provider: 'huayu-property', since: new Date('2026-03-15T00:00:00+08:00') }));
    expect(r.length).toBeGreaterThan(0);
    for (const x of r.filter((y) => y.status === 'not-reviewed')) {
      expect(x.reason_code).toBe('before-rectification');
      expect(x.reason?.zh).toContain('整改之前');
    }
    expect(r.some((x) => x.status === 'not-reviewed')).toBe(true);
  });
});
