// charter inspections checklist: the rounds of a month (or one week) as the paper a supervisor carries
// (one PDF per round) and the workbook they fill on a computer (one per provider, a sheet per round).
// The output folder is replaced as a whole, like `charter site build --out`: never a folder holding
// files Charter did not write there (CH010/CH011), and written to a staging folder first, then moved.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { choiceArgs, COMMON, EXIT, missing, usageError, type Command } from './common.ts';
import { cmdErr } from './data-commands.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';

export const CHECKLIST_COMMAND: Command = {
  summary: { zh: '打印检查轮次的现场检查表（PDF）与填报工作簿（XLSX）', en: 'Print the inspection rounds as checklists (PDF) and fill-in workbooks (XLSX)' },
  usage: 'charter inspections checklist --period YYYY-MM [--provider P] [--week N] [--format pdf|xlsx|both] --out DIR',
  help: {
    zh: `  --period YYYY-MM   检查月份
  --provider P       只打印该服务商的轮次（登记中的编号）
  --week N           只打印该月第 N 周的轮次（周一开始；第 1 周含 1 日）；不写时为月度轮次及各周轮次
  --format F         pdf（每轮一份检查表）、xlsx（每个服务商一个工作簿，每轮一个工作表）或 both（默认）
  --out DIR          输出目录：不存在、空目录，或此前由 Charter 生成的目录（有标记文件 .charter-site）；
                     其他非空目录会被拒绝（CH010/CH011，退出码 2），其中的文件不会被删除
  --tree DIR         标准目录（默认 standards/）
  填好的工作簿直接提交：charter submit DIR/<月份>-<服务商>.xlsx --kind inspection-results`,
    en: `  --period YYYY-MM   the month
  --provider P       only this provider's rounds (register id)
  --week N           only the rounds of week N (weeks start on Monday; week 1 holds the 1st); without it the month's rounds and every week's
  --format F         pdf (a checklist per round), xlsx (a workbook per provider, a sheet per round) or both (default)
  --out DIR          output folder: new, empty, or one Charter wrote before (with its .charter-site marker);
                     any other non-empty folder is refused (CH010/CH011, exit 2) and none of its files deleted
  --tree DIR         the standards tree (default standards/)
  Submit a filled workbook as it is: charter submit DIR/<period>-<provider>.xlsx --kind inspection-results`,
  },
  options: { ...COMMON, period: { type: 'string' }, provider: { type: 'string' }, week: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, tree: { type: 'string' } },
  async run({ values, positionals }, lang, json, io) {
    const v = values as Record<string, string | boolean | undefined>;
    const zh = lang === 'zh';
    const bad: Diagnostic[] = [];
    if (positionals.length) bad.push(cmdErr('CH002', { detail: positionals.join(' '), command: 'inspections checklist' }));
    const format = (v.format as string | undefined) ?? 'both';
    if (!['pdf', 'xlsx', 'both'].includes(format)) bad.push(cmdErr('CH033', { flag: '--format', value: format, ...choiceArgs(format, ['pdf', 'xlsx', 'both'], lang, undefined, '--format ') }));
    if (typeof v.out !== 'string' || !v.out) bad.push(missing('inspections checklist', 'charter inspections checklist --period YYYY-MM --out DIR', { zh: '--out（检查表与工作簿的目录，如 out/inspections）', en: '--out (the folder for the checklists and workbooks, e.g. out/inspections)' }));
    if (bad.length) return usageError(bad, lang, json, io);
    const outDir = resolve(io.cwd, v.out as string);
    const { checkOutDir, OutDirError, writeMarker } = await import('../site/out-dir.ts');
    const refused = (e: unknown): number | undefined => (e instanceof OutDirError ? usageError([cmdErr(e.code, e.args)], lang, json, io) : undefined);
    try {
      checkOutDir(outDir);
    } catch (e) {
      const code = refused(e);
      if (code !== undefined) return code;
      throw e;
    }
    // --period, --provider, --week and --tree as `charter inspections plan` takes them.
    const { roundSelection } = await import('./inspection-commands.ts');
    const sel = roundSelection(values, 'inspections checklist', io, lang, json);
    if (typeof sel === 'number') return sel;
    const { tree, period, provider, week } = sel;
    const register = tree.registers[0]?.value;
    const treeDir = resolve(io.cwd, (v.tree as string | undefined) ?? 'standards');
    const { planInspections } = await import('../inspections/plan.ts');
    const plan = planInspections([tree], { period, ...(provider !== undefined ? { provider } : {}), ...(week !== undefined ? { week } : {}) });
    const rounds = plan.rounds.filter((r) => r.rows.length > 0);
    const warnings: Diagnostic[] = [];
    const say = (d: Diagnostic): void => {
      if (!json) io.err(renderDiagnostic(d, lang, '', style(io.color)));
    };
    if (!rounds.length) {
      const d = diag('CH507', '<command line>', { line: 1, col: 1 }, { period, week: week ?? '', provider: provider ?? '' });
      if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
      else say(d);
      return EXIT.problems;
    }
    let office = tree.noticeConfigs[0]?.value.office ?? '';
    if (!office) {
      office = register?.title?.zh ?? '';
      const d = diag('CH508', tree.noticeConfigs[0]?.file.display ?? (relative(io.cwd, treeDir) || treeDir), { line: 1, col: 1 }, { used: office });
      warnings.push(d);
      say(d);
    }

    // Written to a staging folder beside the output, then moved into place: a failure leaves the old output.
    mkdirSync(dirname(outDir), { recursive: true });
    const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.charter-`));
    const files: { file: string; kind: 'pdf' | 'xlsx'; provider: string; rounds: string[]; rows: number }[] = [];
    try {
      if (format !== 'xlsx') {
        const { checklistPdf } = await import('../render/checklist-pdf.ts');
        for (const r of rounds) {
          const file = `${r.id}.pdf`;
          writeFileSync(join(staging, file), await checklistPdf(r, { office }));
          files.push({ file, kind: 'pdf', provider: r.provider.id, rounds: [r.id], rows: r.rows.length });
        }
      }
      if (format !== 'pdf') {
        const { roundWorkbook } = await import('../inspections/workbook.ts');
        const providers = [...new Set(rounds.map((r) => r.provider.id))];
        for (const p of providers) {
          const mine = rounds.filter((r) => r.provider.id === p);
          const file = `${period}${week !== undefined ? `-W${week}` : ''}-${p}.xlsx`;
          writeFileSync(join(staging, file), await roundWorkbook(mine, { office }));
          files.push({ file, kind: 'xlsx', provider: p, rounds: mine.map((r) => r.id), rows: mine.reduce((a, r) => a + r.rows.length, 0) });
        }
      }
      writeMarker(staging, { edition: 'inspection-checklists', asOf: `${period}${week !== undefined ? `-W${week}` : ''}` });
      checkOutDir(outDir); // again: something may have been put there meanwhile
      rmSync(outDir, { recursive: true, force: true });
      renameSync(staging, outDir);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      const code = refused(e);
      if (code !== undefined) return code;
      throw e;
    }
    const rel = relative(io.cwd, outDir) || outDir;
    if (json) {
      io.out(JSON.stringify({ ok: true, period, week: week ?? null, out: outDir, files: files.map((f) => ({ ...f, path: join(outDir, f.file) })), warnings: warnings.map((d) => diagnosticJson(d, lang)) }, null, 2));
      return EXIT.ok;
    }
    for (const f of files) {
      const many = (n: number, one: string, more: string): string => `${n} ${n === 1 ? one : more}`;
      const what = f.kind === 'pdf' ? (zh ? `检查表，${f.rows} 项` : `checklist, ${many(f.rows, 'row', 'rows')}`) : zh ? `工作簿，${f.rounds.length} 个工作表（轮次），${f.rows} 项` : `workbook, ${many(f.rounds.length, 'sheet', 'sheets')} (one per round), ${many(f.rows, 'row', 'rows')}`;
      io.out(`  ${join(rel, f.file)}  ${what}`);
    }
    const pdfs = files.filter((f) => f.kind === 'pdf').length;
    const books = files.length - pdfs;
    io.out(zh ? `已生成 ${rounds.length} 个检查轮次：${pdfs} 份检查表（PDF），${books} 个工作簿（XLSX）→ ${rel}/` : `Wrote ${rounds.length} inspection rounds: ${pdfs} checklists (PDF), ${books} workbooks (XLSX) → ${rel}/`);
    if (books) io.out(zh ? `填好后提交：charter submit ${join(rel, files.find((f) => f.kind === 'xlsx')!.file)} --kind inspection-results` : `Once filled, submit: charter submit ${join(rel, files.find((f) => f.kind === 'xlsx')!.file)} --kind inspection-results`);
    return EXIT.ok;
  },
};
