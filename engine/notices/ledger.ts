// The rectification loop (问题—整改—反馈): notices made from failed findings, numbered inside a
// transaction, and followed through events — issued → acknowledged → rectification reported → verified,
// or → overdue → escalated; a verified notice whose requirement fails again is re-opened as recurring.
// The ledger is append-only (triggers refuse UPDATE and DELETE); a notice's status is its latest event's.
import { CodedError } from '../diagnostics.ts';
import { createRequire } from 'node:module';
import { Engine } from 'json-rules-engine';
import { coverage, createCalendar, dateOf, dayNumber, type Unknown, type WorkingCalendar } from '../calendar/calendar.ts';
import { notCoveredMessage } from '../calendar/statutory.ts';
import { instantToIso } from '../data/convert.ts';
import type { Finding, Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import type { NoticesFile, RegisterFile } from '../model/types.ts';
import { formatDate, formatPeriod } from '../render/format.ts';
import type { NoticeDoc, NoticeProblem, Provenance } from '../render/types.ts';
import { STATUS_ZH_WORDS, provenanceWords } from '../model/labels.ts';
import { namesOf } from '../validate/names.ts';
import { problemWords, type WordContext } from './wording.ts';
import type { Store } from '../store/store.ts';
import { buildIndex, closest } from '../validate/checks.ts';
import type { NoticeFact } from '../evaluate/ledger-facts.ts';
import { test, type Condition } from '../evaluate/conditions.ts';
import { clauseSlug } from '../site/slug.ts';

export const STATUSES = ['issued', 'acknowledged', 'rectification-reported', 'verified', 'overdue', 'escalated', 'reopened', 'voided'] as const;
export type NoticeStatus = (typeof STATUSES)[number];
/** The statuses in Chinese: kept for the modules that import it here; the words live in labels.ts (NOTICE_STATUS). */
export const STATUS_ZH = STATUS_ZH_WORDS as Record<NoticeStatus, string>;

export interface NoticeRow {
  id: number;
  number: string;
  year: number;
  seq: number;
  period: string;
  provider: string;
  group_key: string;
  requirements: string[];
  issued_at: string;
  deadline: string;
  doc: NoticeDoc;
}

export interface NoticeEvent {
  id: number;
  notice_id: number;
  at: string;
  actor: string;
  event: string;
  status: NoticeStatus;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface NoticeState extends NoticeRow {
  status: NoticeStatus;
  events: NoticeEvent[];
}

/** A user-facing ledger problem: a stable code and its arguments (the CLI renders them). */
export class LedgerError extends CodedError {}

/** Which moves each status allows (manual commands; the rules add overdue and escalated). */
const ALLOWED: Record<string, NoticeStatus[]> = {
  ack: ['issued', 'overdue', 'reopened'],
  reply: ['issued', 'acknowledged', 'overdue', 'escalated', 'reopened'],
  verify: ['rectification-reported'],
  escalate: ['issued', 'acknowledged', 'overdue', 'reopened', 'rectification-reported'],
  concern: ['issued', 'acknowledged', 'rectification-reported', 'overdue', 'escalated', 'reopened', 'verified'],
};

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** A voided notice takes no further step of the loop (CH520): it was issued in error, there is nothing to rectify. */
export function refuseVoided(n: NoticeState, action: string): void {
  if (n.status === 'voided') {
    const v = n.events.filter((e) => e.event === 'voided').at(-1);
    throw new LedgerError('CH520', { number: n.number, action, at: v?.at ?? '', reason: v?.note ?? '' });
  }
}

/** The void event of a notice, if it was voided by `by` (ISO local time; default: ever). */
export function voidOf(n: NoticeState, by?: string): NoticeEvent | undefined {
  return n.events.find((e) => e.event === 'voided' && (by === undefined || e.at <= by));
}

/** The notice as printed now: a voided one carries its void (作废, when, by whom, why). */
export function printable(n: NoticeState): NoticeDoc {
  const v = voidOf(n);
  return v ? { ...n.doc, voided: { at: v.at, by: v.actor, reason: v.note ?? '' } } : n.doc;
}

/**
 * Void a wrongly issued notice (作废). The notice and its number stay in the ledger — a number is never
 * reused — and the void is one more append-only event with its reason.
 */
export function voidNotice(store: Store, q: string, o: { actor: string; at: string; reason: string }): { notice: NoticeState; event: NoticeEvent } {
  const n = findNotice(store, q);
  refuseVoided(n, 'void');
  if (o.at < n.issued_at) throw new LedgerError('CH505', { number: n.number, at: o.at, issued: n.issued_at });
  const event = addEvent(store, n, { event: 'voided', status: 'voided', actor: o.actor, at: o.at, note: o.reason, data: { reason: o.reason, previous_status: n.status } });
  return { notice: { ...n, status: 'voided', events: [...n.events, event] }, event };
}

/** What a provider did not submit for a period: per data kind, the requirements left without a verdict. */
export interface MissingData {
  provider: string;
  requirements: string[];
  kinds: { kind: string; requirements: string[] }[];
}

/** The data kind a finding reads (its record kind): cases by subject, activity logs, documents, inspection results. */
function dataKindOf(f: Finding, tree: Tree | undefined): string {
  const r = tree?.requirements.find((x) => x.value.id === f.requirement)?.value;
  switch (f.type) {
    case 'timeliness':
      return r?.timeliness?.subject ?? 'cases';
    case 'rate':
      return r?.rate?.subject ?? 'measurements';
    case 'frequency':
      return 'activities';
    case 'record':
      return 'documents';
    case 'inspection':
      return 'inspection-results';
    default:
      return f.type;
  }
}

/**
 * Providers whose period has requirements with no data at all (findings with reason_code 'no-data'):
 * silence is not success, so notices are not issued on such a period without --force.
 */
export function missingData(findings: Findings, provider?: string, tree?: Tree): MissingData[] {
  const by = new Map<string, Map<string, Set<string>>>();
  for (const f of findings.findings) {
    if (f.reason_code !== 'no-data' || (provider && f.provider !== provider)) continue;
    if (f.obligation === 'may' || f.obligation === 'none') continue;
    const kinds = by.get(f.provider) ?? new Map<string, Set<string>>();
    const kind = dataKindOf(f, tree);
    kinds.set(kind, (kinds.get(kind) ?? new Set()).add(f.requirement));
    by.set(f.provider, kinds);
  }
  return [...by.entries()].map(([p, kinds]) => ({
    provider: p,
    requirements: [...new Set([...kinds.values()].flatMap((x) => [...x]))].sort(),
    kinds: [...kinds.entries()].map(([kind, rs]) => ({ kind, requirements: [...rs].sort() })),
  }));
}

/** The inspector unit's finding on its own planned rounds (engine/inspections/judge.ts): never on a notice. */
export const isOwnRounds = (f: Pick<Finding, 'scope'>): boolean => f.scope.kind === 'inspection-plan';
/**
 * A quarter / term / year inspection's verdict carried into a later month of its interval: the failure was put
 * on the notice of the month it was found in, and is followed up there; it is not a new problem.
 */
export const isCarried = (f: Pick<Finding, 'reason_code'>): boolean => f.reason_code === 'carried-over';

/** Binding findings (应, and a profile's or plan's own duties) go on notices and cost points; 宜 is advice. */
export const isAdvisory = (f: Pick<Finding, 'obligation'>): boolean => f.obligation === 'should';

/** CH502: a deadline that falls in a year without holiday data; the reason in both languages. */
export function deadlineUnknown(u: Unknown): LedgerError {
  return new LedgerError('CH502', { detail: u.message, detailZh: notCoveredMessage(u.missingYear, 'zh') });
}

export function noticeConfig(tree: Tree): NoticesFile {
  const c = tree.noticeConfigs[0]?.value;
  if (!c) throw new LedgerError('CH501', {});
  return c;
}

/** Fill a number pattern: {year}, {seq} or {seq:N} (zero-padded to N digits). */
export function formatNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(/\{year\}/g, String(year)).replace(/\{seq(?::(\d+))?\}/g, (_m, w: string | undefined) => String(seq).padStart(Number(w ?? 0), '0'));
}


/** Campus, building and place names by id, as printed on notices and scorecards. */
export function placeNames(reg: RegisterFile): Map<string, string> {
  return new Map<string, string>([
    ...reg.campuses.map((c) => [c.id, c.name.zh] as [string, string]),
    ...reg.buildings.map((b) => [b.id, b.name] as [string, string]),
    ...(reg.places ?? []).map((p) => [p.id, p.name] as [string, string]),
  ]);
}

/** The place a finding is about, by name: the grid units in its evidence, else its scope. */
export function placeOf(f: Finding, names: Map<string, string>, providerName: string): string {
  // A record requirement's evidence names document items, not places: the provider answers for its files.
  const units = f.type === 'record' ? [] : [...new Set(f.evidence.map((e) => e.unit).filter((u): u is string => Boolean(u)))];
  if (units.length) {
    const shown = units.slice(0, 3).map((u) => names.get(u) ?? u);
    return units.length > 3 ? `${shown.join('、')}等 ${units.length} 处` : shown.join('、');
  }
  if (f.scope.kind === 'provider') return providerName;
  return names.get(f.scope.id) ?? f.scope.id;
}

/** ISO 8601 durations as printed Chinese: PT45M → 45 分钟, PT24H → 24 小时, P3D → 3 天. */
export function humanDuration(text: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text === 'PT') return text;
  const parts = [m[1] && `${m[1]} 天`, m[2] && `${m[2]} 小时`, m[3] && `${m[3]} 分钟`, m[4] && `${m[4]} 秒`].filter(Boolean);
  return parts.join(' ');
}

