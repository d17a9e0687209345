// The sample university's canonical data files (examples/sample-university/) and their record kinds, in
// the order they are submitted: one list for the tests, the fuzzer and anyone else who submits the sample.
import type { RecordKind } from '../model/vocabulary.ts';

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
  // The office's supervision: on-site inspection results (March–May) and the units' document lists.
  ['inspection-results.ndjson', 'inspection-results'],
  ['documents.ndjson', 'documents'],
  // Scheduled events and when each was ready (readiness leads).
  ['events.ndjson', 'events'],
];
