// charter inspections <subcommand>: the logistics office's on-site inspection rounds.
// `plan` lists the rounds of a month (or a week) per provider and place; further subcommands (checklist …)
// are added to INSPECTION_SUBCOMMANDS beside it and share the command's option parsing.
import type { Diagnostic, Lang } from '../diagnostics.ts';
import { everyWords, planInspections, weeksOf, type InspectionPlan, type InspectionRound } from '../inspections/plan.ts';
import type { Tree } from '../load/tree.ts';
import type { SamplingRule, SourceBasis, Text } from '../model/types.ts';
import { closest } from '../validate/checks.ts';
import { checkMonth, choiceArgs, COMMON, EXIT, missing, usageError, type Command, type Io } from './common.ts';
import { cmdErr, loadStandards, treeAndDb } from './data-commands.ts';
import { fitLines, table, width } from './format.ts';
import { clipWidth } from './words.ts';
import { localTime, monthWords } from '../model/labels.ts';

const NBSP = '\u00a0';
import { CHECKLIST_COMMAND } from './inspection-paper.ts';

/** A subcommand has the shape of a command (its own options, help and run). */
export type InspectionSubcommand = Command;

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The common selection of every inspections subcommand: --period, --provider, --week (CH002 / CH019 / CH121 when wrong). */
export function roundSelection(
  v: Record<string, unknown>,
  command: string,
  io: Io,
  lang: Lang,
  json: boolean,
): { tree: Tree; period: string; provider?: string; week?: number } | number {
  const bad: Diagnostic[] = [];
  const period = typeof v.period === 'string' ? v.period : undefined;
  const monthBad = checkMonth('--period', period, command, `charter ${command} --period YYYY-MM`, true);
  if (monthBad) bad.push(monthBad);
  let week: number | undefined;
  if (v.week !== undefined && period && PERIOD_RE.test(period)) {
    const weeks = weeksOf(period);
    const n = /^[1-9]\d?$/.test(String(v.week)) ? Number(v.week) : NaN;
    if (!weeks.some((w) => w.week === n)) {
      const span = `1–${weeks.length}`;
      bad.push(cmdErr('CH019', { detailZh: `--week ${String(v.week)}：${period} 只有第 ${span} 周（周一至周日，第 1 周含 1 日）`, detailEn: `--week ${String(v.week)}: ${period} has weeks ${span} (Monday to Sunday; week 1 holds the 1st)`, allowed: weeks.map((w) => `${w.week}（${w.start.slice(5)}—${w.end.slice(5)}）`).join(', ') }));
    } else week = n;
  }
  const { treeDir } = treeAndDb(v, io.cwd, bad, false);
  if (bad.length) return usageError(bad, lang, json, io);
  const tree = loadStandards(treeDir, io, lang, json);
  if (!tree) return EXIT.problems;
  const reg = tree.registers[0]!.value;
  const provider = typeof v.provider === 'string' ? v.provider : undefined;
  if (provider !== undefined) {
    const inspector = tree.inspectionPlans[0]?.value.inspector_unit;
    const ids = reg.providers.map((p) => p.id).filter((id) => id !== inspector);
    if (provider === inspector) {
      return usageError([cmdErr('CH019', { detailZh: `--provider ${provider}：这是检查单位本身，不被检查`, detailEn: `--provider ${provider}: this is the inspecting unit itself, which is not inspected`, allowed: ids.join(', ') })], lang, json, io);
    }
    if (!ids.includes(provider)) {
      return usageError([cmdErr('CH019', { detailZh: `--provider ${provider}：校园登记中没有这个服务商`, detailEn: `--provider ${provider}: no such provider in the campus register`, suggest: suggestId(provider, ids), allowed: ids.join(', ') })], lang, json, io);
    }
  }
  return { tree, period: period!, ...(provider !== undefined ? { provider } : {}), ...(week !== undefined ? { week } : {}) };
}

/** A did-you-mean for an id: the nearest by spelling, else the only id it is a part of (huayu → huayu-property). */
function suggestId(value: string, ids: string[]): string {
  const near = closest(value, ids);
  if (near) return near;
  const containing = ids.filter((id) => id.includes(value.toLowerCase()));
  return containing.length === 1 ? containing[0]! : '';
}

const SELECTION_OPTIONS = { period: { type: 'string' as const }, provider: { type: 'string' as const }, week: { type: 'string' as const }, tree: { type: 'string' as const } };

const SELECTION_HELP = {
  zh: `  --period YYYY-MM   检查月份（必填）
  --provider P       只列该服务商（校园登记中的 id）
  --week N           只列该月第 N 周的每周检查（周一至周日，第 1 周含 1 日）
  --tree DIR         标准目录（默认 standards/）`,
  en: `  --period YYYY-MM   the month (required)
  --provider P       only this provider (an id of the campus register)
  --week N           only the weekly checks of week N of the month (Monday to Sunday; week 1 holds the 1st)
  --tree DIR         the standards tree (default standards/)`,
};