export interface PlannedNotice {
  provider: string;
  group_key: string;
  requirements: string[];
  doc: Omit<NoticeDoc, 'number'>;
}

/** The notices a period's failed findings call for, grouped as the office configured, not yet numbered. */
export function planNotices(o: { tree: Tree; findings: Findings; issuedAt: Date; provider?: string; evidencePerProblem?: number }): PlannedNotice[] {
  const cfg = noticeConfig(o.tree);
  const reg = o.tree.registers[0]!.value;
  const school = o.tree.calendars[0]!.value;
  const cal = createCalendar(school);
  const idx = buildIndex([o.tree]);
  const issuedText = instantToIso(o.issuedAt.getTime(), school.timezone);
  const deadline = cal.addWorkingDays(o.issuedAt, cfg.deadline.working_days);
  const objection = cal.addWorkingDays(o.issuedAt, cfg.objection.working_days);
  if (!deadline.known) throw deadlineUnknown(deadline);
  if (!objection.known) throw deadlineUnknown(objection);
  const std = o.tree.standards[0]?.value;
  const names = namesOf(o.tree, idx);
  const sourceOf = (id: string, lang: 'zh' | 'en'): string => {
    const loc = idx.requirements.get(id);
    const prof = o.tree.profiles.find((p) => p.file === loc?.file)?.value;
    const title = prof ? prof.title : std?.title;
    if (!title) return '';
    return lang === 'zh' ? `《${title.zh}》` : (title.en ?? title.zh);
  };
  const words: WordContext = { tree: o.tree, idx, names, reg, pledges: o.findings.pledges };
  const cov = coverage();
  // The inspector unit's own missed rounds (scope inspection-plan) are the office's failure, not a provider's:
  // the office does not serve itself a rectification notice; they stay in findings and its own scorecard.
  // A carried-over verdict was noticed in the month it was found.
  const failedAll = o.findings.findings.filter((f) => f.status === 'failed' && f.obligation !== 'may' && !isOwnRounds(f) && !isCarried(f) && (!o.provider || f.provider === o.provider));
  const failed = failedAll.filter((f) => !isAdvisory(f));
  // 宜 findings ride on the provider's notice as advice (建议改进): no deadline, no deduction, no notice of their own.
  const advice = failedAll.filter(isAdvisory);
  const advised = new Set<string>();
  const groups = new Map<string, Finding[]>();
  for (const f of failed) {
    const key = cfg.group_by === 'provider' ? f.provider : `${f.provider}|${f.requirement}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const n = o.evidencePerProblem ?? 5;
  return [...groups.entries()].map(([key, fs]) => {
    const provider = reg.providers.find((p) => p.id === fs[0]!.provider)!;
    const profiles = [...new Set(fs.map((f) => f.profile))];
    // Titles, not ids: the footer names the standard's edition and version and the profiles by their titles.
    const provenance: Provenance = {
      standard: provenanceWords(`${std?.title.zh ?? ''} ${std?.edition ?? ''}`.trim(), std?.version ?? '', profiles.map((p) => names.profile(p, 'zh'))),
      // The holiday data by its version (the package, chinese-days, is pinned by Charter's version on the same line).
      calendar: `法定节假日数据 ${cov.version}\u00a0版（${cov.from}–${cov.to}）`,
      data_sha256: o.findings.data.sha256,
      engine: `Charter ${version}`,
    };
    // Each problem in words (engine/notices/wording.ts): the place, what was found, what to do about this miss.
    const problemOf = (f: Finding, i: number, advice?: { zh: string; en: string }): NoticeProblem => {
      const generic = cfg.actions[f.type as keyof NoticesFile['actions']] ?? cfg.actions.inspection ?? '按条款要求整改。';
      const w = problemWords(words, f, n, { zh: generic, en: 'Put it right as the clause requires.' });
      return {
        seq: i + 1,
        requirement: f.requirement,
        ref: w.zh.ref,
        source: sourceOf(f.requirement, 'zh'),
        clause_text: f.text,
        place: w.zh.place,
        description: w.zh.description,
        evidence: w.zh.evidence.map((text, k) => ({ ...(f.evidence[k]!.record ? { record: f.evidence[k]!.record } : {}), text })),
        evidence_total: f.evidence_total,
        action: advice ? advice.zh : w.zh.action,
        url: `${cfg.public_site}standard/${clauseSlug(f.requirement)}/`,
        en: { place: w.en.place, description: w.en.description, action: advice ? advice.en : w.en.action, ref: w.en.ref, source: sourceOf(f.requirement, 'en'), evidence: w.en.evidence },
      };
    };
    const problems: NoticeProblem[] = fs.map((f, i) => problemOf(f, i));
    const mine = advised.has(provider.id) ? [] : advice.filter((f) => f.provider === provider.id);
    advised.add(provider.id);
    const advisories = mine.map((f, i) => problemOf(f, i, { zh: '宜参照条款改进；本项为推荐性要求（宜），不列入整改期限，不扣分。', en: 'Improve as the clause recommends; a recommendation (should): no deadline, no deduction.' }));
    const fill = (t: string): string => t.replace(/\{period\}/g, formatPeriod(o.findings.period)).replace(/\{provider\}/g, provider.name);
    return {
      provider: provider.id,
      group_key: key,
      requirements: [...new Set(fs.map((f) => f.requirement))],
      doc: {
        issued_at: issuedText,
        office: cfg.office,
        title: cfg.document,
        provider: { id: provider.id, name: provider.name },
        inspection_type: cfg.inspection_type,
        period: o.findings.period,
        problems,
        ...(advisories.length ? { advisories } : {}),
        demand: fill(cfg.demand),
        deadline: { date: deadline.lastDay, working_days: cfg.deadline.working_days, rule: `签发之日起 ${cfg.deadline.working_days}\u00a0个工作日内（签发当日不计，遇法定节假日顺延），即 ${formatDate(deadline.lastDay)}前` },
        recheck: cfg.recheck,
        issuer: { name: cfg.issuer.name, ...(cfg.issuer.contact ? { contact: cfg.issuer.contact } : {}) },
        objection: { working_days: cfg.objection.working_days, until: objection.lastDay, text: cfg.objection.text.replace(/\{until\}/g, formatDate(objection.lastDay)) },
        provenance,
        qr_url: problems[0]!.url,
      },
    };
  });
}

const rowOf = (r: Record<string, unknown>): NoticeRow => ({
  id: Number(r.id),
  number: String(r.number),
  year: Number(r.year),
  seq: Number(r.seq),
  period: String(r.period),
  provider: String(r.provider),
  group_key: String(r.group_key),
  requirements: JSON.parse(String(r.requirements)) as string[],
  issued_at: String(r.issued_at),
  deadline: String(r.deadline),
  doc: JSON.parse(String(r.doc)) as NoticeDoc,
});

/**
 * Number and store planned notices in one transaction: the year's sequence is read and advanced under
 * SQLite's write lock (BEGIN IMMEDIATE), so two managers issuing at once never get the same number, and a
 * process killed part-way leaves nothing behind. A group already issued for the period is not issued again.
 */
export function issueNotices(store: Store, planned: PlannedNotice[], o: { tree: Tree; actor: string; beforeCommit?: () => void }): { issued: NoticeRow[]; existing: NoticeRow[] } {
  const cfg = noticeConfig(o.tree);
  const db = store.db;
  const issued: NoticeRow[] = [];
  const existing: NoticeRow[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    // A voided notice does not count as issued: its group may be issued again, under a new number and the
    // group key suffixed #2, #3 … (the ledger keeps one row per period and key, and keeps voided rows).
    const group = db.prepare("SELECT n.*, EXISTS (SELECT 1 FROM notice_events e WHERE e.notice_id = n.id AND e.event = 'voided') AS voided FROM notices n WHERE period = ? AND (group_key = ? OR group_key LIKE ? ESCAPE '\\') ORDER BY id");
    const last = db.prepare('SELECT last_seq FROM notice_numbers WHERE year = ?');
    const setLast = db.prepare('INSERT INTO notice_numbers (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq');
    const insert = db.prepare('INSERT INTO notices (number, year, seq, period, provider, group_key, requirements, issued_at, deadline, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO notice_events (notice_id, at, actor, event, status, note, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of planned) {
      const same = group.all(p.doc.period, p.group_key, `${p.group_key.replace(/[\\%_]/g, (c) => `\\${c}`)}#%`) as Record<string, unknown>[];
      const had = same.find((r) => !r.voided);
      if (had) {
        existing.push(rowOf(had));
        continue;
      }
      const groupKey = same.length ? `${p.group_key}#${same.length + 1}` : p.group_key;
      const year = Number(p.doc.issued_at.slice(0, 4));
      const seq = Number((last.get(year) as { last_seq: number } | undefined)?.last_seq ?? 0) + 1;
      setLast.run(year, seq);
      const number = formatNumber(cfg.number, year, seq);
      const doc: NoticeDoc = { number, ...p.doc };
      const r = insert.run(number, year, seq, p.doc.period, p.provider, groupKey, JSON.stringify(p.requirements), p.doc.issued_at, p.doc.deadline.date, JSON.stringify(doc));
      const id = Number(r.lastInsertRowid);
      event.run(id, p.doc.issued_at, o.actor, 'issued', 'issued', null, JSON.stringify({ requirements: p.requirements }));
      issued.push({ id, number, year, seq, period: p.doc.period, provider: p.provider, group_key: groupKey, requirements: p.requirements, issued_at: p.doc.issued_at, deadline: p.doc.deadline.date, doc });
    }
    o.beforeCommit?.();
    db.exec('COMMIT');
  } catch (e) {
    // SQLite rolls back by itself on SQLITE_FULL and some I/O errors: a second ROLLBACK would hide the cause.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return { issued, existing };
}

