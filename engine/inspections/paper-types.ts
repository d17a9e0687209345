// The round types of the shared design (issue 12 contract §2), as the checklist and the workbook use them.
// The planner (engine/inspections/plan.ts) owns them; this module only re-exports, so the paper modules
// import from one place.
import type { Text } from '../model/types.ts';

export type Every = 'week' | 'month' | 'quarter' | 'term' | 'year';
export interface PlannedPlace { id: string; name: string; kind: 'campus' | 'building' | 'place'; scope: string; campus: string }
export interface InspectionRow {
  round: string;
  place: PlannedPlace;
  requirement: string;
  reference: string;
  title: Text;
  text: string;
  every: Every;
  due: number;
  id: string;
}
export interface InspectionRound {
  id: string;
  period: string;
  week?: number;
  start: string;
  end: string;
  provider: { id: string; name: string };
  campus: { id: string; name: string };
  places: PlannedPlace[];
  rows: InspectionRow[];
}
