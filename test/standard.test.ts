// The encoded standard against the seed text: every number and sub-item present and verbatim,
// the four repairs recorded as errata, obligations read from the wording, the examples typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Requirement } from '../engine/model/types.ts';
import { validate } from '../engine/validate/run.ts';
import { ROOT, SEEDS } from './helpers.ts';

const norm = (s: string): string => s.replace(/\s+/g, '');
let reqs: Map<string, Requirement>;

beforeAll(() => {
  const r = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT });
  reqs = new Map(r.set.requirements.filter((x) => !x.value.id.includes(':')).map((x) => [x.value.id, x.value]));
});

interface SeedClause {
  printed: string;
  content: string;
  items: string[];
}

/** An independent reading of the seed: numbered lines, their continuation lines, and "——" items. */
function readSeed(): SeedClause[] {
  const lines = readFileSync(join(SEEDS, 'standard-gaoxiao-wuye-fuwu-guifan.txt'), 'utf8').split('\n').slice(1);
  const out: SeedClause[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d+(?:[.,]\d+)*)\s+(.*)$/.exec(line);
    if (m && !/^(GB|GA|TSG)\s/.test(line)) out.push({ printed: m[1]!, content: m[2]!, items: [] });
    else if (line.startsWith('——')) out.at(-1)!.items.push(line.slice(2));
    else if (out.at(-1)!.items.length) out.at(-1)!.items[out.at(-1)!.items.length - 1] += line;
    else out.at(-1)!.content += line;
  }
  return out;
}

describe('the standard, completely and verbatim', () => {
  const seed = readSeed();
  const seen = new Set<string>();
  const idOf = (printed: string): string => {
    let id = printed.replace(',', '.');
    if (id === '5.1.1.1' && seen.has(id)) id = '5.1.2.1';
    seen.add(id);
    return id;
  };
  const rows = seed.map((c) => ({ ...c, id: idOf(c.printed) }));

  it('the seed has 143 numbers and 92 sub-items', () => {
    expect(rows.length).toBe(143);
    expect(rows.reduce((n, c) => n + c.items.length, 0)).toBe(92);
  });

  it.each(rows)('clause $printed is requirement $id with its verbatim text', ({ id, content, items }) => {
    const r = reqs.get(id);
    expect(r, id).toBeDefined();
    expect(norm((r!.title?.zh ?? '') + r!.text)).toBe(norm(content));
    expect(r!.number).toBe(id);
    items.forEach((text, i) => {
      const item = reqs.get(`${id}-${i + 1}`);
      expect(item, `${id}-${i + 1}`).toBeDefined();
      expect(norm(item!.text)).toBe(norm(text));
      expect(item!.parent).toBe(id);
      expect(item!.item).toBe(i + 1);
    });
  });

  it('records the four repairs as errata', () => {
    expect(reqs.get('4.4')!.errata).toEqual([expect.objectContaining({ field: 'number', printed: '4,4', repaired: '4.4' })]);
    expect(reqs.get('5.1.2.1')!.errata).toEqual([expect.objectContaining({ field: 'number', printed: '5.1.1.1', repaired: '5.1.2.1' })]);
    const broken = reqs.get('4.3-1')!.errata!;
    expect(broken).toHaveLength(1);
    expect(broken[0]!.field).toBe('text');
    expect(broken[0]!.printed).toContain('水、电\n等紧急抢修');
    expect(broken[0]!.repaired).toContain('水、电等紧急抢修');
    const scope = reqs.get('1')!.text;
    for (const [n, title] of [['6', '专项服务要求'], ['7', '特约服务要求'], ['8', '应急处置要求'], ['9', '服务质量评价与改进']] as const) {
      const h = reqs.get(n)!;
      expect(h.text).toBe(title);
      expect(scope).toContain(title);
      expect(h.errata).toEqual([expect.objectContaining({ field: 'heading', printed: '' })]);
    }
  });

  it('every requirement has one type, a parent that exists and the right section', () => {
    for (const r of reqs.values()) {
      expect(r.type).toBeTruthy();
      if (r.parent !== null) expect(reqs.has(r.parent), `${r.id} parent ${r.parent}`).toBe(true);
      expect(r.section).toBe(r.id.split('.')[0]!.split('-')[0]);
    }
  });

  it('parts quote fragments of their clause', () => {
    const parts = [...reqs.values()].filter((r) => r.part);
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) expect(norm(reqs.get(p.parent!)!.text)).toContain(norm(p.text));
  });
});