export function loadNotices(store: Store, filter: { period?: string; provider?: string; number?: string } = {}): NoticeState[] {
  const rows = store.db.prepare('SELECT * FROM notices ORDER BY year, seq').all() as Record<string, unknown>[];
  const evs = store.db.prepare('SELECT * FROM notice_events ORDER BY id').all() as Record<string, unknown>[];
  const byNotice = new Map<number, NoticeEvent[]>();
  for (const e of evs) {
    const ev: NoticeEvent = { id: Number(e.id), notice_id: Number(e.notice_id), at: String(e.at), actor: String(e.actor), event: String(e.event), status: e.status as NoticeStatus, note: (e.note as string | null) ?? null, data: e.data ? (JSON.parse(String(e.data)) as Record<string, unknown>) : null };
    byNotice.set(ev.notice_id, [...(byNotice.get(ev.notice_id) ?? []), ev]);
  }
  return rows
    .map(rowOf)
    .filter((r) => (!filter.period || r.period === filter.period) && (!filter.provider || r.provider === filter.provider) && (!filter.number || matchesNumber(r, filter.number)))
    .map((r) => {
      const events = byNotice.get(r.id) ?? [];
      return { ...r, events, status: events.at(-1)?.status ?? 'issued' };
    });
}

/** A notice named by its full number, or by YEAR-SEQ (2026-1, 2026-001). */
function matchesNumber(r: NoticeRow, q: string): boolean {
  if (r.number === q) return true;
  const m = /^(\d{4})-(\d+)$/.exec(q);
  return m !== null && Number(m[1]) === r.year && Number(m[2]) === r.seq;
}

