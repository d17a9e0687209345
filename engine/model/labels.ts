// The words people read (issue 13 §1): one vocabulary for the terminal, the notices, the scorecards
// and the site, Chinese first, English with --lang en. Codes (statuses, events, field names, ISO
// durations, ids) stay in --json and file formats; everything a person reads goes through here.
// Layer 0: imports nothing from the stages, so the site and every stage can use it.

export type Lang = 'zh' | 'en';
export interface Words {
  zh: string;
  en: string;
}
export type Vocabulary = Record<string, Words>;

/**
 * A code's word in the reader's language. An unknown code is returned as it is, so a gap shows up in
 * the word check (test/word-check.ts) rather than as an empty cell.
 */
export function say(vocab: Vocabulary, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  const w = vocab[code];
  return w ? w[lang] : code;
}

export const pick = (w: Words | undefined, lang: Lang): string => (w ? w[lang] : '');

// ── verdicts ────────────────────────────────────────────────────────────────────────────────────
export const FINDING_STATUS: Vocabulary = {
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '不通过', en: 'failed' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  'not-reviewed': { zh: '未核查', en: 'not reviewed' },
  error: { zh: '数据错误', en: 'data error' },
};

/** Why a finding has no verdict or does not apply (findings' reason_code). */
export const REASON_CODE: Vocabulary = {
  'no-data': { zh: '无数据', en: 'no data' },
  'no-case': { zh: '无个案', en: 'no cases' },
  pending: { zh: '待定', en: 'pending' },
  'outside-service': { zh: '不在服务期内', en: 'outside the service period' },
  'small-sample': { zh: '样本不足', en: 'too few cases' },
  'not-due': { zh: '本期无需检查', en: 'not due this period' },
  'inspection-missed': { zh: '应查未查', en: 'inspection missed' },
  'inspection-not-applicable': { zh: '检查不适用', en: 'inspection not applicable' },
  'not-on-site': { zh: '需现场核查', en: 'needs an on-site check' },
  'on-site': { zh: '现场核查', en: 'checked on site' },
  'outside-calendar': { zh: '不在规定时段', en: 'outside the calendar period' },
  'no-unit': { zh: '无对应单位', en: 'no unit to judge' },
  'no-opening-hours': { zh: '未登记开放时间', en: 'no opening hours registered' },
  'no-service-desk': { zh: '未登记服务台', en: 'no service desk registered' },
  'no-site-build': { zh: '网站未发布', en: 'site not published' },
  'carried-over': { zh: '沿用前次检查结论', en: 'carried over from an earlier inspection' },
  'before-rectification': { zh: '整改期内', en: 'within the rectification period' },
  'pro-rata-none': { zh: '按比例无应做次数', en: 'nothing due pro rata' },
};

export const OBLIGATION: Vocabulary = {
  shall: { zh: '应', en: 'shall' },
  should: { zh: '宜', en: 'should' },
  may: { zh: '可', en: 'may' },
  none: { zh: '资料性', en: 'informative' },
};

export const REQUIREMENT_TYPE: Vocabulary = {
  timeliness: { zh: '时限', en: 'time limit' },
  frequency: { zh: '频次', en: 'frequency' },
  rate: { zh: '比率', en: 'rate' },
  record: { zh: '档案', en: 'records' },
  disclosure: { zh: '公示', en: 'disclosure' },
  inspection: { zh: '现场检查', en: 'on-site inspection' },
  informative: { zh: '资料性', en: 'informative' },
};

// ── the notice loop ─────────────────────────────────────────────────────────────────────────────
export const NOTICE_STATUS: Vocabulary = {
  issued: { zh: '已签发', en: 'issued' },
  acknowledged: { zh: '已签收', en: 'acknowledged' },
  'rectification-reported': { zh: '已反馈整改', en: 'rectification reported' },
  verified: { zh: '已复查销号', en: 'verified and closed' },
  overdue: { zh: '逾期未整改', en: 'overdue' },
  escalated: { zh: '已启动问责', en: 'escalated' },
  reopened: { zh: '复发重开', en: 'reopened' },
  voided: { zh: '已作废', en: 'voided' },
};

/** What happened to a notice (one row of its history). */
export const NOTICE_EVENT: Vocabulary = {
  issued: { zh: '签发', en: 'issued' },
  acknowledged: { zh: '签收', en: 'acknowledged' },
  'rectification-reported': { zh: '反馈整改', en: 'rectification reported' },
  verified: { zh: '复查通过', en: 'verified' },
  'verification-failed': { zh: '复查未通过', en: 'verification failed' },
  overdue: { zh: '逾期', en: 'overdue' },
  escalated: { zh: '启动问责', en: 'escalated' },
  reopened: { zh: '复发重开', en: 'reopened' },
  voided: { zh: '作废', en: 'voided' },
  'public-concern': { zh: '公众反映', en: 'public concern' },
};

