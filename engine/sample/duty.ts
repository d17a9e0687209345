// The sample university's duty rosters (duty-roster.ndjson): the 24-hour watches the standard asks for
// (inspection requirements with `watch:` — service window, repair hotline, main gate, monitoring centre,
// dormitory entrances, the main power room, heat-exchange stations in the heating season) staffed around the
// clock in 24-hour shifts handed over at 08:00 (值班 24 小时，早八点交接班), at the staffing the requirement's parameter asks.
// Which units a provider staffs is found as the evaluation finds them (its bound requirements, the register's
// campus duties and places); nothing fails here. Seeded stream 'duty', so no other file changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unitRequirements } from '../evaluate/binding.ts';
import type { Tree } from '../load/tree.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import { buildIndex } from '../validate/checks.ts';
import { dateOf, dayNumber, Rng, type Manifest, type World } from './generate.ts';
import { ndjson } from './ndjson.ts';

export const DUTY_FILES: readonly [string, RecordKind][] = [['duty-roster.ndjson', 'duty-roster']];

/** The people on each company's rota (names only; the roster carries who was on duty). */
const ROTA: Record<string, string[]> = {
  'huayu-property': ['马强', '黄丽', '林涛', '徐静', '高峰', '罗敏', '梁勇', '宋佳', '唐亮', '韩雪', '冯军', '曹颖'],
  'xinyuan-service': ['袁斌', '邓超', '许婷', '傅明', '沈洁', '曾伟', '彭辉', '吕红', '苏杰', '卢娜'],
  'jiale-catering': ['蒋涛', '蔡芳', '贾鹏', '丁磊'],
};

const PLACE_SCOPES = new Set(['power-room', 'water-tank', 'boiler-room', 'vehicle-fleet', 'service-centre', 'sanitation-point']);
const SCOPE_TYPE: Record<string, string> = { 'dormitory-building': 'dormitory', 'teaching-building': 'teaching', library: 'library', venue: 'venue', canteen: 'canteen' };
const covers = (clause: string, id: string): boolean => id === clause || id.startsWith(`${clause}.`) || id.startsWith(`${clause}-`);

/** The units of a watch's scope the provider answers for, as the evaluation's frequency grids find them. */
function watchUnits(w: World, scope: string, provider: string, req: string): { id: string; campus: string; key: 'campus' | 'building' | 'area' }[] {
  if (scope === 'campus') {
    return w.register.campuses
      .filter((c) => {
        const named = (c.duties ?? []).filter((d) => d.requirements.some((x) => covers(x, req)));
        return named.length ? named.some((d) => d.provider === provider) : c.provider === provider;
      })
      .map((c) => ({ id: c.id, campus: c.id, key: 'campus' }));
  }
  if (PLACE_SCOPES.has(scope)) return w.places.filter((p) => p.scope === scope && p.provider === provider).map((p) => ({ id: p.id, campus: p.campus, key: 'area' }));
  const type = SCOPE_TYPE[scope];
  return w.buildings.filter((b) => b.provider === provider && (!type || b.type === type)).map((b) => ({ id: b.id, campus: b.campus, key: 'building' }));
}

/** The staffing a watch asks for: its parameter's highest value in force during the term (at least 1). */
function staffOf(rr: ResolvedRequirement, param: string): number {
  const p = rr.parameters.find((x) => x.name === param);
  return Math.max(1, ...(p?.values ?? []).map((v) => Number(v.value)).filter((n) => Number.isFinite(n)));
}

/** Write duty-roster.ndjson and add its count to the manifest. */
export function generateDuty(w: World, seed: number, tree: Tree, out: string, manifest: Manifest): void {
  mkdirSync(out, { recursive: true });
  const idx = buildIndex([tree]);
  const std = tree.standards[0]?.value.id;
  const cache = new Map<string, ResolvedRequirement[]>();
  // One post per provider, post and unit, staffed at the highest level any of its watches asks (宜双人执勤 included).
  const posts = new Map<string, { provider: string; post: string; unit: { id: string; campus: string; key: 'campus' | 'building' | 'area' }; staff: number; heatingOnly: boolean }>();
  for (const u of w.register.providers) {
    if (u.kind === 'office') continue;
    for (const b of unitRequirements(u, undefined, std, idx, cache)) {
      const r = b.rr.requirement;
      const watch = r.inspection?.watch;
      if (!watch || r.obligation === 'may' || r.status === 'withdrawn' || r.status === 'superseded') continue;
      for (const unit of watchUnits(w, watch.scope, u.id, r.id)) {
        const key = `${u.id}|${watch.post}|${unit.id}`;
        const staff = staffOf(b.rr, watch.staff.param);
        const had = posts.get(key);
        posts.set(key, { provider: u.id, post: watch.post, unit, staff: Math.max(staff, had?.staff ?? 0), heatingOnly: (had?.heatingOnly ?? true) && watch.calendar === 'heating-season' });
      }
    }
  }
  const rng = new Rng(seed, 'duty');
  const lines: string[] = [];
  let seq = 0;
  const sorted = [...posts.values()].sort((a, b) => (a.provider + a.post + a.unit.id < b.provider + b.post + b.unit.id ? -1 : 1));
  for (const d of w.days) {
    const served = (p: string, date = d.date): boolean => {
      const s = w.register.providers.find((x) => x.id === p)?.service;
      return !s || (date >= String(s.from) && date <= String(s.to));
    };
    for (const p of sorted) {
      if (!served(p.provider) || (p.heatingOnly && !d.heating)) continue;
      const rota = ROTA[p.provider] ?? ['值班员'];
      // The first day of a watch (service starts, heating starts) has no night shift from the evening before.
      const prev = w.dayByDate.get(dateOf(d.day - 1));
      const first = !prev || !served(p.provider, prev.date) || (p.heatingOnly && !prev.heating);
      for (const [from, to] of [...(first ? [['00:00', '08:00']] : []), ['08:00', '08:00']] as const) {
        const endDate = from === '08:00' ? dateOf(dayNumber(d.date) + 1) : d.date;
        const names = Array.from({ length: p.staff }, () => rng.pick(rota));
        lines.push(ndjson('duty-roster', {
          id: `DR-${d.date.replace(/-/g, '')}-${String(++seq).padStart(5, '0')}`,
          provider: p.provider,
          post: p.post,
          campus: p.unit.campus,
          building: p.unit.key === 'building' ? p.unit.id : undefined,
          area: p.unit.key === 'area' ? p.unit.id : undefined,
          start: `${d.date}T${from}:00+08:00`,
          end: `${endDate}T${to}:00+08:00`,
          staff: p.staff,
          names: [...new Set(names)].length === names.length ? names.join('、') : rota.slice(0, p.staff).join('、'),
        }));
      }
    }
  }
  const text = lines.join('\n') + '\n';
  writeFileSync(join(out, 'duty-roster.ndjson'), text);
  manifest.counts['duty-roster'] = lines.length;
  manifest.files['duty-roster.ndjson'] = { bytes: Buffer.byteLength(text), records: lines.length };
}
