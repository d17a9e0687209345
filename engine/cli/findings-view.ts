// The terminal summary of an evaluation: per provider, what failed with its evidence, pledge statistics.
import type { Lang } from '../diagnostics.ts';
import type { Findings, Status } from '../evaluate/evaluate.ts';
import { FINDING_STATUS, limitWords, localTime, monthWords, REASON_CODE, say, shareWords, UNIT } from '../model/labels.ts';
import type { Text } from '../model/types.ts';
import { fitLines, table } from './format.ts';
import { limitText, type CliWords } from './words.ts';


/** A finding's measured value, requirement and evidence as read (Finding.words / Evidence.text when the evaluation wrote them). */
type F = Findings['findings'][number];
type E = F['evidence'][number];
type WithWords = F & { words?: { quantity: Text; measured: Text; required: Text; place: Text } };
type EvidenceWithText = E & { text?: Text };

const tx = (t: Text, lang: Lang): string => (lang === 'en' ? (t.en ?? t.zh) : t.zh);

function measuredOf(x: F, w: CliWords): string {
  const ww = (x as WithWords).words;
  if (ww) return tx(ww.measured, w.lang);
  if (x.measured === undefined || x.measured === null) return '—';
  if (typeof x.measured === 'number' && x.unit && UNIT[x.unit]) return limitWords(x.measured, x.unit, w.lang);
  return w.text(x.measured);
}

function requiredOf(x: F, w: CliWords): string {
  const ww = (x as WithWords).words;
  if (ww) return tx(ww.required, w.lang);
  if (x.required === undefined || x.required === null) return '—';
  if (typeof x.required === 'number' && x.unit && UNIT[x.unit]) return limitWords(x.required, x.unit, w.lang);
  return w.text(x.required);
}

function placeOf(x: F, w: CliWords): string {
  const ww = (x as WithWords).words;
  return ww ? tx(ww.place, w.lang) : w.scope(x.scope);
}

/** One piece of evidence as a sentence: the evaluation's own (Evidence.text), else built from its fields. */
export function evidenceWords(e: E, w: CliWords, unit?: string): string {
  const t = (e as EvidenceWithText).text;
  if (t) return tx(t, w.lang);
  const zh = w.lang === 'zh';
  if (e.outcome === 'inspection-missed') {
    const [s, u] = String(e.required ?? '').split('..');
    const span = s && u ? (zh ? `${w.text(s)}至${w.text(u)}` : `${w.text(s)} to ${w.text(u)}`) : '';
    return zh
      ? `${e.place ?? w.place(e.unit ?? '')}：未检查（${w.round(e.round ?? e.cell ?? '')}，${span}，已查/应查 ${String(e.actual ?? '')}${e.note ? `；${w.text(e.note)}` : ''}）`
      : `${e.place ?? w.place(e.unit ?? '')}: not inspected (${w.round(e.round ?? e.cell ?? '')}, ${span}, done/due ${String(e.actual ?? '')}${e.note ? `; ${w.text(e.note)}` : ''})`;
  }
  if (e.place !== undefined) {
    // An inspection's evidence as a supervisor wrote it: place, problem, inspector and time, photos.
    const who = [e.inspector, e.at ? w.text(e.at) : ''].filter(Boolean).join(' ');
    return `${e.place}${zh ? '：' : ': '}${w.text(e.actual)}${who ? (zh ? `（${who}）` : ` (${who})`) : ''}${e.note ? ` ${e.note}` : ''}`;
  }
  // A document item or other code the tree does not name is left out; the requirement's words say what it is.
  const unitWord = e.unit ? w.place(e.unit) : '';
  const where = unitWord && !(unitWord === e.unit && /^[a-z][a-z0-9-]*$/.test(unitWord)) ? unitWord : '';
  const num = (v: string | number | undefined): string => (typeof v === 'number' && unit ? limitWords(v, unit, w.lang) : w.text(v));
  if (e.outcome === 'document-missing') return `${w.text(e.required)}${zh ? '：' : ': '}${w.text(e.actual)}`;
  const head = [e.record ?? '', where, e.cell ? w.text(e.cell) : '', e.actual !== undefined ? num(e.actual) : ''].filter(Boolean).join(' ');
  const req = e.required !== undefined && typeof e.actual === 'number' ? (zh ? `（应 ${num(e.required)}）` : ` (required ${num(e.required)})`) : '';
  return head + req;
}

