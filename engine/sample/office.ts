// The logistics office's own service units in the sample university (register kind: office): the general
// office (综合办公室), governed by its service guide, and the logistics office (后勤管理处), whose 2025 service
// process it runs. Their service data is generated here — matters (consultations), complaints with their cause,
// repair requests, stock-takes and work-order samplings, and their supervision rounds — and written under
// office/. The base data keeps every number of the plans with a margin; what fails is injected and listed in
// the manifest: May's on-time rate below 85 % without an analysis, June's service errors above 5 %.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCalendar } from '../calendar/calendar.ts';
import type { RecordKind } from '../model/vocabulary.ts';
import { dateOf, dayNumber, hm, iso, Rng, type Manifest, type Minute, type World } from './generate.ts';
import { ndjson, type Json } from './ndjson.ts';

export const GENERAL_OFFICE = 'general-office';
export const LOGISTICS_OFFICE = 'logistics-office';

/** The office's files, relative to the sample folder, with their record kinds. */
export const OFFICE_FILES: readonly [string, RecordKind][] = [
  ['office/consultations.ndjson', 'consultations'],
  ['office/complaints.ndjson', 'complaints'],
  ['office/work-orders.ndjson', 'work-orders'],
  ['office/activities.ndjson', 'activities'],
  ['office/measurements.ndjson', 'measurements'],
];

/** Requirements whose office data the manifest accounts for (every violation there is injected). */
export const OFFICE_CHECKED = [
  'office-service-guide:matter-time-limits',
  'office-service-guide:on-time-target',
  'office-service-guide:on-time-analysis',
  'office-service-guide:error-rate',
] as const;

/** Month in which the general office's on-time rate falls below 85 % (and no analysis is filed). */
export const LATE_MATTERS_MONTH = '2026-05';
/** Month in which service errors exceed 5 % of the general office's complaints. */
export const ERROR_MONTH = '2026-06';


interface Day {
  date: string;
  day: number;
  dow: number;
  working: boolean;
  month: string;
}

