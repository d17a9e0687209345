import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

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

/** Submit every canonical sample file into a store; the callers assert on the statuses. */
export async function submitSample(tree: Tree, store: Store, dir: string): Promise<string[]> {
  const { submit } = await import('../engine/data/submit.ts');
  const statuses: string[] = [];
  for (const [file, kind] of SAMPLE_FILES) statuses.push((await submit(submitOptions(tree, store, dir, join(ROOT, 'examples', 'sample-university', file), kind, { display: file }))).status);
  return statuses;
}
