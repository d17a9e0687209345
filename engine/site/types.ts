// What the commitment site is built from: one JSON file per edition, written by `charter site build`
// from the same YAML (through the engine's loader) and the latest evaluations. The Astro pages only lay
// this out; every number on a page comes from here.
import type { InspectionRound } from '../inspections/plan.ts';
import type { Text } from '../model/types.ts';

export interface SiteClause {
  id: string;
  /** Section number ("4", "5.1" …) and the document it belongs to. */
  section: string;
  document: { id: string; title: Text; kind: 'standard' | 'profile' };
  parent: string | null;
  title?: Text;
  /** Verbatim text. */
  text: string;
  /** The text as a Simplified page shows it: Traditional characters converted, Chinese punctuation (engine/site/clauses.ts). */
  display: string;
  /** The script of the original: a text whose display differs is shown with the original one click away. */
  lang: 'zh-Hans' | 'zh-Hant';
  /** Official reference in place of the id: 第4.3条第1项, 《学校综合办公室服务指南》二、（二）2. */
  ref: Text;
  obligation: string;
  type: string;
  status: string;
  parameters: SiteClauseParameter[];
  /** Versions and changes: links to what it replaces or is replaced by, and the document's history lines. */
  history: { date: string; change: string; text?: Text }[];
}

/** A clause's parameter: `values` as the clause's own document sets them; the rest built by engine/site/changes.ts. */
export interface SiteClauseParameter {
  name: string;
  /** The YAML's label, or words derived from what the clause counts with it (never the name). */
  label: Text;
  unit: string;
  values: { from: string; value: string; text: Text }[];
  /** The clause's document first, then each plan or contract that tailors the parameter, with its dated values. */
  sources?: SiteValueSource[];
  /** The value in force for each provider the clause binds (as of the site's data), and later dated values. */
  providers?: SiteProviderValue[];
  /** Which document prevails for whom and why, in words; absent when no plan or contract tailors it. */
  prevails?: Text;
}

export interface SiteValueSource {
  document: { id: string; title: Text; kind: 'standard' | 'profile'; contract: boolean };
  values: { from: string; value: string; text: Text; source: string; change?: 'tightened' | 'loosened' | 'changed'; before?: Text }[];
}

export interface SiteProviderValue {
  provider: { id: string; name: string };
  now: { from: string; text: Text; by: Text } | null;
  later: { from: string; text: Text; by: Text }[];
}

/** One entry of the 变更记录 page and the feed, in readers' words. */
export interface SiteChange {
  date: string;
  /** rules: a document comes into force or a dated value changes; results: a month's pledge results. */
  kind: 'rules' | 'results';
  title: Text;
  /** Site-relative page the entry is about (the feed links it; clause entries use `clause` with clausePath). */
  link: string;
  /** The clause a single-value change is about. */
  clause?: string;
  /** Each dated value that changes on this date, in words. */
  items?: { clause: string; text: Text }[];
}

export interface SitePledgePeriod {
  period: string;
  /** 个案: every case of the period = met + missed + anomaly + excluded (engine/site/pledges.ts). */
  cases: number;
  /** Cases judged against the limit = met + missed + anomaly: the rate's denominator. */
  n: number;
  /** 按时. */
  met: number;
  /** 超时, including the cases still open past their limit (open_breached). */
  missed: number;
  excluded: number;
  open_breached: number;
  /** 数据异常: cases that cannot be judged from their data (impossible times, a class flag the timetable
   * contradicts; the evaluation's `invalid`). Never a pass: they count against the pledge. */
  anomaly: number;
  /** Cases still open within their limit at the period's end: judged in the month they close, not counted here. */
  pending: number;
  /** Share met, 0–1; null when n = 0 ("无个案"). */
  rate: number | null;
  /** No records of the pledge's kind for the provider that period (the evaluation's no-data): shown as
   * "暂无数据", never as "无个案" — silence is not a result. */
  no_data?: true;
  /** The evaluation saw the whole month (its as-of is at or after the month's end). */
  complete: boolean;
  /** Some day of the month is in the provider's service period; months outside it are not shown. */
  in_service: boolean;
  /** Cases of the requirement could not be placed under a limit (no holiday data): 数据不足. */
  calendar_unknown?: true;
}

/** A row's total over several complete months in the provider's service period (term, year to date). */
export interface SitePledgeTotal extends Omit<SitePledgePeriod, 'period' | 'complete' | 'in_service'> {
  months: string[];
  /** The days covered, clipped to the provider's service period. */
  from: string;
  to: string;
}

/** What the pledge pages report: the latest complete month, the current term and the year to date. */
export interface SitePledgeSpans {
  /** The latest month the evaluation saw whole; null before any month is complete. */
  latest: string | null;
  /** Months with data still running at the data's as-of (not reported as results). */
  incomplete: string[];
  /** The data's as-of (the last evaluation's). */
  as_of: string;
  term: { name: Text; start: string; end: string; months: string[]; from: string; to: string } | null;
  year: { months: string[]; from: string; to: string } | null;
}