describe('obligation from the wording', () => {
  it.each([
    ['4.1', 'shall', 'wording'],
    ['4.1-1-a', 'shall', 'lead-in'],
    ['4.1-1-b', 'shall', 'lead-in'],
    ['4.1-2', 'may', 'wording'],
    ['5.1.2.7-2', 'should', 'wording'],
    ['5.1.2.7-2-a', 'should', 'wording'],
    ['5.1.2.7-2-b', 'shall', 'lead-in'],
    ['6.1.4.3', 'should', 'wording'],
    ['6.2.2.4', 'may', 'wording'],
    ['6.2.2.4-4', 'shall', 'lead-in'],
    ['5.1.2.7-4', 'shall', 'lead-in'],
    ['3.1', 'none', 'not-normative'],
  ])('%s → %s (%s)', (id, obligation, from) => {
    expect(reqs.get(id)!.obligation).toBe(obligation);
    expect(reqs.get(id)!.obligation_from).toBe(from);
  });

  it('items under an "应不低于以下要求" lead-in are shall unless their own words say 宜 or 可', () => {
    for (const r of reqs.values()) {
      if (r.item === undefined) continue;
      const parent = reqs.get(r.parent!)!;
      if (!/不低于以下要求/.test(parent.text)) continue;
      const own = /宜/.test(r.text) ? 'should' : /可根据/.test(r.text) ? 'may' : 'shall';
      expect(r.obligation, r.id).toBe(own);
    }
  });
});

