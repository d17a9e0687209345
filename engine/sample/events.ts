// Scheduled events the providers get ready for (events.ndjson): the readiness leads of 6.1.5.2 (campus
// events, 30 min), 6.2.1.6-1 (multimedia classrooms opened 15 min before class), 6.2.4.2 (meetings, 30 min)
// and 6.2.5.2 (exams, 30 min). What a logistics office keeps: the timetable's first class of the morning in
// every teaching building on every teaching day, the exams, the meetings and the campus events, each with
// when the room was ready. The stream is seeded on its own ('events'), so adding it changes no other file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_FIELDS } from '../model/vocabulary.ts';
import { hm, iso, Rng, type Manifest, type World } from './generate.ts';

export const EVENT_FILES: readonly [string, 'events'][] = [['events.ndjson', 'events']];

/** Readiness requirements whose every late case in events.ndjson is an injected one, listed in the manifest. */
export const EVENTS_CHECKED = ['6.1.5.2', '6.2.1.6-1', '6.2.4.2', '6.2.5.2'] as const;

type Kind = 'class' | 'exam' | 'meeting' | 'campus-event';
const REQUIREMENT: Record<Kind, [string, string, number]> = {
  class: ['6.2.1.6-1', 'class-readiness', 15],
  exam: ['6.2.5.2', 'exam-readiness', 30],
  meeting: ['6.2.4.2', 'meeting-readiness', 30],
  'campus-event': ['6.1.5.2', 'event-readiness', 30],
};

/**
 * Injected late readiness: on `date`, the event of `kind` in `building` (the first one that day) is ready only
 * `lead` minutes before its start (negative: after it started), or never recorded as ready (lead undefined).
 */
export const READINESS_LATE: { key: string; kind: Kind; provider: string; building: string; date: string; lead?: number; zh: string; en: string }[] = [
  { key: 'ev-class-late', kind: 'class', provider: 'huayu-property', building: 't03', date: '2026-04-09', lead: 6, zh: '第3教学楼 4月9日第1节课前仅提前6分钟开启多媒体教室（应提前15分钟）', en: 'Building t03, 9 April: classroom opened only 6 min before the first class (15 min required)' },
  { key: 'ev-meeting-late', kind: 'meeting', provider: 'xinyuan-service', building: 'o02', date: '2026-05-13', lead: -5, zh: '行政楼2号 5月13日会议开始5分钟后会场才准备就绪（应提前30分钟）', en: 'Office building o02, 13 May: meeting room ready 5 min after the start (30 min before required)' },
  { key: 'ev-campus-event-not-ready', kind: 'campus-event', provider: 'jiale-catering', building: 'c01', date: '2026-03-20', zh: '第1食堂 3月20日校园活动餐饮保障无准备就绪记录（应提前30分钟）', en: 'Canteen c01, 20 March: no record of the catering being ready for the campus event (30 min before required)' },
];

interface Ev {
  provider: string;
  kind: Kind;
  campus: string;
  building: string;
  start: number;
  ready?: number;
  tag?: string;
}

