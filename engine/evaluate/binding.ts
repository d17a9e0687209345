// Which requirements bind a unit of the register: its main profile (a contract tailors its base, down to the
// standard), plus the own requirements of every school plan the register binds to it (`plans:`).
import { resolveProfile, type ResolvedRequirement } from '../model/resolve.ts';
import type { PlanBinding, RegisterFile } from '../model/types.ts';
import { profileChain, type Index } from '../validate/checks.ts';

export type Unit = RegisterFile['providers'][number];

export interface BoundRequirement {
  rr: ResolvedRequirement;
  /** The profile the requirement is resolved under: the unit's main profile, or the bound plan. */
  profile: string;
  /** Set when the requirement comes from a plan bound through `plans:` rather than the main profile. */
  plan?: string;
}

/**
 * The unit's main profile: an explicit override, else its own. A contractor without one answers to the
 * standard; an office unit without one answers only to the plans bound to it (the standard binds the
 * property service companies, not the office's own units).
 */
export function mainProfile(unit: Unit, override: string | undefined, standard: string | undefined): string | undefined {
  return override ?? unit.profile ?? (unit.kind === 'office' ? undefined : standard);
}

/** Profiles whose requirements the main profile already brings (itself and the chain of its bases). */
function chainIds(profile: string | undefined, idx: Index): Set<string> {
  return new Set(profile && idx.profiles.has(profile) ? profileChain(profile, idx).map((p) => p.id) : []);
}

/**
 * Requirements evaluated for one unit. Each id once: a plan already in the main profile's chain adds
 * nothing, and a bound plan adds only its own requirements (never its base standard a second time).
 */
export function unitRequirements(unit: Unit, override: string | undefined, standard: string | undefined, idx: Index, cache: Map<string, ResolvedRequirement[]>): BoundRequirement[] {
  const resolved = (id: string): ResolvedRequirement[] => {
    let r = cache.get(id);
    if (!r) {
      r = resolveProfile(id, idx);
      cache.set(id, r);
    }
    return r;
  };
  const main = mainProfile(unit, override, standard);
  const out: BoundRequirement[] = main ? resolved(main).map((rr) => ({ rr, profile: main })) : [];
  const seen = new Set(out.map((b) => b.rr.requirement.id));
  const inChain = chainIds(main, idx);
  for (const pb of unit.plans ?? []) {
    const plan = planId(pb);
    if (inChain.has(plan) || !idx.profiles.has(plan)) continue;
    for (const rr of resolved(plan)) {
      if (rr.origin !== plan || seen.has(rr.requirement.id) || !planCovers(pb, rr.requirement.id, idx)) continue;
      seen.add(rr.requirement.id);
      out.push({ rr, profile: plan, plan });
    }
  }
  return out;
}

/** Every profile whose own requirements are evaluated for some unit of the register. */
export function boundProfiles(reg: RegisterFile, idx: Index, standard: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const u of reg.providers) {
    for (const id of chainIds(mainProfile(u, undefined, standard), idx)) out.add(id);
    for (const p of u.plans ?? []) out.add(planId(p));
  }
  return out;
}

/** Units of the register a profile's own requirements are evaluated for. */
export function unitsBoundTo(profile: string, reg: RegisterFile, idx: Index, standard: string | undefined): string[] {
  return reg.providers.filter((u) => chainIds(mainProfile(u, undefined, standard), idx).has(profile) || (u.plans ?? []).some((p) => planId(p) === profile)).map((u) => u.id);
}

export function planId(pb: PlanBinding): string {
  return typeof pb === 'string' ? pb : pb.plan;
}

/** Whether `id` or one of its ancestors is in the list (a heading covers the requirements under it). */
function listed(list: string[], id: string, idx: Index): boolean {
  let cur: string | null | undefined = id;
  while (cur) {
    if (list.includes(cur)) return true;
    cur = idx.requirements.get(cur)?.value.parent;
  }
  return false;
}

/** Whether a plan binding takes a requirement of its plan. */
export function planCovers(pb: PlanBinding, id: string, idx: Index): boolean {
  if (typeof pb === 'string') return true;
  if (pb.requirements && !listed(pb.requirements, id, idx)) return false;
  return !(pb.except && listed(pb.except, id, idx));
}

/** Whether some unit evaluates a given requirement of a profile (binding at requirement level). */
export function requirementBound(profile: string, id: string, reg: RegisterFile, idx: Index, standard: string | undefined): boolean {
  return reg.providers.some((u) => chainIds(mainProfile(u, undefined, standard), idx).has(profile) || (u.plans ?? []).some((p) => planId(p) === profile && planCovers(p, id, idx)));
}
