// Interface text in both languages. Data text (names, clauses, limits) comes from the data file.
import type { Lang } from './data.ts';
import { NOTICE_STATUS as STATUS_WORDS } from '../../../engine/model/labels.ts';

const zh = {
  siteName: '后勤服务承诺',
  skip: '跳到正文',
  navLabel: '主导航',
  home: '首页',
  pledges: '服务承诺',
  processes: '服务流程',
  standard: '服务标准',
  services: '特约服务',
  emergency: '应急求助',
  rectification: '整改公示',
  downloads: '数据下载',
  search: '搜索',
  about: '关于我们',
  complaints: '如何投诉',
  faq: '常见问题',
  feed: '更新订阅（Atom）',
  otherLang: 'English',
  otherLangCode: 'en',
  searchLabel: '搜索本站',
  searchButton: '搜索',
  internalBanner: '内部版：仅供后勤管理处内部使用，不得对外公开或转发。',
  internal: '内部',
  findings: '问题清单',
  notices: '整改通知单',
  scorecards: '考核评分',
  inspections: '现场检查',
  footerData: '数据来源',
  asOf: '统计截至',
  standardSrc: '标准',
  calendarSrc: '节假日日历',
  dataHash: '数据校验值（SHA-256）',
  edition: '版本',
  publicEdition: '公开版',
  internalEdition: '内部版',
  hotline: '服务热线',
  window: '服务窗口',
  hours: '开放时间',
  place: '地点',
  online: '网上办理',
  provider: '服务单位',
  period: '统计期',
  yes: '是',
  no: '否',
  clause: '条款',
  none: '无',
};

export type UiKey = keyof typeof zh;

const en: Record<UiKey, string> = {
  siteName: 'Logistics service pledges',
  skip: 'Skip to main content',
  navLabel: 'Main',
  home: 'Home',
  pledges: 'Pledges',
  processes: 'How it works',
  standard: 'Standard',
  services: 'Paid services',
  emergency: 'Emergencies',
  rectification: 'Rectification',
  downloads: 'Data',
  search: 'Search',
  about: 'About us',
  complaints: 'How to complain',
  faq: 'Questions',
  feed: 'Updates (Atom feed)',
  otherLang: '中文',
  otherLangCode: 'zh-CN',
  searchLabel: 'Search this site',
  searchButton: 'Search',
  internalBanner: 'Internal edition: for the logistics office only. Do not publish or forward.',
  internal: 'Internal',
  findings: 'Findings',
  notices: 'Notices',
  scorecards: 'Scorecards',
  inspections: 'Inspections',
  footerData: 'Sources',
  asOf: 'Figures as of',
  standardSrc: 'Standard',
  calendarSrc: 'Holiday calendar',
  dataHash: 'Data checksum (SHA-256)',
  edition: 'Edition',
  publicEdition: 'public',
  internalEdition: 'internal',
  hotline: 'Hotline',
  window: 'Service desk',
  hours: 'Opening hours',
  place: 'Where',
  online: 'Online',
  provider: 'Provider',
  period: 'Period',
  yes: 'Yes',
  no: 'No',
  clause: 'Clause',
  none: 'None',
};

export const ui = (lang: Lang): Record<UiKey, string> => (lang === 'en' ? en : zh);

/** Obligation levels in words (GB/T 1.1 verbal forms). */
export const OBLIGATION: Record<string, { zh: string; en: string }> = {
  shall: { zh: '应（必须做到）', en: 'Shall (required)' },
  should: { zh: '宜（推荐做到）', en: 'Should (recommended)' },
  may: { zh: '可（允许）', en: 'May (permitted)' },
  none: { zh: '说明性条文（无要求）', en: 'Informative (no requirement)' },
};

export const CLAUSE_TYPE: Record<string, { zh: string; en: string }> = {
  timeliness: { zh: '时限', en: 'Time limit' },
  inspection: { zh: '检查', en: 'Inspection' },
  record: { zh: '记录', en: 'Records' },
  frequency: { zh: '频次', en: 'Frequency' },
  disclosure: { zh: '公开公示', en: 'Disclosure' },
  rate: { zh: '比率', en: 'Rate' },
  informative: { zh: '说明', en: 'Informative' },
};

