// `npm start` / `charter validate --summary`: what the tree holds, per section, type and plan.
import type { Lang } from '../diagnostics.ts';
import type { Tree } from '../load/tree.ts';
import { resolveProfile } from '../model/resolve.ts';
import { REQUIREMENT_TYPES } from '../model/vocabulary.ts';
import { buildIndex, effectiveValues, profileChain, valueAt } from '../validate/checks.ts';
import { fitLines, table } from './format.ts';
import { EVERY, limitWords, localDate, REQUIREMENT_TYPE, say } from '../model/labels.ts';
import type { Text } from '../model/types.ts';
import { namesOf } from '../validate/names.ts';
import { mainProfile } from '../evaluate/binding.ts';

export interface Summary {
  standards: { id: string; title: string; title_en?: string; edition: string; version: string; requirements: number }[];
  sections: { section: string; title: string; title_en?: string; total: number; byType: Record<string, number> }[];
  types: Record<string, number>;
  obligations: Record<string, number>;
  activities: number;
  profiles: {
    id: string;
    title: string;
    title_en?: string;
    type: string;
    base: string;
    /** The base's title (a profile's or the standard's). */
    base_title: Text;
    applicable: number;
    selected: number;
    own: number;
    ownByType: Record<string, number>;
    overrides: number;
    deviations: number;
    tailored: { requirement: string; parameter: string; from: string; base: string; value: string; deviation: boolean; ref: Text; label?: Text; unit?: string }[];
  }[];
  scorecards: { id: string; title: Text; profile: string; profile_title: Text; categories: number }[];
  /** Units of the register and what binds them: main profile and the plans bound besides it. */
  units: { id: string; name: string; kind: string; profile: string; profile_title?: Text; plans: string[]; plan_words: { title: Text; only?: number; except?: number }[] }[];
  /** What no plan states and the school chose itself (notices.yaml school_choice), named as such. */
  choices: { where: string; what: Text; zh: string; en?: string }[];
}

/** A parameter without a label in words: per-month → 每月次数; other names as written. */
function parameterWords(name: string, lang: Lang): string {
  const m = /^per-(.+)$/.exec(name);
  const every = m ? EVERY[m[1]!] : undefined;
  if (every) return lang === 'zh' ? `${every.zh}次数` : `times per ${m![1]}`;
  return name;
}

const tx = (t: Text | undefined, lang: Lang): string => (t ? (lang === 'en' ? (t.en ?? t.zh) : t.zh) : '');

