// The commitment site's content, from the same YAML (the engine's loader) and the evaluations of every
// month with data. The public edition holds nothing about individual records, people or notices; the
// internal edition adds findings with evidence, the notice register and the scorecards.
import { createHash } from 'node:crypto';
import { coverage } from '../calendar/calendar.ts';
import { TIME_FIELD_LABELS } from '../data/records.ts';
import { evaluate, type Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import { resolveProfile } from '../model/resolve.ts';
import type { Requirement, Text } from '../model/types.ts';
import { humanDuration, loadNotices, STATUS_ZH } from '../notices/ledger.ts';
import { noticeFile, scorecardFile } from '../notices/paper.ts';
import { scoreProvider } from '../scorecard/score.ts';
import type { Store } from '../store/store.ts';
import { buildIndex, valueAt } from '../validate/checks.ts';
import { SiteError } from './errors.ts';
import { siteUrlOf } from './site-url.ts';
import { siteInspections } from './inspections.ts';
import { clauseWords, parameterLabel, parameterValueWords, siteGenerated, traditionalDocuments } from './clauses.ts';
import type { SiteClause, SiteData, SitePledge } from './types.ts';


/** An ISO 8601 duration or a day count in Chinese and English. */
function limitText(value: string, unit: string): Text {
  if (unit === 'working-days') return { zh: `${value} 个工作日`, en: `${value} working day${value === '1' ? '' : 's'}` };
  if (unit === 'days') return { zh: `${value} 日`, en: `${value} day${value === '1' ? '' : 's'}` };
  const zh = humanDuration(value);
  const en = zh.replace(/ 天/g, ' d').replace(/ 小时/g, ' h').replace(/ 分钟/g, ' min').replace(/ 秒/g, ' s');
  return { zh, en };
}

const clock = (start: string, stop: string): Text => ({
  zh: `从${TIME_FIELD_LABELS[start]?.zh ?? start}时间起算，到${TIME_FIELD_LABELS[stop]?.zh ?? stop}时为止；按钟表时间连续计算，不因下班、周末或节假日暂停。`,
  en: `From ${TIME_FIELD_LABELS[start]?.en ?? start} to ${TIME_FIELD_LABELS[stop]?.en ?? stop}, by the clock: it does not stop outside working hours, at weekends or on holidays.`,
});

/** Months that hold cases (work orders, complaints, consultations), oldest first, at most `n`. */
export function periodsWithData(store: Store, n = 12): string[] {
  const rows = store.db.prepare("SELECT DISTINCT month FROM record_columns WHERE part = '' AND month <> '' AND kind IN ('work-orders', 'complaints', 'consultations', 'activities') ORDER BY month").all() as { month: string }[];
  return rows.map((r) => r.month).slice(-n);
}

/** `inspectionPeriods`: the months whose inspection rounds get a phone-form page (internal edition);
 * default the periods the site covers. */
export function buildSiteData(o: { tree: Tree; store: Store; edition: 'public' | 'internal'; periods?: string[]; pdfBase?: string; inspectionPeriods?: string[]; siteUrl?: string | null }): SiteData {
  const tree = o.tree;
  const idx = buildIndex([tree]);
  const reg = tree.registers[0]?.value;
  if (!reg) throw new SiteError('CH418', { file: 'standards/school/register.yaml', kind: 'register' });
  const desk = tree.serviceDesks[0]?.value;
  if (!desk) throw new SiteError('CH418', { file: 'standards/school/service-desk.yaml', kind: 'service-desk' });
  const std = tree.standards[0]?.value;
  const periods = o.periods ?? periodsWithData(o.store);
  const findings = new Map<string, Findings>();
  for (const p of periods) findings.set(p, evaluate({ tree, store: o.store, period: p }));
  const last = periods.length ? findings.get(periods.at(-1)!)! : undefined;
  const cov = coverage();

  // Pledges: one row per requirement × limit × provider, with every period's counts.
  const pledges = new Map<string, SitePledge>();
  for (const p of periods) {
    for (const x of findings.get(p)!.pledges) {
      const key = `${x.requirement}#${x.limit}|${x.provider}`;
      let row = pledges.get(key);
      if (!row) {
        const req = idx.requirements.get(x.requirement)!.value;
        const lim = req.timeliness!.limits.find((l) => l.id === x.limit)!;
        const unit = req.parameters?.find((q) => q.name === lim.limit.param)?.unit ?? 'duration';
        const prov = reg.providers.find((q) => q.id === x.provider)!;
        row = {
          id: `${x.requirement}#${x.limit}`,
          requirement: x.requirement,
          limit: x.limit,
          provider: { id: prov.id, name: prov.name },
          label: x.label,
          limit_value: { iso: x.limit_value, text: limitText(x.limit_value, unit) },
          target: x.target === null ? null : x.target > 1 ? x.target / 100 : x.target,
          next_target: null,
          clock: clock(lim.start, lim.stop),
          periods: [],
        };
        pledges.set(key, row);
      }
      row.periods.push({ period: p, n: x.n, met: x.met, missed: x.missed, excluded: x.excluded, open_breached: x.open_breached, rate: x.n ? x.met / x.n : null });
      row.limit_value = { iso: x.limit_value, text: row.limit_value.text };
    }
  }
  const resolved = new Map<string, ReturnType<typeof resolveProfile>>();
  const resolvedOf = (prof: string): ReturnType<typeof resolveProfile> => {
    let r = resolved.get(prof);
    if (!r) resolved.set(prof, (r = resolveProfile(prof, idx)));
    return r;
  };
  // Every time limit each provider's plan sets, from the YAML alone (an empty store has them too).
  const asOfDay = last?.as_of.slice(0, 10) ?? std?.effective_from ?? '';
  const catalogue = new Map<string, SitePledge>();
  for (const prov of reg.providers) {
    for (const rr of resolvedOf(prov.profile ?? std?.id ?? '')) {
      const t = rr.requirement.timeliness;
      if (!t) continue;
      for (const lim of t.limits) {
        const par = rr.parameters.find((q) => q.name === lim.limit.param);
        const unit = rr.requirement.parameters?.find((q) => q.name === lim.limit.param)?.unit ?? 'duration';
        const v = valueAt(par?.values ?? [], asOfDay) ?? par?.values[0];
        const tv = t.target ? valueAt(rr.parameters.find((q) => q.name === t.target!.param)?.values ?? [], asOfDay) : undefined;
        const iso = String(v?.value ?? '');
        catalogue.set(`${rr.requirement.id}#${lim.id}|${prov.id}`, {
          id: `${rr.requirement.id}#${lim.id}`,
          requirement: rr.requirement.id,
          limit: lim.id,
          provider: { id: prov.id, name: prov.name },
          label: lim.label,
          limit_value: { iso, text: limitText(iso, unit) },
          target: tv === undefined ? null : Number(tv.value) > 1 ? Number(tv.value) / 100 : Number(tv.value),
          next_target: null,
          clock: clock(lim.start, lim.stop),
          periods: [],
        });
      }
    }
  }
  // A pledge the evaluation judged "no data" in every period (say complaints, none submitted yet) is
  // listed with 暂无数据 rather than left out, so a reader sees the pledge and that nothing was reported.
  const noDataIn = new Map<string, Set<string>>();
  for (const p of periods) {
    for (const f of findings.get(p)!.findings) {
      if (f.status !== 'not-reviewed' || f.reason_code !== 'no-data') continue;
      const k = `${f.requirement}|${f.provider}`;
      if (!noDataIn.has(k)) noDataIn.set(k, new Set());
      noDataIn.get(k)!.add(p);
    }
  }
  for (const [key, entry] of catalogue) {
    if (pledges.has(key) || !noDataIn.has(`${entry.requirement}|${entry.provider.id}`)) continue;
    pledges.set(key, { ...entry, periods: [] });
  }
  // Periods with no case for a pledge are shown as such ("无个案"), not left out; periods the evaluation
  // found no data of the kind for are "暂无数据".
  for (const row of pledges.values()) {
    const none = noDataIn.get(`${row.requirement}|${row.provider.id}`);
    row.periods = periods.map((p) => row.periods.find((q) => q.period === p) ?? { period: p, n: 0, met: 0, missed: 0, excluded: 0, open_breached: 0, rate: null, ...(none?.has(p) ? { no_data: true as const } : {}) });
    // A target dated after the last period is next period's target.
    const req = idx.requirements.get(row.requirement)!.value;
    const tp = req.timeliness?.target?.param;
    const prof = reg.providers.find((q) => q.id === row.provider.id)?.profile ?? std?.id ?? '';
    const values = tp ? (resolvedOf(prof).find((r) => r.requirement.id === row.requirement)?.parameters.find((q) => q.name === tp)?.values ?? []) : [];
    const after = values.find((v) => last && v.from > last.as_of.slice(0, 10));
    if (after) row.next_target = { from: after.from, value: Number(after.value) > 1 ? Number(after.value) / 100 : Number(after.value) };
  }

  const asOf = last?.as_of.slice(0, 10) ?? std?.effective_from ?? '';
  const limitOf = (id: string): Text | undefined => {
    const req = idx.requirements.get(id)?.value;
    if (!req?.timeliness) return undefined;
    const parts = req.timeliness.limits.map((l) => {
      const dv = valueAt(req.parameters?.find((q) => q.name === l.limit.param)?.values ?? [], asOf);
      const t = limitText(String(dv?.value ?? ''), req.parameters?.find((q) => q.name === l.limit.param)?.unit ?? 'duration');
      return { zh: `${l.label.zh} ${t.zh}`, en: `${l.label.en ?? l.label.zh} ${t.en}` };
    });
    return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
  };

  const docOf = (r: Requirement): SiteClause['document'] => {
    const loc = idx.requirements.get(r.id);
    const prof = tree.profiles.find((p) => p.file === loc?.file)?.value;
    return prof ? { id: prof.id, title: prof.title, kind: 'profile' } : { id: std?.id ?? '', title: std?.title ?? { zh: '' }, kind: 'standard' };
  };
  const hant = traditionalDocuments(tree, (r) => docOf(r).id);
  const clauses: SiteClause[] = tree.requirements.map(({ value: r }) => ({
    id: r.id,
    section: r.section,
    document: docOf(r),
    parent: r.parent,
    ...(r.title ? { title: r.title } : {}),
    text: r.text,
    ...clauseWords(r, idx, hant.has(docOf(r).id)),
    obligation: r.obligation,
    type: r.type,
    status: r.status ?? 'active',
    parameters: (r.parameters ?? []).map((p) => ({
      name: p.name,
      label: parameterLabel(r, p),
      unit: p.unit,
      values: p.values.map((v) => ({ from: v.from, value: String(v.value), text: p.unit === 'working-days' ? limitText(String(v.value), p.unit) : parameterValueWords(String(v.value), p.unit) })),
    })),
    history: [
      { date: r.since ?? std?.effective_from ?? '', change: r.status === 'superseded' ? '已被取代' : r.status === 'withdrawn' ? '已撤销' : '现行' },
      ...(r.links ?? []).filter((l) => l.rel === 'replaces' || l.rel === 'replaced-by').map((l) => ({ date: r.since ?? '', change: `${l.rel === 'replaces' ? '取代' : '被取代为'} ${l.target}` })),
    ],
  }));

  const notices = loadNotices(o.store);
  const rectification = new Map<string, number>();
  for (const n of notices) {
    const k = `${n.issued_at.slice(0, 7)}|${n.status}`;
    rectification.set(k, (rectification.get(k) ?? 0) + 1);
  }

  const data: SiteData = {
    edition: o.edition,
    site_url: siteUrlOf(tree, o.siteUrl),
    generated: {
      as_of: last?.as_of ?? '',
      standard: `${std?.title.zh ?? ''} ${std?.edition ?? ''} (${std?.id ?? ''} ${std?.version ?? ''})`,
      calendar: `${cov.source} ${cov.version} (${cov.from}–${cov.to})`,
      data_sha256: createHash('sha256').update(periods.map((p) => `${p}:${findings.get(p)!.data.sha256}`).join('\n')).digest('hex'),
      ...siteGenerated(o.store, std, cov, last?.as_of ?? '', periods),
    },
    office: { name: desk.office, hotline: desk.hotline, window: desk.window, online: desk.online },
    providers: reg.providers.map((p) => ({ id: p.id, name: p.name })),
    periods,
    pledges: [...pledges.values()],
    pledge_catalogue: [...catalogue.values()],
    processes: desk.processes.map((p) => ({ id: p.id, name: p.name, steps: p.steps.map((s) => ({ name: s.name, ...(s.requirement && limitOf(s.requirement) ? { limit: { requirement: s.requirement, text: limitOf(s.requirement)! } } : {}) })) })),
    sections: [
      ...(std?.sections ?? []).map((s) => ({ document: std!.id, number: s.number, title: s.title })),
      ...tree.profiles.map((p) => ({ document: p.value.id, number: '', title: p.value.title })),
    ],
    clauses,
    services: desk.services,
    emergencies: desk.emergencies.map((e) => ({ category: e.category, clause: '8.2', text: idx.requirements.get('8.2')?.value.text ?? '', contact: e.contact })),
    rectification: [...rectification.entries()].map(([k, count]) => ({ month: k.split('|')[0]!, status: k.split('|')[1]!, count })).sort((a, b) => a.month.localeCompare(b.month) || a.status.localeCompare(b.status)),
    changes: [
      ...(std?.history ?? []).map((h) => ({ date: h.date, title: { zh: `${std!.title.zh} ${h.version}：${h.changes}`, en: `${std!.title.en ?? std!.id} ${h.version}: ${h.changes}` }, link: 'standard/' })),
      ...tree.profiles.flatMap((p) => (p.value.history ?? []).map((h) => ({ date: h.date, title: { zh: `${p.value.title.zh} ${h.version}：${h.changes}`, en: `${p.value.title.en ?? p.value.id} ${h.version}: ${h.changes}` }, link: 'standard/' }))),
      ...periods.map((p) => ({ date: findings.get(p)!.as_of.slice(0, 10), title: { zh: `${p} 服务承诺达成情况`, en: `Pledge results for ${p}` }, link: 'pledges/' })),
    ].sort((a, b) => b.date.localeCompare(a.date) || a.title.zh.localeCompare(b.title.zh)),
  };

  if (o.edition === 'internal') {
    const card = tree.scorecards[0]?.value;
    data.internal = {
      findings: periods.flatMap((p) =>
        findings
          .get(p)!
          .findings.filter((f) => f.status === 'failed' || f.status === 'error')
          .map((f) => ({ period: p, provider: f.provider, requirement: f.requirement, status: f.status, measured: String(f.measured ?? ''), evidence: f.evidence.slice(0, 10).map((e) => [e.record ?? e.unit ?? '', e.cell ?? '', e.actual ?? e.note ?? '', e.required ?? ''].filter(Boolean).join(' · ')) })),
      ),
      notices: notices.map((n) => ({ number: n.number, period: n.period, provider: n.doc.provider.name, status: STATUS_ZH[n.status], deadline: n.deadline, requirements: n.requirements, history: n.events.map((e) => ({ at: e.at, event: e.event, actor: e.actor, note: e.note ?? '' })), pdf: `${o.pdfBase ?? 'pdf/'}${noticeFile(n)}` })),
      scorecards: card
        ? periods.flatMap((p) =>
            reg.providers.map((prov) => {
              const s = scoreProvider({ tree, store: o.store, findings: findings.get(p)!, card, provider: prov.id, notices, generatedAt: findings.get(p)!.as_of, office: desk.office.zh });
              return { period: p, provider: prov.name, total: s.doc.provisional ? null : s.doc.total, grade: s.doc.provisional ? '暂不评定（待补数据）' : s.doc.grade.name.zh, pdf: `${o.pdfBase ?? 'pdf/'}${scorecardFile(p, prov.id)}` };
            }),
          )
        : [],
      inspections: siteInspections(tree, o.inspectionPeriods ?? periods),
    };
  }
  return data;
}
