// The monthly scorecard (考核评分表): deductions per failed finding by category with caps, veto items,
// the supervisor score blended with the service users' (survey) score, and a grade. Every number comes
// from findings.json and the notice ledger; nothing is scored by hand.
import { createRequire } from 'node:module';
import { coverage } from '../calendar/calendar.ts';
import { covers, type Finding, type Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import type { ScorecardFile } from '../model/types.ts';
import { formatPeriod } from '../render/format.ts';
import type { ScoreCategory, ScoreItem, ScorecardDoc } from '../render/types.ts';
import type { Store } from '../store/store.ts';
import { isAdvisory, isCarried, voidOf, type NoticeState } from '../notices/ledger.ts';
import type { Names } from '../model/labels.ts';
import { namesOf } from '../validate/names.ts';
import { missWords, placeWords } from './words.ts';

export interface Score {
  doc: ScorecardDoc;
  /** Failed findings no category covers: listed, not deducted. */
  unassigned: ScoreItem[];
  /** Whether the card is final: the provider had verdicts this period and enough coverage (otherwise no grade is meaningful). */
  checked: boolean;
}

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const round1 = (x: number): number => Math.round(x * 10) / 10;

// Names are built once per tree: a scorecard run scores each provider for six periods.
const namesCache = new WeakMap<Tree, Names>();
const namesFor = (tree: Tree): Names => {
  let n = namesCache.get(tree);
  if (!n) namesCache.set(tree, (n = namesOf(tree)));
  return n;
};

/**
 * The weighted parts and the total as the card prints them (docs/notices.md): each part is score × blend %
 * to one decimal (89 × 80 % = 71.2), the total is their sum, so the printed arithmetic adds up. Without a
 * survey the supervisor score stands alone.
 */
export function blendScores(supervisor: number, users: number | null, blend: { supervisor: number; users: number }): { supervisor: number; users: number | null; total: number } {
  if (users === null) return { supervisor, users: null, total: supervisor };
  const s = round1((supervisor * blend.supervisor) / 100);
  const u = round1((users * blend.users) / 100);
  return { supervisor: s, users: u, total: round1(s + u) };
}

/** Survey satisfaction of a provider in a period, from the stored surveys. */
export function surveyOf(store: Store, provider: string, period: string): { respondents: number; satisfied: number } | null {
  const row = store.db.prepare("SELECT data FROM records WHERE kind = 'surveys' AND record_key = ?").get(`${provider}|${period}`) as { data: string } | undefined;
  if (!row) return null;
  const s = JSON.parse(row.data) as { respondents: number; satisfied: number };
  return s.respondents > 0 ? { respondents: s.respondents, satisfied: s.satisfied } : null;
}

/** Whether a whole period lies outside a provider's contract service period (then it has no scorecard). */
export function outsideService(prov: { service?: { from: string; to?: string } }, period: string): boolean {
  if (!prov.service) return false;
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return prov.service.from > last || (prov.service.to !== undefined && prov.service.to < `${period}-01`);
}

/** Coverage of a provider-period: requirements with a verdict ÷ applicable requirements (not not-applicable). */
export function coverageOf(findings: Finding[], floor: number): NonNullable<ScorecardDoc['coverage']> {
  const applicable = new Set<string>();
  const verdict = new Set<string>();
  const noData = new Set<string>();
  for (const f of findings) {
    if (f.status === 'not-applicable' || f.obligation === 'may') continue;
    applicable.add(f.requirement);
    if (f.status === 'passed' || f.status === 'failed') verdict.add(f.requirement);
    else if (f.reason_code === 'no-data') noData.add(f.requirement);
  }
  for (const r of verdict) noData.delete(r);
  return { verdict: verdict.size, applicable: applicable.size, no_data: noData.size, ratio: applicable.size ? verdict.size / applicable.size : null, floor };
}

/**
 * Weights of the categories that apply, re-distributed proportionally so they still total 100
 * (docs/notices.md): w' = w × 100 ÷ Σ applicable w, rounded to 0.1, the rounding remainder on the largest.
 */
export function redistribute(weights: number[], applicable: boolean[]): number[] {
  const sum = weights.reduce((a, w, i) => a + (applicable[i] ? w : 0), 0);
  if (sum === 0 || applicable.every(Boolean)) return weights.slice();
  const out = weights.map((w, i) => (applicable[i] ? round1((w * 100) / sum) : 0));
  const diff = round1(100 - out.reduce((a, w) => a + w, 0));
  if (diff !== 0) {
    let k = -1;
    out.forEach((w, i) => {
      if (applicable[i] && (k < 0 || w > out[k]!)) k = i;
    });
    out[k] = round1(out[k]! + diff);
  }
  return out;
}

export function scoreProvider(o: { tree: Tree; store: Store; findings: Findings; card: ScorecardFile; provider: string; notices: NoticeState[]; generatedAt: string; office: string }): Score {
  const reg = o.tree.registers[0]!.value;
  const prov = reg.providers.find((p) => p.id === o.provider)!;
  const names = namesFor(o.tree);
  const mine = o.findings.findings.filter((f) => f.provider === o.provider && f.obligation !== 'may');
  const failedAll = mine.filter((f) => f.status === 'failed');
  // 宜 findings are advice: shown apart, never deducted. Everything else failed is binding. A quarter / term / year
  // inspection's failure carried into a later month of its interval was deducted in the month it was found.
  const failed = failedAll.filter((f) => !isAdvisory(f) && !isCarried(f));
  // Only notices issued by the scorecard's date are cited; a notice voided by then cites nothing and costs nothing.
  const cited = o.notices.filter((n) => n.provider === o.provider && n.period === o.findings.period && n.issued_at <= o.generatedAt);
  const noticeFor = (req: string): { number: string; voided: boolean } | undefined => {
    const live = cited.find((n) => n.requirements.includes(req) && !voidOf(n, o.generatedAt));
    if (live) return { number: live.number, voided: false };
    const dead = cited.find((n) => n.requirements.includes(req));
    return dead ? { number: dead.number, voided: true } : undefined;
  };
  const item = (f: (typeof failed)[number], deduction: number): ScoreItem => {
    const notice = noticeFor(f.requirement);
    return {
      requirement: f.requirement,
      ref: names.requirement(f.requirement, 'zh'),
      text: f.text,
      problem: missWords(f, { pledges: o.findings.pledges ?? [], names, lang: 'zh' }),
      scope: placeWords(f, names, 'zh'),
      deduction,
      ...(notice ? { notice: notice.number } : {}),
      ...(notice?.voided ? { voided: true } : {}),
    };
  };
  const profileId = mine[0]?.profile ?? prov.profile ?? '';
  // A category applies when the provider is of a type (and profile) it names and one of its requirements applies.
  const applies = o.card.categories.map((c) => {
    const t = c.applies_to?.provider_types;
    const p = c.applies_to?.profiles;
    if (t && prov.type && !t.includes(prov.type)) return false;
    if (p && !p.includes(profileId)) return false;
    return mine.some((f) => f.status !== 'not-applicable' && c.requirements.some((id) => covers(id, f.requirement)));
  });
  const anyApplies = applies.some(Boolean);
  const weights = anyApplies ? redistribute(o.card.categories.map((c) => c.weight), applies) : o.card.categories.map((c) => c.weight);
  const taken = new Set<number>();
  const categories: ScoreCategory[] = o.card.categories.map((c, k) => {
    const applicable = !anyApplies || applies[k]!;
    const weight = applicable ? weights[k]! : 0;
    const per = c.deduction ?? 1;
    const cap = applicable ? round1(((c.cap ?? c.weight) * weight) / c.weight) : 0;
    const items: ScoreItem[] = [];
    let deducted = 0;
    if (applicable)
      failed.forEach((f, i) => {
        if (taken.has(i) || !c.requirements.some((id) => covers(id, f.requirement))) return;
        taken.add(i);
        if (noticeFor(f.requirement)?.voided) return void items.push(item(f, 0));
        // Each failed finding costs `per` points until the category's cap is reached.
        const d = Math.max(0, Math.min(per, cap - deducted));
        deducted += d;
        items.push(item(f, d));
      });
    return { id: c.id, name: c.name, weight, per_finding: per, cap, deducted: round1(deducted), score: round1(weight - deducted), items, ...(applicable ? {} : { applicable: false }), ...(weight !== c.weight ? { base_weight: c.weight } : {}) };
  });
  const unassigned = failed.filter((_, i) => !taken.has(i)).map((f) => item(f, 0));
  const veto = (o.card.veto ?? []).map((id) => {
    const hit = failed.find((f) => covers(id, f.requirement) && !noticeFor(f.requirement)?.voided);
    const notice = hit ? noticeFor(hit.requirement)?.number : undefined;
    return { requirement: id, ref: names.requirement(id, 'zh'), text: o.findings.findings.find((f) => covers(id, f.requirement))?.text ?? '', failed: Boolean(hit), ...(notice ? { notice } : {}) };
  });
  const vetoed = veto.some((v) => v.failed);
  const supervisor = round1(categories.reduce((a, c) => a + c.score, 0));
  const survey = surveyOf(o.store, o.provider, o.findings.period);
  const users = survey ? round1((survey.satisfied / survey.respondents) * 100) : null;
  // Without a survey the supervisor score stands alone (the blend has nothing to blend).
  const blended = blendScores(supervisor, users, o.card.blend);
  const total = blended.total;
  const grades = o.card.grades;
  const grade = vetoed ? grades.at(-1)! : (grades.find((g) => total >= g.min)! ?? grades.at(-1)!);
  const std = o.tree.standards[0]?.value;
  const cov = coverage();
  const checked = mine.some((f) => f.status === 'passed' || f.status === 'failed');
  const cover = coverageOf(mine, o.card.coverage_floor ?? 0);
  const pct = cover.ratio === null ? '—' : `${Math.round(cover.ratio * 100)}%`;
  // Silence is not success: without a verdict, or with too few, the card is a draft and takes no grade.
  const provisional: ScorecardDoc['provisional'] = !checked
    ? { code: 'no-evaluation', reason: `本期没有可评价的结果（适用条款 ${cover.applicable} 项，其中无数据 ${cover.no_data} 项），暂不评定等级。` }
    : cover.ratio !== null && cover.ratio < cover.floor
      ? { code: 'low-coverage', reason: `评价覆盖 ${cover.verdict}/${cover.applicable} 项（${pct}），低于评分表规定的 ${Math.round(cover.floor * 100)}%（其中无数据 ${cover.no_data} 项），暂不评定等级。` }
      : undefined;
  const advisories = failedAll.filter(isAdvisory).map((f) => item(f, 0));
  const doc: ScorecardDoc = {
    title: `${prov.name} ${formatPeriod(o.findings.period)} ${o.card.title.zh}${provisional ? '（草稿·待补数据）' : ''}`,
    office: o.office,
    period: o.findings.period,
    provider: { id: prov.id, name: prov.name },
    profile: profileId,
    profile_title: names.profile(profileId, 'zh'),
    categories,
    veto,
    vetoed,
    supervisor_score: supervisor,
    users_score: users,
    users_detail: survey,
    blend: o.card.blend,
    weighted: { supervisor: blended.supervisor, users: blended.users },
    total,
    grade: { code: grade.code, name: grade.name },
    grades,
    trend: [],
    checked: mine.filter((f) => f.status !== 'not-reviewed').length,
    failed: failed.length,
    coverage: cover,
    ...(provisional ? { provisional } : {}),
    ...(advisories.length ? { advisories } : {}),
    provenance: {
      // In words: titles, not ids (the ids stay in findings.json and --json).
      standard: `${std ? `《${std.title.zh}》${std.edition ?? ''} 第${std.version}版` : ''} · 方案《${names.profile(profileId, 'zh')}》 · 评分表《${o.card.title.zh}》`,
      calendar: `法定节假日及调休安排 ${cov.from}–${cov.to}年（数据第${cov.version}版）`,
      data_sha256: o.findings.data.sha256,
      engine: `Charter ${version}`,
    },
    generated_at: o.generatedAt,
    signatures: ['考核人', '服务单位负责人', '后勤管理处负责人'],
  };
  return { doc, unassigned, checked: checked && !provisional };
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
