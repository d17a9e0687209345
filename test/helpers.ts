import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEEDS = resolve(ROOT, 'standards', 'sources');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Run the real CLI as a user would, under the same Node as the tests. */
export function charter(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'charter.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

import type { SubmitOptions } from '../engine/data/submit.ts';
import type { Tree } from '../engine/load/tree.ts';
import type { Store } from '../engine/store/store.ts';
import { indexRegister } from '../engine/data/mapping.ts';

/** Submission options as the CLI would build them from the shipped tree (fixed clock, Asia/Shanghai). */
export function submitOptions(tree: Tree, store: Store, dir: string, file: string, kind: SubmitOptions['kind'], extra: Partial<SubmitOptions> = {}): SubmitOptions {
  return {
    file,
    display: file.split('/').pop()!,
    kind,
    acceptValid: false,
    rejectsDir: join(dir, 'rejects'),
    now: new Date('2026-07-10T01:00:00Z'),
    tz: 'Asia/Shanghai',
    register: indexRegister(tree.registers[0]!.value),
    activities: new Set(tree.activityFiles.flatMap((a) => a.value.activities.map((x) => x.code))),
    store,
    ...extra,
  };
}

/** The sample university's canonical files and their kinds. */
export { SAMPLE_FILES } from '../engine/sample/files.ts';
import { SAMPLE_FILES } from '../engine/sample/files.ts';

/**
 * Options for a round workbook (inspections/<period>-<provider>.xlsx) as `charter submit` detects it: the shipped
 * mapping inspection-round-xlsx and the check that every row is a row of its planned round. Loaded by path, since the
 * workbook reader (engine/inspections/readback.ts) comes with the round workbook itself.
 */
async function roundWorkbookOptions(tree: Tree, file: string): Promise<Partial<SubmitOptions>> {
  type Hook = (find: (id: string) => unknown) => unknown;
  const reader = join(ROOT, 'engine', 'inspections', 'readback.ts');
  const mapping = tree.mappings.find((m) => m.value.id === 'inspection-round-xlsx')?.value;
  if (!file.endsWith('.xlsx') || !mapping || !existsSync(reader)) return {};
  const { roundWorkbookHook } = (await import(pathToFileURL(reader).href)) as { roundWorkbookHook: Hook };
  const { findRound } = await import('../engine/inspections/plan.ts');
  // `rowHook` is the round workbook's row check in SubmitOptions (it comes with the reader).
  const opts: Record<string, unknown> = { mapping, rowHook: roundWorkbookHook((id) => findRound([tree], id)) };
  return opts as Partial<SubmitOptions>;
}

/** Submit every canonical sample file into a store; the callers assert on the statuses. */
export async function submitSample(tree: Tree, store: Store, dir: string): Promise<string[]> {
  const { submit } = await import('../engine/data/submit.ts');
  const statuses: string[] = [];
  for (const [file, kind] of SAMPLE_FILES) {
    const extra = kind === 'inspection-results' ? await roundWorkbookOptions(tree, file) : {};
    statuses.push((await submit(submitOptions(tree, store, dir, join(ROOT, 'examples', 'sample-university', file), kind, { display: file, ...extra }))).status);
  }
  return statuses;
}