/** Write events.ndjson; add its count and the injected late readiness cases to the manifest. */
export function generateEvents(w: World, seed: number, out: string, manifest: Manifest): void {
  const rng = new Rng(seed, 'events');
  const evs: Ev[] = [];
  const lead = (lo: number, hi: number): number => rng.int(lo, hi);
  const teachingDays = w.days.filter((d) => d.working && !d.holiday);
  const firstClass = w.classPeriods[0]?.[0] ?? hm('08:00');
  const of = (provider: string, type: string) => w.buildings.filter((b) => b.provider === provider && b.type === type);

  // huayu-property: the first class of the morning in every teaching building on every teaching day.
  for (const d of teachingDays) {
    for (const b of of('huayu-property', 'teaching')) {
      const start = d.day * 1440 + firstClass;
      evs.push({ provider: b.provider!, kind: 'class', campus: b.campus, building: b.id, start, ready: start - lead(16, 25) });
    }
  }
  // Exams: the calendar has no exam weeks, so a handful of final exams in the last two weeks of June.
  {
    const june = teachingDays.filter((d) => d.date >= '2026-06-15' && d.date <= '2026-06-30');
    const teaching = of('huayu-property', 'teaching');
    for (let i = 0; i < 8; i++) {
      const d = rng.pick(june);
      const b = rng.pick(teaching);
      const start = d.day * 1440 + rng.pick([hm('09:00'), hm('14:00'), hm('16:00')]);
      evs.push({ provider: b.provider!, kind: 'exam', campus: b.campus, building: b.id, start, ready: start - lead(35, 50) });
    }
  }
  // Weekly: xinyuan's meetings (about 2 a week, working days) and campus events in its venues (about 1 a week).
  const weeks = new Map<number, typeof w.days>();
  for (const d of w.days) {
    const wk = Math.floor((d.day - w.days[0]!.day) / 7);
    weeks.set(wk, [...(weeks.get(wk) ?? []), d]);
  }
  for (const days of weeks.values()) {
    const work = days.filter((d) => d.working);
    for (let i = 0, n = work.length ? rng.int(1, 3) : 0; i < n; i++) {
      const b = rng.pick(of('xinyuan-service', 'office'));
      const start = rng.pick(work).day * 1440 + rng.pick([hm('09:00'), hm('10:00'), hm('14:30'), hm('15:00')]);
      evs.push({ provider: b.provider!, kind: 'meeting', campus: b.campus, building: b.id, start, ready: start - lead(31, 45) });
    }
    if (rng.chance(0.85)) {
      const b = rng.pick(of('xinyuan-service', 'venue'));
      const start = rng.pick(days).day * 1440 + rng.pick([hm('09:00'), hm('14:00'), hm('19:00')]);
      evs.push({ provider: b.provider!, kind: 'campus-event', campus: b.campus, building: b.id, start, ready: start - lead(31, 45) });
    }
  }
  // jiale-catering: campus events it supports with catering at its canteens, about 2 a month.
  for (const month of [...new Set(w.days.map((d) => d.month))]) {
    const days = w.days.filter((d) => d.month === month);
    for (let i = 0, n = days.length > 10 ? 2 : 1; i < n; i++) {
      const b = rng.pick(of('jiale-catering', 'canteen'));
      const start = rng.pick(days).day * 1440 + rng.pick([hm('11:30'), hm('17:30')]);
      evs.push({ provider: b.provider!, kind: 'campus-event', campus: b.campus, building: b.id, start, ready: start - lead(31, 45) });
    }
  }
  // Every month of the service period has xinyuan's meetings and campus events, even the term's last three
  // days in July (the end-of-term work meeting, the graduation ceremony): a month without is "no data".
  for (const month of [...new Set(w.days.map((d) => d.month))]) {
    const days = w.days.filter((d) => d.month === month);
    const first = days[0]!.day * 1440;
    const last = (days[days.length - 1]!.day + 1) * 1440;
    for (const [kind, type] of [['meeting', 'office'], ['campus-event', 'venue']] as const) {
      if (evs.some((e) => e.provider === 'xinyuan-service' && e.kind === kind && e.start >= first && e.start < last)) continue;
      const b = rng.pick(of('xinyuan-service', type));
      const start = rng.pick(days.filter((d) => d.working)).day * 1440 + (kind === 'meeting' ? hm('09:00') : hm('14:00'));
      evs.push({ provider: b.provider!, kind, campus: b.campus, building: b.id, start, ready: start - lead(31, 45) });
    }
  }

  // Injected late readiness (the data's only ones: every other lead has a margin above its limit).
  for (const inj of READINESS_LATE) {
    const dayStart = w.dayByDate.get(inj.date)!.day * 1440;
    let e = evs.find((x) => x.kind === inj.kind && x.building === inj.building && x.start >= dayStart && x.start < dayStart + 1440);
    if (!e) {
      const b = w.buildingById.get(inj.building)!;
      e = { provider: inj.provider, kind: inj.kind, campus: b.campus, building: b.id, start: dayStart + (inj.kind === 'campus-event' ? hm('11:30') : hm('14:30')) };
      evs.push(e);
    }
    if (e.provider !== inj.provider) throw new Error(`${inj.key}: ${inj.building} is not ${inj.provider}'s`);
    e.ready = inj.lead === undefined ? undefined : e.start - inj.lead;
    e.tag = inj.key;
  }

  evs.sort((a, b) => a.start - b.start || (a.building < b.building ? -1 : a.building > b.building ? 1 : 0));
  const lines: string[] = [];
  const ids = new Map<string, string>();
  evs.forEach((e, i) => {
    const id = `EV-2026-${String(i + 1).padStart(5, '0')}`;
    if (e.tag) ids.set(e.tag, id);
    const rec: Record<string, string | undefined> = { id, provider: e.provider, kind: e.kind, campus: e.campus, building: e.building, starts_at: iso(e.start), ready_at: e.ready === undefined ? undefined : iso(e.ready) };
    const o: Record<string, string> = {};
    for (const f of RECORD_FIELDS.events) if (rec[f] !== undefined) o[f] = rec[f]!;
    lines.push(JSON.stringify(o));
  });
  for (const inj of READINESS_LATE) {
    const [requirement, limit, minutes] = REQUIREMENT[inj.kind];
    manifest.violations.push({
      key: inj.key, kind: inj.lead === undefined ? 'open-past-limit' : 'late-readiness', requirement, limit, record_kind: 'events', records: [ids.get(inj.key)!],
      expected: `PT${minutes}M`, actual: inj.lead === undefined ? 'no ready_at' : `${inj.lead} min`,
      description: { zh: inj.zh, en: inj.en },
    });
  }
  mkdirSync(out, { recursive: true });
  const text = lines.join('\n') + '\n';
  writeFileSync(join(out, 'events.ndjson'), text);
  manifest.counts.events = lines.length;
  manifest.files['events.ndjson'] = { bytes: Buffer.byteLength(text), records: lines.length };
}
