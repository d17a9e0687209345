// The logistics office's own checks in the sample university: the units' document lists (documents.ndjson).
// What each unit is checked on is what binds it — the same resolution evaluation uses (unitRequirements: its
// main profile plus the plans the register binds to it) — never a hard-coded list. The supervisors' on-site
// inspection rounds are engine/sample/inspections.ts. The stream is seeded separately ('checks:documents'),
// so adding this file changes no other file of the sample.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findYamlFiles, loadTree } from '../load/tree.ts';
import { buildIndex } from '../validate/checks.ts';
import { unitRequirements } from '../evaluate/binding.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import { iso, Rng, type Manifest, type World } from './generate.ts';
import { ndjson, type Json } from './ndjson.ts';

export const CHECK_FILES: readonly [string, RecordKind][] = [['documents.ndjson', 'documents']];

/** Deliberate gaps in the document lists. */
export const DOCUMENT_GAPS: { key: string; kind: 'document-missing' | 'not-approved'; provider: string; requirement: string; item: string; zh: string; en: string }[] = [
  { key: 'doc-emergency-plan-missing', kind: 'document-missing', provider: 'xinyuan-service', requirement: '8.2', item: 'emergency-plan-terrorist-attack', zh: '信远后勤的应急预案缺《恐怖袭击事件应急预案》（8.2 列出的 14 项预案缺 1 项）', en: 'Xinyuan has no terrorist-attack emergency plan (1 of the 14 plans 8.2 lists is missing)' },
  { key: 'doc-plan-not-approved', kind: 'not-approved', provider: 'huayu-property', requirement: '5.1.1.2', item: 'routine-maintenance-plan', zh: '华宇物业的日常维护保养计划未经学校同意', en: "Huayu's routine maintenance plan is not approved by the school" },
];

/** Requirements whose every failure in these files is an injected one, listed in the manifest. */
export const CHECKS_CHECKED = ['8.2', '5.1.1.2'];

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

/** Write documents.ndjson; add its count and injected gaps to the manifest. */
export function generateChecks(w: World, seed: number, root: string, out: string, manifest: Manifest): void {
  mkdirSync(out, { recursive: true });

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
