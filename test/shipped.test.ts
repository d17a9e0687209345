// Everything shipped under standards/ validates cleanly, and the editor schemas match the engine's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_KINDS } from '../engine/model/vocabulary.ts';
import { SCHEMA_FILES } from '../engine/schemas/definitions.ts';
import { validate } from '../engine/validate/run.ts';
import { schemaText } from '../scripts/emit-schemas.ts';
import { ROOT } from './helpers.ts';

describe('shipped standards', () => {
  it('validate with no errors and no warnings', () => {
    const r = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}`)).toEqual([]);
    expect(r.set.files.length).toBeGreaterThan(10);
  });

  it.each(FILE_KINDS)('standards/schemas/%s schema is up to date (npm run schemas)', (kind) => {
    expect(readFileSync(join(ROOT, 'standards', 'schemas', SCHEMA_FILES[kind]), 'utf8')).toBe(schemaText(kind));
  });
});

describe('docs', () => {
  it('docs/errors.md lists every code (npm run docs)', async () => {
    const { errorsDoc } = await import('../scripts/emit-docs.ts');
    expect(readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8')).toBe(errorsDoc());
  });

  it('every code has an example: a fixture or a test that makes it', async () => {
    const { examplesOf } = await import('../scripts/emit-docs.ts');
    expect([...examplesOf()].filter(([, ex]) => ex.length === 0).map(([code]) => code)).toEqual([]);
  });
});
