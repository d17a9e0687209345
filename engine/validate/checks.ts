// Checks beyond the schema: references, strictness of profiles, dated values, units, weights.
// `set` is what the user asked to validate; `context` (optional) is the rest of the tree used
// only to resolve references, so a single file can be checked against the shipped standard.
import { checkInspectionPlan, checkInspectionScope } from './inspections.ts';
import { basename } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { at, type Located, type SourceFile, type Tree } from '../load/tree.ts';
import { durationSeconds, guessDuration, parseDuration } from '../model/duration.ts';
import { durationWords } from '../model/labels.ts';
import { dateFormatProblem } from '../model/date-format.ts';
import { fixedLine } from '../load/fixed-line.ts';
import { committedVersions } from './committed.ts';
import { planId, requirementBound } from '../evaluate/binding.ts';
import type { Activity, DatedValue, MappingFile, Override, Parameter, ParamRef, ProfileFile, RegisterFile, Requirement, SchoolCalendarFile, Scope, StandardFile } from '../model/types.ts';
import { RECORD_FIELDS, REQUIREMENT_TYPES, type ParamUnit } from '../model/vocabulary.ts';
import { SCHEMA_FILES } from '../schemas/definitions.ts';
import { closest } from '../model/spelling.ts';
import { checkNoticeRule } from '../evaluate/ledger-facts.ts';
import { clauseSlug } from '../model/slug.ts';

export interface Index {
  requirements: Map<string, Located<Requirement>>;
  activities: Map<string, Located<Activity>>;
  scopes: Map<string, Located<Scope>>;
  profiles: Map<string, Located<ProfileFile>>;
  standards: Set<string>;
  /** Kinds with a file that failed to load; lookups into them are not trusted to be complete. */
  broken: Set<string>;
}

export function buildIndex(trees: Tree[]): Index {
  // Earlier trees win: the validated set shadows the context.
  const idx: Index = { requirements: new Map(), activities: new Map(), scopes: new Map(), profiles: new Map(), standards: new Set(), broken: new Set() };
  const put = <T>(m: Map<string, T>, k: string, v: T): void => {
    if (!m.has(k)) m.set(k, v);
  };
  for (const t of trees) {
    for (const k of t.broken) idx.broken.add(k);
    for (const r of t.requirements) put(idx.requirements, r.value.id, r);
    for (const a of t.activityFiles) {
      a.value.activities.forEach((x, i) => put(idx.activities, x.code, { value: x, file: a.file, pointer: `/activities/${i}` }));
      a.value.scopes.forEach((x, i) => put(idx.scopes, x.code, { value: x, file: a.file, pointer: `/scopes/${i}` }));
    }
    for (const p of t.profiles) put(idx.profiles, p.value.id, p);
    for (const s of t.standards) idx.standards.add(s.value.id);
  }
  return idx;
}

