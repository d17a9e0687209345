// The terminal summary of an evaluation: per provider, what failed with its evidence, pledge statistics.
import type { Lang } from '../diagnostics.ts';
import type { Findings, Status } from '../evaluate/evaluate.ts';
import { table } from './format.ts';
import { inspectionEvidenceLine } from '../evaluate/explain.ts';

const STATUS: Record<Status, { zh: string; en: string }> = {
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '不通过', en: 'failed' },
  'not-applicable': { zh: '不适用', en: 'n/a' },
  'not-reviewed': { zh: '未核查', en: 'not reviewed' },
  error: { zh: '错误', en: 'error' },
};

export function renderFindings(f: Findings, lang: Lang, file: string): string {
  const zh = lang === 'zh';
  const s = (x: Status): string => STATUS[x][lang];
  const out: string[] = [];
  out.push(
    zh
      ? `评价期间 ${f.period}（截至 ${f.as_of}）· 标准 ${f.standard?.id ?? '—'} ${f.standard?.version ?? ''} · 日历 ${f.calendar.source} ${f.calendar.version} · 数据 ${f.data.sha256.slice(0, 12)}…`
      : `Period ${f.period} (as of ${f.as_of}) · standard ${f.standard?.id ?? '—'} ${f.standard?.version ?? ''} · calendar ${f.calendar.source} ${f.calendar.version} · data ${f.data.sha256.slice(0, 12)}…`,
  );
  out.push('');
  // No data (nothing of the kind submitted) is counted apart from the other not-reviewed findings:
  // silence is not success, and it is not an inspector's job either.
  const noData = (x: Findings['findings'][number]): boolean => x.status === 'not-reviewed' && x.reason_code === 'no-data';
  const byProv = f.providers.map((p) => {
    const mine = f.findings.filter((x) => x.provider === p.id);
    const n = (st: Status) => mine.filter((x) => x.status === st && !noData(x)).length;
    const overall = p.in_service === false ? (zh ? '不在服务期内' : 'out of service') : s(f.rollups.providers[p.id] ?? 'not-reviewed');
    // The main profile, then the plans the register binds besides it (+plan).
    const prof = [p.profile, ...(p.plans ?? []).filter((x) => x !== p.profile).map((x) => `+${x}`)].filter(Boolean).join(' ');
    return [`${p.id} ${p.name}`, prof, n('passed'), n('failed'), n('not-applicable'), mine.filter(noData).length, n('not-reviewed'), n('error'), overall];
  });
  out.push(table([zh ? '服务商' : 'provider', zh ? '方案' : 'profile', s('passed'), s('failed'), s('not-applicable'), zh ? '无数据' : 'no data', s('not-reviewed'), s('error'), zh ? '总体' : 'overall'], byProv));
  // Data a provider submits in the course of its work first (cases, counts, logs), then documents and on-site checks.
  const TYPE_ORDER = ['timeliness', 'rate', 'frequency', 'record', 'inspection'];
  const missing = f.findings.filter(noData).sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  if (missing.length) {
    out.push('');
    out.push(zh ? `无数据（本期没有提交该类数据，不视为通过）：${missing.length} 项` : `No data (nothing of the kind submitted this period; never read as passed): ${missing.length}`);
    const byProvider = new Map<string, string[]>();
    for (const x of missing) byProvider.set(x.provider, [...(byProvider.get(x.provider) ?? []), x.scope.kind === 'provider' ? x.requirement : `${x.requirement}/${x.scope.id}`]);
    for (const [p, reqs] of byProvider) out.push(`  ${p}: ${reqs.slice(0, 12).join(', ')}${reqs.length > 12 ? (zh ? ` 等 ${reqs.length} 项` : ` … ${reqs.length} in all`) : ''}`);
  }
  // 宜 (should) failures are advice: listed apart below, never among the failures a notice is made of.
  const bad = f.findings.filter((x) => (x.status === 'failed' && x.obligation !== 'should') || x.status === 'error');
  const advice = f.findings.filter((x) => x.status === 'failed' && x.obligation === 'should');
  if (bad.length) {
    out.push('');
    out.push(zh ? '不通过与错误' : 'Failed and errors');
    out.push(
      table(
        [zh ? '服务商' : 'provider', zh ? '条款' : 'requirement', zh ? '范围' : 'scope', zh ? '实测' : 'measured', zh ? '要求' : 'required', zh ? '证据（前 2 条）' : 'evidence (first 2)'],
        bad.map((x) => [
          x.provider,
          x.requirement,
          x.scope.id,
          String(x.measured ?? '—'),
          String(x.required ?? '—'),
          x.evidence
            .slice(0, 2)
            // An inspection's evidence is read as a supervisor wrote it: place, problem, inspector and time.
            .map((e) => (e.place !== undefined ? inspectionEvidenceLine(e, lang) : [e.record ?? `${e.unit ?? ''} ${e.cell ?? ''}`.trim(), e.actual !== undefined ? String(e.actual) : ''].filter(Boolean).join(' ')))
            .join('；') + (x.evidence_total > 2 ? (zh ? `（共 ${x.evidence_total} 条）` : ` (${x.evidence_total} in all)`) : ''),
        ]),
      ),
    );
  }
  if (advice.length) {
    out.push('');
    out.push(zh ? '建议改进（宜：推荐性要求，不签发通知单、不扣分）' : 'Advisories (should: recommendations; no notice, no deduction)');
    out.push(table([zh ? '服务商' : 'provider', zh ? '条款' : 'requirement', zh ? '范围' : 'scope', zh ? '实测' : 'measured', zh ? '要求' : 'required'], advice.map((x) => [x.provider, x.requirement, x.scope.id, String(x.measured ?? '—'), String(x.required ?? '—')])));
  }
  out.push(...inspectionLines(f, lang));
  if (f.pledges.length) {
    out.push('');
    out.push(zh ? '服务承诺达成（按个案统计，不取平均）' : 'Pledges kept (counted per case, never averaged)');
    out.push(
      table(
        [zh ? '服务商' : 'provider', zh ? '条款' : 'req', zh ? '承诺' : 'pledge', zh ? '时限' : 'limit', 'n', zh ? '达成' : 'met', zh ? '未达成' : 'missed', zh ? '时间异常' : 'invalid', zh ? '排除' : 'excl.', zh ? '待定' : 'pending', zh ? '达成率' : 'rate'],
        f.pledges.map((p) => [
          p.provider,
          p.requirement,
          zh ? p.label.zh : (p.label.en ?? p.label.zh),
          p.limit_value,
          p.n,
          p.met,
          p.missed,
          p.invalid,
          p.excluded,
          p.open_pending,
          p.n === 0 ? (zh ? '无个案' : 'no cases') : p.n < 5 ? `${p.met}/${p.n}` : `${((p.met / p.n) * 100).toFixed(1)}%`,
        ]),
      ),
    );
  }
  const pending = f.findings.flatMap((x) => (x.pending ?? []).map((c) => ({ ...c, provider: x.provider, requirement: x.requirement })));
  if (pending.length) {
    out.push('');
    out.push(
      zh
        ? `待定个案 ${pending.length} 件：截至 ${f.as_of} 尚未办结、时限未到，将在办结或时限届满的月份评价（前 20 件）`
        : `${pending.length} pending cases: open at ${f.as_of} with their deadline still ahead; judged in the month they close or their deadline passes (first 20)`,
    );
    out.push(table([zh ? '服务商' : 'provider', zh ? '条款' : 'requirement', zh ? '记录' : 'record', zh ? '时限' : 'limit', zh ? '截止' : 'deadline'], pending.slice(0, 20).map((c) => {
      // A person reads the pledge's name and a local time, not the limit's code or an ISO offset.
      const label = f.pledges.find((p) => p.provider === c.provider && p.requirement === c.requirement && p.limit === c.limit)?.label;
      return [c.provider, c.requirement, c.record, (label ? (zh ? label.zh : label.en) : undefined) ?? c.limit, c.deadline.slice(0, 16).replace('T', ' ')];
    })));
  }
  out.push('');
  const pct = f.summary.requirements ? Math.round((f.summary.checked / f.summary.requirements) * 100) : 0;
  out.push(
    zh
      ? `核查覆盖：适用的 ${f.summary.requirements} 项要求中 ${f.summary.checked} 项有数据可评（${pct}%），其余 ${f.summary.requirements - f.summary.checked} 项需现场核查或补充数据（见 findings.json 中的 checklist）。`
      : `Coverage: ${f.summary.checked} of ${f.summary.requirements} applicable requirements could be judged from data (${pct}%); the other ${f.summary.requirements - f.summary.checked} need an inspector or more data (see the checklists in findings.json).`,
  );
  if (f.compile_errors.length) out.push(zh ? `规则编译错误 ${f.compile_errors.length} 个（见 findings.json）。` : `${f.compile_errors.length} rule compile errors (see findings.json).`);
  out.push(zh ? `结果文件：${file}` : `Findings: ${file}`);
  return out.join('\n');
}

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
function inspectionLines(f: Findings, lang: Lang): string[] {
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
    const places = [...new Set(x.evidence.map((e) => e.place ?? e.unit ?? ''))];
    out.push(`  ${x.provider} ${x.requirement}: ${zh ? '未检查' : 'not inspected'} ${places.slice(0, 4).join(zh ? '、' : ', ')}${places.length > 4 ? (zh ? ` 等 ${x.evidence_total} 处` : ` … ${x.evidence_total} in all`) : ''}`);
  }
  if (missed.length > 8) out.push(zh ? `  …共 ${missed.length} 项条款有应查未查（见 findings.json 中 reason_code 为 inspection-missed 的条目）` : `  … ${missed.length} requirements with missed inspections in all (reason_code inspection-missed in findings.json)`);
  for (const o of office) {
    const name = f.providers.find((p) => p.id === o.provider)?.name ?? o.provider;
    out.push(`  ${name} ${o.requirement}: ${s2(zh, o.status)} — ${o.reason ? (zh ? o.reason.zh : (o.reason.en ?? o.reason.zh)) : ''}`);
    for (const e of o.evidence.slice(0, 5)) out.push(`    · ${inspectionEvidenceLine(e, lang)}`);
    if (o.evidence_total > 5) out.push(zh ? `    …共 ${o.evidence_total} 处` : `    … ${o.evidence_total} places in all`);
    if (o.status === 'failed') out.push(zh ? '    （检查单位自身未完成的检查不签发整改通知单给服务商）' : '    (the inspector unit’s own missed checks put no notice on any provider)');
  }
  return out;
}

const s2 = (zh: boolean, st: Status): string => STATUS[st][zh ? 'zh' : 'en'];
