// Typed view of the YAML kinds (shapes guaranteed by the schemas in ../schemas/definitions.ts).
import type {
  FileKind,
  InspectionCalendar,
  InspectionEvery,
  ParamUnit,
  RecordKind,
  RequirementType,
} from './vocabulary.ts';
import type { RequirementTestFile } from '../evaluate/case-tests.ts';

export interface Text {
  zh: string;
  en?: string;
}

export interface DatedValue {
  from: string;
  value: string | number;
  source: string;
  note?: string;
}

export interface Parameter {
  name: string;
  label?: Text;
  unit: ParamUnit;
  stricter: 'lower' | 'higher' | 'none';
  values: DatedValue[];
}

export interface ParamRef {
  param: string;
}

export interface Erratum {
  field: 'number' | 'text' | 'heading';
  printed: string;
  repaired: string;
  reason: string;
}

export interface Link {
  rel: string;
  target: string;
  since?: string;
}

export interface When {
  category?: string[];
  subcategory?: string[];
  /** Event kinds (events records). */
  kind?: string[];
  priority?: string[];
  complexity?: string[];
  working_hours?: boolean;
  during_class?: boolean;
  building_type?: string[];
}

export interface Limit {
  id: string;
  label: Text;
  when?: When;
  start: string;
  stop: string;
  /** Events the stop cannot precede: where recorded, the clock stops at the latest of stop and these. */
  stop_not_before?: string[];
  /** Readiness: the stop must come at least `limit` before the start (提前30分钟), not within it after. */
  before?: boolean;
  limit: ParamRef;
  /** The clock runs from `start` only within these service hours on working days (a time-range parameter). */
  clock?: { within: ParamRef };
}

export interface Timeliness {
  subject: RecordKind;
  limits: Limit[];
  target?: ParamRef;
}

export interface FrequencyCount {
  id: string;
  label: Text;
  activity: string;
  count: ParamRef;
  period: string;
  scope: string;
  building_type?: string[];
  calendar?: string;
}

export interface Frequency {
  counts: FrequencyCount[];
}

export interface Rate {
  measure: Text;
  subject: RecordKind;
  select?: { kind?: string; activity?: string };
  numerator?: string;
  denominator?: string;
  cases_of?: string;
  threshold: ParamRef;
  direction: 'at-least' | 'above' | 'at-most' | 'below';
  /**
   * complete: a full count (every piece of equipment, every case of the month) — judged at any n ≥ 1;
   * sample: a sample (survey, spot check, readings) — min_sample applies. Default: complete for
   * equipment counts and cases_of, sample otherwise.
   */
  population?: 'complete' | 'sample';
  /** Readings count only on the days of this calendar (5.1.2.10: 供暖期间). */
  calendar?: 'heating-season' | 'air-conditioning-season';
  /** Distinct measuring points each unit's readings must name per day (5.1.2.10-5: 不少于5个测温点). */
  min_points?: ParamRef;
  min_sample?: number;
  also?: ParamRef[];
  /** The numerator is the number of records whose `field` is one of `values`; the denominator, all records of the subject. */
  share?: { field: string; values: string[] };
  /** The denominator is the number of the unit's records of this kind in the month (exclusions aside), e.g. work orders sampled ÷ work orders. */
  denominator_count?: RecordKind;
  /** When the rate misses its threshold the duty is a record: met by a document filed for the requirement, failed only if none exists. */
  requires_record?: { documents: Text[] };
}

/** One document a record requirement lists: every one is required, each valid by its own conditions. */
export interface DocumentItem extends Text {
  /** What a submitted document names in its `item` field. */
  code?: string;
  validity?: ('current-year' | 'approved')[];
}

/**
 * A round-the-clock (or part-day) watch checked against duty-roster shifts: every unit of the scope, every
 * due day, staffed by at least `staff` people over the whole of the watch.
 */
export interface Watch {
  post: string;
  /** campus, a building scope (dormitory-building …) or a place scope (power-room, boiler-room …). */
  scope: string;
  /** People on duty at every moment. */
  staff: ParamRef;
  calendar?: string;
}

export interface Requirement {
  id: string;
  number?: string;
  item?: number;
  part?: string;
  parent: string | null;
  section: string;
  title?: Text;
  text: string;
  obligation: 'shall' | 'should' | 'may' | 'none';
  obligation_from?: string;
  type: RequirementType;
  status?: 'active' | 'withdrawn' | 'superseded';
  since?: string;
  links?: Link[];
  errata?: Erratum[];
  source?: { document: string; ref: string; quote?: string };
  parameters?: Parameter[];
  timeliness?: Timeliness;
  frequency?: Frequency;
  rate?: Rate;
  record?: { documents: DocumentItem[]; retention?: ParamRef };
  disclosure?: { items: { code: string; name: Text; value?: ParamRef }[]; where: string };
  /**
   * scope: where it is looked at (a scope code of activities.yaml; default building under applies_to, else campus);
   * every: how often per place (default month, or the school's inspection plan);
   * calendar: due only in rounds holding a day of these school-calendar periods (5.1.2.10 供暖期间).
   */
  inspection?: { checklist: Text[]; scope?: string; every?: InspectionEvery; calendar?: InspectionCalendar; watch?: Watch };
  informative?: { role: string };
  /** Building types it applies to (inherited by everything under it). */
  applies_to?: { building_types: string[] };
  notes?: string;
}