export function renderFindings(f: Findings, lang: Lang, file: string, w: CliWords): string {
  const zh = lang === 'zh';
  const s = (x: Status): string => say(FINDING_STATUS, x, lang);
  const prov = (id: string): string => w.names.provider(id);
  const out: string[] = [];
  const asOf = localTime(f.as_of, lang, { year: f.as_of.slice(0, 4) !== f.period.slice(0, 4) });
  out.push(
    zh
      ? `评价期间 ${monthWords(f.period, lang)}（截至 ${asOf}）· 标准 ${f.standard ? `《${w.standard(f.standard.id)}》${f.standard.version}` : '—'} · 节假日数据 ${f.calendar.version} · 数据指纹 ${f.data.sha256.slice(0, 12)}…`
      : `Period ${monthWords(f.period, lang)} (as of ${asOf}) · standard ${f.standard ? `${w.standard(f.standard.id)} ${f.standard.version}` : '—'} · holiday data ${f.calendar.version} · data fingerprint ${f.data.sha256.slice(0, 12)}…`,
  );
  out.push('');
  // No data (nothing of the kind submitted) is counted apart from the other not-reviewed findings:
  // silence is not success, and it is not an inspector's job either.
  const noData = (x: F): boolean => x.status === 'not-reviewed' && x.reason_code === 'no-data';
  const byProv = f.providers.map((p) => {
    const mine = f.findings.filter((x) => x.provider === p.id);
    const n = (st: Status) => mine.filter((x) => x.status === st && !noData(x)).length;
    const overall = p.in_service === false ? say(REASON_CODE, 'outside-service', lang) : s(f.rollups.providers[p.id] ?? 'not-reviewed');
    // The main profile, then the plans the register binds besides it (+plan).
    const profs = [p.profile, ...(p.plans ?? []).filter((x) => x !== p.profile).map((x) => `+${w.names.profile(x, lang)}`)];
    const prof = [p.profile ? w.names.profile(p.profile, lang) : '', ...profs.slice(1)].filter(Boolean).join('\n');
    return [p.name || prov(p.id), prof, n('passed'), n('failed'), n('not-applicable'), mine.filter(noData).length, n('not-reviewed'), n('error'), overall];
  });
  out.push(
    table(
      [zh ? '服务商' : 'provider', zh ? '方案' : 'plans', s('passed'), s('failed'), zh ? s('not-applicable') : 'n/a', zh ? '无数据' : 'no data', zh ? s('not-reviewed') : 'unreviewed', zh ? s('error') : 'errors', zh ? '总体' : 'overall'],
      byProv,
      { min: [12, 40] },
    ),
  );
  // Data a provider submits in the course of its work first (cases, counts, logs), then documents and on-site checks.
  const TYPE_ORDER = ['timeliness', 'rate', 'frequency', 'record', 'inspection'];
  const missing = f.findings.filter(noData).sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  if (missing.length) {
    out.push('');
    out.push(zh ? `无数据（本期没有提交该类数据，不视为通过）：${missing.length} 项` : `No data (nothing of the kind submitted this period; never read as passed): ${missing.length}`);
    const byProvider = new Map<string, string[]>();
    for (const x of missing) byProvider.set(x.provider, [...(byProvider.get(x.provider) ?? []), x.scope.kind === 'provider' ? w.requirement(x.requirement) : `${w.requirement(x.requirement)}（${w.scope(x.scope)}）`]);
    for (const [p, reqs] of byProvider) out.push(`  ${prov(p)}${zh ? '：' : ': '}${reqs.slice(0, 12).join(zh ? '；' : '; ')}${reqs.length > 12 ? (zh ? ` 等 ${reqs.length} 项` : ` … ${reqs.length} in all`) : ''}`);
  }
  // 宜 (should) failures are advice: listed apart below, never among the failures a notice is made of.
  const bad = f.findings.filter((x) => (x.status === 'failed' && x.obligation !== 'should') || x.status === 'error');
  const advice = f.findings.filter((x) => x.status === 'failed' && x.obligation === 'should');
  if (bad.length) {
    out.push('');
    out.push(zh ? '不通过与错误' : 'Failed and errors');
    out.push(
      table(
        [zh ? '服务商' : 'provider', zh ? '条款' : 'requirement', zh ? '地点' : 'where', zh ? '实测' : 'measured', zh ? '要求' : 'required', zh ? '证据（前 2 条）' : 'evidence (first 2)'],
        bad.map((x, i) => [
          i > 0 && bad[i - 1]!.provider === x.provider ? '' : prov(x.provider),
          w.requirement(x.requirement, 12),
          placeOf(x, w),
          measuredOf(x, w),
          requiredOf(x, w),
          x.evidence
            .slice(0, 2)
            .map((e) => evidenceWords(e, w, x.type === 'frequency' ? 'count' : x.unit))
            .join(zh ? '；' : '; ') + (x.evidence_total > 2 ? (zh ? `（共 ${x.evidence_total} 条）` : ` (${x.evidence_total} in all)`) : ''),
        ]),
        { wrap: [0, 1, 2, 3, 4, 5], min: [10, 14, 8, 7, 12, 44] },
      ),
    );
  }
  if (advice.length) {
    out.push('');
    out.push(zh ? '建议改进（宜：推荐性要求，不签发通知单、不扣分）' : 'Advisories (should: recommendations; no notice, no deduction)');
    out.push(table([zh ? '服务商' : 'provider', zh ? '条款' : 'requirement', zh ? '地点' : 'where', zh ? '实测' : 'measured', zh ? '要求' : 'required'], advice.map((x) => [prov(x.provider), w.requirement(x.requirement, 12), placeOf(x, w), measuredOf(x, w), requiredOf(x, w)])));
  }
  out.push(...inspectionLines(f, lang, w));
  if (f.pledges.length) {
    out.push('');
    out.push(zh ? '服务承诺达成（按个案统计，不取平均；不足 5 件时列件数）' : 'Pledges kept (counted per case, never averaged; counts below 5 cases)');
    out.push(
      table(
        [zh ? '服务商' : 'provider', zh ? '条款' : 'clause', zh ? '承诺' : 'pledge', zh ? '时限' : 'limit', zh ? '个案' : 'cases', zh ? '达成' : 'met', zh ? '未达成' : 'missed', zh ? '时间异常' : 'bad', zh ? '排除' : 'excl.', zh ? '待定' : 'open', zh ? '达成率' : 'rate'],
        f.pledges.map((p, i) => [
          i > 0 && f.pledges[i - 1]!.provider === p.provider ? '' : prov(p.provider),
          w.ref(p.requirement),
          zh ? p.label.zh : (p.label.en ?? p.label.zh),
          limitText(w, p.requirement, p.limit, p.limit_value),
          p.n,
          p.met,
          p.missed,
          p.invalid,
          p.excluded,
          p.open_pending,
          shareWords(p.met, p.n, lang),
        ]),
        { align: ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], wrap: [0, 1, 2], min: [10, 12, 22] },
      ),
    );
  }
  const pending = f.findings.flatMap((x) => (x.pending ?? []).map((c) => ({ ...c, provider: x.provider, requirement: x.requirement })));
  if (pending.length) {
    out.push('');
    out.push(
      zh
        ? `待定个案 ${pending.length} 件：截至 ${asOf} 尚未办结、时限未到，将在办结或时限届满的月份评价${pending.length > 20 ? '（前 20 件）' : ''}`
        : `${pending.length} pending cases: open at ${asOf} with their deadline still ahead; judged in the month they close or their deadline passes${pending.length > 20 ? ' (first 20)' : ''}`,
    );
    out.push(table([zh ? '服务商' : 'provider', zh ? '条款' : 'clause', zh ? '记录' : 'record', zh ? '承诺' : 'pledge', zh ? '截止' : 'deadline'], pending.slice(0, 20).map((c, i, all) => {
      // A person reads the pledge's name and a local time, not the limit's code or an ISO offset.
      const label = f.pledges.find((p) => p.provider === c.provider && p.requirement === c.requirement && p.limit === c.limit)?.label;
      return [i > 0 && all[i - 1]!.provider === c.provider ? '' : prov(c.provider), w.ref(c.requirement), c.record, label ? (zh ? label.zh : (label.en ?? label.zh)) : w.title(c.requirement), localTime(c.deadline, lang)];
    })));
  }
  out.push('');
  const pct = f.summary.requirements ? Math.round((f.summary.checked / f.summary.requirements) * 100) : 0;
  out.push(
    zh
      ? `核查覆盖：适用的 ${f.summary.requirements} 项要求中 ${f.summary.checked} 项有数据可评（${pct}${NBSP}%），其余 ${f.summary.requirements - f.summary.checked} 项需现场核查或补充数据（核查清单见结果文件）。`
      : `Coverage: ${f.summary.checked} of ${f.summary.requirements} applicable requirements could be judged from data (${pct}${NBSP}%); the other ${f.summary.requirements - f.summary.checked} need an inspector or more data (checklists in the findings file).`,
  );
  if (f.compile_errors.length) out.push(zh ? `规则编译错误 ${f.compile_errors.length} 个（见结果文件）。` : `${f.compile_errors.length} rule compile errors (see the findings file).`);
  out.push(zh ? `结果文件：${file}` : `Findings: ${file}`);
  return fitLines(out.join('\n'));
}

