// The columnar fast path against json-rules-engine, record by record: thousands of generated cases
// (boundary times, holidays, make-up days, a year without a holiday notice, open and impossible cases,
// exclusions, class time) are stored, judged by judgeRows() over the projection, and judged again with
// json-rules-engine run once per record on the same compiled rules. Every outcome and limit must agree.
// Also: the projection holds exactly what the records table holds, through replacements.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../engine/calendar/calendar.ts';
import { submit } from '../engine/data/submit.ts';
import { EVENT_FIELD, PROJECTED_FIELDS, TIME_FIELDS } from '../engine/data/records.ts';
import { CaseChunk, judgeRows, OUTCOME_NAMES } from '../engine/evaluate/columnar.ts';
import { compileTimeliness, paramSet, type CompiledTimeliness } from '../engine/evaluate/compile.ts';
import { resolveProfile } from '../engine/model/resolve.ts';
import type { RecordKind } from '../engine/model/vocabulary.ts';
import { readColumns, rebuildAllColumns, timeParser } from '../engine/store/columns.ts';
import { openStore } from '../engine/store/store.ts';
import { buildIndex, valueAt } from '../engine/validate/checks.ts';
import { validate } from '../engine/validate/run.ts';
import { dateOf, dayNumber } from '../engine/calendar/calendar.ts';
import { ROOT, submitOptions } from './helpers.ts';

const tree = validate({ paths: [join(ROOT, 'standards')], cwd: ROOT }).set;
const reg = tree.registers[0]!.value;
const cal = createCalendar(tree.calendars[0]!.value);
const idx = buildIndex([tree]);

/** Deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
function local(ms: number): string {
  return cal.format(ms);
}

/** Random but boundary-heavy cases of one kind. */
function generate(kind: RecordKind, n: number, rnd: () => number): Record<string, unknown>[] {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Days: workdays, weekends, the Spring Festival and National Day holidays, make-up Saturdays, and
  // January 2027, whose holiday notice is not in the data (the working-hours answer is unknown).
  const days = ['2026-02-11', '2026-02-14', '2026-02-17', '2026-02-28', '2026-03-06', '2026-04-04', '2026-04-07', '2026-05-01', '2026-05-09', '2026-06-19', '2026-09-20', '2026-10-01', '2026-10-10', '2026-11-20', '2027-01-05'];
  const times = ['07:59:59', '08:00:00', '08:00:01', '10:05:00', '12:00:00', '14:30:00', '17:29:00', '17:30:00', '17:31:00', '21:59:59', '22:00:00', '02:00:00'];
  // Offsets in seconds around every limit the rules use (3, 10, 15, 30, 60 min, 2 h, 24 h, days), open and negative.
  const offsets = [-60, 0, 179, 180, 181, 599, 600, 601, 899, 900, 901, 1799, 1800, 1801, 3599, 3600, 3601, 7200, 7201, 86399, 86400, 86401, 3 * 86400, 5 * 86400, 9 * 86400, 16 * 86400];
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const start = cal.parse(`${pick(days)}T${rnd() < 0.7 ? pick(times) : `${pad(Math.floor(rnd() * 24))}:${pad(Math.floor(rnd() * 60))}:00`}`).getTime();
    const at = (p: number): string | undefined => (rnd() < p ? undefined : local(start + pick(offsets) * 1000));
    const building = rnd() < 0.8 ? pick(reg.buildings) : undefined;
    const provider = building && rnd() < 0.8 ? building.provider : pick(reg.providers).id;
    const exclusion = rnd() < 0.08 ? pick(['duplicate', 'appointment', 'out-of-scope', 'approved-extension', 'cancelled']) : rnd() < 0.1 ? '' : undefined;
    if (kind === 'work-orders') {
      out.push({
        id: `WO${i}`,
        provider,
        campus: building?.campus ?? reg.campuses[0]!.id,
        ...(building ? { building: building.id } : {}),
        category: pick(['general', 'water', 'electric', 'elevator', 'lighting', 'power', 'multimedia', 'hvac', 'heating', 'gas', 'other']),
        ...(rnd() < 0.4 ? { subcategory: pick(['lamp', 'switch', 'socket', 'line', 'supply-equipment', 'teaching-equipment', 'other']) } : {}),
        priority: pick(['normal', 'normal', 'urgent', 'accident']),
        ...(rnd() < 0.3 ? { complexity: pick(['simple', 'complex', 'major']) } : {}),
        reported_at: local(start),
        ...Object.fromEntries((['dispatched_at', 'responded_at', 'arrived_at', 'completed_at'] as const).map((f) => [f, at(0.2)]).filter(([, v]) => v)),
        ...(rnd() < 0.3 ? { during_class: rnd() < 0.5 } : {}),
        ...(exclusion !== undefined ? { exclusion } : {}),
      });
    } else {
      out.push({
        id: `${kind === 'complaints' ? 'C' : 'Q'}${i}`,
        provider,
        received_at: local(start),
        ...Object.fromEntries((kind === 'complaints' ? ['registered_at', 'dispatched_at', 'acknowledged_at', 'replied_at', 'resolved_at'] : ['replied_at']).map((f) => [f, at(0.2)]).filter(([, v]) => v)),
        ...(rnd() < 0.5 ? { complexity: pick(['simple', 'complex', 'major']) } : {}),
        ...(exclusion !== undefined ? { exclusion } : {}),
      });
    }
  }
  return out;
}

