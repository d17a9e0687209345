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
import { siteUrlOf } from './site-url.ts';
import { siteInspections } from './inspections.ts';
import { instantToIso } from '../data/convert.ts';
import { siteRectification } from './rectification.ts';
import { siteInternal } from './internal.ts';
import { clauseWords, siteGenerated, traditionalDocuments } from './clauses.ts';
import { buildPledges, limitText, periodAsOf } from './pledges.ts';
import type { SiteClause, SiteData } from './types.ts';


/** Months that hold cases (work orders, complaints, consultations), oldest first, at most `n`. */
export function periodsWithData(store: Store, n = 12): string[] {
  const rows = store.db.prepare("SELECT DISTINCT month FROM record_columns WHERE part = '' AND month <> '' AND kind IN ('work-orders', 'complaints', 'consultations', 'activities') ORDER BY month").all() as { month: string }[];
  return rows.map((r) => r.month).slice(-n);
}

/** `inspectionPeriods`: the months whose inspection rounds get a phone-form page (internal edition);
 * default the periods the site covers. `now` (local ISO time with offset; default `asOf` in the school's
 * time zone): the notices' statuses are shown as the ledger's rules make them then (engine/site/rectification.ts). */
/** `asOf`: the data's as-of (charter site build's --now): a month not over by then is reported as still running. */
export function buildSiteData(o: { tree: Tree; store: Store; edition: 'public' | 'internal'; periods?: string[]; pdfBase?: string; inspectionPeriods?: string[]; asOf?: Date; now?: string; siteUrl?: string | null }): SiteData {
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
  // A month still running at the data's as-of has no results to announce (the pledge pages do not report it).
  const changeList = siteChanges(changesModel, periods.filter((p) => !pl.spans.incomplete.includes(p)).map((p) => ({ period: p, date: findings.get(p)!.as_of.slice(0, 10) })));
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
  // The build's time, local: the notices' statuses are as the ledger's rules make them then.
  const now = o.now ?? (o.asOf ? instantToIso(o.asOf.getTime(), tree.calendars[0]?.value.timezone ?? 'Asia/Shanghai') : undefined);
  const rectification = siteRectification({ tree, notices, ...(now ? { now } : {}) });

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
    rectification: rectification.counts,
    rectification_detail: rectification.detail,
    changes: changeList.changes,
    ...(changeList.span ? { changes_span: changeList.span } : {}),
  };

  if (o.edition === 'internal') data.internal = siteInternal({ tree, store: o.store, periods, findings, notices, office: desk.office.zh, ...(o.pdfBase ? { pdfBase: o.pdfBase } : {}), ...(o.inspectionPeriods ? { inspectionPeriods: o.inspectionPeriods } : {}), ...(now ? { now } : {}) });
  return data;
}