export const CLAUSE_STATUS: Record<string, { zh: string; en: string }> = {
  active: { zh: '现行', en: 'In force' },
  superseded: { zh: '已被取代', en: 'Superseded' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

/**
 * Rectification notice states the public ledger counts, in the ledger's order; the words are the engine's
 * one vocabulary (engine/model/labels.ts), with a capital in English for a table heading.
 */
export const NOTICE_STATUS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  (['issued', 'acknowledged', 'rectification-reported', 'verified', 'overdue', 'escalated', 'reopened'] as const).map((k) => [k, { zh: STATUS_WORDS[k]!.zh, en: STATUS_WORDS[k]!.en.charAt(0).toUpperCase() + STATUS_WORDS[k]!.en.slice(1) }]),
);

export const word = (map: Record<string, { zh: string; en: string }>, key: string, lang: Lang): string => map[key]?.[lang] ?? key;

/** Notice history events in words (internal edition). */
export const NOTICE_EVENT: Record<string, string> = {
  issued: '签发',
  acknowledged: '签收',
  'rectification-reported': '反馈整改情况',
  verified: '复查销号',
  'verification-failed': '复查未通过',
  overdue: '逾期',
  escalated: '启动问责',
  reopened: '复发重开',
  'public-concern': '师生反映',
};

export const FINDING_STATUS: Record<string, string> = { failed: '不通过', error: '数据错误', passed: '通过' };

// Issue 14: each area adds its interface words (zh and en) in its own block.
// ── pledges ──
// ── end pledges ──
// ── words ──
const WORDS_ZH = {
  originalHant: '查看原文（繁体字）',
  originalText: '查看原文',
  updatedAt: '数据更新时间',
  updatedTo: '数据更新至',
  basis: '依据',
  provenanceMore: '数据来源和校验值',
  countedTo: '统计至（含）',
  clausePrefix: '条款',
  from: '起',
};
const WORDS_EN: Record<keyof typeof WORDS_ZH, string> = {
  originalHant: 'Original text (Traditional characters)',
  originalText: 'Original text',
  updatedAt: 'Data last updated',
  updatedTo: 'Data updated',
  basis: 'Based on',
  provenanceMore: 'Sources and checksums',
  countedTo: 'Figures up to and including',
  clausePrefix: 'Clause',
  from: 'from',
};
/** Interface words of the words area (issue 14 §2): original text, data updated, provenance. */
export const wordsUi = (lang: Lang): Record<keyof typeof WORDS_ZH, string> => (lang === 'en' ? WORDS_EN : WORDS_ZH);
// ── end words ──
// ── acts ──
/** Interface words of the acts area (整改公示, downloads, data dictionary). */
export const ACTS_UI = {
  zh: { dictionary: '数据字典', dictionaryLead: '每个可下载文件的每一列：列名、含义、单位和取值。', siteJson: '网站全部数据（site.json）' },
  en: { dictionary: 'Data dictionary', dictionaryLead: 'Every column of every file you can download: its header, what it means, its unit and its values.', siteJson: 'All the site’s data (site.json)' },
} as const;
// ── end acts ──
// ── find ──
/** Words a reader searches for each section, beyond its title: Pagefind indexes them as the page's
 * `keywords` metadata (weighted in search.astro), so the page named by the query comes first. */
export const PAGE_KEYWORDS: Record<string, { zh: string; en: string }> = {
  home: { zh: '首页 服务窗口 服务热线 报修 投诉', en: 'home service desk hotline repair complaint' },
  pledges: { zh: '服务承诺 承诺达成 达成情况 按时率 时限承诺', en: 'pledges on-time rate time limit results' },
  processes: { zh: '服务流程 办事流程 报修流程 投诉流程 咨询流程', en: 'processes steps repair complaint enquiry' },
  standard: { zh: '服务标准 标准条款 物业服务标准', en: 'standard clauses' },
  services: { zh: '特约服务 收费标准 收费价格', en: 'paid services prices charges' },
  emergency: { zh: '应急求助 突发事件 紧急电话 应急电话', en: 'emergency urgent help phone' },
  rectification: { zh: '整改公示 整改通知单 问题整改通知单 复查销号 整改复查 销号 问责', en: 'rectification notices re-check closed accountability' },
  downloads: { zh: '数据下载 开放数据 下载', en: 'downloads open data CSV JSON' },
  complaints: { zh: '如何投诉 投诉 投诉渠道 投诉电话 投诉处理 不满意', en: 'complain complaint channels not satisfied' },
  about: { zh: '关于我们 后勤管理处 服务窗口 本站', en: 'about office service desk' },
  faq: { zh: '常见问题 问答 工作时间 报修时限', en: 'questions FAQ working hours repair time limit' },
};

/**
 * Search words as both sides of Pagefind split them. The index splits Chinese with its own dictionary
 * (jieba: 整改 | 公示), but the browser splits the query with Intl.Segmenter (ICU: 整 | 改 | 公示), and a
 * page matches only when every query word is in it. So each search word is indexed as written and, where
 * ICU splits it differently, as ICU's pieces too (Node's ICU at build time; the same data as Chromium's).
 */
export function searchWords(words: string, lang: Lang): string {
  if (lang !== 'zh' || typeof Intl.Segmenter === 'undefined') return words;
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const out = new Set(words.split(/\s+/).filter(Boolean));
  for (const w of [...out]) {
    const parts = [...seg.segment(w)].filter((x) => x.isWordLike).map((x) => x.segment);
    if (parts.length > 1) for (const p of parts) out.add(p);
  }
  return [...out].join(' ');
}

/** A page's description when it gives none (search engines and link previews show it): what the page is, on whose site. */
export const pageDescription = (title: string, office: string, lang: Lang): string =>
  lang === 'zh' ? `${office}服务承诺网站的“${title}”页面。` : `“${title}”, on the service pledge site of ${office}.`;
// ── end find ──
// ── changes ──
/** The clause page's dated values and the 变更记录 page (issue 14 §5). */
export const CHANGES_UI = {
  zh: {
    changes: '变更记录',
    changesIntro: '服务标准、学校方案和服务合同何时施行、何时修订，各项取值何时改变，按适用日期排列，最新的在前。',
    span: '本页涵盖',
    upcoming: '数据截至日后生效',
    params: '参数及生效日期',
    sources: '各文件的规定',
    perProvider: '各服务单位现行取值',
    inForce: '现行',
    from: (d: string) => `自${d}起`,
    by: (t: string) => `依据《${t}》`,
    later: '今后',
    none: '尚未生效',
    whichPrevails: '哪一个文件为准',
    clauseChanges: '本条的变更记录',
    allChanges: '全部变更记录',
    results: '每月服务承诺达成情况见“服务承诺”页。',
    date: '日期',
    change: '变更',
    asOf: (d: string) => `现行取值按${d}计。`,
  },
  en: {
    changes: 'Changes',
    changesIntro: 'When the standard, the school’s plans and the service contracts took effect or were revised, and when their values changed, by the date each applies from, newest first.',
    span: 'This page covers',
    upcoming: 'applies after the data’s last day',
    params: 'Values and when they apply',
    sources: 'What each document sets',
    perProvider: 'In force for each provider',
    inForce: 'in force',
    from: (d: string) => `from ${d}`,
    by: (t: string) => `under “${t}”`,
    later: 'later',
    none: 'not yet in force',
    whichPrevails: 'Which document prevails',
    clauseChanges: 'Changes to this clause',
    allChanges: 'All changes',
    results: 'Monthly pledge results are on the Pledges page.',
    date: 'Date',
    change: 'Change',
    asOf: (d: string) => `Values in force as of ${d}.`,
  },
};
// ── end changes ──
// ── check ──
// ── end check ──