export function summarize(tree: Tree): Summary {
  const idx = buildIndex([tree]);
  const names = namesOf(tree, idx);
  const titleOf = (id: string): Text => {
    const p = idx.profiles.get(id)?.value;
    if (p) return p.title;
    const st = tree.standards.find((x) => x.value.id === id)?.value;
    return st ? st.title : { zh: id };
  };
  const stdReqs = tree.requirements.filter((r) => !r.value.id.includes(':')).map((r) => r.value);
  const zero = (): Record<string, number> => Object.fromEntries(REQUIREMENT_TYPES.map((t) => [t, 0]));
  const sections = new Map<string, Summary['sections'][number]>();
  const types = zero();
  const obligations: Record<string, number> = { shall: 0, should: 0, may: 0, none: 0 };
  for (const r of stdReqs) {
    let s = sections.get(r.section);
    if (!s) {
      const named = tree.standards.flatMap((x) => x.value.sections ?? []).find((x) => x.number === r.section);
      const head = stdReqs.find((x) => x.id === r.section);
      const en = named?.title.en ?? head?.title?.en;
      s = { section: r.section, title: named?.title.zh ?? head?.title?.zh ?? head?.text ?? '', ...(en ? { title_en: en } : {}), total: 0, byType: zero() };
      sections.set(r.section, s);
    }
    s.total++;
    s.byType[r.type] = (s.byType[r.type] ?? 0) + 1;
    types[r.type] = (types[r.type] ?? 0) + 1;
    obligations[r.obligation] = (obligations[r.obligation] ?? 0) + 1;
  }
  const profiles = tree.profiles.map(({ value: p }) => {
    const resolved = resolveProfile(p.id, idx);
    const own = p.requirements ?? [];
    const ownByType = zero();
    for (const r of own) ownByType[r.type] = (ownByType[r.type] ?? 0) + 1;
    return {
      id: p.id,
      title: p.title.zh,
      ...(p.title.en ? { title_en: p.title.en } : {}),
      type: p.profile_type,
      base: p.base,
      base_title: titleOf(p.base),
      applicable: resolved.length,
      selected: resolved.length - own.length,
      own: own.length,
      ownByType,
      overrides: (p.overrides ?? []).length,
      deviations: (p.overrides ?? []).filter((o) => o.deviation).length,
      tailored: (p.overrides ?? []).flatMap((o) => {
        const param = idx.requirements.get(o.requirement)?.value.parameters?.find((x) => x.name === o.parameter);
        const base = param ? effectiveValues(o.requirement, param, profileChain(p.base, idx)) : [];
        return o.values.map((v) => ({
          requirement: o.requirement,
          parameter: o.parameter,
          from: v.from,
          base: String(valueAt(base, v.from)?.value ?? '—'),
          value: String(v.value),
          deviation: Boolean(o.deviation),
          ref: { zh: names.requirement(o.requirement, 'zh'), en: names.requirement(o.requirement, 'en') },
          ...(param?.label ? { label: param.label } : {}),
          ...(param?.unit ? { unit: param.unit } : {}),
        }));
      }),
    };
  });
  return {
    standards: tree.standards.map(({ value: s }) => ({ id: s.id, title: s.title.zh, ...(s.title.en ? { title_en: s.title.en } : {}), edition: s.edition, version: s.version, requirements: stdReqs.length })),
    sections: [...sections.values()].sort((a, b) => Number(a.section) - Number(b.section)),
    types,
    obligations,
    activities: tree.activityFiles.reduce((n, a) => n + a.value.activities.length, 0),
    profiles,
    scorecards: tree.scorecards.map(({ value: s }) => ({ id: s.id, title: s.title, profile: s.profile, profile_title: titleOf(s.profile), categories: s.categories.length })),
    units: (tree.registers[0]?.value.providers ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind ?? 'contractor',
      profile: mainProfile(u, undefined, tree.standards[0]?.value.id) ?? '',
      ...(mainProfile(u, undefined, tree.standards[0]?.value.id) ? { profile_title: titleOf(mainProfile(u, undefined, tree.standards[0]?.value.id)!) } : {}),
      plan_words: (u.plans ?? []).map((pb) => (typeof pb === 'string' ? { title: titleOf(pb) } : { title: titleOf(pb.plan), ...(pb.requirements ? { only: pb.requirements.length } : {}), ...(pb.except ? { except: pb.except.length } : {}) })),
      plans: (u.plans ?? []).map((pb) => (typeof pb === 'string' ? pb : `${pb.plan}${pb.requirements ? ` (${pb.requirements.length})` : pb.except ? ` (−${pb.except.length})` : ''}`)),
    })),
    choices: tree.noticeConfigs.flatMap(({ value: c }) => [
      ...(c.deadline.school_choice ? [{ where: 'notices deadline', what: { zh: '整改期限', en: 'Rectification deadline' }, ...c.deadline.school_choice }] : []),
      ...(c.recheck_failed?.school_choice ? [{ where: 'notices recheck_failed', what: { zh: '复查未通过后的再次整改期限', en: 'Deadline after a failed re-check' }, ...c.recheck_failed.school_choice }] : []),
      ...c.rules.flatMap((r) => (r.school_choice ? [{ where: `notices rule ${r.id}`, what: r.label, ...r.school_choice }] : [])),
    ]),
  };
}

