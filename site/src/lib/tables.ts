// Every published table as rows, for the CSV and JSON downloads (src/pages/data/[file].ts) and the
// downloads page. The JSON's keys are stable snake_case; the CSV's headers are Chinese (the column's `zh`);
// each column carries its data-dictionary entry (the dictionary page, and `columns` in the JSON).
// Chinese and English text in separate columns.
import { csvText } from '../../../engine/data/csv-write.ts';
import { clauseRef, isInternal, pledgeTag, site } from './data.ts';
import { CLAUSE_STATUS, CLAUSE_TYPE, NOTICE_STATUS, OBLIGATION } from './ui.ts';
import { monthSpanWords, NOTICE_STATUS as STATUS_WORDS, PROBLEM_TYPE } from '../../../engine/model/labels.ts';

type Cell = string | number | null;

/** One column: its JSON key (stable, snake_case), its CSV header (Chinese, for a reader opening it in
 * Excel), and its data-dictionary entry: meaning, unit and values. `csv` rewrites a cell for the CSV only
 * (months as text Excel keeps as text); the JSON keeps the machine value. */
export interface Column {
  key: string;
  zh: string;
  en: string;
  /** What the column holds (data dictionary). */
  about: { zh: string; en: string };
  /** Unit, where it has one. */
  unit?: { zh: string; en: string };
  /** The values it takes, where they are a closed list or a format. */
  values?: { zh: string; en: string };
  /** A column of codes: each code's words (in the JSON's `columns`; the dictionary page shows the words). */
  codes?: Record<string, { zh: string; en?: string }>;
  csv?: (v: Cell) => Cell;
}

export interface Table {
  name: string;
  title: { zh: string; en: string };
  columns: Column[];
  rows: Record<string, Cell>[];
  internal?: boolean;
}

/** A month (2026-07) as the CSV writes it: 2026年7月1日—31日, text that Excel does not turn into a date
 * (2026-07 and 2026年7月 both become 1 July 2026 in Excel). The JSON keeps 2026-07. */
export const monthCell = (v: Cell): Cell => (typeof v === 'string' && /^\d{4}-\d{2}$/.test(v) ? monthSpanWords(v, 'zh') : v);

const MONTH_VALUES = { zh: 'CSV 中为文本“2026年7月1日—31日”（Excel 不会转成日期）；JSON 中为“年-月”的数字写法', en: 'In the CSV the text “2026年7月1日—31日” (Excel keeps it as text); in the JSON year and month in figures' };
const DATE_VALUES = { zh: '日期，按“年-月-日”的数字写法', en: 'A date, as year, month and day in figures' };
/** Yes/no columns: 是 / 否 in the CSV, true / false in the JSON. */
const yesNo = (v: Cell): Cell => (v === 'true' ? '是' : v === 'false' ? '否' : v);
const YES_NO = { true: { zh: '是', en: 'yes' }, false: { zh: '否', en: 'no' } };
/** The words of a code column, for the dictionary page (the codes themselves are in the JSON's columns). */
const wordsOf = (codes: Record<string, { zh: string; en?: string }>, note?: { zh: string; en: string }): { zh: string; en: string } => ({
  zh: `${Object.values(codes).map((w) => w.zh).join(' / ')}${note ? `（${note.zh}）` : ''}（CSV 和 JSON 中为英文编号，编号与文字的对照在 JSON 文件的列说明中）`,
  en: `${Object.values(codes).map((w) => w.en ?? w.zh).join(' / ')}${note ? ` (${note.en})` : ''} (the files hold codes; the JSON's column descriptions map them to words)`,
});
const coded = (codes: Record<string, { zh: string; en?: string }>, note?: { zh: string; en: string }): Partial<Column> => ({ codes, values: wordsOf(codes, note) });
const yn = (note?: { zh: string; en: string }): Partial<Column> => ({ codes: YES_NO, values: { zh: `是 / 否${note ? `（${note.zh}）` : ''}（JSON 中为英文 true / false）`.replace('（JSON 中为英文 true / false）', '（JSON 中为对应的英文）'), en: `yes / no${note ? ` (${note.en})` : ''}` }, csv: yesNo });
const BILINGUAL = { zh: '中文；英文见 _en 列（无英文时为空）', en: 'Chinese; the English is in the _en column (empty when there is none)' };
const c = (key: string, zh: string, en: string, about: [string, string], more: Partial<Pick<Column, 'unit' | 'values' | 'csv' | 'codes'>> = {}): Column => ({ key, zh, en, about: { zh: about[0], en: about[1] }, ...more });
const month = (key: string, zh: string, en: string, about: [string, string]): Column => c(key, zh, en, about, { values: MONTH_VALUES, csv: monthCell });
const en = (key: string, zh: string, en: string, what: string): Column => c(key, zh, en, [`${what}（英文）`, `${en}`]);
const COUNT = { zh: '件（宗）', en: 'cases' };