export interface SitePledge {
  /** requirement#limit */
  id: string;
  requirement: string;
  limit: string;
  provider: { id: string; name: string };
  label: Text;
  /** The clause in official style (第4.3条第1项; 《学校综合办公室服务指南》四、(三)), shown instead of the id. */
  ref: Text;
  /** The limit in force now, in words ("1 小时" / "1 hour") and as ISO. */
  limit_value: { iso: string; text: Text };
  /** Target share met (0–1) where the plan sets one; null otherwise. */
  target: number | null;
  /** The target for the next period, with its effective date, when it differs. */
  next_target: { from: string; value: number } | null;
  /** When the clock starts and stops, in words. */
  clock: Text;
  /** The provider's service period (register.yaml `service`), null when the register sets none. */
  service: { from: string; to: string | null } | null;
  periods: SitePledgePeriod[];
  /** Totals of the current term and of the year to date (complete months in service); null when none. */
  term: SitePledgeTotal | null;
  year: SitePledgeTotal | null;
}

export interface SiteProcessStep {
  name: Text;
  /** The time limit of the step in words, and the requirement it comes from, if any. */
  limit?: { requirement: string; text: Text };
}

export interface SiteData {
  edition: 'public' | 'internal';
  /** The site's own address, ending in `/` (public_site in the notice configuration, or --site-url); null
   * when none is configured: no sitemap, canonical or other absolute link is possible then (issue 14 §4). */
  site_url: string | null;
  generated: {
    as_of: string;
    standard: string;
    calendar: string;
    data_sha256: string;
    /** When the data was last updated: the latest submission's time (local ISO), else the evaluation's as-of. */
    updated: string;
    /** The provenance line's parts in words (the footer); the ids, versions and hash stay on the about page. */
    words: { standard: Text; edition: Text; calendar: Text; source: Text; calendarData: Text };
  };
  office: { name: Text; hotline: string; window: { name: Text; hours: Text; place: Text }; online: Text };
  providers: { id: string; name: string }[];
  periods: string[];
  pledges: SitePledge[];
  /** The periods the pledge pages report (engine/site/pledges.ts). */
  pledge_spans: SitePledgeSpans;
  /** Every time limit each provider's plan sets, whatever the data holds (periods empty): what an MDX
   * <Pledge> may name. A named pledge without data is shown as "暂无数据"; one not listed here is an error. */
  pledge_catalogue: SitePledge[];
  processes: { id: 'consultation' | 'repair' | 'complaint'; name: Text; steps: SiteProcessStep[] }[];
  sections: { document: string; number: string; title: Text }[];
  clauses: SiteClause[];
  services: { name: Text; unit: Text; price: string; from: string; note?: Text }[];
  emergencies: { category: Text; clause: string; text: string; contact: Text }[];
  /** Rectification notices counted by month issued and status — no names, no numbers. */
  rectification: { month: string; status: string; count: number }[];
  changes: SiteChange[];
  /** The span the 变更记录 page covers: the earliest edition's date to the latest dated value. */
  changes_span?: { from: string; to: string };
  /** 整改公示 by provider and problem type, with the time the statuses hold at (engine/site/rectification.ts). */
  rectification_detail: SiteRectification;
  /** Internal edition only. */
  internal?: {
    /** `ref`/`title`: the requirement's official reference and title; `words` and `evidence`: the evaluation's own sentences (Finding.words, Evidence.text). */
    findings: { period: string; provider: string; requirement: string; ref: string; title: string; status: string; measured: string; words?: { quantity: string; measured: string; required: string; place: string }; evidence: string[]; evidence_total: number }[];
    /** `status_by_rule`: the status the ledger's rules give at the build's time when the register has not recorded it yet. */
    notices: { number: string; period: string; provider: string; status: string; status_by_rule?: string; deadline: string; deadline_words: string; requirements: string[]; refs: string[]; history: { at: string; at_words: string; event: string; event_words: string; actor: string; actor_words: string; note: string }[]; pdf: string }[];
    /** `provisional`: why the card is a draft (暂不评定，待补数据); `coverage`: requirements with a verdict / applicable. */
    scorecards: { period: string; provider: string; total: number | null; grade: string; provisional?: string; coverage?: string; pdf: string }[];
    /** Inspection rounds of the periods the site covers, one phone-form page each (/internal/inspections/<id>/). */
    inspections?: SiteInspectionRound[];
  };
}

/** One inspection round as the phone form needs it (internal edition): the planner's round
 * (engine/inspections/plan.ts) with each requirement's title and verbatim text written once, and rows
 * as indexes into `places` and `requirements`, so a round of hundreds of rows stays a light page. */
export interface SiteInspectionRound extends Pick<InspectionRound, 'id' | 'period' | 'week' | 'start' | 'end' | 'provider' | 'campus' | 'places'> {
  requirements: { id: string; reference: string; title: string; text: string }[];
  /** [place index, requirement index]; the row's record id is `${round}:${place}:${requirement}`. */
  rows: [number, number][];
}

/** The public ledger by provider and problem type: counts only, no notice numbers, no people. */
export interface SiteRectification {
  /** The local time (ISO with offset) the statuses hold at: the build's time, or the ledger's latest event. */
  as_of: string;
  /** 'build': statuses moved on by the ledger's rules to the build's time (not written to the ledger);
   * 'ledger': statuses as the ledger recorded them (no build time given). */
  basis: 'build' | 'ledger';
  /** How many notices the rules have moved on since the ledger's last record (the office has yet to run review). */
  moved: number;
  /** The ledger's rules that move a notice on by themselves (notices.yaml rules), in words. */
  rules: { effect: string; label: Text }[];
  providers: {
    id: string;
    name: string;
    notices: { status: string; count: number }[];
    /** Problems (one per requirement on a notice; voided notices not counted) by problem type and status. */
    problems: { type: string; words: Text; status: string; count: number }[];
  }[];
}
