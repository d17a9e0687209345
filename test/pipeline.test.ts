// The sample university through `submit`: every documented defect is reported at its row, nothing
// else is rejected, and the canonical files store whole. The manifest is the ground truth.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { submit } from '../engine/data/submit.ts';
import { openStore } from '../engine/store/store.ts';
import { validate } from '../engine/validate/run.ts';
import type { RecordKind } from '../engine/model/vocabulary.ts';
import { ROOT, submitOptions } from './helpers.ts';

const SAMPLE = join(ROOT, 'examples', 'sample-university');
const manifest = JSON.parse(readFileSync(join(SAMPLE, 'manifest.json'), 'utf8')) as {
  defects: { key: string; kind: string; file: string; line?: number; row?: number }[];
};
const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;

async function run(file: string, kind: RecordKind, mappingId?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'charter-sample-'));
  const store = openStore(join(dir, 'db.sqlite'));
  const mapping = mappingId ? tree.mappings.find((m) => m.value.id === mappingId)!.value : undefined;
  const r = await submit(submitOptions(tree, store, dir, join(SAMPLE, file), kind, { display: file, acceptValid: true, ...(mapping ? { mapping } : {}) }));
  store.close();
  return r;
}

const defectLines = (file: string, impossible = false): number[] =>
  manifest.defects.filter((d) => d.file === file && (d.kind === 'impossible-time') === impossible).map((d) => d.line ?? d.row!).sort((a, b) => a - b);

describe('the sample university submits as documented', () => {
  it.each([
    ['exports/repair-platform.csv', 'repair-platform-gbk-csv'],
    ['exports/service-hall.xlsx', 'service-hall-xlsx'],
    ['defects/work-orders.ndjson', undefined],
    ['defects/work-orders.csv', undefined],
  ] as const)('%s: rejected rows are exactly the manifest’s defects', async (file, mapping) => {
    const r = await run(file, 'work-orders', mapping);
    const rejectedLines = [...new Set(r.problems.map((d) => d.line))].sort((a, b) => a - b);
    expect(rejectedLines).toEqual(defectLines(file));
    expect(r.rejected).toBe(defectLines(file).length);
    expect(r.accepted).toBe(r.total - r.rejected);
  });

  it.each([
    ['work-orders.ndjson', 'work-orders'],
    ['work-orders.csv', 'work-orders'],
    ['complaints.ndjson', 'complaints'],
    ['activities.ndjson', 'activities'],
    ['equipment-counts.ndjson', 'equipment-counts'],
    ['measurements.ndjson', 'measurements'],
    ['surveys.ndjson', 'surveys'],
  ] as const)('%s stores whole; impossible times are flagged where the manifest says', async (file, kind) => {
    const r = await run(file, kind);
    expect(r.problems).toEqual([]);
    expect(r.status).toBe('stored');
    expect(r.warnings.filter((w) => w.code === 'CH309').map((w) => w.line)).toEqual(defectLines(file, true));
  });
});
