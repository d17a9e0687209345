// What changed, and when (issue 14 §5): each clause's dated values with the documents that set them (the
// standard, then each plan or contract that tailors them), the value in force for each provider, and the
// 变更记录 list the page and the Atom feed share — all in readers' words, never ids or ISO values.
//
// The value a provider is held to is the engine's own: unitRequirements (engine/evaluate/binding.ts) →
// resolveProfile → effectiveValues (engine/validate/checks.ts). Down the provider's chain (standard → plan →
// contract), each profile's override replaces the values above it from the override's first date on; the
// values above it still hold before that date. So the document nearest the provider prevails from the day
// its value applies, and CH203 refuses a looser one without a recorded, approved deviation.
import { unitRequirements } from '../evaluate/binding.ts';
import type { Tree } from '../load/tree.ts';
import { localDate, monthWords, paramLabelWords, VALUE_CHANGE, type Lang } from '../model/labels.ts';
import type { ResolvedRequirement } from '../model/resolve.ts';
import type { DatedValue, Parameter, ProfileFile, RegisterFile, Requirement, StandardFile, Text } from '../model/types.ts';
import { effectiveValues, magnitude, profileChain, valueAt, type Index } from '../validate/checks.ts';
import { namesOf } from '../validate/names.ts';
import { toSimplified } from './chinese.ts';
import { parameterLabel, parameterValueWords } from './clauses.ts';
import type { SiteChange, SiteClauseParameter, SiteValueSource } from './types.ts';

type Doc = SiteValueSource['document'];

export interface ChangesContext {
  tree: Tree;
  idx: Index;
  reg: RegisterFile;
  std: StandardFile | undefined;
  /** The site's data day (the last evaluation's as-of day): what "in force now" means. */
  asOfDay: string;
}

// Plans quoted in Traditional characters (their parameter labels and sources) are read in Simplified here.
const both = (f: (lang: Lang) => string): Text => ({ zh: toSimplified(f('zh')), en: f('en') });
const pick = (t: Text, lang: Lang): string => (lang === 'en' ? (t.en ?? t.zh) : t.zh);
const quote = (t: Text, lang: Lang): string => (lang === 'zh' ? `《${t.zh}》` : `“${t.en ?? t.zh}”`);

/** The value in force on a day: the last whose date has come; none before the first (unlike valueAt). */
function inForce<T extends { from: string }>(values: T[], day: string): T | undefined {
  let best: T | undefined;
  for (const v of values) if (v.from <= day && (!best || v.from >= best.from)) best = v;
  return best;
}

/** The parameter's label: the YAML's, else what the clause uses it for. */
export function paramLabel(r: Requirement, p: Parameter): Text {
  if (p.label) return { ...p.label, zh: toSimplified(p.label.zh) };
  // The words helper's naming (engine/site/clauses.ts) first; where it has nothing but the name, what reads it.
  const named = parameterLabel(r, p);
  if (named.zh !== p.name) return named;
  const frequency = (r.frequency?.counts ?? []).filter((c) => c.count.param === p.name).map((c) => ({ label: c.label, period: c.period }));
  const limit = r.timeliness?.limits.find((l) => l.limit.param === p.name)?.label;
  const measure = r.rate?.threshold.param === p.name ? r.rate.measure : r.timeliness?.target?.param === p.name ? { zh: '按时完成率目标', en: 'Share on time (target)' } : undefined;
  const uses = { frequency, ...(limit ? { limit } : {}), ...(measure ? { measure } : {}) };
  return both((lang) => paramLabelWords(p.name, uses, lang));
}

/** Which way a value moved: for a "lower is stricter" limit a smaller value tightens it. */
function direction(p: Parameter, before: DatedValue | undefined, after: DatedValue): 'tightened' | 'loosened' | 'changed' | undefined {
  if (!before) return undefined;
  if (String(before.value) === String(after.value)) return undefined;
  const a = magnitude(before.value, p.unit);
  const b = magnitude(after.value, p.unit);
  if (a === undefined || b === undefined || p.stricter === 'none') return 'changed';
  return (p.stricter === 'lower' ? b < a : b > a) ? 'tightened' : 'loosened';
}

