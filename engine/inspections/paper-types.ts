// The round types of the shared design (issue 12 contract §2), owned by the planner; the paper modules
// import them from here.
export type { Every, InspectionRound, InspectionRow, PlannedPlace } from './plan.ts';