export function findNotice(store: Store, q: string): NoticeState {
  const n = loadNotices(store, { number: q })[0];
  if (!n) {
    // The numbers there are, as YEAR-SEQ: the nearest by spelling, else the list (issue 13 §2).
    const all = (store.db.prepare('SELECT year, seq FROM notices ORDER BY year, seq').all() as { year: number; seq: number }[]).map((r) => `${r.year}-${String(r.seq).padStart(3, '0')}`);
    const near = closest(q, all);
    const shown = all.length > 12 ? [...all.slice(0, 3), '…', ...all.slice(-3)] : all;
    throw new LedgerError('CH503', { value: q, suggest: near, allowed: shown.join(' '), count: all.length });
  }
  return n;
}

export function addEvent(store: Store, n: NoticeState, e: { event: string; status: NoticeStatus; actor: string; at: string; note?: string; data?: Record<string, unknown> }): NoticeEvent {
  const r = store.db.prepare('INSERT INTO notice_events (notice_id, at, actor, event, status, note, data) VALUES (?, ?, ?, ?, ?, ?, ?)').run(n.id, e.at, e.actor, e.event, e.status, e.note ?? null, e.data ? JSON.stringify(e.data) : null);
  return { id: Number(r.lastInsertRowid), notice_id: n.id, at: e.at, actor: e.actor, event: e.event, status: e.status, note: e.note ?? null, data: e.data ?? null };
}

