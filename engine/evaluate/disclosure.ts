// Disclosure requirements Charter publishes itself (issue 12 §4): the standard's 4.1 window and hotline,
// 4.1-3 processes, 4.3 time-limit pledges, 7.2 paid-service prices, and the plans' 公示 items (complaint
// channels, repair channels and limits, the quality-improvement plan's public commitments, the service
// guide's standard hours). The commitment site publishes them from standards/school/service-desk.yaml and
// the standards; `charter site build` records which items each build's pages carry (engine/site/record.ts,
// table site_builds). Here: which item codes the site can carry, on which page, what the data must hold for
// it, and the verdict for one provider and month. Items posted on site (gate rules, signs on equipment,
// building-seal notices) are not on the site: an inspector checks them.
import type { Requirement, ServiceDeskFile, Text } from '../model/types.ts';
import { publicBuildBefore, type SiteBuild } from '../store/site-builds.ts';
import type { Evidence, Finding } from './evaluate.ts';
import { localTime } from '../model/labels.ts';
import { clauseSlug } from '../model/slug.ts';

/** What the site's pages are made from, as of one day. */
export interface DisclosureContext {
  desk: ServiceDeskFile | undefined;
  /** The day judged (a period's last day, a build's day): prices and parameter values in force then. */
  day: string;
  /** The standard's title: the /standard/ page lists its service content and clauses. */
  standardTitle: string | undefined;
  /** Whether the provider's plan sets time limits (the pledge page lists them per provider). */
  hasPledges: (provider: string) => boolean;
  /** A provider's display name (the pledge page shows it). */
  providerName: (provider: string) => string;
  /** The value in force on `day` of a parameter of a requirement, as text. */
  valueOf: (requirement: string, param: string) => string | undefined;
}

export interface SiteItemSpec {
  /** The site path readers open (Chinese edition; English under /en/). */
  page: string;
  /** The built file holding it, relative to the output folder. */
  file: string;
  /** Published once per provider (its own time limits). */
  perProvider?: boolean;
  /** What the data lacks for the site to publish it (empty: complete). */
  lacks: (c: DisclosureContext, provider?: string) => Text[];
  /** Text the built page must show for the item to count as published. */
  shows: (c: DisclosureContext, provider?: string) => string[];
}

const DESK = 'standards/school/service-desk.yaml';
const noDesk: Text = { zh: `没有服务窗口与公开信息文件（${DESK}）`, en: `no service-desk file (${DESK})` };
const PROCESS_ZH = { consultation: '咨询', repair: '报修', complaint: '投诉' } as const;
type ProcessId = keyof typeof PROCESS_ZH;

const processOf = (c: DisclosureContext, id: ProcessId) => c.desk?.processes.find((p) => p.id === id);
/** A process the site can publish with its quality standard: present, and at least one step bound to a time limit. */
const processLacks = (c: DisclosureContext, id: ProcessId, needLimit: boolean): Text[] => {
  if (!c.desk) return [noDesk];
  const p = processOf(c, id);
  if (!p || !p.steps.length) return [{ zh: `${PROCESS_ZH[id]}服务流程（processes 中 id: ${id}）`, en: `the ${id} process (processes, id: ${id})` }];
  if (needLimit && !p.steps.some((s) => s.requirement)) return [{ zh: `${p.name.zh}各步骤均未标明时限（质量标准：steps[].requirement）`, en: `no step of the ${id} process names its time limit (steps[].requirement)` }];
  return [];
};
const hotlineLacks = (c: DisclosureContext): Text[] => (!c.desk ? [noDesk] : c.desk.hotline.trim() ? [] : [{ zh: '服务热线（hotline）', en: 'the hotline (hotline)' }]);
/** Paid services whose price applies on the day judged. */
const pricedServices = (c: DisclosureContext) => (c.desk?.services ?? []).filter((s) => s.from <= c.day);
const pricesLacks = (c: DisclosureContext): Text[] => (!c.desk ? [noDesk] : pricedServices(c).length ? [] : [{ zh: `${c.day} 适用的特约服务项目及收费价格（services）`, en: `paid services with prices applying on ${c.day} (services)` }]);
const processShows = (c: DisclosureContext, id: ProcessId): string[] => {
  const p = processOf(c, id);
  return p ? [p.name.zh, ...p.steps.map((s) => s.name.zh)] : [];
};
/** “24 小时” in the window's published hours: a window open office hours only is not the 24-hour window of 4.1. */
const ROUND_THE_CLOCK = /24\s*(小时|h\b|hours?)|全天候?|昼夜/i;

