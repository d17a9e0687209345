// The commitment site's content, from the same YAML (the engine's loader) and the evaluations of every
// month with data. The public edition holds nothing about individual records, people or notices; the
// internal edition adds findings with evidence, the notice register and the scorecards.
import { createHash } from 'node:crypto';
import { coverage } from '../calendar/calendar.ts';
import { evaluate, type Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import type { Requirement, Text } from '../model/types.ts';
import { loadNotices, STATUS_ZH } from '../notices/ledger.ts';
import { noticeFile, scorecardFile } from '../notices/paper.ts';
import { scoreProvider } from '../scorecard/score.ts';
import type { Store } from '../store/store.ts';
import { buildIndex, valueAt } from '../validate/checks.ts';
import { ChangesModel, siteChanges } from './changes.ts';
import { SiteError } from './errors.ts';
import { siteInspections } from './inspections.ts';
import { clauseWords, siteGenerated, traditionalDocuments } from './clauses.ts';
import { buildPledges, limitText, periodAsOf } from './pledges.ts';
import type { SiteClause, SiteData } from './types.ts';


/** Months that hold cases (work orders, complaints, consultations), oldest first, at most `n`. */
export function periodsWithData(store: Store, n = 12): string[] {
  const rows = store.db.prepare("SELECT DISTINCT month FROM record_columns WHERE part = '' AND month <> '' AND kind IN ('work-orders', 'complaints', 'consultations', 'activities') ORDER BY month").all() as { month: string }[];
  return rows.map((r) => r.month).slice(-n);
}

/** `inspectionPeriods`: the months whose inspection rounds get a phone-form page (internal edition);
 * default the periods the site covers. */
/** `asOf`: the data's as-of (charter site build's --now): a month not over by then is reported as still running. */
export function buildSiteData(o: { tree: Tree; store: Store; edition: 'public' | 'internal'; periods?: string[]; pdfBase?: string; inspectionPeriods?: string[]; asOf?: Date }): SiteData {
  const tree = o.tree;
  const idx = buildIndex([tree]);
  const reg = tree.registers[0]?.value;
  if (!reg) throw new SiteError('CH418', { file: 'standards/school/register.yaml', kind: 'register' });
  const desk = tree.serviceDesks[0]?.value;
  if (!desk) throw new SiteError('CH418', { file: 'standards/school/service-desk.yaml', kind: 'service-desk' });
  const std = tree.standards[0]?.value;
  const periods = o.periods ?? periodsWithData(o.store);
  const findings = new Map<string, Findings>();
  // A month still running at the data's as-of is evaluated as of then, not as of its end.
  const tz = tree.calendars[0]?.value.timezone ?? 'Asia/Shanghai';
  for (const p of periods) {
    const at = periodAsOf(p, o.asOf, tz);
    findings.set(p, evaluate({ tree, store: o.store, period: p, ...(at ? { asOf: at } : {}) }));
  }
  const last = periods.length ? findings.get(periods.at(-1)!)! : undefined;
  const cov = coverage();

  // Pledges: one row per requirement × limit × provider, with every period's counts (engine/site/pledges.ts).
  const pl = buildPledges({ tree, idx, periods, findings });
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
  // Dated values, the value in force per provider and the change list: engine/site/changes.ts.
  const changesModel = new ChangesModel({ tree, idx, reg, std, asOfDay: asOf });
  const changeList = siteChanges(changesModel, periods.map((p) => ({ period: p, date: findings.get(p)!.as_of.slice(0, 10) })));
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
    parameters: (r.parameters ?? []).map((p) => changesModel.parameter(r, p)),
    history: changesModel.clauseHistory(r),
  }));

  const notices = loadNotices(o.store);
  const rectification = new Map<string, number>();
  for (const n of notices) {
    const k = `${n.issued_at.slice(0, 7)}|${n.status}`;
    rectification.set(k, (rectification.get(k) ?? 0) + 1);
  }

  const data: SiteData = {
    edition: o.edition,
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
    pledges: pl.pledges,
    pledge_spans: pl.spans,
    pledge_catalogue: pl.catalogue,
    processes: desk.processes.map((p) => ({ id: p.id, name: p.name, steps: p.steps.map((s) => ({ name: s.name, ...(s.requirement && limitOf(s.requirement) ? { limit: { requirement: s.requirement, text: limitOf(s.requirement)! } } : {}) })) })),
    sections: [
      ...(std?.sections ?? []).map((s) => ({ document: std!.id, number: s.number, title: s.title })),
      ...tree.profiles.map((p) => ({ document: p.value.id, number: '', title: p.value.title })),
    ],
    clauses,
    services: desk.services,
    emergencies: desk.emergencies.map((e) => ({ category: e.category, clause: '8.2', text: idx.requirements.get('8.2')?.value.text ?? '', contact: e.contact })),
    rectification: [...rectification.entries()].map(([k, count]) => ({ month: k.split('|')[0]!, status: k.split('|')[1]!, count })).sort((a, b) => a.month.localeCompare(b.month) || a.status.localeCompare(b.status)),
    changes: changeList.changes,
    ...(changeList.span ? { changes_span: changeList.span } : {}),
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
