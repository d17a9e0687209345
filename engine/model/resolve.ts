// Resolve what a profile makes applicable: selected base requirements, its own, and tailored parameters.
import type { Located } from '../load/tree.ts';
import { effectiveObligation, effectiveValues, profileChain, type Index } from '../validate/checks.ts';
import type { DatedValue, ProfileFile, Requirement } from './types.ts';

export interface ResolvedRequirement {
  requirement: Requirement;
  /** Profile that defined it, or undefined for the standard. */
  origin?: string;
  parameters: { name: string; values: DatedValue[]; tailoredBy?: string }[];
  /** Profile that set the obligation level in force (e.g. raised 宜 to 应), when one did. */
  obligationBy?: string;
}

function childrenMap(idx: Index): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [id, r] of idx.requirements) {
    const p = r.value.parent;
    if (p === null) continue;
    const list = m.get(p) ?? [];
    list.push(id);
    m.set(p, list);
  }
  return m;
}

function subtree(id: string, children: Map<string, string[]>, into: Set<string>): void {
  if (into.has(id)) return;
  into.add(id);
  for (const c of children.get(id) ?? []) subtree(c, children, into);
}

/** Ids applicable under a standard (all of its requirements) or a profile. */
export function applicableIds(target: string, idx: Index): string[] {
  const profile = idx.profiles.get(target)?.value;
  if (!profile) {
    return [...idx.requirements.values()].filter((r) => !r.value.id.includes(':')).map((r) => r.value.id);
  }
  const children = childrenMap(idx);
  const pool = new Set(applicableIds(profile.base, idx));
  const chosen = new Set<string>();
  for (const id of profile.select.include) subtree(id, children, chosen);
  const dropped = new Set<string>();
  for (const id of profile.select.exclude ?? []) subtree(id, children, dropped);
  const out = [...pool].filter((id) => chosen.has(id) && !dropped.has(id));
  for (const r of profile.requirements ?? []) out.push(r.id);
  return out;
}

export function resolveProfile(target: string, idx: Index): ResolvedRequirement[] {
  const chain = idx.profiles.has(target) ? profileChain(target, idx) : [];
  return applicableIds(target, idx).flatMap((id) => {
    const located: Located<Requirement> | undefined = idx.requirements.get(id);
    if (!located) return [];
    // A profile may raise 宜 to 应 (or, with a recorded deviation, lower it): findings carry the level in force.
    const level = effectiveObligation(located.value, chain);
    const r = level === located.value.obligation ? located.value : { ...located.value, obligation: level };
    const obligationBy = level === located.value.obligation ? undefined : [...chain].reverse().find((pf) => (pf.obligations ?? []).some((o) => o.requirement === id))?.id;
    const origin = id.includes(':') ? id.slice(0, id.indexOf(':')) : undefined;
    const parameters = (r.parameters ?? []).map((p) => {
      const values = effectiveValues(id, p, chain);
      const tailoredBy = [...chain].reverse().find((pf: ProfileFile) => (pf.overrides ?? []).some((o) => o.requirement === id && o.parameter === p.name))?.id;
      return tailoredBy ? { name: p.name, values, tailoredBy } : { name: p.name, values };
    });
    return [{ requirement: r, ...(origin ? { origin } : {}), parameters, ...(obligationBy ? { obligationBy } : {}) }];
  });
}

/**
 * The building types a requirement applies to: the nearest `applies_to.building_types` up its parents (a clause
 * for one kind of building, 6.2.1 教学楼服务, binds everything under it), or null for every building. Memoised.
 */
export function buildingTypesResolver(idx: Index): (id: string | null | undefined) => string[] | null {
  const cache = new Map<string, string[] | null>();
  const of = (id: string | null | undefined): string[] | null => {
    if (!id) return null;
    let t = cache.get(id);
    if (t === undefined) {
      const req = idx.requirements.get(id)?.value;
      t = req?.applies_to?.building_types ?? of(req?.parent);
      cache.set(id, t);
    }
    return t;
  };
  return of;
}
