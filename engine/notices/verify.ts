// `charter notices verify`: the rectification is checked on data, not on the provider's word — the
// notice's requirements are evaluated again on what happened after the rectification was reported, and
// the notice closes only when they pass.
import { createCalendar } from '../calendar/calendar.ts';
import { instantToIso } from '../data/convert.ts';
import { evaluate, type Finding } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import { localDate } from '../model/labels.ts';
import { namesOf } from '../validate/names.ts';
import type { Store } from '../store/store.ts';
import { addEvent, deadlineUnknown, findNotice, LedgerError, noticeConfig, refuseVoided, STATUS_ZH, type NoticeEvent, type NoticeState } from './ledger.ts';

export interface Verification {
  notice: NoticeState;
  outcome: 'verified' | 'failed';
  since: string;
  periods: string[];
  findings: Finding[];
  event: NoticeEvent;
  /** After a failed re-check: the new rectification deadline (再次限期整改), YYYY-MM-DD. */
  deadline?: string;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p > to) break;
    out.push(p);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function verifyNotice(o: { tree: Tree; store: Store; number: string; asOf: Date; actor: string }): Verification {
  const n = findNotice(o.store, o.number);
  refuseVoided(n, 'verify');
  if (n.status !== 'rectification-reported') throw new LedgerError('CH504', { number: n.number, action: 'verify', status: n.status, statusZh: STATUS_ZH[n.status] });
  const school = o.tree.calendars[0]!.value;
  const cal = createCalendar(school);
  const reported = n.events.filter((e) => e.event === 'rectification-reported').at(-1)!;
  const since = cal.parse(reported.at);
  const asOfText = instantToIso(o.asOf.getTime(), school.timezone);
  const periods = monthsBetween(reported.at.slice(0, 7), asOfText.slice(0, 7));
  const findings: Finding[] = [];
  for (const period of periods) {
    // The month of the check is judged as of the check; earlier months as a whole.
    const f = evaluate({ tree: o.tree, store: o.store, period, provider: n.provider, since, ...(period === asOfText.slice(0, 7) ? { asOf: o.asOf } : {}) });
    findings.push(...f.findings.filter((x) => n.requirements.includes(x.requirement)));
  }
  const failed = findings.filter((f) => f.status === 'failed');
  const passed = findings.filter((f) => f.status === 'passed');
  if (!failed.length && !passed.length) throw new LedgerError('CH506', { number: n.number, since: reported.at });
  const summary = findings.filter((f) => f.status === 'failed' || f.status === 'passed').map((f) => ({ requirement: f.requirement, period: f.period, status: f.status, measured: f.measured ?? null, evidence_total: f.evidence_total }));
  // 复查未通过 → 再次限期整改: a new deadline from the day of the check, as the configuration sets it.
  let again: { deadline: string; working_days: number; basis: string } | undefined;
  const rf = noticeConfig(o.tree).recheck_failed;
  if (failed.length && rf) {
    const d = cal.addWorkingDays(o.asOf, rf.working_days);
    if (!d.known) throw deadlineUnknown(d);
    again = { deadline: d.lastDay, working_days: rf.working_days, basis: rf.basis };
  }
  // The note is read on the notice's history: clauses by their official reference, the date in words.
  const names = namesOf(o.tree);
  const event = failed.length
    ? addEvent(o.store, n, {
        event: 'verification-failed',
        status: 'acknowledged',
        actor: o.actor,
        at: asOfText,
        note: `复查未通过：${[...new Set(failed.map((f) => names.requirement(f.requirement, 'zh')))].join('、')}${again ? `；再次限期整改，期限至 ${localDate(again.deadline, 'zh')}` : ''}`,
        data: { since: reported.at, periods, findings: summary, ...(again ? { deadline: again.deadline, working_days: again.working_days, basis: again.basis } : {}) },
      })
    : addEvent(o.store, n, { event: 'verified', status: 'verified', actor: o.actor, at: asOfText, note: '复查通过，销号', data: { since: reported.at, periods, findings: summary } });
  return { notice: { ...n, status: event.status, events: [...n.events, event] }, outcome: failed.length ? 'failed' : 'verified', since: reported.at, periods, findings, event, ...(again ? { deadline: again.deadline } : {}) };
}