/** A version of a file. `changes` is for policy owners; `summary` (optional) is what readers are told (site, feed). */
export interface VersionEntry {
  version: string;
  date: string;
  changes: string;
  summary?: Text;
}

export interface StandardFile {
  kind: 'standard';
  id: string;
  title: Text;
  edition: string;
  version: string;
  effective_from: string;
  source: { file: string; note?: string };
  sections?: { number: string; title: Text }[];
  history: VersionEntry[];
}

export interface RequirementsFile {
  kind: 'requirements';
  document: string;
  section: string;
  requirements: Requirement[];
}

export interface Scope {
  code: string;
  name: Text;
  within?: string;
  building_type?: string;
  residential?: boolean;
  opening_hours?: boolean;
}

export interface Activity {
  code: string;
  name: Text;
  scope: string;
  description?: Text;
}

export interface ActivitiesFile {
  kind: 'activities';
  scopes: Scope[];
  activities: Activity[];
}

export interface Override {
  requirement: string;
  parameter: string;
  values: DatedValue[];
  deviation?: { reason: string; approved_on: string; approved_by: string };
}

export interface ObligationChange {
  requirement: string;
  obligation: 'shall' | 'should';
  reason: string;
  deviation?: { reason: string; approved_on: string; approved_by: string };
}

export interface ProfileFile {
  kind: 'profile';
  id: string;
  title: Text;
  profile_type: 'school-plan' | 'contract';
  version: string;
  issued_on?: string;
  issuer?: string;
  base: string;
  source: { file: string; note?: string };
  provider?: { id: string; name: string };
  building_types?: string[];
  select: { include: string[]; exclude?: string[] };
  overrides?: Override[];
  /** Obligation levels this profile sets: raising 宜 to 应 makes the item binding; lowering needs a deviation. */
  obligations?: ObligationChange[];
  requirements?: Requirement[];
  history?: VersionEntry[];
}

export interface ScorecardFile {
  kind: 'scorecard';
  id: string;
  title: Text;
  profile: string;
  blend: { supervisor: number; users: number };
  /** Coverage (requirements with a verdict ÷ applicable) below which a scorecard is provisional; the school's choice. */
  coverage_floor?: number;
  categories: { id: string; name: Text; weight: number; requirements: string[]; deduction?: number; cap?: number; applies_to?: { provider_types?: string[]; profiles?: string[] } }[];
  veto?: string[];
  grades: { code: string; name: Text; min: number }[];
}

/** How the office issues rectification notices and which of the plan's rules the ledger is judged by. */
export interface NoticesFile {
  kind: 'notices';
  id: string;
  title?: Text;
  /** The issuing office as printed, e.g. 某某大学后勤管理处. */
  office: string;
  /** Document title, normally 问题整改通知单. */
  document: string;
  /** Number pattern with {year} and {seq} or {seq:N} (zero-padded to N digits). */
  number: string;
  /** One notice per provider per period listing every problem, or one per failed requirement. */
  group_by: 'provider' | 'requirement';
  inspection_type: string;
  /** The paragraph above the problem list; {period} and {provider} are filled in. */
  demand: string;
  deadline: { working_days: number; basis: string; quote?: string; school_choice?: Text };
  /** 复查未通过 → 再次限期整改: a new deadline this many working days after the failed check. */
  recheck_failed?: { working_days: number; basis: string; quote?: string; school_choice?: Text };
  recheck: string;
  objection: { working_days: number; text: string };
  issuer: { name: string; contact?: string };
  /** Base URL of the public site; a clause is at {public_site}standard/{id}/. */
  public_site: string;
  /** What must be done, per requirement type. */
  actions: Partial<Record<'timeliness' | 'frequency' | 'rate' | 'record' | 'inspection' | 'disclosure', string>>;
  /** The plan's rules over the ledger: json-rules-engine conditions on the `notice` fact. */
  rules: { id: string; basis: string; effect: 'overdue' | 'escalate'; label: Text; quote?: string; school_choice?: Text; conditions: { all: unknown[] } | { any: unknown[] } }[];
}

/** What the public must know to reach the service: hotline, window, processes, paid services, emergencies. */
export interface ServiceDeskFile {
  kind: 'service-desk';
  id: string;
  title?: Text;
  office: Text;
  hotline: string;
  window: { name: Text; place: Text; hours: Text };
  online: Text;
  processes: { id: 'consultation' | 'repair' | 'complaint'; name: Text; steps: { name: Text; requirement?: string }[] }[];
  /** 7.2 特约服务: prices with the date they apply from. */
  services: { name: Text; unit: Text; price: string; from: string; note?: Text }[];
  /** 8.2 突发事件: how to reach help, per category. */
  emergencies: { category: Text; contact: Text }[];
}

