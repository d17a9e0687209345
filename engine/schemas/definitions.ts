// JSON Schema 2020-12 for every YAML kind under standards/.
// Written as data here and emitted as self-contained JSON files (standards/schemas/*.json)
// so VS Code's YAML extension can use them without resolving cross-file $refs.
import {
  BUILDING_TYPES,
  COMPLEXITY,
  DUTY_POSTS,
  EVENT_KINDS,
  DISCLOSURE_WHERE,
  EQUIPMENT_KINDS,
  FREQUENCY_CALENDARS,
  FREQUENCY_PERIODS,
  INSPECTION_CALENDARS,
  INSPECTION_EVERY,
  INFORMATIVE_ROLES,
  LINK_RELS,
  MEASUREMENT_KINDS,
  OBLIGATION_BASES,
  OBLIGATIONS,
  PROVIDER_TYPES,
  PARAM_UNITS,
  PRIORITIES,
  RATE_DIRECTIONS,
  RECORD_KINDS,
  REQUIREMENT_TYPES,
  STATUSES,
  STRICTER,
  WORK_ORDER_CATEGORIES,
  WORK_ORDER_SUBCATEGORIES,
  type FileKind,
} from '../model/vocabulary.ts';
import { REQUIREMENT_TEST_SCHEMA } from '../evaluate/case-tests.ts';

type Schema = Record<string, unknown>;

export const SCHEMA_BASE = 'https://charter.invalid/schemas/v1/';
export const SCHEMA_FILES: Record<FileKind, string> = {
  standard: 'standard.schema.json',
  requirements: 'requirements.schema.json',
  activities: 'activities.schema.json',
  profile: 'profile.schema.json',
  scorecard: 'scorecard.schema.json',
  register: 'register.schema.json',
  'school-calendar': 'school-calendar.schema.json',
  mapping: 'mapping.schema.json',
  'requirement-test': 'requirement-test.schema.json',
  notices: 'notices.schema.json',
  'service-desk': 'service-desk.schema.json',
  inspections: 'inspections.schema.json',
};

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });
const obj = (description: string, required: string[], properties: Record<string, Schema>): Schema => ({
  type: 'object',
  description,
  required,
  additionalProperties: false,
  properties,
});
const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', minLength: 1, description, ...extra });
const enumOf = (description: string, values: readonly string[]): Schema => ({ type: 'string', enum: [...values], description });
const list = (description: string, items: Schema, extra: Schema = {}): Schema => ({ type: 'array', description, items, ...extra });

export const ID_PATTERN = '^[0-9a-z][0-9a-z.:-]*$';
export const CODE_PATTERN = '^[a-z][a-z0-9-]*$';

