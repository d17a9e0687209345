// Canonical service-data record kinds: JSON Schemas (public contract, see docs/data-model.md),
// natural keys, and the time field that places a record in a period.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import {
  COMPLAINT_CAUSES,
  COMPLEXITY,
  DUTY_POSTS,
  EVENT_KINDS,
  EQUIPMENT_KINDS,
  EXCLUSIONS,
  INSPECTION_RESULTS,
  MEASUREMENT_KINDS,
  PRIORITIES,
  RECORD_FIELDS,
  WORK_ORDER_CATEGORIES,
  WORK_ORDER_SUBCATEGORIES,
  type RecordKind,
} from '../model/vocabulary.ts';

type Schema = Record<string, unknown>;

export const DATA_SCHEMA_BASE = 'https://charter.invalid/schemas/v1/data/';

const text = (description: string): Schema => ({ type: 'string', minLength: 1, description });
const code = (description: string): Schema => ({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$', description });
const time = (description: string): Schema => ({
  type: 'string',
  // ISO 8601 date-time; without an offset it is local to the configured zone.
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$',
  description,
});
const date = (description: string): Schema => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const oneOf = (values: readonly string[], description: string): Schema => ({ type: 'string', enum: [...values], description });
const count = (description: string): Schema => ({ type: 'integer', minimum: 0, description });
const exclusion = { type: 'string', enum: ['', ...EXCLUSIONS], description: 'Empty, or why the case is not counted. 不计入原因。' };

function record(kind: RecordKind, title: string, required: string[], properties: Record<string, Schema>): Schema {
  const fields = RECORD_FIELDS[kind] as readonly string[];
  for (const k of Object.keys(properties)) if (!fields.includes(k)) throw new Error(`${kind}.${k} is not in RECORD_FIELDS`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${DATA_SCHEMA_BASE}${kind}.schema.json`,
    title,
    type: 'object',
    required,
    additionalProperties: false,
    properties,
  };
}

export const RECORD_SCHEMAS: Record<RecordKind, Schema> = {
  'work-orders': record('work-orders', '报修工单 Work order', ['id', 'provider', 'campus', 'category', 'priority', 'reported_at'], {
    id: code('Work-order number. 工单号。'),
    provider: code('Provider id. 服务商。'),
    campus: code('Campus id. 校区。'),
    building: code('Building id. 楼宇。'),
    location: text('Where, in words. 报修地点。'),
    category: oneOf(WORK_ORDER_CATEGORIES, 'lighting = in-building lighting, switches, sockets; power = supply equipment and lines; electric = other electrical faults (see subcategory); heating, gas = utilities (4.3 水、电等紧急抢修). 类别。'),
    subcategory: oneOf(WORK_ORDER_SUBCATEGORIES, 'What failed: lamp, switch, socket (2 h under 5.1.2.7-3), line, supply-equipment (12 h), teaching-equipment (6.2.1.6-3). 故障细类。'),
    priority: oneOf(PRIORITIES, 'An elevator accident is 4.3’s 10-minute case. 紧急程度。'),
    complexity: oneOf(COMPLEXITY, 'Complexity. 复杂程度。'),
    reported_at: time('Reported. 报修时间。'),
    dispatched_at: time('Dispatched. 派单时间。'),
    responded_at: time('First response. 响应时间。'),
    arrived_at: time('On site. 到场时间。'),
    completed_at: time('Repaired. 完工时间。'),
    during_class: { type: 'boolean', description: 'Reported during class. 上课期间。' },
    exclusion,
  }),
  complaints: record('complaints', '投诉 Complaint', ['id', 'provider', 'received_at'], {
    id: code('Complaint number. 投诉编号。'),
    provider: code('Provider id. 服务商。'),
    received_at: time('Received. 收到时间。'),
    registered_at: time('Registered. 登记时间。'),
    dispatched_at: time('Dispatched. 分派时间。'),
    acknowledged_at: time('Receipt acknowledged to the complainant (受理回复), not a result. 受理回复时间。'),
    replied_at: time('Result of the investigation fed back to the complainant (4.3). 处理结果反馈时间。'),
    resolved_at: time('Investigation and handling completed. 办结时间。'),
    channel: text('Channel (hotline, online, in person …). 渠道。'),
    complexity: oneOf(COMPLEXITY, 'Complexity. 复杂程度。'),
    cause: oneOf(COMPLAINT_CAUSES, 'Cause found when handled: service-error = an operating error of the unit (counts toward the error rate), attitude, facility, policy, other. 投诉原因（service-error 为操作失误）。'),
    exclusion,
  }),
  consultations: record('consultations', '咨询 Consultation', ['id', 'provider', 'received_at'], {
    id: code('Number. 编号。'),
    provider: code('Provider id. 服务商。'),
    received_at: time('Received. 收到时间。'),
    replied_at: time('Answered. 答复时间。'),
    complexity: oneOf(COMPLEXITY, 'Complexity. 复杂程度。'),
    channel: text('Channel. 渠道。'),
    exclusion,
  }),
  activities: record('activities', '巡查、检查、演练等 Activity carried out', ['id', 'provider', 'activity', 'performed_at', 'campus'], {
    id: code('Log number. 记录编号。'),
    provider: code('Provider id. 服务商。'),
    activity: code('Activity code from standards/activities.yaml. 活动代码。'),
    performed_at: time('When. 时间。'),
    campus: code('Campus id. 校区。'),
    building: code('Building id, for building-scoped activities. 楼宇。'),
    area: code('Place id (power room, water tank …). 场所。'),
    result: text('Result. 结果。'),
    notes: text('Notes. 备注。'),
  }),
  'equipment-counts': record('equipment-counts', '设备完好数 Equipment count', ['date', 'provider', 'campus', 'kind', 'total', 'intact'], {
    date: date('Counted on. 日期。'),
    provider: code('Provider id. 服务商。'),
    campus: code('Campus id. 校区。'),
    kind: oneOf(EQUIPMENT_KINDS, 'What was counted. 设备类别。'),
    total: count('Total. 总数。'),
    intact: count('In good order. 完好数。'),
  }),
  measurements: record('measurements', '测量 Measurement', ['id', 'provider', 'kind', 'measured_at'], {
    id: code('Number. 编号。'),
    provider: code('Provider id. 服务商。'),
    kind: oneOf(MEASUREMENT_KINDS, 'What was measured. 测量类别。'),
    measured_at: time('When. 时间。'),
    campus: code('Campus id. 校区。'),
    building: code('Building id. 楼宇。'),
    point: code('Measuring point. 测点。'),
    station: code('Heat exchange station (place id). 换热站。'),
    value: { type: 'number', description: 'Reading. 读数。' },
    unit: text('Unit of the reading. 单位。'),
    sampled: count('Items sampled. 抽查数。'),
    misplaced: count('Items wrong (misshelved …). 错误数。'),
    passed: { type: 'boolean', description: 'Test passed. 是否合格。' },
  }),
  surveys: record('surveys', '满意度调查 Survey', ['provider', 'period', 'respondents', 'satisfied'], {
    provider: code('Provider id. 服务商。'),
    period: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM. 月份。' },
    respondents: count('Respondents. 参与人数。'),
    satisfied: count('Satisfied. 满意人数。'),
    questions: { type: 'array', description: 'Per-question results. 分题结果。', items: { type: 'object', required: ['question', 'respondents', 'satisfied'], additionalProperties: false, properties: { question: text('Question.'), respondents: count('Respondents.'), satisfied: count('Satisfied.') } } },
  }),
  'inspection-results': {
    ...record('inspection-results', '现场检查结果 Inspection result', ['id', 'provider', 'requirement', 'inspected_at'], {
      id: code('Number. 编号。'),
      provider: code('Provider id. 服务商。'),
      requirement: text('Requirement id. 条款编号。'),
      inspected_at: time('When, as the inspector recorded it. 检查时间。'),
      campus: code('Campus id. 校区。'),
      building: code('Building id. 楼宇。'),
      place: code('The place looked at: a building or a place id of the register, or a campus id for a campus-wide item. 检查地点。'),
      round: code('The inspection round the row belongs to (charter inspections plan). 检查轮次编号。'),
      inspector: text('Inspector. 检查人。'),
      accompanied_by: text("The provider's person who accompanied the inspector. 服务商陪同人员。"),
      result: oneOf(INSPECTION_RESULTS, 'passed 合格, failed 不合格, not-applicable 不适用. 检查结果。'),
      passed: { type: 'boolean', description: 'Passed (older files; `result` wins when both are given). 是否通过。' },
      notes: text('The problem found, in words. 问题描述。'),
      photos: text('Photo numbers. 照片编号。'),
    }),
    // A result is either the three-way `result` or the older `passed` flag.
    anyOf: [{ properties: { result: true }, required: ['result'] }, { properties: { passed: true }, required: ['passed'] }],
  },
  events: record('events', '活动、会议、考试、课程安排 Scheduled event', ['id', 'provider', 'kind', 'campus', 'starts_at'], {
    id: code('Event number. 编号。'),
    provider: code('Provider id. 服务商。'),
    kind: oneOf(EVENT_KINDS, 'class (a timetabled class in a multimedia classroom), exam, meeting, campus-event. 类别。'),
    campus: code('Campus id. 校区。'),
    building: code('Building id. 楼宇。'),
    area: code('Place id. 场所。'),
    starts_at: time('Scheduled start. 开始时间。'),
    ready_at: time('Everything ready (room clean, equipment on and tested). 准备就绪时间。'),
  }),
  'duty-roster': record('duty-roster', '值班表 Duty roster shift', ['id', 'provider', 'post', 'campus', 'start', 'end', 'staff'], {
    id: code('Shift number. 班次编号。'),
    provider: code('Provider id. 服务商。'),
    post: oneOf(DUTY_POSTS, 'The post staffed. 岗位。'),
    campus: code('Campus id. 校区。'),
    building: code('Building id (dormitory entrance …). 楼宇。'),
    area: code('Place id (power room, boiler room …). 场所。'),
    start: time('Shift starts. 开始时间。'),
    end: time('Shift ends. 结束时间。'),
    staff: count('People on duty in this shift. 在岗人数。'),
    names: text('Who (for the inspector). 值班人员。'),
  }),
  documents: record('documents', '档案 Document', ['id', 'provider', 'requirement', 'title'], {
    id: code('Number. 编号。'),
    provider: code('Provider id. 服务商。'),
    requirement: text('Requirement id. 条款编号。'),
    item: code('Which listed document of the requirement this is (its code). 对应的应备资料代码。'),
    title: text('Title. 名称。'),
    dated: date('Dated. 日期。'),
    year: { type: 'integer', minimum: 1900, maximum: 2999, description: 'Year an annual plan or report is for. 所属年度。' },
    approved: { type: 'boolean', description: 'Approved by the school (经学校同意). 是否经学校同意。' },
    valid_until: date('Last day the document is in force (licences, certificates). 有效期至。'),
    kept_until: date('Kept until. 保存至。'),
  }),
};

/** The field that places a record in a period (YYYY-MM of it). */
export const EVENT_FIELD: Record<RecordKind, string> = {
  'work-orders': 'reported_at',
  complaints: 'received_at',
  consultations: 'received_at',
  activities: 'performed_at',
  'equipment-counts': 'date',
  measurements: 'measured_at',
  surveys: 'period',
  'inspection-results': 'inspected_at',
  events: 'starts_at',
  'duty-roster': 'start',
  documents: 'dated',
};

/** Records without an id are keyed by what identifies them; a resubmission with the same key replaces. */
export function recordKey(kind: RecordKind, r: Record<string, unknown>): string {
  switch (kind) {
    case 'equipment-counts':
      return `${r.date}|${r.provider}|${r.campus}|${r.kind}`;
    case 'surveys':
      return `${r.provider}|${r.period}`;
    default:
      return String(r.id);
  }
}

/** Pairs (earlier, later) that must be in order; a violation is kept and flagged, never fixed. */
export const TIME_ORDER: Partial<Record<RecordKind, [string, string][]>> = {
  'work-orders': [
    ['reported_at', 'dispatched_at'],
    ['reported_at', 'responded_at'],
    ['reported_at', 'arrived_at'],
    ['reported_at', 'completed_at'],
    ['arrived_at', 'completed_at'],
  ],
  complaints: [
    ['received_at', 'registered_at'],
    ['received_at', 'dispatched_at'],
    ['received_at', 'acknowledged_at'],
    ['received_at', 'replied_at'],
    ['received_at', 'resolved_at'],
  ],
  consultations: [['received_at', 'replied_at']],
  'duty-roster': [['start', 'end']],
};

let compiled: Map<RecordKind, ValidateFunction> | undefined;

/** One Ajv instance for the data kinds, each validator compiled once. */
export function recordValidator(kind: RecordKind): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    compiled = new Map(Object.entries(RECORD_SCHEMAS).map(([k, s]) => [k as RecordKind, ajv.compile(s)]));
  }
  return compiled.get(kind)!;
}

/** The date-time fields in words, for printed notices and the public site. */
export const TIME_FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  reported_at: { zh: '报修', en: 'the report' },
  received_at: { zh: '收到', en: 'receipt' },
  registered_at: { zh: '登记', en: 'registration' },
  dispatched_at: { zh: '派单', en: 'dispatch' },
  responded_at: { zh: '响应', en: 'the first response' },
  arrived_at: { zh: '到场', en: 'arrival on site' },
  completed_at: { zh: '完工', en: 'completion' },
  acknowledged_at: { zh: '受理回复', en: 'the acknowledgement' },
  replied_at: { zh: '答复', en: 'the answer' },
  resolved_at: { zh: '办结', en: 'resolution' },
  performed_at: { zh: '执行', en: 'the activity' },
  starts_at: { zh: '开始', en: 'the start' },
  ready_at: { zh: '准备就绪', en: 'readiness' },
  measured_at: { zh: '测量', en: 'the measurement' },
  inspected_at: { zh: '检查', en: 'the inspection' },
};

/** Date-time fields per kind (the schema's time pattern): the columnar projection keeps them as epoch ms. */
export const TIME_FIELDS: Record<RecordKind, string[]> = Object.fromEntries(
  Object.entries(RECORD_SCHEMAS).map(([k, s]) => [
    k,
    Object.entries((s as { properties: Record<string, { pattern?: string }> }).properties)
      .filter(([, p]) => p.pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}T'))
      .map(([f]) => f),
  ]),
) as Record<RecordKind, string[]>;

/**
 * Fields the columnar projection keeps: everything a rule can select cases by — codes, enumerations,
 * dates, times, numbers, flags — but not the record's own id (it is the record key) nor free text
 * (locations, notes, titles), which no rule reads and which would make the projection as large as the records.
 */
export const PROJECTED_FIELDS: Record<RecordKind, string[]> = Object.fromEntries(
  Object.entries(RECORD_SCHEMAS).map(([k, s]) => [
    k,
    Object.entries((s as { properties: Record<string, { type?: string; minLength?: number; pattern?: string; enum?: unknown[] }> }).properties)
      .filter(([f, p]) => f !== 'id' && !(p.type === 'string' && p.minLength !== undefined && !p.pattern && !p.enum))
      .map(([f]) => f),
  ]),
) as Record<RecordKind, string[]>;
