// npm start: the whole pipeline on the bundled sample university — validate the standards, submit the
// sample's service data into a fresh store, evaluate the term, issue rectification notices and follow
// them through the loop, print the monthly scorecards, and build the commitment site (both editions).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runSafely, type Io } from '../engine/cli/main.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join('examples', 'sample-university');
const OUT = 'out';
const DB = join(OUT, 'sample.sqlite');
const io: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  cwd: ROOT,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
const lang = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'zh';
const zh = lang === 'zh';
const step = (t: string): void => io.out(`\n== ${t}`);

step(zh ? '1. 校验 standards/' : '1. Validate standards/');
if ((await runSafely(['validate', '--summary', '--lang', lang], io)) !== 0) process.exit(1);

step(zh ? `2. 提交示例大学的服务数据到新的数据库 ${DB}` : `2. Submit the sample university's service data into a fresh store ${DB}`);
for (const f of [DB, DB + '-wal', DB + '-shm', join(OUT, 'rejects')]) rmSync(join(ROOT, f), { recursive: true, force: true });
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

step(zh ? '3. 已记录的提交' : '3. Recorded submissions');
await runSafely(['submissions', '--db', DB, '--lang', lang], io);

step(zh ? '4. 评价 2026 年 4 月' : '4. Evaluate April 2026');
await runSafely(['evaluate', '--period', '2026-04', '--db', DB, '--out', join(OUT, '2026-04'), '--lang', lang], io);

step(zh ? '5. 评价整个学期的其余月份' : '5. Evaluate the other months of the term');
const quiet: Io = { ...io, out: () => {} };
for (const month of ['2026-02', '2026-03', '2026-05', '2026-06', '2026-07']) {
  let text = '';
  await runSafely(['evaluate', '--period', month, '--db', DB, '--out', join(OUT, month), '--json'], { ...quiet, out: (s) => (text += s) });
  const r = JSON.parse(text) as { summary: Record<string, number>; findings_file: string };
  io.out(zh ? `${month}：通过 ${r.summary.passed}，不通过 ${r.summary.failed}，错误 ${r.summary.error} → ${join(OUT, month, 'findings.json')}` : `${month}: passed ${r.summary.passed}, failed ${r.summary.failed}, errors ${r.summary.error} → ${join(OUT, month, 'findings.json')}`);
}

// The school's plans bind units of the register: the general office answers to its service guide.
io.out(`\n$ charter evaluate --period 2026-05 --provider general-office`);
await runSafely(['evaluate', '--period', '2026-05', '--provider', 'general-office', '--db', DB, '--out', join(OUT, '2026-05-general-office'), '--lang', lang], io);

step(zh ? '6. 签发整改通知单（每月评价后第 4 个工作日签发）' : '6. Issue rectification notices (a few working days after each month)');
// Fixed issue dates keep the numbers, deadlines and PDFs the same run to run.
const ISSUE: Record<string, string> = { '2026-03': '2026-04-07T09:00', '2026-04': '2026-05-07T09:00', '2026-05': '2026-06-04T09:00', '2026-06': '2026-07-06T09:00' };
const NOTICES = join(OUT, 'notices');
rmSync(join(ROOT, NOTICES), { recursive: true, force: true });
for (const [month, at] of Object.entries(ISSUE)) {
  io.out(`\n$ charter notices issue --period ${month} --at ${at}`);
  await runSafely(['notices', 'issue', '--period', month, '--at', at, '--by', '质量监督科', '--db', DB, '--out', NOTICES, '--lang', lang], io);
}

step(zh ? '7. 整改闭环：签收、反馈、复查、逾期与问责' : '7. The loop: acknowledge, reply, verify, overdue and escalation');
const loop: string[][] = [
  // April's notices: the property company signs, reports its rectification, and the office re-checks on May's data.
  ['ack', '2026-003', '--by', '张经理（华宇物业）', '--at', '2026-05-08T10:00'],
  ['reply', '2026-003', '--by', '张经理（华宇物业）', '--note', '已调整维修人员排班，增设楼宇值守，超时工单逐单分析', '--at', '2026-05-12T16:00'],
  ['verify', '2026-003', '--by', '质量监督科', '--as-of', '2026-06-01T00:00'],
  ['ack', '2026-004', '--by', '李主管（信远后勤）', '--at', '2026-05-08T11:00'],
  ['reply', '2026-004', '--by', '李主管（信远后勤）', '--note', '更换损坏路灯；配电房巡检改为每日两次并签字存档', '--at', '2026-05-11T17:00'],
  ['verify', '2026-004', '--by', '质量监督科', '--as-of', '2026-07-01T00:00'],
  // Everything else was left alone: the plan's rules decide what is overdue and what goes to accountability.
  ['review', '--as-of', '2026-07-10T09:00'],
  ['list'],
  ['show', '2026-004'],
  // The failed re-check of 2026-003 set a new deadline (再次限期整改): shown with the first one.
  ['show', '2026-003'],
];
for (const args of loop) {
  io.out(`\n$ charter notices ${args.join(' ')}`);
  await runSafely(['notices', ...args, '--db', DB, '--out', NOTICES, '--lang', lang], io);
}

step(zh ? '8. 月度考核评分表' : '8. Monthly scorecards');
const CARDS = join(OUT, 'scorecards');
for (const month of ['2026-04', '2026-05', '2026-06']) {
  io.out(`\n$ charter scorecard --period ${month}`);
  await runSafely(['scorecard', '--period', month, '--at', `${month}-28T09:00`, '--db', DB, '--out', CARDS, '--lang', lang], io);
}

step(zh ? '9. 服务承诺网站：公开版与后勤处内部版' : '9. The commitment site: public and internal editions');
for (const edition of ['public', 'internal']) {
  io.out(`\n$ charter site build --edition ${edition}`);
  await runSafely(['site', 'build', '--edition', edition, '--db', DB, '--pdf', OUT, '--lang', lang], io);
}

step(zh ? '输出位置' : 'Where the outputs are');
io.out(
  zh
    ? `数据库：${DB}\n拒收文件：${join(OUT, 'rejects')}/\n评价结果：${OUT}/<月份>/findings.json\n整改通知单：${NOTICES}/notice-<年>-<序号>.pdf，按月合并打印：${NOTICES}/notices-<月份>.pdf\n考核评分表：${CARDS}/scorecard-<月份>-<服务商>.pdf，按月合并打印：${CARDS}/scorecards-<月份>.pdf\n网站：site/dist/（公开版）、site/dist-internal/（内部版）；预览：npm run preview，然后打开 http://127.0.0.1:4321/ 和 http://127.0.0.1:4322/\n示例数据说明：${join(SAMPLE, 'README.md')}`
    : `Store: ${DB}\nRejects files: ${join(OUT, 'rejects')}/\nFindings: ${OUT}/<month>/findings.json\nNotices: ${NOTICES}/notice-<year>-<seq>.pdf, combined per month: ${NOTICES}/notices-<month>.pdf\nScorecards: ${CARDS}/scorecard-<month>-<provider>.pdf, combined per month: ${CARDS}/scorecards-<month>.pdf\nSite: site/dist/ (public), site/dist-internal/ (internal); preview: npm run preview, then open http://127.0.0.1:4321/ and http://127.0.0.1:4322/\nAbout the sample: ${join(SAMPLE, 'README.md')}`,
);