/** Everything about the tree the clause pages and the change list need, computed once. */
export class ChangesModel {
  readonly ctx: ChangesContext;
  private readonly names: ReturnType<typeof namesOf>;
  private readonly docs = new Map<string, Doc>();
  /** Each dated value object → the document that wrote it (resolved values keep the YAML's objects). */
  private readonly writer = new Map<DatedValue, Doc>();
  /** requirement id → provider → resolved requirement, for the providers the requirement binds. */
  private readonly bound = new Map<string, { provider: { id: string; name: string }; rr: ResolvedRequirement }[]>();

  constructor(ctx: ChangesContext) {
    this.ctx = ctx;
    const { tree, idx, reg, std } = ctx;
    this.names = namesOf(tree, idx);
    const stdDoc: Doc = { id: std?.id ?? '', title: std?.title ?? { zh: '' }, kind: 'standard', contract: false };
    this.docs.set(stdDoc.id, stdDoc);
    for (const p of tree.profiles) this.docs.set(p.value.id, { id: p.value.id, title: p.value.title, kind: 'profile', contract: p.value.profile_type === 'contract' });
    for (const { value: r } of tree.requirements) {
      const doc = this.docOf(r);
      for (const p of r.parameters ?? []) for (const v of p.values) this.writer.set(v, doc);
    }
    for (const p of tree.profiles) for (const o of p.value.overrides ?? []) for (const v of o.values) this.writer.set(v, this.docs.get(p.value.id)!);
    const cache = new Map<string, ResolvedRequirement[]>();
    for (const unit of reg.providers) {
      for (const b of unitRequirements(unit, undefined, std?.id, idx, cache)) {
        const list = this.bound.get(b.rr.requirement.id) ?? [];
        list.push({ provider: { id: unit.id, name: unit.name }, rr: b.rr });
        this.bound.set(b.rr.requirement.id, list);
      }
    }
  }

  /** The document a requirement belongs to: a plan's own requirement is the plan's, the rest the standard's. */
  docOf(r: Requirement): Doc {
    const loc = this.ctx.idx.requirements.get(r.id);
    const prof = this.ctx.tree.profiles.find((p) => p.file === loc?.file)?.value;
    return (prof && this.docs.get(prof.id)) ?? this.docs.get(this.ctx.std?.id ?? '')!;
  }

  /** The official reference (第4.3条第1项 / Clause 4.3 item 1): lines begin with it. */
  ref(id: string, lang: Lang): string {
    const r = this.names.requirement(id, lang);
    return lang === 'en' ? r.charAt(0).toUpperCase() + r.slice(1) : r;
  }

  /** Profiles that override (requirement, parameter), root of the chain first. */
  private overriders(r: Requirement, p: Parameter): ProfileFile[] {
    const depth = (pf: ProfileFile): number => profileChain(pf.id, this.ctx.idx).length;
    return this.ctx.tree.profiles
      .map((l) => l.value)
      .filter((pf) => (pf.overrides ?? []).some((o) => o.requirement === r.id && o.parameter === p.name))
      .sort((a, b) => depth(a) - depth(b) || a.id.localeCompare(b.id));
  }

  /** The clause's document's values, then each tailoring profile's, each value with what it replaced. */
  sources(r: Requirement, p: Parameter): SiteValueSource[] {
    const text = (v: DatedValue): Text => parameterValueWords(String(v.value), p.unit);
    const own: SiteValueSource = {
      document: this.docOf(r),
      values: p.values.map((v, i) => {
        const change = direction(p, p.values[i - 1], v);
        return { from: v.from, value: String(v.value), text: text(v), source: toSimplified(v.source), ...(change ? { change, before: text(p.values[i - 1]!) } : {}) };
      }),
    };
    const out = [own];
    for (const pf of this.overriders(r, p)) {
      const o = pf.overrides!.find((x) => x.requirement === r.id && x.parameter === p.name)!;
      const base = effectiveValues(r.id, p, profileChain(pf.base, this.ctx.idx));
      out.push({
        document: this.docs.get(pf.id)!,
        values: o.values.map((v, i) => {
          const before = i > 0 ? o.values[i - 1] : valueAt(base, v.from);
          const change = direction(p, before, v);
          return { from: v.from, value: String(v.value), text: text(v), source: toSimplified(v.source), ...(change && before ? { change, before: text(before) } : {}) };
        }),
      });
    }
    return out;
  }