describe('the issue’s examples are typed with their parameters', () => {
  const param = (id: string, name: string): string | number => reqs.get(id)!.parameters!.find((p) => p.name === name)!.values.at(-1)!.value;
  it('timeliness limits as ISO 8601 durations', () => {
    const t = reqs.get('4.3-1')!;
    expect(t.type).toBe('timeliness');
    expect(t.timeliness!.limits.map((l) => param('4.3-1', l.limit.param))).toEqual(['PT10M', 'PT15M', 'PT1H', 'PT2H']);
    expect(t.timeliness!.limits.map((l) => l.when)).toEqual([
      { category: ['elevator'], priority: ['accident'] },
      { category: ['water', 'electric', 'power', 'lighting', 'heating', 'gas'], priority: ['urgent', 'accident'] },
      { working_hours: true },
      { working_hours: false },
    ]);
    expect(param('5.1.2.11-4', 'elevator-fault-arrival')).toBe('PT30M');
    expect(param('5.1.2.7-3', 'power-repair')).toBe('PT12H');
    expect(param('5.1.2.7-3', 'lighting-repair')).toBe('PT2H');
    expect(reqs.get('5.1.2.7-3')!.timeliness!.limits[0]!.stop).toBe('completed_at');
    expect(param('6.2.1.6-3', 'class-time-arrival')).toBe('PT3M');
    expect(reqs.get('6.2.1.6-3')!.timeliness!.limits.map((l) => l.when)).toEqual([
      { during_class: true, building_type: ['teaching'], category: ['multimedia'] },
      { during_class: true, building_type: ['teaching'], subcategory: ['teaching-equipment'] },
    ]);
    expect(param('4.3-2', 'complaint-feedback')).toBe('PT24H');
  });
  it('frequencies count defined activities per period and scope', () => {
    const f = reqs.get('5.2.4.3')!.frequency!.counts;
    expect(f.map((c) => [c.activity, c.period, c.scope])).toEqual([
      ['fire-patrol', 'day', 'campus'],
      ['dorm-night-fire-patrol', 'night', 'dormitory-building'],
    ]);
    expect(param('5.2.4.3', 'night-patrols')).toBe(2);
    expect(reqs.get('5.2.4.5')!.frequency!.counts[0]!.activity).toBe('fire-drill');
    expect(reqs.get('5.2.4.4')!.frequency!.counts[0]!.activity).toBe('fire-inspection');
    expect(reqs.get('5.1.2.8-2')!.frequency!.counts.map((c) => c.activity)).toContain('water-tank-cleaning');
    expect(param('5.1.2.7-2-b', 'per-day')).toBe(2);
    expect(reqs.get('6.2.2.3')!.frequency!.counts[0]!.period).toBe('opening-hour');
  });
  it('rates carry threshold, direction, unit, and a minimum sample only where they are samples', () => {
    const rate = (id: string) => reqs.get(id)!.rate!;
    expect([param('5.1.2.6-2', 'intact-rate'), rate('5.1.2.6-2').direction]).toEqual([95, 'at-least']);
    expect([param('5.2.3.2-a', 'intact-rate'), rate('5.2.3.2-a').direction]).toEqual([97, 'at-least']);
    expect([param('5.1.2.10-5', 'pass-rate'), param('5.1.2.10-5', 'min-room-temperature')]).toEqual([97, 18]);
    expect([param('6.2.2.4-4', 'misshelving-rate'), rate('6.2.2.4-4').direction]).toEqual([5, 'below']);
    expect(reqs.get('6.2.2.4-4')!.parameters![0]!.unit).toBe('permille');
    for (const id of ['5.1.2.10-5', '6.2.2.4-4']) expect([rate(id).population, rate(id).min_sample! > 0]).toEqual(['sample', true]);
    // Equipment counts are complete counts: judged at any n ≥ 1 (issue 10 §5).
    for (const id of ['5.1.2.6-2', '5.2.3.2-a', '5.1.2.3-c', '6.2.1.2-b']) expect([rate(id).population, rate(id).min_sample]).toEqual(['complete', undefined]);
  });
  it('records, disclosures, inspections and informative clauses', () => {
    expect(reqs.get('5.1.1.1')!.type).toBe('record');
    expect(param('5.2.3.2-b', 'retention')).toBe('P30D');
    expect(reqs.get('5.1.2.8-3')!.type).toBe('record');
    expect(reqs.get('4.1-3')!.disclosure!.items.map((i) => i.code)).toEqual(['consultation-process', 'repair-process', 'complaint-process']);
    expect(reqs.get('7.2')!.disclosure!.items[0]!.code).toBe('paid-service-prices');
    expect(reqs.get('5.2.1.2')!.type).toBe('disclosure');
    expect(reqs.get('5.3.1-1')!.inspection!.checklist.length).toBeGreaterThan(0);
    expect(reqs.get('4.2-3')!.type).toBe('inspection');
    expect(['1', '2', '3', '3.1'].map((id) => reqs.get(id)!.informative!.role)).toEqual(['scope', 'normative-reference', 'definition', 'definition']);
  });
});

describe('the project reads nothing outside its own folder', () => {
  it('no source, test or script refers to a sibling shared/ folder', async () => {
    const { execFileSync } = await import('node:child_process');
    // git grep sees exactly what a fresh clone has.
    let hits = '';
    try {
      hits = execFileSync('git', ['grep', '-nE', String.raw`\.\./shared|'\.\.', *'shared'`, '--', 'engine', 'test', 'scripts', 'site', 'bin', 'standards/*.yaml', 'standards/**/*.yaml'], { cwd: ROOT, encoding: 'utf8' });
    } catch {
      hits = ''; // git grep exits 1 when nothing matches
    }
    expect(hits.split('\n').filter((l) => l && !l.startsWith('test/standard.test.ts'))).toEqual([]);
  });
});
