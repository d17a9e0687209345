// charter submit / submissions: service data into the store.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { diag, message, type Diagnostic, type Lang } from '../diagnostics.ts';
import { indexRegister } from '../data/mapping.ts';
import type { submit as submitFn } from '../data/submit.ts';
import { formatOf } from '../data/formats.ts';
import { notRegularFile } from '../data/limits.ts';
import { folderProblem } from '../data/rejects.ts';
import { createCalendar, monthData, parseLocal, renderMonth } from '../calendar/calendar.ts';
import type { MappingFile } from '../model/types.ts';
import { RECORD_KINDS, type RecordKind } from '../model/vocabulary.ts';
import { FINDING_STATUS, RECORD_VERDICT, WHATIF_SIDE, limitWords, localTime, monthWords, RECORD_KIND, say, shareWords } from '../model/labels.ts';
import { namesOf } from '../validate/names.ts';
import type { Tree } from '../load/tree.ts';
import type { WhatIf as WhatIfResult } from '../evaluate/whatif.ts';
import { dbPath, DEFAULT_DB, DB_ENV, storeErrorOf } from '../store/store.ts';
import { missingStore, openCliStore, runNotRecorded, storeFailure } from './store-cli.ts';
import { validate } from '../validate/run.ts';
import { findYamlFiles, lacksForData, loadTree } from '../load/tree.ts';
import { checkMonth, choiceArgs, COMMON, outsideCalendar, EXIT, missing, NEEDS, nearest, normaliseInstant, parseInstant, usageError, type Command, type Io } from './common.ts';
import { REQUIREMENT_TYPE } from '../model/labels.ts';
import { diagnosticJson, renderDiagnostic, style, table } from './format.ts';

export const DB_HELP = {
  zh: `  --db PATH       数据库文件（默认 ${DEFAULT_DB}，或环境变量 ${DB_ENV}）`,
  en: `  --db PATH       the store (default ${DEFAULT_DB}, or the ${DB_ENV} environment variable)`,
};

export function progressBar(done: number, total: number): string {
  const w = 24;
  const k = total ? Math.round((done / total) * w) : w;
  return `[${'█'.repeat(k)}${' '.repeat(w - k)}] ${done}/${total}`;
}

export const cmdErr = (code: string, args: Record<string, string | number>): Diagnostic => diag(code, '<command line>', { line: 1, col: 1 }, args);

/** --tree and --db as the data commands take them; a missing one is a CH003 pushed to `bad`. */
export function treeAndDb(v: Record<string, unknown>, cwd: string, bad: Diagnostic[], needDb = true): { treeDir: string; path: string } {
  const treeDir = resolve(cwd, (v.tree as string | undefined) ?? 'standards');
  if (!existsSync(treeDir)) bad.push(cmdErr('CH003', { value: (v.tree as string | undefined) ?? 'standards' }));
  else if (!statSync(treeDir).isDirectory()) bad.push(cmdErr('CH123', { value: (v.tree as string | undefined) ?? 'standards' }));
  const path = dbPath(v.db as string | undefined, cwd);
  if (needDb && !existsSync(path)) bad.push(missingStore(path));
  return { treeDir, path };
}

/** The standards tree a command judges data by; a broken tree is reported, not used. The requirement
 * tests under tests/ are left out: a typo in a test case must not block submitting or evaluating data. */