const engines = new WeakMap<CompiledTimeliness, Engine>();

/** json-rules-engine as the judge: one run() per record with the rules of the version in force. */
async function reference(c: CompiledTimeliness, rec: Record<string, unknown>, field: string, asOf: number): Promise<{ outcome: string; limit?: string }> {
  const startMs = Date.parse(rec[field] as string);
  const wh = cal.isWithinWorkingHours(startMs);
  const dc = cal.isDuringClass(startMs);
  const building = reg.buildings.find((b) => b.id === rec.building);
  const fact: Record<string, unknown> = { ...rec, building_type: building?.type };
  if (c.readsWorkingHours) fact.working_hours = wh.value;
  // The registered timetable decides; the provider's flag only where none is registered.
  const timetable = (cal.school.class_periods?.length ?? 0) > 0;
  if (c.readsDuringClass) fact.during_class = timetable || typeof rec.during_class !== 'boolean' ? dc.value : rec.during_class;
  const deadline: Record<string, number> = {};
  const unknownDeadline = new Set<string>();
  // Service hours (clock.within): the clock starts at receipt inside them on a working day, else at the
  // next opening — written out here from the calendar's day facts, independently of engine/evaluate/clock.ts.
  const clockOf = new Map<string, number>();
  for (const l of c.limits) {
    let t0 = startMs;
    if (l.clock) {
      const date = cal.localDate(startMs);
      const minute = (startMs - cal.parse(`${date}T00:00`).getTime()) / 60_000;
      let day = dayNumber(date);
      let info = cal.dayInfo(date);
      let known = info.known;
      if (known && !(info.working && minute >= l.clock.start && minute < l.clock.end)) {
        if (!(info.working && minute < l.clock.start)) {
          do {
            info = cal.dayInfo(dateOf(++day));
            known = info.known;
          } while (known && !info.working);
        }
        t0 = cal.parse(`${dateOf(day)}T${String(Math.floor(l.clock.start / 60)).padStart(2, '0')}:${String(l.clock.start % 60).padStart(2, '0')}`).getTime();
      }
      if (!known) {
        unknownDeadline.add(l.id);
        continue;
      }
    }
    clockOf.set(l.id, t0);
    if (l.unit === 'duration') deadline[l.id] = t0 + l.amount * 1000;
    else {
      const d = l.unit === 'working-days' ? cal.addWorkingDays(t0, l.amount) : cal.addDays(t0, l.amount);
      if (d.known) deadline[l.id] = d.deadline.getTime();
      else unknownDeadline.add(l.id);
    }
  }
  let engine = engines.get(c);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    for (const l of c.limits) {
      engine.addRule({ ...l.applies, conditions: l.applies.conditions as never });
      engine.addRule({ ...l.met, conditions: l.met.conditions as never });
    }
    engines.set(c, engine);
  }
  // Every fired rule in one run: which limits apply, and which are met, given the stop time each reads.
  const fired = new Set<string>();
  // The clock stops at the stop field, or later where a stop_not_before event is recorded later (4.3-2).
  const stopOf = (l: CompiledTimeliness['limits'][number]): number => {
    if (typeof rec[l.stop] !== 'string') return Number.NaN;
    let t = Date.parse(rec[l.stop] as string);
    for (const f of l.stopNotBefore) if (typeof rec[f] === 'string') t = Math.max(t, Date.parse(rec[f] as string));
    return t;
  };
  for (const l of c.limits) {
    const stop = stopOf(l);
    const t0 = clockOf.get(l.id) ?? startMs;
    const elapsed = (l.clock ? Math.max(0, stop - t0) : stop - startMs) / 1000;
    const facts = { case: { ...fact, start_ms: startMs, ...(stop === stop ? { stop_ms: stop, elapsed_seconds: elapsed } : { open: true }) }, deadline };
    const { events } = await engine.run(facts);
    for (const e of events) if ((e.params as { limit: string }).limit === l.id) fired.add(`${e.type}|${l.id}`);
  }
  const lim = (() => {
    for (const l of c.limits) {
      if (!wh.known && c.readsWorkingHours && l.readsWorkingHours) return 'unknown';
      if (fired.has(`applies|${l.id}`)) return l;
    }
    return undefined;
  })();
  if (lim === 'unknown') return { outcome: 'calendar-unknown' };
  // A flag that contradicts the timetable and changes the limit is a data finding.
  if (c.readsDuringClass && timetable && typeof rec.during_class === 'boolean' && rec.during_class !== fact.during_class) {
    const { events } = await engine.run({ case: { ...fact, during_class: rec.during_class }, deadline });
    const applies = new Set(events.filter((e) => e.type === 'applies').map((e) => (e.params as { limit: string }).limit));
    let byFlag: (typeof c.limits)[number] | 'unknown' | undefined;
    for (const l of c.limits) {
      if (!wh.known && c.readsWorkingHours && l.readsWorkingHours) {
        byFlag = 'unknown';
        break;
      }
      if (applies.has(l.id)) {
        byFlag = l;
        break;
      }
    }
    if (byFlag !== 'unknown' && byFlag !== lim) {
      const limit = (lim ?? byFlag)!.id;
      return { outcome: rec.exclusion ? 'excluded' : 'class-flag-mismatch', limit };
    }
  }
  if (!lim) return { outcome: 'none' };
  if (rec.exclusion) return { outcome: 'excluded', limit: lim.id };
  if (unknownDeadline.has(lim.id)) return { outcome: 'calendar-unknown', limit: lim.id };
  const stop = stopOf(lim);
  if (stop !== stop) return { outcome: asOf > deadline[lim.id]! ? 'open-breached' : 'open-pending', limit: lim.id };
  if (stop < startMs) return { outcome: 'impossible-time', limit: lim.id };
  return { outcome: fired.has(`met|${lim.id}`) ? 'met' : 'missed', limit: lim.id };
}

