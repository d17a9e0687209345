// The logistics office's own checks in the sample university: the supervisors' on-site inspection results
// (inspection-results.ndjson) and the units' document lists (documents.ndjson). What each unit is checked on
// is what binds it — the same resolution evaluation uses (unitRequirements: its main profile plus the plans
// the register binds to it) — never a hard-coded list. Inspections cover the spring term's supervision
// rounds of March, April and May; June's round was not entered, so June is "no data" for inspections (a
// provisional scorecard and a CH521 refusal to issue notices). Each stream is seeded separately
// ('checks:inspections', 'checks:documents'), so adding these files changes no other file of the sample.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findYamlFiles, loadTree } from '../load/tree.ts';
import { buildIndex } from '../validate/checks.ts';
import { unitRequirements } from '../evaluate/binding.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import { hm, iso, Rng, type Manifest, type World } from './generate.ts';
import { ndjson, type Json } from './ndjson.ts';

export const CHECK_FILES: readonly [string, RecordKind][] = [
  ['inspection-results.ndjson', 'inspection-results'],
  ['documents.ndjson', 'documents'],
];

/** Months whose supervision rounds were entered. June's round was not (no data, on purpose). */
export const INSPECTED_MONTHS = ['2026-03', '2026-04', '2026-05'] as const;

/** The supervisors of the office's 质量监督科 who inspect on site. */
const INSPECTORS = ['王建国', '陈晓燕', '刘志强', '赵敏', '孙立新'];

/**
 * Failures found on site: one inspection result each, with the inspector's note. The blocked fire exit (5.2.4.2)
 * is the scorecard's veto item (一票否决): May's card of the property company fails whatever its score.
 */
export const INSPECTION_FAILURES: { key: string; provider: string; requirement: string; month: string; building: string; note: string; en: string }[] = [
  { key: 'insp-fire-exit-blocked', provider: 'huayu-property', requirement: '5.2.4.2', month: '2026-05', building: 'd03', note: '3层东侧消防通道堆放杂物（纸箱、自行车），疏散通道不畅', en: 'Fire exit on floor 3 (east) blocked by cartons and bicycles' },
  { key: 'insp-dorm-leaks', provider: 'huayu-property', requirement: '5.1.1.5-2', month: '2026-04', building: 't02', note: '2层卫生间水龙头滴漏，楼梯扶手松动未修', en: 'Dripping tap in the floor 2 toilets; loose stair handrail not repaired' },
  { key: 'insp-hydrant-blocked', provider: 'xinyuan-service', requirement: '5.1.2.9-1', month: '2026-04', building: 'l02', note: '3层消火栓箱被实验柜遮挡，水带缺失', en: 'Hydrant cabinet on floor 3 hidden behind a lab cabinet; hose missing' },
  { key: 'insp-library-closing', provider: 'xinyuan-service', requirement: '6.2.2.1', month: '2026-05', building: 'lib02', note: '闭馆后未清查滞留人员，2层阅览室窗户未关', en: 'After closing, nobody checked for people left inside; reading room windows on floor 2 left open' },
  { key: 'insp-canteen-corridor', provider: 'jiale-catering', requirement: '5.3.2-1', month: '2026-05', building: 'c02', note: '后厨通道堆放食材纸箱，地面油污未清', en: 'Cartons of produce stacked in the kitchen corridor; grease on the floor' },
  { key: 'insp-visitor-unregistered', provider: 'huayu-property', requirement: '6.1.1.2', month: '2026-05', building: 'd10', note: '来访人员未验证登记即进入公寓', en: 'A visitor entered the dormitory without being checked and registered' },
];

