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
  parameters: { name: string; label: Text; unit: string; values: { from: string; value: string; text: Text }[] }[];
  /** Versions and changes: links to what it replaces or is replaced by, and the document's history lines. */
  history: { date: string; change: string }[];
}

export interface SitePledgePeriod {
  period: string;
  n: number;
  met: number;
  missed: number;
  excluded: number;
  open_breached: number;
  /** Share met, 0–1; null when n = 0 ("无个案"). Shown as counts when n < 5. */
  rate: number | null;
  /** No records of the pledge's kind for the provider that period (the evaluation's no-data): shown as
   * "暂无数据", never as "无个案" — silence is not a result. */
  no_data?: true;
}

export interface SitePledge {
  /** requirement#limit */
  id: string;
  requirement: string;
  limit: string;
  provider: { id: string; name: string };
  label: Text;
  /** The limit in force now, in words ("1 小时" / "1 hour") and as ISO. */
  limit_value: { iso: string; text: Text };
  /** Target share met (0–1) where the plan sets one; null otherwise. */
  target: number | null;
  /** The target for the next period, with its effective date, when it differs. */
  next_target: { from: string; value: number } | null;
  /** When the clock starts and stops, in words. */
  clock: Text;
  periods: SitePledgePeriod[];
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
  changes: { date: string; title: Text; link: string }[];
  /** Internal edition only. */
  internal?: {
    findings: { period: string; provider: string; requirement: string; status: string; measured: string; evidence: string[] }[];
    notices: { number: string; period: string; provider: string; status: string; deadline: string; requirements: string[]; history: { at: string; event: string; actor: string; note: string }[]; pdf: string }[];
    scorecards: { period: string; provider: string; total: number | null; grade: string; pdf: string }[];
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