export function checkTree(set: Tree, context?: Tree): Diagnostic[] {
  const idx = buildIndex(context ? [set, context] : [set]);
  const out: Diagnostic[] = [];
  const push = (code: string, l: Located<unknown>, sub: string, args: Record<string, string | number> = {}, which: 'value' | 'key' = 'value'): void => {
    if ((code === 'CH202' || code === 'CH210') && poolIncomplete(code, String(args.what ?? 'activity'), idx)) return;
    out.push(diag(code, l.file.display, at(l, sub, which), args, l.pointer + sub));
  };

  for (const f of set.files) checkModeline(f, out);
  checkDuplicates(set, push);

  for (const r of set.requirements) checkRequirement(r, idx, push);
  for (const r of set.requirements) if (r.value.type === 'inspection') checkInspectionScope(r, idx, push);
  for (const p of set.inspectionPlans) checkInspectionPlan(p, idx, set.registers[0]?.value ?? context?.registers[0]?.value, push);

  for (const rf of set.requirementFiles) {
    if (idx.standards.size && !idx.standards.has(rf.value.document)) {
      push('CH202', rf, '/document', { id: rf.value.document, what: 'standard', whatZh: '标准', suggest: closest(rf.value.document, [...idx.standards]) });
    }
  }

  for (const a of set.activityFiles) {
    a.value.scopes.forEach((s, i) => {
      if (s.within && !idx.scopes.has(s.within)) push('CH202', a, `/scopes/${i}/within`, dangling(s.within, 'scope', '范围单位', idx.scopes));
    });
    a.value.activities.forEach((x, i) => {
      if (!idx.scopes.has(x.scope)) push('CH202', a, `/activities/${i}/scope`, dangling(x.scope, 'scope', '范围单位', idx.scopes));
    });
  }

  for (const p of set.profiles) checkProfile(p, idx, push);
  checkVersionHistory([...set.standards, ...set.profiles], push);
  for (const r of set.registers) checkRegister(r, idx, push);
  checkPlansBound(set, context, idx, push);
  for (const c of set.calendars) checkCalendar(c, push);
  for (const m of set.mappings) checkMapping(m, push);
  for (const t of set.requirementTests) {
    if (!idx.requirements.has(t.value.requirement)) push('CH202', t, '/requirement', dangling(t.value.requirement, 'requirement', '条款', idx.requirements));
    const pr = t.value.profile;
    if (pr !== undefined && !idx.profiles.has(pr) && !idx.standards.has(pr)) push('CH202', t, '/profile', dangling(pr, 'profile', '方案', idx.profiles));
  }
  for (const d of set.serviceDesks) {
    d.value.processes.forEach((p, i) =>
      p.steps.forEach((s, j) => {
        if (s.requirement !== undefined && !idx.requirements.has(s.requirement)) push('CH202', d, `/processes/${i}/steps/${j}/requirement`, dangling(s.requirement, 'requirement', '条款', idx.requirements));
      }),
    );
  }
  for (const n of set.noticeConfigs) {
    const c = n.value;
    const missing = [/\{year\}/.test(c.number) ? '' : '{year}', /\{seq(:\d+)?\}/.test(c.number) ? '' : '{seq}'].filter(Boolean).join(', ');
    if (missing) push('CH219', n, '/number', { value: c.number, missing });
    if (!idx.requirements.has(c.deadline.basis)) push('CH202', n, '/deadline/basis', dangling(c.deadline.basis, 'requirement', '条款', idx.requirements));
    // A quoted plan must say what is quoted: the words occur in the basis clause's (verbatim) text.
    const quoted = (basis: string, quote: string | undefined, sub: string): void => {
      const text = idx.requirements.get(basis)?.value.text;
      if (quote !== undefined && text !== undefined && !text.includes(quote)) push('CH233', n, sub, { quote, id: basis });
    };
    quoted(c.deadline.basis, c.deadline.quote, '/deadline/quote');
    if (c.recheck_failed) {
      if (!idx.requirements.has(c.recheck_failed.basis)) push('CH202', n, '/recheck_failed/basis', dangling(c.recheck_failed.basis, 'requirement', '条款', idx.requirements));
      quoted(c.recheck_failed.basis, c.recheck_failed.quote, '/recheck_failed/quote');
    }
    c.rules.forEach((r, i) => {
      if (!idx.requirements.has(r.basis)) push('CH202', n, `/rules/${i}/basis`, dangling(r.basis, 'requirement', '条款', idx.requirements));
      quoted(r.basis, r.quote, `/rules/${i}/quote`);
      for (const d of checkNoticeRule(r, n, `/rules/${i}/conditions`)) out.push(d);
    });
  }
  for (const s of set.scorecards) {
    const sc = s.value;
    if (!idx.profiles.has(sc.profile) && !idx.standards.has(sc.profile)) push('CH202', s, '/profile', dangling(sc.profile, 'profile', '方案', idx.profiles));
    const sum = sc.categories.reduce((a, c) => a + c.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) {
      push('CH204', s, '/categories', { sum, what: 'categories', whatZh: '考核类别', parts: sc.categories.map((c) => `${c.id}=${c.weight}`).join(', ') });
    }
    const blend = sc.blend.supervisor + sc.blend.users;
    if (Math.abs(blend - 100) > 1e-9) {
      push('CH204', s, '/blend', { sum: blend, what: 'the blend', whatZh: '督查评分与用户评分', parts: `supervisor=${sc.blend.supervisor}, users=${sc.blend.users}` });
    }
    sc.categories.forEach((c, i) =>
      c.requirements.forEach((id, j) => {
        // A plan's id stands for all of its own requirements.
        if (!idx.requirements.has(id) && !idx.profiles.has(id)) push('CH202', s, `/categories/${i}/requirements/${j}`, dangling(id, 'requirement', '条款', idx.requirements));
      }),
    );
    sc.categories.forEach((c, i) =>
      (c.applies_to?.profiles ?? []).forEach((id, j) => {
        if (!idx.profiles.has(id) && !idx.standards.has(id)) push('CH202', s, `/categories/${i}/applies_to/profiles/${j}`, dangling(id, 'profile', '方案', idx.profiles));
      }),
    );
    (sc.veto ?? []).forEach((id, j) => {
      if (!idx.requirements.has(id)) push('CH202', s, `/veto/${j}`, dangling(id, 'requirement', '条款', idx.requirements));
    });
    sc.grades.forEach((g, i) => {
      const prev = sc.grades[i - 1];
      if (prev && g.min >= prev.min) push('CH216', s, `/grades/${i}/min`, { detail: `${g.code} min ${g.min} is not below ${prev.code} min ${prev.min}`, detailZh: `${g.name.zh} 的下限 ${g.min} 不低于 ${prev.name.zh} 的 ${prev.min}` });
    });
    const last = sc.grades.at(-1);
    if (last && last.min !== 0) push('CH216', s, `/grades/${sc.grades.length - 1}/min`, { detail: `the lowest grade must start at 0, not ${last.min}`, detailZh: `最低等级的下限应为 0，而不是 ${last.min}` });
  }
  return out;
}

function checkRegister(l: Located<RegisterFile>, idx: Index, push: Push): void {
  const reg = l.value;
  const seen = new Map<string, string>();
  const unique = (ns: string, id: string, sub: string): void => {
    const prev = seen.get(`${ns}:${id}`);
    if (prev) push('CH201', l, sub, { id, first: prev });
    else seen.set(`${ns}:${id}`, `${l.file.display}:${at(l, sub).line}`);
  };
  const campuses = new Set(reg.campuses.map((c) => c.id));
  const providers = new Set(reg.providers.map((p) => p.id));
  reg.campuses.forEach((c, i) => {
    unique('campus', c.id, `/campuses/${i}/id`);
    if (c.provider !== undefined && !providers.has(c.provider)) push('CH202', l, `/campuses/${i}/provider`, { id: c.provider, what: 'provider', whatZh: '服务商', suggest: closest(c.provider, [...providers]) });
    (c.duties ?? []).forEach((d, j) => {
      if (!providers.has(d.provider)) push('CH202', l, `/campuses/${i}/duties/${j}/provider`, { id: d.provider, what: 'provider', whatZh: '服务商', suggest: closest(d.provider, [...providers]) });
      d.requirements.forEach((r, k) => {
        if (!idx.requirements.has(r)) push('CH202', l, `/campuses/${i}/duties/${j}/requirements/${k}`, dangling(r, 'requirement', '条款', idx.requirements));
      });
    });
  });
  reg.providers.forEach((p, i) => {
    unique('provider', p.id, `/providers/${i}/id`);
    if (p.service?.to !== undefined && p.service.to < p.service.from) push('CH218', l, `/providers/${i}/service/to`, { start: p.service.from, end: p.service.to });
    if (p.profile && !idx.profiles.has(p.profile) && !idx.standards.has(p.profile)) push('CH202', l, `/providers/${i}/profile`, dangling(p.profile, 'profile', '方案', idx.profiles));
    (p.plans ?? []).forEach((pb, j) => {
      const pl = planId(pb);
      if (!idx.profiles.has(pl)) push('CH202', l, typeof pb === 'string' ? `/providers/${i}/plans/${j}` : `/providers/${i}/plans/${j}/plan`, dangling(pl, 'profile', '方案', idx.profiles));
      if (typeof pb !== 'string') {
        for (const key of ['requirements', 'except'] as const) {
          (pb[key] ?? []).forEach((r, k) => {
            if (!idx.requirements.has(r) || !(r === pl || r.startsWith(pl + ':'))) push('CH202', l, `/providers/${i}/plans/${j}/${key}/${k}`, dangling(r, `requirement of ${pl}`, `${pl} 的条款`, idx.requirements));
          });
        }
      }
    });
  });
  const ref = (set: Set<string>, v: string | undefined, sub: string, what: string, whatZh: string): void => {
    if (v !== undefined && !set.has(v)) push('CH202', l, sub, { id: v, what, whatZh, suggest: closest(v, [...set]) });
  };
  reg.buildings.forEach((b, i) => {
    unique('place', b.id, `/buildings/${i}/id`);
    ref(campuses, b.campus, `/buildings/${i}/campus`, 'campus', '校区');
    ref(providers, b.provider, `/buildings/${i}/provider`, 'provider', '服务商');
    (b.sealed ?? []).forEach((p, j) => checkPeriod(p, l, `/buildings/${i}/sealed/${j}`, push));
  });
  (reg.places ?? []).forEach((p, i) => {
    unique('place', p.id, `/places/${i}/id`);
    ref(campuses, p.campus, `/places/${i}/campus`, 'campus', '校区');
    ref(providers, p.provider, `/places/${i}/provider`, 'provider', '服务商');
    if (!idx.scopes.has(p.scope)) push('CH202', l, `/places/${i}/scope`, dangling(p.scope, 'scope', '范围单位', idx.scopes));
  });
}

