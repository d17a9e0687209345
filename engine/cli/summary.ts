// `npm start` / `charter validate --summary`: what the tree holds, per section, type and plan.
import type { Lang } from '../diagnostics.ts';
import type { Tree } from '../load/tree.ts';
import { resolveProfile } from '../model/resolve.ts';
import { REQUIREMENT_TYPES } from '../model/vocabulary.ts';
import { buildIndex, effectiveValues, profileChain, valueAt } from '../validate/checks.ts';
import { table } from './format.ts';
import { mainProfile } from '../evaluate/binding.ts';

export interface Summary {
  standards: { id: string; title: string; edition: string; version: string; requirements: number }[];
  sections: { section: string; title: string; total: number; byType: Record<string, number> }[];
  types: Record<string, number>;
  obligations: Record<string, number>;
  activities: number;
  profiles: {
    id: string;
    title: string;
    type: string;
    base: string;
    applicable: number;
    selected: number;
    own: number;
    ownByType: Record<string, number>;
    overrides: number;
    deviations: number;
    tailored: { requirement: string; parameter: string; from: string; base: string; value: string; deviation: boolean }[];
  }[];
  scorecards: { id: string; profile: string; categories: number }[];
  /** Units of the register and what binds them: main profile and the plans bound besides it. */
  units: { id: string; name: string; kind: string; profile: string; plans: string[] }[];
  /** What no plan states and the school chose itself (notices.yaml school_choice), named as such. */
  choices: { where: string; zh: string; en?: string }[];
}

const TYPE_ZH: Record<string, string> = {
  timeliness: '时限',
  frequency: '频次',
  rate: '比率',
  record: '档案',
  disclosure: '公示',
  inspection: '现场检查',
  informative: '资料性',
};

export function summarize(tree: Tree): Summary {
  const idx = buildIndex([tree]);
  const stdReqs = tree.requirements.filter((r) => !r.value.id.includes(':')).map((r) => r.value);
  const zero = (): Record<string, number> => Object.fromEntries(REQUIREMENT_TYPES.map((t) => [t, 0]));
  const sections = new Map<string, { section: string; title: string; total: number; byType: Record<string, number> }>();
  const types = zero();
  const obligations: Record<string, number> = { shall: 0, should: 0, may: 0, none: 0 };
  for (const r of stdReqs) {
    let s = sections.get(r.section);
    if (!s) {
      const named = tree.standards.flatMap((x) => x.value.sections ?? []).find((x) => x.number === r.section);
      const head = stdReqs.find((x) => x.id === r.section);
      s = { section: r.section, title: named?.title.zh ?? head?.title?.zh ?? head?.text ?? '', total: 0, byType: zero() };
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
      type: p.profile_type,
      base: p.base,
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
        }));
      }),
    };
  });
  return {
    standards: tree.standards.map(({ value: s }) => ({ id: s.id, title: s.title.zh, edition: s.edition, version: s.version, requirements: stdReqs.length })),
    sections: [...sections.values()].sort((a, b) => Number(a.section) - Number(b.section)),
    types,
    obligations,
    activities: tree.activityFiles.reduce((n, a) => n + a.value.activities.length, 0),
    profiles,
    scorecards: tree.scorecards.map(({ value: s }) => ({ id: s.id, profile: s.profile, categories: s.categories.length })),
    units: (tree.registers[0]?.value.providers ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind ?? 'contractor',
      profile: mainProfile(u, undefined, tree.standards[0]?.value.id) ?? '',
      plans: (u.plans ?? []).map((pb) => (typeof pb === 'string' ? pb : `${pb.plan}${pb.requirements ? ` (${pb.requirements.length})` : pb.except ? ` (−${pb.except.length})` : ''}`)),
    })),
    choices: tree.noticeConfigs.flatMap(({ value: c }) => [
      ...(c.deadline.school_choice ? [{ where: 'notices deadline', ...c.deadline.school_choice }] : []),
      ...(c.recheck_failed?.school_choice ? [{ where: 'notices recheck_failed', ...c.recheck_failed.school_choice }] : []),
      ...c.rules.flatMap((r) => (r.school_choice ? [{ where: `notices rule ${r.id}`, ...r.school_choice }] : [])),
    ]),
  };
}