const processItem = (id: ProcessId): SiteItemSpec => ({ page: `/processes/#${id}`, file: 'processes/index.html', lacks: (c) => processLacks(c, id, true), shows: (c) => processShows(c, id) });
const pledgeItem: SiteItemSpec = {
  page: '/pledges/',
  file: 'pledges/index.html',
  perProvider: true,
  lacks: (c, p) => (c.hasPledges(p ?? '') ? [] : [{ zh: '该单位的方案没有设定任何服务时限', en: 'the unit’s plan sets no time limit' }]),
  shows: (c, p) => [c.providerName(p ?? '')],
};
const pricesItem: SiteItemSpec = { page: '/services/', file: 'services/index.html', lacks: pricesLacks, shows: (c) => pricedServices(c).slice(0, 1).flatMap((s) => [s.name.zh, s.price]) };
const standardItem: SiteItemSpec = { page: '/standard/', file: 'standard/index.html', lacks: (c) => (c.standardTitle ? [] : [{ zh: '标准文件', en: 'the standard' }]), shows: (c) => [c.standardTitle ?? ''] };

/** Disclosure item codes (`disclosure.items[].code` in the standard and plans) the commitment site carries. */
export const SITE_ITEMS: Record<string, SiteItemSpec> = {
  // 4.1-1-b
  'service-hotline': { page: '/', file: 'index.html', lacks: hotlineLacks, shows: (c) => [c.desk?.hotline ?? ''] },
  'service-window-24h': {
    page: '/',
    file: 'index.html',
    lacks: (c) => {
      if (!c.desk) return [noDesk];
      const w = c.desk.window;
      if (!w.name.zh.trim() || !w.place.zh.trim()) return [{ zh: '服务窗口的名称和地点（window.name、window.place）', en: 'the window’s name and place (window.name, window.place)' }];
      return ROUND_THE_CLOCK.test(w.hours.zh) ? [] : [{ zh: `服务窗口的服务时间写明 24 小时（window.hours 现为“${w.hours.zh}”）`, en: `window hours stating 24 hours (window.hours is “${w.hours.zh}”)` }];
    },
    shows: (c) => (c.desk ? [c.desk.window.name.zh, c.desk.window.place.zh, c.desk.window.hours.zh] : []),
  },
  // The window's services (reception, guidance, intake, repair registration, scheduling, follow-up,
  // complaints) are published as the consultation, repair and complaint processes the window runs.
  'window-services': {
    page: '/processes/',
    file: 'processes/index.html',
    lacks: (c) => (['consultation', 'repair', 'complaint'] as const).flatMap((id) => processLacks(c, id, false)).filter((t, i, a) => a.findIndex((x) => x.zh === t.zh) === i),
    shows: (c) => (['consultation', 'repair', 'complaint'] as const).flatMap((id) => processOf(c, id)?.name.zh ?? []),
  },
  // 4.1-3
  'consultation-process': processItem('consultation'),
  'repair-process': processItem('repair'),
  'complaint-process': processItem('complaint'),
  // 4.3; quality-improvement 四、(三)2 服务时限
  'time-limit-pledges': pledgeItem,
  'time-limits': pledgeItem,
  // 7.2; quality-improvement 四、(三)2 收费标准
  'paid-service-prices': pricesItem,
  fees: pricesItem,
  // nantong-supervision 四、5; quality-improvement 四、(三)2
  'complaint-channels': {
    page: '/complaints/',
    file: 'complaints/index.html',
    lacks: (c) => [...hotlineLacks(c), ...(c.desk && !c.desk.window.name.zh.trim() && !c.desk.online.zh.trim() ? [{ zh: '投诉窗口或网上投诉方式（window、online）', en: 'a complaint window or online channel (window, online)' }] : [])],
    shows: (c) => [c.desk?.hotline ?? ''],
  },
  // quality-improvement 四、(一)3
  'repair-channels': { page: '/', file: 'index.html', lacks: (c) => [...hotlineLacks(c), ...processLacks(c, 'repair', false)], shows: (c) => [c.desk?.hotline ?? '', processOf(c, 'repair')?.steps[0]?.name.zh ?? ''] },
  'repair-time-limits': processItem('repair'),
  // quality-improvement 四、(三)2 服务项目、服务标准: the standard's service content and clauses, verbatim.
  'service-items': standardItem,
  'service-standards': standardItem,
  // 8.2 whom to call (no disclosure requirement names it yet; recorded so a plan can).
  'emergency-contacts': { page: '/emergency/', file: 'emergency/index.html', lacks: (c) => (!c.desk ? [noDesk] : c.desk.emergencies.length ? [] : [{ zh: '突发事件求助方式（emergencies）', en: 'emergency contacts (emergencies)' }]), shows: (c) => c.desk?.emergencies.slice(0, 1).map((e) => e.category.zh) ?? [] },
};

