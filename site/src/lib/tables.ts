// Every published table as rows, for the CSV and JSON downloads (src/pages/data/[file].ts) and the
// downloads page. Columns are stable snake_case keys; Chinese and English text in separate columns.
import { csvText } from '../../../engine/data/csv-write.ts';
import { isInternal, site } from './data.ts';
import { NOTICE_STATUS } from './ui.ts';

type Cell = string | number | null;
export interface Table {
  name: string;
  title: { zh: string; en: string };
  columns: string[];
  rows: Record<string, Cell>[];
  internal?: boolean;
}

export function tables(): Table[] {
  const d = site();
  const out: Table[] = [
    {
      name: 'pledges',
      title: { zh: '服务承诺达成情况（每项承诺、每个统计期一行）', en: 'Pledge results (one row per pledge and period)' },
      columns: ['provider_id', 'provider_name', 'pledge_id', 'requirement', 'limit', 'label_zh', 'label_en', 'limit_iso', 'limit_zh', 'limit_en', 'target', 'next_target', 'next_target_from', 'period', 'n', 'met', 'missed', 'excluded', 'open_breached', 'rate', 'no_data'],
      rows: d.pledges.flatMap((p) =>
        p.periods.map((q) => ({
          provider_id: p.provider.id,
          provider_name: p.provider.name,
          pledge_id: p.id,
          requirement: p.requirement,
          limit: p.limit,
          label_zh: p.label.zh,
          label_en: p.label.en ?? '',
          limit_iso: p.limit_value.iso,
          limit_zh: p.limit_value.text.zh,
          limit_en: p.limit_value.text.en ?? '',
          target: p.target,
          next_target: p.next_target?.value ?? null,
          next_target_from: p.next_target?.from ?? null,
          period: q.period,
          n: q.n,
          met: q.met,
          missed: q.missed,
          excluded: q.excluded,
          open_breached: q.open_breached,
          rate: q.rate,
          // No records of the kind that period: the counts above are not zero cases but nothing reported.
          no_data: q.no_data ? 'true' : 'false',
        })),
      ),
    },
    {
      name: 'processes',
      title: { zh: '服务流程及各步骤时限', en: 'Service processes and the time limit of each step' },
      columns: ['process', 'process_zh', 'process_en', 'step', 'step_zh', 'step_en', 'requirement', 'limit_zh', 'limit_en'],
      rows: d.processes.flatMap((p) => p.steps.map((s, i) => ({ process: p.id, process_zh: p.name.zh, process_en: p.name.en ?? '', step: i + 1, step_zh: s.name.zh, step_en: s.name.en ?? '', requirement: s.limit?.requirement ?? null, limit_zh: s.limit?.text.zh ?? null, limit_en: s.limit?.text.en ?? null }))),
    },
    {
      name: 'clauses',
      title: { zh: '服务标准条款（原文）', en: 'Clauses of the standard (verbatim Chinese)' },
      columns: ['id', 'document', 'section', 'parent', 'title_zh', 'title_en', 'text', 'obligation', 'type', 'status'],
      rows: d.clauses.map((c) => ({ id: c.id, document: c.document.id, section: c.section, parent: c.parent, title_zh: c.title?.zh ?? null, title_en: c.title?.en ?? null, text: c.text, obligation: c.obligation, type: c.type, status: c.status })),
    },
    {
      name: 'parameters',
      title: { zh: '条款参数及生效日期', en: 'Clause parameters with effective dates' },
      columns: ['clause', 'name', 'label_zh', 'label_en', 'unit', 'from', 'value', 'text_zh', 'text_en'],
      rows: d.clauses.flatMap((c) => c.parameters.flatMap((p) => p.values.map((v) => ({ clause: c.id, name: p.name, label_zh: p.label.zh, label_en: p.label.en ?? '', unit: p.unit, from: v.from, value: v.value, text_zh: v.text.zh, text_en: v.text.en ?? '' })))),
    },
    {
      name: 'clause-history',
      title: { zh: '条款变更记录', en: 'Clause change history' },
      columns: ['clause', 'date', 'change'],
      rows: d.clauses.flatMap((c) => c.history.map((h) => ({ clause: c.id, date: h.date, change: h.change }))),
    },
    {
      name: 'services',
      title: { zh: '特约服务项目及收费', en: 'Paid services and prices' },
      columns: ['name_zh', 'name_en', 'unit_zh', 'unit_en', 'price_cny', 'from', 'note_zh', 'note_en'],
      rows: d.services.map((s) => ({ name_zh: s.name.zh, name_en: s.name.en ?? '', unit_zh: s.unit.zh, unit_en: s.unit.en ?? '', price_cny: s.price, from: s.from, note_zh: s.note?.zh ?? null, note_en: s.note?.en ?? null })),
    },
    {
      name: 'emergencies',
      title: { zh: '突发事件求助方式', en: 'How to get help in an emergency' },
      columns: ['category_zh', 'category_en', 'clause', 'contact_zh', 'contact_en'],
      rows: d.emergencies.map((e) => ({ category_zh: e.category.zh, category_en: e.category.en ?? '', clause: e.clause, contact_zh: e.contact.zh, contact_en: e.contact.en ?? '' })),
    },
    {
      name: 'rectification',
      title: { zh: '整改通知单数量（按签发月份和状态）', en: 'Rectification notices by month issued and status' },
      columns: ['month', 'status', 'status_zh', 'status_en', 'count'],
      rows: d.rectification.map((r) => ({ month: r.month, status: r.status, status_zh: NOTICE_STATUS[r.status]?.zh ?? r.status, status_en: NOTICE_STATUS[r.status]?.en ?? r.status, count: r.count })),
    },
    {
      name: 'changes',
      title: { zh: '更新记录', en: 'Changes' },
      columns: ['date', 'title_zh', 'title_en', 'link'],
      rows: d.changes.map((c) => ({ date: c.date, title_zh: c.title.zh, title_en: c.title.en ?? '', link: c.link })),
    },
  ];
  const x = isInternal() ? d.internal : undefined;
  if (x) {
    out.push(
      {
        name: 'findings',
        internal: true,
        title: { zh: '不通过的评价结果及证据（内部）', en: 'Failed findings with evidence (internal)' },
        columns: ['period', 'provider', 'requirement', 'status', 'measured', 'evidence'],
        rows: x.findings.map((f) => ({ period: f.period, provider: f.provider, requirement: f.requirement, status: f.status, measured: f.measured, evidence: f.evidence.join(' | ') })),
      },
      {
        name: 'notices',
        internal: true,
        title: { zh: '整改通知单登记簿（内部）', en: 'Notice register (internal)' },
        columns: ['number', 'period', 'provider', 'status', 'deadline', 'requirements', 'pdf'],
        rows: x.notices.map((n) => ({ number: n.number, period: n.period, provider: n.provider, status: n.status, deadline: n.deadline, requirements: n.requirements.join(' '), pdf: n.pdf })),
      },
      {
        name: 'notice-history',
        internal: true,
        title: { zh: '整改通知单处理记录（内部）', en: 'Notice history (internal)' },
        columns: ['number', 'at', 'event', 'actor', 'note'],
        rows: x.notices.flatMap((n) => n.history.map((h) => ({ number: n.number, at: h.at, event: h.event, actor: h.actor, note: h.note }))),
      },
      {
        name: 'scorecards',
        internal: true,
        title: { zh: '月度考核评分（内部）', en: 'Monthly scorecards (internal)' },
        columns: ['period', 'provider', 'total', 'grade', 'pdf'],
        rows: x.scorecards.map((s) => ({ period: s.period, provider: s.provider, total: s.total, grade: s.grade, pdf: s.pdf })),
      },
    );
  }
  return out;
}

/** RFC 4180 with a UTF-8 byte-order mark, through Charter's one neutralising CSV writer: no cell of a
 * download (public or internal register) can run as a spreadsheet formula. */
export function toCsv(t: Table): string {
  return csvText(t.columns, t.rows.map((r) => t.columns.map((c) => r[c] ?? null)));
}

export const toJson = (t: Table): string => JSON.stringify({ name: t.name, title: t.title, as_of: site().generated.as_of, rows: t.rows }, null, 1) + '\n';

export function files(): { name: string; body: string; type: string; table: Table }[] {
  return tables().flatMap((t) => [
    { name: `${t.name}.csv`, body: toCsv(t), type: 'text/csv; charset=utf-8', table: t },
    { name: `${t.name}.json`, body: toJson(t), type: 'application/json', table: t },
  ]);
}
