// File formats by extension; kept apart from the readers so the CLI can check a path without loading them.
export type Format = 'csv' | 'xlsx' | 'json' | 'ndjson';

export function formatOf(file: string): Format | undefined {
  const m = /\.(csv|txt|xlsx|json|ndjson|jsonl)$/i.exec(file);
  if (!m) return undefined;
  const ext = m[1]!.toLowerCase();
  return ext === 'txt' ? 'csv' : ext === 'jsonl' ? 'ndjson' : (ext as Format);
}