function checkPeriod(p: { start: string; end: string }, l: Located<unknown>, sub: string, push: Push): void {
  if (p.end < p.start) push('CH218', l, `${sub}/end`, { start: p.start, end: p.end });
}

function checkCalendar(l: Located<SchoolCalendarFile>, push: Push): void {
  const c = l.value;
  for (const key of ['terms', 'vacations', 'heating_season', 'air_conditioning_season', 'season_peaks'] as const) (c[key] ?? []).forEach((p, i) => checkPeriod(p, l, `/${key}/${i}`, push));
  (c.class_periods ?? []).forEach((p, i) => {
    if (p.end <= p.start) push('CH218', l, `/class_periods/${i}/end`, { start: p.start, end: p.end });
  });
  if (c.working_hours.end <= c.working_hours.start) push('CH218', l, '/working_hours/end', { start: c.working_hours.start, end: c.working_hours.end });
  // Every local time, deadline and working day is computed in this zone: a zone the runtime does not know
  // would stop every data command later, so it is refused here with the nearest real zone.
  if (c.timezone && !knownTimeZone(c.timezone)) push('CH234', l, '/timezone', { value: c.timezone, suggestion: closest(c.timezone, Intl.supportedValuesOf('timeZone')) || 'Asia/Shanghai' });
}

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkMapping(l: Located<MappingFile>, push: Push): void {
  const m = l.value;
  const fields = RECORD_FIELDS[m.record_kind] as readonly string[];
  const seen = new Set<string>();
  m.columns.forEach((c, i) => {
    if (!fields.includes(c.field)) push('CH202', l, `/columns/${i}/field`, { id: c.field, what: `field of ${m.record_kind}`, whatZh: `${m.record_kind} 记录字段`, suggest: closest(c.field, [...fields]) });
    if (seen.has(c.field)) push('CH201', l, `/columns/${i}/field`, { id: c.field, first: m.id });
    seen.add(c.field);
    const sources = [c.header, c.constant, c.title_block].filter((x) => x !== undefined).length;
    if (sources !== 1) push('CH116', l, `/columns/${i}`, { detail: `${c.field}: give one of header, constant or title_block` });
    if (c.format !== undefined) {
      // A format Charter cannot read would otherwise turn every cell into an error, or (read as ISO) into the wrong time.
      const bad = dateFormatProblem(c.format);
      if (bad) {
        const pos = at(l, `/columns/${i}/format`);
        const args: Record<string, string | number> = { value: c.format, cause: bad.cause, unknownZh: bad.unknown.join('、'), unknownEn: bad.unknown.join(', ') };
        if (bad.monthCase) args.monthCase = bad.monthCase;
        if (bad.fixed) Object.assign(args, { suggest: bad.fixed, fixed: fixedLine(l.file.yaml.source, pos.line, pos.col, c.format, bad.fixed) });
        push('CH246', l, `/columns/${i}/format`, args);
      }
    }
  });
}

/** Whether a reference may only look dangling because a file it could live in failed to load. */
function poolIncomplete(code: string, what: string, idx: Index): boolean {
  if (code === 'CH210' || what === 'scope') return idx.broken.has('activities');
  if (what.startsWith('field of')) return false;
  return idx.broken.has('requirements') || idx.broken.has('profile') || idx.broken.has('standard');
}

type Push = (code: string, l: Located<unknown>, sub: string, args?: Record<string, string | number>, which?: 'value' | 'key') => void;

function checkModeline(f: SourceFile, out: Diagnostic[]): void {
  if (!f.kind || !f.data) return;
  const expected = SCHEMA_FILES[f.kind];
  const first = f.yaml.source.split('\n', 1)[0] ?? '';
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)/.exec(first);
  if (!m || basename(m[1]!) !== expected) {
    out.push(diag('CH117', f.display, { line: 1, col: 1 }, { kind: f.kind, expected: `../schemas/${expected}` }));
  }
}