/**
 * A manual move (ack, reply, escalate, concern), refused with CH504 when the status does not allow it.
 * With the tree, a rectification report that arrives after the deadline is first recorded as overdue at the
 * moment it arrives (the configuration's overdue rules, as of the report), whether or not a review ran before.
 */
export function move(store: Store, q: string, action: 'ack' | 'reply' | 'escalate' | 'concern', o: { actor: string; at: string; note?: string; tree?: Tree }): { notice: NoticeState; event: NoticeEvent } {
  let n = findNotice(store, q);
  refuseVoided(n, action);
  if (!ALLOWED[action]!.includes(n.status)) throw new LedgerError('CH504', { number: n.number, action, status: n.status, statusZh: STATUS_ZH[n.status] });
  if (o.at < n.issued_at) throw new LedgerError('CH505', { number: n.number, at: o.at, issued: n.issued_at });
  if (action === 'reply' && o.tree) {
    const late = overdueOnArrival(store, o.tree, n, o.at);
    if (late) n = { ...n, status: late.status, events: [...n.events, late] };
  }
  const to: NoticeStatus = action === 'ack' ? 'acknowledged' : action === 'reply' ? 'rectification-reported' : action === 'escalate' ? 'escalated' : n.status;
  const event = addEvent(store, n, { event: action === 'ack' ? 'acknowledged' : action === 'reply' ? 'rectification-reported' : action === 'escalate' ? 'escalated' : 'public-concern', status: to, actor: o.actor, at: o.at, ...(o.note ? { note: o.note } : {}) });
  return { notice: { ...n, status: to, events: [...n.events, event] }, event };
}