const defs: Record<string, Schema> = {
  text: obj('Text in Chinese (required) and English (optional). 中文必填，英文可选。', ['zh'], {
    zh: str('中文'),
    en: str('English'),
  }),
  documentItem: obj('One required document. 一项应备资料。', ['zh'], {
    zh: str('中文'),
    en: str('English'),
    code: str('Code a submitted document names in its item field. 资料代码（档案记录的 item 字段）。', { pattern: '^[a-z0-9][a-z0-9-]*$' }),
    validity: list('What makes a submitted copy valid: current-year = of the evaluated year (year, else the year of dated); approved = approved by the school (approved: true). 有效条件。', enumOf('validity', ['current-year', 'approved']), { minItems: 1, uniqueItems: true }),
  }),
  date: str('ISO date, YYYY-MM-DD. ISO 日期。', { pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' }),
  id: str('Requirement id: the clause number ("5.1.2.6"), a sub-item ("5.1.2.6-2") or "<profile>:<local>". 条款编号。', {
    pattern: ID_PATTERN,
  }),
  code: str('Lower-case code with hyphens, e.g. fire-patrol. 代码：小写字母、数字和连字符。', { pattern: CODE_PATTERN }),
  param: obj('Reference to a parameter of this requirement. 引用本条款的参数。', ['param'], { param: ref('code') }),
  datedValue: obj('A value in force from a date, with its source. 自某日期起生效的取值及出处。', ['from', 'value', 'source'], {
    from: ref('date'),
    value: { type: ['string', 'number'], description: 'The value: an ISO 8601 duration (PT1H), a number, or text. 取值。' },
    source: str('Where the value comes from (document and clause). 出处。'),
    note: str('Why it changed. 变更说明。'),
  }),
  parameter: obj('A tunable value of a checkable requirement, with dated history. 可检查条款的参数。', ['name', 'unit', 'stricter', 'values'], {
    name: ref('code'),
    label: ref('text'),
    unit: enumOf('duration = ISO 8601 wall-clock; working-days / days = counted per Civil Code art. 201–203. 单位。', PARAM_UNITS),
    stricter: enumOf('Which direction is stricter: lower (time limits), higher (rates, counts), none. 哪个方向更严。', STRICTER),
    values: list('Values in ascending date order; never delete old ones. 按日期升序的历史取值。', ref('datedValue'), { minItems: 1 }),
  }),
  erratum: obj('A repair of the source text, recorded openly. 勘误：原文与修正。', ['field', 'printed', 'repaired', 'reason'], {
    field: enumOf('Which field was repaired. 被修正的字段。', ['number', 'text', 'heading']),
    printed: { type: 'string', description: 'The source text exactly as printed ("" if missing). 原文照录。' },
    repaired: str('The repaired text. 修正后。'),
    reason: str('Why. 理由。'),
  }),
  link: obj('A link to another requirement (withdrawn, replaced, renumbered …). 与其他条款的关联。', ['rel', 'target'], {
    rel: enumOf('Relation. 关系。', LINK_RELS),
    target: ref('id'),
    since: ref('date'),
  }),
  sourceRef: obj('Where in a source document the requirement is written. 原文出处。', ['document', 'ref'], {
    document: str('Source file or document title. 来源文件。'),
    ref: str('Chapter / paragraph in the source. 章节段落。'),
    quote: str('Verbatim quotation. 原文摘录。'),
  }),
  when: obj('Which cases a limit covers; omitted keys mean any. 适用情形；未写即不限。', [], {
    category: list('Work-order categories. 报修类别。', enumOf('category', WORK_ORDER_CATEGORIES), { minItems: 1, uniqueItems: true }),
    kind: list('Event kinds (events records). 活动类别。', enumOf('event kind', EVENT_KINDS), { minItems: 1, uniqueItems: true }),
    subcategory: list('Work-order subcategories (what failed). 故障细类。', enumOf('subcategory', WORK_ORDER_SUBCATEGORIES), { minItems: 1, uniqueItems: true }),
    priority: list('Priorities. 紧急程度。', enumOf('priority', PRIORITIES), { minItems: 1, uniqueItems: true }),
    complexity: list('Complexity. 复杂程度。', enumOf('complexity', COMPLEXITY), { minItems: 1, uniqueItems: true }),
    working_hours: { type: 'boolean', description: 'Reported within working hours (true) or outside (false). 是否工作时间内报告。' },
    during_class: { type: 'boolean', description: 'Reported during class. 是否上课期间。' },
    building_type: list('Building types. 楼宇类型。', enumOf('building type', BUILDING_TYPES), { minItems: 1, uniqueItems: true }),
  }),
  limit: obj('One time limit: from a start event to a stop event. 一项时限。', ['id', 'label', 'start', 'stop', 'limit'], {
    id: ref('code'),
    label: ref('text'),
    when: ref('when'),
    start: str('Field of the record where the clock starts, e.g. reported_at. 计时起点字段。'),
    stop: str('Field where the clock stops, e.g. arrived_at. 计时终点字段。'),
    before: { type: 'boolean', description: 'Readiness: the stop must be at least the limit before the start (提前30分钟). 提前量。' },
    stop_not_before: list('Fields the stop cannot precede: where recorded, the clock stops at the latest of them and stop (a result is fed back no earlier than it exists). 终点不早于的字段。', str('A field of the record.'), { minItems: 1, uniqueItems: true }),
    limit: ref('param'),
    clock: obj(
      'The clock runs only within service hours on working days: a case that arrives outside them starts at the next opening (a time-range parameter such as 08:30-17:30). 仅在工作日服务时间内计时；时段外收到的自下一个工作日开始时间起算。',
      ['within'],
      { within: ref('param') },
    ),
  }),
  timeliness: obj('Time limits per case. 时限要求。', ['subject', 'limits'], {
    subject: enumOf('Record kind the limit applies to. 适用的记录类型。', RECORD_KINDS),
    limits: list('The limits; a case is judged by the first whose conditions match. 时限列表（按顺序匹配）。', ref('limit'), { minItems: 1 }),
    target: ref('param'),
  }),
  count: obj('One count per period per scope. 一项频次。', ['id', 'label', 'activity', 'count', 'period', 'scope'], {
    id: ref('code'),
    label: ref('text'),
    activity: ref('code'),
    count: ref('param'),
    period: enumOf('Period the count is per. 周期。', FREQUENCY_PERIODS),
    scope: ref('code'),
    building_type: list('Only buildings of these types. 仅限这些类型的楼宇。', enumOf('building type', BUILDING_TYPES), { minItems: 1, uniqueItems: true }),
    calendar: enumOf('Which days the grid covers. 适用日历。', FREQUENCY_CALENDARS),
  }),
  frequency: obj('Counts per period per scope; each is its own expected-occurrence grid. 频次要求。', ['counts'], {
    counts: list('The counts. 频次列表。', ref('count'), { minItems: 1 }),
  }),
  rate: obj('A threshold on a rate. 比率要求。', ['measure', 'subject', 'threshold', 'direction'], {
    measure: ref('text'),
    subject: enumOf('Record kind counted. 统计的记录类型。', RECORD_KINDS),
    select: obj('Which records count. 筛选条件。', [], {
      kind: enumOf('equipment or measurement kind', [...EQUIPMENT_KINDS, ...MEASUREMENT_KINDS]),
      activity: ref('code'),
    }),
    numerator: str('Field summed as the numerator, e.g. intact. 分子字段。'),
    denominator: str('Field summed as the denominator, e.g. total. 分母字段。'),
    cases_of: ref('id'),
    threshold: ref('param'),
    direction: enumOf('at-least = ≥ (以上/不低于), above = >, at-most = ≤, below = < (低于). 方向。', RATE_DIRECTIONS),
    calendar: enumOf('Readings count only on days of this calendar. 只计该日历内的读数。', ['heating-season', 'air-conditioning-season']),
    min_points: ref('param'),
    population: enumOf('complete = a full count (all equipment, all of a month’s cases), judged at any n ≥ 1; sample = a sample, min_sample applies. Default: complete for equipment-counts and cases_of. 完整清点或抽样。', ['complete', 'sample']),
    min_sample: { type: 'integer', minimum: 1, description: 'Samples only: fewer than this → not reviewed, unless the misses already make the threshold impossible (failed). 最小样本量（仅抽样）。' },
    also: list('Extra value limits checked with the rate (e.g. 18 ℃). 附带的数值要求。', ref('param'), { minItems: 1 }),
    share: obj('Numerator = records whose field has one of the values; denominator = all records (e.g. complaints caused by service errors). 按字段取值计数的占比。', ['field', 'values'], {
      field: str('Record field, e.g. cause. 字段。'),
      values: list('Values counted in the numerator. 计入分子的取值。', str('A value. 取值。'), { minItems: 1 }),
    }),
    denominator_count: enumOf('The denominator is the number of the unit’s records of this kind in the month, e.g. work-orders for a sampling share. 分母为当月该类记录的件数。', RECORD_KINDS),
    requires_record: obj('When the rate misses the threshold, a document must exist (e.g. an analysis of causes); failed only if none is filed for the requirement. 未达阈值时应有的档案。', ['documents'], {
      documents: list('What must exist. 应具备的资料。', ref('text'), { minItems: 1 }),
    }),
  }),
  record: obj('A document or archive that must exist or be kept. 档案记录要求。', ['documents'], {
    documents: list('What must exist: every item is required. 应具备的资料（每一项都须具备）。', ref('documentItem'), { minItems: 1 }),
    retention: ref('param'),
  }),
  disclosure: obj('Something that must be published. 公示要求。', ['items', 'where'], {
    items: list(
      'What is published. 公示内容。',
      obj('One published item, optionally with the value it publishes (hours, a limit). 一项公示内容。', ['code', 'name'], { code: ref('code'), name: ref('text'), value: ref('param') }),
      { minItems: 1 },
    ),
    where: enumOf('Where: public-site, on-site or both. 公示位置。', DISCLOSURE_WHERE),
  }),
  inspection: obj('Checked by a person on site. 现场检查。', ['checklist'], {
    checklist: list('Items an inspector can tick. 检查要点。', ref('text'), { minItems: 1 }),
    scope: { ...ref('code'), description: 'Where it is looked at: a scope code of activities.yaml (default: building when the requirement or a parent has applies_to, else campus). 检查范围单位。' },
    every: enumOf('How often each place is inspected (default month, or the school inspection plan). 每处检查频次：week 每周、month 每月、quarter 每季度、term 每学期、year 每年。', INSPECTION_EVERY),
    calendar: enumOf('Due only in rounds holding a day of these school-calendar periods (供暖期间 heating-season …). 只在校历的这些时段内检查。', INSPECTION_CALENDARS),
    watch: obj('A watch checked against duty-roster shifts (24h值班, 每班2人). 值班要求（按值班表核对）。', ['post', 'scope', 'staff'], {
      post: enumOf('The post. 岗位。', DUTY_POSTS),
      scope: ref('code'),
      staff: ref('param'),
      calendar: enumOf('Which days the watch is kept. 适用日历。', FREQUENCY_CALENDARS),
    }),
  }),
  informative: obj('Not checkable. 资料性内容。', ['role'], {
    role: enumOf('heading, scope, normative-reference, definition, group (items carry the duty), note. 角色。', INFORMATIVE_ROLES),
  }),
  requirement: obj('One addressable requirement. 一个可引用的要求。', ['id', 'parent', 'section', 'text', 'obligation', 'type'], {
    id: ref('id'),
    number: str('The clause number as it stands in the document. 条款号。'),
    item: { type: 'integer', minimum: 1, description: 'Sub-item ("——") position under its clause. 子项序号。' },
    part: { type: 'string', pattern: '^[a-z]$', description: 'A clause carrying two duties of different types is split into parts a, b … each quoting its fragment. 分项。' },
    parent: { type: ['string', 'null'], minLength: 1, pattern: ID_PATTERN, description: 'Parent requirement id, or null at the top. 上级编号。' },
    section: str('Top-level section. 所属章。'),
    title: ref('text'),
    text: str('Verbatim text (repairs recorded as errata). 原文。'),
    obligation: enumOf('应 → shall, 宜 → should, 可 → may, none for informative. 约束程度。', OBLIGATIONS),
    obligation_from: enumOf('Read from the wording, inherited from a lead-in, an imperative statement, or not normative. 依据。', OBLIGATION_BASES),
    type: enumOf('Exactly one type. 类型。', REQUIREMENT_TYPES),
    status: enumOf('Lifecycle. 状态。', STATUSES),
    since: str('Edition or version that introduced it. 引入版本。'),
    links: list('Links. 关联。', ref('link')),
    errata: list('Repairs of the source. 勘误。', ref('erratum')),
    source: ref('sourceRef'),
    parameters: list('Dated parameters. 参数。', ref('parameter'), { minItems: 1 }),
    timeliness: ref('timeliness'),
    frequency: ref('frequency'),
    rate: ref('rate'),
    record: ref('record'),
    disclosure: ref('disclosure'),
    inspection: ref('inspection'),
    informative: ref('informative'),
    applies_to: obj('Where the requirement (and everything under it) applies: a provider with no building of these types has nothing to do under it (6.2.1 教学楼服务 for a company without teaching buildings). 适用范围：服务商没有这类楼宇时不适用。', ['building_types'], {
      building_types: list('Building types. 楼宇类型。', enumOf('building type', BUILDING_TYPES), { minItems: 1, uniqueItems: true }),
    }),
    notes: str('Notes for editors. 编辑说明。'),
  }),
  override: obj('Tailor a parameter of a selected requirement. 调整所选条款的参数。', ['requirement', 'parameter', 'values'], {
    requirement: ref('id'),
    parameter: ref('code'),
    values: list('Dated values, ascending. 取值。', ref('datedValue'), { minItems: 1 }),
    deviation: obj('Required when the value is looser than the base. 放宽时必填。', ['reason', 'approved_on', 'approved_by'], {
      reason: str('Why. 理由。'),
      approved_on: ref('date'),
      approved_by: str('Who approved. 批准人。'),
    }),
  }),
  versionEntry: obj('A version of the file. 版本记录。', ['version', 'date', 'changes'], {
    version: str('Semantic version. 版本号。', { pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    date: ref('date'),
    changes: str('What changed, for policy owners. 变更内容（写给制度维护者）。'),
    summary: { ...ref('text'), description: 'What changed, for readers of the public site and its feed: plain words, no ids or ISO values. 写给公众的变更说明（网站和订阅中显示）。' },
  }),
};

const modeline = { type: 'string', description: 'Optional: schema this file follows (editors read the first-line comment instead).' };

function kindSchema(kind: FileKind, title: string, description: string, required: string[], properties: Record<string, Schema>): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_BASE + SCHEMA_FILES[kind],
    title,
    description,
    type: 'object',
    required: ['kind', ...required],
    additionalProperties: false,
    properties: { kind: { const: kind, description: `File kind: ${kind}` }, $schema: modeline, ...properties },
    $defs: defs,
  };
}

let SCHEMAS_EXTRA: Record<'register' | 'school-calendar' | 'mapping', Schema>;
export const SCHEMAS = {
  standard: kindSchema('standard', 'Charter standard edition', 'The header of a standard: edition, version and history. 标准版本信息。', ['id', 'title', 'edition', 'version', 'effective_from', 'source', 'history'], {
    id: ref('code'),
    title: ref('text'),
    edition: str('Edition as published. 版次。'),
    version: str('Version of this encoding. 本编码的版本。', { pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    effective_from: ref('date'),
    source: obj('Source document. 来源。', ['file'], { file: str('Source file in the repository (standards/sources/).'), note: str('Note.') }),
    sections: list(
      'Top-level sections. 各章。',
      obj('A section.', ['number', 'title'], { number: str('Number.'), title: ref('text') }),
      { minItems: 1 },
    ),
    history: list('Versions. 版本历史。', ref('versionEntry'), { minItems: 1 }),
  }),
  requirements: kindSchema('requirements', 'Charter requirements of a standard', 'Requirements of one section of a standard. 标准某章的条款。', ['document', 'section', 'requirements'], {
    document: ref('code'),
    section: str('Section number. 章号。'),
    requirements: list('Requirements in document order. 按原文顺序。', ref('requirement'), { minItems: 1 }),
  }),
  activities: kindSchema('activities', 'Charter activity codes and scopes', 'Activity codes counted by frequency requirements and the scopes they are counted over. 活动代码与范围单位。', ['scopes', 'activities'], {
    scopes: list(
      'Scope units. 范围单位。',
      obj('A scope unit.', ['code', 'name'], {
        code: ref('code'),
        name: ref('text'),
        within: ref('code'),
        building_type: enumOf('Building type this scope is. 楼宇类型。', BUILDING_TYPES),
        residential: { type: 'boolean', description: 'People sleep here (night periods fit). 有住宿。' },
        opening_hours: { type: 'boolean', description: 'Has opening hours (opening-hour periods fit). 有开放时间。' },
      }),
      { minItems: 1 },
    ),
    activities: list(
      'Activities. 活动。',
      obj('An activity.', ['code', 'name', 'scope'], {
        code: ref('code'),
        name: ref('text'),
        scope: ref('code'),
        description: ref('text'),
      }),
      { minItems: 1 },
    ),
  }),
  profile: kindSchema('profile', 'Charter profile (school plan or contract)', 'A profile selects and tailors the standard and adds its own requirements. 实施方案或合同。', ['id', 'title', 'profile_type', 'version', 'base', 'source', 'select'], {
    id: ref('code'),
    title: ref('text'),
    profile_type: enumOf('school-plan or contract. 类型。', ['school-plan', 'contract']),
    version: str('Version. 版本。', { pattern: '^\\d+\\.\\d+\\.\\d+$' }),
    issued_on: ref('date'),
    issuer: str('Who issued it. 发布单位。'),
    base: ref('code'),
    source: obj('Source document. 来源。', ['file'], { file: str('Source file in the repository (standards/sources/).'), note: str('Note.') }),
    provider: obj('The provider a contract binds. 合同服务商。', ['id', 'name'], { id: ref('code'), name: str('Name.') }),
    building_types: list('Building types a contract covers. 服务的楼宇类型。', enumOf('building type', BUILDING_TYPES), { minItems: 1, uniqueItems: true }),
    select: obj('Which base requirements apply; an id selects it and everything under it. 适用条款。', ['include'], {
      include: list('Ids included. 纳入。', ref('id'), { minItems: 1 }),
      exclude: list('Ids excluded. 排除。', ref('id')),
    }),
    overrides: list('Parameter overrides. 参数调整。', ref('override')),
    obligations: list(
      'Obligation levels set by this profile: should → shall makes an item binding; shall → should loosens and needs a deviation. 约束程度调整。',
      obj('An obligation level.', ['requirement', 'obligation', 'reason'], {
        requirement: ref('id'),
        obligation: enumOf('The level in force under this profile. 调整后的约束程度。', ['shall', 'should']),
        reason: str('Why (the contract clause or plan article). 依据。'),
        deviation: obj('Required when the level is lowered. 降低时必填。', ['reason', 'approved_on', 'approved_by'], {
          reason: str('Why. 理由。'),
          approved_on: ref('date'),
          approved_by: str('Who approved. 批准人。'),
        }),
      }),
    ),
    requirements: list('The profile’s own requirements. 本方案新增条款。', ref('requirement')),
    history: list('Versions. 版本历史。', ref('versionEntry')),
  }),
  scorecard: kindSchema('scorecard', 'Charter scorecard configuration', 'Categories, weights, deductions and grades of the monthly scorecard. 考核评分表配置。', ['id', 'title', 'profile', 'blend', 'categories', 'grades'], {
    id: ref('code'),
    title: ref('text'),
    profile: ref('code'),
    blend: obj('Supervisor and service-user weights (sum 100). 督查与用户评价权重。', ['supervisor', 'users'], {
      supervisor: { type: 'number', minimum: 0, maximum: 100 },
      users: { type: 'number', minimum: 0, maximum: 100 },
    }),
    coverage_floor: { type: 'number', minimum: 0, maximum: 1, description: 'The school’s choice: below this coverage (requirements with a verdict ÷ applicable) a scorecard is provisional, not graded. 评价覆盖率下限。' },
    categories: list(
      'Categories with weights summing to 100. 考核类别。',
      obj('A category.', ['id', 'name', 'weight', 'requirements'], {
        id: ref('code'),
        name: ref('text'),
        weight: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Points. 分值。' },
        requirements: list('Requirement ids (an id covers everything under it). 关联条款。', ref('id'), { minItems: 1 }),
        deduction: { type: 'number', exclusiveMinimum: 0, description: 'Points per failed finding. 每项扣分。' },
        cap: { type: 'number', exclusiveMinimum: 0, description: 'Most points deducted in this category. 扣分上限。' },
        applies_to: obj('Providers the category applies to (by register type or profile); others show it as 不适用. 适用的服务商。', [], {
          provider_types: list('Provider types. 服务商类型。', enumOf('provider type', PROVIDER_TYPES), { minItems: 1, uniqueItems: true }),
          profiles: list('Profiles. 方案。', ref('code'), { minItems: 1, uniqueItems: true }),
        }),
      }),
      { minItems: 1 },
    ),
    veto: list('Requirements whose failure fails the month (一票否决). 否决项。', ref('id')),
    grades: list(
      'Grades from high to low. 等级。',
      obj('A grade.', ['code', 'name', 'min'], { code: ref('code'), name: ref('text'), min: { type: 'number', minimum: 0, maximum: 100 } }),
      { minItems: 1 },
    ),
  }),
} as Record<FileKind, Schema>;

const TIME = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM' };
const period = (d: string): Schema =>
  obj(d, ['name', 'start', 'end'], { id: ref('code'), name: ref('text'), start: ref('date'), end: ref('date') });

SCHEMAS_EXTRA = {
  register: kindSchema('register', 'Charter campus register', 'Campuses, providers, buildings and other places of the university. 校园登记：校区、服务商、楼宇。', ['id', 'campuses', 'providers', 'buildings'], {
    id: ref('code'),
    title: ref('text'),
    campuses: list(
      'Campuses. 校区。',
      obj('A campus.', ['id', 'name'], {
        id: ref('code'),
        name: ref('text'),
        provider: { ...ref('code'), description: 'Provider answerable for campus-wide duties (patrols, drills …) not assigned in duties. 负责全校区事项的服务商。' },
        duties: list(
          'Campus-wide duties of named requirements assigned to providers (an id covers everything under it). 分派给各服务商的全校区事项。',
          obj('A duty.', ['provider', 'requirements'], { provider: ref('code'), requirements: list('Requirement ids. 条款。', ref('id'), { minItems: 1 }) }),
        ),
      }),
      { minItems: 1 },
    ),
    providers: list(
      'Providers. 服务商。',
      obj('A provider.', ['id', 'name'], {
        id: ref('code'),
        name: str('Name. 名称。'),
        type: enumOf('What the provider does (property, facilities, catering …); scorecard categories apply per type. 服务商类型。', PROVIDER_TYPES),
        kind: enumOf('contractor (a service company under contract, the default) or office (one of the logistics office’s own service units, e.g. the general office). 服务商或后勤处自有服务单位。', ['contractor', 'office']),
        profile: { ...ref('code'), description: 'Main profile: for a contractor its contract profile, which tailors its base (a plan or the standard). 主方案：合同及其所依据的方案。' },
        plans: list(
          'School plans bound to this unit besides its main profile: their own requirements are evaluated for it. A plan id binds the whole plan; {plan, requirements} only those, {plan, except} all but those (an id covers everything under it). 适用于本单位的学校方案。',
          {
            oneOf: [
              ref('code'),
              obj('Part of a plan bound to the unit. 方案的部分条款。', ['plan'], {
                plan: ref('code'),
                requirements: list('Only these requirements of the plan. 仅这些条款。', ref('id'), { minItems: 1 }),
                except: list('All but these requirements of the plan. 除这些条款外。', ref('id'), { minItems: 1 }),
              }),
            ],
          },
        ),
        contact: str('Contact. 联系方式。'),
        service: obj('Contract service period: duties are expected only within it. 合同服务期。', ['from'], { from: ref('date'), to: ref('date') }),
      }),
      { minItems: 1 },
    ),
    buildings: list(
      'Buildings. 楼宇。',
      obj('A building.', ['id', 'campus', 'name', 'type'], {
        id: ref('code'),
        campus: ref('code'),
        name: str('Name. 名称。'),
        type: enumOf('Building type. 楼宇类型。', BUILDING_TYPES),
        provider: ref('code'),
        sealed: list('Periods the building is sealed (封楼). 封楼期间。', period('A sealed period.')),
        opening_hours: list(
          'When it is open to users; closed on statutory holidays. 开放时间（法定节假日闭馆）。',
          obj('Opening hours.', ['start', 'end'], {
            start: str('Opens, HH:MM. 开放。', { pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
            end: str('Closes, HH:MM. 关闭。', { pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' }),
            weekdays: list('ISO weekdays, 1 = Monday … 7 = Sunday; all if omitted. 适用星期。', { type: 'integer', minimum: 1, maximum: 7 }, { minItems: 1, uniqueItems: true }),
          }),
          { minItems: 1 },
        ),
      }),
      { minItems: 1 },
    ),
    places: list(
      'Other places counted by frequency requirements (power rooms, water tanks, boiler rooms …). 其他场所。',
      obj('A place.', ['id', 'campus', 'scope', 'name'], { id: ref('code'), campus: ref('code'), scope: ref('code'), name: str('Name. 名称。'), building: ref('code'), provider: ref('code') }),
    ),
  }),
  'school-calendar': kindSchema('school-calendar', 'Charter school calendar', 'Working hours, terms, vacations, closures and class periods, layered on the statutory calendar. 学校校历。', ['id', 'timezone', 'working_hours', 'terms'], {
    id: ref('code'),
    title: ref('text'),
    timezone: str('IANA time zone. 时区。', { pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$' }),
    working_hours: obj('Working hours on working days. 工作时间。', ['start', 'end'], { start: TIME, end: TIME }),
    night: obj('Night for night patrols, e.g. 22:00–06:00. 夜间时段。', ['start', 'end'], { start: TIME, end: TIME }),
    terms: list('Terms (学期). 学期。', period('A term.'), { minItems: 1 }),
    vacations: list('Vacations. 假期。', period('A vacation.')),
    closures: list('Extra non-working days of the school. 学校额外停工日。', obj('A closure.', ['date', 'name'], { date: ref('date'), name: ref('text') })),
    extra_workdays: list('Extra working days of the school. 学校额外工作日。', obj('A working day.', ['date', 'name'], { date: ref('date'), name: ref('text') })),
    class_periods: list('Class periods on teaching days. 课节。', obj('A class period.', ['start', 'end'], { name: str('Name.'), start: TIME, end: TIME }), { minItems: 1 }),
    heating_season: list('Heating seasons. 供暖季。', period('A heating season.')),
    air_conditioning_season: list('When the central air-conditioning runs (5.1.2.12). 中央空调运行期。', period('A running period.')),
    season_peaks: list('Opening and graduation seasons, big events. 开学季、毕业季及重大活动。', period('A peak period.')),
  }),
  mapping: kindSchema('mapping', 'Charter column mapping', 'How a school’s export maps to a canonical record kind. 导出文件的列映射。', ['id', 'title', 'record_kind', 'columns'], {
    id: ref('code'),
    title: ref('text'),
    record_kind: enumOf('Canonical record kind. 记录类型。', RECORD_KINDS),
    encoding: enumOf('Text encoding of CSV files (detected when omitted). 编码。', ['utf-8', 'gb18030', 'gbk']),
    sheet: str('XLSX sheet name (first sheet when omitted), or "*" for every sheet. 工作表（"*" 为全部工作表）。'),
    header_row: { type: 'integer', minimum: 1, description: 'Row holding the headers (1 when omitted). 表头所在行。' },
    ignore: list('Headers people read but Charter does not (no unmapped-column warning). 不读取的列。', str('A header.')),
    columns: list(
      'Canonical fields and where they come from. 字段映射。',
      obj('One canonical field.', ['field'], {
        field: str('Canonical field name. 标准字段名。'),
        header: { type: ['string', 'array'], minLength: 1, items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Header in the file, or several accepted spellings. 文件中的列名。' },
        constant: { type: ['string', 'number', 'boolean'], description: 'A fixed value instead of a column. 固定值。' },
        values: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Value translations, e.g. 电梯: elevator. 取值对照。' },
        format: str('Date format such as "yyyy/M/d H:mm", or excel-serial, or iso. 日期格式。'),
        transform: enumOf('Normalise the text first. 预处理。', ['trim', 'lower', 'upper']),
        lookup: enumOf('Resolve a name to an id through the campus register (id or name accepted). 按校园登记把名称换成编号。', ['campus', 'building', 'provider', 'place']),
        required: { type: 'boolean', description: 'A blank cell is an error. 不可为空。' },
        optional: { type: 'boolean', description: 'The column may be missing from a file (older exports lack it); when present it is read. 文件可以没有这一列。' },
        title_block: str('Read the value from the title block above the header row: the cell right of this label. 从表头上方标题区读取：该标签右侧单元格。'),
      }),
      { minItems: 1 },
    ),
  }),
};
const NOTICES_SCHEMA = kindSchema('notices', 'Charter notice configuration', 'How rectification notices are numbered, grouped, worded and followed up. 问题整改通知单配置。', ['id', 'office', 'document', 'number', 'group_by', 'inspection_type', 'demand', 'deadline', 'recheck', 'objection', 'issuer', 'public_site', 'actions', 'rules'], {
  id: ref('code'),
  title: ref('text'),
  office: str('Issuing office as printed. 签发单位。'),
  document: str('Document title. 文书名称。'),
  number: str('Number pattern with {year} and {seq} or {seq:N}. 编号格式。'),
  group_by: enumOf('One notice per provider and period, or per failed requirement. 分组方式。', ['provider', 'requirement']),
  inspection_type: str('Inspection type as printed. 检查类型。'),
  demand: str('Paragraph above the problems; {period} and {provider} are filled in. 整改要求。'),
  deadline: obj('Rectification deadline in working days after the day of issue. 整改期限。', ['working_days', 'basis'], {
    working_days: { type: 'integer', minimum: 1, maximum: 60, description: 'Working days. 工作日。' },
    basis: ref('id'),
    quote: str('The basis clause’s words this rests on, verbatim (checked against its text). 所依据的方案原文（逐字）。'),
    school_choice: { ...ref('text'), description: 'What no plan states and the school chose itself (e.g. the number of days), named as its own choice. 方案未规定、由本校确定的内容。' },
  }),
  recheck_failed: obj(
    'A failed re-check (复查未通过) sets a new rectification deadline (再次限期整改): working days after the day of the failed check. 复查未通过时再次限期整改。',
    ['working_days', 'basis'],
    {
      working_days: { type: 'integer', minimum: 1, maximum: 60, description: 'Working days. 工作日。' },
      basis: ref('id'),
      quote: str('The basis clause’s words, verbatim. 所依据的方案原文（逐字）。'),
      school_choice: { ...ref('text'), description: 'What no plan states and the school chose itself. 本校自定的内容。' },
    },
  ),
  recheck: str('How the rectification is re-checked. 复查方式。'),
  objection: obj('Objection window. 异议期限。', ['working_days', 'text'], {
    working_days: { type: 'integer', minimum: 1, maximum: 60 },
    text: str('Printed text; {until} is the last day. 异议说明。'),
  }),
  issuer: obj('Issuer. 签发人。', ['name'], { name: str('Name.'), contact: str('Contact.') }),
  public_site: { type: 'string', pattern: '^https?://[^\\s]+/$', description: 'Base URL of the public site, ending in /. 公开网站地址。' },
  actions: obj('What must be done, per requirement type. 整改措施。', [], Object.fromEntries(['timeliness', 'frequency', 'rate', 'record', 'inspection', 'disclosure'].map((t) => [t, str(`For ${t} problems.`)]))),
  rules: list(
    'The plan’s rules over the ledger. 通知单台账规则。',
    obj('A rule.', ['id', 'basis', 'effect', 'label', 'conditions'], {
      id: ref('code'),
      basis: ref('id'),
      effect: enumOf('What the rule decides. 结论。', ['overdue', 'escalate']),
      label: ref('text'),
      quote: str('The basis clause’s words the rule applies, verbatim (checked against its text). 所依据的方案原文（逐字）。'),
      school_choice: { ...ref('text'), description: 'A grace period or threshold no plan states, named as the school’s own choice. 方案未规定、由本校确定的宽限或界限。' },
      conditions: { type: 'object', description: 'json-rules-engine conditions on the notice fact. 条件。' },
    }),
    { minItems: 1 },
  ),
});

const SERVICE_DESK_SCHEMA = kindSchema('service-desk', 'Charter service desk', 'Hotline, window, service processes, paid-service prices and emergency contacts the public site publishes. 服务窗口、流程、收费与应急联系。', ['id', 'office', 'hotline', 'window', 'online', 'processes', 'services', 'emergencies'], {
  id: ref('code'),
  title: ref('text'),
  office: ref('text'),
  hotline: str('The 24-hour service hotline. 服务热线。'),
  window: obj('The 24-hour service window. 服务窗口。', ['name', 'place', 'hours'], { name: ref('text'), place: ref('text'), hours: ref('text') }),
  online: ref('text'),
  processes: list(
    'Consultation, repair and complaint processes. 服务流程。',
    obj('A process.', ['id', 'name', 'steps'], {
      id: enumOf('Which process. 流程。', ['consultation', 'repair', 'complaint']),
      name: ref('text'),
      steps: list('Steps in order. 步骤。', obj('A step.', ['name'], { name: ref('text'), requirement: ref('id') }), { minItems: 1 }),
    }),
    { minItems: 1 },
  ),
  services: list('Paid services (7.2) and their prices. 特约服务收费。', obj('A paid service.', ['name', 'unit', 'price', 'from'], { name: ref('text'), unit: ref('text'), price: { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', description: 'Yuan. 元。' }, from: ref('date'), note: ref('text') })),
  emergencies: list('How to reach help per emergency category (8.2). 应急联系。', obj('A category.', ['category', 'contact'], { category: ref('text'), contact: ref('text') })),
});

const INSPECTIONS_SCHEMA = kindSchema('inspections', 'Charter inspection plan', 'Who inspects the providers on site, how often, and which places are sampled. 后勤服务现场检查计划。', ['id', 'version', 'inspector_unit'], {
  id: ref('code'),
  title: ref('text'),
  version: str('Version of the plan. 版本。'),
  inspector_unit: { ...ref('code'), description: 'The register unit that inspects (normally the logistics office); missed checks are reported against it. 检查单位（校园登记中的单位）。' },
  basis: ref('sourceRef'),
  default: obj('Defaults for every inspection requirement. 默认值。', [], { every: enumOf('How often each place is inspected. 默认检查频次。', INSPECTION_EVERY) }),
  requirements: list(
    'The school\'s choices per requirement (an id covers the items under it). 按条款设定的检查频次与范围。',
    obj('One choice.', ['requirement'], {
      requirement: ref('id'),
      every: enumOf('How often each place is inspected. 检查频次。', INSPECTION_EVERY),
      scope: { ...ref('code'), description: 'Where it is looked at (a scope code). 检查范围单位。' },
      basis: ref('sourceRef'),
      note: ref('text'),
    }),
  ),
  sampling: list(
    'Which places are visited when not all can be. 抽查规则。',
    obj('A sampling rule: the first ceil(share% × n) places by sha256(period|place), at least min. 抽查规则。', ['id', 'scope', 'share'], {
      id: ref('code'),
      scope: { ...ref('code'), description: 'Places of this scope and of the scopes within it. 抽查的范围单位（含其下级）。' },
      share: { type: 'number', description: 'Percent of the provider\'s places of the scope in a campus per round, rounded up (1–100). 抽查比例（%）。' },
      min: { type: 'integer', minimum: 1, description: 'At least this many places. 至少抽查处数。' },
      every: enumOf('Which rounds it thins: month (default) or week. 适用的检查轮次。', ['month', 'week']),
      basis: ref('sourceRef'),
      note: ref('text'),
    }),
  ),
});

Object.assign(SCHEMAS, SCHEMAS_EXTRA, { 'requirement-test': REQUIREMENT_TEST_SCHEMA, notices: NOTICES_SCHEMA, 'service-desk': SERVICE_DESK_SCHEMA, inspections: INSPECTIONS_SCHEMA });
