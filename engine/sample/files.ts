// The sample university's canonical data files (examples/sample-university/) and their record kinds, in
// the order they are submitted: one list for the tests, the fuzzer and anyone else who submits the sample.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordKind } from '../model/vocabulary.ts';

/**
 * The supervisors' inspection rounds (inspections/): per month and provider the round workbook of the paper
 * rounds, and the phone form's export of each phone round. Their names come from the planner's round ids, so
 * the list is read from the folder (sorted, so the order is the same everywhere).
 */
const INSPECTIONS = join(import.meta.dirname, '..', '..', 'examples', 'sample-university', 'inspections');
const inspectionFiles = (): [string, RecordKind][] =>
  existsSync(INSPECTIONS) ? readdirSync(INSPECTIONS).filter((f) => /\.(ndjson|xlsx)$/.test(f)).sort().map((f) => [`inspections/${f}`, 'inspection-results']) : [];

export const SAMPLE_FILES: [string, RecordKind][] = [
  ['work-orders.ndjson', 'work-orders'],
  ['complaints.ndjson', 'complaints'],
  ['activities.ndjson', 'activities'],
  ['equipment-counts.ndjson', 'equipment-counts'],
  ['measurements.ndjson', 'measurements'],
  ['surveys.ndjson', 'surveys'],
  // The logistics office's own units (general office, logistics office), bound by the school's plans.
  ['office/consultations.ndjson', 'consultations'],
  ['office/complaints.ndjson', 'complaints'],
  ['office/work-orders.ndjson', 'work-orders'],
  ['office/activities.ndjson', 'activities'],
  ['office/measurements.ndjson', 'measurements'],
  // The office's supervision: the units' document lists and the supervisors' inspection rounds of the term.
  ['documents.ndjson', 'documents'],
  ...inspectionFiles(),
  // Scheduled events and when each was ready (readiness leads).
  ['events.ndjson', 'events'],
  // The 24-hour watches' duty rosters.
  ['duty-roster.ndjson', 'duty-roster'],
];
