// The internal edition's working pages: failed findings with their evidence in words and the requirement's
// official reference, the notice register with local times and handlers in words, and the scorecards with
// drafts marked. The words come from the evaluation (Finding.words, Evidence.text; docs/evaluation.md) and
// the labels module; the machine fields stay beside them for the internal downloads.
import type { Findings } from '../evaluate/evaluate.ts';
import type { Tree } from '../load/tree.ts';
import { actorWords, localDate, localTime, NOTICE_EVENT, NOTICE_STATUS } from '../model/labels.ts';
import { noticeConfig, type NoticeState } from '../notices/ledger.ts';
import { noticeFile, scorecardFile } from '../notices/paper.ts';
import { scoreProvider } from '../scorecard/score.ts';
import type { Store } from '../store/store.ts';
import { namesOf } from '../validate/names.ts';
import { siteInspections } from './inspections.ts';
import { ledgerAt, statusesAsOf } from './rectification.ts';
import type { SiteData } from './types.ts';

export function siteInternal(o: { tree: Tree; store: Store; periods: string[]; findings: Map<string, Findings>; notices: NoticeState[]; pdfBase?: string; inspectionPeriods?: string[]; office: string; now?: string }): NonNullable<SiteData['internal']> {
  const { tree, periods, findings } = o;
  const reg = tree.registers[0]!.value;
  const names = namesOf(tree);
  const card = tree.scorecards[0]?.value;
  const cfg = noticeConfig(tree);
  const ruleLabel = (id: string): string | undefined => cfg.rules.find((r) => r.id === id)?.label.zh;
  // The register as it stood at the build's time, and where the ledger's rules have moved a notice on since
  // its last record (the office has yet to run `charter notices review`).
  const notices = o.now ? ledgerAt(o.notices, o.now) : o.notices;
  const now = o.now ? statusesAsOf(tree, notices, o.now) : undefined;
  const year = (o.now ?? notices.flatMap((n) => n.events.map((e) => e.at)).sort().at(-1) ?? '').slice(0, 4);
  return {
    findings: periods.flatMap((p) =>
      findings
        .get(p)!
        .findings.filter((f) => f.status === 'failed' || f.status === 'error')
        .map((f) => ({
          period: p,
          provider: f.provider,
          requirement: f.requirement,
          ref: names.requirement(f.requirement, 'zh'),
          title: names.requirementTitle(f.requirement),
          status: f.status,
          measured: String(f.measured ?? ''),
          ...(f.words ? { words: { quantity: f.words.quantity.zh, measured: f.words.measured.zh, required: f.words.required.zh, place: f.words.place.zh } } : {}),
          evidence: f.evidence.slice(0, 10).map((e) => e.text?.zh ?? [e.record ?? e.unit ?? '', e.cell ?? '', e.actual ?? e.note ?? '', e.required ?? ''].filter(Boolean).join(' · ')),
          evidence_total: f.evidence_total,
        })),
    ),
    notices: notices.map((n) => {
      const moved = now?.get(n.number);
      return {
        number: n.number,
        period: n.period,
        provider: n.doc.provider.name,
        status: NOTICE_STATUS[n.status]!.zh,
        ...(moved && moved !== n.status ? { status_by_rule: NOTICE_STATUS[moved]!.zh } : {}),
        deadline: n.deadline,
        deadline_words: localDate(n.deadline, 'zh'),
        requirements: n.requirements,
        refs: n.requirements.map((r) => names.requirement(r, 'zh')),
        history: n.events.map((e) => ({ at: e.at, at_words: localTime(e.at, 'zh', { year: !e.at.startsWith(year) }), event: e.event, event_words: NOTICE_EVENT[e.event]?.zh ?? e.event, actor: e.actor, actor_words: actorWords(e.actor, 'zh', ruleLabel), note: e.note ?? '' })),
        pdf: `${o.pdfBase ?? 'pdf/'}${noticeFile(n)}`,
      };
    }),
    scorecards: card
      ? periods.flatMap((p) =>
          reg.providers.map((prov) => {
            const s = scoreProvider({ tree, store: o.store, findings: findings.get(p)!, card, provider: prov.id, notices: o.notices, generatedAt: findings.get(p)!.as_of, office: o.office });
            return {
              period: p,
              provider: prov.name,
              total: s.doc.provisional ? null : s.doc.total,
              grade: s.doc.provisional ? '暂不评定（待补数据）' : s.doc.grade.name.zh,
              ...(s.doc.provisional ? { provisional: s.doc.provisional.reason } : {}),
              ...(s.doc.coverage ? { coverage: `${s.doc.coverage.verdict}/${s.doc.coverage.applicable}` } : {}),
              pdf: `${o.pdfBase ?? 'pdf/'}${scorecardFile(p, prov.id)}`,
            };
          }),
        )
      : [],
    inspections: siteInspections(tree, o.inspectionPeriods ?? periods),
  };
}