function checkDuplicates(set: Tree, push: Push): void {
  const first = new Map<string, string>();
  const see = (ns: string, id: string, l: Located<unknown>, sub: string): void => {
    const key = `${ns}\u0000${id}`;
    const where = `${l.file.display}:${at(l, sub).line}`;
    const prev = first.get(key);
    if (prev) push('CH201', l, sub, { id, first: prev });
    else first.set(key, where);
  };
  for (const r of set.requirements) see('req', r.value.id, r, '/id');
  checkSlugs(set, push);
  for (const s of set.standards) see('doc', s.value.id, s, '/id');
  for (const p of set.profiles) see('doc', p.value.id, p, '/id');
  for (const a of set.activityFiles) {
    a.value.activities.forEach((x, i) => see('activity', x.code, a, `/activities/${i}/code`));
    a.value.scopes.forEach((x, i) => see('scope', x.code, a, `/scopes/${i}/code`));
  }
  for (const s of set.scorecards) {
    see('scorecard', s.value.id, s, '/id');
    const local = new Map<string, string>();
    s.value.categories.forEach((c, i) => {
      const prev = local.get(c.id);
      if (prev) push('CH201', s, `/categories/${i}/id`, { id: c.id, first: prev });
      else local.set(c.id, `${s.file.display}:${at(s, `/categories/${i}/id`).line}`);
    });
  }
}

function checkRequirement(l: Located<Requirement>, idx: Index, push: Push): void {
  const r = l.value;
  // Exactly one type block, the one named by `type`.
  const blocks = REQUIREMENT_TYPES.filter((t) => (r as unknown as Record<string, unknown>)[t] !== undefined);
  if (blocks.length !== 1 || blocks[0] !== r.type) push('CH213', l, blocks.length ? `/${blocks.find((b) => b !== r.type) ?? blocks[0]}` : '/type', { type: r.type, found: blocks.join(', ') || '—' }, blocks.length ? 'key' : 'value');

  // Parent and section follow the numbering.
  if (r.parent !== null && !idx.requirements.has(r.parent)) {
    push('CH202', l, '/parent', dangling(r.parent, 'parent requirement', '上级条款', idx.requirements));
  }
  if (r.number !== undefined || r.item !== undefined || r.part !== undefined) {
    const expected = expectedPlacement(r);
    if (expected) {
      if (expected.id !== undefined && expected.id !== r.id) push('CH212', l, '/id', { id: r.id, detail: `id should be ${expected.id}`, detailZh: `编号应为 ${expected.id}` });
      if (expected.parent !== r.parent) push('CH212', l, '/parent', { id: r.id, detail: `parent should be ${expected.parent ?? 'null'}`, detailZh: `parent 应为 ${expected.parent ?? 'null'}` });
      if (expected.section !== r.section) push('CH212', l, '/section', { id: r.id, detail: `section should be ${expected.section}`, detailZh: `section 应为 ${expected.section}` });
    }
  } else if (r.parent !== null) {
    const parent = idx.requirements.get(r.parent);
    if (parent && parent.value.section !== r.section) push('CH212', l, '/section', { id: r.id, detail: `section should be ${parent.value.section}, as its parent's`, detailZh: `section 应与上级相同，为 ${parent.value.section}` });
  }
  if (r.status === 'superseded' && !(r.links ?? []).some((x) => x.rel === 'replaced-by' || x.rel === 'moved-to')) push('CH217', l, '/status', { id: r.id });
  for (const [i, link] of (r.links ?? []).entries()) {
    if (!idx.requirements.has(link.target)) push('CH202', l, `/links/${i}/target`, dangling(link.target, 'requirement', '条款', idx.requirements));
  }

  // Parameters: unique names, dated values in order, values fit their units.
  const params = new Map<string, number>();
  (r.parameters ?? []).forEach((p, i) => {
    if (params.has(p.name)) push('CH201', l, `/parameters/${i}/name`, { id: p.name, first: `${l.file.display}:${at(l, `/parameters/${params.get(p.name)}/name`).line}` });
    else params.set(p.name, i);
    checkDatedValues(p.values, p.unit, l, `/parameters/${i}/values`, push, valueContext(r, p));
  });
  const used = new Set<string>();
  const useParam = (ref: ParamRef | undefined, sub: string): void => {
    if (!ref) return;
    used.add(ref.param);
    if (!params.has(ref.param)) push('CH211', l, `${sub}/param`, { name: ref.param, defined: [...params.keys()].join(', ') });
  };

  if (r.timeliness) {
    const t = r.timeliness;
    const fields = RECORD_FIELDS[t.subject] as readonly string[];
    const seen = new Set<string>();
    t.limits.forEach((lim, i) => {
      if (seen.has(lim.id)) push('CH201', l, `/timeliness/limits/${i}/id`, { id: lim.id, first: r.id });
      seen.add(lim.id);
      for (const k of ['start', 'stop'] as const) {
        if (!fields.includes(lim[k])) push('CH202', l, `/timeliness/limits/${i}/${k}`, { id: lim[k], what: `field of ${t.subject}`, whatZh: `${t.subject} 记录字段`, suggest: closest(lim[k], [...fields]) });
      }
      (lim.stop_not_before ?? []).forEach((f, j) => {
        if (!fields.includes(f)) push('CH202', l, `/timeliness/limits/${i}/stop_not_before/${j}`, { id: f, what: `field of ${t.subject}`, whatZh: `${t.subject} 记录字段`, suggest: closest(f, [...fields]) });
      });
      useParam(lim.limit, `/timeliness/limits/${i}/limit`);
      const p = r.parameters?.find((x) => x.name === lim.limit.param);
      if (p && !['duration', 'working-days', 'days'].includes(p.unit)) {
        push('CH208', l, `/parameters/${params.get(p.name)}/unit`, { value: p.name, unit: p.unit, detail: 'a time limit needs unit duration, working-days or days', detailZh: '时限参数的单位应为 duration、working-days 或 days', example: 'PT1H' });
      }
      if (lim.clock) {
        useParam(lim.clock.within, `/timeliness/limits/${i}/clock/within`);
        const h = r.parameters?.find((x) => x.name === lim.clock!.within.param);
        if (h && h.unit !== 'time-range') {
          push('CH208', l, `/parameters/${params.get(h.name)}/unit`, { value: h.name, unit: h.unit, detail: 'service hours for the clock need unit time-range', detailZh: '计时的服务时间参数单位应为 time-range', example: '08:30-17:30' });
        }
      }
    });
    useParam(t.target, '/timeliness/target');
  }
  if (r.frequency) {
    const seen = new Set<string>();
    r.frequency.counts.forEach((fq, i) => {
      const sub = `/frequency/counts/${i}`;
      if (seen.has(fq.id)) push('CH201', l, `${sub}/id`, { id: fq.id, first: r.id });
      seen.add(fq.id);
      useParam(fq.count, `${sub}/count`);
      const act = idx.activities.get(fq.activity);
      if (!act) push('CH210', l, `${sub}/activity`, { id: fq.activity, suggest: closest(fq.activity, [...idx.activities.keys()]) });
      const scope = idx.scopes.get(fq.scope);
      if (!scope) push('CH202', l, `${sub}/scope`, dangling(fq.scope, 'scope', '范围单位', idx.scopes));
      if (act && scope) checkFrequencyFit(fq.period, scope.value, act.value, idx, l, `${sub}/period`, push);
    });
  }
  if (r.inspection?.watch) useParam(r.inspection.watch.staff, '/inspection/watch/staff');
  if (r.rate) {
    const rt = r.rate;
    useParam(rt.threshold, '/rate/threshold');
    (rt.also ?? []).forEach((a, i) => useParam(a, `/rate/also/${i}`));
    useParam(rt.min_points, '/rate/min_points');
    const fields = RECORD_FIELDS[rt.subject] as readonly string[];
    for (const k of ['numerator', 'denominator'] as const) {
      const v = rt[k];
      if (v !== undefined && !fields.includes(v)) push('CH202', l, `/rate/${k}`, { id: v, what: `field of ${rt.subject}`, whatZh: `${rt.subject} 记录字段`, suggest: closest(v, [...fields]) });
    }
    if (rt.denominator_count && (rt.denominator !== undefined || !rt.numerator)) push('CH116', l, '/rate/denominator_count', { detail: 'denominator_count counts records for the denominator: give numerator, not denominator' });
    if (rt.share && !fields.includes(rt.share.field)) push('CH202', l, '/rate/share/field', { id: rt.share.field, what: `field of ${rt.subject}`, whatZh: `${rt.subject} 记录字段`, suggest: closest(rt.share.field, [...fields]) });
    if (rt.cases_of !== undefined && !idx.requirements.has(rt.cases_of)) push('CH202', l, '/rate/cases_of', dangling(rt.cases_of, 'requirement', '条款', idx.requirements));
    if (rt.select?.activity && !idx.activities.has(rt.select.activity)) push('CH210', l, '/rate/select/activity', { id: rt.select.activity, suggest: closest(rt.select.activity, [...idx.activities.keys()]) });
    const th = r.parameters?.find((x) => x.name === rt.threshold.param);
    if (th && !['percent', 'permille'].includes(th.unit)) {
      push('CH208', l, `/parameters/${params.get(th.name)}/unit`, { value: th.name, unit: th.unit, detail: 'a rate threshold needs unit percent or permille', detailZh: '比率阈值的单位应为 percent 或 permille', example: '95' });
    }
  }
  if (r.record) useParam(r.record.retention, '/record/retention');
  r.disclosure?.items.forEach((it, i) => useParam(it.value, `/disclosure/items/${i}/value`));
  if (r.inspection?.scope && !idx.scopes.has(r.inspection.scope)) push('CH202', l, '/inspection/scope', dangling(r.inspection.scope, 'scope', '范围单位', idx.scopes));

  for (const [name, i] of params) if (!used.has(name)) push('CH214', l, `/parameters/${i}/name`, { name });
}