/** Who did it when the ledger's rules did: the actor is written `charter (rule <id>)` in the ledger. */
export function actorWords(actor: string, lang: Lang, ruleLabel?: (id: string) => string | undefined): string {
  const m = /^charter \(rule ([^)]+)\)$/.exec(actor);
  if (!m) return actor;
  const rules = m[1]!.split(/,\s*/).map((id) => ruleLabel?.(id) ?? id);
  return lang === 'zh' ? `系统按规则自动记录（${rules.join('、')}）` : `recorded automatically by rule (${rules.join(', ')})`;
}

// ── service data ────────────────────────────────────────────────────────────────────────────────
export const RECORD_KIND: Vocabulary = {
  'work-orders': { zh: '报修工单', en: 'work orders' },
  complaints: { zh: '投诉', en: 'complaints' },
  consultations: { zh: '咨询', en: 'consultations' },
  activities: { zh: '服务记录', en: 'activity logs' },
  'equipment-counts': { zh: '设备完好统计', en: 'equipment counts' },
  measurements: { zh: '测量与抽查', en: 'measurements' },
  surveys: { zh: '满意度调查', en: 'surveys' },
  'inspection-results': { zh: '现场检查结果', en: 'inspection results' },
  events: { zh: '课程与活动安排', en: 'scheduled events' },
  'duty-roster': { zh: '值班排班', en: 'duty rosters' },
  documents: { zh: '档案文件', en: 'documents' },
};

/** Record fields as column headers and in evidence sentences. */
export const FIELD: Vocabulary = {
  id: { zh: '编号', en: 'number' },
  provider: { zh: '服务单位', en: 'provider' },
  campus: { zh: '校区', en: 'campus' },
  building: { zh: '楼宇', en: 'building' },
  location: { zh: '位置', en: 'location' },
  category: { zh: '报修类别', en: 'category' },
  subcategory: { zh: '报修细类', en: 'subcategory' },
  priority: { zh: '紧急程度', en: 'priority' },
  complexity: { zh: '复杂程度', en: 'complexity' },
  reported_at: { zh: '报修时间', en: 'report time' },
  dispatched_at: { zh: '派单时间', en: 'dispatch time' },
  responded_at: { zh: '响应时间', en: 'response time' },
  arrived_at: { zh: '到场时间', en: 'arrival time' },
  completed_at: { zh: '完工时间', en: 'completion time' },
  during_class: { zh: '是否上课期间', en: 'during class' },
  exclusion: { zh: '不计入原因', en: 'exclusion' },
  received_at: { zh: '收到时间', en: 'receipt time' },
  registered_at: { zh: '登记时间', en: 'registration time' },
  acknowledged_at: { zh: '受理回复时间', en: 'acknowledgement time' },
  replied_at: { zh: '答复时间', en: 'answer time' },
  resolved_at: { zh: '办结时间', en: 'resolution time' },
  channel: { zh: '渠道', en: 'channel' },
  cause: { zh: '原因', en: 'cause' },
  activity: { zh: '服务项目', en: 'activity' },
  performed_at: { zh: '执行时间', en: 'time performed' },
  area: { zh: '区域', en: 'area' },
  result: { zh: '结果', en: 'result' },
  notes: { zh: '备注', en: 'notes' },
  date: { zh: '日期', en: 'date' },
  kind: { zh: '类别', en: 'kind' },
  total: { zh: '总数', en: 'total' },
  intact: { zh: '完好数', en: 'intact' },
  measured_at: { zh: '测量时间', en: 'measurement time' },
  point: { zh: '测点', en: 'point' },
  station: { zh: '站点', en: 'station' },
  value: { zh: '测量值', en: 'value' },
  unit: { zh: '单位', en: 'unit' },
  sampled: { zh: '抽查数', en: 'sampled' },
  misplaced: { zh: '错架数', en: 'misplaced' },
  passed: { zh: '是否合格', en: 'passed' },
  period: { zh: '期间', en: 'period' },
  respondents: { zh: '受访人数', en: 'respondents' },
  satisfied: { zh: '满意人数', en: 'satisfied' },
  questions: { zh: '问题', en: 'questions' },
  requirement: { zh: '条款', en: 'requirement' },
  inspected_at: { zh: '检查时间', en: 'inspection time' },
  place: { zh: '地点', en: 'place' },
  round: { zh: '轮次', en: 'round' },
  inspector: { zh: '检查人', en: 'inspector' },
  accompanied_by: { zh: '陪同人', en: 'accompanied by' },
  photos: { zh: '照片', en: 'photos' },
  starts_at: { zh: '开始时间', en: 'start time' },
  ready_at: { zh: '就绪时间', en: 'ready time' },
  post: { zh: '岗位', en: 'post' },
  start: { zh: '开始', en: 'start' },
  end: { zh: '结束', en: 'end' },
  staff: { zh: '人数', en: 'staff' },
  names: { zh: '姓名', en: 'names' },
  item: { zh: '档案项', en: 'item' },
  title: { zh: '标题', en: 'title' },
  dated: { zh: '日期', en: 'dated' },
  year: { zh: '年度', en: 'year' },
  approved: { zh: '是否经学校同意', en: 'approved' },
  valid_until: { zh: '有效期至', en: 'valid until' },
  kept_until: { zh: '保存至', en: 'kept until' },
};

