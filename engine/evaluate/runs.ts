// Evaluation runs and late data (issue 10 §1). Each `charter evaluate` keeps a compact record of its
// result; when a later evaluation runs, every earlier period whose data changed since its last run is
// judged again in memory, and what would now change is reported, so the office can decide whether to
// re-evaluate and re-issue. Nothing stored for an earlier period is altered here.
import type { Lang } from '../diagnostics.ts';
import { instantToIso } from '../data/convert.ts';
import type { Tree } from '../load/tree.ts';
import { FINDING_STATUS, localTime, monthWords, say } from '../model/labels.ts';
import type { RegisterFile } from '../model/types.ts';
import type { Store } from '../store/store.ts';
import { evaluate, worst, type Findings, type Status } from './evaluate.ts';

/** The part of a result a re-evaluation is compared on. */
export interface RunResult {
  /** Worst status per `requirement|provider`. */
  statuses: Record<string, Status>;
  /** [met, n] per `requirement|limit|provider`. */
  pledges: Record<string, [number, number]>;
}

export interface LateChange {
  period: string;
  /** When the earlier period was evaluated (its latest run). */
  evaluated_at: string;
  as_of: string;
  changes: {
    requirement: string;
    provider: string;
    before: Status | null;
    after: Status | null;
    pledges: { limit: string; label?: { zh: string; en?: string }; before: { met: number; n: number } | null; after: { met: number; n: number } | null }[];
  }[];
}

export function compactResult(f: Findings): RunResult {
  const statuses: Record<string, Status> = {};
  for (const x of f.findings) {
    const k = `${x.requirement}|${x.provider}`;
    statuses[k] = statuses[k] ? worst(statuses[k], x.status) : x.status;
  }
  const pledges: Record<string, [number, number]> = {};
  for (const p of f.pledges) pledges[`${p.requirement}|${p.limit}|${p.provider}`] = [p.met, p.n];
  return { statuses, pledges };
}