  /** One parameter of a clause as the clause page shows it. */
  parameter(r: Requirement, p: Parameter): SiteClauseParameter {
    const text = (v: DatedValue): Text => parameterValueWords(String(v.value), p.unit);
    const sources = this.sources(r, p);
    const day = this.ctx.asOfDay;
    const providers = (this.bound.get(r.id) ?? []).map(({ provider, rr }) => {
      const values = rr.parameters.find((q) => q.name === p.name)?.values ?? p.values;
      const by = (v: DatedValue): Text => (this.writer.get(v) ?? this.docOf(r)).title;
      const now = inForce(values, day);
      return {
        provider,
        now: now ? { from: now.from, text: text(now), by: by(now) } : null,
        later: values.filter((v) => v.from > day).map((v) => ({ from: v.from, text: text(v), by: by(v) })),
      };
    });
    const out: SiteClauseParameter = {
      name: p.name,
      label: paramLabel(r, p),
      unit: p.unit,
      values: p.values.map((v) => ({ from: v.from, value: String(v.value), text: text(v) })),
      sources,
      providers,
    };
    if (sources.length > 1) out.prevails = this.prevails(r, p, sources, providers);
    return out;
  }

  /** Which document prevails for whom, and why — the rule resolveProfile applies, stated for this clause. */
  private prevails(r: Requirement, p: Parameter, sources: SiteValueSource[], providers: NonNullable<SiteClauseParameter['providers']>): Text {
    const own = sources[0]!.document;
    const tailored = sources.slice(1);
    const users = (doc: Doc): string[] => this.providersUnder(r.id, doc.id);
    return both((lang) => {
      const zh = lang === 'zh';
      const lines: string[] = [];
      for (const s of tailored) {
        const who = users(s.document);
        const first = s.values[0]!;
        const dir = first.change ? pick(VALUE_CHANGE[first.change]!, lang) : zh ? '定为' : 'set to';
        const whoText = who.length ? who.join(zh ? '、' : ', ') : zh ? '（目前没有服务单位适用）' : '(no provider under it yet)';
        const deviation = this.ctx.tree.profiles.find((l) => l.value.id === s.document.id)?.value.overrides?.find((o) => o.requirement === r.id && o.parameter === p.name)?.deviation;
        lines.push(
          zh
            ? `${whoText}按${quote(s.document.title, lang)}：自${localDate(first.from, lang)}起${first.before ? `由 ${pick(first.before, lang)}` : ''}${dir} ${pick(first.text, lang)}${deviation ? `（放宽经${deviation.approved_by}于${localDate(deviation.approved_on, lang)}批准：${deviation.reason}）` : ''}。`
            : `${whoText}: ${quote(s.document.title, lang)} applies — from ${localDate(first.from, lang)}${first.before ? ` ${pick(first.before, lang)}` : ''} ${dir} ${pick(first.text, lang)}${deviation ? ` (relaxed with approval by ${deviation.approved_by} on ${localDate(deviation.approved_on, lang)})` : ''}.`,
        );
      }
      const rule = zh
        ? `文件不一致时，以服务单位适用的文件链中离它最近的文件为准（合同优先于其所依据的方案，方案优先于${quote(own.title, lang)}），自该文件取值的生效日期起适用；在此之前仍按上一级文件。合同或方案只能比上级文件更严，放宽须记录经批准的偏离，否则本系统校验不通过。其他服务单位按${quote(own.title, lang)}。`
        : `Where the documents disagree, the one nearest the provider in its chain prevails (a contract over the plan it is based on, a plan over ${quote(own.title, lang)}), from the date its value applies; before that date the document above it still holds. A contract or plan may only be stricter; relaxing a value needs a recorded, approved deviation, or Charter's validation refuses it. Other providers follow ${quote(own.title, lang)}.`;
      return [...lines, rule].join(zh ? '' : ' ');
    });
  }