export function tables(): Table[] {
  const d = site();
  const provider = [c('provider_id', '服务单位编号', 'Provider id', ['服务单位在本校登记簿中的编号', "The provider's id in the university's register"]), c('provider_name', '服务单位', 'Provider', ['服务单位名称', "The provider's name"])];
  const out: Table[] = [
    {
      name: 'pledges',
      title: { zh: '服务承诺达成情况（每项承诺、每个统计期一行）', en: 'Pledge results (one row per pledge and period)' },
      columns: [
        ...provider,
        c('pledge_id', '承诺编号', 'Pledge id', ['条款编号#时限编号，一项承诺的固定编号', 'Clause id#limit id: the fixed id of a pledge']),
        c('requirement', '条款编号', 'Clause id', ['承诺所依据的条款编号（条款页网址中的编号）', 'The clause the pledge rests on (as in the clause page’s address)']),
        c('requirement_ref', '条款', 'Clause', ['条款的正式编号（如 第4.3条第1项）', 'The clause’s official reference (e.g. 第4.3条第1项)']),
        c('limit', '时限编号', 'Limit id', ['条款中该时限的编号', 'The id of the limit within the clause']),
        c('label_zh', '承诺事项', 'Pledge', ['承诺事项（中文）', 'What is pledged, in Chinese']),
        en('label_en', '承诺事项（英文）', 'Pledge (English)', '承诺事项'),
        c('limit_iso', '时限（ISO 8601）', 'Limit (ISO 8601)', ['现行时限，按国际标准 ISO 8601 的时长写法，供程序读取；文字见“时限”列', 'The limit in force as an ISO 8601 duration, for programs; in words in the Limit column']),
        c('limit_zh', '时限', 'Limit', ['现行时限（中文）', 'The limit in force, in Chinese']),
        en('limit_en', '时限（英文）', 'Limit (English)', '现行时限'),
        c('target', '目标达成率', 'Target', ['方案规定的按时比例', 'The share to be on time, as the plan sets it'], { unit: { zh: '比例（0—1，0.95 即 95%）', en: 'share (0–1; 0.95 = 95 %)' }, values: { zh: '空：方案未规定', en: 'Empty: the plan sets none' } }),
        c('next_target', '下期目标达成率', 'Next target', ['下一统计期起生效的目标（与本期不同时）', 'The target from the next period, when it changes'], { unit: { zh: '比例（0—1）', en: 'share (0–1)' } }),
        c('next_target_from', '下期目标生效日期', 'Next target from', ['下期目标的生效日期', 'When the next target takes effect'], { values: DATE_VALUES }),
        month('period', '统计期间', 'Period', ['统计的月份', 'The month counted']),
        c('status_zh', '达成情况', 'Status', ['本期的状态，全站同一标签', 'The period’s status, the same tag everywhere'], { values: { zh: '达成 / 未达成 N 宗 / 无个案 / 数据不足 / 暂无数据', en: 'met / missed N / no cases / insufficient data / no data (in Chinese in the file)' } }),
        c('cases', '个案', 'Cases', ['本期全部个案：个案 = 按时 + 超时 + 数据异常 + 不计入', 'Every case of the period: cases = on time + late + data anomaly + excluded'], { unit: COUNT }),
        c('met', '按时', 'On time', ['在时限内完成的个案', 'Cases within the limit'], { unit: COUNT }),
        c('missed', '超时', 'Late', ['超过时限的个案（含统计时尚未办结、已超过时限的）', 'Cases over the limit (including those still open past it)'], { unit: COUNT }),
        c('anomaly', '数据异常', 'Data anomaly', ['数据无法判定是否按时的个案（如时间不可能、与课表不符），不算达成', 'Cases whose data cannot show whether they were on time (impossible times …); never a pass'], { unit: COUNT }),
        c('excluded', '不计入', 'Excluded', ['按规定不计入的个案（如不在服务时间）', 'Cases left out by the rules (e.g. outside service hours)'], { unit: COUNT }),
        c('n', '判定个案', 'Judged', ['按时 + 超时 + 数据异常：按时率的分母', 'On time + late + data anomaly: the rate’s denominator'], { unit: COUNT }),
        c('open_breached', '未办结已超时', 'Open and late', ['统计时尚未办结、已超过时限的个案（已计入超时）', 'Cases still open at the count and already past the limit (counted as late)'], { unit: COUNT }),
        c('pending', '未办结未超时', 'Open, in time', ['期末尚未办结、未超过时限的个案：在办结的月份计入，本期不计', 'Cases still open within their limit at the period’s end: counted in the month they close'], { unit: COUNT }),
        c('rate', '按时率', 'On-time rate', ['按时 ÷ 判定个案', 'On time ÷ judged cases'], { unit: { zh: '比例（0—1）', en: 'share (0–1)' }, values: { zh: '空：无个案', en: 'Empty: no cases' } }),
        c('complete', '整月', 'Whole month', ['统计时该月已结束', 'The month was over when counted'], yn({ zh: '否：月份尚未结束，不作为结果公布', en: 'no: still running, not reported as a result' })),
        c('in_service', '在服务期内', 'In service', ['该月在服务单位的合同服务期内', 'The month is in the provider’s service period'], yn()),
        c('no_data', '暂无数据', 'No data', ['本期没有报送该类记录：上面的 0 不是“无个案”，而是没有数据', 'Nothing of the kind was submitted for the period: the zeros are not "no cases" but no data'], yn()),
      ],
      rows: d.pledges.flatMap((p) =>
        p.periods.map((q) => ({
          provider_id: p.provider.id,
          provider_name: p.provider.name,
          pledge_id: p.id,
          requirement: p.requirement,
          requirement_ref: clauseRef(p.requirement, 'zh'),
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
          status_zh: pledgeTag(q, p.target, 'zh').text,
          cases: q.cases,
          met: q.met,
          missed: q.missed,
          anomaly: q.anomaly,
          excluded: q.excluded,
          n: q.n,
          open_breached: q.open_breached,
          pending: q.pending,
          rate: q.rate,
          complete: q.complete ? 'true' : 'false',
          in_service: q.in_service ? 'true' : 'false',
          // No records of the kind that period: the counts above are not zero cases but nothing reported.
          no_data: q.no_data ? 'true' : 'false',
        })),
      ),
    },
    {
      name: 'processes',
      title: { zh: '服务流程及各步骤时限', en: 'Service processes and the time limit of each step' },
      columns: [
        c('process', '流程编号', 'Process id', ['流程编号', 'Process id'], coded({ consultation: { zh: '咨询', en: 'consultation' }, repair: { zh: '报修', en: 'repair' }, complaint: { zh: '投诉', en: 'complaint' } })),
        c('process_zh', '流程', 'Process', ['流程名称', 'Process name']),
        en('process_en', '流程（英文）', 'Process (English)', '流程名称'),
        c('step', '步骤序号', 'Step', ['第几步', 'Step number'], { values: { zh: '1、2、3 …', en: '1, 2, 3 …' } }),
        c('step_zh', '步骤', 'Step name', ['步骤', 'What happens at the step']),
        en('step_en', '步骤（英文）', 'Step (English)', '步骤'),
        c('requirement', '时限条款编号', 'Clause id', ['规定该步骤时限的条款编号', 'The clause that sets the step’s limit'], { values: { zh: '空：该步骤无时限', en: 'Empty: the step has no limit' } }),
        c('limit_zh', '时限', 'Limit', ['该步骤的时限', 'The step’s limit']),
        en('limit_en', '时限（英文）', 'Limit (English)', '该步骤的时限'),
      ],
      rows: d.processes.flatMap((p) => p.steps.map((s, i) => ({ process: p.id, process_zh: p.name.zh, process_en: p.name.en ?? '', step: i + 1, step_zh: s.name.zh, step_en: s.name.en ?? '', requirement: s.limit?.requirement ?? null, limit_zh: s.limit?.text.zh ?? null, limit_en: s.limit?.text.en ?? null }))),
    },
    {
      name: 'clauses',
      title: { zh: '服务标准条款（原文）', en: 'Clauses of the standard (verbatim Chinese)' },
      columns: [
        c('id', '条款编号', 'Clause id', ['条款编号（条款页网址中的编号）', 'Clause id (as in the clause page’s address)']),
        c('ref', '条款', 'Clause', ['条款的正式编号（如 第4.3条第1项）', 'The clause’s official reference']),
        c('document', '所属文件编号', 'Document id', ['条款所属的标准或方案', 'The standard or plan it belongs to']),
        c('section', '章节', 'Section', ['所在章节号', 'Section number']),
        c('parent', '上级条款编号', 'Parent clause', ['上级条款', 'The clause it sits under'], { values: { zh: '空：无上级条款', en: 'Empty: none' } }),
        c('title_zh', '标题', 'Title', ['条款标题', 'Clause title']),
        en('title_en', '标题（英文）', 'Title (English)', '条款标题'),
        c('text', '原文', 'Text', ['条款原文，逐字照录（部分方案原文为繁体字）', 'The clause verbatim (some plans are in Traditional characters)']),
        c('obligation', '要求程度', 'Obligation', ['条文的要求程度', 'How binding the clause is'], coded(Object.fromEntries(Object.entries(OBLIGATION).map(([k, w]) => [k, w])))),
        c('type', '要求类别', 'Type', ['条款的要求类别', 'Kind of requirement'], coded(Object.fromEntries(Object.entries(CLAUSE_TYPE).map(([k, w]) => [k, w])))),
        c('status', '状态', 'Status', ['条款是否现行', 'Whether the clause is in force'], coded(Object.fromEntries(Object.entries(CLAUSE_STATUS).map(([k, w]) => [k, w])))),
      ],
      rows: d.clauses.map((x) => ({ id: x.id, ref: x.ref.zh, document: x.document.id, section: x.section, parent: x.parent, title_zh: x.title?.zh ?? null, title_en: x.title?.en ?? null, text: x.text, obligation: x.obligation, type: x.type, status: x.status })),
    },
    {
      name: 'parameters',
      title: { zh: '条款参数及生效日期', en: 'Clause parameters with effective dates' },
      columns: [
        c('clause', '条款编号', 'Clause id', ['参数所属条款', 'The clause it belongs to']),
        c('name', '参数编号', 'Parameter id', ['参数的固定编号', 'The parameter’s fixed id']),
        c('label_zh', '参数', 'Parameter', ['参数名称', 'Parameter name']),
        en('label_en', '参数（英文）', 'Parameter (English)', '参数名称'),
        c('unit', '单位', 'Unit', ['数值的单位', 'Unit of the value'], coded(UNIT_WORDS)),
        c('from', '生效日期', 'From', ['该数值的生效日期', 'When the value takes effect'], { values: DATE_VALUES }),
        c('value', '数值', 'Value', ['数值（按“单位”列解读）', 'The value, in the unit column’s unit']),
        c('text_zh', '数值（文字）', 'Value in words', ['数值及单位（中文）', 'The value with its unit, in Chinese']),
        en('text_en', '数值（英文）', 'Value (English)', '数值及单位'),
      ],
      rows: d.clauses.flatMap((x) => x.parameters.flatMap((p) => p.values.map((v) => ({ clause: x.id, name: p.name, label_zh: p.label.zh, label_en: p.label.en ?? '', unit: p.unit, from: v.from, value: v.value, text_zh: v.text.zh, text_en: v.text.en ?? '' })))),
    },
    {
      name: 'clause-history',
      title: { zh: '条款变更记录', en: 'Clause change history' },
      columns: [
        c('clause', '条款编号', 'Clause id', ['条款', 'The clause']),
        c('date', '日期', 'Date', ['变更日期', 'Date of the change'], { values: DATE_VALUES }),
        c('change', '变更', 'Change', ['变更内容', 'What changed']),
      ],
      rows: d.clauses.flatMap((x) => x.history.map((h) => ({ clause: x.id, date: h.date, change: h.change }))),
    },
    {
      name: 'services',
      title: { zh: '特约服务项目及收费', en: 'Paid services and prices' },
      columns: [
        c('name_zh', '服务项目', 'Service', ['特约服务项目', 'Paid service']),
        en('name_en', '服务项目（英文）', 'Service (English)', '特约服务项目'),
        c('unit_zh', '计价单位', 'Per', ['收费的计价单位', 'What the price is per']),
        en('unit_en', '计价单位（英文）', 'Per (English)', '计价单位'),
        c('price_cny', '价格', 'Price', ['收费标准', 'Price'], { unit: { zh: '元（人民币）', en: 'yuan (CNY)' } }),
        c('from', '执行日期', 'From', ['该价格的执行日期', 'When the price applies from'], { values: DATE_VALUES }),
        c('note_zh', '说明', 'Note', ['补充说明', 'Note']),
        en('note_en', '说明（英文）', 'Note (English)', '补充说明'),
      ],
      rows: d.services.map((x) => ({ name_zh: x.name.zh, name_en: x.name.en ?? '', unit_zh: x.unit.zh, unit_en: x.unit.en ?? '', price_cny: x.price, from: x.from, note_zh: x.note?.zh ?? null, note_en: x.note?.en ?? null })),
    },
    {
      name: 'emergencies',
      title: { zh: '突发事件求助方式', en: 'How to get help in an emergency' },
      columns: [
        c('category_zh', '突发事件', 'Emergency', ['突发事件类别', 'Kind of emergency']),
        en('category_en', '突发事件（英文）', 'Emergency (English)', '突发事件类别'),
        c('clause', '依据条款', 'Clause id', ['规定应急处置的条款编号', 'The clause on emergencies']),
        c('contact_zh', '怎么办', 'What to do', ['求助方式和电话', 'Whom to call']),
        en('contact_en', '怎么办（英文）', 'What to do (English)', '求助方式和电话'),
      ],
      rows: d.emergencies.map((e) => ({ category_zh: e.category.zh, category_en: e.category.en ?? '', clause: e.clause, contact_zh: e.contact.zh, contact_en: e.contact.en ?? '' })),
    },
    {
      name: 'rectification',
      title: { zh: '整改通知单数量（按签发月份和状态）', en: 'Rectification notices by month issued and status' },
      columns: [
        month('month', '签发期间', 'Month issued', ['通知单签发的月份', 'The month the notices were issued']),
        c('status', '状态编号', 'Status id', ['通知单目前状态的编号', 'Current status id'], coded(STATUS_CODES)),
        c('status_zh', '状态', 'Status', ['目前状态（中文）', 'Current status, in Chinese']),
        en('status_en', '状态（英文）', 'Status (English)', '目前状态'),
        c('count', '通知单数', 'Notices', ['该月签发、目前处于该状态的通知单数', 'Notices issued that month now in that status'], { unit: { zh: '份', en: 'notices' } }),
      ],
      rows: d.rectification.map((r) => ({ month: r.month, status: r.status, status_zh: NOTICE_STATUS[r.status]?.zh ?? r.status, status_en: NOTICE_STATUS[r.status]?.en ?? r.status, count: r.count })),
    },
    {
      name: 'rectification-problems',
      title: { zh: '整改问题数量（按服务单位、问题类型和状态）', en: 'Rectification problems by provider, problem type and status' },
      columns: [
        ...provider,
        c('problem_type', '问题类型编号', 'Problem type id', ['问题所依据条款的要求类别', 'The kind of requirement the problem is judged by'], coded(PROBLEM_TYPE)),
        c('problem_type_zh', '问题类型', 'Problem type', ['问题类型（中文）', 'Problem type, in Chinese']),
        en('problem_type_en', '问题类型（英文）', 'Problem type (English)', '问题类型'),
        c('status', '状态编号', 'Status id', ['问题所在通知单的目前状态', 'Current status of the notice the problem is on'], coded(STATUS_CODES)),
        c('status_zh', '状态', 'Status', ['目前状态（中文）', 'Current status, in Chinese']),
        c('count', '问题数', 'Problems', ['问题数（一份通知单可列多个问题；已作废的通知单不计）', 'Problems (a notice may list several; cancelled notices not counted)'], { unit: { zh: '项', en: 'problems' } }),
        c('status_as_of', '状态截至', 'Status as of', ['状态所对应的时间', 'The time the statuses hold at'], { values: { zh: '北京时间，按国际标准 ISO 8601 的日期时间写法', en: 'Beijing time, written as ISO 8601 date and time' } }),
      ],
      rows: d.rectification_detail.providers.flatMap((p) => p.problems.map((x) => ({ provider_id: p.id, provider_name: p.name, problem_type: x.type, problem_type_zh: x.words.zh, problem_type_en: x.words.en ?? '', status: x.status, status_zh: STATUS_WORDS[x.status]?.zh ?? x.status, count: x.count, status_as_of: d.rectification_detail.as_of }))),
    },
    {
      name: 'changes',
      title: { zh: '更新记录', en: 'Changes' },
      columns: [
        c('date', '日期', 'Date', ['更新日期', 'Date'], { values: DATE_VALUES }),
        c('title_zh', '更新内容', 'Change', ['更新内容（中文）', 'What changed, in Chinese']),
        en('title_en', '更新内容（英文）', 'Change (English)', '更新内容'),
        c('link', '页面', 'Page', ['相关页面（相对本站根目录）', 'The page concerned (relative to the site root)']),
      ],
      rows: d.changes.map((x) => ({ date: x.date, title_zh: x.title.zh, title_en: x.title.en ?? '', link: x.link })),
    },
  ];
  const x = isInternal() ? d.internal : undefined;
  if (x) {
    out.push(
      {
        name: 'findings',
        internal: true,
        title: { zh: '不通过的评价结果及证据（内部）', en: 'Failed findings with evidence (internal)' },
        columns: [
          month('period', '评价期间', 'Period', ['评价的月份', 'The month judged']),
          c('provider', '服务单位编号', 'Provider id', ['服务单位', 'Provider']),
          c('requirement', '条款编号', 'Clause id', ['条款', 'Clause']),
          c('ref', '条款', 'Clause', ['条款的正式编号（如 第4.3条第1项）', 'The clause’s official reference']),
          c('status', '结果', 'Result', ['评价结果', 'Result'], coded({ failed: { zh: '不通过', en: 'failed' }, error: { zh: '数据错误', en: 'error' } })),
          c('measured', '实测值', 'Measured value', ['实测值（机器可读）', 'Measured value (machine-readable)']),
          c('measured_words', '实测', 'Measured', ['实测（文字）', 'What was measured, in words']),
          c('required_words', '要求', 'Required', ['条款的要求（文字）', 'What the clause requires, in words']),
          c('place', '地点', 'Place', ['地点', 'Where']),
          c('evidence', '证据', 'Evidence', ['证据（文字，最多 10 条，以 | 分隔）', 'Evidence in words (up to 10, separated by |)']),
        ],
        rows: x.findings.map((f) => ({ period: f.period, provider: f.provider, requirement: f.requirement, ref: f.ref, status: f.status, measured: f.measured, measured_words: f.words ? `${f.words.quantity} ${f.words.measured}` : null, required_words: f.words?.required ?? null, place: f.words?.place ?? null, evidence: f.evidence.join(' | ') })),
      },
      {
        name: 'notices',
        internal: true,
        title: { zh: '整改通知单登记簿（内部）', en: 'Notice register (internal)' },
        columns: [
          c('number', '通知单编号', 'Number', ['通知单编号', 'Notice number']),
          month('period', '评价期间', 'Period', ['通知单所依据的评价月份', 'The month judged']),
          c('provider', '服务单位', 'Provider', ['服务单位', 'Provider']),
          c('status', '状态', 'Status', ['目前状态', 'Current status']),
          c('deadline', '整改期限', 'Deadline', ['整改期限（当日 24:00 前）', 'Deadline (by the end of the day)'], { values: DATE_VALUES }),
          c('requirements', '涉及条款编号', 'Clause ids', ['涉及的条款编号，以空格分隔', 'Clause ids, separated by spaces']),
          c('refs', '涉及条款', 'Clauses', ['涉及条款的正式编号，以“、”分隔', 'Official references, separated by 、']),
          c('pdf', 'PDF', 'PDF', ['通知单 PDF 的路径', 'Path of the notice PDF']),
        ],
        rows: x.notices.map((n) => ({ number: n.number, period: n.period, provider: n.provider, status: n.status, deadline: n.deadline, requirements: n.requirements.join(' '), refs: n.refs.join('、'), pdf: n.pdf })),
      },
      {
        name: 'notice-history',
        internal: true,
        title: { zh: '整改通知单处理记录（内部）', en: 'Notice history (internal)' },
        columns: [
          c('number', '通知单编号', 'Number', ['通知单编号', 'Notice number']),
          c('at', '时间', 'At', ['处理时间（北京时间，ISO 8601）', 'When (local time, ISO 8601)']),
          c('event', '事项编号', 'Event id', ['处理事项的编号', 'Event id']),
          c('event_words', '事项', 'Event', ['处理事项', 'What happened']),
          c('actor', '经办', 'By', ['经办人，或“系统按规则自动记录（规则）”', 'Who, or the rule that recorded it'], {}),
          c('note', '说明', 'Note', ['说明', 'Note']),
        ],
        rows: x.notices.flatMap((n) => n.history.map((h) => ({ number: n.number, at: h.at, event: h.event, event_words: h.event_words, actor: h.actor_words, note: h.note }))),
      },
      {
        name: 'scorecards',
        internal: true,
        title: { zh: '月度考核评分（内部）', en: 'Monthly scorecards (internal)' },
        columns: [
          month('period', '考核期间', 'Period', ['考核的月份', 'The month scored']),
          c('provider', '服务单位', 'Provider', ['服务单位', 'Provider']),
          c('total', '综合得分', 'Total', ['综合得分；空：暂不评定（待补数据）', 'Total; empty: provisional (data missing)'], { unit: { zh: '分（满分 100）', en: 'points (of 100)' } }),
          c('grade', '等级', 'Grade', ['考核等级', 'Grade']),
          c('pdf', 'PDF', 'PDF', ['评分表 PDF 的路径', 'Path of the scorecard PDF']),
        ],
        rows: x.scorecards.map((s) => ({ period: s.period, provider: s.provider, total: s.total, grade: s.grade, pdf: s.pdf })),
      },
    );
  }
  return out;
}