export const INSPECTION_RESULT: Vocabulary = {
  passed: { zh: '合格', en: 'passed' },
  failed: { zh: '不合格', en: 'failed' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
};

export const EVERY: Vocabulary = {
  week: { zh: '每周', en: 'weekly' },
  month: { zh: '每月', en: 'monthly' },
  quarter: { zh: '每季度', en: 'quarterly' },
  term: { zh: '每学期', en: 'every term' },
  semester: { zh: '每学期', en: 'every term' },
  year: { zh: '每年', en: 'yearly' },
  day: { zh: '每天', en: 'daily' },
  night: { zh: '每晚', en: 'nightly' },
  hour: { zh: '每小时', en: 'hourly' },
  'opening-hour': { zh: '开放时间内每小时', en: 'every opening hour' },
  event: { zh: '每次', en: 'each time' },
};

/** Units of parameters and measurements: the sign written after a number. */
export const UNIT: Vocabulary = {
  percent: { zh: '%', en: '%' },
  permille: { zh: '‰', en: '‰' },
  celsius: { zh: '℃', en: '°C' },
  count: { zh: '次', en: '' },
  days: { zh: '天', en: 'days' },
  'working-days': { zh: '个工作日', en: 'working days' },
  points: { zh: '分', en: 'points' },
};

// ── numbers, durations, comparisons, times ──────────────────────────────────────────────────────
const NBSP = '\u00a0'; // keeps a number and its unit on one line (line breaks never split them)

const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO 8601 duration in words: PT45M → 45 分钟, PT2H → 2 小时, PT1H30M → 1 小时 30 分钟, P3D → 3 天.
 * Anything that is not an ISO duration is returned unchanged.
 */
export function durationWords(iso: string, lang: Lang): string {
  const m = ISO_DURATION.exec(iso);
  if (!m) return iso;
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  const parts: string[] = [];
  const add = (v: number, zh: string, en: string, enMany: string): void => {
    if (v) parts.push(lang === 'zh' ? `${v}${NBSP}${zh}` : `${v}${NBSP}${v === 1 ? en : enMany}`);
  };
  add(n(1), '年', 'year', 'years');
  add(n(2), '个月', 'month', 'months');
  add(n(3), '周', 'week', 'weeks');
  add(n(4), '天', 'day', 'days');
  add(n(5), '小时', 'hour', 'hours');
  add(n(6), '分钟', 'minute', 'minutes');
  add(n(7), '秒', 'second', 'seconds');
  if (!parts.length) return lang === 'zh' ? '0 分钟' : '0 minutes';
  return parts.join(' ');
}

/** A number of minutes in words, rounded sensibly: 25 → 25 分钟, 150 → 2.5 小时, 2880 → 2 天. */
export function minutesWords(min: number, lang: Lang): string {
  const r = (x: number): string => String(Math.round(x * 10) / 10);
  if (Math.abs(min) < 120) return lang === 'zh' ? `${Math.round(min)}${NBSP}分钟` : `${Math.round(min)}${NBSP}min`;
  if (Math.abs(min) < 48 * 60) return lang === 'zh' ? `${r(min / 60)}${NBSP}小时` : `${r(min / 60)}${NBSP}h`;
  return lang === 'zh' ? `${r(min / 1440)}${NBSP}天` : `${r(min / 1440)}${NBSP}days`;
}

/** A limit as read: ISO durations in words, N working days, or a number with its unit. */
export function limitWords(value: string | number, unit: string | undefined, lang: Lang): string {
  if (typeof value === 'string' && ISO_DURATION.test(value)) return durationWords(value, lang);
  if (unit === 'working-days') return lang === 'zh' ? `${value}${NBSP}个工作日` : `${value}${NBSP}working day${Number(value) === 1 ? '' : 's'}`;
  if (unit === 'duration' && typeof value === 'string') return durationWords(value, lang);
  const u = unit ? UNIT[unit] : undefined;
  if (!u) return String(value);
  const sign = u[lang];
  if (!sign) return String(value);
  // % ‰ ℃ follow the number with a thin no-break space (GB/T 15835 writes them with the number).
  return `${value}${NBSP}${sign}`;
}

/** Comparison signs: at-least → ≥, above → >, at-most → ≤, below → <. */
export const COMPARISON: Record<string, string> = { 'at-least': '≥', above: '>', 'at-most': '≤', below: '<', within: '≤' };

/** A requirement as a comparison with its sign and unit: ≥ 18 ℃, < 5 ‰, ≥ 95 %, ≤ 45 分钟. */
export function comparisonWords(direction: string, value: string | number, unit: string | undefined, lang: Lang): string {
  const sign = COMPARISON[direction];
  const v = limitWords(value, unit, lang);
  return sign ? `${sign}${NBSP}${v}` : v;
}

/** A ratio that reads honestly: below 5 cases it is a count (1 件中 0 件), not a rate. */
export function shareWords(ok: number, n: number, lang: Lang, noun: Words = { zh: '件', en: 'cases' }): string {
  if (n === 0) return lang === 'zh' ? `无个案` : 'no cases';
  if (n < 5) return lang === 'zh' ? `${n}${NBSP}${noun.zh}中${NBSP}${ok}${NBSP}${noun.zh}达成` : `${ok} of ${n} ${noun.en}`;
  return `${(Math.round((ok / n) * 1000) / 10).toFixed(1)}${NBSP}%`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A local time as people write it: 5月12日 16:00 (with the year when asked). The input is a local
 * ISO time (the offset is already Beijing time in Charter's data); no time-zone arithmetic is done.
 */
export function localTime(iso: string, lang: Lang, o: { year?: boolean; time?: boolean } = {}): string {
  const m = LOCAL.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const time = o.time !== false && h !== undefined ? ` ${h}:${mi}` : '';
  if (lang === 'zh') return `${o.year ? `${y}年` : ''}${Number(mo)}月${Number(d)}日${time}`;
  return `${Number(d)} ${MONTHS_EN[Number(mo) - 1]}${o.year ? ` ${y}` : ''}${time}`;
}

/** A local date: 2026年5月12日 / 12 May 2026. */
export function localDate(iso: string, lang: Lang): string {
  return localTime(iso, lang, { year: true, time: false });
}

/** A month: 2026-04 → 2026年4月 / April 2026. */
export function monthWords(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const full = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : `${full[Number(m[2]) - 1]} ${m[1]}`;
}

/** A span of days: 2026年7月1日—31日, 2026年6月28日—7月3日 / 1–31 Jul 2026. Dates are local ISO days. */
export function spanWords(from: string, to: string, lang: Lang): string {
  const a = LOCAL.exec(from);
  const b = LOCAL.exec(to);
  if (!a || !b) return `${from}—${to}`;
  if (lang === 'zh') {
    const tail = a[1] !== b[1] ? `${b[1]}年${Number(b[2])}月${Number(b[3])}日` : a[2] !== b[2] ? `${Number(b[2])}月${Number(b[3])}日` : `${Number(b[3])}日`;
    return `${a[1]}年${Number(a[2])}月${Number(a[3])}日—${tail}`;
  }
  if (a[1] === b[1] && a[2] === b[2]) return `${Number(a[3])}–${Number(b[3])} ${MONTHS_EN[Number(b[2]) - 1]} ${b[1]}`;
  return `${localDate(from, lang)} – ${localDate(to, lang)}`;
}

/** The days of a month: 2026-07 → 2026年7月1日—31日 (统计期间). */
export function monthSpanWords(period: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return spanWords(`${period}-01`, `${period}-${String(last).padStart(2, '0')}`, lang);
}

// ── requirement references ──────────────────────────────────────────────────────────────────────
/** What a reference is made from; the names module (engine/validate/names.ts) fills it from the tree. */
export interface RefParts {
  id: string;
  /** The clause number (4.3) of the requirement or its nearest numbered ancestor. */
  number?: string;
  item?: number;
  part?: string;
  /** A plan's own numbering (source.ref) and the plan's title, for plan requirements. */
  planRef?: string;
  planTitle?: string;
}

/**
 * Official style where people read it: 第4.3条第1项, 第5.1.2.10条第4项a); a plan's requirement as
 * 《plan title》四、(三)3. The id stays for machines (--json).
 */
export function requirementRef(p: RefParts, lang: Lang): string {
  if (p.planTitle || p.planRef) {
    const ref = p.planRef ?? p.id.slice(p.id.indexOf(':') + 1);
    if (lang === 'zh') return `${p.planTitle ? `《${p.planTitle}》` : ''}${ref}`;
    return `${p.planTitle ? `${p.planTitle}, ` : ''}${ref}`;
  }
  const number = p.number ?? p.id.split('-')[0]!;
  if (lang === 'zh') return `第${number}条${p.item ? `第${p.item}项` : ''}${p.part ? `${p.part})` : ''}`;
  return `clause ${number}${p.item ? ` item ${p.item}` : ''}${p.part ? `(${p.part})` : ''}`;
}

// ── names from the tree ─────────────────────────────────────────────────────────────────────────
/**
 * Names of the things ids point at (providers, profiles, activities, places, requirements), built from
 * the standards tree by engine/validate/names.ts. Each returns the id itself only when the tree does
 * not know it.
 */
export interface Names {
  provider(id: string): string;
  profile(id: string, lang: Lang): string;
  activity(id: string, lang: Lang): string;
  scope(id: string, lang: Lang): string;
  campus(id: string, lang: Lang): string;
  building(id: string): string;
  place(id: string, lang: Lang): string;
  requirement(id: string, lang: Lang): string;
  requirementTitle(id: string): string;
}

// ── words helpers' areas add below (keep each area in its own block so merges stay clean) ──────
// ── cli ──
/** Disclosure items the site carries that no requirement names yet (their names otherwise come from the tree). */
export const SITE_ITEM: Vocabulary = {
  'emergency-contacts': { zh: '突发事件求助方式', en: 'Emergency contacts' },
};
// ── end cli ──
// ── notices ──
/** NOTICE_STATUS in Chinese as a plain table (the ledger's STATUS_ZH re-exports it). */
export const STATUS_ZH_WORDS: Record<string, string> = Object.fromEntries(Object.entries(NOTICE_STATUS).map(([k, w]) => [k, w.zh]));

/** The provenance line's standard part, by titles: 依据：《standard》edition 1.0.0 版 · 方案《plan》… (ids stay in --json). */
export function provenanceWords(standard: string, version: string, profiles: string[]): string {
  return `${standard}${version ? ` ${version}${NBSP}版` : ''}${profiles.length ? ` · 方案 ${profiles.map((p) => `《${p}》`).join('')}` : ''}`;
}

/** The rules of the notices' ledger (notices.yaml rules) by what they decide, when the tree's label is not at hand. */
export const LEDGER_RULE: Vocabulary = {
  overdue: { zh: '逾期未整改', en: 'overdue' },
  escalate: { zh: '启动问责', en: 'escalation' },
};

/** A ledger time (2026-05-07T09:00:00+08:00) as people write it: 5月7日 09:00 (with the year when not `year`'s). */
export function ledgerTime(iso: string, lang: Lang, year?: string): string {
  return localTime(iso, lang, { year: year !== undefined && !iso.startsWith(year) });
}
// ── end notices ──
// ── scorecards ──
// ── end scorecards ──
// ── evaluate ──
/** One case of a record kind, as a sentence names it (工单 WO-2026-000542). */
export const CASE_NOUN: Vocabulary = {
  'work-orders': { zh: '工单', en: 'work order' },
  complaints: { zh: '投诉', en: 'complaint' },
  consultations: { zh: '咨询', en: 'consultation' },
  events: { zh: '活动', en: 'event' },
  activities: { zh: '服务记录', en: 'activity log' },
  measurements: { zh: '测量记录', en: 'measurement' },
  documents: { zh: '档案', en: 'document' },
  'inspection-results': { zh: '检查结果', en: 'inspection result' },
  'duty-roster': { zh: '排班', en: 'shift' },
  surveys: { zh: '调查', en: 'survey' },
  'equipment-counts': { zh: '完好统计', en: 'equipment count' },
};

/** What a timeliness limit's stop marks, as a noun: 到场 (arrived_at) → 到场及时率, 到场用时. */
export const STOP_WORD: Vocabulary = {
  dispatched_at: { zh: '派单', en: 'dispatch' },
  responded_at: { zh: '响应', en: 'response' },
  arrived_at: { zh: '到场', en: 'arrival' },
  completed_at: { zh: '完工', en: 'completion' },
  registered_at: { zh: '登记', en: 'registration' },
  acknowledged_at: { zh: '受理回复', en: 'acknowledgement' },
  replied_at: { zh: '答复', en: 'answer' },
  resolved_at: { zh: '办结', en: 'resolution' },
  ready_at: { zh: '就绪', en: 'readiness' },
};

/** Kinds of building (a clause for one kind applies only to providers running such a building). */
export const BUILDING_TYPE: Vocabulary = {
  dormitory: { zh: '学生公寓', en: 'student dormitory' },
  teaching: { zh: '教学楼', en: 'teaching building' },
  laboratory: { zh: '实验室', en: 'laboratory' },
  library: { zh: '图书馆', en: 'library' },
  office: { zh: '办公楼', en: 'office building' },
  venue: { zh: '体育场馆', en: 'sports venue' },
  canteen: { zh: '食堂', en: 'canteen' },
  other: { zh: '其他楼宇', en: 'other building' },
};

/** An interval as in 本周 / 本季度 / this term (an inspection's verdict carried over its interval). */
export const INTERVAL: Vocabulary = {
  week: { zh: '周', en: 'week' },
  month: { zh: '月', en: 'month' },
  quarter: { zh: '季度', en: 'quarter' },
  term: { zh: '学期', en: 'term' },
  semester: { zh: '学期', en: 'term' },
  year: { zh: '年', en: 'year' },
};

/** Named calendars a requirement may be bound to. */
export const CALENDAR_NAME: Vocabulary = {
  term: { zh: '学期', en: 'term' },
  vacation: { zh: '假期', en: 'vacation' },
  'working-days': { zh: '工作日', en: 'working days' },
  'all-days': { zh: '每天', en: 'every day' },
  'heating-season': { zh: '供暖期', en: 'heating season' },
  'air-conditioning-season': { zh: '空调运行期', en: 'air-conditioning season' },
  'season-peaks': { zh: '开学季、毕业季等高峰期', en: 'peak seasons' },
};

/** One case's outcome against a time limit (charter explain). */
export const CASE_OUTCOME: Vocabulary = {
  met: { zh: '达成', en: 'met' },
  missed: { zh: '未达成', en: 'missed' },
  'open-breached': { zh: '未结且已超时（计为未达成）', en: 'open and past its limit (counts as missed)' },
  'open-pending': { zh: '未结，尚未超时', en: 'open, not yet past its limit' },
  'impossible-time': { zh: '时间异常（数据问题，不计为达成）', en: 'impossible times (a data finding, never a pass)' },
  excluded: { zh: '不计入（排除）', en: 'excluded' },
  'calendar-unknown': { zh: '无法判断（缺少节假日数据）', en: 'undecidable (holiday data missing)' },
  'class-flag-mismatch': { zh: '上课标记与课表不符（数据问题，不计为达成）', en: 'class flag contradicts the timetable (a data finding, never a pass)' },
  'not-covered': { zh: '本要求不适用于该记录', en: 'the requirement does not cover this record' },
};

/** Why a listed document does not count (record requirements). */
export const DOC_PROBLEM: Vocabulary = {
  'document-missing': { zh: '未提交', en: 'not submitted' },
  'not-current-year': { zh: '不是本年度的', en: 'not of the current year' },
  'not-approved': { zh: '未经学校同意', en: 'not approved by the school' },
  expired: { zh: '已过有效期', en: 'expired' },
  'retention-too-short': { zh: '保存期限不足', en: 'not kept long enough' },
};

/** Why a complaint arose (complaints' cause). */
export const COMPLAINT_CAUSE: Vocabulary = {
  'service-error': { zh: '操作失误', en: 'an operating error' },
  attitude: { zh: '服务态度', en: 'attitude' },
  facility: { zh: '设施设备', en: 'facilities' },
  policy: { zh: '政策制度', en: 'policy' },
  other: { zh: '其他', en: 'other' },
};

/** Values of case fields a time limit is chosen by (category, priority, complexity …), as read. */
export const CASE_VALUE: Vocabulary = {
  general: { zh: '一般维修', en: 'general repair' },
  water: { zh: '给排水', en: 'water' },
  electric: { zh: '电气', en: 'electrical' },
  elevator: { zh: '电梯', en: 'elevator' },
  lighting: { zh: '照明', en: 'lighting' },
  power: { zh: '供电', en: 'power supply' },
  multimedia: { zh: '多媒体', en: 'multimedia' },
  hvac: { zh: '空调', en: 'air conditioning' },
  heating: { zh: '供暖', en: 'heating' },
  gas: { zh: '燃气', en: 'gas' },
  other: { zh: '其他', en: 'other' },
  lamp: { zh: '灯具', en: 'lamp' },
  switch: { zh: '开关', en: 'switch' },
  socket: { zh: '插座', en: 'socket' },
  line: { zh: '线路', en: 'wiring' },
  'supply-equipment': { zh: '供电设备', en: 'supply equipment' },
  'teaching-equipment': { zh: '教学设备', en: 'teaching equipment' },
  normal: { zh: '一般', en: 'normal' },
  urgent: { zh: '紧急', en: 'urgent' },
  accident: { zh: '事故', en: 'accident' },
  simple: { zh: '简单', en: 'simple' },
  complex: { zh: '复杂', en: 'complex' },
  major: { zh: '重大', en: 'major' },
  duplicate: { zh: '重复报修', en: 'duplicate' },
  appointment: { zh: '预约服务', en: 'by appointment' },
  'out-of-scope': { zh: '不属服务范围', en: 'out of scope' },
  'approved-extension': { zh: '经批准延期', en: 'approved extension' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/** Case facts the evaluation derives (charter explain's conditions). */
export const DERIVED_FACT: Vocabulary = {
  working_hours: { zh: '工作时间内报告', en: 'reported in working hours' },
  building_type: { zh: '楼宇类型', en: 'building type' },
  elapsed_seconds: { zh: '用时', en: 'time taken' },
  stop_ms: { zh: '完成时刻', en: 'time done' },
};

/** Condition operators in words. */
export const OPERATOR: Vocabulary = {
  in: { zh: '属于', en: 'is one of' },
  notIn: { zh: '不属于', en: 'is none of' },
  equal: { zh: '为', en: 'is' },
  notEqual: { zh: '不为', en: 'is not' },
  lessThan: { zh: '<', en: '<' },
  lessThanInclusive: { zh: '≤', en: '≤' },
  greaterThan: { zh: '>', en: '>' },
  greaterThanInclusive: { zh: '≥', en: '≥' },
};

/** Why the calendar answered as it did (working hours, class time). */
export const CALENDAR_REASON: Vocabulary = {
  'in-hours': { zh: '工作时间内', en: 'within working hours' },
  'before-hours': { zh: '上班前', en: 'before working hours' },
  'after-hours': { zh: '下班后', en: 'after working hours' },
  'non-working-day': { zh: '非工作日', en: 'not a working day' },
  'not-covered': { zh: '无节假日数据', en: 'no holiday data' },
  'in-class': { zh: '上课时间', en: 'in a class period' },
  'between-classes': { zh: '课间或课外', en: 'between classes' },
  'not-term': { zh: '不在学期内', en: 'outside term' },
};

/** The whole school, when a finding is about a provider's whole service rather than one place. */
export const WHOLE_SCHOOL: Words = { zh: '全校', en: 'all campuses' };
// ── end evaluate ──
// ── errors ──
// ── end errors ──
// ── import ──
/** The meanings of the coded values a data file holds, for messages that list the accepted values
 * (CH303 without a mapping: general（综合维修）…). Keyed by field, then by value. */
export const FIELD_VALUE: Record<string, Vocabulary> = {
  category: {
    general: { zh: '综合维修', en: 'general repairs' },
    water: { zh: '给排水', en: 'water and drains' },
    electric: { zh: '电气', en: 'electrical' },
    elevator: { zh: '电梯', en: 'lifts' },
    lighting: { zh: '照明', en: 'lighting' },
    power: { zh: '供配电', en: 'power supply' },
    multimedia: { zh: '多媒体', en: 'multimedia' },
    hvac: { zh: '空调通风', en: 'air conditioning' },
    heating: { zh: '供暖', en: 'heating' },
    gas: { zh: '燃气', en: 'gas' },
    other: { zh: '其他', en: 'other' },
  },
  subcategory: {
    lamp: { zh: '灯具', en: 'lamp' },
    switch: { zh: '开关', en: 'switch' },
    socket: { zh: '插座', en: 'socket' },
    line: { zh: '线路', en: 'line' },
    'supply-equipment': { zh: '供电设备', en: 'supply equipment' },
    'teaching-equipment': { zh: '教学设备', en: 'teaching equipment' },
    other: { zh: '其他', en: 'other' },
  },
  priority: {
    normal: { zh: '一般', en: 'normal' },
    urgent: { zh: '紧急', en: 'urgent' },
    accident: { zh: '事故（如电梯困人）', en: 'accident (e.g. people trapped in a lift)' },
  },
  complexity: {
    simple: { zh: '简单', en: 'simple' },
    complex: { zh: '复杂', en: 'complex' },
    major: { zh: '重大', en: 'major' },
  },
  cause: {
    'service-error': { zh: '服务差错', en: 'service error' },
    attitude: { zh: '服务态度', en: 'attitude' },
    facility: { zh: '设施设备', en: 'facilities' },
    policy: { zh: '政策规定', en: 'policy' },
    other: { zh: '其他', en: 'other' },
  },
  exclusion: {
    duplicate: { zh: '重复报修', en: 'duplicate' },
    appointment: { zh: '预约上门', en: 'appointment' },
    'out-of-scope': { zh: '不属服务范围', en: 'out of scope' },
    'approved-extension': { zh: '经批准延期', en: 'approved extension' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  kind: {
    'street-lights': { zh: '路灯', en: 'street lights' },
    monitoring: { zh: '监控设备', en: 'monitoring' },
    'classroom-equipment': { zh: '教室设备', en: 'classroom equipment' },
    'equipment-in-use': { zh: '在用设备', en: 'equipment in use' },
    'fire-hydrants': { zh: '消火栓', en: 'fire hydrants' },
    extinguishers: { zh: '灭火器', en: 'extinguishers' },
    'room-temperature': { zh: '室内温度', en: 'room temperature' },
    'shelf-audit': { zh: '图书错架抽查', en: 'shelf audit' },
    'water-quality': { zh: '水质', en: 'water quality' },
    'softened-water': { zh: '软化水', en: 'softened water' },
    'inventory-audit': { zh: '库存盘点', en: 'inventory audit' },
    'work-order-sampling': { zh: '工单抽查', en: 'work-order sampling' },
    class: { zh: '课程', en: 'class' },
    exam: { zh: '考试', en: 'exam' },
    meeting: { zh: '会议', en: 'meeting' },
    'campus-event': { zh: '校园活动', en: 'campus event' },
  },
  post: {
    'main-gate': { zh: '校门', en: 'main gate' },
    'monitoring-centre': { zh: '监控中心', en: 'monitoring centre' },
    'dorm-entrance': { zh: '宿舍楼门', en: 'dormitory entrance' },
    'power-room': { zh: '配电室', en: 'power room' },
    'boiler-room': { zh: '锅炉房', en: 'boiler room' },
    'repair-hotline': { zh: '报修热线', en: 'repair hotline' },
    'library-entrance': { zh: '图书馆入口', en: 'library entrance' },
    'service-desk': { zh: '服务台', en: 'service desk' },
  },
  result: INSPECTION_RESULT,
};

/** A record field as a reader names it: its column header when the file has its own (报修时间), else the field's word. */
export function fieldWords(field: string, lang: Lang): string {
  return FIELD[field]?.[lang] ?? field;
}

/** What whatif calls each side (docs/editing.md): the edition in force and the edited one. */
export const WHATIF_SIDE: Vocabulary = {
  head: { zh: '在用版本', en: 'edition in force' },
  edited: { zh: '修改后', en: 'as edited' },
  current: { zh: '当前标准', en: 'current standards' },
  proposal: { zh: '拟议版本', en: 'proposal' },
};

/** One record's verdict under a requirement, short enough for whatif's table of records that change verdict
 * (CASE_OUTCOME has the long explain wording). */
export const RECORD_VERDICT: Vocabulary = {
  met: { zh: '按时', en: 'on time' },
  missed: { zh: '超时', en: 'late' },
  'open-breached': { zh: '未完成且已超时', en: 'open and overdue' },
  'open-pending': { zh: '未完成、未到期', en: 'open, not yet due' },
  'impossible-time': { zh: '时间记录异常', en: 'impossible times' },
  excluded: { zh: '不计入', en: 'not counted' },
  'calendar-unknown': { zh: '无法判定（缺节假日数据）', en: 'cannot be judged (no holiday data)' },
  'class-flag-mismatch': { zh: '上课标记与课表不符', en: 'class flag disagrees with the timetable' },
  'not-covered': { zh: '不在该条款时限内', en: 'outside the clause\'s limits' },
  below: { zh: '未达标', en: 'below the threshold' },
  'document-missing': { zh: '缺档案', en: 'document missing' },
  present: { zh: '已备档', en: 'on file' },
  absent: { zh: '未列入', en: 'not listed' },
  listed: { zh: '列为问题', en: 'listed as a problem' },
};
// ── end import ──
// ── site-pledges ──
// ── end site-pledges ──
// ── site-words ──
// ── end site-words ──
// ── site-acts ──
// ── end site-acts ──
// ── site-find ──
// ── end site-find ──
// ── site-changes ──
// ── end site-changes ──
// ── site-check ──
/** The public-edition check (npm run check-site): what each figure counts. */
export const SITE_CHECK: Vocabulary = {
  title: { zh: '公开版网站检查', en: 'Public edition check' },
  pages: { zh: '页面', en: 'pages' },
  tokens: { zh: '机器代码（编号、英文代码、ISO 日期和时长）', en: 'machine tokens (ids, codes, ISO dates and durations)' },
  traditional: { zh: '繁体字（原文段落 lang="zh-Hant" 之外）', en: 'Traditional characters (outside lang="zh-Hant" originals)' },
  phones: { zh: '首页和应急求助页上不能点按拨打的电话号码', en: 'phone numbers on the home and emergency pages that cannot be tapped' },
  descriptions: { zh: '有页面说明（meta description）的页面', en: 'pages with a meta description' },
  files: { zh: 'robots.txt、favicon.ico、站点地图', en: 'robots.txt, favicon.ico, sitemap' },
  present: { zh: '齐全', en: 'present' },
  missing: { zh: '缺少', en: 'missing' },
  ok: { zh: '全部达标。', en: 'Every figure holds.' },
  notOk: { zh: '未达标，问题如下（每类最多列 20 条）：', en: 'Not yet; the problems (at most 20 of each kind):' },
  noSite: { zh: '没有找到网站目录', en: 'No site folder at' },
  noSiteHint: { zh: '先运行 npm start 或 charter site build，再检查 site/dist/。', en: 'Run npm start or charter site build first, then check site/dist/.' },
  description: { zh: '缺页面说明', en: 'no meta description' },
  token: { zh: '机器代码', en: 'machine token' },
  phone: { zh: '不能点按的号码', en: 'untappable number' },
  file: { zh: '缺文件', en: 'missing file' },
};
// ── end site-check ──