const NBSP = '\u00a0';

const INSPECTION_REASONS: [string, { zh: string; en: string }][] = [
  ['inspection-missed', { zh: '应查未查', en: 'due, not inspected' }],
  ['not-due', { zh: '本月无需检查', en: 'not due this month' }],
  ['no-data', { zh: '无检查结果', en: 'no results' }],
  ['pending', { zh: '轮次未结束', en: 'round not over' }],
  ['carried-over', { zh: '沿用本期早前的检查结论', en: 'verdict carried from earlier in the interval' }],
];

/**
 * On-site inspections: the verdicts by why, and the inspector unit's own rounds (planned, done, missed by place).
 * Silence is never read as a pass: a due inspection not done is named with its place.
 */
function inspectionLines(f: Findings, lang: Lang, w: CliWords): string[] {
  const zh = lang === 'zh';
  const insp = f.findings.filter((x) => x.type === 'inspection' && x.scope.kind !== 'inspection-plan' && x.status !== 'not-applicable');
  const office = f.findings.filter((x) => x.scope.kind === 'inspection-plan');
  if (!insp.length && !office.length) return [];
  const out = ['', zh ? '现场检查' : 'On-site inspections'];
  const n = (st: Status, code?: string) => insp.filter((x) => x.status === st && (code === undefined || x.reason_code === code)).length;
  const carried = insp.filter((x) => x.reason_code === 'carried-over').length;
  const parts = [`${s2(zh, 'passed')} ${n('passed')}`, `${s2(zh, 'failed')} ${n('failed')}`, ...INSPECTION_REASONS.filter(([c]) => c !== 'carried-over').map(([c, w]) => `${zh ? w.zh : w.en} ${n('not-reviewed', c)}`)];
  out.push(`  ${parts.join(zh ? '，' : ', ')}${carried ? (zh ? `（其中 ${carried} 项沿用本季度/学期/年度早前的检查结论）` : ` (${carried} carried from earlier in their quarter/term/year)`) : ''}`);
  const missed = insp.filter((x) => x.reason_code === 'inspection-missed');
  for (const x of missed.slice(0, 8)) {
    const places = [...new Set(x.evidence.map((e) => e.place ?? w.place(e.unit ?? '')))];
    out.push(`  ${w.names.provider(x.provider)} ${w.requirement(x.requirement)}${zh ? '：未检查 ' : ': not inspected: '}${places.slice(0, 4).join(zh ? '、' : ', ')}${places.length > 4 ? (zh ? ` 等 ${x.evidence_total} 处` : ` … ${x.evidence_total} in all`) : ''}`);
  }
  if (missed.length > 8) out.push(zh ? `  …共 ${missed.length} 项条款有应查未查（全部条目见结果文件）` : `  … ${missed.length} requirements with missed inspections in all (every one in the findings file)`);
  for (const o of office) {
    const name = f.providers.find((p) => p.id === o.provider)?.name ?? w.names.provider(o.provider);
    out.push(`  ${name} ${w.requirement(o.requirement)}${zh ? '：' : ': '}${s2(zh, o.status)} — ${o.reason ? w.text(zh ? o.reason.zh : (o.reason.en ?? o.reason.zh)) : ''}`);
    for (const e of o.evidence.slice(0, 5)) out.push(`    · ${evidenceWords(e, w)}`);
    if (o.evidence_total > 5) out.push(zh ? `    …共 ${o.evidence_total} 处` : `    … ${o.evidence_total} places in all`);
    if (o.status === 'failed') out.push(zh ? '    （检查单位自身未完成的检查不签发整改通知单给服务商）' : '    (the inspector unit’s own missed checks put no notice on any provider)');
  }
  return out;
}

const s2 = (zh: boolean, st: Status): string => say(FINDING_STATUS, st, zh ? 'zh' : 'en');
