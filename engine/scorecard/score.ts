// The monthly scorecard (考核评分表): deductions per failed finding by category with caps, veto items,
// the supervisor score blended with the service users' (survey) score, and a grade. Every number comes
// from findings.json and the notice ledger; nothing is scored by hand.
import { createRequire } from 'node:module';
import { coverage } from '../calendar/calendar.ts';
import { covers, type Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import type { ScorecardFile } from '../model/types.ts';
import { formatPeriod } from '../render/format.ts';
import type { ScoreCategory, ScoreItem, ScorecardDoc } from '../render/types.ts';
import type { Store } from '../store/store.ts';
import { placeNames, type NoticeState } from '../notices/ledger.ts';

export interface Score {
  doc: ScorecardDoc;
  /** Failed findings no category covers: listed, not deducted. */
  unassigned: ScoreItem[];
  /** Whether the provider had anything checked this period (otherwise no score is meaningful). */
  checked: boolean;
}

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Survey satisfaction of a provider in a period, from the stored surveys. */
export function surveyOf(store: Store, provider: string, period: string): { respondents: number; satisfied: number } | null {
  const row = store.db.prepare("SELECT data FROM records WHERE kind = 'surveys' AND record_key = ?").get(`${provider}|${period}`) as { data: string } | undefined;
  if (!row) return null;
  const s = JSON.parse(row.data) as { respondents: number; satisfied: number };
  return s.respondents > 0 ? { respondents: s.respondents, satisfied: s.satisfied } : null;
}

export function scoreProvider(o: { tree: Tree; store: Store; findings: Findings; card: ScorecardFile; provider: string; notices: NoticeState[]; generatedAt: string; office: string }): Score {
  const reg = o.tree.registers[0]!.value;
  const prov = reg.providers.find((p) => p.id === o.provider)!;
  const names = placeNames(reg);
  const mine = o.findings.findings.filter((f) => f.provider === o.provider);
  const failed = mine.filter((f) => f.status === 'failed');
  const noticeFor = (req: string): string | undefined => o.notices.find((n) => n.provider === o.provider && n.period === o.findings.period && n.requirements.includes(req))?.number;
  const item = (f: (typeof failed)[number], deduction: number): ScoreItem => {
    const notice = noticeFor(f.requirement);
    return { requirement: f.requirement, text: f.text, scope: f.scope.kind === 'provider' ? prov.name : (names.get(f.scope.id) ?? f.scope.id), deduction, ...(notice ? { notice } : {}) };
  };
  const taken = new Set<number>();
  const categories: ScoreCategory[] = o.card.categories.map((c) => {
    const per = c.deduction ?? 1;
    const cap = c.cap ?? c.weight;
    const items: ScoreItem[] = [];
    let deducted = 0;
    failed.forEach((f, i) => {
      if (taken.has(i) || !c.requirements.some((id) => covers(id, f.requirement))) return;
      taken.add(i);
      // Each failed finding costs `per` points until the category's cap is reached.
      const d = Math.max(0, Math.min(per, cap - deducted));
      deducted += d;
      items.push(item(f, d));
    });
    return { id: c.id, name: c.name, weight: c.weight, per_finding: per, cap, deducted: round1(deducted), score: round1(c.weight - deducted), items };
  });
  const unassigned = failed.filter((_, i) => !taken.has(i)).map((f) => item(f, 0));
  const veto = (o.card.veto ?? []).map((id) => {
    const hit = failed.find((f) => covers(id, f.requirement));
    const notice = hit ? noticeFor(hit.requirement) : undefined;
    return { requirement: id, text: o.findings.findings.find((f) => covers(id, f.requirement))?.text ?? '', failed: Boolean(hit), ...(notice ? { notice } : {}) };
  });
  const vetoed = veto.some((v) => v.failed);
  const supervisor = round1(categories.reduce((a, c) => a + c.score, 0));
  const survey = surveyOf(o.store, o.provider, o.findings.period);
  const users = survey ? round1((survey.satisfied / survey.respondents) * 100) : null;
  // Without a survey the supervisor score stands alone (the blend has nothing to blend).
  const total = users === null ? supervisor : round1((supervisor * o.card.blend.supervisor + users * o.card.blend.users) / 100);
  const grades = o.card.grades;
  const grade = vetoed ? grades.at(-1)! : (grades.find((g) => total >= g.min) ?? grades.at(-1)!);
  const std = o.tree.standards[0]?.value;
  const cov = coverage();
  const doc: ScorecardDoc = {
    title: `${prov.name} ${formatPeriod(o.findings.period)} ${o.card.title.zh}`,
    office: o.office,
    period: o.findings.period,
    provider: { id: prov.id, name: prov.name },
    profile: mine[0]?.profile ?? prov.profile ?? '',
    categories,
    veto,
    vetoed,
    supervisor_score: supervisor,
    users_score: users,
    users_detail: survey,
    blend: o.card.blend,
    total,
    grade: { code: grade.code, name: grade.name },
    grades,
    trend: [],
    checked: mine.filter((f) => f.status !== 'not-reviewed').length,
    failed: failed.length,
    provenance: {
      standard: `${std?.title.zh ?? ''} ${std?.edition ?? ''} (${std?.id ?? ''} ${std?.version ?? ''}) · 方案 ${mine[0]?.profile ?? ''} · 评分表 ${o.card.id}`,
      calendar: `${cov.source} ${cov.version} (${cov.from}–${cov.to})`,
      data_sha256: o.findings.data.sha256,
      engine: `Charter ${version}`,
    },
    generated_at: o.generatedAt,
    signatures: ['考核人', '服务单位负责人', '后勤管理处负责人'],
  };
  return { doc, unassigned, checked: mine.some((f) => f.status === 'passed' || f.status === 'failed') };
}

/** The six periods ending with `period`, oldest first. */
export function lastPeriods(period: string, n = 6): string[] {
  let [y, m] = period.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}