const STATUS_CODES = Object.fromEntries(Object.entries(STATUS_WORDS).map(([k, w]) => [k, w]));
/** Parameter units in words. */
const UNIT_WORDS: Record<string, { zh: string; en: string }> = {
  duration: { zh: '时长（国际标准 ISO 8601 写法）', en: 'duration (ISO 8601)' },
  'working-days': { zh: '工作日', en: 'working days' },
  days: { zh: '日', en: 'days' },
  percent: { zh: '百分比', en: 'per cent' },
  permille: { zh: '千分比', en: 'per mille' },
  count: { zh: '次数、个数', en: 'count' },
};

/** RFC 4180 with a UTF-8 byte-order mark, through Charter's one neutralising CSV writer: no cell of a
 * download (public or internal register) can run as a spreadsheet formula. */
export function toCsv(t: Table): string {
  // Chinese headers for a reader in Excel; the JSON keeps the keys (the data dictionary maps one to the other).
  return csvText(t.columns.map((x) => x.zh), t.rows.map((r) => t.columns.map((x) => (x.csv ? x.csv(r[x.key] ?? null) : r[x.key]) ?? null)));
}

/** The JSON: the rows under their stable keys, and the columns' dictionary (key, Chinese and English name, meaning, unit, values). */
export const toJson = (t: Table): string =>
  JSON.stringify({ name: t.name, title: t.title, as_of: site().generated.as_of, columns: t.columns.map(({ key, zh, en, about, unit, values, codes }) => ({ key, zh, en, about, ...(unit ? { unit } : {}), ...(values ? { values } : {}), ...(codes ? { codes } : {}) })), rows: t.rows }, null, 1) + '\n';

export function files(): { name: string; body: string; type: string; table: Table }[] {
  return tables().flatMap((t) => [
    { name: `${t.name}.csv`, body: toCsv(t), type: 'text/csv; charset=utf-8', table: t },
    { name: `${t.name}.json`, body: toJson(t), type: 'application/json', table: t },
  ]);
}