/** Deliberate gaps in the document lists. */
export const DOCUMENT_GAPS: { key: string; kind: 'document-missing' | 'not-approved'; provider: string; requirement: string; item: string; zh: string; en: string }[] = [
  { key: 'doc-emergency-plan-missing', kind: 'document-missing', provider: 'xinyuan-service', requirement: '8.2', item: 'emergency-plan-terrorist-attack', zh: '信远后勤的应急预案缺《恐怖袭击事件应急预案》（8.2 列出的 14 项预案缺 1 项）', en: 'Xinyuan has no terrorist-attack emergency plan (1 of the 14 plans 8.2 lists is missing)' },
  { key: 'doc-plan-not-approved', kind: 'not-approved', provider: 'huayu-property', requirement: '5.1.1.2', item: 'routine-maintenance-plan', zh: '华宇物业的日常维护保养计划未经学校同意', en: "Huayu's routine maintenance plan is not approved by the school" },
];

/** Requirements whose every failure in these files is an injected one, listed in the manifest. */
export const CHECKS_CHECKED = [...new Set(['5.2.4.2', '5.1.1.5-2', '5.1.2.9-1', '6.2.2.1', '5.3.2-1', '6.1.1.2', '8.2', '5.1.1.2'])];

/** Building types a requirement's section concerns, so an inspection is recorded at a plausible place. */
const SECTION_TYPES: [string, string][] = [
  ['6.1.1', 'dormitory'], ['6.1.2', 'venue'], ['6.1.3', 'dormitory'], ['6.1.4', 'dormitory'], ['6.1.5', 'venue'],
  ['6.2.1', 'teaching'], ['6.2.2', 'library'], ['6.2.3', 'laboratory'], ['6.2.4', 'office'], ['6.2.5', 'teaching'],
];


/** Requirements of one type that bind each unit of the register (withdrawn and 可 items are never judged). */
function boundOfType(root: string, w: World, type: string): Map<string, ResolvedRequirement[]> {
  const tree = loadTree(findYamlFiles([join(root, 'standards')]), root);
  const idx = buildIndex([tree]);
  const std = tree.standards[0]?.value.id;
  const cache = new Map<string, ResolvedRequirement[]>();
  const out = new Map<string, ResolvedRequirement[]>();
  for (const u of w.register.providers) {
    out.set(
      u.id,
      unitRequirements(u, undefined, std, idx, cache)
        .map((b) => b.rr)
        .filter((rr) => rr.requirement.type === type && rr.requirement.obligation !== 'may' && rr.requirement.status !== 'withdrawn' && rr.requirement.status !== 'superseded'),
    );
  }
  return out;
}

