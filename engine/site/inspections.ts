// The internal edition's phone form: the planner's inspection rounds (engine/inspections/plan.ts) in the
// compact shape the pages embed. A requirement looked at in 30 buildings is written once, not 30 times,
// so a round of a few hundred rows stays a page a phone loads quickly over a poor connection.
import { planInspections } from '../inspections/plan.ts';
import type { Tree } from '../load/tree.ts';
import type { Text } from '../model/types.ts';
import type { SiteInspectionRound } from './types.ts';
import type { InspectionRound } from '../inspections/plan.ts';

/** What the form needs of a planned round: the planner's round. */
export type PlannedRound = Pick<InspectionRound, 'id' | 'period' | 'week' | 'start' | 'end' | 'provider' | 'campus' | 'places' | 'rows'>;

/** The record id a result for a row gets (the contract's `${round}:${place}:${requirement}`); the form
 * derives it the same way (site/src/inspections/form.js), so it is not repeated in the page. */
export const inspectionRowId = (round: string, place: string, requirement: string): string => `${round}:${place}:${requirement}`;

export function siteInspectionRound(r: PlannedRound): SiteInspectionRound {
  // Places without a row in this round are left out: the form walks rows.
  const used = new Set(r.rows.map((x) => x.place.id));
  const places = r.places.filter((p) => used.has(p.id));
  const placeIndex = new Map(places.map((p, i) => [p.id, i]));
  const reqIndex = new Map<string, number>();
  const requirements: SiteInspectionRound['requirements'] = [];
  const rows: SiteInspectionRound['rows'] = [];
  for (const row of r.rows) {
    const p = placeIndex.get(row.place.id);
    // Both are the planner's own promises; a break here is a Charter bug, not a user's mistake.
    if (p === undefined) throw new Error(`inspection round ${r.id}: row ${row.id} names place ${row.place.id}, which is not among the round's places`);
    if (row.id !== inspectionRowId(r.id, row.place.id, row.requirement)) throw new Error(`inspection round ${r.id}: row id ${row.id} is not ${inspectionRowId(r.id, row.place.id, row.requirement)}`);
    let q = reqIndex.get(row.requirement);
    if (q === undefined) {
      q = requirements.length;
      reqIndex.set(row.requirement, q);
      requirements.push({ id: row.requirement, reference: row.reference, title: row.title.zh, text: row.text });
    }
    rows.push([p, q]);
  }
  return {
    id: r.id,
    period: r.period,
    ...(r.week !== undefined ? { week: r.week } : {}),
    start: r.start,
    end: r.end,
    provider: { id: r.provider.id, name: r.provider.name },
    campus: { id: r.campus.id, name: r.campus.name },
    places: places.map((p) => ({ id: p.id, name: p.name, kind: p.kind, scope: p.scope, campus: p.campus })),
    requirements,
    rows,
  };
}

/** Every round the planner makes for the periods (month rounds and their week rounds), in the planner's
 * order: what the internal edition gets one page each for. */
export function siteInspections(tree: Tree, periods: string[]): SiteInspectionRound[] {
  return periods.flatMap((period) => planInspections([tree], { period }).rounds.map(siteInspectionRound));
}