export function renderSummary(s: Summary, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const typeHead = REQUIREMENT_TYPES.map((t) => say(REQUIREMENT_TYPE, t, lang));
  for (const st of s.standards) {
    const title = zh ? st.title : (st.title_en ?? st.title);
    out.push(zh ? `标准：《${title}》（${st.edition}，编码版本 ${st.version}），共 ${st.requirements} 条要求` : `Standard: ${title} (${st.edition}, encoding ${st.version}), ${st.requirements} requirements`);
  }
  out.push('');
  out.push(zh ? '各章要求数（按类型）' : 'Requirements per section and type');
  out.push(
    table(
      [zh ? '章' : 'section', zh ? '合计' : 'total', ...typeHead],
      [
        ...s.sections.map((x) => [`${x.section} ${zh ? x.title : (x.title_en ?? x.title)}`, x.total, ...REQUIREMENT_TYPES.map((t) => x.byType[t] ?? 0)]),
        [zh ? '合计' : 'total', Object.values(s.types).reduce((a, b) => a + b, 0), ...REQUIREMENT_TYPES.map((t) => s.types[t] ?? 0)],
      ],
    ),
  );
  out.push('');
  const o = s.obligations;
  out.push(zh ? `约束程度：应 ${o.shall}，宜 ${o.should}，可 ${o.may}，资料性 ${o.none}；登记的服务项目 ${s.activities} 个` : `Obligation: shall ${o.shall}, should ${o.should}, may ${o.may}, informative ${o.none}; ${s.activities} registered service activities`);
  out.push('');
  out.push(zh ? '实施方案与合同' : 'Plans and contracts');
  const ptitle = (p: Summary['profiles'][number]): string => (zh ? p.title : (p.title_en ?? p.title));
  out.push(
    table(
      [zh ? '方案' : 'plan or contract', zh ? '基于' : 'based on', zh ? '适用' : 'applies', zh ? '选用' : 'selected', zh ? '新增' : 'own', zh ? '参数调整' : 'overrides', zh ? '偏离' : 'deviations'],
      s.profiles.map((p) => [ptitle(p), tx(p.base_title, lang), p.applicable, p.selected, p.own, p.overrides, p.deviations]),
    ),
  );
  const title = (id: string): string => {
    const p = s.profiles.find((x) => x.id === id);
    return p ? ptitle(p) : id;
  };
  const tailored = s.profiles.flatMap((p, i) =>
    p.tailored.map((t, k) => [
      k === 0 ? ptitle(p) : '',
      tx(t.ref, lang),
      t.label ? tx(t.label, lang) : parameterWords(t.parameter, lang),
      localDate(t.from, lang),
      t.base === '—' ? '—' : limitWords(t.base, t.unit, lang),
      limitWords(t.value, t.unit, lang),
      t.deviation ? (zh ? '偏离（已批准）' : 'deviation (approved)') : zh ? '从严' : 'stricter',
    ]).filter(() => i >= 0),
  );
  if (tailored.length) {
    out.push('');
    out.push(zh ? '参数调整' : 'Parameter overrides');
    out.push(table([zh ? '方案' : 'plan or contract', zh ? '条款' : 'clause', zh ? '参数' : 'parameter', zh ? '生效' : 'from', zh ? '基准' : 'base', zh ? '调整为' : 'value', zh ? '性质' : 'kind'], tailored, { align: ['l', 'l', 'l', 'l', 'r', 'r', 'l'] }));
  }
  if (s.units.length) {
    out.push('');
    out.push(zh ? '方案约束的单位（校园登记）' : 'Units and the plans that bind them (register)');
    const plan = (p: { title: Text; only?: number; except?: number }): string =>
      `${tx(p.title, lang)}${p.only !== undefined ? (zh ? `（其中 ${p.only} 项）` : ` (${p.only} of its requirements)`) : p.except !== undefined ? (zh ? `（除 ${p.except} 项外）` : ` (all but ${p.except})`) : ''}`;
    out.push(
      table(
        [zh ? '单位' : 'unit', zh ? '类别' : 'kind', zh ? '主方案' : 'main plan or contract', zh ? '另行适用的方案' : 'plans bound besides'],
        s.units.map((u) => [u.name, u.kind === 'office' ? (zh ? '后勤处自有' : 'office') : zh ? '服务企业' : 'contractor', u.profile ? (u.profile_title ? tx(u.profile_title, lang) : title(u.profile)) : '—', (u.plan_words ?? []).map(plan).join(zh ? '；' : '; ') || '—']),
      ),
    );
  }
  if (s.choices.length) {
    out.push('');
    out.push(zh ? '本校自定（方案未规定）' : 'The school’s own choices (no plan states them)');
    for (const c of s.choices) out.push(`  ${tx(c.what, lang)}${zh ? '：' : ': '}${zh ? c.zh : (c.en ?? c.zh)}`);
  }
  if (s.scorecards.length) {
    out.push('');
    out.push(s.scorecards.map((c) => (zh ? `评分表《${tx(c.title, lang)}》：${c.categories} 个类别，适用《${tx(c.profile_title, lang)}》` : `Scorecard ${tx(c.title, lang)}: ${c.categories} categories, under ${tx(c.profile_title, lang)}`)).join('\n'));
  }
  return fitLines(out.join('\n'));
}
