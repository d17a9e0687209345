// Tree checks on on-site inspection planning: the requirements' inspection.scope, and the school's
// inspection plan (kind: inspections) — what it names must exist and be able to produce a round.
import type { Located } from '../load/tree.ts';
import type { InspectionsFile, RegisterFile, Requirement } from '../model/types.ts';
import { at } from '../load/tree.ts';
import { closest, type Index } from './checks.ts';

type Push = (code: string, l: Located<unknown>, sub: string, args?: Record<string, string | number>, which?: 'value' | 'key') => void;

const TYPE_ZH: Record<string, string> = { timeliness: '时限条款', frequency: '频次条款', rate: '比率条款', record: '档案条款', disclosure: '公示条款', inspection: '值班条款', informative: '资料性内容' };

function buildingTypes(r: Requirement | undefined, idx: Index, depth = 0): string[] | undefined {
  if (!r || depth > 50) return undefined;
  return r.applies_to?.building_types ?? (r.parent ? buildingTypes(idx.requirements.get(r.parent)?.value, idx, depth + 1) : undefined);
}

const covers = (id: string, req: string): boolean => req === id || req.startsWith(id + '.') || req.startsWith(id + '-') || req.startsWith(id + ':');

/** CH236: a building scope of one type on a requirement that applies to other types is never planned. */
export function checkInspectionScope(l: Located<Requirement>, idx: Index, push: Push): void {
  const scope = l.value.inspection?.scope;
  if (!scope || l.value.inspection?.watch) return;
  const type = idx.scopes.get(scope)?.value.building_type;
  const types = buildingTypes(l.value, idx);
  if (type && types && !types.includes(type)) push('CH236', l, '/inspection/scope', { id: l.value.id, scope, type, typeZh: `${idx.scopes.get(scope)?.value.name.zh ?? scope}`, types: types.join(', ') });
}

/** The school's inspection plan: requirements that exist and are inspected, known scopes and units, sane shares, nothing twice. */
export function checkInspectionPlan(l: Located<InspectionsFile>, idx: Index, reg: RegisterFile | undefined, push: Push): void {
  const p = l.value;
  const line = (sub: string): number => at(l, sub).line;
  if (reg && !reg.providers.some((u) => u.id === p.inspector_unit)) {
    const ids = reg.providers.map((u) => u.id);
    push('CH238', l, '/inspector_unit', { value: p.inspector_unit, suggest: closest(p.inspector_unit, ids), allowed: ids.join(', ') });
  }
  const seenReq = new Map<string, number>();
  (p.requirements ?? []).forEach((c, i) => {
    const sub = `/requirements/${i}/requirement`;
    const r = idx.requirements.get(c.requirement);
    if (!r) {
      if (!idx.broken.has('requirements') && !idx.broken.has('profile')) push('CH202', l, sub, { id: c.requirement, what: 'requirement', whatZh: '条款', suggest: closest(c.requirement, [...idx.requirements.keys()]) });
    } else {
      // The entry must reach some planned inspection requirement: itself or one under it.
      const planned = [...idx.requirements.values()].some((x) => covers(c.requirement, x.value.id) && x.value.type === 'inspection' && !x.value.inspection?.watch);
      if (!planned) push('CH235', l, sub, { id: c.requirement, type: r.value.type === 'inspection' ? 'watch' : r.value.type, typeZh: TYPE_ZH[r.value.type] ?? r.value.type });
    }
    if (c.scope !== undefined && !idx.scopes.has(c.scope)) push('CH202', l, `/requirements/${i}/scope`, { id: c.scope, what: 'scope', whatZh: '范围单位', suggest: closest(c.scope, [...idx.scopes.keys()]) });
    const prev = seenReq.get(c.requirement);
    if (prev !== undefined) push('CH239', l, sub, { id: c.requirement, what: 'requirement entry', whatZh: '条款设定', first: prev });
    else seenReq.set(c.requirement, line(sub));
  });
  const seenId = new Map<string, number>();
  const seenScope = new Map<string, number>();
  (p.sampling ?? []).forEach((rule, i) => {
    const base = `/sampling/${i}`;
    if (!idx.scopes.has(rule.scope)) push('CH202', l, `${base}/scope`, { id: rule.scope, what: 'scope', whatZh: '范围单位', suggest: closest(rule.scope, [...idx.scopes.keys()]) });
    if (!(rule.share >= 1 && rule.share <= 100)) push('CH237', l, `${base}/share`, { id: rule.id, share: rule.share });
    const prevId = seenId.get(rule.id);
    if (prevId !== undefined) push('CH239', l, `${base}/id`, { id: rule.id, what: 'sampling rule id', whatZh: '抽查规则编号', first: prevId });
    else seenId.set(rule.id, line(`${base}/id`));
    const key = `${rule.scope}|${rule.every ?? 'month'}`;
    const prevScope = seenScope.get(key);
    if (prevScope !== undefined && prevId === undefined) push('CH239', l, `${base}/scope`, { id: `${rule.scope}（${rule.every ?? 'month'}）`, what: 'sampling rule for the scope', whatZh: '同一范围单位的抽查规则', first: prevScope });
    else if (prevScope === undefined) seenScope.set(key, line(`${base}/scope`));
  });
}