const tx = (t: Text | undefined, lang: Lang): string => (t ? (lang === 'en' && t.en ? t.en : t.zh) : '');

/** A document of a basis by its title (the profile quoting that source file), else its file name. */
function documentTitle(tree: Tree, document: string, lang: Lang): string {
  const p = tree.profiles.find((x) => x.value.source.file.endsWith(document));
  return p ? tx(p.value.title, lang) : document;
}


function basisLine(tree: Tree, b: SourceBasis | undefined, lang: Lang): string {
  if (!b) return '';
  const quote = b.quote ? (lang === 'zh' ? `“${clipWidth(b.quote, 40)}”` : ` "${clipWidth(b.quote, 40)}"`) : '';
  return `${documentTitle(tree, b.document, lang)} ${b.ref}${quote}`;
}

function renderRound(tree: Tree, plan: InspectionPlan, r: InspectionRound, lang: Lang): string[] {
  const zh = lang === 'zh';
  const kind = r.week ? (zh ? `第 ${r.week} 周检查` : `week ${r.week} checks`) : zh ? '月度检查' : 'monthly checks';
  const out = [`■ ${r.provider.name} · ${r.campus.name} — ${kind}  ${localTime(r.start, lang)}—${localTime(r.end, lang)}`];
  // The round is named by the heading (provider, campus, month or week); its id stays in --json.
  out.push(zh ? `  本轮 ${r.places.length} 处，${r.rows.length} 项` : `  this round: ${r.places.length} places, ${r.rows.length} rows`);
  const rules = tree.inspectionPlans[0]?.value.sampling ?? [];
  for (const s of plan.sampling.filter((x) => x.round === r.id)) {
    const rule = rules.find((x) => x.id === s.rule) as SamplingRule | undefined;
    const scopeName = tx(tree.activityFiles.flatMap((a) => a.value.scopes).find((x) => x.code === s.scope)?.name, lang) || s.scope;
    const names = s.chosen.map((id) => r.places.find((p) => p.id === id)?.name ?? id).join(zh ? '、' : ', ');
    const min = rule?.min ?? 1;
    const seed = r.week ? `${r.period}-W${r.week}` : r.period;
    out.push(
      zh
        ? `  抽查：${scopeName} ${s.of} 处中抽 ${s.chosen.length} 处（${rule?.share ?? '?'}${NBSP}%，向上取整，至少 ${min} 处；按 sha256(“${seed}|处所编号”) 升序取前几处，可复现）：${names}`
        : `  sampling: ${s.chosen.length} of ${s.of} places of scope ${scopeName} (${rule?.share ?? '?'}${NBSP}%, rounded up, at least ${min}; ordered by sha256("${seed}|place id"), reproducible): ${names}`,
    );
    const why = [basisLine(tree, rule?.basis, lang), tx(rule?.note, lang)].filter(Boolean).join(zh ? '；' : '; ');
    if (why) out.push(`    ${zh ? '依据' : 'basis'} ${why}`);
  }
  const rows: string[][] = [];
  let last = '';
  for (const row of r.rows) {
    // The place by its name; ids stay in --json.
    const place = row.place.id === last ? '' : `${row.place.name}${row.place.kind === 'campus' ? (zh ? '（全校区）' : ' (whole campus)') : ''}`;
    last = row.place.id;
    rows.push([place, row.reference, clipWidth(tx(row.title, lang), 36), tx(everyWords(row.every, row.due), lang)]);
  }
  out.push(...table(zh ? ['地点', '条款', '要求', '频次'] : ['place', 'clause', 'requirement', 'frequency'], rows, { align: ['l', 'l', 'l', 'l'], max: 118 }).split('\n').map((l) => `  ${l}`));
  return out;
}