/** Keep a record of one evaluation run. */
export function recordRun(store: Store, f: Findings, o: { evaluatedAt: Date; profile?: string; provider?: string; tz?: string }): void {
  store.db
    .prepare('INSERT INTO evaluation_runs (period, as_of, evaluated_at, profile, provider, data_sha256, result) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(f.period, f.as_of, instantToIso(o.evaluatedAt.getTime(), o.tz ?? 'Asia/Shanghai'), o.profile ?? null, o.provider ?? null, f.data.sha256, JSON.stringify(compactResult(f)));
}

function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Earlier periods (before `period`) whose latest run would now come out differently because of data
 * submitted after it. Only periods with a submission since their run that touches a record reported
 * before the period ended (or replaces one) are judged again.
 */
export function lateChanges(o: { tree: Tree; store: Store; period: string }): LateChange[] {
  const db = o.store.db;
  const runs = db
    .prepare('SELECT r.* FROM evaluation_runs r JOIN (SELECT period, MAX(id) AS id FROM evaluation_runs WHERE period < ? GROUP BY period) l ON r.id = l.id ORDER BY r.period')
    .all(o.period) as { period: string; as_of: string; evaluated_at: string; profile: string | null; provider: string | null; result: string }[];
  if (!runs.length) return [];
  const subs = db.prepare('SELECT id, submitted_at FROM submissions').all() as { id: number; submitted_at: string }[];
  const touched = db.prepare('SELECT 1 FROM records WHERE submission_id = ? AND (event_at IS NULL OR event_at < ?) LIMIT 1');
  const replaced = db.prepare('SELECT 1 FROM record_history WHERE replaced_by = ? LIMIT 1');
  const out: LateChange[] = [];
  for (const run of runs) {
    const since = Date.parse(run.evaluated_at);
    const end = `${nextMonth(run.period)}-01`;
    const later = subs.filter((s) => Date.parse(s.submitted_at) > since);
    if (!later.some((s) => touched.get(s.id, end) !== undefined || replaced.get(s.id) !== undefined)) continue;
    const now = evaluate({
      tree: o.tree,
      store: o.store,
      period: run.period,
      asOf: new Date(run.as_of),
      ...(run.profile ? { profile: run.profile } : {}),
      ...(run.provider ? { provider: run.provider } : {}),
    });
    const before = JSON.parse(run.result) as RunResult;
    const after = compactResult(now);
    const changes: LateChange['changes'] = [];
    const labels = new Map(now.pledges.map((p) => [`${p.requirement}|${p.limit}|${p.provider}`, p.label]));
    const keys = [...new Set([...Object.keys(before.statuses), ...Object.keys(after.statuses)])].sort(byRequirement);
    const pledgeKeys = [...new Set([...Object.keys(before.pledges), ...Object.keys(after.pledges)])];
    for (const k of keys) {
      const [requirement, provider] = k.split('|') as [string, string];
      const pl = pledgeKeys
        .filter((pk) => pk.startsWith(`${requirement}|`) && pk.endsWith(`|${provider}`))
        .filter((pk) => JSON.stringify(before.pledges[pk] ?? null) !== JSON.stringify(after.pledges[pk] ?? null))
        .map((pk) => {
          const b = before.pledges[pk];
          const a = after.pledges[pk];
          const label = labels.get(pk);
          return { limit: pk.split('|')[1]!, ...(label ? { label } : {}), before: b ? { met: b[0], n: b[1] } : null, after: a ? { met: a[0], n: a[1] } : null };
        });
      const sb = before.statuses[k] ?? null;
      const sa = after.statuses[k] ?? null;
      if (sb !== sa || pl.length) changes.push({ requirement, provider, before: sb, after: sa, pledges: pl });
    }
    if (changes.length) out.push({ period: run.period, evaluated_at: run.evaluated_at, as_of: run.as_of, changes });
  }
  return out;
}

/** Requirement ids in document order (4.3-1 before 4.3-2 before 5.1.1.1). */
function byRequirement(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}


/** The report, Chinese first. */
export function renderLateChanges(changes: LateChange[], reg: RegisterFile | undefined, lang: Lang, ref: (id: string) => string = (id) => id): string {
  const zh = lang === 'zh';
  const name = (id: string): string => reg?.providers.find((p) => p.id === id)?.name ?? id;
  const frac = (x: { met: number; n: number } | null): string => (x ? `${x.met}/${x.n}` : '—');
  // Statuses in the reader's words (engine/model/labels.ts), never the code.
  const st = (s: Status | null): string => (s ? say(FINDING_STATUS, s, lang) : '—');
  const lines: string[] = [];
  for (const c of changes) {
    const items = c.changes.map((x) => {
      const parts = x.pledges.map((p) => `${(zh ? p.label?.zh : (p.label?.en ?? p.label?.zh)) ?? p.limit} ${frac(p.before)} → ${frac(p.after)}`);
      if (x.before !== x.after) parts.push(`${st(x.before)} → ${st(x.after)}`);
      return `${ref(x.requirement)} ${name(x.provider)} ${parts.join(zh ? '，' : ', ')}`;
    });
    lines.push(
      zh
        ? `${monthWords(c.period, lang)}的评价结果已因之后提交的数据而改变（上次评价于 ${localTime(c.evaluated_at, lang, { year: true })}）：\n  ${items.join('；\n  ')}\n  如需，请重新评价 ${monthWords(c.period, lang)}（charter evaluate --period ${c.period}）并考虑重新签发通知单。`
        : `The result for ${monthWords(c.period, lang)} has changed because of data submitted after it was evaluated (${localTime(c.evaluated_at, lang, { year: true })}):\n  ${items.join(';\n  ')}\n  If need be, evaluate ${monthWords(c.period, lang)} again (charter evaluate --period ${c.period}) and consider re-issuing its notices.`,
    );
  }
  return lines.join('\n');
}
