// The sample university generator (engine/sample/generate.ts): determinism, the committed sample,
// file formats of the canonical files and both export layouts, and the manifest against the data —
// checked here independently, so every violation of a checked requirement must be in the manifest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import ExcelJS from 'exceljs';
import holidayTable from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import {
  AS_OF, CHECKED_REQUIREMENTS, DEFAULT_SEED, OUTPUT_FILES, Rng, encodeGb18030, generateSample, loadWorld, type Manifest,
} from '../engine/sample/generate.ts';
import { EQUIPMENT_KINDS, EXCLUSIONS, MEASUREMENT_KINDS, PRIORITIES, RECORD_FIELDS, WORK_ORDER_CATEGORIES, type RecordKind } from '../engine/model/vocabulary.ts';
import type { ActivitiesFile, MappingFile } from '../engine/model/types.ts';
import { recordValidator } from '../engine/data/records.ts';
import { findRound, planInspections } from '../engine/inspections/plan.ts';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { ACCOMPANYING, INSPECTORS, MISSED_ROUNDS, sampleInspectionFills } from '../engine/sample/inspections.ts';
import { ROOT } from './helpers.ts';

type Rec = Record<string, unknown>;
const SAMPLE = join(ROOT, 'examples', 'sample-university');
const w = loadWorld();
let dirA = '';
let dirB = '';
let manifest: Manifest;

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const ndjson = (dir: string, name: string): Rec[] =>
  readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
/** Minutes of local wall-clock time from an ISO string with +08:00 (checked by the format test). */
const min = (s: unknown): number => Date.parse(String(s).replace('+08:00', 'Z')) / 60_000;
const asOf = min(AS_OF);
/** The generated files: the fixed list, and the inspection round files (named after the planner's round ids). */
const rounds = (dir: string): string[] => (existsSync(join(dir, 'inspections')) ? readdirSync(join(dir, 'inspections')).sort().map((f) => `inspections/${f}`) : []);
const outputs = (): string[] => [...OUTPUT_FILES, ...rounds(dirA)];

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'charter-sample-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'charter-sample-b-'));
  manifest = await generateSample({ outDir: dirA });
  await generateSample({ outDir: dirB });
}, 60_000);

