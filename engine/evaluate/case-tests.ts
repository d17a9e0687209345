// Requirement tests, OpenFisca-style: one YAML file beside each checkable requirement
// (standards/tests/<id with ':' as '__'>.test.yaml), each case a little service data and the judgement
// the engine must reach. A case runs through the real pipeline — submit() into a fresh store, then
// judgeCase() and evaluate() — never through a re-implementation of the rules.
//
// Only leaf modules are imported statically: REQUIREMENT_TEST_SCHEMA is meant to be registered in
// engine/schemas/definitions.ts, and evaluate.ts → checks.ts → definitions.ts would make an import cycle.
// The engine itself is loaded by createCaseEnv().
import { mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { EVENT_FIELD, RECORD_SCHEMAS } from '../data/records.ts';
import { message } from '../diagnostics.ts';
import type { Located, Tree } from '../load/tree.ts';
import { loadYamlFile } from '../load/yaml.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import type { Requirement } from '../model/types.ts';
import { EQUIPMENT_KINDS, EVENT_KINDS, MEASUREMENT_KINDS, RECORD_KINDS, type RecordKind } from '../model/vocabulary.ts';
import type { Store } from '../store/store.ts';
import type { Evidence, Finding, Findings, Status } from './evaluate.ts';

/** Requirement types that must have a test file. */
export const CHECKABLE_TYPES = ['timeliness', 'frequency', 'rate', 'record'] as const;
/** Types a test file may be written for (inspection: with entered results). */
export const TESTABLE_TYPES = [...CHECKABLE_TYPES, 'inspection'] as const;
export const TEST_FILE_SUFFIX = '.test.yaml';
/** Folder under standards/ holding the test files. */
export const TEST_DIR = 'tests';

/** standards/tests/<this> for a requirement id ('office-service-guide:complaint-reply' → 'office-service-guide__complaint-reply.test.yaml'). */
export function testFileName(requirementId: string): string {
  return `${requirementId.replace(/:/g, '__')}${TEST_FILE_SUFFIX}`;
}

// ---------------------------------------------------------------------------------------------------
// The file format

export const CASE_OUTCOMES = ['met', 'missed', 'open-breached', 'open-pending', 'impossible-time', 'excluded', 'calendar-unknown', 'class-flag-mismatch', 'not-covered', 'not-due'] as const;
export type CaseOutcomeExpected = (typeof CASE_OUTCOMES)[number];
const STATUSES = ['passed', 'failed', 'not-applicable', 'not-reviewed', 'error'] as const;

export type ServiceRecord = Record<string, unknown>;

export interface CaseExpect {
  limit?: string | null;
  limit_value?: string;
  outcome?: CaseOutcomeExpected;
  deadline?: string;
  working_hours?: boolean;
  during_class?: boolean;
  count?: number;
  required?: string | number;
  status?: Status;
  measured?: string | number;
  evidence_total?: number;
  /** Why a finding has no verdict (inspection: inspection-missed, not-due, no-data, carried-over …). */
  reason_code?: string;
}

/** The school's inspection plan for a case (standards/school/inspections.yaml): its requirement choices and sampling, replacing the shipped ones. */
export interface CasePlan {
  requirements?: { requirement: string; every?: 'week' | 'month' | 'quarter' | 'term' | 'year'; scope?: string }[];
  sampling?: { id: string; scope: string; share: number; min?: number; every?: 'month' | 'week' }[];
}

export interface TestCase {
  name: string;
  note?: string;
  skip_reason?: string;
  profile?: string;
  provider?: string;
  period?: string;
  as_of?: string;
  record?: ServiceRecord;
  records?: ServiceRecord[];
  activities?: ServiceRecord[];
  documents?: ServiceRecord[];
  results?: ServiceRecord[];
  /** Inspection requirements with a watch: duty-roster shifts. */
  roster?: ServiceRecord[];
  /** Records of a rate's denominator_count kind (e.g. the month's work orders for a sampling share). */
  counted?: ServiceRecord[];
  cell?: { count?: string; unit: string; period: string };
  scope?: string;
  /** The provider's contract service period for this case (frequency), instead of the register's. */
  service?: { from: string; to?: string };
  /** Inspection: the school's inspection plan for this case (overrides the file's). */
  plan?: CasePlan;
  expect: CaseExpect;
}

export interface RequirementTestFile {
  kind: 'requirement-test';
  $schema?: string;
  requirement: string;
  profile?: string;
  provider?: string;
  description?: string;
  /** The provider's contract service period for every case of the file (frequency), instead of the register's. */
  service?: { from: string; to?: string };
  /** Inspection: the school's inspection plan for every case of the file (requirement choices, sampling). */
  plan?: CasePlan;
  cases: TestCase[];
}

type Schema = Record<string, unknown>;
const TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$';
const CODE = '^[a-z][a-z0-9-]*$';
const ID = '^[0-9a-z][0-9a-z.:-]*$';
const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', minLength: 1, description, ...extra });
const obj = (description: string, required: string[], properties: Record<string, Schema>, extra: Schema = {}): Schema => ({ type: 'object', description, required, additionalProperties: false, properties, ...extra });
const list = (description: string, items: Schema): Schema => ({ type: 'array', description, items });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

/** A record kind's data-schema properties (the public data contract), for editors. Required fields are checked by submit. */
const propsOf = (kind: RecordKind): Record<string, Schema> => (RECORD_SCHEMAS[kind] as { properties: Record<string, Schema> }).properties;
const REPEAT: Schema = { type: 'integer', minimum: 1, maximum: 1000, description: 'Test shorthand: this record N times, ids suffixed -1 … -N. 重复 N 条（编号加 -1…-N 后缀）。' };
/** Every field of every record kind; `kind` takes the values of every kind that has one. */
function anyRecordProps(): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const k of RECORD_KINDS) for (const [f, s] of Object.entries(propsOf(k))) if (!out[f]) out[f] = s;
  out.kind = { type: 'string', enum: [...EQUIPMENT_KINDS, ...MEASUREMENT_KINDS, ...EVENT_KINDS], description: 'Equipment, measurement or event kind. 设备、测量或活动类别。' };
  return out;
}

