// Closed vocabularies shared by the schemas, the validator and (later) the data formats.
// Field names here are the public contract of the service-data kinds (see docs/data-model.md).

export const REQUIREMENT_TYPES = ['timeliness', 'frequency', 'rate', 'record', 'disclosure', 'inspection', 'informative'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

export const OBLIGATIONS = ['shall', 'should', 'may', 'none'] as const;
export const OBLIGATION_BASES = ['wording', 'lead-in', 'imperative', 'not-normative'] as const;
export const STATUSES = ['active', 'withdrawn', 'superseded'] as const;
export const LINK_RELS = ['replaces', 'replaced-by', 'moved-to', 'moved-from', 'related', 'refines', 'derived-from'] as const;

/** Units of a parameter's value. `stricter` says which direction tightens it. */
export const PARAM_UNITS = ['duration', 'working-days', 'days', 'count', 'percent', 'permille', 'celsius', 'time-range', 'text'] as const;
export type ParamUnit = (typeof PARAM_UNITS)[number];
export const STRICTER = ['lower', 'higher', 'none'] as const;

export const RATE_DIRECTIONS = ['at-least', 'above', 'at-most', 'below'] as const;

export const FREQUENCY_PERIODS = ['hour', 'opening-hour', 'day', 'night', 'week', 'month', 'quarter', 'semester', 'year', 'event'] as const;
export const FREQUENCY_CALENDARS = ['all-days', 'term', 'vacation', 'working-days', 'heating-season', 'air-conditioning-season', 'opening-days', 'season-peaks'] as const;

export const INFORMATIVE_ROLES = ['heading', 'scope', 'normative-reference', 'definition', 'group', 'note'] as const;
export const DISCLOSURE_WHERE = ['public-site', 'on-site', 'both'] as const;

/** What a provider does, so scorecard categories can apply per type (a caterer is not scored on buildings). */
export const PROVIDER_TYPES = ['property', 'facilities', 'catering', 'cleaning', 'security', 'other'] as const;
export const BUILDING_TYPES = ['dormitory', 'teaching', 'laboratory', 'library', 'office', 'venue', 'canteen', 'other'] as const;
export const WORK_ORDER_CATEGORIES = ['general', 'water', 'electric', 'elevator', 'lighting', 'power', 'multimedia', 'hvac', 'heating', 'gas', 'other'] as const;
/**
 * What exactly failed, where the category alone does not decide the limit (5.1.2.7-3: switches and sockets
 * 2 h, supply equipment and lines 12 h; 6.2.1.6-3: classroom teaching equipment).
 */
export const WORK_ORDER_SUBCATEGORIES = ['lamp', 'switch', 'socket', 'line', 'supply-equipment', 'teaching-equipment', 'other'] as const;
export const PRIORITIES = ['normal', 'urgent', 'accident'] as const;
export const COMPLEXITY = ['simple', 'complex', 'major'] as const;
/**
 * Why a complaint arose, as the office finds when it handles it. service-error = an operating error of the
 * unit complained about (服务指南 三、(三)2.(2) “统计投诉中因操作失误导致的占比” counts these).
 */
export const COMPLAINT_CAUSES = ['service-error', 'attitude', 'facility', 'policy', 'other'] as const;
export const EXCLUSIONS = ['duplicate', 'appointment', 'out-of-scope', 'approved-extension', 'cancelled'] as const;

/** Record kinds and the fields a rule may read from them (issue: service data). */
export const RECORD_FIELDS = {
  'work-orders': ['id', 'provider', 'campus', 'building', 'location', 'category', 'subcategory', 'priority', 'complexity', 'reported_at', 'dispatched_at', 'responded_at', 'arrived_at', 'completed_at', 'during_class', 'exclusion'],
  complaints: ['id', 'provider', 'received_at', 'registered_at', 'dispatched_at', 'acknowledged_at', 'replied_at', 'resolved_at', 'channel', 'complexity', 'cause', 'exclusion'],
  consultations: ['id', 'provider', 'received_at', 'replied_at', 'complexity', 'channel', 'exclusion'],
  activities: ['id', 'provider', 'activity', 'performed_at', 'campus', 'building', 'area', 'result', 'notes'],
  'equipment-counts': ['date', 'provider', 'campus', 'kind', 'total', 'intact'],
  measurements: ['id', 'provider', 'kind', 'measured_at', 'campus', 'building', 'point', 'station', 'value', 'unit', 'sampled', 'misplaced', 'passed'],
  surveys: ['provider', 'period', 'respondents', 'satisfied', 'questions'],
  'inspection-results': ['id', 'provider', 'requirement', 'inspected_at', 'campus', 'building', 'place', 'round', 'inspector', 'accompanied_by', 'result', 'passed', 'notes', 'photos'],
  events: ['id', 'provider', 'kind', 'campus', 'building', 'area', 'starts_at', 'ready_at'],
  'duty-roster': ['id', 'provider', 'post', 'campus', 'building', 'area', 'start', 'end', 'staff', 'names'],
  documents: ['id', 'provider', 'requirement', 'item', 'title', 'dated', 'year', 'approved', 'valid_until', 'kept_until'],
} as const;
export type RecordKind = keyof typeof RECORD_FIELDS;
/** An on-site inspection's outcome for one row of a round (合格 / 不合格 / 不适用). */
export const INSPECTION_RESULTS = ['passed', 'failed', 'not-applicable'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const RECORD_KINDS = Object.keys(RECORD_FIELDS) as RecordKind[];

/** Posts a duty roster staffs (24-hour watches: 5.2.1.1, 5.2.3.1, 6.1.1.1, 5.1.2.7-2-a, 5.1.2.10-4-a, 5.1.2.3-a). */
export const DUTY_POSTS = ['main-gate', 'monitoring-centre', 'dorm-entrance', 'power-room', 'boiler-room', 'repair-hotline', 'library-entrance', 'service-desk'] as const;

/** Scheduled events a provider gets ready for (readiness times: 6.1.5.2, 6.2.1.6-1, 6.2.4.2, 6.2.5.2). */
export const EVENT_KINDS = ['class', 'exam', 'meeting', 'campus-event'] as const;

export const EQUIPMENT_KINDS = ['street-lights', 'monitoring', 'classroom-equipment', 'equipment-in-use', 'fire-hydrants', 'extinguishers'] as const;
export const MEASUREMENT_KINDS = ['room-temperature', 'shelf-audit', 'water-quality', 'softened-water', 'inventory-audit', 'work-order-sampling'] as const;

export const FILE_KINDS = ['standard', 'requirements', 'activities', 'profile', 'scorecard', 'register', 'school-calendar', 'mapping', 'requirement-test', 'notices', 'service-desk', 'inspections'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
/** How often a place is inspected for a requirement (inspection.every, the school's inspection plan). */
export const INSPECTION_EVERY = ['week', 'month', 'quarter', 'term', 'year'] as const;
export type InspectionEvery = (typeof INSPECTION_EVERY)[number];
/** The school-calendar periods an inspection is due in (供暖期间, 空调运行期间, 开学季/毕业季 …). */
export const INSPECTION_CALENDARS = ['term', 'vacation', 'heating-season', 'air-conditioning-season', 'season-peaks'] as const;
export type InspectionCalendar = (typeof INSPECTION_CALENDARS)[number];

/** Chinese names of JSON types, for messages. */
export const TYPE_NAMES_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否（true/false）',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
};
