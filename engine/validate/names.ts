// Names of the things ids point at, from the standards tree (issue 13 §1): what the labels module's
// `Names` promises. An id the tree does not know is returned as it is (the word check then finds it).
import type { Tree } from '../load/tree.ts';
import { requirementRef, type Lang, type Names, type RefParts } from '../model/labels.ts';
import type { Requirement } from '../model/types.ts';
import { buildIndex, type Index } from './checks.ts';

/** The parts of a requirement's official reference, walking up to the nearest numbered clause. */
export function refParts(r: Requirement, idx: Index): RefParts {
  if (r.id.includes(':')) {
    const planId = r.id.slice(0, r.id.indexOf(':'));
    const plan = idx.profiles.get(planId)?.value;
    return { id: r.id, planRef: r.source?.ref ?? r.number ?? r.id.slice(r.id.indexOf(':') + 1), ...(plan ? { planTitle: plan.title.zh } : {}) };
  }
  let number = r.number;
  let item = r.item;
  let cur: Requirement | undefined = r;
  while (!number && cur?.parent) {
    cur = idx.requirements.get(cur.parent)?.value;
    if (!cur) break;
    number = cur.number;
    item ??= cur.item;
  }
  return { id: r.id, ...(number ? { number } : {}), ...(item ? { item } : {}), ...(r.part ? { part: r.part } : {}) };
}

export function namesOf(tree: Tree, index?: Index): Names {
  const idx = index ?? buildIndex([tree]);
  const reg = tree.registers[0]?.value;
  const providers = new Map((reg?.providers ?? []).map((p) => [p.id, p.name]));
  const campuses = new Map((reg?.campuses ?? []).map((c) => [c.id, c.name]));
  const buildings = new Map((reg?.buildings ?? []).map((b) => [b.id, b.name]));
  const places = new Map((reg?.places ?? []).map((p) => [p.id, p.name]));
  const text = (t: { zh: string; en?: string } | undefined, lang: Lang): string | undefined => (t ? (lang === 'en' ? (t.en ?? t.zh) : t.zh) : undefined);
  return {
    provider: (id) => providers.get(id) ?? id,
    profile: (id, lang) => text(idx.profiles.get(id)?.value.title, lang) ?? id,
    activity: (id, lang) => text(idx.activities.get(id)?.value.name, lang) ?? id,
    scope: (id, lang) => text(idx.scopes.get(id)?.value.name, lang) ?? id,
    campus: (id, lang) => text(campuses.get(id), lang) ?? id,
    building: (id) => buildings.get(id) ?? id,
    place: (id, lang) => places.get(id) ?? buildings.get(id) ?? text(campuses.get(id), lang) ?? providers.get(id) ?? id,
    requirement: (id, lang) => {
      const r = idx.requirements.get(id)?.value;
      return r ? requirementRef(refParts(r, idx), lang) : id;
    },
    requirementTitle: (id) => {
      const r = idx.requirements.get(id)?.value;
      return r ? (r.title?.zh ?? r.text) : id;
    },
  };
}

/** Ids the tree defines that must never reach a reader as such (the word check looks for them). */
export function treeIds(tree: Tree): Set<string> {
  const idx = buildIndex([tree]);
  const reg = tree.registers[0]?.value;
  const ids = new Set<string>([...idx.profiles.keys(), ...idx.activities.keys(), ...idx.scopes.keys()]);
  for (const p of reg?.providers ?? []) ids.add(p.id);
  for (const p of reg?.places ?? []) ids.add(p.id);
  for (const c of reg?.campuses ?? []) if (c.id.length > 3) ids.add(c.id);
  return ids;
}