/**
 * JSON Schema (2020-12) of kind: requirement-test. Self-contained, so editors need no cross-file $ref.
 * Records are checked here only for field names and value shapes; submit() checks them fully per kind.
 */
export const REQUIREMENT_TEST_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://charter.invalid/schemas/v1/requirement-test.schema.json',
  title: 'Charter requirement test',
  description: 'Test cases for one checkable requirement: service data in, the expected judgement out. 条款测试用例：输入服务数据，写明应得的判定。',
  type: 'object',
  required: ['kind', 'requirement', 'cases'],
  additionalProperties: false,
  properties: {
    kind: { const: 'requirement-test', description: 'File kind: requirement-test' },
    $schema: { type: 'string', description: 'Optional: schema this file follows (editors read the first-line comment instead).' },
    requirement: str('Id of the requirement under test (standard clause or profile:code); the file is named after it. 被测条款编号。', { pattern: ID }),
    profile: str('Evaluate under this profile’s parameter values; default: the standard, or the profile that defines the requirement. 按该方案的参数取值评价。', { pattern: CODE }),
    provider: str('Provider whose findings are checked; default: the provider of the first record. 服务商。', { pattern: CODE }),
    description: str('What the tests cover, for the policy owner. 说明。'),
    service: obj('The provider’s contract service period for the case (frequency grids: which days are due, and quarters, terms and years owed pro rata), instead of the register’s. 本用例中服务商的合同服务期。', ['from'], { from: str('First day, YYYY-MM-DD. 起始日。', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), to: str('Last day, YYYY-MM-DD. 终止日。', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
    plan: ref('plan'),
    cases: list('The cases. 用例。', ref('case')),
  },
  $defs: {
    case: obj(
      'One case. 一个用例。',
      ['name', 'expect'],
      {
        name: str('What the case shows, in words a policy owner reads. 用例名称。'),
        note: str('Why the expectation is what it is. 说明。'),
        skip_reason: str('The engine is known to get this case wrong: the case keeps the CORRECT expectation, is skipped, and this reason is printed. 已知引擎缺陷：保留正确预期，跳过并打印原因。'),
        profile: str('Profile for this case (overrides the file’s). 本用例使用的方案。', { pattern: CODE }),
        provider: str('Provider for this case (overrides the file’s). 本用例的服务商。', { pattern: CODE }),
        period: str('Month evaluated, YYYY-MM (frequency, rate, record, inspection); timeliness uses the month of the case. 评价月份。', { pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
        as_of: str('Instant at which open cases and due cells are judged; default: the end of the month. 评价时点。', { pattern: TIME }),
        record: ref('case-record'),
        records: list('Rate requirement: records of its subject kind (measurements, equipment counts, surveys, complaints or consultations). 比率：所依据的记录。', ref('any-record')),
        activities: list('Frequency requirement: activity log entries. 频次：活动记录。', ref('activity')),
        documents: list('Record requirement: documents on file. 档案：已提交的档案清单。', ref('document')),
        results: list('Inspection requirement: inspection results entered. 检查：现场检查结果。', ref('inspection-result')),
        roster: list('Inspection requirement with a watch: duty-roster shifts. 值班要求：值班表班次。', ref('roster-shift')),
        service: obj('The provider’s contract service period for the case (frequency grids: which days are due, and quarters, terms and years owed pro rata), instead of the register’s. 本用例中服务商的合同服务期。', ['from'], { from: str('First day, YYYY-MM-DD. 起始日。', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), to: str('Last day, YYYY-MM-DD. 终止日。', { pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
        plan: ref('plan'),
        counted: list('Rate with denominator_count: the records counted in the denominator (e.g. the month’s work orders; repeat allowed). 比率分母所计的记录。', ref('any-record')),
        cell: obj('Frequency requirement: the grid cell judged. 频次：被判定的网格单元。', ['unit', 'period'], {
          count: str('Count id within the requirement (needed when it has several). 计数编号。', { pattern: CODE }),
          unit: str('Campus, building or place id. 校区、楼宇或场所编号。'),
          period: str('Cell key as the evaluator writes it: 2026-03-05 (day or night), week-ending-2026-03-08, 2026-03 (month), 2026-01-01..2026-12-31 (quarter, semester, year). 单元：日、夜、周、月或区间。'),
        }),
        scope: str('Rate requirement: the finding’s scope id (station, building, campus) when there are several. 比率：范围编号。'),
        expect: obj(
          'The judgement the engine must reach; only the keys given are checked. 应得的判定（只比对写出的项）。',
          [],
          {
            limit: { type: ['string', 'null'], description: 'Timeliness: id of the limit that applies; null when none does. 适用的时限。' },
            limit_value: str('Timeliness: value of that limit after the profile, e.g. PT45M. 时限取值。'),
            outcome: { type: 'string', enum: [...CASE_OUTCOMES], description: 'Timeliness: met, missed, open-breached, open-pending, impossible-time, excluded, calendar-unknown, class-flag-mismatch, not-covered. Frequency cell: met, missed, not-due. 个案或网格单元的结果。' },
            deadline: str('Timeliness: the deadline instant. 截止时刻。', { pattern: TIME }),
            working_hours: { type: 'boolean', description: 'Timeliness: the case was reported in working hours. 是否工作时间报修。' },
            during_class: { type: 'boolean', description: 'Timeliness: the case counts as reported during class. 是否上课期间。' },
            count: { type: 'integer', minimum: 0, description: 'Frequency cell: activities counted into it. 该单元计入的次数。' },
            required: { type: ['string', 'number'], description: 'Frequency or rate: what the finding requires, e.g. 2 or "at-least 95%". 要求值。' },
            status: { type: 'string', enum: [...STATUSES], description: 'Frequency, rate, record, inspection: status of the finding. 结论。' },
            measured: { type: ['string', 'number'], description: 'What the finding measured, e.g. "3/4" or 96.5. 实测值。' },
            evidence_total: { type: 'integer', minimum: 0, description: 'How many evidence items the finding lists. 证据条数。' },
            reason_code: str('Inspection: why there is no verdict, or where it comes from — inspection-missed, not-due, no-data, pending, carried-over, inspection-not-applicable. 原因代码。', { pattern: CODE }),
          },
          { minProperties: 1 },
        ),
      },
    ),
    'case-record': obj('Timeliness requirement: one case (work order, complaint or consultation). 时限：一条个案记录。', [], anyRecordProps()),
    'any-record': obj('A service record of the requirement’s subject kind. 服务记录。', [], { ...anyRecordProps(), repeat: REPEAT }),
    activity: obj('An activity log entry. 活动记录。', [], { ...propsOf('activities'), repeat: REPEAT }),
    document: obj('A document on file. 档案。', [], propsOf('documents')),
    'inspection-result': obj('An inspection result. 检查结果。', [], propsOf('inspection-results')),
    'roster-shift': obj('A duty-roster shift. 值班班次。', [], propsOf('duty-roster')),
    plan: obj('Inspection: the school’s inspection plan for the case — its per-requirement choices and sampling replace the shipped plan’s (sampling: [] visits every place). 本用例的现场检查计划（替换学校计划中的条款设置与抽样）。', [], {
      requirements: list('Per requirement: how often and where. 条款的检查频次与范围。', obj('One requirement’s choice. 一项条款。', ['requirement'], {
        requirement: str('Requirement id (or a clause covering it). 条款编号。', { pattern: ID }),
        every: { type: 'string', enum: ['week', 'month', 'quarter', 'term', 'year'], description: 'How often per place. 检查频次。' },
        scope: str('Where it is looked at (a scope code of activities.yaml). 检查范围。', { pattern: CODE }),
      })),
      sampling: list('Which places are visited when not all can be; [] visits every place. 抽样规则；空表示全部检查。', obj('A sampling rule. 抽样规则。', ['id', 'scope', 'share'], {
        id: str('Rule id. 编号。', { pattern: CODE }),
        scope: str('Places of this scope. 范围。', { pattern: CODE }),
        share: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Percent visited per round. 抽查比例（%）。' },
        min: { type: 'integer', minimum: 0, description: 'At least this many. 最少处数。' },
        every: { type: 'string', enum: ['month', 'week'], description: 'Month rounds (default) or week rounds. 月度或每周轮次。' },
      })),
    }),
  },
};

let schemaValidator: ValidateFunction | undefined;
/** Schema problems of a parsed test file, as "pointer message" lines (empty when it conforms). */
export function schemaProblems(data: unknown): string[] {
  schemaValidator ??= new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(REQUIREMENT_TEST_SCHEMA);
  if (schemaValidator(data)) return [];
  return (schemaValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? `: ${(e.params as { additionalProperty: string }).additionalProperty}` : ''}`);
}

export interface LoadedTestFile {
  path: string;
  name: string;
  data?: RequirementTestFile;
  problems: string[];
}

/** Every *.test.yaml in a folder, parsed with the project's YAML loader and checked against the schema. */
export function loadTestFiles(dir: string): LoadedTestFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(TEST_FILE_SUFFIX)).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = join(dir, name);
    const y = loadYamlFile(path, name);
    const problems = y.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${message(d, 'en').message}`);
    if (problems.length || y.data === null) return { path, name, problems: problems.length ? problems : ['empty file'] };
    const bad = schemaProblems(y.data);
    if (bad.length) return { path, name, problems: bad.map((p) => `${name}: ${p}`) };
    return { path, name, data: y.data as RequirementTestFile, problems: [] };
  });
}

const realOr = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/**
 * Whether a path named to `charter test` is the tree's tests folder or a *.test.yaml directly in it. Anything
 * else (another folder, a file elsewhere, a .yaml that is not a test file) would run nothing: CH016.
 */
export function isTestPath(path: string, testsDir: string): boolean {
  const p = realOr(path);
  const dir = realOr(testsDir);
  return p === dir || (p.endsWith(TEST_FILE_SUFFIX) && dirname(p) === dir);
}

/** The loaded test files the named paths select: all of them for the tests folder, else the files named. */
export function selectTestFiles(all: LoadedTestFile[], paths: string[], testsDir: string): LoadedTestFile[] {
  if (!paths.length) return all;
  const named = new Set(paths.map(realOr));
  if (named.has(realOr(testsDir))) return all;
  return all.filter((f) => named.has(realOr(f.path)));
}

/** Active requirements of the checkable types, standard and profiles alike. */
export function checkableRequirements(tree: Tree): Requirement[] {
  return tree.requirements
    .map((l: Located<Requirement>) => l.value)
    .filter((r) => (CHECKABLE_TYPES as readonly string[]).includes(r.type) && r.status !== 'withdrawn' && r.status !== 'superseded');
}

// ---------------------------------------------------------------------------------------------------
// Running a case

type Engine = {
  evaluate: typeof import('./evaluate.ts').evaluate;
  judgeCase: typeof import('./evaluate.ts').judgeCase;
  compileTimeliness: typeof import('./compile.ts').compileTimeliness;
  resolveProfile: typeof import('../model/resolve.ts').resolveProfile;
  buildIndex: typeof import('../validate/checks.ts').buildIndex;
  submit: typeof import('../data/submit.ts').submit;
  openStore: typeof import('../store/store.ts').openStore;
  indexRegister: typeof import('../data/mapping.ts').indexRegister;
};

export interface CaseEnv {
  tree: Tree;
  engine: Engine;
  index: ReturnType<Engine['buildIndex']>;
  standardId: string;
  cal: WorkingCalendar;
  tz: string;
  buildingOf: Map<string, { type: string }>;
  register: ReturnType<Engine['indexRegister']>;
  activityCodes: Set<string>;
  resolved: Map<string, ResolvedRequirement[]>;
}

/** Load the engine and everything a case needs from the tree (register, school calendar, profiles). */
export async function createCaseEnv(tree: Tree): Promise<CaseEnv> {
  const [ev, compile, resolve, checks, submit, store, mapping, calendar] = await Promise.all([
    import('./evaluate.ts'),
    import('./compile.ts'),
    import('../model/resolve.ts'),
    import('../validate/checks.ts'),
    import('../data/submit.ts'),
    import('../store/store.ts'),
    import('../data/mapping.ts'),
    import('../calendar/calendar.ts'),
  ]);
  const reg = tree.registers[0]?.value;
  const school = tree.calendars[0]?.value;
  if (!reg || !school) throw new Error('requirement tests need a campus register and a school calendar under standards/');
  const engine: Engine = {
    evaluate: ev.evaluate,
    judgeCase: ev.judgeCase,
    compileTimeliness: compile.compileTimeliness,
    resolveProfile: resolve.resolveProfile,
    buildIndex: checks.buildIndex,
    submit: submit.submit,
    openStore: store.openStore,
    indexRegister: mapping.indexRegister,
  };
  const cal = calendar.createCalendar(school);
  return {
    tree,
    engine,
    index: checks.buildIndex([tree]),
    standardId: tree.standards[0]?.value.id ?? '',
    cal,
    tz: cal.timezone,
    buildingOf: new Map(reg.buildings.map((b) => [b.id, b])),
    register: mapping.indexRegister(reg),
    activityCodes: new Set(tree.activityFiles.flatMap((a) => a.value.activities.map((x) => x.code))),
    resolved: new Map(),
  };
}

export interface CaseResult {
  /** Set when the case was not run: its skip_reason. */
  skipped?: string;
  /** Differences between the expectation and what the engine decided; empty when the case passes. */
  problems: string[];
  /** What the engine decided, for the keys a case may expect. */
  actual: Record<string, unknown>;
}

class CaseError extends Error {}

const TYPE_DATA: Record<string, keyof TestCase> = { timeliness: 'record', frequency: 'activities', rate: 'records', record: 'documents', inspection: 'results' };
const DATA_KEYS: (keyof TestCase)[] = ['record', 'records', 'activities', 'documents', 'results', 'roster'];
const EXPECT_KEYS: Record<string, (keyof CaseExpect)[]> = {
  timeliness: ['limit', 'limit_value', 'outcome', 'deadline', 'working_hours', 'during_class'],
  frequency: ['outcome', 'count', 'required', 'status', 'measured', 'evidence_total'],
  rate: ['required', 'status', 'measured', 'evidence_total'],
  record: ['required', 'status', 'measured', 'evidence_total'],
  inspection: ['status', 'measured', 'required', 'evidence_total', 'reason_code'],
};

/** Default profile for a requirement: the profile that defines it, else the standard. */
export function defaultProfile(env: CaseEnv, requirementId: string): string {
  return requirementId.includes(':') ? requirementId.slice(0, requirementId.indexOf(':')) : env.standardId;
}

function resolved(env: CaseEnv, profile: string): ResolvedRequirement[] {
  let r = env.resolved.get(profile);
  if (!r) {
    if (profile !== env.standardId && !env.index.profiles.has(profile)) throw new CaseError(`unknown profile "${profile}"`);
    r = env.engine.resolveProfile(profile, env.index);
    env.resolved.set(profile, r);
  }
  return r;
}

/** Records with `repeat: N` become N records with ids (and measuring points, if given) suffixed -1 … -N. */
function expand(records: ServiceRecord[]): ServiceRecord[] {
  return records.flatMap((rec) => {
    const { repeat, ...r } = rec as ServiceRecord & { repeat?: number };
    if (repeat === undefined) return [r];
    if (typeof r.id !== 'string') throw new CaseError('a record with repeat needs an id to suffix');
    // A measuring point is suffixed too, so repeated readings come from distinct points.
    return Array.from({ length: repeat }, (_, i) => ({ ...r, id: `${r.id}-${i + 1}`, ...(typeof r.point === 'string' ? { point: `${r.point}-${i + 1}` } : {}) }));
  });
}

/** A fresh in-memory store holding the case's records, each kind submitted as a canonical NDJSON file. */
async function storeWith(env: CaseEnv, label: string, data: Partial<Record<RecordKind, ServiceRecord[]>>): Promise<Store> {
  const store = env.engine.openStore(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'charter-case-'));
  try {
    for (const [kind, records] of Object.entries(data) as [RecordKind, ServiceRecord[]][]) {
      if (!records.length) continue;
      const file = join(dir, `${kind}.ndjson`);
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const r = await env.engine.submit({
        file,
        display: `${label} (${kind})`,
        kind,
        acceptValid: false,
        rejectsDir: join(dir, 'rejects'),
        now: new Date(),
        tz: env.tz,
        register: env.register,
        activities: env.activityCodes,
        store,
      });
      if (r.status !== 'stored') {
        const why = [...r.fileProblems, ...r.problems].map((d) => `line ${d.line}: ${d.code} ${message(d, 'en').message}`);
        store.close();
        throw new CaseError(`the case's ${kind} records were refused by submit: ${why.join('; ')}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return store;
}

/**
 * The tree with the providers' contract service periods lifted: timeliness, rate, record and inspection
 * cases test a clause's arithmetic on whatever date they are written for. (Frequency grids keep them:
 * which days are due depends on the service period.)
 */
/** The tree with one provider's contract service period set as a case gives it. */
function withService(tree: Tree, provider: string, service: { from: string; to?: string }): Tree {
  return { ...tree, registers: tree.registers.map((l) => ({ ...l, value: { ...l.value, providers: l.value.providers.map((p) => (p.id === provider ? { ...p, service } : p)) } })) };
}

/** The tree with the school's inspection plan's requirement choices and sampling as a case states them. */
function withPlan(tree: Tree, plan: CasePlan): Tree {
  const shipped = tree.inspectionPlans[0];
  if (!shipped) throw new CaseError('"plan" needs the school\'s inspection plan (standards/school/inspections.yaml) in the tree');
  const value = { ...shipped.value, ...(plan.requirements ? { requirements: plan.requirements } : {}), ...(plan.sampling ? { sampling: plan.sampling } : {}) };
  return { ...tree, inspectionPlans: [{ ...shipped, value }] };
}

const lifted = new WeakMap<Tree, Tree>();
function alwaysInService(tree: Tree): Tree {
  let t = lifted.get(tree);
  if (!t) {
    t = { ...tree, registers: tree.registers.map((l) => ({ ...l, value: { ...l.value, providers: l.value.providers.map(({ service: _service, ...p }) => p) } })) };
    lifted.set(tree, t);
  }
  return t;
}

/**
 * A frequency case judges one grid cell; its provider is taken to have submitted its activity logs for the
 * period. Without any log at all the period would be no data (docs/evaluation.md), so one log of an activity
 * the requirement does not count is added on the period's first day when the case's own logs leave the
 * month empty.
 */
function loggedPeriod(env: CaseEnv, r: Requirement, provider: string, period: string | undefined, records: ServiceRecord[]): ServiceRecord[] {
  if (!period) return [];
  if (records.some((x) => x.provider === provider && typeof x.performed_at === 'string' && env.cal.localDate(Date.parse(x.performed_at)).slice(0, 7) === period)) return [];
  const counted = new Set(r.frequency!.counts.map((fc) => fc.activity));
  const other = [...env.activityCodes].sort().find((a) => !counted.has(a));
  const campus = (records.find((x) => typeof x.campus === 'string')?.campus as string | undefined) ?? env.tree.registers[0]?.value.campuses[0]?.id;
  if (!other || !campus) return [];
  return [{ id: `case-period-log-${period}`, provider, activity: other, performed_at: env.cal.format(env.cal.parse(`${period}-01T12:00`)), campus }];
}

function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const PROBE = Number.MAX_SAFE_INTEGER;
/**
 * The tree with one count parameter raised out of reach and the profiles' overrides of it dropped.
 * Evaluated on the same data, every due cell of that count is then reported missing together with the
 * number of activities the evaluator counted into it: which cells are due, and their counts.
 */
function probeTree(tree: Tree, requirementId: string, param: string): Tree {
  return {
    ...tree,
    requirements: tree.requirements.map((l) =>
      l.value.id !== requirementId
        ? l
        : { ...l, value: { ...l.value, parameters: (l.value.parameters ?? []).map((p) => (p.name === param ? { ...p, values: [{ from: '0001-01-01', value: PROBE, source: 'requirement-test probe' }] } : p)) } },
    ),
    profiles: tree.profiles.map((p) => ({ ...p, value: { ...p.value, overrides: (p.value.overrides ?? []).filter((o) => !(o.requirement === requirementId && o.parameter === param)) } })),
  };
}

function sameValue(key: keyof CaseExpect, expected: unknown, actual: unknown, cal: WorkingCalendar): boolean {
  if (expected === null || actual === null || expected === undefined || actual === undefined) return expected === actual || (expected === null && actual === undefined);
  if (key === 'deadline') return cal.parse(String(expected)).getTime() === cal.parse(String(actual)).getTime();
  if (typeof expected === 'number' || typeof actual === 'number') return Number(expected) === Number(actual);
  return expected === actual;
}

const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/** Run one case of a test file through the engine and compare with its expectation. */
export async function runCase(env: CaseEnv, file: RequirementTestFile, c: TestCase): Promise<CaseResult> {
  if (c.skip_reason) return { skipped: c.skip_reason, problems: [], actual: {} };
  try {
    return await judge(env, file, c);
  } catch (e) {
    if (e instanceof CaseError) return { problems: [e.message], actual: {} };
    throw e;
  }
}

async function judge(env: CaseEnv, file: RequirementTestFile, c: TestCase): Promise<CaseResult> {
  const located = env.index.requirements.get(file.requirement);
  if (!located) throw new CaseError(`no requirement "${file.requirement}" in the standards`);
  const r = located.value;
  const dataKey = TYPE_DATA[r.type];
  if (!dataKey) throw new CaseError(`requirement ${r.id} is of type ${r.type}, which has no data to test`);
  // A rate whose miss calls for a document (requires_record) also takes the documents on file.
  const alsoDocs = r.type === 'rate' && r.rate!.requires_record !== undefined;
  for (const k of DATA_KEYS) if (k !== dataKey && c[k] !== undefined && !(alsoDocs && k === 'documents') && !(k === 'roster' && r.inspection?.watch)) throw new CaseError(`a ${r.type} requirement takes "${dataKey}", not "${k}"`);
  const countedKind = r.type === 'rate' ? r.rate!.denominator_count : undefined;
  if (c.counted !== undefined && !countedKind) throw new CaseError('"counted" is for rate requirements with denominator_count');
  if (r.type === 'timeliness' && c.period !== undefined) throw new CaseError('a timeliness case is judged in the month of its record: drop "period"');
  if (c.cell !== undefined && r.type !== 'frequency') throw new CaseError('"cell" is for frequency requirements');
  if (c.scope !== undefined && r.type !== 'rate') throw new CaseError('"scope" is for rate requirements');
  const allowed = EXPECT_KEYS[r.type]!;
  for (const k of Object.keys(c.expect) as (keyof CaseExpect)[]) if (!allowed.includes(k)) throw new CaseError(`expect.${k} does not apply to a ${r.type} requirement (use ${allowed.join(', ')})`);
  const profile = c.profile ?? file.profile ?? defaultProfile(env, r.id);
  const rr = resolved(env, profile).find((x) => x.requirement.id === r.id);
  if (!rr) throw new CaseError(`requirement ${r.id} does not apply under profile ${profile}`);
  const raw = c[dataKey] as ServiceRecord | ServiceRecord[] | undefined;
  const records = raw === undefined ? [] : Array.isArray(raw) ? expand(raw) : [raw];
  const provider = c.provider ?? file.provider ?? (records[0]?.provider as string | undefined);
  if (!provider) throw new CaseError('name the provider (case or file "provider"), or give a record with one');
  const label = `${file.requirement}: ${c.name}`;

  let actual: Record<string, unknown>;
  let extra: string[] = [];
  if (r.type === 'timeliness') {
    if (records.length !== 1) throw new CaseError('a timeliness case gives one "record"');
    ({ actual, problems: extra } = await judgeTimeliness(env, r, rr, profile, provider, records[0]!, c, label));
  } else {
    if (!c.period) throw new CaseError(`a ${r.type} case names the month evaluated ("period": YYYY-MM)`);
    const kind: RecordKind = r.type === 'frequency' ? 'activities' : r.type === 'record' ? 'documents' : r.type === 'inspection' ? 'inspection-results' : r.rate!.subject;
    const store = await storeWith(env, label, { [kind]: r.type === 'frequency' ? [...records, ...loggedPeriod(env, r, provider, c.period, records)] : records, ...(c.roster ? { 'duty-roster': expand(c.roster) } : {}), ...(alsoDocs && c.documents ? { documents: expand(c.documents) } : {}), ...(countedKind && c.counted ? { [countedKind]: expand(c.counted) } : {}) });
    try {
      const run = (tree: Tree): Findings =>
        env.engine.evaluate({ tree, store, period: c.period!, profile, provider, evidenceLimit: Number.MAX_SAFE_INTEGER, ...(c.as_of ? { asOf: env.cal.parse(c.as_of) } : {}) });
      const service = c.service ?? file.service;
      const plan = c.plan ?? file.plan;
      if (plan && r.type !== 'inspection') throw new CaseError('"plan" is for inspection requirements');
      actual = r.type === 'frequency' ? judgeFrequency(env, r, c, run, service ? withService(env.tree, provider, service) : env.tree) : judgeFinding(r, c, run(plan ? withPlan(alwaysInService(env.tree), plan) : alwaysInService(env.tree)));
    } finally {
      store.close();
    }
  }
  const problems = [...extra];
  for (const [k, expected] of Object.entries(c.expect) as [keyof CaseExpect, unknown][]) {
    if (k === 'count' && r.type === 'frequency' && actual.outcome === 'not-due') {
      problems.push(`count: expected ${show(expected)}, but the cell is not due, so nothing is counted`);
      continue;
    }
    if (!sameValue(k, expected, actual[k], env.cal)) problems.push(`${k}: expected ${show(expected)}, engine says ${show(actual[k])}`);
  }
  return { problems, actual };
}

async function judgeTimeliness(
  env: CaseEnv,
  r: Requirement,
  rr: ResolvedRequirement,
  profile: string,
  provider: string,
  record: ServiceRecord,
  c: TestCase,
  label: string,
): Promise<{ actual: Record<string, unknown>; problems: string[] }> {
  const t = r.timeliness!;
  if (record.id === undefined) throw new CaseError('the record needs an id');
  const store = await storeWith(env, label, { [t.subject]: [record] });
  try {
    const row = store.db.prepare('SELECT data FROM records WHERE kind = ? AND record_key = ?').get(t.subject, String(record.id)) as { data: string } | undefined;
    const rec = JSON.parse(row!.data) as Record<string, unknown>;
    const field = EVENT_FIELD[t.subject];
    const startText = String(rec[field]);
    const params = { values: new Map(rr.parameters.map((p) => [p.name, p.values])) };
    const compiled = env.engine.compileTimeliness(r, params, startText.slice(0, 10));
    let period = startText.slice(0, 7);
    let asOf = c.as_of ? env.cal.parse(c.as_of) : env.cal.parse(`${nextMonth(period)}-01T00:00`);
    const j = env.engine.judgeCase(compiled, r, rec, { cal: env.cal, buildingOf: env.buildingOf, asOf, field });
    const fact = j.facts.case as Record<string, unknown>;
    const deadline = j.limit ? (j.facts.deadline as Record<string, number> | undefined)?.[j.limit.id] : undefined;
    const actual: Record<string, unknown> = {
      limit: j.limit?.id ?? null,
      limit_value: j.limit?.text,
      outcome: j.outcome ?? 'not-covered',
      deadline: deadline === undefined ? undefined : env.cal.format(deadline),
      working_hours: fact.working_hours,
      during_class: fact.during_class,
    };
    // The whole period through evaluate() must count the case the same way — the period in which it is
    // judged: the month it closes or its deadline passes, whichever is first (a pending case stays in its own).
    if (deadline !== undefined && (j.outcome === 'met' || j.outcome === 'missed' || j.outcome === 'open-breached')) {
      const stop = typeof rec[j.limit!.stop] === 'string' ? Date.parse(String(rec[j.limit!.stop])) : Number.NaN;
      const judged = env.cal.localDate(stop === stop ? Math.min(stop, deadline) : deadline).slice(0, 7);
      if (judged !== period) {
        period = judged;
        if (!c.as_of) asOf = env.cal.parse(`${nextMonth(period)}-01T00:00`);
      }
    }
    // A case tests the clause's arithmetic on any date, so contract service periods are lifted.
    const f = env.engine.evaluate({ tree: alwaysInService(env.tree), store, period, profile, provider, asOf, evidenceLimit: Number.MAX_SAFE_INTEGER });
    return { actual, problems: crossCheck(f, r.id, String(rec.id), actual.outcome as CaseOutcomeExpected, j.limit?.id) };
  } finally {
    store.close();
  }
}

/** What evaluate() reports for the requirement must agree with judgeCase()'s outcome for the one case. */
function crossCheck(f: Findings, id: string, recordId: string, outcome: CaseOutcomeExpected, limit: string | undefined): string[] {
  const finding = f.findings.find((x) => x.requirement === id);
  if (!finding) return [`evaluate() reported no finding for ${id}`];
  const pledge = f.pledges.find((p) => p.requirement === id && p.limit === limit);
  const ev = finding.evidence.find((e) => e.record === recordId);
  const counted: Partial<Record<CaseOutcomeExpected, () => boolean>> = {
    'not-covered': () => !f.pledges.some((p) => p.requirement === id) && !ev,
    met: () => pledge?.met === 1 && finding.status === 'passed',
    missed: () => pledge?.missed === 1 && ev?.outcome === 'missed' && finding.status === 'failed',
    'open-breached': () => pledge?.open_breached === 1 && ev?.outcome === 'open-breached' && finding.status === 'failed',
    'open-pending': () => pledge?.open_pending === 1 && !ev,
    'impossible-time': () => pledge?.invalid === 1 && ev?.outcome === 'impossible-time' && finding.status === 'failed',
    excluded: () => pledge?.excluded === 1 && !ev,
    'calendar-unknown': () => ev?.outcome === 'calendar-unknown' && finding.status === 'error',
    'class-flag-mismatch': () => pledge?.invalid === 1 && ev?.outcome === 'class-flag-mismatch' && finding.status === 'failed',
  };
  const ok = counted[outcome]?.() ?? true;
  return ok ? [] : [`evaluate() disagrees with judgeCase() (${outcome}): finding ${finding.status} ${JSON.stringify(finding.evidence)}, pledge ${JSON.stringify(pledge ?? null)}`];
}

function findingSummary(f: Finding): Record<string, unknown> {
  return { status: f.status, measured: f.measured, required: f.required, evidence_total: f.evidence_total, reason_code: f.reason_code };
}

function judgeFrequency(env: CaseEnv, r: Requirement, c: TestCase, run: (tree: Tree) => Findings, tree: Tree): Record<string, unknown> {
  const counts = r.frequency!.counts;
  const fc = c.cell?.count ? counts.find((x) => x.id === c.cell!.count) : counts.length === 1 ? counts[0] : undefined;
  if (!fc) throw new CaseError(c.cell?.count ? `no count "${c.cell.count}" in ${r.id} (${counts.map((x) => x.id).join(', ')})` : `${r.id} has several counts: name one in cell.count (${counts.map((x) => x.id).join(', ')})`);
  const pick = (f: Findings): Finding => {
    const x = f.findings.find((y) => y.requirement === r.id && y.scope.id === fc.id);
    if (!x) throw new CaseError(`evaluate() reported no finding for ${r.id} / ${fc.id}`);
    return x;
  };
  const finding = pick(run(tree));
  const actual = findingSummary(finding);
  if (c.cell) {
    const at = (e: Evidence): boolean => e.unit === c.cell!.unit && e.cell === c.cell!.period;
    const due = pick(run(probeTree(tree, r.id, fc.count.param))).evidence.find(at);
    if (!due) actual.outcome = 'not-due';
    else {
      actual.count = due.actual;
      actual.outcome = finding.evidence.some(at) ? 'missed' : 'met';
    }
  } else if (c.expect.outcome !== undefined || c.expect.count !== undefined) {
    throw new CaseError('expect.outcome and expect.count are about one grid cell: give "cell"');
  }
  return actual;
}

function judgeFinding(r: Requirement, c: TestCase, f: Findings): Record<string, unknown> {
  const all = f.findings.filter((x) => x.requirement === r.id);
  if (!all.length) throw new CaseError(`evaluate() reported no finding for ${r.id}`);
  const one = c.scope ? all.find((x) => x.scope.id === c.scope) : all.length === 1 ? all[0] : undefined;
  if (!one) throw new CaseError(c.scope ? `no finding for scope ${c.scope} (there are: ${all.map((x) => x.scope.id).join(', ')})` : `several findings (${all.map((x) => x.scope.id).join(', ')}): name one in "scope"`);
  return findingSummary(one);
}