export function loadStandards(treeDir: string, io: Io, lang: Lang, json: boolean) {
  const fail = (d: Diagnostic): undefined => {
    if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
    else io.err(renderDiagnostic(d, lang, '', style(io.color)));
    return undefined;
  };
  const shown = relative(io.cwd, treeDir) || treeDir;
  let names: string[];
  try {
    names = readdirSync(treeDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOTDIR' ? cmdErr('CH123', { value: shown }) : cmdErr('CH003', { value: `${shown} (${code ?? String(e)})` }));
  }
  const paths = names.filter((n) => n !== 'tests').map((n) => join(treeDir, n));
  // The tree folder is the root: a link inside it may not lead out of it (CH120).
  const r = validate({ paths, cwd: io.cwd, root: treeDir });
  if (r.errors) return fail(cmdErr('CH312', { errors: r.errors }));
  // Every data command reads the school calendar (time zone, working days) and the campus register.
  const lacks = lacksForData(r.set);
  if (lacks) return fail(cmdErr('CH122', { value: shown, ...lacks }));
  return r.set;
}

function printProblems(ds: Diagnostic[], lang: Lang, io: Io, limit: number): void {
  const st = style(io.color);
  const hints = new Map<string, string>();
  for (const d of ds.slice(0, limit)) {
    const m = message(d, lang);
    const sev = d.severity === 'error' ? st.red(lang === 'zh' ? '错误' : 'error') : st.yellow(lang === 'zh' ? '警告' : 'warning');
    io.out(`${st.bold(`${d.file}:${d.line}${d.col ? `:${d.col}` : ''}`)} ${sev} ${d.code} ${m.message}`);
    hints.set(d.code, m.hint);
  }
  for (const [code, hint] of hints) io.out(`  ${st.dim(lang === 'zh' ? '提示' : 'hint')} ${code}: ${hint}`);
}

/** whatif in the reader's words: which side is which, the counts, the findings and the records that change verdict. */
function renderWhatIf(results: WhatIfResult[], sides: { before: string; after: string; short: [string, string]; unchanged: boolean }, current: Tree, proposed: Tree, lang: Lang): string {
  const zh = lang === 'zh';
  const na = namesOf(current);
  const nb = namesOf(proposed);
  const req = (id: string): string => (na.requirement(id, lang) !== id ? na.requirement(id, lang) : nb.requirement(id, lang));
  const status = (x: string): string => (x === 'absent' ? (zh ? '（无此项）' : '(none)') : say(FINDING_STATUS, x, lang));
  const outcome = (x: string): string => say(RECORD_VERDICT, x, lang);
  const scope = (sc: string): string => {
    const [kind, id] = [sc.slice(0, sc.indexOf(':')), sc.slice(sc.indexOf(':') + 1)];
    if (kind === 'provider' || id === '*' || id === '') return zh ? '全校' : 'all campuses';
    return na.place(id, lang);
  };
  const measured = (x: unknown): string => (x === undefined ? '—' : typeof x === 'number' ? String(Math.round(x * 1000) / 1000) : String(x));
  const out: string[] = [];
  const span = results.length === 1 ? monthWords(results[0]!.period, lang) : zh ? `${monthWords(results[0]!.period, lang)}至${monthWords(results[results.length - 1]!.period, lang)}` : `${monthWords(results[0]!.period, lang)} to ${monthWords(results[results.length - 1]!.period, lang)}`;
  out.push(zh ? `${span}：比较 ${sides.before} 与 ${sides.after}` : `${span}: ${sides.before} compared with ${sides.after}`);
  if (sides.unchanged) out.push(zh ? '（工作区中的标准与已提交的在用版本相同：没有未提交的修改。）' : '(The working tree holds no uncommitted edit of the standards: both sides are the same.)');
  const changed: (string | number)[][] = [];
  const records: (string | number)[][] = [];
  let recordsTotal = 0;
  for (const w of results) {
    const month = monthWords(w.period, lang);
    out.push(zh ? `${month}：不通过 ${w.before.failed} → ${w.after.failed}；通过 ${w.before.passed} → ${w.after.passed}` : `${month}: failed ${w.before.failed} → ${w.after.failed}; passed ${w.before.passed} → ${w.after.passed}`);
    for (const c of w.changed) {
      const m = (words: WhatIfResult['changed'][number]['words_before'], raw: unknown): string => words?.measured[lang] ?? measured(raw);
      const where = c.words_after?.place[lang] ?? c.words_before?.place[lang] ?? scope(c.scope);
      changed.push([month, req(c.requirement), na.provider(c.provider), where, status(c.before), status(c.after), `${m(c.words_before, c.measured_before)} → ${m(c.words_after, c.measured_after)}`]);
    }
    for (const r of w.records) records.push([month, req(r.requirement), na.provider(r.provider), r.record, outcome(r.before), outcome(r.after)]);
    recordsTotal += w.records_total;
  }
  const [before, after] = sides.short;
  if (changed.length) {
    out.push('', zh ? '结论有变化的检查项' : 'Findings that change');
    out.push(table([zh ? '月份' : 'month', zh ? '条款' : 'clause', zh ? '服务单位' : 'provider', zh ? '范围' : 'where', before, after, zh ? '实测（前 → 后）' : 'measured (before → after)'], changed));
  } else out.push('', zh ? '评价结论没有变化。' : 'No finding changes.');
  if (records.length) {
    out.push('', zh ? '结论有变化的记录' : 'Records whose verdict changes');
    out.push(table([zh ? '月份' : 'month', zh ? '条款' : 'clause', zh ? '服务单位' : 'provider', zh ? '记录' : 'record', before, after], records));
    if (recordsTotal > records.length) out.push(zh ? `…… 共 ${recordsTotal} 条记录有变化，此处列出 ${records.length} 条；用 --json 查看。` : `… ${recordsTotal} records change; ${records.length} are listed here; see --json.`);
  }
  const pledges: (string | number)[][] = [];
  for (const w of results)
    for (const p of w.pledges) {
      const rate = (x: { n: number; met: number; rate: number | null; limit: string } | null): string => (x ? `${limitWords(x.limit, undefined, lang)}：${shareWords(x.met, x.n, lang)}` : '—');
      pledges.push([monthWords(w.period, lang), req(p.requirement), na.provider(p.provider), rate(p.before), rate(p.after)]);
    }
  if (pledges.length) {
    out.push('', zh ? '服务承诺达成率变化' : 'Pledge rates');
    out.push(table([zh ? '月份' : 'month', zh ? '条款' : 'clause', zh ? '服务单位' : 'provider', before, after], pledges));
  }
  return out.join('\n');
}

export const DATA_COMMANDS: Record<string, Command> = {
  submit: {
    summary: { zh: '提交服务数据（CSV/XLSX/JSON/NDJSON），逐行校验后入库', en: 'Submit service data (CSV/XLSX/JSON/NDJSON), every row validated, into the store' },
    usage: 'charter submit FILE --kind KIND [--mapping MAP.yaml|ID] [--provider P] [--period YYYY-MM] [--accept-valid] [--db PATH]',
    help: {
      zh: `  FILE             要提交的文件：.csv（UTF-8 或 GBK/GB18030，自动识别）、.xlsx、.json、.ndjson
  --kind KIND      记录类型：${RECORD_KINDS.join(' | ')}
  --mapping M      列映射文件（YAML）或其 id（standards/mappings/ 中）；不写时按标准字段名读取
  --provider P     服务商 id：为空的行补上，不一致的行拒收
  --period YYYY-MM 申报月份：事件时间不在该月的行拒收
  --encoding E     CSV 编码：utf-8 | gb18030 | gbk | utf-16le | utf-16be（默认自动识别，并在结果中说明依据）
  --sheet NAME     XLSX 工作表（默认第一个或映射指定的）
  --accept-valid   保存正确的行，拒收的行连同原因写入拒收文件（默认：有任何错误则整份拒收）
  --rejects DIR    拒收文件目录（默认数据库旁的 rejects/）
  --tree DIR       标准目录（默认 standards/）
  --now DATE       记录的提交时间（默认当前时间；用于测试和重放）
${DB_HELP.zh}
  同一记录再次提交时：新版本替换旧版本，旧版本保存在历史中。`,
      en: `  FILE             the file: .csv (UTF-8 or GBK/GB18030, detected), .xlsx, .json, .ndjson
  --kind KIND      record kind: ${RECORD_KINDS.join(' | ')}
  --mapping M      a column mapping (YAML file) or its id (in standards/mappings/); without it, canonical field names
  --provider P     provider id: filled in where empty, rows naming another provider are rejected
  --period YYYY-MM the month declared: rows whose event time is outside it are rejected
  --encoding E     CSV encoding: utf-8 | gb18030 | gbk | utf-16le | utf-16be (detected by default; the summary says why)
  --sheet NAME     XLSX sheet (default: the mapping's, or the first)
  --accept-valid   store the valid rows and write the rejected ones with reasons to a rejects file (default: any bad row refuses the file)
  --rejects DIR    where rejects files go (default rejects/ beside the store)
  --tree DIR       the standards tree (default standards/)
  --now DATE       the submission time to record (default: now; for tests and replays)
${DB_HELP.en}
  A record submitted again replaces the stored one; the old version is kept in the history.`,
    },
    options: {
      ...COMMON,
      kind: { type: 'string' },
      mapping: { type: 'string' },
      provider: { type: 'string' },
      period: { type: 'string' },
      encoding: { type: 'string' },
      sheet: { type: 'string' },
      'accept-valid': { type: 'boolean' },
      rejects: { type: 'string' },
      tree: { type: 'string' },
      now: { type: 'string' },
      db: { type: 'string' },
    },
    async run({ values, positionals }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const bad: Diagnostic[] = [];
      const SUBMIT_USAGE = 'charter submit FILE --kind KIND [--mapping ID]';
      if (positionals.length === 0) bad.push(missing('submit', SUBMIT_USAGE, NEEDS.file));
      else if (positionals.length > 1) bad.push(cmdErr('CH002', { detail: lang === 'zh' ? `只能提交一个文件（给了 ${positionals.length} 个：${positionals.join(' ')}）` : `one FILE at a time (${positionals.length} given: ${positionals.join(' ')})`, command: 'submit' }));
      const file = positionals[0] ? resolve(io.cwd, positionals[0]) : '';
      if (file && !existsSync(file)) bad.push(cmdErr('CH003', { value: positionals[0]! }));
      else if (file && notRegularFile(file)) bad.push(cmdErr('CH327', { value: positionals[0]!, ...notRegularFile(file)! }));
      // An old Excel workbook gets its own message: the fix is to save it as XLSX or CSV.
      else if (file && /\.xls$/i.test(file)) bad.push(cmdErr('CH340', { value: positionals[0]! }));
      else if (file && !formatOf(file)) bad.push(cmdErr('CH311', { value: positionals[0]! }));
      const kind = v.kind as string | undefined;
      if (!kind) bad.push(missing('submit', SUBMIT_USAGE, { zh: `--kind（记录类型：${RECORD_KINDS.join(' | ')}）`, en: `--kind (the record kind: ${RECORD_KINDS.join(' | ')})` }));
      else if (!(RECORD_KINDS as string[]).includes(kind)) bad.push(cmdErr('CH033', { flag: '--kind', value: kind, ...choiceArgs(kind, [...RECORD_KINDS], lang, (c, l) => `${c}${l === 'zh' ? `（${say(RECORD_KIND, c, l)}）` : ` (${say(RECORD_KIND, c, l)})`}`, '--kind ') }));
      bad.push(...[checkMonth('--period', v.period as string | undefined, 'submit', SUBMIT_USAGE, false)].filter((d) => d !== undefined));
      if (v.encoding !== undefined && !['utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'].includes(String(v.encoding))) bad.push(cmdErr('CH033', { flag: '--encoding', value: String(v.encoding), ...choiceArgs(String(v.encoding), ['utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'], lang, undefined, '--encoding ') }));
      let now = new Date();
      if (v.now !== undefined) {
        const t = parseInstant('--now', String(v.now));
        if (t instanceof Date) now = t;
        else bad.push(t);
      }
      const treeDir = resolve(io.cwd, (v.tree as string | undefined) ?? 'standards');
      if (!existsSync(treeDir)) bad.push(cmdErr('CH003', { value: (v.tree as string | undefined) ?? 'standards' }));
      {
        // Said before anything is read or stored: a rejects folder that cannot be one would fail only after the work.
        const given = v.rejects as string | undefined;
        const dir = given !== undefined ? resolve(io.cwd, given) : join(dirname(dbPath(v.db as string | undefined, io.cwd)), 'rejects');
        // The default lies beside the store: a store folder that cannot be written is the store's message
        // (CH40x), so only a default that exists and is not a folder is said here.
        let exists;
        try {
          exists = statSync(dir, { throwIfNoEntry: false }) ?? lstatSync(dir, { throwIfNoEntry: false });
        } catch {
          exists = undefined; // under a file or unreadable: said by folderProblem for --rejects, by the store otherwise
        }
        const problem = given !== undefined || (exists && !exists.isDirectory()) ? folderProblem(dir) : undefined;
        if (problem) bad.push(cmdErr('CH018', { value: given ?? dir, ...problem }));
      }
      if (bad.length) return usageError(bad, lang, json, io);

      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      if (typeof v.provider === 'string') {
        const bad = unknownProvider(tree, '--provider', v.provider, lang);
        if (bad) return usageError([bad], lang, json, io);
      }
      let mapping: MappingFile | undefined;
      if (typeof v.mapping === 'string') {
        const asPath = resolve(io.cwd, v.mapping);
        if (existsSync(asPath)) {
          // A folder, a device or a file that is not YAML is a usage error with its reason, never silence.
          const kind = notRegularFile(asPath);
          const notYaml = !kind && !/\.ya?ml$/i.test(asPath);
          if (kind || notYaml) {
            const detail = kind ?? { kindZh: '不是 .yaml/.yml 文件', kindEn: 'not a .yaml/.yml file' };
            return usageError([cmdErr('CH328', { value: v.mapping, detailZh: kind ? `它是${kind.kindZh}` : detail.kindZh, detailEn: kind ? `it is ${kind.kindEn}` : detail.kindEn })], lang, json, io);
          }
          const r = validate({ paths: [asPath], contextDir: treeDir, cwd: io.cwd });
          if (!r.errors && !r.set.mappings[0]) {
            const d = cmdErr('CH328', { value: v.mapping, detailZh: '文件中没有 kind: mapping 的文档', detailEn: 'it holds no document of kind: mapping' });
            if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
            else io.err(renderDiagnostic(d, lang, '', style(io.color)));
            return EXIT.problems;
          }
          if (r.errors || !r.set.mappings[0]) {
            const st = style(io.color);
            const sources = new Map(r.set.files.map((f) => [f.display, f.yaml.source]));
            if (json) io.out(JSON.stringify({ ok: false, diagnostics: r.diagnostics.map((d) => diagnosticJson(d, lang)) }, null, 2));
            else for (const d of r.diagnostics) io.out(renderDiagnostic(d, lang, sources.get(d.file) ?? '', st) + '\n');
            return EXIT.problems;
          }
          mapping = r.set.mappings[0].value;
        } else {
          mapping = tree.mappings.find((m) => m.value.id === v.mapping)?.value;
          if (!mapping) {
            // Neither a file nor a mapping id: the shipped mappings are the choices (those for this kind first).
            const ids = tree.mappings.map((m) => m.value.id);
            const forKind = tree.mappings.filter((m) => m.value.kind === kind).map((m) => m.value.id);
            const all = choiceArgs(v.mapping, ids, lang, undefined, '--mapping ');
            const listed = forKind.length ? choiceArgs(v.mapping, forKind, lang, undefined, '--mapping ') : all;
            return usageError([cmdErr('CH023', { value: v.mapping, suggest: all.suggest, allowedZh: listed.allowedZh, allowedEn: listed.allowedEn })], lang, json, io);
          }
        }
      }
      // A round workbook of `charter inspections checklist` is read by its shipped mapping without --mapping.
      if (!mapping && kind === 'inspection-results' && formatOf(file) === 'xlsx') {
        const { isRoundWorkbook } = await import('../inspections/readback.ts');
        const m = tree.mappings.find((x) => x.value.id === 'inspection-round-xlsx')?.value;
        if (m && (await isRoundWorkbook(file, m))) mapping = m;
      }
      const path = dbPath(v.db as string | undefined, io.cwd);
      const store = openCliStore(path, 'write', 'submit', lang, json, io);
      if (typeof store === 'number') return store;
      const isTty = io.color;
      try {
        // Loaded on demand: the readers pull in exceljs and csv-parse, which other commands do not need.
        const { submit } = await import('../data/submit.ts');
        const opts: Parameters<typeof submitFn>[0] = {
          file,
          display: positionals[0]!,
          kind: kind as RecordKind,
          acceptValid: Boolean(v['accept-valid']),
          rejectsDir: resolve(io.cwd, (v.rejects as string | undefined) ?? join(dirname(path), 'rejects')),
          now,
          tz: tree.calendars[0]?.value.timezone ?? 'Asia/Shanghai',
          register: indexRegister(tree.registers[0]?.value),
          activities: new Set(tree.activityFiles.flatMap((a) => a.value.activities.map((x) => x.code))),
          store,
          lang,
        };
        if (mapping) opts.mapping = mapping;
        if (mapping?.id === 'inspection-round-xlsx') {
          // Each row must be a row of its round as the planner plans it (engine/inspections/readback.ts).
          const { roundWorkbookHook } = await import('../inspections/readback.ts');
          const { findRound } = await import('../inspections/plan.ts');
          opts.rowHook = roundWorkbookHook((id) => findRound([tree], id));
        }
        if (typeof v.provider === 'string') opts.provider = v.provider;
        if (typeof v.period === 'string') opts.period = v.period;
        if (typeof v.encoding === 'string') opts.encoding = v.encoding;
        if (typeof v.sheet === 'string') opts.sheet = v.sheet;
        if (isTty) opts.onProgress = (n) => process.stderr.write(`\r${lang === 'zh' ? '已读取' : 'read'} ${n.toLocaleString()} …`);
        const r = await submit(opts);
        if (isTty) process.stderr.write('\r\x1b[K');
        const zh = lang === 'zh';
        // A round workbook sent back unfilled stores nothing: say so rather than "stored" (exit 1).
        const blank = r.status === 'stored' && r.accepted === 0 && r.skipped.length > 0;
        if (json) {
          io.out(
            JSON.stringify(
              {
                ok: r.status === 'stored',
                status: r.status,
                submission_id: r.submissionId ?? null,
                file: positionals[0],
                sha256: r.sha256,
                format: r.format,
                encoding: r.encoding ?? null,
                encoding_reason: r.encodingReason?.[lang] ?? null,
                kind,
                mapping: mapping?.id ?? null,
                rows: { total: r.total, accepted: r.accepted, rejected: r.rejected, replaced: r.replaced, flagged: r.flagged, blank: r.blank },
                problem_count: r.problemCount + r.fileProblems.length,
                problems: [...r.fileProblems, ...r.problems].map((d) => diagnosticJson(d, lang)),
                warnings: r.warnings.map((d) => diagnosticJson(d, lang)),
                rejects_file: r.rejectsFile ?? null,
                // Round workbooks: rows left blank (not inspected), per round; not stored, not an error.
                ...(r.skipped.length ? { not_inspected: r.skipped.map((x) => ({ round: x.group, rows: x.rows })) } : {}),
                ...(blank ? { nothing_filled: true } : {}),
                db: path,
              },
              null,
              2,
            ),
          );
        } else {
          printProblems([...r.fileProblems, ...r.problems, ...r.warnings], lang, io, 50);
          const shown = Math.min(50, r.fileProblems.length + r.problems.length + r.warnings.length);
          const all = r.fileProblems.length + r.problemCount + r.warnings.length;
          if (all > shown) io.out(zh ? `…… 另有 ${all - shown} 个问题未在此列出${r.rejectsFile ? `，全部见拒收文件` : '，用 --json 查看全部'}。` : `… ${all - shown} more problems not shown${r.rejectsFile ? '; all are in the rejects file' : '; use --json to see all'}.`);
          io.out(
            table(
              [zh ? '行' : 'rows', zh ? '合计' : 'total', zh ? '入库' : 'stored', zh ? '拒收' : 'rejected', zh ? '替换' : 'replaced', zh ? '时间异常' : 'flagged'],
              [[r.format + (r.encoding ? ` ${r.encoding}` : ''), r.total, r.accepted, r.rejected, r.replaced, r.flagged]],
            ),
          );
          const kindWords = say(RECORD_KIND, kind, lang);
          const verdict = {
            stored: zh ? `已入库：提交 #${r.submissionId}（${kindWords}，sha256 ${r.sha256.slice(0, 12)}…）。` : `Stored as submission #${r.submissionId} (${kindWords}, sha256 ${r.sha256.slice(0, 12)}…).`,
            partial: zh ? `部分入库：提交 #${r.submissionId}（${kindWords}），${r.rejected} 行拒收。` : `Partly stored as submission #${r.submissionId} (${kindWords}); ${r.rejected} rows rejected.`,
            // A refusal about the file itself (headers, encoding, size, the wrong kind of file), with or without
            // --accept-valid, is one no row can escape: --accept-valid would not help, so it is not suggested.
            refused: v['accept-valid'] || r.fileProblems.length
              ? zh ? '整份拒收（问题在文件本身，见上），未入库任何数据。改正后重新提交。' : 'Refused whole (the problem is in the file itself, see above); nothing was stored. Fix it and resubmit.'
              : zh ? '整份拒收，未入库任何数据。改正后重新提交，或用 --accept-valid 先提交正确的行。' : 'Refused whole; nothing was stored. Fix and resubmit, or use --accept-valid to store the valid rows.',
          }[r.status];
          if (r.encodingReason) io.out(zh ? `编码：${r.encodingReason.zh}` : `Encoding: ${r.encodingReason.en}`);
          if (r.blank) io.out(zh ? `空白行：${r.blank} 行（各单元格均为空），已略过，不算拒收。` : `Blank rows: ${r.blank} (every cell empty), left out, not rejected.`);
          for (const x of r.skipped) io.out(zh ? `轮次 ${x.group}：${x.rows} 行检查结果为空（未检查），未入库。` : `Round ${x.group}: ${x.rows} rows left blank (not inspected), not stored.`);
          io.out(
            blank
              ? zh
                ? `工作簿中没有填写任何检查结果，未入库任何检查结果（提交 #${r.submissionId} 仅作记录）。在“检查结果”列选择 合格 / 不合格 / 不适用 后重新提交。`
                : `The workbook holds no inspection result: nothing was stored (submission #${r.submissionId} is only logged). Choose 合格 / 不合格 / 不适用 in the result column and resubmit.`
              : verdict,
          );
          if (blank) {
            if (r.rejectsFile) io.out(zh ? `拒收文件：${r.rejectsFile}` : `Rejects file: ${r.rejectsFile}`);
            io.out(zh ? `数据库：${path}` : `Store: ${path}`);
            return EXIT.problems;
          }
          if (r.rejectsFile) io.out(zh ? `拒收文件：${r.rejectsFile}` : `Rejects file: ${r.rejectsFile}`);
          io.out(zh ? `数据库：${path}` : `Store: ${path}`);
        }
        return r.status === 'stored' && !blank ? EXIT.ok : EXIT.problems;
      } catch (e) {
        if (isTty) process.stderr.write('\r\x1b[K');
        const x = storeFailure(e, path, 'submit', lang, json, io);
        if (x !== undefined) return x;
        throw e;
      } finally {
        store.close();
      }
    },
  },
  calendar: {
    summary: { zh: '显示某月的工作日历：工作日、法定节假日、调休补班、学期与假期', en: 'Print a month of the working calendar: working days, holidays, make-up workdays, terms' },
    usage: 'charter calendar YYYY-MM [--tree DIR] [--lang zh|en] [--json]',
    help: {
      zh: `  YYYY-MM      月份，例如 2026-10
  --tree DIR   标准目录（默认 standards/），从中读取学校校历（school-calendar）
  法定节假日与调休来自 chinese-days；数据未覆盖的年份标为“未知”，不作猜测。`,
      en: `  YYYY-MM      the month, e.g. 2026-10
  --tree DIR   the standards tree (default standards/) holding the school calendar
  Statutory holidays and make-up days come from chinese-days; years it does not cover are shown as unknown, never guessed.`,
    },
    options: { ...COMMON, tree: { type: 'string' } },
    run({ values, positionals }, lang, json, io) {
      const month = positionals[0];
      if (month === undefined) return usageError([missing('calendar', 'charter calendar YYYY-MM', { zh: '月份（格式 YYYY-MM，如 2026-10）', en: 'the month (YYYY-MM, e.g. 2026-10)' })], lang, json, io);
      if (positionals.length > 1) return usageError([cmdErr('CH002', { detail: lang === 'zh' ? `只能给一个月份（给了：${positionals.join(' ')}）` : `one month only (given: ${positionals.join(' ')})`, command: 'calendar' })], lang, json, io);
      const monthBad = checkMonth('', month, 'calendar', 'charter calendar YYYY-MM', true);
      if (monthBad) return usageError([monthBad], lang, json, io);
      const treeDir = resolve(io.cwd, (values.tree as string | undefined) ?? 'standards');
      if (!existsSync(treeDir)) return usageError([cmdErr('CH003', { value: (values.tree as string | undefined) ?? 'standards' })], lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const school = tree.calendars[0]?.value;
      if (!school) return usageError([cmdErr('CH004', { value: treeDir })], lang, json, io);
      const cal = createCalendar(school);
      if (json) io.out(JSON.stringify(monthData(cal, month!), null, 2));
      else io.out(renderMonth(cal, month!, lang));
      return EXIT.ok;
    },
  },
  evaluate: {
    summary: { zh: '按标准与方案评判已入库的服务数据，输出 findings.json', en: 'Judge the stored service data against the standard and plans; write findings.json' },
    usage: 'charter evaluate --period YYYY-MM [--profile ID] [--provider ID] [--as-of DATE] [--now DATE] [--out DIR] [--db PATH] [--json]',
    help: {
      zh: `  --period YYYY-MM  评价的月份
  --profile ID      对所有服务商使用该方案（默认：各服务商在校园登记中的合同方案）
  --provider ID     只评价该服务商
  --as-of DATE      判断未结案件的时点（默认：月末 24:00；只写日期即当天 0:00，北京时间）；之后的频次网格不计
  --now DATE        记录的评价时间（默认当前时间；用于测试和重放）。之后提交、影响此前已评价月份的数据会在以后的评价中报告
  --out DIR         findings.json 的目录（默认 out/<月份>/）
  --tree DIR        标准目录（默认 standards/）
${DB_HELP.zh}`,
      en: `  --period YYYY-MM  the month to judge
  --profile ID      use this profile for every provider (default: each provider's contract profile from the register)
  --provider ID     judge this provider only
  --as-of DATE      when open cases are judged (default: the end of the month; a date alone is that day's start, Beijing time); grid cells after it are not due
  --now DATE        the evaluation time to record (default: now; for tests and replays). Data submitted later that changes an evaluated month is reported by later evaluations
  --out DIR         where findings.json goes (default out/<period>/)
  --tree DIR        the standards tree (default standards/)
${DB_HELP.en}`,
    },
    options: { ...COMMON, period: { type: 'string' }, profile: { type: 'string' }, provider: { type: 'string' }, 'as-of': { type: 'string' }, now: { type: 'string' }, out: { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const bad: Diagnostic[] = [];
      const period = v.period as string | undefined;
      bad.push(...[checkMonth('--period', period, 'evaluate', 'charter evaluate --period YYYY-MM', true)].filter((d) => d !== undefined));
      let now = new Date();
      if (v.now !== undefined) {
        const t = parseInstant('--now', String(v.now));
        if (t instanceof Date) now = t;
        else bad.push(t);
      }
      // A time without an offset is local to the school calendar's zone, never the machine's.
      let asOf: Date | undefined;
      if (v['as-of'] !== undefined) {
        const t = parseInstant('--as-of', String(v['as-of']));
        if (t instanceof Date) asOf = t;
        else bad.push(t);
      }
      const { treeDir, path } = treeAndDb(v, io.cwd, bad);
      if (bad.length) return usageError(bad, lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const unknown = [typeof v.profile === 'string' ? unknownProfile(tree, v.profile, lang) : undefined, typeof v.provider === 'string' ? unknownProvider(tree, '--provider', v.provider, lang) : undefined].filter((d) => d !== undefined);
      if (unknown.length) return usageError(unknown, lang, json, io);
      const { evaluate } = await import('../evaluate/evaluate.ts');
      const { renderFindings } = await import('./findings-view.ts');
      const { cliWords } = await import('./words.ts');
      // Evaluating only reads; recording the run (for late-data reports) writes, so a store this user
      // cannot write is still evaluated, with a warning that the run was not recorded.
      const store = openCliStore(path, 'prefer-write', 'evaluate', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        const opts: Parameters<typeof evaluate>[0] = { tree, store, period: period! };
        if (typeof v.profile === 'string') opts.profile = v.profile;
        if (typeof v.provider === 'string') opts.provider = v.provider;
        if (asOf) opts.asOf = parseLocal(normaliseInstant(String(v['as-of'])), tree.calendars[0]?.value.timezone);
        if (io.color) opts.onProgress = (d, t) => process.stderr.write(`\r${progressBar(d, t)}`);
        const f = evaluate(opts);
        // Earlier months whose result data submitted since would change (issue 10 §1: late data is never lost).
        const { lateChanges, recordRun, renderLateChanges } = await import('../evaluate/runs.ts');
        const late = lateChanges({ tree, store, period: period! });
        let notRecorded = store.readOnly ? runNotRecorded(path, 'read-only') : undefined;
        if (!store.readOnly) {
          try {
            recordRun(store, f, { evaluatedAt: now, tz: tree.calendars[0]?.value.timezone, ...(opts.profile ? { profile: opts.profile } : {}), ...(opts.provider ? { provider: opts.provider } : {}) });
          } catch (e) {
            // The findings stand; only the record of this run is lost, and the user is told.
            const se = storeErrorOf(e, path, 'evaluate');
            if (se?.code === 'CH410') notRecorded = runNotRecorded(path, 'busy');
            else if (se?.code === 'CH409') notRecorded = runNotRecorded(path, 'read-only');
            else throw e;
          }
        }
        if (io.color) process.stderr.write('\r\x1b[K');
        const outDir = resolve(io.cwd, (v.out as string | undefined) ?? join('out', period!));
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, 'findings.json');
        writeFileSync(file, JSON.stringify(f, null, 2) + '\n');
        const pending = f.findings.reduce((a, x) => a + (x.pending?.length ?? 0), 0);
        const noData = f.findings.filter((x) => x.status === 'not-reviewed' && x.reason_code === 'no-data').length;
        if (json) io.out(JSON.stringify({ ok: f.summary.failed === 0 && f.summary.error === 0, findings_file: file, summary: f.summary, rollups: f.rollups.providers, no_data: noData, pending, late_changes: late, run_recorded: !notRecorded, warnings: notRecorded ? [diagnosticJson(notRecorded, lang)] : [] }, null, 2));
        else {
          io.out(renderFindings(f, lang, relative(io.cwd, file) || file, cliWords(tree, lang)));
          if (late.length) {
            const names = namesOf(tree);
            io.out('\n' + renderLateChanges(late, tree.registers[0]?.value, lang, (id) => names.requirement(id, lang)));
          }
          if (notRecorded) io.err(renderDiagnostic(notRecorded, lang, '', style(io.color)));
        }
        return f.summary.failed || f.summary.error ? EXIT.problems : EXIT.ok;
      } catch (e) {
        if (io.color) process.stderr.write('\r\x1b[K');
        const x = storeFailure(e, path, 'evaluate', lang, json, io);
        if (x !== undefined) return x;
        throw e;
      } finally {
        store.close();
      }
    },
  },
  explain: {
    summary: { zh: '解释一条记录为何满足或不满足某项要求：条件、事实值、参数版本、日历事实', en: 'Explain why one record met or missed a requirement: conditions, fact values, parameter version, calendar facts' },
    usage: 'charter explain REQUIREMENT RECORD [--profile ID] [--as-of DATE] [--db PATH] [--lang zh|en] [--json]',
    help: {
      zh: `  REQUIREMENT   条款编号，如 4.3-1
  RECORD        记录编号，如 WO-2026-000218（在数据库中查找）；检查类条款可给检查结果编号或计划行编号（轮次:地点:条款）
  --profile ID  按该方案的参数判断（默认：记录所属服务商的合同方案）
  --as-of DATE  判断未结案件的时点（默认：记录所在月份月末）
  --tree DIR    标准目录（默认 standards/）
${DB_HELP.zh}`,
      en: `  REQUIREMENT   requirement id, e.g. 4.3-1
  RECORD        record id, e.g. WO-2026-000218 (looked up in the store); for an inspection requirement an inspection result id or a planned row id (round:place:requirement)
  --profile ID  judge with this profile's parameters (default: the record's provider's contract profile)
  --as-of DATE  when an open case is judged (default: the end of the record's month)
  --tree DIR    the standards tree (default standards/)
${DB_HELP.en}`,
    },
    options: { ...COMMON, profile: { type: 'string' }, 'as-of': { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values, positionals }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const EXPLAIN_USAGE = 'charter explain REQUIREMENT RECORD';
      if (positionals.length === 0) return usageError([missing('explain', EXPLAIN_USAGE, NEEDS.requirement), missing('explain', EXPLAIN_USAGE, NEEDS.record)], lang, json, io);
      if (positionals.length === 1) return usageError([missing('explain', EXPLAIN_USAGE, NEEDS.record)], lang, json, io);
      if (positionals.length > 2) return usageError([cmdErr('CH002', { detail: lang === 'zh' ? `只需要条款编号和记录编号（多了：${positionals.slice(2).join(' ')}）` : `only REQUIREMENT and RECORD (extra: ${positionals.slice(2).join(' ')})`, command: 'explain' })], lang, json, io);
      const [reqId, recId] = positionals as [string, string];
      const treeDir = resolve(io.cwd, (v.tree as string | undefined) ?? 'standards');
      const path = dbPath(v.db as string | undefined, io.cwd);
      if (!existsSync(path)) return usageError([missingStore(path)], lang, json, io);
      let asOfGiven: Date | undefined;
      if (typeof v['as-of'] === 'string') {
        const t = parseInstant('--as-of', v['as-of']);
        if (!(t instanceof Date)) return usageError([t], lang, json, io);
        asOfGiven = t;
      }
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const unknown = [unknownRequirement(tree, reqId, lang), typeof v.profile === 'string' ? unknownProfile(tree, v.profile, lang) : undefined].filter((d) => d !== undefined);
      if (unknown.length) return usageError(unknown, lang, json, io);
      const { explainRecord, renderExplanation } = await import('../evaluate/explain.ts');
      const store = openCliStore(path, 'read', 'explain', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        const opts: Parameters<typeof explainRecord>[0] = { tree, store, requirement: reqId, record: recId };
        if (typeof v.profile === 'string') opts.profile = v.profile;
        if (asOfGiven) opts.asOf = parseLocal(normaliseInstant(String(v['as-of'])), tree.calendars[0]?.value.timezone);
        const x = explainRecord(opts);
        if ('problem' in x) return usageError([explainProblem(tree, store.db, reqId, recId, x.problem, lang)], lang, json, io);
        if (json) io.out(JSON.stringify(x, null, 2));
        else io.out(renderExplanation(x, lang));
        return EXIT.ok;
      } catch (e) {
        const r = storeFailure(e, path, 'explain', lang, json, io);
        if (r !== undefined) return r;
        throw e;
      } finally {
        store.close();
      }
    },
  },
  whatif: {
    summary: { zh: '比较同一批数据在在用版本与修改后的标准下的评价结果', en: 'Compare the same data under the edition in force and the edited standards' },
    usage: 'charter whatif --period YYYY-MM[..YYYY-MM] [--period …] [--proposal DIR|GIT-REVISION] [--tree DIR] [--db PATH] [--json]',
    help: {
      zh: `  --period P         评价的月份（YYYY-MM），或一段月份（2026-03..2026-05）；可重复给出，最多 24 个月
  --proposal P       拟议的标准目录，或 git 版本（如 HEAD~1、某分支名）中的 standards/，与 --tree 的当前标准比较；
                     不写时比较 git HEAD 中已提交的在用版本与工作区中修改后的 standards/（直接编辑的做法，见 docs/editing.md）
  --as-of DATE       判断未结案件的时点
  --tree DIR         标准目录（默认 standards/）
${DB_HELP.zh}`,
      en: `  --period P         the month (YYYY-MM) or a run of months (2026-03..2026-05); may be repeated, 24 months at most
  --proposal P       a proposed standards folder, or a git revision (HEAD~1, a branch) whose standards/ is used, compared with --tree;
                     without it, the edition in force committed at git HEAD is compared with the edited standards/ in the working tree (docs/editing.md)
  --as-of DATE       when open cases are judged
  --tree DIR         the standards tree (default standards/)
${DB_HELP.en}`,
    },
    options: { ...COMMON, period: { type: 'string', multiple: true }, proposal: { type: 'string' }, 'as-of': { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values }, lang, json, io) {
      const v = values as Record<string, string | string[] | boolean | undefined>;
      const given = (v.period as string[] | undefined) ?? [];
      const proposal = v.proposal as string | undefined;
      const bad: Diagnostic[] = [];
      const { whatIf, checkoutRevision, committedEdition, loadSide, relabel, expandPeriods, cleanupProposal, ProposalError } = await import('../evaluate/whatif.ts');
      const expanded = given.length ? expandPeriods(given) : { bad: '' };
      const months = 'months' in expanded ? expanded.months : [];
      if ('bad' in expanded) {
        bad.push(
          cmdErr('CH002', {
            detail: given.length
              ? lang === 'zh' ? `--period ${expanded.bad}（格式 YYYY-MM 或 YYYY-MM..YYYY-MM，最多 24 个月）` : `--period ${expanded.bad} (YYYY-MM or YYYY-MM..YYYY-MM, 24 months at most)`
              : lang === 'zh' ? '缺少 --period（格式 YYYY-MM 或 YYYY-MM..YYYY-MM）' : '--period is missing (YYYY-MM or YYYY-MM..YYYY-MM)',
            command: 'whatif',
          }),
        );
      } else for (const m of [months[0]!, months[months.length - 1]!]) bad.push(...[outsideCalendar('--period', m, 'month')].filter((d) => d !== undefined));
      if (typeof v['as-of'] === 'string') {
        const t = parseInstant('--as-of', v['as-of']);
        if (!(t instanceof Date)) bad.push(t);
      }
      // Never an option to git: a folder named "-x" is written ./-x.
      if (proposal?.startsWith('-')) bad.push(cmdErr('CH013', { value: proposal }));
      const path = dbPath(v.db as string | undefined, io.cwd);
      if (!existsSync(path)) bad.push(missingStore(path));
      const treeArg = (v.tree as string | undefined) ?? 'standards';
      const treeDir = resolve(io.cwd, treeArg);
      if (!existsSync(treeDir)) bad.push(cmdErr('CH003', { value: treeArg }));
      else if (!statSync(treeDir).isDirectory()) bad.push(cmdErr('CH123', { value: treeArg }));
      if (bad.length) return usageError(bad, lang, json, io);
      const zh = lang === 'zh';
      const shownTree = relative(io.cwd, treeDir) || treeDir;
      // The two sides: by default the edition in force (git HEAD) and the working tree's edits; with
      // --proposal, the --tree standards and the proposal (a folder, else a git revision).
      type Label = { zh: string; en: string };
      let beforeDir: string;
      let afterDir: string;
      let beforeLabel: Label;
      let afterLabel: Label;
      let temp: string | undefined;
      let unchanged = false;
      try {
        if (proposal === undefined) {
          const head = committedEdition(treeDir, shownTree);
          temp = head.dir;
          unchanged = !head.changed;
          beforeDir = head.dir;
          afterDir = treeDir;
          beforeLabel = { zh: `在用版本（git HEAD ${head.commit.slice(0, 7)} 已提交的 ${shownTree}/）`, en: `edition in force (${shownTree}/ as committed at git HEAD ${head.commit.slice(0, 7)})` };
          afterLabel = { zh: `修改后（工作区中的 ${shownTree}/）`, en: `as edited (${shownTree}/ in the working tree)` };
        } else {
          beforeDir = treeDir;
          beforeLabel = { zh: `当前标准（${shownTree}/）`, en: `current standards (${shownTree}/)` };
          afterDir = resolve(io.cwd, proposal);
          if (!existsSync(afterDir)) {
            afterDir = checkoutRevision(io.cwd, proposal);
            temp = afterDir;
            afterLabel = { zh: `拟议版本（git ${proposal} 中的 standards/）`, en: `proposal (standards/ at git ${proposal})` };
          } else afterLabel = { zh: `拟议版本（${proposal}）`, en: `proposal (${proposal})` };
        }
      } catch (e) {
        if (e instanceof ProposalError) return usageError([cmdErr(e.code, revisionChoices(e.code, e.args, io.cwd, lang))], lang, json, io);
        throw e;
      }
      try {
        // Each side read whole; a side with errors shows them (file:line:col and the code frame), not a comparison.
        const sides = [
          { dir: beforeDir, label: beforeLabel, tag: proposal === undefined ? 'HEAD' : shownTree },
          { dir: afterDir, label: afterLabel, tag: proposal === undefined ? shownTree : proposal },
        ].map((x) => ({ ...x, side: loadSide(x.dir, io.cwd) }));
        for (const x of sides) {
          if (x.side.tree) continue;
          const st = style(io.color);
          const shown = x.dir === temp ? x.side.diagnostics.map((d) => ({ orig: d, d: relabel(d, x.dir, x.tag, io.cwd) })) : x.side.diagnostics.map((d) => ({ orig: d, d }));
          const last = x.side.lacks
            ? cmdErr('CH122', { value: x.tag, ...x.side.lacks })
            : cmdErr('CH343', { side: x.label.zh, sideEn: x.label.en, errors: x.side.errors });
          if (json) io.out(JSON.stringify({ ok: false, diagnostics: [...shown.map(({ d }) => diagnosticJson(d, lang)), diagnosticJson(last, lang)] }, null, 2));
          else {
            for (const { orig, d } of shown) io.err(renderDiagnostic(d, lang, x.side.sources.get(orig.file) ?? '', st) + '\n');
            io.err(renderDiagnostic(last, lang, '', st));
          }
          return EXIT.problems;
        }
        const current = sides[0]!.side.tree!;
        const proposed = sides[1]!.side.tree!;
        let asOfWhatIf: Date | undefined;
        if (typeof v['as-of'] === 'string') {
          try {
            asOfWhatIf = parseLocal(normaliseInstant(v['as-of']), current.calendars[0]?.value.timezone);
          } catch {
            return usageError([cmdErr('CH030', { flag: '--as-of', value: v['as-of'] })], lang, json, io);
          }
        }
        const store = openCliStore(path, 'read', 'whatif', lang, json, io);
        if (typeof store === 'number') return store;
        try {
          const label = proposal ?? 'working-tree';
          const results = months.map((period) => whatIf({ current, proposed, store, period, proposal: label, ...(asOfWhatIf ? { asOf: asOfWhatIf } : {}) }));
          if (json) {
            const sidesJson = { before: beforeLabel[lang], after: afterLabel[lang], unchanged };
            // One month: the comparison itself (as before); several: one per month.
            io.out(JSON.stringify(results.length === 1 ? { ...results[0], sides: sidesJson } : { periods: months, proposal: label, sides: sidesJson, months: results }, null, 2));
          } else {
            const short = proposal === undefined ? [say(WHATIF_SIDE, 'head', lang), say(WHATIF_SIDE, 'edited', lang)] : [say(WHATIF_SIDE, 'current', lang), say(WHATIF_SIDE, 'proposal', lang)];
            io.out(renderWhatIf(results, { before: beforeLabel[lang], after: afterLabel[lang], short: short as [string, string], unchanged }, current, proposed, lang));
          }
          return EXIT.ok;
        } catch (e) {
          const r = storeFailure(e, path, 'whatif', lang, json, io);
          if (r !== undefined) return r;
          throw e;
        } finally {
          store.close();
        }
      } finally {
        if (temp) cleanupProposal(temp);
      }
    },
  },
  test: {
    summary: { zh: '运行条款旁的测试用例（standards/tests/*.test.yaml）', en: 'Run the test cases beside the requirements (standards/tests/*.test.yaml)' },
    usage: 'charter test [file…] [--tree DIR] [--lang zh|en] [--json]',
    help: {
      zh: `  file…        要运行的测试文件（默认 standards/tests/ 下全部）
  --tree DIR   标准目录（默认 standards/）
  每个用例都经过真实的提交与评价流程；另列出缺少测试文件的可检查条款。`,
      en: `  file…        test files to run (default: all of standards/tests/)
  --tree DIR   the standards tree (default standards/)
  Every case goes through the real submission and evaluation code; checkable requirements without a test file are listed too.`,
    },
    options: { ...COMMON, tree: { type: 'string' } },
    async run({ values, positionals }, lang, json, io) {
      const treeDir = resolve(io.cwd, (values.tree as string | undefined) ?? 'standards');
      if (!existsSync(treeDir)) return usageError([cmdErr('CH003', { value: (values.tree as string | undefined) ?? 'standards' })], lang, json, io);
      const missingPaths = positionals.filter((p) => !existsSync(resolve(io.cwd, p)));
      if (missingPaths.length) return usageError(missingPaths.map((p) => cmdErr('CH003', { value: p })), lang, json, io);
      const ct = await import('../evaluate/case-tests.ts');
      const testsDir = join(treeDir, ct.TEST_DIR);
      const testsShown = relative(io.cwd, testsDir) || testsDir;
      // A named path that is not a test file of this tree would run nothing; silence is not success (CH016).
      const notTests = positionals.filter((p) => !ct.isTestPath(resolve(io.cwd, p), testsDir));
      if (notTests.length) return usageError(notTests.map((p) => cmdErr('CH016', { value: p, tests: testsShown })), lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const all = ct.loadTestFiles(testsDir);
      const chosen = ct.selectTestFiles(all, positionals.map((p) => resolve(io.cwd, p)), testsDir);
      const env = await ct.createCaseEnv(tree);
      const results: { file: string; requirement: string; case: string; status: 'passed' | 'failed' | 'skipped'; problems: string[] }[] = [];
      for (const f of chosen) {
        if (!f.data) {
          results.push({ file: f.name, requirement: '', case: '', status: 'failed', problems: f.problems });
          continue;
        }
        for (const c of f.data.cases) {
          const r = await ct.runCase(env, f.data, c);
          results.push({ file: f.name, requirement: f.data.requirement, case: c.name, status: r.skipped ? 'skipped' : r.problems.length ? 'failed' : 'passed', problems: r.problems });
        }
      }
      // Not one case found (an empty tests folder, files with `cases: []`): nothing was tested (CH017).
      if (!results.length) {
        const d = diag('CH017', testsShown, { line: 1, col: 1 }, { tests: testsShown, files: chosen.length });
        if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
        else io.err(renderDiagnostic(d, lang, '', style(io.color)));
        return EXIT.problems;
      }
      const have = new Set(all.map((f) => f.name));
      const untested = ct.checkableRequirements(tree).filter((r) => !have.has(ct.testFileName(r.id))).map((r) => r.id);
      const n = (st: string) => results.filter((r) => r.status === st).length;
      if (json) io.out(JSON.stringify({ ok: n('failed') === 0 && untested.length === 0, passed: n('passed'), failed: n('failed'), skipped: n('skipped'), untested, results }, null, 2));
      else {
        const zh = lang === 'zh';
        const st = style(io.color);
        for (const r of results.filter((x) => x.status !== 'passed')) {
          io.out(`${r.status === 'failed' ? st.red('✗') : st.yellow('-')} ${r.file} ${r.requirement} — ${r.case}`);
          for (const p of r.problems) io.out(`    ${p}`);
        }
        if (untested.length) io.out(zh ? `缺少测试文件的可检查条款：${untested.join('、')}` : `Checkable requirements without a test file: ${untested.join(', ')}`);
        io.out(zh ? `${chosen.length} 个测试文件：${n('passed')} 个用例通过，${n('failed')} 个失败，${n('skipped')} 个跳过。` : `${chosen.length} test files: ${n('passed')} passed, ${n('failed')} failed, ${n('skipped')} skipped.`);
      }
      return n('failed') || untested.length ? EXIT.problems : EXIT.ok;
    },
  },
  submissions: {
    summary: { zh: '列出已记录的提交', en: 'List the recorded submissions' },
    usage: 'charter submissions [--db PATH] [--json]',
    help: { zh: DB_HELP.zh, en: DB_HELP.en },
    options: { ...COMMON, db: { type: 'string' } },
    run({ values }, lang, json, io) {
      const path = dbPath(values.db as string | undefined, io.cwd);
      if (!existsSync(path)) return usageError([missingStore(path)], lang, json, io);
      const store = openCliStore(path, 'read', 'submissions', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        const rows = store.db.prepare('SELECT * FROM submissions ORDER BY id').all() as Record<string, string | number | null>[];
        if (json) io.out(JSON.stringify(rows, null, 2));
        else {
          const zh = lang === 'zh';
          // Providers by name when the standards tree is at hand (the store keeps ids).
          let providerName = (id: string): string => id;
          const treeDir = resolve(io.cwd, 'standards');
          if (rows.some((r) => r.provider) && existsSync(treeDir)) {
            const names = namesOf(loadTree(findYamlFiles([treeDir]), io.cwd));
            providerName = (id) => names.provider(id);
          }
          // The provider and period columns only when a submission names them (most files span both).
          const cols: [string, (r: Record<string, string | number | null>) => string | number, boolean][] = [
            ['#', (r) => r.id!, true],
            [zh ? '提交时间' : 'submitted', (r) => localTime(String(r.submitted_at), lang, { year: true }).replace(/ /g, '\u00a0'), true],
            [zh ? '文件' : 'file', (r) => String(r.file_name), true],
            [zh ? '类型' : 'kind', (r) => say(RECORD_KIND, String(r.kind), lang), true],
            [zh ? '服务商' : 'provider', (r) => (r.provider ? providerName(String(r.provider)) : '—'), rows.some((r) => r.provider)],
            [zh ? '期间' : 'period', (r) => (r.period ? monthWords(String(r.period), lang) : '—'), rows.some((r) => r.period)],
            [zh ? '合计' : 'total', (r) => r.rows_total!, true],
            [zh ? '入库' : 'stored', (r) => r.rows_accepted!, true],
            [zh ? '拒收' : 'rejected', (r) => r.rows_rejected!, true],
            [zh ? '替换' : 'replaced', (r) => r.rows_replaced!, true],
            ['sha256', (r) => String(r.file_sha256).slice(0, 12), true],
          ];
          const shown = cols.filter((c) => c[2]);
          io.out(table(shown.map((c) => c[0]), rows.map((r) => shown.map((c) => c[1](r))), { wrap: [2, 3] }));
        }
        return EXIT.ok;
      } catch (e) {
        const r = storeFailure(e, path, 'submissions', lang, json, io);
        if (r !== undefined) return r;
        throw e;
      } finally {
        store.close();
      }
    },
  },
};

// ---- names on the command line that the tree or the store does not have (issue 13 §2) ------------

/** CH024 for a provider id the campus register does not have; choices shown by id and name. */
export function unknownProvider(tree: Tree, flag: string, value: string, lang: Lang): Diagnostic | undefined {
  const providers = tree.registers[0]?.value.providers ?? [];
  if (providers.some((p) => p.id === value)) return undefined;
  const names = namesOf(tree);
  const label = (id: string, l: Lang): string => (l === 'zh' ? `${id}（${names.provider(id)}）` : `${id} (${names.provider(id)})`);
  return cmdErr('CH024', { flag, value, ...choiceArgs(value, providers.map((p) => p.id), lang, label, `${flag} `) });
}

/** CH022 for a profile id neither a plan nor the standard has; choices shown by id and title. */
export function unknownProfile(tree: Tree, value: string, lang: Lang): Diagnostic | undefined {
  const ids = [...tree.standards.map((s) => s.value.id), ...tree.profiles.map((p) => p.value.id)];
  if (ids.includes(value)) return undefined;
  const names = namesOf(tree);
  const label = (id: string, l: Lang): string => {
    const title = names.profile(id, l);
    return title === id ? id : l === 'zh' ? `${id}（${title}）` : `${id} (${title})`;
  };
  return cmdErr('CH022', { flag: '--profile', value, ...choiceArgs(value, ids, lang, label, '--profile ') });
}

/** Every requirement id of the tree: the standard's and the plans' own. */
function requirementIds(tree: Tree): string[] {
  return [...new Set(tree.requirements.map((r) => r.value.id))];
}

/** CH021 for a requirement id the tree does not have. */
export function unknownRequirement(tree: Tree, value: string, lang: Lang): Diagnostic | undefined {
  const ids = requirementIds(tree);
  if (!ids.length || ids.includes(value)) return undefined;
  const names = namesOf(tree);
  const label = (id: string, l: Lang): string => {
    const ref = names.requirement(id, l);
    return ref === id ? id : l === 'zh' ? `${id}（${ref}）` : `${id} (${ref})`;
  };
  return cmdErr('CH021', { value, ...choiceArgs(value, ids, lang, label) });
}

/** What explain could not find or do, as its own message: a record not in the store (CH020, with the
 * nearest record numbers of that kind), else a requirement or record it does not explain (CH025). */
function explainProblem(tree: Tree, db: import('node:sqlite').DatabaseSync, reqId: string, recId: string, problem: string, lang: Lang): Diagnostic {
  const kind = /^\S+ \(([a-z-]+)\)$/.exec(problem)?.[1];
  if (problem.startsWith(`${recId} (`) && kind && (RECORD_KINDS as string[]).includes(kind)) {
    const words = RECORD_KIND[kind] ?? { zh: kind, en: kind };
    const count = (db.prepare('SELECT count(*) AS n FROM records WHERE kind = ?').get(kind) as { n: number }).n;
    // Nearest numbers: those sharing the typed prefix are few enough to compare by spelling.
    const prefix = recId.slice(0, Math.max(0, Math.min(recId.length - 2, 8)));
    const keys = (db.prepare('SELECT record_key AS k FROM records WHERE kind = ? AND record_key >= ? AND record_key < ? LIMIT 200000').all(kind, prefix, prefix + '\uffff') as { k: string }[]).map((r) => r.k);
    const elsewhere = (db.prepare('SELECT kind FROM records WHERE record_key = ? LIMIT 1').get(recId) as { kind: string } | undefined)?.kind;
    const args = choiceArgs(recId, keys, lang);
    if (elsewhere) {
      const w = RECORD_KIND[elsewhere] ?? { zh: elsewhere, en: elsewhere };
      return cmdErr('CH025', { value: `${reqId} ${recId}`, detailZh: `记录 ${recId} 是${w.zh}记录，条款 ${reqId} 判断的是${words.zh}`, detailEn: `${recId} is a ${w.en} record; ${reqId} judges ${words.en}` });
    }
    return cmdErr('CH020', { value: recId, kindZh: words.zh, kindEn: words.en, count, suggest: args.suggest });
  }
  void tree;
  const detail = /^(\S+) \((\w[\w-]*): explain judges/.exec(problem);
  if (detail) {
    const type = detail[2]!;
    return cmdErr('CH025', { value: reqId, detailZh: `它是${REQUIREMENT_TYPE[type]?.zh ?? type}类条款，不是按单条记录判断的`, detailEn: `its type is ${REQUIREMENT_TYPE[type]?.en ?? type}, which is not judged record by record` });
  }
  return cmdErr('CH025', { value: `${reqId} ${recId}`, detailZh: problem.slice(recId.length).replace(/^ \(|\)$/g, ''), detailEn: problem.slice(recId.length).replace(/^ \(|\)$/g, '') });
}

/** CH014 (no such git revision) with the branches and tags closest to what was typed. */
export function revisionChoices(code: string, args: Record<string, string | number>, cwd: string, lang: Lang): Record<string, string | number> {
  if (code !== 'CH014') return args;
  let refs: string[] = [];
  try {
    refs = execFileSync('git', ['-C', cwd, 'for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return args; // not a repository, or no git: CH014's own words say so
  }
  const value = String(args.value ?? '');
  // HEAD~1 spelt HAED~1: the revision's name before any ~ or ^ is what may be mistyped.
  const base = /^([^~^@]*)(.*)$/.exec(value)!;
  const near = nearest(base[1]!, ['HEAD', ...refs]).map((r) => `${r}${base[2]}`);
  return { ...args, suggest: near.map((r) => (lang === 'zh' ? `“${r}”` : `"${r}"`)).join(lang === 'zh' ? '、' : ', ') };
}