  /** Names of the providers bound by the requirement whose main profile's chain holds the document. */
  private providersUnder(reqId: string, docId: string): string[] {
    return (this.bound.get(reqId) ?? [])
      .filter((b) => {
        const u = this.ctx.reg.providers.find((x) => x.id === b.provider.id);
        return u?.profile !== undefined && profileChain(u.profile, this.ctx.idx).some((pf) => pf.id === docId);
      })
      .map((b) => b.provider.name);
  }

  /** Every dated value that changes something, as one reader's line each, with its date and document. */
  valueChanges(): { date: string; doc: Doc; clause: string; text: Text }[] {
    const out: { date: string; doc: Doc; clause: string; text: Text }[] = [];
    for (const { value: r } of this.ctx.tree.requirements) {
      for (const p of r.parameters ?? []) {
        const label = paramLabel(r, p);
        const sources = this.sources(r, p);
        sources.forEach((s, si) => {
          const doc = s.document;
          const who = si === 0 ? [] : this.providersUnder(r.id, doc.id);
          for (const v of s.values) {
            if (!v.change || !v.before) continue;
            out.push({
              date: v.from,
              doc,
              clause: r.id,
              text: both((lang) => {
                const zh = lang === 'zh';
                const whoText = who.length ? who.join(zh ? '、' : ', ') : '';
                const dir = pick(VALUE_CHANGE[v.change!]!, lang);
                return zh
                  ? `${this.ref(r.id, lang)} ${pick(label, lang)}：${whoText ? `${whoText}` : ''}由 ${pick(v.before!, lang)}${dir} ${pick(v.text, lang)}（依据${quote(doc.title, lang)}）`
                  : `${this.ref(r.id, lang)}, ${pick(label, lang)}: ${whoText ? `${whoText}, ` : ''}${pick(v.before!, lang)} ${dir} ${pick(v.text, lang)} (${quote(doc.title, lang)})`;
              }),
            });
          }
        });
      }
    }
    return out;
  }

  /** The clause page's 变更记录: when the clause came into force, its links, and its values' changes. */
  clauseHistory(r: Requirement): { date: string; change: string; text: Text }[] {
    const doc = this.docOf(r);
    const start = r.since ?? (doc.kind === 'standard' ? this.ctx.std?.effective_from : this.profileStart(doc.id)) ?? '';
    const status: Text = r.status === 'superseded' ? { zh: '已被取代', en: 'superseded' } : r.status === 'withdrawn' ? { zh: '已撤销', en: 'withdrawn' } : { zh: '', en: '' };
    const rows: { date: string; text: Text }[] = [
      { date: start, text: both((lang) => (lang === 'zh' ? `随${quote(doc.title, lang)}施行${status.zh ? `；现${status.zh}` : ''}` : `In force with ${quote(doc.title, lang)}${status.en ? `; now ${status.en}` : ''}`)) },
      ...(r.links ?? [])
        .filter((l) => l.rel === 'replaces' || l.rel === 'replaced-by')
        .map((l) => ({ date: l.since ?? r.since ?? '', text: both((lang) => (l.rel === 'replaces' ? (lang === 'zh' ? `取代${this.ref(l.target, lang)}` : `Replaces ${this.ref(l.target, lang)}`) : lang === 'zh' ? `由${this.ref(l.target, lang)}取代` : `Replaced by ${this.ref(l.target, lang)}`)) })),
      ...this.valueChanges()
        .filter((c) => c.clause === r.id)
        .map((c) => ({ date: c.date, text: c.text })),
    ];
    return rows.sort((a, b) => a.date.localeCompare(b.date)).map((x) => ({ date: x.date, change: x.text.zh, text: x.text }));
  }