/** Generate the office units' files under `out/office/` and add their counts and violations to the manifest. */
export function generateOffice(w: World, seed: number, out: string, manifest: Manifest): void {
  const unit = w.register.providers.find((p) => p.id === GENERAL_OFFICE);
  const from = unit?.service?.from ?? w.term.start;
  const to = unit?.service?.to ?? w.term.end;
  const days: Day[] = w.days.filter((d) => d.date >= from && d.date <= to);
  const open = hm('08:30');
  const close = hm('17:30');
  // Working days from the engine's calendar, beyond the term too (a reply may fall after it).
  const cal = createCalendar(w.calendar);
  const working = (d: number): boolean => w.dayByDate.get(dateOf(d))?.working ?? cal.dayInfo(dateOf(d)).working;
  /** The next opening at or after minute t (08:30 of a working day), as the guide's clock starts. */
  const nextOpening = (t: Minute): Minute => {
    let d = Math.floor(t / 1440);
    const mod = t - d * 1440;
    if (working(d) && mod < close) return mod < open ? d * 1440 + open : t;
    do d++;
    while (!working(d));
    return d * 1440 + open;
  };
  const files = new Map<string, string[]>(OFFICE_FILES.map(([f]) => [f, []]));
  const put = (file: string, kind: RecordKind, rec: Record<string, Json | undefined>): void => void files.get(file)!.push(ndjson(kind, rec));

  // --- matters (consultations) ----------------------------------------------------------------
  {
    const rng = new Rng(seed, 'office:matters');
    const matters: { id: string; received: Minute; replied: Minute; complexity: string; channel: string; month: string; late?: boolean }[] = [];
    let n = 0;
    for (const d of days) {
      const base = d.day * 1440;
      if (d.working) {
        for (let i = rng.int(2, 4); i > 0; i--) {
          const received = base + rng.int(open, close - 20);
          // Answered the same day, within 4 hours and before 17:30 or soon after: well inside 24 hours.
          const replied = received + rng.int(15, Math.max(15, Math.min(240, close - (received - base))));
          matters.push({ id: '', received, replied, complexity: 'simple', channel: rng.pick(['phone', 'online', 'in-person']), month: d.month });
        }
      }
      // Outside the service hours (evenings, weekends): recorded and handled from the next opening (三、(二)2.(1)).
      if (rng.chance(0.3)) {
        const received = base + (d.working ? rng.int(hm('18:00'), hm('22:00')) : rng.int(hm('09:00'), hm('20:00')));
        const replied = nextOpening(received) + rng.int(30, 180);
        matters.push({ id: '', received, replied, complexity: 'simple', channel: 'online', month: d.month });
      }
    }
    // One major matter a month, its solution within 2 days of the clock's start (limit 3 days).
    for (const m of [...new Set(days.map((d) => d.month))]) {
      const d = days.find((x) => x.month === m && x.working && x.day >= days[0]!.day + 1);
      if (!d) continue;
      const received = d.day * 1440 + hm('10:00');
      matters.push({ id: '', received, replied: received + 1440 + rng.int(60, 300), complexity: 'major', channel: 'in-person', month: m });
    }
    matters.sort((a, b) => a.received - b.received || a.replied - b.replied);
    // Injected: in May more than 15 % of the ordinary matters in hours are answered after 24 hours.
    const may = matters.filter((x) => x.month === LATE_MATTERS_MONTH);
    const lateN = Math.floor(may.length * 0.15) + 2;
    // Received within the service hours of a working day, so the clock runs from receipt.
    const candidates = may.filter((x) => x.complexity === 'simple' && working(Math.floor(x.received / 1440)) && x.received % 1440 >= open && x.received % 1440 < close - 60);
    const step = Math.max(1, Math.floor(candidates.length / lateN));
    const late = candidates.filter((_, i) => i % step === 0).slice(0, lateN);
    for (const x of late) {
      x.replied = x.received + 1440 + rng.int(90, 480);
      x.late = true;
    }
    for (const x of matters) {
      x.id = `GO-M-${String(++n).padStart(4, '0')}`;
      put('office/consultations.ndjson', 'consultations', { id: x.id, provider: GENERAL_OFFICE, received_at: iso(x.received), replied_at: iso(x.replied), complexity: x.complexity, channel: x.channel });
    }
    const total = may.length;
    const onTime = total - late.length;
    manifest.violations.push({
      key: 'go-late-matters',
      kind: 'late-reply',
      requirement: 'office-service-guide:matter-time-limits',
      limit: 'general',
      record_kind: 'consultations',
      records: late.map((x) => x.id),
      description: { zh: `综合办公室5月有 ${late.length} 件一般事务超过24小时才反馈`, en: `In May the general office answered ${late.length} ordinary matters after more than 24 hours` },
    });
    const rate = `${onTime}/${total} = ${((onTime / total) * 100).toFixed(2)} %`;
    manifest.violations.push({
      key: 'go-on-time-target',
      kind: 'rate-below',
      requirement: 'office-service-guide:on-time-target',
      record_kind: 'consultations',
      cell: { unit: GENERAL_OFFICE, month: LATE_MATTERS_MONTH },
      expected: '≥ 90 %',
      actual: rate,
      description: { zh: `综合办公室5月按时完成率 ${rate}（目标90%以上）`, en: `General office on-time rate in May ${rate} (target 90 % or more)` },
    });
    manifest.violations.push({
      key: 'go-on-time-analysis',
      kind: 'analysis-missing',
      requirement: 'office-service-guide:on-time-analysis',
      record_kind: 'consultations',
      cell: { unit: GENERAL_OFFICE, month: LATE_MATTERS_MONTH },
      expected: '低于85%时应有原因分析',
      actual: rate,
      description: { zh: `5月按时完成率低于85%（${rate}），未提交原因分析`, en: `May's on-time rate is below 85 % (${rate}) and no analysis of causes is filed` },
    });
    manifest.counts.consultations = matters.length;
  }

  // --- complaints to the general office ------------------------------------------------------
  {
    const rng = new Rng(seed, 'office:complaints');
    const list: { id: string; received: Minute; registered: Minute; dispatched: Minute; replied: Minute; resolved: Minute; complexity: string; cause: string; month: string }[] = [];
    const addWorking = (t: Minute, k: number): Minute => {
      let d = Math.floor(t / 1440);
      for (let left = k; left > 0; ) if (working(++d)) left--;
      return d * 1440 + (t % 1440);
    };
    for (const d of days) {
      if (!d.working) continue;
      // About 1.2 a working day: 22–26 in a full month, enough for one service error to stay below 5 %.
      for (let i = rng.chance(0.2) ? 2 : 1; i > 0; i--) {
        const received = d.day * 1440 + rng.int(open, close - 30);
        const registered = received + rng.int(5, 25);
        const dispatched = nextOpening(addWorking(received, 1)) + rng.int(0, 120);
        const replied = nextOpening(addWorking(received, rng.int(2, 3))) + rng.int(30, 300);
        list.push({ id: '', received, registered, dispatched, replied, resolved: replied + rng.int(60, 600), complexity: rng.weighted([['simple', 85], ['complex', 15]] as const), cause: rng.weighted([['facility', 50], ['attitude', 15], ['policy', 20], ['other', 15]] as const), month: d.month });
      }
    }
    list.sort((a, b) => a.received - b.received);
    // A single service error in March stays below 5 % (1 of more than 20); June's two exceed it (injected).
    const march = list.filter((c) => c.month === '2026-03');
    if (march.length > 20) march[Math.floor(march.length / 2)]!.cause = 'service-error';
    const june = list.filter((c) => c.month === ERROR_MONTH);
    const errors = [june[3]!, june[june.length - 5]!];
    for (const c of errors) c.cause = 'service-error';
    let n = 0;
    for (const c of list) {
      c.id = `GO-C-${String(++n).padStart(4, '0')}`;
      put('office/complaints.ndjson', 'complaints', { id: c.id, provider: GENERAL_OFFICE, received_at: iso(c.received), registered_at: iso(c.registered), dispatched_at: iso(c.dispatched), replied_at: iso(c.replied), resolved_at: iso(c.resolved), channel: 'online', complexity: c.complexity, cause: c.cause });
    }
    const share = `${errors.length}/${june.length} = ${((errors.length / june.length) * 100).toFixed(2)} %`;
    manifest.violations.push({
      key: 'go-error-rate',
      kind: 'rate-above',
      requirement: 'office-service-guide:error-rate',
      record_kind: 'complaints',
      records: errors.map((c) => c.id),
      cell: { unit: GENERAL_OFFICE, month: ERROR_MONTH },
      expected: '< 5 %',
      actual: share,
      description: { zh: `综合办公室6月投诉中因操作失误导致的占比 ${share}（应低于5%）`, en: `June's share of general-office complaints caused by operating errors ${share} (below 5 % required)` },
    });
    manifest.counts['office-complaints'] = list.length;
  }

  // --- repair requests (報修單), stock-takes and work-order samplings ---------------------------
  {
    const rng = new Rng(seed, 'office:repairs');
    const offices = w.buildings.filter((b) => b.type === 'office');
    const perMonth = new Map<string, number>();
    let n = 0;
    for (const d of days) {
      if (!d.working) continue;
      const b = rng.pick(offices);
      const reported = d.day * 1440 + rng.int(open, close - 60);
      const major = d.date.slice(8) === '15';
      const responded = reported + rng.int(10, 90); // limit 2 h
      const arrived = responded + rng.int(20, 300); // limit 24 h
      const completed = arrived + (major ? rng.int(600, 1500) : rng.int(30, 240)); // major: within 48 h
      const id = `GO-WO-${String(++n).padStart(4, '0')}`;
      put('office/work-orders.ndjson', 'work-orders', {
        id, provider: GENERAL_OFFICE, campus: b.campus, building: b.id, location: major ? '会议室空调不制冷' : rng.pick(['办公室门锁损坏', '走廊灯不亮', '卫生间水龙头漏水', '打印室插座无电']),
        category: major ? 'hvac' : rng.pick(['general', 'lighting', 'water', 'electric']), priority: 'normal', complexity: major ? 'major' : 'simple',
        reported_at: iso(reported), dispatched_at: iso(reported + rng.int(2, 8)), responded_at: iso(responded), arrived_at: iso(arrived), completed_at: iso(completed),
      });
      perMonth.set(d.month, (perMonth.get(d.month) ?? 0) + 1);
    }
    manifest.counts['office-work-orders'] = n;
    // Each month: a stock-take (error rate at most 2.5 %, limit 3 %) and a check of a quarter of the month's
    // work orders against the paper register, the ledger and the follow-up calls (20 % required).
    let m = 0;
    for (const [month, count] of perMonth) {
      const last = [...days].reverse().find((d) => d.month === month && d.working)!;
      put('office/measurements.ndjson', 'measurements', { id: `GO-INV-${month}`, provider: GENERAL_OFFICE, kind: 'inventory-audit', measured_at: iso(last.day * 1440 + hm('15:00')), sampled: 120, misplaced: rng.int(0, 3) });
      put('office/measurements.ndjson', 'measurements', { id: `GO-WS-${month}`, provider: GENERAL_OFFICE, kind: 'work-order-sampling', measured_at: iso(last.day * 1440 + hm('16:00')), sampled: Math.ceil(count * 0.25), misplaced: 0 });
      m += 2;
    }
    manifest.counts['office-measurements'] = m;
  }

  // --- supervision rounds (activities) -------------------------------------------------------
  {
    const rng = new Rng(seed, 'office:activities');
    const acts: { provider: string; activity: string; at: Minute; campus: string; building?: string }[] = [];
    const entrance: Record<string, string> = Object.fromEntries(w.register.campuses.map((c) => [c.id, w.buildings.find((b) => b.campus === c.id && b.type === 'teaching')!.id]));
    const officeOf: Record<string, string> = Object.fromEntries(w.register.campuses.map((c) => [c.id, w.buildings.find((b) => b.campus === c.id && b.type === 'office')!.id]));
    const campuses = w.register.campuses.map((c) => c.id);
    // Weeks (Monday first) that touch the service period.
    const weeks = new Map<number, Day[]>();
    for (const d of days) {
      const monday = d.day - ((d.dow + 6) % 7);
      weeks.set(monday, [...(weeks.get(monday) ?? []), d]);
    }
    for (const ds of weeks.values()) {
      const wd = ds.filter((d) => d.working);
      const pick = wd.length ? wd : ds;
      // The suggestion box at each campus's teaching-building entrance: opened twice a week (二、(二)2.(1)).
      const twice = pick.length >= 2 ? [pick[Math.min(1, pick.length - 1)]!, pick[pick.length - 1]!] : [pick[0]!, pick[0]!];
      for (const c of campuses) twice.forEach((d, i) => acts.push({ provider: GENERAL_OFFICE, activity: 'suggestion-box-opening', at: d.day * 1440 + (i === 0 ? hm('10:00') : hm('16:00')) + rng.int(0, 30), campus: c, building: entrance[c]! }));
      // The logistics office's weekly service-site inspection, once a week for the whole school (6.1 1.2).
      const site = pick[Math.min(2, pick.length - 1)]!;
      acts.push({ provider: LOGISTICS_OFFICE, activity: 'service-site-inspection', at: site.day * 1440 + hm('14:30') + rng.int(0, 60), campus: rng.pick(campuses) });
    }
    for (const d of days) {
      // Daily cleanliness rounds of public areas on working days, per campus (二、(三)2.(1)).
      if (d.working) for (const c of campuses) acts.push({ provider: GENERAL_OFFICE, activity: 'cleaning-patrol', at: d.day * 1440 + hm('09:00') + rng.int(0, 50), campus: c, building: officeOf[c]! });
    }
    for (const month of [...new Set(days.map((d) => d.month))]) {
      const wd = days.filter((d) => d.month === month && d.working);
      // The monthly joint inspection with the logistics office, per campus.
      const joint = wd[Math.max(0, wd.length - 3)]!;
      for (const c of campuses) acts.push({ provider: GENERAL_OFFICE, activity: 'joint-full-inspection', at: joint.day * 1440 + hm('09:30') + rng.int(0, 60), campus: c });
      // The logistics office's trainings, about one a month (12 a year, judged in December).
      const tr = wd[Math.min(5, wd.length - 1)]!;
      acts.push({ provider: LOGISTICS_OFFICE, activity: 'staff-training', at: tr.day * 1440 + hm('14:00'), campus: 'main' });
    }
    // Once a semester per campus: the general office's satisfaction survey (四、1.(1)), in June.
    const survey = days.find((d) => d.month === '2026-06' && d.working && d.date >= '2026-06-10')!;
    for (const c of campuses) acts.push({ provider: GENERAL_OFFICE, activity: 'satisfaction-survey', at: survey.day * 1440 + hm('10:00'), campus: c });
    // The logistics office's yearly programme, part done in the spring term: drills, special inspections, surveys.
    for (const [activity, dates] of [['emergency-drill', ['2026-04-16', '2026-06-11']], ['special-inspection', ['2026-04-28']], ['satisfaction-survey', ['2026-04-20']]] as const) {
      for (const date of dates) acts.push({ provider: LOGISTICS_OFFICE, activity, at: dayNumber(date) * 1440 + hm('10:00'), campus: 'main' });
    }
    acts.sort((a, b) => a.at - b.at || a.provider.localeCompare(b.provider) || a.activity.localeCompare(b.activity) || a.campus.localeCompare(b.campus));
    acts.forEach((a, i) => put('office/activities.ndjson', 'activities', { id: `OF-A-${String(i + 1).padStart(5, '0')}`, provider: a.provider, activity: a.activity, performed_at: iso(a.at), campus: a.campus, building: a.building, result: 'ok' }));
    manifest.counts['office-activities'] = acts.length;
  }

  for (const [file, lines] of files) {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    const text = lines.join('\n') + '\n';
    writeFileSync(path, text);
    manifest.files[file] = { bytes: Buffer.byteLength(text), records: lines.length };
  }
}