/** Working days after the deadline's last day up to the as-of day (0 when not past it). */
function workingDaysLate(cal: WorkingCalendar, deadline: string, asOf: Date): number {
  const last = dayNumber(deadline);
  const today = dayNumber(cal.localDate(asOf));
  let n = 0;
  for (let d = last + 1; d <= today; d++) if (cal.dayInfo(dateOf(d)).working) n++;
  return n;
}

/** The facts the plan's ledger rules read for one notice (engine/evaluate/ledger-facts.ts). */
export function noticeFacts(n: NoticeState, cal: WorkingCalendar, asOf: Date, workingDays: number): NoticeFact {
  const at = (ev: string): string | null => n.events.filter((e) => e.event === ev).at(-1)?.at ?? null;
  const open = !['rectification-reported', 'verified'].includes(n.status);
  // A re-opened notice gets a fresh period to rectify, counted from the day it was re-opened.
  const reopened = at('reopened');
  let deadline = n.deadline;
  if (reopened) {
    const d = cal.addWorkingDays(cal.parse(reopened), workingDays);
    if (d.known && d.lastDay > deadline) deadline = d.lastDay;
  }
  // A failed re-check set a new deadline (再次限期整改), recorded on its event.
  const again = n.events.filter((e) => e.event === 'verification-failed').at(-1)?.data?.deadline;
  if (typeof again === 'string' && again > deadline) deadline = again;
  return {
    id: n.number,
    provider: n.provider,
    requirement: n.requirements,
    period: n.period,
    issued_at: n.issued_at,
    deadline,
    acknowledged_at: at('acknowledged'),
    rectification_reported_at: at('rectification-reported'),
    verified_at: at('verified'),
    status: n.status,
    days_overdue: open ? workingDaysLate(cal, deadline, asOf) : 0,
    past_deadline: open && asOf.getTime() >= cal.parse(`${dateOf(dayNumber(deadline) + 1)}T00:00`).getTime(),
    recurrences: n.events.filter((e) => e.event === 'reopened').length,
    public_concern: n.events.some((e) => e.event === 'public-concern'),
  };
}