afterAll(() => {
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('determinism', () => {
  it('same seed → byte-identical files, XLSX included', () => {
    expect(rounds(dirA).length).toBeGreaterThan(0);
    expect(rounds(dirB)).toEqual(rounds(dirA));
    for (const f of outputs()) expect(sha(join(dirB, f)), f).toBe(sha(join(dirA, f)));
  });

  it('the committed sample is what the generator writes by default', () => {
    expect(rounds(SAMPLE), 'examples/sample-university/inspections/ is stale: run node scripts/generate-sample.ts').toEqual(rounds(dirA));
    for (const f of outputs()) {
      expect(existsSync(join(SAMPLE, f)), `examples/sample-university/${f} (run node scripts/generate-sample.ts)`).toBe(true);
      expect(sha(join(SAMPLE, f)), `examples/sample-university/${f} is stale: run node scripts/generate-sample.ts`).toBe(sha(join(dirA, f)));
    }
  });

  it('another seed gives other data; the PRNG streams are independent of each other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-sample-c-'));
    try {
      await generateSample({ outDir: dir, seed: 7, exports: false });
      expect(sha(join(dir, 'work-orders.ndjson'))).not.toBe(sha(join(dirA, 'work-orders.ndjson')));
      expect(existsSync(join(dir, 'exports'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const a = new Rng(1, 'x');
    const b = new Rng(1, 'y');
    const xs = Array.from({ length: 5 }, () => a.float());
    expect(xs).not.toEqual(Array.from({ length: 5 }, () => b.float()));
    expect(Array.from({ length: 5 }, () => new Rng(1, 'x').float())).toEqual(Array.from({ length: 5 }, () => xs[0]));
  });

  it('the committed sample is small', () => {
    const total = Object.values(manifest.files).reduce((a, f) => a + f.bytes, 0);
    // 7 MiB since issue 12: a term of inspection rounds (round workbooks and phone exports) and the watches' duty rosters.
    expect(total).toBeLessThan(7 * 1024 * 1024);
    expect(manifest.seed).toBe(DEFAULT_SEED);
    expect(manifest.counts['work-orders']).toBe(1500);
  });
});

describe('canonical files', () => {
  const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;
  const kinds: [string, RecordKind][] = [
    ['work-orders.ndjson', 'work-orders'], ['complaints.ndjson', 'complaints'], ['activities.ndjson', 'activities'],
    ['equipment-counts.ndjson', 'equipment-counts'], ['measurements.ndjson', 'measurements'], ['surveys.ndjson', 'surveys'],
  ];

  it('validate against the record schemas, with ISO 8601 times with +08:00 and unique ids', () => {
    for (const [file, kind] of kinds) {
      const recs = ndjson(dirA, file);
      expect(recs.length, file).toBe(manifest.counts[kind]);
      const ids = new Set<unknown>();
      const valid = recordValidator(kind);
      for (const r of recs) {
        expect(valid(r), `${file} ${JSON.stringify(r)}: ${JSON.stringify(valid.errors)}`).toBe(true);
        for (const [k, v] of Object.entries(r)) {
          expect(RECORD_FIELDS[kind] as readonly string[], `${file}: field ${k}`).toContain(k);
          if (k.endsWith('_at')) expect(String(v), `${file} ${String(r.id)} ${k}`).toMatch(ISO);
        }
        if ('id' in r) {
          expect(ids.has(r.id), `${file}: duplicate id ${String(r.id)}`).toBe(false);
          ids.add(r.id);
        }
      }
    }
  });

  it('work orders: vocabularies, register references, flags and the class-time flag', () => {
    const classPeriods = w.classPeriods;
    for (const r of ndjson(dirA, 'work-orders.ndjson')) {
      const b = w.buildingById.get(String(r.building));
      expect(b, String(r.id)).toBeDefined();
      expect(r.campus).toBe(b!.campus);
      expect(r.provider).toBe(b!.provider);
      expect(WORK_ORDER_CATEGORIES as readonly unknown[]).toContain(r.category);
      expect(PRIORITIES as readonly unknown[]).toContain(r.priority);
      expect(typeof r.during_class).toBe('boolean');
      if (r.exclusion !== undefined) expect(EXCLUSIONS as readonly unknown[]).toContain(r.exclusion);
      expect(r.id).toMatch(/^WO-2026-\d{6}$/);
      const t = min(r.reported_at);
      const date = String(r.reported_at).slice(0, 10);
      const mod = ((t % 1440) + 1440) % 1440;
      const inClass = b!.type === 'teaching' && w.dayByDate.get(date)!.working && classPeriods.some(([s, e]) => mod >= s && mod < e);
      expect(r.during_class, String(r.id)).toBe(inClass);
      if (r.category === 'heating') expect(w.dayByDate.get(date)!.heating).toBe(true);
    }
  });

  it('work-orders.csv holds the same records as work-orders.ndjson', () => {
    const rows = parseCsv(readFileSync(join(dirA, 'work-orders.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const header = readFileSync(join(dirA, 'work-orders.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(RECORD_FIELDS['work-orders'].join(','));
    const recs = ndjson(dirA, 'work-orders.ndjson');
    expect(rows.length).toBe(recs.length);
    rows.forEach((row, i) => {
      const back: Rec = {};
      for (const [k, v] of Object.entries(row)) if (v !== '') back[k] = k === 'during_class' ? v === 'true' : v;
      expect(back).toEqual(recs[i]);
    });
  });

  it('activities carry building, area or neither according to the scope of their code', () => {
    const acts = parseYaml(readFileSync(join(ROOT, 'standards', 'activities.yaml'), 'utf8')) as ActivitiesFile;
    const scopeOf = new Map(acts.activities.map((a) => [a.code, a.scope]));
    const scopes = new Map(acts.scopes.map((s) => [s.code, s]));
    const placeScopes = new Set(w.places.map((p) => p.scope));
    for (const r of ndjson(dirA, 'activities.ndjson')) {
      const scope = scopeOf.get(String(r.activity));
      expect(scope, String(r.activity)).toBeDefined();
      expect(w.campusName.has(String(r.campus))).toBe(true);
      if (scope === 'campus') {
        expect(r.building, String(r.id)).toBeUndefined();
        expect(r.area, String(r.id)).toBeUndefined();
      } else if (placeScopes.has(scope!)) {
        const p = w.places.find((x) => x.id === r.area);
        expect(p?.scope, String(r.id)).toBe(scope);
        expect(r.building).toBeUndefined();
      } else {
        const b = w.buildingById.get(String(r.building));
        expect(b, String(r.id)).toBeDefined();
        const type = scopes.get(scope!)?.building_type;
        if (type) expect(b!.type).toBe(type);
        expect(r.area).toBeUndefined();
      }
    }
  });

  it('measurements, equipment counts and surveys have the expected shape', () => {
    const ms = ndjson(dirA, 'measurements.ndjson');
    for (const m of ms) expect(MEASUREMENT_KINDS as readonly unknown[]).toContain(m.kind);
    const temps = ms.filter((m) => m.kind === 'room-temperature');
    const points = new Map<string, Set<string>>();
    for (const m of temps) {
      expect(w.places.find((p) => p.id === m.station)?.scope).toBe('boiler-room');
      expect(String(m.point).startsWith(`${String(m.station)}-p`)).toBe(true);
      expect(w.dayByDate.get(String(m.measured_at).slice(0, 10))!.heating).toBe(true);
      expect(typeof m.value).toBe('number');
      if (!points.has(String(m.station))) points.set(String(m.station), new Set());
      points.get(String(m.station))!.add(String(m.point));
    }
    expect(points.size).toBe(3);
    for (const set of points.values()) expect(set.size).toBeGreaterThanOrEqual(5);
    for (const m of ms.filter((x) => x.kind === 'shelf-audit')) {
      expect(w.buildingById.get(String(m.building))?.type).toBe('library');
      expect(Number(m.misplaced)).toBeLessThanOrEqual(Number(m.sampled));
    }
    const eq = ndjson(dirA, 'equipment-counts.ndjson');
    const months = new Set(w.days.map((d) => d.month));
    expect(eq.length).toBe(months.size * 2 * 6);
    for (const e of eq) {
      expect(EQUIPMENT_KINDS as readonly unknown[]).toContain(e.kind);
      expect(Number(e.intact)).toBeLessThanOrEqual(Number(e.total));
    }
    const sv = ndjson(dirA, 'surveys.ndjson');
    expect(sv.length).toBe(4 * 3);
    for (const s of sv) expect(Number(s.satisfied)).toBeLessThanOrEqual(Number(s.respondents));
  });
});

/** Read an export row back to canonical fields with the mapping, as `charter submit` will. */
function unmap(m: MappingFile, headers: string[], cells: (string | number | Date | null)[]): Rec {
  const out: Rec = {};
  const byName = <T extends { id: string }>(xs: T[], name: (x: T) => string, v: string): string | undefined => xs.find((x) => x.id === v || name(x) === v)?.id;
  for (const c of m.columns) {
    const hs = Array.isArray(c.header) ? c.header : [c.header];
    const i = headers.findIndex((h) => hs.includes(h));
    let v: unknown = i < 0 ? null : (cells[i] ?? null);
    if (v === null || v === '') continue;
    if (c.format === 'yyyy/M/d H:mm') {
      const mm = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d\d)$/.exec(String(v))!;
      v = `${mm[1]}-${mm[2]!.padStart(2, '0')}-${mm[3]!.padStart(2, '0')}T${mm[4]!.padStart(2, '0')}:${mm[5]}:00+08:00`;
    } else if (c.format === 'excel-serial') {
      const serial = v instanceof Date ? v.getTime() / 86_400_000 + 25569 : Number(v);
      v = new Date(Math.round((serial - 25569) * 1440) * 60_000).toISOString().slice(0, 19) + '+08:00';
    } else if (c.values) {
      v = c.values[String(v)];
    } else if (c.lookup === 'provider') {
      v = byName(w.register.providers, (p) => p.name, String(v))!;
    } else if (c.lookup === 'campus') {
      v = byName(w.register.campuses, (p) => p.name.zh, String(v))!;
    } else if (c.lookup === 'building') {
      v = byName(w.register.buildings, (p) => p.name, String(v))!;
    } else if (c.transform === 'lower') {
      v = String(v).toLowerCase();
    }
    out[c.field] = v;
  }
  return out;
}
function pickFields(r: Rec, fields: string[]): Rec {
  const out: Rec = {};
  for (const f of fields) if (r[f] !== undefined) out[f] = r[f];
  return out;
}

describe('export layouts', () => {
  const mappingA = w.mappingA;
  const mappingB = w.mappingB;

  it('repair-platform.csv is GB18030 with the headers, values and dates of mapping A', () => {
    const bytes = readFileSync(join(dirA, 'exports', 'repair-platform.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    expect(encodeGb18030(text).equals(bytes)).toBe(true);
    expect(encodeGb18030('中文（本部）').toString('hex')).toBe('d6d0cec4a3a8b1beb2bfa3a9');
    expect(text.includes('\r\n')).toBe(true);
    const rows = parseCsv(text, { relaxColumnCount: false }) as string[][];
    const headers = rows[0]!;
    expect(headers).toEqual([...mappingA.columns.map((c) => String(c.header)), '联系电话']);
    const defects = new Map(manifest.defects.filter((d) => d.file === 'exports/repair-platform.csv').map((d) => [d.line!, d]));
    expect(defects.size).toBe(4);
    const canonical = ndjson(dirA, 'work-orders.ndjson').filter((r) => r.campus === 'main');
    const fields = mappingA.columns.map((c) => c.field);
    let k = 0;
    rows.slice(1).forEach((row, i) => {
      const line = i + 2;
      const d = defects.get(line);
      if (d) {
        expect(row[headers.indexOf(String(mappingA.columns.find((c) => c.field === d.field)!.header))]).toBe(d.field === 'building' ? String(d.value) : d.value);
        return;
      }
      expect(row[headers.indexOf('楼宇编号')]).toMatch(/^[A-Z]+\d+$/);
      expect(unmap(mappingA, headers, row), `line ${line}`).toEqual(pickFields(canonical[k++]!, fields));
    });
    expect(k).toBe(canonical.length);
    // The platform renamed its categories on 1 April: both labels for water occur.
    expect(rows.some((r) => r[5] === '水')).toBe(true);
    expect(rows.some((r) => r[5] === '给排水')).toBe(true);
  });

  it('service-hall.xlsx has the sheet, title row, headers and serial date-times of mapping B', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dirA, 'exports', 'service-hall.xlsx'));
    const ws = wb.getWorksheet(mappingB.sheet!)!;
    expect(ws).toBeDefined();
    expect(String(ws.getRow(1).getCell(1).value)).toContain('报修明细导出');
    const width = mappingB.columns.length + 1;
    const cellsOf = (n: number): (string | number | Date | null)[] =>
      Array.from({ length: width }, (_, i) => (ws.getRow(n).getCell(i + 1).value ?? null) as string | number | Date | null);
    const headers = cellsOf(mappingB.header_row!).map(String);
    expect(headers).toEqual([...mappingB.columns.map((c) => (Array.isArray(c.header) ? c.header[0]! : String(c.header))), '处理状态']);
    const defects = new Map(manifest.defects.filter((d) => d.file === 'exports/service-hall.xlsx').map((d) => [d.row!, d]));
    expect(defects.size).toBe(3);
    const canonical = ndjson(dirA, 'work-orders.ndjson').filter((r) => r.campus !== 'main');
    const fields = mappingB.columns.map((c) => c.field);
    let k = 0;
    const reportedCol = mappingB.columns.findIndex((c) => c.field === 'reported_at') + 1;
    for (let n = mappingB.header_row! + 1; n <= ws.rowCount; n++) {
      const d = defects.get(n);
      if (d) {
        if (d.field === 'id') expect(ws.getRow(n).getCell(1).value ?? null).toBeNull();
        else if (d.field === 'reported_at') expect(ws.getRow(n).getCell(reportedCol).value).toBe(d.value);
        continue;
      }
      // Serial date-times carry a date format, as real exports do: the number is the local wall-clock time.
      const cell = ws.getRow(n).getCell(reportedCol);
      expect(cell.numFmt).toBe('yyyy/m/d h:mm');
      expect(unmap(mappingB, headers, cellsOf(n)), `row ${n}`).toEqual(pickFields(canonical[k++]!, fields));
    }
    expect(k).toBe(canonical.length);
  });
});

describe('manifest matches the data', () => {
  const closures = new Set((w.calendar.closures ?? []).map((c) => String(c.date)));
  // Straight from chinese-days' data table (its functions are a day off west of UTC).
  const working = (t: number): boolean => {
    const date = new Date(t * 60_000).toISOString().slice(0, 10);
    const weekday = new Date(t * 60_000).getUTCDay() % 6 !== 0;
    const mod = ((t % 1440) + 1440) % 1440;
    const statutory = date in holidayTable.workdays || (weekday && !(date in holidayTable.holidays));
    return !closures.has(date) && statutory && mod >= w.workStart && mod < w.workEnd;
  };
  const key = (requirement: string, id: string): string => `${requirement} ${id}`;
  const manifestRecords = (kind: RecordKind, requirement?: string): Set<string> =>
    new Set(manifest.violations.filter((v) => v.record_kind === kind && (!requirement || v.requirement === requirement)).flatMap((v) => (v.records ?? []).map((id) => key(v.requirement, id))));

  it('lists exactly the checked requirements', () => {
    expect(manifest.checked_requirements).toEqual([...CHECKED_REQUIREMENTS]);
    for (const v of manifest.violations) expect(CHECKED_REQUIREMENTS as readonly string[]).toContain(v.requirement);
  });

  it('events: every teaching day has its first class per teaching building; every late readiness is listed', () => {
    const evs = ndjson(dirA, 'events.ndjson');
    const valid = recordValidator('events');
    for (const r of evs) expect(valid(r), JSON.stringify(r)).toBe(true);
    expect(evs.length).toBe(manifest.counts.events);
    const first = w.classPeriods[0]![0];
    const teachingDays = w.days.filter((d) => d.working && !d.holiday);
    const teaching = w.buildings.filter((b) => b.type === 'teaching');
    const classes = evs.filter((r) => r.kind === 'class');
    expect(classes.length).toBe(teachingDays.length * teaching.length);
    for (const r of classes) expect(String(r.starts_at).slice(11, 16)).toBe(`${String(Math.floor(first / 60)).padStart(2, '0')}:${String(first % 60).padStart(2, '0')}`);
    // Each provider's events are in its own buildings, and of the kinds it serves.
    for (const r of evs) expect(w.buildingById.get(String(r.building))?.provider, String(r.id)).toBe(r.provider);
    expect(new Set(evs.map((r) => `${r.provider} ${r.kind}`))).toEqual(new Set(['huayu-property class', 'huayu-property exam', 'xinyuan-service meeting', 'xinyuan-service campus-event', 'jiale-catering campus-event']));
    // Late by the clauses' leads (15 min for a class, 30 for the rest), judged independently of the engine.
    const minutes = (s: unknown): number => Date.parse(String(s)) / 60_000;
    const lead: Record<string, [string, number]> = { class: ['6.2.1.6-1', 15], exam: ['6.2.5.2', 30], meeting: ['6.2.4.2', 30], 'campus-event': ['6.1.5.2', 30] };
    const late = new Set<string>();
    for (const r of evs) {
      const [req, min] = lead[String(r.kind)]!;
      if (r.ready_at === undefined || minutes(r.starts_at) - minutes(r.ready_at) < min) late.add(key(req, String(r.id)));
    }
    expect(late.size).toBeGreaterThanOrEqual(2);
    expect(late).toEqual(manifestRecords('events'));
  });

  it("the supervisors' rounds: planned rows, in working hours within the round's dates, most passed, every failure listed, the missed round absent", () => {
    const tree = loadTree(findYamlFiles([join(ROOT, 'standards')]), ROOT);
    // What the term's files hold: the phone exports and the paper rounds (typed-in NDJSON, or the workbook's fills).
    const insp: Rec[] = [];
    for (const f of rounds(dirA)) {
      if (f.endsWith('.ndjson')) insp.push(...ndjson(dirA, f).map((r) => ({ ...r, file: f })));
      else {
        // A workbook holds the paper rounds of its month and provider: their fills, as the generator wrote them.
        const period = f.slice('inspections/'.length, 'inspections/'.length + 7);
        const providerOf = new Map(planInspections([tree], { period }).rounds.map((r) => [r.id, r.provider.id]));
        for (const [id, fill] of sampleInspectionFills([tree], period)) {
          const [round, place, ...req] = id.split(':');
          const provider = providerOf.get(round!);
          if (f === `inspections/${period}-${provider}.xlsx`) insp.push({ id, round, place, requirement: req.join(':'), provider, ...fill, file: f });
        }
      }
    }
    expect(insp.length).toBe(manifest.counts['inspection-results']);
    expect(new Set(insp.map((r) => r.id)).size).toBe(insp.length);
    const valid = recordValidator('inspection-results');
    const roundOf = new Map<string, ReturnType<typeof findRound>>();
    const months = new Set<string>();
    for (const r of insp) {
      const { file, ...rec } = r;
      if (String(file).endsWith('.ndjson')) expect(valid(rec), `${String(file)} ${JSON.stringify(rec)}: ${JSON.stringify(valid.errors)}`).toBe(true);
      // A phone export holds its own round only; a row is a planned row of its round (id, place, requirement).
      if (/-(main|east)\.ndjson$/.test(String(file))) expect(file).toBe(`inspections/${String(r.round)}.ndjson`);
      if (!roundOf.has(String(r.round))) for (const x of planInspections([tree], { period: String(r.round).slice(0, 7) }).rounds) roundOf.set(x.id, x);
      const round = roundOf.get(String(r.round));
      expect(round, String(r.id)).toBeDefined();
      const row = round!.rows.find((x) => x.id === r.id)!;
      expect(row, String(r.id)).toBeDefined();
      expect([r.place, r.requirement, r.provider]).toEqual([row.place.id, row.requirement, round!.provider.id]);
      // On a working day of the round's dates, within working hours; by the office's supervisors, with the company's person.
      const t = min(r.inspected_at);
      expect(working(t), `${String(r.id)} ${String(r.inspected_at)}`).toBe(true);
      expect(String(r.inspected_at).slice(0, 10) >= round!.start && String(r.inspected_at).slice(0, 10) <= round!.end, String(r.id)).toBe(true);
      for (const name of String(r.inspector).split('、')) expect(INSPECTORS as readonly string[]).toContain(name);
      expect(r.accompanied_by).toBe(ACCOMPANYING[round!.provider.id]![round!.campus.id]);
      if (r.building) expect(w.buildingById.get(String(r.building))?.provider, String(r.id)).toBe(r.provider);
      months.add(round!.period);
    }
    expect([...months].sort()).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
    // Most rows pass; a few fail, each with the supervisor's note and photo numbers, each listed in the manifest.
    const failed = insp.filter((r) => r.result === 'failed');
    const na = insp.filter((r) => r.result === 'not-applicable');
    expect(failed.length).toBeGreaterThanOrEqual(10);
    expect(failed.length / insp.length).toBeLessThan(0.05);
    expect(na.length / insp.length).toBeLessThan(0.1);
    expect(insp.filter((r) => r.result === 'passed').length / insp.length).toBeGreaterThan(0.85);
    for (const r of failed) expect([typeof r.notes, typeof r.photos], String(r.id)).toEqual(['string', 'string']);
    expect(new Set(failed.map((r) => key(String(r.requirement), String(r.id))))).toEqual(manifestRecords('inspection-results'));
    // The missed round: no file, no row, listed with why.
    for (const m of MISSED_ROUNDS) {
      const id = `${m.period}-${m.provider}-${m.campus}`;
      expect(insp.some((r) => r.round === id)).toBe(false);
      expect(rounds(dirA)).not.toContain(`inspections/${id}.ndjson`);
      expect(manifest.inspections!.missed.map((x) => x.round)).toContain(id);
    }
    expect(manifest.inspections!.unvisited.length).toBeGreaterThan(0);
  });

  it("the office's checks: every document gap listed", () => {
    const docs = ndjson(dirA, 'documents.ndjson');
    const gaps = manifest.violations.filter((v) => v.record_kind === 'documents');
    expect(gaps.map((v) => v.kind).sort()).toEqual(['document-missing', 'not-approved']);
    const missing = gaps.find((v) => v.kind === 'document-missing')!;
    expect(docs.some((d) => d.provider === missing.cell!.provider && d.item === missing.cell!.item)).toBe(false);
    // The other 13 emergency plans of 8.2 are there for that provider.
    expect(docs.filter((d) => d.provider === missing.cell!.provider && d.requirement === '8.2').length).toBe(13);
    expect(docs.filter((d) => d.approved === false).map((d) => String(d.id))).toEqual(gaps.find((v) => v.kind === 'not-approved')!.records);
  });

  it('work orders: every late, open or impossible case is injected and listed', () => {
    const found = new Set<string>();
    const impossible: string[] = [];
    const recs = ndjson(dirA, 'work-orders.ndjson');
    const byId = new Map(recs.map((r) => [String(r.id), r]));
    for (const r of recs) {
      const id = String(r.id);
      const rep = min(r.reported_at);
      const arr = r.arrived_at === undefined ? undefined : min(r.arrived_at);
      const done = r.completed_at === undefined ? undefined : min(r.completed_at);
      if ((arr !== undefined && arr < rep) || (done !== undefined && arr !== undefined && done < arr)) {
        impossible.push(id);
        continue;
      }
      if (r.exclusion !== undefined) continue;
      const cat = String(r.category);
      const pri = String(r.priority);
      const late = (stop: number | undefined, limit: number): boolean => (stop ?? asOf) - rep > limit;
      // 4.3-1: the first matching limit applies; the contract's stricter 45 min is met too.
      const limit = cat === 'elevator' && pri === 'accident' ? 10 : ['water', 'electric', 'power'].includes(cat) && pri !== 'normal' ? 15 : working(rep) ? 60 : 120;
      if (late(arr, limit)) found.add(key('4.3-1', id));
      else if (limit === 60 && r.provider === 'huayu-property') expect(late(arr, 45), `${id} contract 45 min`).toBe(false);
      if (cat === 'elevator' && pri !== 'accident' && late(arr, 30)) found.add(key('5.1.2.11-4', id));
      if (r.during_class === true && late(arr, 3)) found.add(key('6.2.1.6-3', id));
      if (cat === 'lighting' && late(done, 120)) found.add(key('5.1.2.7-3', id));
      if (cat === 'power' && late(done, 720)) found.add(key('5.1.2.7-3', id));
      // Everything is closed by export time except the injected open cases.
      if (done === undefined) expect(manifest.violations.some((v) => v.kind === 'open-past-limit' && v.records?.includes(id)), id).toBe(true);
    }
    expect([...found].sort()).toEqual([...manifestRecords('work-orders')].sort());
    expect(impossible).toEqual(manifest.defects.filter((d) => d.kind === 'impossible-time' && d.file === 'work-orders.ndjson').flatMap((d) => d.records ?? []));
    // Excluded items: the records exist, carry their exclusion and would otherwise break a limit (or have no arrival).
    for (const e of manifest.excluded) {
      const r = byId.get(e.records[0]!)!;
      expect(r.exclusion).toBe(e.exclusion);
      for (const rel of e.related ?? []) expect(byId.get(rel)!.location).toBe(r.location);
    }
  });

  it('complaints: every answer later than 24 h (or missing by export time) is listed', () => {
    const found = new Set<string>();
    for (const r of ndjson(dirA, 'complaints.ndjson')) {
      if (r.exclusion !== undefined) continue;
      const stop = r.replied_at === undefined ? asOf : min(r.replied_at);
      if (stop - min(r.received_at) > 24 * 60) found.add(key('4.3-2', String(r.id)));
    }
    expect([...found].sort()).toEqual([...manifestRecords('complaints', '4.3-2')].sort());
  });

  it('office: matters late by the service guide’s clock, and service-error shares, are exactly the listed ones', () => {
    // 三、(二)2.(1): 08:30–17:30 on working days; a matter received outside them starts at the next 08:30.
    const openAt = 8 * 60 + 30;
    const closeAt = 17 * 60 + 30;
    const workingDay = (d: number): boolean => {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(d * 86_400_000).getUTCDay() % 6 !== 0;
      return !closures.has(date) && (date in holidayTable.workdays || (weekday && !(date in holidayTable.holidays)));
    };
    const clock = (t: number): number => {
      let d = Math.floor(t / 1440);
      const mod = t - d * 1440;
      if (workingDay(d) && mod >= openAt && mod < closeAt) return t;
      if (!(workingDay(d) && mod < openAt)) do d++; while (!workingDay(d));
      return d * 1440 + openAt;
    };
    const late = new Set<string>();
    for (const r of ndjson(dirA, 'office/consultations.ndjson')) {
      const start = clock(min(r.received_at));
      // Ordinary matters: 24 hours; major matters: 3 days (never late in the sample, checked loosely here).
      const limit = r.complexity === 'major' ? 3 * 1440 : 24 * 60;
      if (min(r.replied_at) - start > limit) late.add(key('office-service-guide:matter-time-limits', String(r.id)));
    }
    expect([...late].sort()).toEqual([...manifestRecords('consultations', 'office-service-guide:matter-time-limits')].sort());
    // Service errors: below 5 % in every month but the one listed.
    const byMonth = new Map<string, { n: number; errors: string[] }>();
    for (const r of ndjson(dirA, 'office/complaints.ndjson')) {
      const m = String(r.received_at).slice(0, 7);
      const g = byMonth.get(m) ?? { n: 0, errors: [] };
      g.n++;
      if (r.cause === 'service-error') g.errors.push(key('office-service-guide:error-rate', String(r.id)));
      byMonth.set(m, g);
    }
    const over = [...byMonth.values()].filter((g) => g.errors.length / g.n >= 0.05).flatMap((g) => g.errors);
    expect(over.sort()).toEqual([...manifestRecords('complaints', 'office-service-guide:error-rate')].sort());
  });

  it('frequency grids: every short cell of 5.2.4.3, 5.1.2.7-2-b and 5.2.4.4 is listed', () => {
    const acts = ndjson(dirA, 'activities.ndjson');
    const counts = new Map<string, number>();
    const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const a of acts) {
      const t = min(a.performed_at);
      const date = String(a.performed_at).slice(0, 10);
      const mod = ((t % 1440) + 1440) % 1440;
      if (a.activity === 'fire-patrol') bump(`fire-patrol|${String(a.campus)}|${date}`);
      if (a.activity === 'power-room-inspection') bump(`power-room-inspection|${String(a.area)}|${date}`);
      if (a.activity === 'fire-inspection') bump(`fire-inspection|${String(a.campus)}|${date.slice(0, 7)}`);
      if (a.activity === 'dorm-night-fire-patrol') {
        // A night belongs to the date it starts on (22:00–06:00).
        expect(mod >= 22 * 60 || mod < 6 * 60, String(a.id)).toBe(true);
        const night = mod < 6 * 60 ? new Date((Math.floor(t / 1440) - 1) * 86_400_000).toISOString().slice(0, 10) : date;
        bump(`dorm-night-fire-patrol|${String(a.building)}|${night}`);
      }
    }
    const short = new Set<string>();
    const need = (k: string, n: number): void => void ((counts.get(k) ?? 0) < n && short.add(`${k}|${counts.get(k) ?? 0}`));
    for (const d of w.days) {
      for (const c of w.register.campuses) need(`fire-patrol|${c.id}|${d.date}`, 1);
      for (const b of w.buildings.filter((x) => x.type === 'dormitory')) need(`dorm-night-fire-patrol|${b.id}|${d.date}`, 2);
      for (const p of w.places.filter((x) => x.scope === 'power-room')) need(`power-room-inspection|${p.id}|${d.date}`, 2);
    }
    for (const m of new Set(w.days.map((d) => d.month))) for (const c of w.register.campuses) need(`fire-inspection|${c.id}|${m}`, 1);
    const listed = new Set(
      manifest.violations
        .filter((v) => v.record_kind === 'activities')
        .map((v) => {
          const c = v.cell!;
          return `${c.activity}|${c.building ?? c.area ?? c.campus}|${c.night ?? c.date ?? c.month}|${String(v.actual)}`;
        }),
    );
    expect([...short].sort()).toEqual([...listed].sort());
  });

  it('rates: street lights, monitoring, equipment, room temperature and misshelving fail only where listed', () => {
    const limits: Record<string, [string, number]> = { 'street-lights': ['5.1.2.6-2', 0.95], monitoring: ['5.2.3.2-a', 0.97], 'classroom-equipment': ['6.2.1.2-b', 1], 'equipment-in-use': ['5.1.2.3-c', 1] };
    const failing: string[] = [];
    for (const e of ndjson(dirA, 'equipment-counts.ndjson')) {
      const l = limits[String(e.kind)];
      if (l && Number(e.intact) / Number(e.total) < l[1]) failing.push(`${l[0]}|${String(e.campus)}|${String(e.date).slice(0, 7)}`);
    }
    const listed = manifest.violations.filter((v) => v.record_kind === 'equipment-counts').map((v) => `${v.requirement}|${v.cell!.campus}|${v.cell!.month}`);
    expect(failing.sort()).toEqual(listed.sort());

    const ms = ndjson(dirA, 'measurements.ndjson');
    const temps = ms.filter((m) => m.kind === 'room-temperature');
    const cold = temps.filter((m) => Number(m.value) < 18).map((m) => String(m.id));
    const tv = manifest.violations.find((v) => v.requirement === '5.1.2.10-5')!;
    expect(cold).toEqual(tv.records);
    const stations = new Map<string, [number, number]>();
    for (const m of temps) {
      const s = stations.get(String(m.station)) ?? [0, 0];
      stations.set(String(m.station), [s[0] + (Number(m.value) >= 18 ? 1 : 0), s[1] + 1]);
    }
    for (const [station, [ok, all]] of stations) expect(ok / all >= 0.97, station).toBe(station !== tv.cell!.station);

    const groups = new Map<string, [number, number, string[]]>();
    for (const m of ms.filter((x) => x.kind === 'shelf-audit')) {
      const k = `${String(m.building)}|${String(m.measured_at).slice(0, 7)}`;
      const g = groups.get(k) ?? [0, 0, []];
      groups.set(k, [g[0] + Number(m.misplaced), g[1] + Number(m.sampled), [...g[2], String(m.id)]]);
      expect(Number(m.sampled)).toBeGreaterThanOrEqual(200);
    }
    const sv = manifest.violations.find((v) => v.requirement === '6.2.2.4-4')!;
    for (const [k, [bad, all, ids]] of groups) {
      const fails = bad / all >= 0.005;
      expect(fails, k).toBe(k === `${sv.cell!.building}|${sv.cell!.month}`);
      if (fails) expect(ids).toEqual(sv.records);
    }
    // The failing library also fails over the whole term.
    let bad = 0;
    let all = 0;
    for (const [k, [b, s]] of groups) if (k.startsWith(`${sv.cell!.building}|`)) [bad, all] = [bad + b, all + s];
    expect(bad / all).toBeGreaterThan(0.005);
  });

  it('defects point at the rows that carry them', () => {
    for (const d of manifest.defects) {
      if (d.file.endsWith('.xlsx')) continue; // checked with the XLSX layout above
      const raw = readFileSync(join(dirA, d.file));
      const text = d.file.startsWith('exports/') ? new TextDecoder('gb18030').decode(raw) : raw.toString('utf8');
      const line = text.split(/\r?\n/)[d.line! - 1]!;
      expect(line, `${d.key}`).toBeDefined();
      if (d.value) expect(line, d.key).toContain(d.value);
      for (const id of d.records ?? []) expect(line, d.key).toContain(id);
    }
    // Defect rows are never in the canonical files (apart from the impossible time, which is valid JSON).
    const ids = new Set(ndjson(dirA, 'work-orders.ndjson').map((r) => String(r.id)));
    for (const d of manifest.defects) if (d.kind !== 'duplicate-id' && d.kind !== 'impossible-time') for (const id of d.records ?? []) expect(ids.has(id), d.key).toBe(false);
  });
});

describe('CLI', () => {
  const script = join(ROOT, 'scripts', 'generate-sample.ts');

  it('writes a sample with the requested size elsewhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-sample-cli-'));
    try {
      const r = spawnSync(process.execPath, [script, '--out', dir, '--work-orders', '400', '--seed', '11', '--no-exports'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('work-orders.ndjson');
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(m.counts['work-orders']).toBe(400);
      expect(m.seed).toBe(11);
      // The injected violations are the same whatever the seed; inspection failures are drawn per round by it.
      const injected = (x: Manifest): number => x.violations.filter((v) => v.kind !== 'inspection-failed').length;
      expect(injected(m)).toBe(injected(manifest));
      expect(m.violations.some((v) => v.kind === 'inspection-failed')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes whatever the machine time zone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-sample-tz-'));
    try {
      const r = spawnSync(process.execPath, [script, '--out', dir], { encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } });
      expect(r.status, r.stderr).toBe(0);
      for (const f of outputs()) expect(sha(join(dir, f)), f).toBe(sha(join(dirA, f)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite the committed sample with other options, and rejects bad numbers', () => {
    const r = spawnSync(process.execPath, [script, '--scale', '3'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out');
    expect(spawnSync(process.execPath, [script, '--out', tmpdir(), '--scale', 'x'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(process.execPath, [script, '--bogus'], { encoding: 'utf8' }).status).toBe(2);
  });
});