/** Where a numbered clause or sub-item must sit, from its number alone. */
function expectedPlacement(r: Requirement): { id?: string; parent: string | null; section: string } | undefined {
  const sub = r.item ?? r.part;
  if (sub !== undefined) {
    if (r.parent === null) return undefined;
    const local = r.parent.includes(':') ? r.parent.slice(r.parent.indexOf(':') + 1) : r.parent;
    return { id: `${r.parent}-${sub}`, parent: r.parent, section: r.id.includes(':') ? r.section : local.split('.')[0]!.split('-')[0]! };
  }
  const num = r.number!;
  if (!/^\d+(\.\d+)*$/.test(num)) return undefined;
  const parts = num.split('.');
  const localId = r.id.includes(':') ? r.id.slice(0, r.id.indexOf(':') + 1) + num : num;
  const parentNum = parts.length > 1 ? parts.slice(0, -1).join('.') : null;
  const prefix = r.id.includes(':') ? r.id.slice(0, r.id.indexOf(':') + 1) : '';
  return { id: localId, parent: parentNum === null ? null : prefix + parentNum, section: parts[0]! };
}

function checkFrequencyFit(period: string, scope: Scope, act: Activity, idx: Index, l: Located<Requirement>, sub: string, push: Push): void {
  const fail = (detail: string, detailZh: string, hintEn: string, hintZh: string): void =>
    push('CH209', l, sub, { period, scope: scope.code, detail, detailZh, hintEn, hintZh });
  if (period === 'night' && !scope.residential) {
    return fail('night periods need a residential scope', '“每夜”只适用于有住宿的范围（如学生公寓楼）', 'Use scope dormitory-building, or period day.', '把范围改为 dormitory-building，或把周期改为 day。');
  }
  if (period === 'opening-hour' && !scope.opening_hours) {
    return fail('opening-hour periods need a scope with opening hours', '“开放时间每小时”只适用于有开放时间的范围（如图书馆）', 'Use a scope with opening_hours: true (library, venue), or period hour.', '使用带 opening_hours: true 的范围（图书馆、场馆），或把周期改为 hour。');
  }
  // The activity is recorded at its own scope unit; it can be counted over that unit or a coarser one.
  const chain: string[] = [];
  let cur: Scope | undefined = idx.scopes.get(act.scope)?.value;
  while (cur && !chain.includes(cur.code)) {
    chain.push(cur.code);
    cur = cur.within ? idx.scopes.get(cur.within)?.value : undefined;
  }
  if (!chain.includes(scope.code)) {
    fail(
      `activity ${act.code} is recorded per ${act.scope}, which does not lie within ${scope.code}`,
      `活动 ${act.code} 按“${act.scope}”记录，无法按“${scope.code}”计数`,
      `Use scope ${act.scope} or one that contains it (${chain.slice(1).join(', ') || '—'}).`,
      `范围应为 ${act.scope} 或包含它的单位（${chain.slice(1).join('、') || '无'}）。`,
    );
  }
}