/**
 * The overdue rules (effect overdue) applied at the instant a rectification report arrives: a notice still
 * open and past its deadline then is recorded overdue at that instant, before the report. Nothing when it
 * was already marked overdue (or escalated) for this deadline, or the rules do not fire.
 */
export function overdueOnArrival(store: Store, tree: Tree, n: NoticeState, at: string): NoticeEvent | undefined {
  if (!['issued', 'acknowledged', 'reopened'].includes(n.status)) return undefined;
  const cfg = noticeConfig(tree);
  const cal = createCalendar(tree.calendars[0]!.value);
  const facts = { notice: noticeFacts(n, cal, cal.parse(at), cfg.deadline.working_days) as Record<string, unknown> };
  const rules = cfg.rules.filter((r) => r.effect === 'overdue' && test(r.conditions as Condition, facts));
  if (!rules.length) return undefined;
  return addEvent(store, n, {
    event: 'overdue',
    status: 'overdue',
    actor: `charter (rule ${rules.map((r) => r.id).join(', ')})`,
    at,
    note: `${rules.map((r) => r.label.zh).join('；')}（整改反馈于期限后送达）`,
    data: { rules: rules.map((r) => r.id), basis: rules[0]!.basis, on: 'rectification-reported', deadline: facts.notice.deadline, days_overdue: facts.notice.days_overdue },
  });
}

