// What the printed documents show. The ledger and the scorer fill these; engine/render/ lays them out
// with PDFKit. Every field is final text or a number: rendering decides nothing about the content.
import type { Text } from '../model/types.ts';

export interface Provenance {
  /** e.g. "高等学校物业服务规范 原文版 (gaoxiao-wuye 2025-09-01) · 方案 nantong-supervision" */
  standard: string;
  /** e.g. "chinese-days 1.5.7 (2004–2026)" */
  calendar: string;
  /** SHA-256 of the data evaluated (findings.json data.sha256). */
  data_sha256: string;
  /** e.g. "Charter 0.1.0" */
  engine: string;
}

export interface NoticeEvidence {
  record?: string;
  unit?: string;
  cell?: string;
  actual?: string;
  required?: string;
  /** The evidence as one sentence (engine/notices/wording.ts), printed instead of actual/required when set. */
  text?: string;
}

export interface NoticeProblem {
  seq: number;
  /** Requirement id, e.g. "4.3-1" or "nantong-supervision:patrol" (for machines: --json, the QR code's link). */
  requirement: string;
  /** The reference people read: 第4.3条第1项, or a plan's own numbering (四、(三)3) after its title in `source`. */
  ref?: string;
  /** Where the clause comes from, e.g. "《高等学校物业服务规范》4.3" or "《后勤服务质量监督方案》". */
  source: string;
  /** The clause text as in force on the event date, verbatim. */
  clause_text: string;
  /** Place: building / campus / area names, or the provider when the problem is provider-wide. */
  place: string;
  /** What was found, one sentence, e.g. "报修到场超时 12 件（本期 340 件，达成 96.5%，要求 ≤30 分钟）". */
  description: string;
  /** The first records or grid cells, actual vs required. */
  evidence: NoticeEvidence[];
  /** How many there are in all (evidence shows the first few). */
  evidence_total: number;
  /** What must be done for this problem. */
  action: string;
  /** URL of the clause on the public site. */
  url: string;
  /** The same problem in English (the terminal's --lang en); the paper is Chinese. */
  en?: { place: string; description: string; action: string; ref: string; source: string; evidence: string[] };
}

export interface NoticeDoc {
  /** e.g. "后勤督〔2026〕第001号" */
  number: string;
  /** Local date-time of issue, 'YYYY-MM-DDTHH:mm:ss+08:00'. */
  issued_at: string;
  /** Issuing office, e.g. 某某大学后勤管理处. */
  office: string;
  /** Document title, normally 问题整改通知单. */
  title: string;
  provider: { id: string; name: string };
  /** e.g. 月度服务数据核查. */
  inspection_type: string;
  /** 'YYYY-MM' */
  period: string;
  problems: NoticeProblem[];
  /** 宜 (should) findings: advice printed apart under 建议改进; no deadline, no deduction. */
  advisories?: NoticeProblem[];
  /** A draft (--dry-run): printed with the 草稿 watermark, no number taken. */
  draft?: boolean;
  /** Set when the notice was voided (作废): printed across it with the reason. */
  voided?: { at: string; by: string; reason: string };
  /** General demand above the problem list, e.g. 请你单位对下列问题限期整改… */
  demand: string;
  deadline: {
    /** Local date 'YYYY-MM-DD' (the rectification must be reported by the end of this day). */
    date: string;
    working_days: number;
    /** How it was computed, e.g. "签发之日起 5 个工作日（不含当日，遇节假日顺延）". */
    rule: string;
  };
  /** How it will be re-checked. */
  recheck: string;
  issuer: { name: string; contact?: string };
  objection: { working_days: number; until: string; text: string };
  provenance: Provenance;
  /** The QR code's target: the first problem's clause on the public site. */
  qr_url: string;
}

export interface ScoreItem {
  /** Requirement id (machines: --json); the paper prints `ref`. */
  requirement: string;
  /** The requirement in official style: 第4.3条第1项, 《2025年学校后勤保障服务流程》2.3 第2項. */
  ref?: string;
  /** The clause text, verbatim. */
  text: string;
  /** The actual miss in words: what was measured, the limit, the first case (not the clause's opening words). */
  problem?: string;
  /** Place the finding is about, by name (全校 when provider-wide; never the provider's name). */
  scope: string;
  deduction: number;
  /** Notice number the finding was put on, if any. */
  notice?: string;
  /** The notice was voided (作废): the finding is listed but costs nothing. */
  voided?: boolean;
}

export interface ScoreCategory {
  id: string;
  name: Text;
  weight: number;
  /** Points off per failed finding, and the most a category can lose. */
  per_finding: number;
  cap: number;
  deducted: number;
  score: number;
  items: ScoreItem[];
  /** false: no requirement of the category applies to this provider (不适用); its weight went to the others. */
  applicable?: boolean;
  /** The configured weight, when `weight` was re-distributed from categories that do not apply. */
  base_weight?: number;
}

export interface ScorecardDoc {
  title: string;
  office: string;
  period: string;
  provider: { id: string; name: string };
  profile: string;
  /** The profile's (plan's or contract's) title as printed; `profile` keeps the id. */
  profile_title?: string;
  categories: ScoreCategory[];
  veto: { requirement: string; ref?: string; text: string; failed: boolean; notice?: string }[];
  vetoed: boolean;
  supervisor_score: number;
  /** Survey satisfaction as a score out of 100; null when no survey was submitted. */
  users_score: number | null;
  users_detail: { respondents: number; satisfied: number } | null;
  blend: { supervisor: number; users: number };
  /** The weighted parts as printed (score × blend %, one decimal each); total = their sum. users is null without a survey. */
  weighted?: { supervisor: number; users: number | null };
  total: number;
  grade: { code: string; name: Text };
  grades: { code: string; name: Text; min: number }[];
  /** The last six periods, oldest first; total null where there was no evaluation or the card was a draft
   *  (provisional: true, marked 草稿·待补数据 on the chart). */
  trend: { period: string; total: number | null; provisional?: boolean }[];
  /** Findings counted in the supervisor score: checked requirements this period. */
  checked: number;
  /** Requirements with a verdict (passed/failed) ÷ applicable ones; no_data: applicable ones without any records. */
  coverage?: { verdict: number; applicable: number; no_data: number; ratio: number | null; floor: number };
  /** Set when the card is a draft (草稿·待补数据): no evaluation, or coverage below the floor. No grade is given. */
  provisional?: { code: 'no-evaluation' | 'low-coverage'; reason: string };
  /** 宜 (should) findings: printed under 建议改进, never deducted. */
  advisories?: ScoreItem[];
  failed: number;
  provenance: Provenance;
  generated_at: string;
  /** Signature blocks, e.g. 考核人 / 服务单位负责人 / 后勤管理处负责人. */
  signatures: string[];
}
