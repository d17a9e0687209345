// One NDJSON line of a service record, shared by the sample's generators.
import { RECORD_FIELDS, type RecordKind } from '../model/vocabulary.ts';

export type Json = string | number | boolean;

/** The record's fields in RECORD_FIELDS order, absent and empty values left out (as a provider's export would). */
export function ndjson(kind: RecordKind, rec: Record<string, Json | undefined>): string {
  const out: Record<string, Json> = {};
  for (const f of RECORD_FIELDS[kind]) {
    const v = rec[f];
    if (v !== undefined && v !== '') out[f] = v;
  }
  return JSON.stringify(out);
}