export interface Period {
  id?: string;
  name: Text;
  start: string;
  end: string;
}

/** When a building is open to users (6.2.2.3 每小时1次巡查 counts its open hours): closed on statutory holidays. */
export interface OpeningHours {
  start: string;
  end: string;
  /** ISO weekdays it applies on, 1 = Monday … 7 = Sunday; all days if omitted. */
  weekdays?: number[];
}
/** A school plan bound to a unit: the whole plan, or only (`requirements`) or all but (`except`) some of its requirements (an id covers what is under it). */
export type PlanBinding = string | { plan: string; requirements?: string[]; except?: string[] };

export interface RegisterFile {
  kind: 'register';
  id: string;
  title?: Text;
  campuses: { id: string; name: Text; provider?: string; duties?: { provider: string; requirements: string[] }[] }[];
  /**
   * Providers (contractors) and the logistics office's own service units (`kind: office`, e.g. the general office).
   * `profile` is the unit's main profile (for a contractor, the contract, which tailors its base); `plans` are the
   * school plans bound to the unit besides it, whose own requirements are evaluated for it too.
   */
  providers: { id: string; name: string; type?: string; kind?: 'contractor' | 'office'; profile?: string; plans?: PlanBinding[]; contact?: string; service?: { from: string; to?: string } }[];
  buildings: { id: string; campus: string; name: string; type: string; provider?: string; sealed?: Period[]; opening_hours?: OpeningHours[] }[];
  places?: { id: string; campus: string; scope: string; name: string; building?: string; provider?: string }[];
}

export interface SchoolCalendarFile {
  kind: 'school-calendar';
  id: string;
  title?: Text;
  timezone: string;
  working_hours: { start: string; end: string };
  night?: { start: string; end: string };
  terms: Period[];
  vacations?: Period[];
  closures?: { date: string; name: Text }[];
  extra_workdays?: { date: string; name: Text }[];
  class_periods?: { name?: string; start: string; end: string }[];
  heating_season?: Period[];
  /** When the central air-conditioning runs (5.1.2.12 在运行期间): the school's own register. */
  air_conditioning_season?: Period[];
  season_peaks?: Period[];
}

export interface MappingColumn {
  field: string;
  header?: string | string[];
  constant?: string | number | boolean;
  values?: Record<string, string | number | boolean>;
  format?: string;
  transform?: 'trim' | 'lower' | 'upper';
  lookup?: 'campus' | 'building' | 'provider' | 'place';
  required?: boolean;
  /** The column may be absent from a file (older exports lack it); present, it is read like any other. */
  optional?: boolean;
  /** The value is not in a column but in the sheet's title block above the header row: the cell right of
   *  the cell holding this label (the inspection round workbook's 轮次编号). */
  title_block?: string;
}

export interface MappingFile {
  kind: 'mapping';
  id: string;
  title: Text;
  record_kind: RecordKind;
  encoding?: 'utf-8' | 'gb18030' | 'gbk';
  /** A sheet name, or "*" for every sheet of the workbook (each with the same header row). */
  sheet?: string;
  header_row?: number;
  /** Headers in the file that are read by people, not by Charter (no CH322 warning for them). */
  ignore?: string[];
  columns: MappingColumn[];
}

/** The school's on-site inspection plan (standards/school/inspections.yaml): who inspects, how often, which places are sampled. */
export interface InspectionsFile {
  kind: 'inspections';
  id: string;
  title?: Text;
  version: string;
  /** The register unit (normally the logistics office) that does the checks; missed checks are reported against it. */
  inspector_unit: string;
  basis?: SourceBasis;
  default?: { every?: InspectionEvery };
  /** The school's choices per requirement: an id, or a clause id covering the items under it. */
  requirements?: { requirement: string; every?: InspectionEvery; scope?: string; basis?: SourceBasis; note?: Text }[];
  /** Which places are visited when not all can be: a share of a provider's places of a scope per round. */
  sampling?: SamplingRule[];
}

export interface SourceBasis {
  document: string;
  ref: string;
  quote?: string;
}

export interface SamplingRule {
  id: string;
  /** Places of this scope and of the scopes within it. */
  scope: string;
  /** Percent of the provider's places of the scope in a campus, rounded up. */
  share: number;
  min?: number;
  /** Which rounds it thins: month rounds (default) or week rounds. */
  every?: 'month' | 'week';
  basis?: SourceBasis;
  note?: Text;
}

export type AnyFile = InspectionsFile | StandardFile | RequirementsFile | ActivitiesFile | ProfileFile | ScorecardFile | RegisterFile | SchoolCalendarFile | MappingFile | RequirementTestFile | NoticesFile | ServiceDeskFile;
export type { FileKind };