describe('the columnar fast path decides every generated case as json-rules-engine does', () => {
  const counts: Record<RecordKind, number> = { 'work-orders': 2000, complaints: 900, consultations: 300 } as Record<RecordKind, number>;
  for (const kind of Object.keys(counts) as RecordKind[]) {
    it(`${counts[kind]} ${kind}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'charter-fast-'));
      const store = openStore(join(dir, 'db.sqlite'));
      const recs = generate(kind, counts[kind], prng(20261121 + counts[kind]));
      const file = join(dir, `${kind}.ndjson`);
      writeFileSync(file, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const r = await submit(submitOptions(tree, store, dir, file, kind));
      expect(r.problems).toEqual([]);
      expect(r.accepted).toBe(recs.length);
      const byId = new Map(recs.map((x) => [String(x.id), x]));
      const field = EVENT_FIELD[kind];
      const asOf = cal.parse('2026-12-15T00:00').getTime();
      const chunks = readColumns(store.db, kind, '0000-00', '9999-99').map((col) => new CaseChunk(col, cal, field));
      const seen = new Map<string, number>();
      let compared = 0;
      const judged = new Set<string>();
      for (const profile of ['gaoxiao-wuye', ...tree.profiles.map((p) => p.value.id)]) {
        for (const rr of resolveProfile(profile, idx)) {
          const req = rr.requirement;
          if (req.type !== 'timeliness' || req.timeliness!.subject !== kind || req.status === 'withdrawn' || req.status === 'superseded') continue;
          const params = paramSet(rr.parameters);
          // Profiles that leave a requirement as the standard has it compile to the same rules: judge those once.
          const names = ['2026-01-01', '2026-06-01', '2027-01-01'].flatMap((d) => compileTimeliness(req, params, d).limits.map((l) => l.met.name)).join(',');
          if (judged.has(names)) continue;
          judged.add(names);
          const versions = new Map<string, CompiledTimeliness>();
          const compiledFor = (day: number): CompiledTimeliness => {
            const date = dateOf(day);
            const key = req.timeliness!.limits.map((l) => valueAt(params.values.get(l.limit.param) ?? [], date)?.from).join('|');
            let c = versions.get(key);
            if (!c) versions.set(key, (c = compileTimeliness(req, params, date)));
            return c;
          };
          for (const prov of reg.providers) {
            const fast = new Map<string, { outcome: string; limit?: string; c: CompiledTimeliness }>();
            for (const ch of chunks) {
              judgeRows(ch, ch.rowsOf(prov.id), compiledFor, { cal, buildingType: new Map(reg.buildings.map((b) => [b.id, b.type])), asOf }, (i, c, j) => {
                const lim = j.limit >= 0 ? c.limits[j.limit]!.id : undefined;
                fast.set(ch.col.keys()[i]!, { outcome: OUTCOME_NAMES[j.outcome]!, ...(lim ? { limit: lim } : {}), c });
              });
            }
            for (const rec of recs.filter((x) => x.provider === prov.id)) {
              const got = fast.get(String(rec.id));
              const c = got?.c ?? compiledFor(Math.floor((Date.parse(rec[field] as string) + 8 * 3600_000) / 86_400_000));
              const want = await reference(c, rec, field, asOf);
              const mine = got ? { outcome: got.outcome, ...(got.limit ? { limit: got.limit } : {}) } : { outcome: 'none' };
              if (JSON.stringify(mine) !== JSON.stringify(want)) {
                expect({ requirement: req.id, profile, record: rec, outcome: mine }).toEqual({ requirement: req.id, profile, record: rec, outcome: want });
              }
              seen.set(want.outcome, (seen.get(want.outcome) ?? 0) + 1);
              compared++;
            }
          }
        }
      }
      // The generator must actually reach the interesting outcomes, or the comparison proves little.
      expect(compared).toBeGreaterThanOrEqual(counts[kind]);
      for (const o of ['met', 'missed', 'open-breached', 'impossible-time', 'excluded', ...(kind === 'work-orders' ? ['calendar-unknown', 'none'] : [])]) expect(seen.get(o) ?? 0, o).toBeGreaterThan(0);
      expect(byId.size).toBe(recs.length);
      store.close();
    }, 120_000);
  }
});

describe('the columnar projection', () => {
  it('holds exactly what the records table holds, through a replacement that moves a record to another month', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-cols-'));
    const store = openStore(join(dir, 'db.sqlite'));
    const rnd = prng(7);
    const recs = generate('work-orders', 300, rnd);
    const first = join(dir, 'a.ndjson');
    writeFileSync(first, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect((await submit(submitOptions(tree, store, dir, first, 'work-orders'))).status).toBe('stored');
    // Resubmit one record moved from its month to another, and one changed in place.
    const moved = { ...recs[0]!, reported_at: '2026-11-30T09:00:00+08:00', arrived_at: '2026-11-30T09:10:00+08:00' };
    delete (moved as Record<string, unknown>).completed_at;
    delete (moved as Record<string, unknown>).dispatched_at;
    delete (moved as Record<string, unknown>).responded_at;
    const changed = { ...recs[1]!, category: 'water' };
    const second = join(dir, 'b.ndjson');
    writeFileSync(second, [moved, changed].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r2 = await submit(submitOptions(tree, store, dir, second, 'work-orders'));
    expect(r2.replaced).toBe(2);

    const rows = store.db.prepare("SELECT record_key, data FROM records WHERE kind = 'work-orders' ORDER BY record_key").all() as { record_key: string; data: string }[];
    const fromTable = new Map(rows.map((r) => [r.record_key, JSON.parse(r.data) as Record<string, unknown>]));
    const fromColumns = new Map<string, Record<string, unknown>>();
    for (const col of readColumns(store.db, 'work-orders', '0000-00', '9999-99', true)) {
      const keys = col.keys();
      expect([...keys].sort()).toEqual(keys); // key order, as evaluation reports evidence
      for (let i = 0; i < col.rows; i++) {
        const rec: Record<string, unknown> = {};
        for (const f of PROJECTED_FIELDS['work-orders']) {
          if (col.isTime(f)) {
            const ms = col.time(f)[i]!;
            if (ms === ms) rec[f] = ms;
          } else {
            const v = col.value(f, i);
            if (v !== undefined) rec[f] = v;
          }
        }
        expect(col.month).toBe(String(fromTable.get(keys[i]!)!.reported_at).slice(0, 7));
        fromColumns.set(keys[i]!, rec);
      }
    }
    expect(fromColumns.size).toBe(fromTable.size);
    // What the submissions built incrementally is byte for byte what a rebuild from the table gives.
    const parts = () => store.db.prepare('SELECT kind, month, part, hex(data) AS h FROM record_columns ORDER BY 1, 2, 3').all();
    const before = parts();
    store.db.exec('BEGIN');
    rebuildAllColumns(store.db);
    store.db.exec('COMMIT');
    expect(parts()).toEqual(before);
    for (const [key, rec] of fromTable) {
      const expected = Object.fromEntries(Object.entries(rec).filter(([f]) => PROJECTED_FIELDS['work-orders'].includes(f)).map(([f, v]) => [f, TIME_FIELDS['work-orders'].includes(f) ? Date.parse(v as string) : v]));
      expect(fromColumns.get(key)).toEqual(expected);
    }
    store.close();
  });

  it('parses canonical times exactly as Date.parse does', () => {
    const parse = timeParser();
    const rnd = prng(11);
    for (let i = 0; i < 5000; i++) {
      const ms = Date.UTC(2000 + Math.floor(rnd() * 40), 0, 1) + Math.floor(rnd() * 366 * 86400) * 1000;
      const off = ['+08:00', '+00:00', '-05:00', '+05:45'][i % 4]!;
      const text = new Date(ms).toISOString().slice(0, 19) + off;
      expect(parse(text)).toBe(Date.parse(text));
    }
    for (const odd of ['2026-04-01T08:00+08:00', '2026-04-01T08:00:00.250+08:00', '2026-04-01T08:00:00Z', '2026-04-01T24:00:00+08:00']) expect(parse(odd)).toBe(Date.parse(odd));
  });

  it('a store made before the projection existed gets it when opened', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const { MIGRATIONS } = await import('../engine/store/store.ts');
    const dir = mkdtempSync(join(tmpdir(), 'charter-mig-'));
    const path = join(dir, 'old.sqlite');
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0]!.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('v1', '2026-01-01');
    db.prepare("INSERT INTO submissions (id, submitted_at, file_name, file_sha256, format, kind, mode) VALUES (1, 'x', 'x', 'x', 'ndjson', 'work-orders', 'all-or-nothing')").run();
    const rec = { id: 'W1', provider: 'huayu-property', campus: 'main', category: 'water', priority: 'normal', reported_at: '2026-04-01T09:00:00+08:00' };
    db.prepare("INSERT INTO records (kind, record_key, provider, campus, event_at, data, submission_id) VALUES ('work-orders', 'W1', 'huayu-property', 'main', ?, ?, 1)").run(rec.reported_at, JSON.stringify(rec));
    db.close();
    const store = openStore(path);
    const cols = readColumns(store.db, 'work-orders', '2026-04', '2026-04');
    expect(cols.map((c) => [c.month, c.rows, c.keys()])).toEqual([['2026-04', 1, ['W1']]]);
    store.close();
  });
});

describe('the calendar’s allocation-free answers', () => {
  it('agree with isWithinWorkingHours, isDuringClass and nightOf at every quarter hour of 2025–2027', () => {
    const from = cal.parse('2025-01-01T00:00').getTime();
    const to = cal.parse('2028-01-01T00:00').getTime();
    for (let ms = from; ms < to; ms += 15 * 60_000 + 7_000) {
      const wh = cal.isWithinWorkingHours(ms);
      expect(cal.workingHoursState(ms)).toBe(wh.known ? (wh.value ? 1 : 0) : 2);
      expect(cal.duringClassValue(ms)).toBe(cal.isDuringClass(ms).value);
      const night = cal.nightOf(ms);
      const nd = cal.nightDay(ms);
      expect(night === undefined ? Number.isNaN(nd) : dateOf(nd) === night).toBe(true);
    }
  });
});