/** What a value check needs to know beyond the unit: which way is stricter, the clause's words, how the limit is used. */
interface ValueContext {
  stricter: Parameter['stricter'];
  /** The requirement's text, where a percentage is written as people print it (95%). */
  text: string;
  /** Used only as an advance (before: true) limit, where zero means "no later than the start". */
  zeroOk: boolean;
}

function valueContext(r: Requirement, p: Parameter): ValueContext {
  const uses = (r.timeliness?.limits ?? []).filter((x) => x.limit.param === p.name);
  return { stricter: p.stricter, text: r.text ?? '', zeroOk: uses.length > 0 && uses.every((x) => x.before) };
}

/** Checks dated values; returns the indices of values refused for their unit (not compared for strictness then). */
function checkDatedValues(values: DatedValue[], unit: ParamUnit, l: Located<unknown>, sub: string, push: Push, ctx?: ValueContext): Set<number> {
  const dates = new Set<string>();
  const refused = new Set<number>();
  const counting: Push = (...a) => {
    refused.add(current);
    push(...a);
  };
  let current = -1;
  values.forEach((v, i) => {
    if (dates.has(v.from)) push('CH206', l, `${sub}/${i}/from`, { date: v.from });
    dates.add(v.from);
    const prev = values[i - 1];
    if (prev && v.from < prev.from) push('CH205', l, `${sub}/${i}/from`, { date: v.from, previous: prev.from });
    current = i;
    checkUnitValue(v.value, unit, l, `${sub}/${i}/value`, counting, ctx && { ...ctx, source: v.source ?? '' });
  });
  return refused;
}

const UNIT_EXAMPLES: Record<ParamUnit, string> = {
  duration: 'PT1H',
  'working-days': '5',
  days: '30',
  count: '2',
  percent: '95',
  permille: '5',
  celsius: '18',
  'time-range': '"08:30-17:30"',
  text: '"每学期"',
};

function checkUnitValue(value: string | number, unit: ParamUnit, l: Located<unknown>, sub: string, push: Push, ctx?: ValueContext & { source: string }): void {
  const bad = (detail: string, detailZh: string): void => push('CH208', l, sub, { value: String(value), unit, detail, detailZh, example: UNIT_EXAMPLES[unit] });
  // The file's own line with the value replaced: what the hint tells the policy owner to type.
  const lineWith = (to: string): string => {
    const pos = at(l, sub);
    return fixedLine(l.file.yaml.source, pos.line, pos.col, String(value), to);
  };
  switch (unit) {
    case 'duration': {
      if (typeof value !== 'string') return bad('a duration is text such as PT1H', '时长应写成 PT1H 这样的文字');
      const d = parseDuration(value);
      if (!d) {
        const guess = guessDuration(value);
        if (guess?.iso && !durationSeconds(parseDuration(guess.iso)!)) return push('CH243', l, sub, { value });
        const args: Record<string, string | number> = { value };
        if (guess?.iso) Object.assign(args, { suggest: guess.iso, wordsZh: durationWords(guess.iso, 'zh'), wordsEn: durationWords(guess.iso, 'en'), fixed: lineWith(guess.iso) });
        if (guess?.workingDays !== undefined) args.workingDays = guess.workingDays;
        return push('CH207', l, sub, args);
      }
      // A zero limit is met by no case (every one is late at once); an advance of zero means "not after the start".
      if (durationSeconds(d) === 0 && !ctx?.zeroOk) push('CH243', l, sub, { value });
      return;
    }
    case 'working-days':
    case 'days':
    case 'count':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad('a whole number ≥ 0 is needed', '应为不小于 0 的整数');
      return;
    case 'percent':
      if (typeof value !== 'number' || value < 0 || value > 100) return bad('a percentage between 0 and 100 is needed', '百分比应在 0 到 100 之间');
      if (value > 0 && value < 1 && fractionMeant(value, ctx)) {
        const pct = Math.round(value * 100 * 1e6) / 1e6;
        push('CH244', l, sub, { value, percent: pct, fixed: lineWith(String(pct)) });
      }
      return;
    case 'permille':
      if (typeof value !== 'number' || value < 0 || value > 1000) bad('a permille between 0 and 1000 is needed', '千分比应在 0 到 1000 之间');
      return;
    case 'celsius':
      if (typeof value !== 'number') bad('a temperature is a number', '温度应为数字');
      return;
    case 'time-range':
      if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/.test(value)) bad('a time range is HH:MM-HH:MM', '时间段应写成 HH:MM-HH:MM');
      return;
    case 'text':
      if (typeof value !== 'string') bad('text is needed', '应为文字');
      return;
  }
}

/**
 * Whether a percent value below 1 is a fraction (0.95 for 95 %). A rate that must be at least 0.95 % is no
 * requirement anyone writes, so for higher-is-stricter (and unordered) values it always is; a ceiling below
 * 1 % (an error rate of at most 0.5 %) is plausible, so there it is a fraction only when the clause or the
 * value's source prints the percentage itself (≤5% written as 0.05).
 */
function fractionMeant(value: number, ctx: (ValueContext & { source: string }) | undefined): boolean {
  if (!ctx || ctx.stricter !== 'lower') return true;
  const pct = String(Math.round(value * 100 * 1e6) / 1e6);
  return new RegExp(`(^|[^\\d.])${pct.replace('.', '\\.')}\\s*[%％]`).test(`${ctx.text} ${ctx.source}`);
}