/** Write inspection-results.ndjson and documents.ndjson; add their counts and injected failures to the manifest. */
export function generateChecks(w: World, seed: number, root: string, out: string, manifest: Manifest): void {
  mkdirSync(out, { recursive: true });

  // --- inspection results ----------------------------------------------------------------------
  {
    const bound = boundOfType(root, w, 'inspection');
    const rng = new Rng(seed, 'checks:inspections');
    const lines: string[] = [];
    let seq = 0;
    const failIds = new Map<string, string>();
    for (const month of INSPECTED_MONTHS) {
      const workdays = w.days.filter((d) => d.month === month && d.working);
      for (const u of w.register.providers) {
        const buildings = w.buildings.filter((b) => b.provider === u.id);
        const reqs = bound.get(u.id) ?? [];
        const rows: Record<string, Json | undefined>[] = [];
        for (const rr of reqs) {
          const id = rr.requirement.id;
          const fail = INSPECTION_FAILURES.find((f) => f.provider === u.id && f.requirement === id && f.month === month);
          const type = SECTION_TYPES.find(([p]) => id === p || id.startsWith(`${p}.`) || id.startsWith(`${p}-`))?.[1];
          const fitting = type ? buildings.filter((b) => b.type === type) : [];
          const b = fail ? w.buildingById.get(fail.building) : rng.pick(fitting.length ? fitting : buildings.length ? buildings : [undefined]);
          const day = rng.pick(workdays);
          const t = day.day * 1440 + rng.int(hm('08:30'), hm('16:30'));
          rows.push({ tag: fail?.key, provider: u.id, requirement: id, inspected_at: iso(t), campus: b?.campus ?? 'main', building: b?.id, inspector: `${rng.pick(INSPECTORS)}、${rng.pick(INSPECTORS)}`.replace(/^(.+)、\1$/, '$1'), passed: !fail, notes: fail ? fail.note : undefined });
        }
        rows.sort((a, b) => (String(a.inspected_at) < String(b.inspected_at) ? -1 : String(a.inspected_at) > String(b.inspected_at) ? 1 : 0));
        for (const r of rows) {
          r.id = `IN-${month.replace('-', '')}-${String(++seq).padStart(5, '0')}`;
          if (r.tag) failIds.set(String(r.tag), String(r.id));
          lines.push(ndjson('inspection-results', r));
        }
      }
    }
    for (const f of INSPECTION_FAILURES) {
      const rec = failIds.get(f.key);
      if (!rec) throw new Error(`inspection failure ${f.key}: ${f.requirement} does not bind ${f.provider}`);
      const b = w.buildingById.get(f.building);
      manifest.violations.push({
        key: f.key, kind: 'inspection-failed', requirement: f.requirement, record_kind: 'inspection-results', records: [rec],
        cell: { provider: f.provider, month: f.month, building: f.building }, expected: 'passed', actual: f.note,
        description: { zh: `${f.month.slice(5).replace(/^0/, '')}月现场检查 ${b?.name ?? f.building}：${f.note}`, en: `On-site check in ${f.month} at ${f.building}: ${f.en}` },
      });
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(out, 'inspection-results.ndjson'), text);
    manifest.counts['inspection-results'] = lines.length;
    manifest.files['inspection-results.ndjson'] = { bytes: Buffer.byteLength(text), records: lines.length };
  }

  // --- documents --------------------------------------------------------------------------------
  {
    const bound = boundOfType(root, w, 'record');
    const rng = new Rng(seed, 'checks:documents');
    const lines: string[] = [];
    let seq = 0;
    const year = Number(w.term.start.slice(0, 4));
    const termStart = w.days[0]!.day;
    const gapIds = new Map<string, string>();
    for (const u of w.register.providers) {
      for (const rr of bound.get(u.id) ?? []) {
        const r = rr.requirement;
        for (const item of r.record!.documents) {
          const gap = DOCUMENT_GAPS.find((g) => g.provider === u.id && g.requirement === r.id && g.item === item.code);
          if (gap?.kind === 'document-missing') continue;
          const annual = item.validity?.includes('current-year');
          // Lists and files put on record before the term starts (the office's start-of-term check).
          const dated = iso((termStart - rng.int(3, 20)) * 1440).slice(0, 10);
          const licence = /许可证|合格证|证书|资格/.test(item.zh);
          const id = `DOC-${u.id}-${String(++seq).padStart(4, '0')}`;
          if (gap) gapIds.set(gap.key, id);
          lines.push(ndjson('documents', {
            id,
            provider: u.id,
            requirement: r.id,
            item: item.code,
            // A coded item's title is the document's own name (the approval is a field, not words in it).
            title: item.code ? `${annual ? `${year}年` : ''}${item.zh.replace(/（经学校同意）$/, '')}` : item.zh,
            dated,
            year: annual ? year : undefined,
            approved: item.validity?.includes('approved') ? gap?.kind !== 'not-approved' : undefined,
            valid_until: licence ? `${year + rng.int(1, 3)}-12-31` : undefined,
          }));
        }
      }
    }
    for (const g of DOCUMENT_GAPS) {
      if (!(bound.get(g.provider) ?? []).some((rr) => rr.requirement.id === g.requirement)) throw new Error(`document gap ${g.key}: ${g.requirement} does not bind ${g.provider}`);
      manifest.violations.push({
        key: g.key, kind: g.kind, requirement: g.requirement, record_kind: 'documents', ...(gapIds.has(g.key) ? { records: [gapIds.get(g.key)!] } : {}),
        cell: { provider: g.provider, item: g.item }, expected: g.kind === 'not-approved' ? 'approved' : 'present', actual: g.kind === 'not-approved' ? 'not approved' : 'missing',
        description: { zh: g.zh, en: g.en },
      });
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(out, 'documents.ndjson'), text);
    manifest.counts.documents = lines.length;
    manifest.files['documents.ndjson'] = { bytes: Buffer.byteLength(text), records: lines.length };
  }
}
