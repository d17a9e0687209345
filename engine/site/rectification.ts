// 整改公示: the rectification notices as the public sees them — counted by month issued and status, and by
// provider and problem type — with the time the statuses hold at. No notice numbers, no people.
//
// Statuses current to the build. `overdue` and `escalated` are moved on by the plan's ledger rules
// (notices.yaml `rules`, applied by `charter notices review`) from the deadline and the clock alone: no one
// decides them (the ledger records them as 系统按规则自动记录). So the status a review would record at the
// build's time IS the status at that time, and the site shows that — never the register's older record,
// which would show "已签收" for a notice long past its deadline, to the provider's favour. The build does
// not write the review into the ledger: building a site is a read (a preview, a rebuild or a copy must not
// add events to the office's register), and the same store and build time give the same page. The
// internal register marks each notice whose recorded status the rules have moved on since, so the office
// runs `charter notices review` to record it. Without a build time (buildSiteData called without `now`)
// the statuses are the ledger's as recorded, and the page says as of the ledger's latest event.
import { createCalendar } from '../calendar/calendar.ts';
import { test, type Condition } from '../evaluate/conditions.ts';
import type { Tree } from '../load/tree.ts';
import { PROBLEM_TYPE } from '../model/labels.ts';
import type { Text } from '../model/types.ts';
import { noticeConfig, noticeFacts, type NoticeState, type NoticeStatus } from '../notices/ledger.ts';
import { buildIndex } from '../validate/checks.ts';
import type { SiteRectification } from './types.ts';

/**
 * Each notice's status at `asOf` (local ISO time with offset): the recorded status moved on by the ledger's
 * rules exactly as `reviewLedger` (engine/notices/ledger.ts) would move it, with the same facts, without
 * writing anything. Verified and voided notices, and notices issued after `asOf`, keep their status.
 */
export function statusesAsOf(tree: Tree, notices: NoticeState[], asOf: string): Map<string, NoticeStatus> {
  const out = new Map<string, NoticeStatus>();
  const cfg = noticeConfig(tree);
  const cal = createCalendar(tree.calendars[0]!.value);
  const at = cal.parse(asOf);
  for (const n of notices) {
    let status: NoticeStatus = n.status;
    if (status !== 'verified' && status !== 'voided' && asOf >= n.issued_at) {
      const facts = { notice: noticeFacts(n, cal, at, cfg.deadline.working_days) as unknown as Record<string, unknown> };
      const fired = new Set(cfg.rules.filter((r) => test(r.conditions as Condition, facts)).map((r) => r.effect));
      if (fired.has('overdue') && ['issued', 'acknowledged', 'reopened'].includes(status)) status = 'overdue';
      if (fired.has('escalate') && status !== 'escalated' && status !== 'rectification-reported') status = 'escalated';
    }
    out.set(n.number, status);
  }
  return out;
}

/** A requirement's problem type as the public names it: the kind of requirement, in words (PROBLEM_TYPE). */
export function problemType(type: string | undefined): { key: string; words: Text } {
  const key = type && PROBLEM_TYPE[type] ? type : 'other';
  const w = PROBLEM_TYPE[key]!;
  return { key, words: { zh: w.zh, en: w.en } };
}

/** The public ledger: counts only (by month and status; by provider, problem type and status), with the time they hold at. */
/** The ledger as it stood at `asOf`: notices issued by then, each with the events recorded by then (a
 * build replayed with an earlier `--now` shows neither later notices nor later events). */
export function ledgerAt(notices: NoticeState[], asOf: string): NoticeState[] {
  return notices.filter((n) => n.issued_at <= asOf).map((n) => {
    const events = n.events.filter((e) => e.at <= asOf);
    return { ...n, events, status: events.at(-1)?.status ?? n.status };
  });
}

export function siteRectification(o: { tree: Tree; notices: NoticeState[]; now?: string }): { counts: { month: string; status: string; count: number }[]; detail: SiteRectification } {
  const idx = buildIndex([o.tree]);
  if (o.now) o = { ...o, notices: ledgerAt(o.notices, o.now) };
  const latest = o.notices.flatMap((n) => n.events.map((e) => e.at)).sort().at(-1) ?? '';
  // Without a notice configuration (no rules) the ledger can only be shown as recorded; with no notices there is nothing to move.
  const rules = o.now && o.notices.length > 0 && o.tree.noticeConfigs.length > 0;
  const status = rules ? statusesAsOf(o.tree, o.notices, o.now!) : new Map(o.notices.map((n) => [n.number, n.status]));
  // The time the statuses hold at: the build's when its rules were applied (or there is nothing to move), else the ledger's latest entry.
  const atBuild = Boolean(o.now) && (rules || o.notices.length === 0);
  const asOf = atBuild ? o.now! : latest;
  const counts = new Map<string, number>();
  for (const n of o.notices) {
    const k = `${n.issued_at.slice(0, 7)}|${status.get(n.number)!}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const providers = new Map<string, SiteRectification['providers'][number]>();
  for (const n of o.notices) {
    const s = status.get(n.number)!;
    let p = providers.get(n.provider);
    if (!p) providers.set(n.provider, (p = { id: n.provider, name: n.doc.provider.name, notices: [], problems: [] }));
    const nc = p.notices.find((x) => x.status === s);
    if (nc) nc.count++;
    else p.notices.push({ status: s, count: 1 });
    // A voided notice was issued in error: its problems are not problems found.
    if (s === 'voided') continue;
    for (const pr of n.doc.problems) {
      const t = problemType(idx.requirements.get(pr.requirement)?.value.type);
      const row = p.problems.find((x) => x.type === t.key && x.status === s);
      if (row) row.count++;
      else p.problems.push({ type: t.key, words: t.words, status: s, count: 1 });
    }
  }
  const typeOrder = Object.keys(PROBLEM_TYPE);
  // Providers in the register's order, as every other page lists them.
  const reg = o.tree.registers[0]?.value.providers ?? [];
  const order = (id: string): number => (reg.findIndex((r) => r.id === id) + 1) || reg.length + 1;
  const detail: SiteRectification = {
    as_of: asOf,
    basis: atBuild ? 'build' : 'ledger',
    rules: (o.tree.noticeConfigs[0]?.value.rules ?? []).map((r) => ({ effect: r.effect, label: { zh: r.label.zh, en: r.label.en ?? r.label.zh } })),
    moved: rules ? o.notices.filter((n) => status.get(n.number) !== n.status).length : 0,
    providers: [...providers.values()]
      .sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id))
      .map((p) => ({ ...p, problems: p.problems.sort((a, b) => typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) || a.status.localeCompare(b.status)) })),
  };
  return {
    counts: [...counts.entries()].map(([k, count]) => ({ month: k.split('|')[0]!, status: k.split('|')[1]!, count })).sort((a, b) => a.month.localeCompare(b.month) || a.status.localeCompare(b.status)),
    detail,
  };
}
