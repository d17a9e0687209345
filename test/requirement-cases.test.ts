// Requirement tests: every standards/tests/*.test.yaml case through the real engine, one `it` per case,
// and a test file for every checkable requirement of the standard and of every profile.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkableRequirements, createCaseEnv, loadTestFiles, runCase, TEST_DIR, testFileName, TESTABLE_TYPES, type CaseEnv } from '../engine/evaluate/case-tests.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT } from './helpers.ts';

const STANDARDS = join(ROOT, 'standards');
const DIR = join(STANDARDS, TEST_DIR);
// The rules without the tests themselves, as the data commands load them.
const tree = validate({ paths: readdirSync(STANDARDS).filter((n) => n !== TEST_DIR).map((n) => join(STANDARDS, n)), cwd: ROOT }).set;
const files = loadTestFiles(DIR);
let env: CaseEnv;

beforeAll(async () => {
  env = await createCaseEnv(tree);
});

describe('requirement test files', () => {
  it('every checkable requirement has a test file', () => {
    const have = new Set(files.map((f) => f.name));
    const missing = checkableRequirements(tree)
      .filter((r) => !have.has(testFileName(r.id)))
      .map((r) => `${r.id} (${r.type}) → standards/${TEST_DIR}/${testFileName(r.id)}`);
    expect(missing).toEqual([]);
  });

  it('every test file parses, matches the requirement-test schema and is named after a testable requirement', () => {
    const ids = new Map(tree.requirements.map((l) => [l.value.id, l.value]));
    const problems = files.flatMap((f) => {
      if (!f.data) return f.problems;
      const r = ids.get(f.data.requirement);
      if (!r) return [`${f.name}: no requirement "${f.data.requirement}"`];
      if (!(TESTABLE_TYPES as readonly string[]).includes(r.type)) return [`${f.name}: ${r.id} is of type ${r.type}, which has nothing to test`];
      if (f.name !== testFileName(r.id)) return [`${f.name}: a test of ${r.id} is named ${testFileName(r.id)}`];
      return [];
    });
    expect(problems).toEqual([]);
  });
});

for (const f of files) {
  if (!f.data) continue;
  const file = f.data;
  describe(f.name, () => {
    for (const c of file.cases) {
      const title = `${file.requirement} — ${c.name}`;
      if (c.skip_reason) {
        console.warn(`skipped: ${title}\n  reason: ${c.skip_reason}`);
        it.skip(`${title} [known engine bug: ${c.skip_reason}]`, () => {});
        continue;
      }
      it(title, async () => {
        const r = await runCase(env, file, c);
        expect(r.problems, `engine decided ${JSON.stringify(r.actual)}`).toEqual([]);
      });
    }
  });
}