function renderPlan(tree: Tree, plan: InspectionPlan, lang: Lang): string {
  const zh = lang === 'zh';
  const [y, m] = plan.period.split('-');
  const inspector = plan.inspector ? (zh ? ` · 检查单位：${plan.inspector.name}` : ` · inspected by ${plan.inspector.name}`) : '';
  const head = zh ? `现场检查计划 ${y}年${Number(m)}月${plan.week ? ` 第 ${plan.week} 周` : ''}${inspector}` : `On-site inspection plan ${monthWords(plan.period, lang)}${plan.week ? ` week ${plan.week}` : ''}${inspector}`;
  const months = plan.rounds.filter((r) => !r.week).length;
  const weeks = plan.rounds.length - months;
  const rows = plan.rounds.reduce((a, r) => a + r.rows.length, 0);
  const lines = [head, zh ? `共 ${plan.rounds.length} 轮（月度 ${months} 轮，每周 ${weeks} 轮），${rows} 项检查。` : `${plan.rounds.length} rounds (${months} monthly, ${weeks} weekly), ${rows} rows.`];
  if (!tree.inspectionPlans.length) lines.push(zh ? '没有检查计划（standards/school/inspections.yaml）：各条款按默认每处每月检查 1 次，不抽查。' : 'No inspection plan (standards/school/inspections.yaml): every requirement once a month at every place, nothing sampled.');
  for (const w of plan.idle_weeks ?? []) {
    const md = (d: string): string => `${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;
    lines.push(zh ? `第 ${w.week} 周（${md(w.start)}—${md(w.end)}）没有工作日，不安排每周检查。` : `Week ${w.week} (${localTime(w.start, lang)} to ${localTime(w.end, lang)}) has no working day: no weekly round.`);
  }
  if (!plan.rounds.length && !(plan.week !== undefined && plan.idle_weeks?.length)) lines.push(zh ? '本期没有应检查的轮次（服务商不在合同服务期内，或没有适用的现场检查条款）。' : 'No round is due in this period (no provider in its contract service period, or no applicable on-site requirement).');
  for (const r of plan.rounds) lines.push('', ...renderRound(tree, plan, r, lang));
  return fitLines(lines.join('\n'));
}

const PLAN: InspectionSubcommand = {
  summary: { zh: '列出某月（或某周）各服务商、各处所应做的现场检查', en: 'List the on-site checks due in a month (or week), per provider and place' },
  usage: 'charter inspections plan --period YYYY-MM [--provider P] [--week N] [--tree DIR] [--json]',
  help: SELECTION_HELP,
  options: SELECTION_OPTIONS,
  run({ values }, lang, json, io) {
    const sel = roundSelection(values, 'inspections plan', io, lang, json);
    if (typeof sel === 'number') return sel;
    const plan = planInspections([sel.tree], { period: sel.period, ...(sel.provider ? { provider: sel.provider } : {}), ...(sel.week !== undefined ? { week: sel.week } : {}) });
    if (json) io.out(JSON.stringify({ ok: true, ...plan }, null, 2));
    else io.out(renderPlan(sel.tree, plan, lang));
    return EXIT.ok;
  },
};

/** Subcommands of `charter inspections`; each brings its own options (merged into the command's). */
export const INSPECTION_SUBCOMMANDS: Record<string, InspectionSubcommand> = {
  plan: PLAN,
  checklist: CHECKLIST_COMMAND,
};

const subs = (): [string, InspectionSubcommand][] => Object.entries(INSPECTION_SUBCOMMANDS);

export const INSPECTION_COMMANDS: Record<string, Command> = {
  inspections: {
    summary: { zh: '现场检查：按标准排出检查轮次（plan），打印检查表与填报工作簿（checklist）', en: 'On-site inspections: plan the rounds from the standard (plan), print checklists and workbooks (checklist)' },
    get usage() {
      return subs().map(([, s]) => s.usage).join('\n       ');
    },
    get help() {
      return {
        zh: subs().map(([name, s]) => `  ${name}：${s.summary.zh}\n${s.help.zh}`).join('\n\n'),
        en: subs().map(([name, s]) => `  ${name}: ${s.summary.en}\n${s.help.en}`).join('\n\n'),
      };
    },
    options: { ...COMMON, ...Object.assign({}, ...Object.values(INSPECTION_SUBCOMMANDS).map((s) => s.options)) },
    run({ values, positionals }, lang, json, io) {
      const name = positionals[0];
      const sub = name !== undefined ? INSPECTION_SUBCOMMANDS[name] : undefined;
      const names = Object.keys(INSPECTION_SUBCOMMANDS);
      if (!sub) {
        if (name === undefined) return usageError([missing('inspections', 'charter inspections plan|checklist --period YYYY-MM', { zh: `子命令（${names.join(' | ')}）`, en: `a subcommand (${names.join(' | ')})` })], lang, json, io);
        return usageError([cmdErr('CH032', { command: 'inspections', value: name, ...choiceArgs(name, names, lang, undefined, 'charter inspections ') })], lang, json, io);
      }
      // An option of another subcommand is a mistake here, not something to ignore silently.
      const foreign = Object.keys(values).filter((k) => values[k] !== undefined && !(k in COMMON) && !(k in sub.options));
      if (foreign.length) return usageError([cmdErr('CH002', { detail: `${foreign.map((k) => `--${k}`).join(', ')} (charter inspections ${name} ${lang === 'zh' ? '不接受' : 'does not take it'})`, command: 'inspections' })], lang, json, io);
      return sub.run({ values, positionals: positionals.slice(1) }, lang, json, io);
    },
  },
};