export function renderSummary(s: Summary, lang: Lang): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const typeHead = REQUIREMENT_TYPES.map((t) => (zh ? TYPE_ZH[t]! : t));
  for (const st of s.standards) {
    out.push(zh ? `标准：${st.title}（${st.id}，${st.edition}，编码版本 ${st.version}），共 ${st.requirements} 条要求` : `Standard: ${st.title} (${st.id}, ${st.edition}, encoding ${st.version}), ${st.requirements} requirements`);
  }
  out.push('');
  out.push(zh ? '各章要求数（按类型）' : 'Requirements per section and type');
  out.push(
    table(
      [zh ? '章' : 'section', zh ? '合计' : 'total', ...typeHead],
      [
        ...s.sections.map((x) => [`${x.section} ${x.title}`, x.total, ...REQUIREMENT_TYPES.map((t) => x.byType[t] ?? 0)]),
        [zh ? '合计' : 'total', Object.values(s.types).reduce((a, b) => a + b, 0), ...REQUIREMENT_TYPES.map((t) => s.types[t] ?? 0)],
      ],
    ),
  );
  out.push('');
  const o = s.obligations;
  out.push(zh ? `约束程度：应 ${o.shall}，宜 ${o.should}，可 ${o.may}，资料性 ${o.none}；活动代码 ${s.activities} 个` : `Obligation: shall ${o.shall}, should ${o.should}, may ${o.may}, informative ${o.none}; ${s.activities} activity codes`);
  out.push('');
  out.push(zh ? '实施方案与合同（profile）' : 'Plans and contracts (profiles)');
  out.push(
    table(
      [zh ? '方案' : 'profile', zh ? '基于' : 'base', zh ? '适用' : 'applies', zh ? '选用' : 'selected', zh ? '新增' : 'own', zh ? '参数调整' : 'overrides', zh ? '偏离' : 'deviations'],
      s.profiles.map((p) => [`${p.id} ${p.title}`, p.base, p.applicable, p.selected, p.own, p.overrides, p.deviations]),
    ),
  );
  const tailored = s.profiles.flatMap((p) => p.tailored.map((t) => [p.id, `${t.requirement} ${t.parameter}`, t.from, t.base, t.value, t.deviation ? (zh ? '偏离（已批准）' : 'deviation (approved)') : zh ? '从严' : 'stricter']));
  if (tailored.length) {
    out.push('');
    out.push(zh ? '参数调整（overrides）' : 'Parameter overrides');
    out.push(table([zh ? '方案' : 'profile', zh ? '条款 参数' : 'requirement parameter', zh ? '生效' : 'from', zh ? '基准' : 'base', zh ? '调整为' : 'value', zh ? '性质' : 'kind'], tailored));
  }
  if (s.units.length) {
    out.push('');
    out.push(zh ? '方案约束的单位（校园登记）' : 'Units and the plans that bind them (register)');
    out.push(table([zh ? '单位' : 'unit', zh ? '类别' : 'kind', zh ? '主方案' : 'main profile', zh ? '另行适用的方案' : 'plans bound besides'], s.units.map((u) => [`${u.id} ${u.name}`, u.kind === 'office' ? (zh ? '后勤处自有' : 'office') : zh ? '服务企业' : 'contractor', u.profile || '—', u.plans.join(', ') || '—'])));
  }
  if (s.choices.length) {
    out.push('');
    out.push(zh ? '本校自定（方案未规定）' : 'The school’s own choices (no plan states them)');
    for (const c of s.choices) out.push(`  ${c.where}: ${zh ? c.zh : (c.en ?? c.zh)}`);
  }
  if (s.scorecards.length) {
    out.push('');
    out.push(s.scorecards.map((c) => (zh ? `评分表 ${c.id}：${c.categories} 个类别，适用方案 ${c.profile}` : `Scorecard ${c.id}: ${c.categories} categories, profile ${c.profile}`)).join('\n'));
  }
  return out.join('\n');
}