  private profileStart(id: string): string | undefined {
    const pf = this.ctx.idx.profiles.get(id)?.value;
    return pf?.history?.[0]?.date ?? pf?.issued_on;
  }
}

/** The 变更记录 list (newest first) and its span: documents coming into force or revised, and dated values. */
export function siteChanges(model: ChangesModel, results: { period: string; date: string }[]): { changes: SiteChange[]; span: { from: string; to: string } | undefined } {
  const { tree, std } = model.ctx;
  const byKey = new Map<string, SiteChange>();
  // Within a day: the standard first, then the plans, then the contracts that tailor them (the chain's order).
  const rank = new Map<SiteChange, number>();
  const rankOf = (doc: SiteValueSource['document']): number => (doc.kind === 'standard' ? 0 : doc.contract ? 2 : 1);
  const key = (date: string, doc: string): string => `${date}|${doc}`;
  const anchor = (date: string): string => `changes/#d${date}`;
  const editions: { date: string; doc: SiteValueSource['document']; first: boolean; summary?: Text }[] = [];
  const stdDoc = std ? { id: std.id, title: std.title, kind: 'standard' as const, contract: false } : undefined;
  (std?.history ?? []).forEach((h, i) => stdDoc && editions.push({ date: i === 0 ? std!.effective_from : h.date, doc: stdDoc, first: i === 0, ...(h.summary ? { summary: h.summary } : {}) }));
  for (const l of tree.profiles) {
    const pf = l.value;
    const doc = { id: pf.id, title: pf.title, kind: 'profile' as const, contract: pf.profile_type === 'contract' };
    (pf.history ?? []).forEach((h, i) => editions.push({ date: h.date, doc, first: i === 0, ...(h.summary ? { summary: h.summary } : {}) }));
  }
  for (const e of editions) {
    const entry: SiteChange = {
      date: e.date,
      kind: 'rules',
      title: e.summary ? { zh: toSimplified(`${quote(e.doc.title, 'zh')}${e.summary.zh}`), en: `${quote(e.doc.title, 'en')}: ${e.summary.en ?? e.summary.zh}` } : both((lang) => (lang === 'zh' ? `${quote(e.doc.title, lang)}${e.first ? '施行' : '修订'}` : `${quote(e.doc.title, lang)} ${e.first ? 'takes effect' : 'revised'}`)),
      link: anchor(e.date),
      items: [],
    };
    byKey.set(key(e.date, e.doc.id), entry);
    rank.set(entry, rankOf(e.doc));
  }
  for (const c of model.valueChanges()) {
    let entry = byKey.get(key(c.date, c.doc.id));
    if (!entry) {
      entry = { date: c.date, kind: 'rules', title: both((lang) => (lang === 'zh' ? `${quote(c.doc.title, lang)}调整取值` : `${quote(c.doc.title, lang)}: values changed`)), link: anchor(c.date), items: [] };
      byKey.set(key(c.date, c.doc.id), entry);
      rank.set(entry, rankOf(c.doc));
    }
    entry.items!.push({ clause: c.clause, text: c.text });
  }
  const rules = [...byKey.values()];
  // A single-clause change links to that clause's page (the feed computes its path); otherwise the day's group.
  for (const c of rules) if (c.items!.length === 1) c.clause = c.items![0]!.clause;
  const dates = rules.map((c) => c.date).filter(Boolean).sort();
  const span = dates.length ? { from: dates[0]!, to: dates.at(-1)! } : undefined;
  const monthly: SiteChange[] = results.map((r) => ({ date: r.date, kind: 'results', title: both((lang) => (lang === 'zh' ? `${monthWords(r.period, lang)}服务承诺达成情况已公布` : `Pledge results for ${monthWords(r.period, lang)} published`)), link: 'pledges/' }));
  const changes = [...rules, ...monthly].sort((a, b) => b.date.localeCompare(a.date) || (a.kind === b.kind ? 0 : a.kind === 'rules' ? -1 : 1) || (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || a.title.zh.localeCompare(b.title.zh));
  return { changes, span };
}