/** Comparable magnitude of a value; undefined when the unit has no order. */
export function magnitude(value: string | number, unit: ParamUnit): number | undefined {
  if (unit === 'duration') {
    const d = typeof value === 'string' ? parseDuration(value) : undefined;
    return d ? durationSeconds(d) : undefined;
  }
  if (unit === 'time-range' || unit === 'text') return undefined;
  return typeof value === 'number' ? value : undefined;
}

/** The value in force on a date: the last whose `from` is on or before it (or the first, if none yet). */
export function valueAt(values: DatedValue[], date: string): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const v of values) if (v.from <= date) found = v;
  return found ?? values[0];
}

/** Parameter values as tailored by a profile chain (root first). */
export function effectiveValues(reqId: string, param: Parameter, chain: ProfileFile[]): DatedValue[] {
  let values = param.values;
  for (const p of chain) {
    const o = (p.overrides ?? []).find((x) => x.requirement === reqId && x.parameter === param.name);
    if (o) values = mergeDated(values, o.values);
  }
  return values;
}

function mergeDated(base: DatedValue[], over: DatedValue[]): DatedValue[] {
  const first = over[0]!.from;
  return [...base.filter((v) => v.from < first), ...over];
}

/** Profiles from the root (nearest the standard) down to `id`. */
export function profileChain(id: string, idx: Index): ProfileFile[] {
  const chain: ProfileFile[] = [];
  let cur = idx.profiles.get(id)?.value;
  while (cur && !chain.includes(cur)) {
    chain.unshift(cur);
    cur = idx.profiles.get(cur.base)?.value;
  }
  return chain;
}

function checkProfile(l: Located<ProfileFile>, idx: Index, push: Push): void {
  const p = l.value;
  if (!idx.standards.has(p.base) && !idx.profiles.has(p.base)) {
    push('CH202', l, '/base', { id: p.base, what: 'standard or profile', whatZh: '标准或方案', suggest: closest(p.base, [...idx.standards, ...idx.profiles.keys()]) });
  }
  for (const k of ['include', 'exclude'] as const) {
    (p.select[k] ?? []).forEach((id, i) => {
      if (!idx.requirements.has(id)) push('CH202', l, `/select/${k}/${i}`, dangling(id, 'requirement', '条款', idx.requirements));
    });
  }
  (p.requirements ?? []).forEach((r, i) => {
    if (!r.id.startsWith(`${p.id}:`)) push('CH115', l, `/requirements/${i}/id`, { value: r.id, format: `an id starting with "${p.id}:"`, formatZh: `以“${p.id}:”开头的编号`, example: `${p.id}:daily-self-check` });
  });
  const parentChain = profileChain(p.base, idx);
  (p.overrides ?? []).forEach((o, i) => checkOverride(o, i, parentChain, idx, l, push));
  (p.obligations ?? []).forEach((o, i) => {
    const req = idx.requirements.get(o.requirement);
    if (!req) return push('CH202', l, `/obligations/${i}/requirement`, dangling(o.requirement, 'requirement', '条款', idx.requirements));
    const base = effectiveObligation(req.value, parentChain);
    // Informative text (none) states no duty; there is no level to raise or lower.
    if (base === 'none') return push('CH231', l, `/obligations/${i}/obligation`, { requirement: o.requirement });
    const rank = { shall: 2, should: 1, may: 0 } as const;
    if (rank[o.obligation] < rank[base] && !o.deviation) push('CH230', l, `/obligations/${i}/obligation`, { requirement: o.requirement, base, value: o.obligation, baseZh: base === 'shall' ? '应' : '宜', valueZh: o.obligation === 'should' ? '宜' : '应' });
  });
}

/** A requirement's obligation after the profiles of a chain (base first) have set theirs. */
export function effectiveObligation(r: Requirement, chain: ProfileFile[]): Requirement['obligation'] {
  let level = r.obligation;
  for (const pf of chain) for (const o of pf.obligations ?? []) if (o.requirement === r.id) level = o.obligation;
  return level;
}

function checkOverride(o: Override, i: number, parentChain: ProfileFile[], idx: Index, l: Located<ProfileFile>, push: Push): void {
  const sub = `/overrides/${i}`;
  const req = idx.requirements.get(o.requirement);
  if (!req) return push('CH202', l, `${sub}/requirement`, dangling(o.requirement, 'requirement', '条款', idx.requirements));
  const param = req.value.parameters?.find((x) => x.name === o.parameter);
  if (!param) {
    return push('CH211', l, `${sub}/parameter`, { name: o.parameter, defined: (req.value.parameters ?? []).map((x) => x.name).join(', ') });
  }
  const refused = checkDatedValues(o.values, param.unit, l, `${sub}/values`, push, valueContext(req.value, param));
  const base = effectiveValues(o.requirement, param, parentChain);
  let loosened = false;
  // Compare at every date where either side changes: a later edition of the base can tighten a value
  // the profile fixed earlier, and the profile then loosens it from that date on.
  const first = o.values[0]!.from;
  const dates = [...new Set([...o.values.map((v) => v.from), ...base.map((b) => b.from).filter((d) => d > first)])].sort();
  const reported = new Set<number>();
  for (const date of dates) {
    const v = valueAt(o.values, date)!;
    const j = o.values.indexOf(v);
    // A value already refused for its unit (0.97 for 97 %) is one mistake, not also a loosening.
    if (refused.has(j)) continue;
    const b = valueAt(base, date);
    if (!b || param.stricter === 'none') continue;
    const mv = magnitude(v.value, param.unit);
    const mb = magnitude(b.value, param.unit);
    if (mv === undefined || mb === undefined) continue;
    const looser = param.stricter === 'lower' ? mv > mb : mv < mb;
    if (!looser) continue;
    loosened = true;
    if (!o.deviation && !reported.has(j)) {
      reported.add(j);
      push('CH203', l, `${sub}/values/${j}/value`, {
        requirement: o.requirement,
        parameter: o.parameter,
        base: b.from === v.from || b.from < v.from ? String(b.value) : `${b.value}（${b.from} 起 / from ${b.from}）`,
        value: String(v.value),
        stricter: param.stricter,
        stricterZh: param.stricter === 'lower' ? '越小' : '越大',
        ...deviationSnippets(o, l, sub, v.from),
      });
    }
  }
  if (o.deviation && !loosened) push('CH215', l, `${sub}/deviation`, { parameter: o.parameter }, 'key');
}