type Item = NonNullable<Requirement['disclosure']>['items'][number];

/** How the site carries one item of a requirement: a catalogue code, or an item with a parameter value,
 * which the clause's own page publishes with its value in force. Undefined: the site does not carry it. */
export function siteItemOf(r: Requirement, item: Item): SiteItemSpec | undefined {
  if (item.value) {
    const param = item.value.param;
    return {
      page: `/standard/${clauseSlug(r.id)}/`,
      file: `standard/${clauseSlug(r.id)}/index.html`,
      lacks: (c) => (c.valueOf(r.id, param) !== undefined ? [] : [{ zh: `参数 ${param} 在 ${c.day} 没有生效的值`, en: `parameter ${param} has no value in force on ${c.day}` }]),
      shows: (c) => [c.valueOf(r.id, param) ?? ''],
    };
  }
  return SITE_ITEMS[item.code];
}

/** A recorded clause page in today's form: builds recorded before clause URLs became slugs (issue 14 §4)
 * hold the percent-encoded id (`/standard/office-service-guide%3Aservice-hours/`); the page published there
 * was the same clause, so it still counts. */
function clausePage(page: string): string {
  const m = /^\/standard\/([^/]+)\/$/.exec(page);
  if (!m) return page;
  try {
    return `/standard/${clauseSlug(decodeURIComponent(m[1]!))}/`;
  } catch {
    return page;
  }
}

export type FindingHead = Omit<Finding, 'status' | 'evidence' | 'evidence_total'>;

const ON_SITE: Text = { zh: '现场公示（张贴、标志等），由检查人员到现场核查', en: 'posted on site (notices, signs): an inspector checks it on site' };

/**
 * One disclosure requirement for one provider and month.
 * - posted on site only (`where: on-site`): evaluate() judges these as rows of the inspection rounds instead;
 *   called for one anyway, it is not reviewed, `on-site` (an inspector's check);
 * - no service-desk file at all (the school does not publish through this site): not reviewed, `no-service-desk`;
 * - an item the site publishes that the data lacks (service-desk.yaml, a plan's time limits): failed;
 * - an item the site does not publish (survey results on the school's website): not reviewed, `not-on-site`;
 * - no public build recorded before the month's end: not reviewed, `no-site-build`;
 * - the public build in force at the month's end (the latest before it) lacks an item: failed;
 * - otherwise passed, each item's page as evidence.
 */
