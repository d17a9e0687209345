// Writes standards/schemas/*.json from engine/schemas/definitions.ts (run: npm run schemas).
// A test fails when the committed files differ, so editors always see the schema the engine uses.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILES, SCHEMAS } from '../engine/schemas/definitions.ts';
import { FILE_KINDS } from '../engine/model/vocabulary.ts';

export function schemaText(kind: (typeof FILE_KINDS)[number]): string {
  return JSON.stringify(SCHEMAS[kind], null, 2) + '\n';
}

if (import.meta.main) {
  const dir = join(import.meta.dirname, '..', 'standards', 'schemas');
  for (const k of FILE_KINDS) writeFileSync(join(dir, SCHEMA_FILES[k]), schemaText(k));
  console.log(`wrote ${FILE_KINDS.length} schemas to ${dir}`);
}