/**
 * Where a deviation goes, as YAML with the file's own keys and indentation: the override item, its values
 * elided, and deviation: beside values: (a policy owner otherwise puts it at the top level or under values).
 */
function deviationSnippets(o: Override, l: Located<ProfileFile>, sub: string, from: string): { snippetZh: string; snippetEn: string } {
  const col = at(l, `${sub}/requirement`, 'key').col;
  const pad = ' '.repeat(Math.max(2, col - 1));
  const item = pad.slice(2) + '- ';
  // The id as the file writes it (quoted or not), read from its own line.
  const rp = at(l, `${sub}/requirement`);
  const raw = (l.file.yaml.source.split(/\r?\n/)[rp.line - 1] ?? '').slice(rp.col - 1);
  const written = /^("[^"]*"|'[^']*'|[^,}\s#]+)/.exec(raw)?.[1];
  const req = written && written.replace(/^["']|["']$/g, '') === o.requirement ? written : `"${o.requirement}"`;
  const make = (reason: string, who: string): string =>
    [`${item}requirement: ${req}`, `${pad}parameter: ${o.parameter}`, `${pad}values: …`, `${pad}deviation:`, `${pad}  reason: ${reason}`, `${pad}  approved_on: ${from}`, `${pad}  approved_by: ${who}`]
      .map((x) => `    ${x}`)
      .join('\n');
  return { snippetZh: make('放宽的理由（如合同条款）', '批准人或批准单位'), snippetEn: make('why it is loosened (the contract clause, say)', 'who approved it') };
}

/** 1.10.0 after 1.9.2: versions compare part by part as numbers. */
function newer(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/**
 * A `version` raised without its `history` entry (issue 13 §2): the version is newer than the committed one
 * (the edition in force), or, where git does not know the file, newer than the latest history entry. Git is
 * asked only about files whose version has no history entry, so a tree in order costs nothing.
 */
function checkVersionHistory(files: Located<StandardFile | ProfileFile>[], push: Push): void {
  const lacking = files.filter((l) => !(l.value.history ?? []).some((h) => h.version === l.value.version));
  if (!lacking.length) return;
  const committed = committedVersions(lacking.map((l) => l.file.path));
  // Today on the editor's own clock: the day the entry is written.
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  for (const l of lacking) {
    const v = l.value.version;
    const history = l.value.history ?? [];
    const latest = history.map((h) => h.version).reduce<string | undefined>((a, b) => (a === undefined || newer(b, a) ? b : a), undefined);
    const before = committed.get(l.file.path);
    const from = before !== undefined && before !== v ? before : latest !== undefined && newer(v, latest) ? latest : undefined;
    if (from === undefined) continue;
    // The entry as it would sit in the file: under history:'s own indentation, or a new history: list.
    const col = history.length ? at(l, '/history/0/version', 'key').col : 5;
    const pad = ' '.repeat(Math.max(2, col - 1));
    const item = pad.slice(2) + '- ';
    const entry = (changes: string): string =>
      [...(history.length ? [] : ['history:']), `${item}version: ${v}`, `${pad}date: ${today}`, `${pad}changes: ${changes}`].map((x) => `    ${x}`).join('\n');
    push('CH245', l, '/version', {
      version: v,
      from,
      whereZh: before !== undefined && before !== v ? '已提交的版本' : '历史记录中最新的版本',
      where: before !== undefined && before !== v ? 'the committed version' : 'the latest history entry',
      entryZh: entry('（写明本版改了什么：哪些条款、参数，为什么）'),
      entryEn: entry('(what this version changes: which clauses or parameters, and why)'),
      hasHistory: history.length ? 1 : 0,
    });
  }
}

function dangling<T>(id: string, what: string, whatZh: string, pool: Map<string, T>): Record<string, string> {
  return { id, what, whatZh, suggest: closest(id, [...pool.keys()]) };
}

// The distance lives in model/spelling.ts (schema errors use it too); re-exported for the callers here.
export { closest } from '../model/spelling.ts';

/**
 * A plan's checkable requirement that no unit of the register is bound by is never evaluated: warn at it.
 * Bound means the plan is in a unit's main-profile chain or in its `plans:` (engine/evaluate/binding.ts).
 */
function checkPlansBound(set: Tree, context: Tree | undefined, idx: Index, push: Push): void {
  const reg = set.registers[0]?.value ?? context?.registers[0]?.value;
  if (!reg) return; // without a register nothing can be said about binding
  const standard = [...idx.standards][0];
  for (const l of set.profiles) {
    const p = l.value;
    (p.requirements ?? []).forEach((r, i) => {
      if (r.type === 'informative' || r.obligation === 'none' || r.status === 'withdrawn' || r.status === 'superseded') return;
      if (requirementBound(p.id, r.id, reg, idx, standard)) return;
      push('CH232', l, `/requirements/${i}/id`, { id: r.id, profile: p.id });
    });
  }
}

/** Two clause ids with one web address (`a:b` and `a--b` both → standard/a--b/): the site would hold one
 * page for both and the notices' QR codes would point at the wrong clause (CH436, issue 14 §4). */
function checkSlugs(set: Tree, push: Push): void {
  const first = new Map<string, { id: string; where: string }>();
  for (const r of set.requirements) {
    const slug = clauseSlug(r.value.id);
    const prev = first.get(slug);
    if (!prev) first.set(slug, { id: r.value.id, where: `${r.file.display}:${at(r, '/id').line}` });
    else if (prev.id !== r.value.id) push('CH436', r, '/id', { id: r.value.id, other: prev.id, first: prev.where, slug });
  }
}