export function disclosureFinding(head: FindingHead, r: Requirement, o: { ctx: DisclosureContext; provider: string; builds: SiteBuild[]; endMs: number; tz?: string; limitN: number }): Finding {
  const d = r.disclosure!;
  const names = d.items.map((i) => i.name);
  const base = { ...head, required: d.items.length };
  if (d.where === 'on-site') return { ...base, status: 'not-reviewed', evidence: [], evidence_total: 0, reason: ON_SITE, reason_code: 'on-site', checklist: names };
  const carried = d.items.map((item) => ({ item, spec: siteItemOf(r, item) }));
  // A school without a service-desk file does not publish through Charter's site (it cannot be built,
  // CH418): what it publishes elsewhere is not known here — not reviewed, never failed for silence.
  if (!o.ctx.desk && carried.some((x) => x.spec)) {
    return {
      ...base,
      status: 'not-reviewed',
      evidence: [],
      evidence_total: 0,
      reason: { zh: `没有服务窗口与公开信息文件（${DESK}），本系统不生成公示网站；需在学校官网或现场核查`, en: `no service-desk file (${DESK}): Charter builds no public site; check the school's website or on site` },
      reason_code: 'no-service-desk',
      checklist: names,
    };
  }
  const lacking: Evidence[] = [];
  for (const { item, spec } of carried) {
    if (!spec) continue;
    for (const t of spec.lacks(o.ctx, o.provider)) {
      lacking.push({
        unit: item.code,
        outcome: 'missing-from-data',
        actual: `缺少${t.zh}`,
        required: item.name.zh,
        note: spec.perProvider ? 'standards/' : DESK,
        text: { zh: `${item.name.zh}：数据中缺少${t.zh}，网站无法公示`, en: `${item.name.en ?? item.name.zh}: the data lacks ${t.en ?? t.zh}, so the site cannot publish it` },
      });
    }
  }
  if (lacking.length) return { ...base, status: 'failed', measured: d.items.length - new Set(lacking.map((e) => e.unit)).size, evidence: lacking.slice(0, o.limitN), evidence_total: lacking.length };
  const off = carried.filter((x) => !x.spec).map((x) => x.item);
  if (off.length) {
    return {
      ...base,
      status: 'not-reviewed',
      evidence: [],
      evidence_total: 0,
      reason: { zh: `本系统生成的网站不发布${off.map((i) => i.name.zh).join('、')}，需在学校官网${d.where === 'both' ? '和现场' : ''}核查`, en: `the commitment site does not publish ${off.map((i) => i.name.en ?? i.name.zh).join(', ')}: check the school's website${d.where === 'both' ? ' and on site' : ''}` },
      reason_code: 'not-on-site',
      checklist: names,
    };
  }
  const build = publicBuildBefore(o.builds, o.endMs);
  if (!build) {
    return {
      ...base,
      status: 'not-reviewed',
      evidence: [],
      evidence_total: 0,
      reason: { zh: '本月末以前没有记录公开版网站的生成（charter site build），无法确认已在网上公示', en: 'no public site build was recorded before the end of the month (charter site build): publication cannot be confirmed' },
      reason_code: 'no-site-build',
      checklist: names,
    };
  }
  const at = build.built_at.slice(0, 16).replace('T', ' ');
  const atWords = { zh: localTime(build.built_at, 'zh'), en: localTime(build.built_at, 'en') };
  const onSite = d.where === 'both' ? '；现场公示由检查人员核查' : '';
  const published: Evidence[] = [];
  const missing: Evidence[] = [];
  for (const { item, spec } of carried) {
    const hit = build.items.find((x) => x.code === item.code && (!spec!.perProvider || x.provider === o.provider) && (!item.value || clausePage(x.page) === spec!.page));
    const name = { zh: item.name.zh, en: item.name.en ?? item.name.zh };
    if (hit) {
      published.push({
        unit: item.code,
        outcome: 'published',
        actual: hit.page,
        required: item.name.zh,
        note: `公开版网站 ${at} 生成（${build.out_path}）${onSite}`,
        text: { zh: `${name.zh}已在公开版网站 ${hit.page} 发布（${atWords.zh} 生成）${onSite}`, en: `${name.en} is published on the public site at ${hit.page} (built ${atWords.en})${onSite ? '; what is posted on site an inspector checks' : ''}` },
      });
    } else {
      missing.push({
        unit: item.code,
        outcome: 'not-published',
        actual: `${at} 生成的公开版网站未发布`,
        required: item.name.zh,
        note: `应在 ${spec!.page}`,
        text: { zh: `${name.zh}未在 ${atWords.zh} 生成的公开版网站发布（应在 ${spec!.page}）`, en: `${name.en} is not on the public site built ${atWords.en} (it belongs at ${spec!.page})` },
      });
    }
  }
  const ev = missing.length ? missing : published;
  return { ...base, status: missing.length ? 'failed' : 'passed', measured: published.length, evidence: ev.slice(0, o.limitN), evidence_total: ev.length };
}