export interface ReviewChange {
  number: string;
  rule: string;
  label: string;
  from: NoticeStatus;
  to: NoticeStatus;
}

/**
 * Run the plan's ledger rules (notices.yaml `rules`) with json-rules-engine over every open notice at
 * `asOf`: `overdue` marks a notice past its deadline, `escalate` starts the accountability procedure.
 */
export async function reviewLedger(store: Store, tree: Tree, asOf: Date, actor = 'charter'): Promise<ReviewChange[]> {
  const cfg = noticeConfig(tree);
  const school = tree.calendars[0]!.value;
  const cal = createCalendar(school);
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const r of cfg.rules) engine.addRule({ name: r.id, conditions: r.conditions as never, event: { type: r.effect, params: { rule: r.id } } });
  const at = instantToIso(asOf.getTime(), school.timezone);
  const changes: ReviewChange[] = [];
  for (const n of loadNotices(store)) {
    if (n.status === 'verified' || n.status === 'voided') continue;
    if (at < n.issued_at) continue;
    const { events } = await engine.run({ notice: noticeFacts(n, cal, asOf, cfg.deadline.working_days) });
    const fired = new Set(events.map((e) => String((e.params as { rule: string }).rule)));
    const effects = new Set(events.map((e) => e.type));
    let status: NoticeStatus = n.status;
    const apply = (to: NoticeStatus, effect: string): void => {
      const rules = cfg.rules.filter((r) => r.effect === effect && fired.has(r.id));
      const rule = rules[0]!;
      addEvent(store, { ...n, status }, { event: to, status: to, actor: `${actor} (rule ${rules.map((r) => r.id).join(', ')})`, at, note: rules.map((r) => r.label.zh).join('；'), data: { rules: rules.map((r) => r.id), basis: rule.basis } });
      changes.push({ number: n.number, rule: rules.map((r) => r.id).join(', '), label: rules.map((r) => r.label.zh).join('；'), from: status, to });
      status = to;
    };
    if (effects.has('overdue') && ['issued', 'acknowledged', 'reopened'].includes(status)) apply('overdue', 'overdue');
    if (effects.has('escalate') && status !== 'escalated' && status !== 'rectification-reported') apply('escalated', 'escalate');
  }
  return changes;
}

/**
 * Re-open verified notices whose requirement failed again for the same provider in a later period
 * (the plan's 反复出现): one `reopened` event per later period.
 */
export function reopenRecurring(store: Store, findings: Findings, at: string, actor: string): { number: string; requirement: string }[] {
  const out: { number: string; requirement: string }[] = [];
  const failed = findings.findings.filter((f) => f.status === 'failed' && !isAdvisory(f) && f.obligation !== 'may' && !isOwnRounds(f) && !isCarried(f));
  for (const n of loadNotices(store)) {
    if (n.status !== 'verified' || n.period >= findings.period) continue;
    if (voidOf(n)) continue;
    const again = failed.filter((f) => f.provider === n.provider && n.requirements.includes(f.requirement));
    if (!again.length) continue;
    if (n.events.some((e) => e.event === 'reopened' && (e.data as { period?: string } | null)?.period === findings.period)) continue;
    addEvent(store, n, { event: 'reopened', status: 'reopened', actor, at, note: `${findings.period} 再次出现`, data: { period: findings.period, requirements: again.map((f) => f.requirement) } });
    for (const f of again) out.push({ number: n.number, requirement: f.requirement });
  }
  return out;
}

