// charter notices … / charter scorecard: findings become paper, and the rectification loop is followed.
import { join, relative, resolve } from 'node:path';
import { createCalendar } from '../calendar/calendar.ts';
import { instantToIso } from '../data/convert.ts';
import { diag, type Diagnostic, type Lang } from '../diagnostics.ts';
import type { Findings } from '../evaluate/evaluate.ts';
import { openCliStore, storeFailure } from './store-cli.ts';
import type { ScorecardDoc } from '../render/types.ts';
import { noticeFile, writeNoticePdfs, writeScorecardPdfs } from '../notices/paper.ts';
import { checkMonth, choiceArgs, COMMON, EXIT, missing, NEEDS, normaliseInstant, parseInstant, usageError, type Command, type Io } from './common.ts';
import { cmdErr, DB_HELP, loadStandards, treeAndDb, unknownProvider } from './data-commands.ts';
import { diagnosticJson, renderDiagnostic, style, table } from './format.ts';
import { actorWords, FINDING_STATUS, ledgerTime, monthWords, NOTICE_EVENT, NOTICE_STATUS, REQUIREMENT_TYPE, say, type Names } from '../model/labels.ts';
import type { Tree } from '../load/tree.ts';
import type { NoticeEvent, NoticeState } from '../notices/ledger.ts';
import { namesOf } from '../validate/names.ts';


/** A ledger refusal (CH5xx) printed like any other diagnostic. */
function ledgerProblem(e: unknown, lang: Lang, json: boolean, io: Io): number | undefined {
  if (!(e instanceof Error) || !('code' in e) || !String((e as { code: unknown }).code).startsWith('CH5')) return undefined;
  const d = diag(String((e as unknown as { code: string }).code), '<ledger>', { line: 1, col: 1 }, (e as unknown as { args: Record<string, string | number> }).args);
  if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
  else io.err(renderDiagnostic(d, lang, '', style(io.color)));
  return EXIT.problems;
}

const HELP = {
  zh: `子命令：
  issue   --period YYYY-MM [--provider ID] [--at 时间] [--by 签发人]   按不通过的评价结果签发整改通知单（编号在事务内分配，永不重复），生成单张 PDF 与合并打印 PDF
          [--dry-run]  只列出将签发的通知单并生成带“草稿”水印的 PDF，不占用编号、不写台账
          [--force]    所需数据缺失时仍签发（醒目警告并列出缺少的数据）；默认拒绝签发（CH521）
  void    编号 --reason "作废原因" --by 经办人 [--at 时间]                作废误发的通知单：编号保留不再使用，作废记入台账，PDF 重印为“作废”
  list    [--period YYYY-MM] [--provider ID]                          通知单台账及当前状态
  show    编号                                                          一张通知单的内容与全部历史
  ack     编号 --by 签收人 [--at 时间]                                  服务商签收
  reply   编号 --by 反馈人 --note "整改情况" [--at 时间]                 服务商反馈整改情况
  verify  编号 [--as-of 时间] [--by 复查人]                              用整改之后的数据重新评价，通过才销号
  escalate 编号 --by 姓名 --note "原因" [--at 时间]                      启动问责程序
  concern 编号 --by 姓名 --note "舆情说明" [--at 时间]                   记录引起较大舆情（方案的问责条件之一）
  review  [--as-of 时间]                                                按方案规则（notices.yaml 的 rules）判定逾期与问责
  print   [编号 | --period YYYY-MM]                                      重新生成 PDF

  编号可写全称（后勤督〔2026〕第001号）或 年份-序号（2026-001）。时间为北京时间 YYYY-MM-DDTHH:MM，只写日期即当天 0:00。
  --out DIR        PDF 目录（默认 out/notices/）
  --tree DIR       标准目录（默认 standards/）
${DB_HELP.zh}`,
  en: `Subcommands:
  issue   --period YYYY-MM [--provider ID] [--at TIME] [--by NAME]     issue rectification notices for failed findings (numbered in a transaction, never reused); one PDF each plus a combined PDF for printing
          [--dry-run]  list what would be issued and render draft PDFs (watermark 草稿); no number taken, nothing written to the ledger
          [--force]    issue although data the requirements need is missing (loud warning listing it); refused by default (CH521)
  void    NUMBER --reason "why" --by NAME [--at TIME]                  void a wrongly issued notice: its number stays used, the void is a ledger event, the PDF is re-printed as 作废
  list    [--period YYYY-MM] [--provider ID]                          the notice register with current status
  show    NUMBER                                                      one notice and its whole history
  ack     NUMBER --by NAME [--at TIME]                                the provider signs for it
  reply   NUMBER --by NAME --note "what was done" [--at TIME]         the provider reports the rectification
  verify  NUMBER [--as-of TIME] [--by NAME]                           judge the requirements again on data after the rectification; close only if they pass
  escalate NUMBER --by NAME --note "why" [--at TIME]                  start the accountability procedure
  concern NUMBER --by NAME --note "what" [--at TIME]                  record wide public concern (one of the plan's conditions)
  review  [--as-of TIME]                                              apply the plan's ledger rules (notices.yaml rules): overdue, escalation
  print   [NUMBER | --period YYYY-MM]                                 render the PDFs again

  NUMBER is the full number (后勤督〔2026〕第001号) or YEAR-SEQ (2026-001). Times are Beijing time, YYYY-MM-DDTHH:MM; a date alone is that day's start.
  --out DIR        where PDFs go (default out/notices/)
  --tree DIR       the standards tree (default standards/)
${DB_HELP.en}`,
};

const SUBS = ['issue', 'list', 'show', 'ack', 'reply', 'verify', 'escalate', 'concern', 'review', 'print', 'void'];

/** The ledger in the reader's words (issue 13 §1): events, statuses, who, when and the clauses as people write them. */
export interface LedgerWords {
  lang: Lang;
  names: Names;
  status(s: string): string;
  event(e: string): string;
  actor(a: string): string;
  time(iso: string, year?: string): string;
  /** Requirement ids as official references (第4.3条第1项; 《plan》四、(三)3). */
  refs(ids: string[]): string;
  /** An event's note: a rule's own label in the reader's language, a re-opening's month in words, else as written. */
  note(e: NoticeEvent): string;
}

export function ledgerWords(tree: Tree, lang: Lang): LedgerWords {
  const names = namesOf(tree);
  const rules = tree.noticeConfigs[0]?.value.rules ?? [];
  const ruleLabel = (id: string): string | undefined => {
    const r = rules.find((x) => x.id === id);
    return r ? (lang === 'en' ? (r.label.en ?? r.label.zh) : r.label.zh) : undefined;
  };
  const isRule = (a: string): boolean => /^charter \(rule [^)]+\)$/.test(a);
  return {
    lang,
    names,
    status: (x) => say(NOTICE_STATUS, x, lang),
    event: (x) => say(NOTICE_EVENT, x, lang),
    actor: (a) => actorWords(a, lang, ruleLabel),
    time: (iso, year) => ledgerTime(iso, lang, year),
    refs: (ids) => [...new Set(ids.map((id) => names.requirement(id, lang)))].join(lang === 'zh' ? '、' : '; '),
    note: (e) => {
      const d = (e.data ?? {}) as { rules?: string[]; period?: string; on?: string };
      // The rule's label is in the actor's words already (系统按规则自动记录（逾期未整改）): the note says only what it adds.
      if (isRule(e.actor) && d.rules?.length) {
        if (d.on === 'rectification-reported') return lang === 'zh' ? '整改反馈于期限后送达' : 'the rectification report arrived after the deadline';
        return '';
      }
      if (e.event === 'reopened' && typeof d.period === 'string') return lang === 'zh' ? `${monthWords(d.period, lang)}再次出现` : `failed again in ${monthWords(d.period, lang)}`;
      if (e.event === 'verification-failed' && typeof (e.data as { deadline?: unknown } | null)?.deadline === 'string') {
        const dl = ledgerTime(String((e.data as { deadline: string }).deadline), lang);
        return lang === 'zh' ? `${e.note ?? ''}${e.note ? '；' : ''}再次限期整改至 ${dl}` : `${e.note ?? ''}${e.note ? '; ' : ''}to be rectified again by ${dl}`;
      }
      return e.note ?? '';
    },
  };
}

function history(n: NoticeState, w: LedgerWords): string {
  const zh = w.lang === 'zh';
  const year = n.issued_at.slice(0, 4);
  return table(
    [zh ? '时间' : 'when', zh ? '事件' : 'event', zh ? '状态' : 'status', zh ? '经办' : 'by', zh ? '说明' : 'note'],
    n.events.map((e) => [w.time(e.at, year), w.event(e.event), w.status(e.status), w.actor(e.actor), w.note(e)]),
  );
}

export const NOTICE_COMMANDS: Record<string, Command> = {
  notices: {
    summary: { zh: '问题整改通知单：签发、打印、签收、反馈、复查、问责', en: 'Rectification notices: issue, print, acknowledge, reply, verify, escalate' },
    usage: 'charter notices issue|list|show|ack|reply|verify|escalate|concern|review|print|void …',
    help: HELP,
    options: { ...COMMON, period: { type: 'string' }, provider: { type: 'string' }, at: { type: 'string' }, 'as-of': { type: 'string' }, by: { type: 'string' }, note: { type: 'string' }, reason: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, out: { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values, positionals }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const zh = lang === 'zh';
      const sub = positionals[0];
      const bad: Diagnostic[] = [];
      if (!sub) bad.push(missing('notices', 'charter notices issue|list|show|ack|reply|verify|escalate|concern|review|print|void …', { zh: `子命令（${SUBS.join(' | ')}）`, en: `a subcommand (${SUBS.join(' | ')})` }));
      else if (!SUBS.includes(sub)) bad.push(cmdErr('CH032', { command: 'notices', value: sub, ...choiceArgs(sub, SUBS, lang, undefined, 'charter notices ') }));
      const period = v.period as string | undefined;
      // The usage line of the subcommand, from the help's own rows (issue --period YYYY-MM [--provider ID] …).
      const usage = `charter notices ${(HELP.en.split('\n').find((l) => l.startsWith(`  ${sub} `)) ?? `  ${sub}`).trim().split(/ {2,}/)[0]!.replace(/\s+/g, ' ')}`;
      bad.push(...[checkMonth('--period', period, `notices ${sub}`, usage, sub === 'issue')].filter((d) => d !== undefined));
      const needsNumber = ['show', 'ack', 'reply', 'verify', 'escalate', 'concern', 'void'].includes(sub ?? '');
      if (needsNumber && !positionals[1]) bad.push(missing(`notices ${sub}`, usage, NEEDS.notice));
      if (sub === 'void' && typeof v.reason !== 'string') bad.push(missing('notices void', usage, NEEDS.reason));
      if ((v.force || v['dry-run']) && sub !== 'issue') bad.push(cmdErr('CH002', { detail: zh ? `--${v.force ? 'force' : 'dry-run'} 只用于 notices issue` : `--${v.force ? 'force' : 'dry-run'} is for notices issue only`, command: `notices ${sub}` }));
      if (['ack', 'reply', 'escalate', 'concern', 'void'].includes(sub ?? '') && typeof v.by !== 'string') bad.push(missing(`notices ${sub}`, usage, NEEDS.by));
      if (['reply', 'escalate', 'concern'].includes(sub ?? '') && typeof v.note !== 'string') bad.push(missing(`notices ${sub}`, usage, NEEDS.note));
      for (const flag of ['at', 'as-of'] as const) {
        if (v[flag] === undefined) continue;
        const t = parseInstant(`--${flag}`, String(v[flag]));
        if (!(t instanceof Date)) bad.push(t);
      }
      const { treeDir, path } = treeAndDb(v, io.cwd, bad, sub !== 'issue');
      if (bad.length) return usageError(bad, lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const school = tree.calendars[0]!.value;
      const cal = createCalendar(school);
      const time = (flag: 'at' | 'as-of'): Date | Diagnostic => {
        const t = v[flag];
        if (t === undefined) return new Date();
        try {
          return cal.parse(normaliseInstant(String(t)));
        } catch {
          return cmdErr('CH030', { flag: `--${flag}`, value: String(t) });
        }
      };
      const at = time('at');
      const asOf = time('as-of');
      for (const x of [at, asOf]) if (!(x instanceof Date)) return usageError([x], lang, json, io);
      const atText = instantToIso((at as Date).getTime(), school.timezone);
      const unknownP = typeof v.provider === 'string' ? unknownProvider(tree, '--provider', v.provider, lang) : undefined;
      if (unknownP) return usageError([unknownP], lang, json, io);
      const outDir = resolve(io.cwd, (v.out as string | undefined) ?? join('out', 'notices'));
      const L = await import('../notices/ledger.ts');
      const W = ledgerWords(tree, lang);
      // Reading the ledger (list, show, print, a dry run) needs no write access; the rest writes events.
      const reads = sub === 'list' || sub === 'show' || sub === 'print' || (sub === 'issue' && Boolean(v['dry-run']));
      const store = openCliStore(path, reads ? 'read' : 'write', `notices ${sub}`, lang, json, io);
      if (typeof store === 'number') return store;
      const rel = (f: string): string => relative(io.cwd, f) || f;
      try {
        if (sub === 'issue') {
          // No notice configuration (CH501): say so before judging a month, not after its data check.
          L.noticeConfig(tree);
          const { evaluate } = await import('../evaluate/evaluate.ts');
          const findings = evaluate({ tree, store, period: period!, ...(typeof v.provider === 'string' ? { provider: v.provider } : {}) });
          const dry = Boolean(v['dry-run']);
          // Silence is not success: a period whose requirements lack their data is not a basis for notices.
          const missing = L.missingData(findings, typeof v.provider === 'string' ? v.provider : undefined, tree);
          const regProviders = tree.registers[0]!.value.providers;
          const { RECORD_SCHEMAS } = await import('../data/records.ts');
          // A kind's title is "中文 English"; a person reads the kind's name, never its code.
          const kindName = (k: string): string => {
            // A kind without a record schema is a requirement type (公示 is judged from the site and the rounds).
            if (!(RECORD_SCHEMAS as Record<string, unknown>)[k]) return say(REQUIREMENT_TYPE, k, lang);
            const t = String((RECORD_SCHEMAS as Record<string, { title?: string }>)[k]?.title ?? k);
            const cut = t.search(/ [A-Za-z]/);
            return cut < 0 ? t : zh ? t.slice(0, cut) : t.slice(cut + 1);
          };
          // The first few clauses as people cite them (a plan's items may share one numbering: each reference once).
          const few = (rs: string[]): string => {
            const refs = [...new Set(rs.map((r) => W.refs([r])))];
            return refs.slice(0, 3).join(zh ? '、' : '; ') + (refs.length > 3 ? (zh ? ' 等' : ' …') : '');
          };
          const missingLines = missing.map((m) => {
            const name = regProviders.find((p) => p.id === m.provider)?.name ?? m.provider;
            const parts = m.kinds.map((k) => (zh ? `${kindName(k.kind)}（${k.requirements.length} 项条款，如 ${few(k.requirements)}）` : `${kindName(k.kind)} (${k.requirements.length} requirements, e.g. ${few(k.requirements)})`));
            return `${name}：${parts.join(zh ? '；' : '; ')}`;
          });
          const missingText = (zh ? '无记录的数据类型 — ' : 'kinds with no records — ') + missingLines.join(zh ? '。' : '. ');
          if (missing.length && !v.force && !dry) {
            const d = cmdErr('CH521', { period: period!, detail: missingText });
            if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)], missing }, null, 2));
            else io.err(renderDiagnostic(d, lang, '', style(io.color)));
            return EXIT.problems;
          }
          const warnMissing = (): void => {
            if (!missing.length || json) return;
            const bar = '!'.repeat(60);
            io.err(bar);
            io.err(zh ? `警告：以下服务商在 ${monthWords(period!, lang)}没有提交这些数据；涉及的条款未被评价，不在通知单中，也不代表合格：` : `WARNING: these providers submitted none of these data in ${monthWords(period!, lang)}; the requirements that need them were not judged, are not on the notices, and are not passes:`);
            for (const line of missingLines) io.err(`  ${line}`);
            io.err(zh ? `  （完整清单：charter evaluate --period ${period} 中“无数据”的条目）` : `  (full list: the findings without data in charter evaluate --period ${period})`);
            io.err(bar);
          };
          const planned = L.planNotices({ tree, findings, issuedAt: at as Date, ...(typeof v.provider === 'string' ? { provider: v.provider } : {}) });
          if (dry) {
            // A dry run writes nothing to the store: no number, no event, no re-opening. Groups already
            // issued (and not voided) for the period would not be issued again, so they are only named.
            const live = L.loadNotices(store, { period: period! }).filter((n) => n.status !== 'voided');
            const had = (p: (typeof planned)[number]) => live.find((n) => n.group_key === p.group_key || n.group_key.startsWith(`${p.group_key}#`));
            const already = planned.filter(had).map((p) => had(p)!.number);
            const fresh = planned.filter((p) => !had(p));
            planned.length = 0;
            planned.push(...fresh);
            const drafts = planned.map((p, i) => ({ year: Number(p.doc.issued_at.slice(0, 4)), seq: i + 1, doc: { ...p.doc, number: zh ? `草稿 ${i + 1}（未编号）` : `DRAFT ${i + 1} (unnumbered)`, draft: true } }));
            const draftDir = join(outDir, 'drafts');
            const files: string[] = [];
            if (drafts.length) {
              const { mkdirSync } = await import('node:fs');
              const { renderEach } = await import('../render/pool.ts');
              const { writeAtomic } = await import('../notices/paper.ts');
              mkdirSync(draftDir, { recursive: true });
              drafts.forEach((d) => files.push(join(draftDir, `draft-${period}-${d.doc.provider.id}-${String(d.seq).padStart(3, '0')}.pdf`)));
              await renderEach(drafts.map((d) => ({ kind: 'notice' as const, doc: d.doc })), (i, pdf) => writeAtomic(files[i]!, pdf));
            }
            if (json) io.out(JSON.stringify({ ok: true, dry_run: true, period, would_issue: planned.map((p, i) => ({ provider: p.provider, group_key: p.group_key, requirements: p.requirements, problems: p.doc.problems.length, advisories: p.doc.advisories?.length ?? 0, deadline: p.doc.deadline.date, file: files[i] })), already_issued: already, missing }, null, 2));
            else {
              io.out(zh ? `试签发（--dry-run）：以下为 ${monthWords(period!, lang)}将签发的通知单，未占用编号，台账未改动。` : `Dry run: the notices ${monthWords(period!, lang)} would get; no number taken, the ledger is unchanged.`);
              if (already.length) io.out(zh ? `此前已签发（不会重复签发）：${already.join('、')}` : `Already issued (not issued again): ${already.join(', ')}`);
              if (!planned.length) io.out(zh ? '没有需要签发的通知单。' : 'Nothing would be issued.');
              else io.out(table([zh ? '服务商' : 'provider', zh ? '问题' : 'problems', zh ? '建议改进' : 'advisories', zh ? '整改期限' : 'deadline', zh ? '草稿 PDF' : 'draft PDF'], planned.map((p, i) => [p.doc.provider.name, p.doc.problems.length, p.doc.advisories?.length ?? 0, W.time(p.doc.deadline.date), rel(files[i]!)])));
              warnMissing();
            }
            return EXIT.ok;
          }
          const reopened = L.reopenRecurring(store, findings, atText, String(v.by ?? 'charter'));
          const { issued, existing } = L.issueNotices(store, planned, { tree, actor: String(v.by ?? L.noticeConfig(tree).issuer.name) });
          const all = [...issued, ...existing].sort((a, b) => a.year - b.year || a.seq - b.seq);
          const pdf = await writeNoticePdfs(all, outDir, all.length ? `notices-${period}.pdf` : undefined);
          if (json) {
            io.out(JSON.stringify({ ok: true, period, issued: issued.map((n) => ({ number: n.number, provider: n.provider, problems: n.doc.problems.length, advisories: n.doc.advisories?.length ?? 0, deadline: n.deadline })), already_issued: existing.map((n) => n.number), reopened, forced_despite_missing_data: missing, files: pdf.files, batch: pdf.batch ?? null, data_sha256: findings.data.sha256 }, null, 2));
          } else {
            if (!all.length) io.out(zh ? `${monthWords(period!, lang)}没有不通过的评价结果，无需签发通知单。` : `No failed findings for ${monthWords(period!, lang)}: no notice to issue.`);
            else
              io.out(
                table(
                  [zh ? '编号' : 'number', zh ? '服务商' : 'provider', zh ? '问题' : 'problems', zh ? '建议改进' : 'advisories', zh ? '整改期限' : 'deadline', zh ? '状态' : 'state', 'PDF'],
                  all.map((n) => [n.number, n.doc.provider.name, n.doc.problems.length, n.doc.advisories?.length ?? 0, W.time(n.deadline), issued.includes(n) ? (zh ? '新签发' : 'issued') : zh ? '此前已签发' : 'already issued', rel(join(outDir, noticeFile(n)))]),
                ),
              );
            for (const r of reopened) io.out(zh ? `复发：${r.number} 所列条款 ${W.refs([r.requirement])} 在${monthWords(period!, lang)}再次不通过，已重开。` : `Recurring: ${W.refs([r.requirement])} of ${r.number} failed again in ${monthWords(period!, lang)}; re-opened.`);
            if (pdf.batch) io.out(zh ? `合并打印：${rel(pdf.batch)}` : `Combined for printing: ${rel(pdf.batch)}`);
            warnMissing();
          }
          return EXIT.ok;
        }
        if (sub === 'void') {
          const r = L.voidNotice(store, positionals[1]!, { actor: String(v.by), at: atText, reason: String(v.reason) });
          // Re-print at once, so the file on disk (and the site's copy) says 作废.
          const pdf = await writeNoticePdfs([{ ...r.notice, doc: L.printable(r.notice) }], outDir);
          if (json) io.out(JSON.stringify({ ok: true, number: r.notice.number, status: r.notice.status, event: r.event, file: pdf.files[0] }, null, 2));
          else io.out(zh ? `${r.notice.number}：已作废（${W.actor(r.event.actor)}，${W.time(r.event.at)}；原因：${r.event.note}）。编号保留，不再使用。PDF：${rel(pdf.files[0]!)}` : `${r.notice.number}: voided (${W.actor(r.event.actor)}, ${W.time(r.event.at)}; reason: ${r.event.note}). The number stays used. PDF: ${rel(pdf.files[0]!)}`);
          return EXIT.ok;
        }
        if (sub === 'list') {
          const ns = L.loadNotices(store, { ...(period ? { period } : {}), ...(typeof v.provider === 'string' ? { provider: v.provider } : {}) });
          if (json) io.out(JSON.stringify(ns.map((n) => ({ number: n.number, period: n.period, provider: n.provider, requirements: n.requirements, issued_at: n.issued_at, deadline: n.deadline, status: n.status, events: n.events.length })), null, 2));
          else if (!ns.length) io.out(zh ? '台账中没有通知单。' : 'The ledger holds no notices.');
          else io.out(table([zh ? '编号' : 'number', zh ? '期间' : 'period', zh ? '服务商' : 'provider', zh ? '条款' : 'requirements', zh ? '期限' : 'deadline', zh ? '状态' : 'status'], ns.map((n) => [n.number, monthWords(n.period, lang), n.doc.provider.name, W.refs(n.requirements), W.time(n.deadline, n.issued_at.slice(0, 4)), W.status(n.status)])));
          return EXIT.ok;
        }
        if (sub === 'show') {
          const n = L.findNotice(store, positionals[1]!);
          if (json) io.out(JSON.stringify({ ...n, file: join(outDir, noticeFile(n)) }, null, 2));
          else {
            // The deadline in force: a re-opening or a failed re-check (再次限期整改) sets a later one.
            const current = L.noticeFacts(n, cal, at as Date, L.noticeConfig(tree).deadline.working_days).deadline as string;
            const year = n.issued_at.slice(0, 4);
            io.out(zh ? `${n.number}  ${n.doc.provider.name}  ${monthWords(n.period, lang)}  状态：${W.status(n.status)}  整改期限：${W.time(current, year)}${current !== n.deadline ? `（原期限 ${W.time(n.deadline, year)}）` : ''}` : `${n.number}  ${n.doc.provider.name}  ${monthWords(n.period, lang)}  status: ${W.status(n.status)}  deadline: ${W.time(current, year)}${current !== n.deadline ? ` (first ${W.time(n.deadline, year)})` : ''}`);
            // A problem as people cite it: the clause in official style, the place, what was found (ids only in --json).
            const line = (p: (typeof n.doc.problems)[number]): string => {
              const ref = zh ? (p.ref !== undefined ? `${p.source}${p.ref}` : W.refs([p.requirement])) : p.en ? `${p.en.source}${p.en.ref ? ` ${p.en.ref}` : ''}` : W.refs([p.requirement]);
              return zh ? `${ref} ${p.place}：${p.description}` : `${ref} — ${p.en?.place ?? p.place}: ${p.en?.description ?? p.description}`;
            };
            for (const p of n.doc.problems) io.out(`  ${p.seq}. ${line(p)}`);
            for (const p of n.doc.advisories ?? []) io.out(zh ? `  建议改进 ${p.seq}. ${line(p)}（宜，不扣分）` : `  advisory ${p.seq}. ${line(p)} (should; not deducted)`);
            const vd = L.voidOf(n);
            if (vd) io.out(zh ? `  本通知单已于 ${W.time(vd.at, year)} 作废：${vd.note ?? ''}（${W.actor(vd.actor)}）` : `  Voided ${W.time(vd.at, year)}: ${vd.note ?? ''} (${W.actor(vd.actor)})`);
            io.out('');
            io.out(history(n, W));
          }
          return EXIT.ok;
        }
        if (sub === 'ack' || sub === 'reply' || sub === 'escalate' || sub === 'concern') {
          const r = L.move(store, positionals[1]!, sub, { actor: String(v.by), at: atText, tree, ...(typeof v.note === 'string' ? { note: v.note } : {}) });
          // A late rectification report is recorded overdue as it arrives (ledger.ts overdueOnArrival).
          const late = sub === 'reply' ? r.notice.events.at(-2) : undefined;
          const lateNow = late?.event === 'overdue' && late.at === atText;
          if (json) io.out(JSON.stringify({ ok: true, number: r.notice.number, status: r.notice.status, event: r.event, ...(lateNow ? { overdue: late } : {}) }, null, 2));
          else {
            if (lateNow) io.out(zh ? `${r.notice.number}：整改反馈在期限后送达，记为逾期（${W.actor(late.actor)}）。` : `${r.notice.number}: the rectification report arrived after the deadline; recorded overdue (${W.actor(late.actor)}).`);
            io.out(zh ? `${r.notice.number}：${W.status(r.notice.status)}（${W.actor(r.event.actor)}，${W.time(r.event.at)}）` : `${r.notice.number}: ${W.status(r.notice.status)} (${W.actor(r.event.actor)}, ${W.time(r.event.at)})`);
          }
          return EXIT.ok;
        }
        if (sub === 'verify') {
          const { verifyNotice } = await import('../notices/verify.ts');
          const r = verifyNotice({ tree, store, number: positionals[1]!, asOf: asOf as Date, actor: String(v.by ?? L.noticeConfig(tree).issuer.name) });
          if (json) io.out(JSON.stringify({ ok: r.outcome === 'verified', number: r.notice.number, outcome: r.outcome, status: r.notice.status, since: r.since, periods: r.periods, ...(r.deadline ? { deadline: r.deadline } : {}), findings: r.findings.map((f) => ({ requirement: f.requirement, period: f.period, status: f.status, measured: f.measured ?? null, evidence: f.evidence.slice(0, 5) })) }, null, 2));
          else {
            const measured = (f: (typeof r.findings)[number]): string => (f as { words?: { measured?: Record<Lang, string> } }).words?.measured?.[lang] ?? String(f.measured ?? '');
            io.out(table([zh ? '条款' : 'requirement', zh ? '期间' : 'period', zh ? '结果' : 'status', zh ? '实测' : 'measured', zh ? '说明' : 'note'], r.findings.map((f) => [W.refs([f.requirement]), monthWords(f.period, lang), say(FINDING_STATUS, f.status, lang), measured(f), f.reason ? (zh ? f.reason.zh : (f.reason.en ?? f.reason.zh)) : ''])));
            io.out(r.outcome === 'verified' ? (zh ? `${r.notice.number}：复查通过，已销号。` : `${r.notice.number}: verified and closed.`) : zh ? `${r.notice.number}：复查未通过（整改反馈 ${W.time(r.since)} 之后的数据仍不符合），再次限期整改${r.deadline ? `，新的整改期限：${W.time(r.deadline)}` : ''}。` : `${r.notice.number}: not verified — the data after ${W.time(r.since)} still fails; sent back for rectification${r.deadline ? `, new deadline ${W.time(r.deadline)}` : ''}.`);
          }
          return r.outcome === 'verified' ? EXIT.ok : EXIT.problems;
        }
        if (sub === 'review') {
          const changes = await L.reviewLedger(store, tree, asOf as Date);
          if (json) io.out(JSON.stringify({ ok: true, as_of: instantToIso((asOf as Date).getTime(), school.timezone), changes }, null, 2));
          else if (!changes.length) io.out(zh ? '按方案规则核对台账：没有新的逾期或问责。' : 'Ledger reviewed against the plan’s rules: nothing new is overdue or escalated.');
          else {
            const rules = L.noticeConfig(tree).rules;
            const label = (ids: string): string => ids.split(/,\s*/).map((id) => { const x = rules.find((y) => y.id === id); return x ? (zh ? x.label.zh : (x.label.en ?? x.label.zh)) : id; }).join(zh ? '；' : '; ');
            io.out(table([zh ? '编号' : 'number', zh ? '规则' : 'rule', zh ? '原状态' : 'from', zh ? '新状态' : 'to'], changes.map((c) => [c.number, label(c.rule), W.status(c.from), W.status(c.to)])));
          }
          return EXIT.ok;
        }
        // print
        const ns = positionals[1] ? [L.findNotice(store, positionals[1])] : L.loadNotices(store, { ...(period ? { period } : {}), ...(typeof v.provider === 'string' ? { provider: v.provider } : {}) });
        const pdf = await writeNoticePdfs(ns.map((n) => ({ ...n, doc: L.printable(n) })), outDir, ns.length > 1 ? `notices-${period ?? 'all'}.pdf` : undefined);
        if (json) io.out(JSON.stringify({ ok: true, files: pdf.files, batch: pdf.batch ?? null }, null, 2));
        else {
          for (const f of pdf.files) io.out(rel(f));
          if (pdf.batch) io.out(zh ? `合并打印：${rel(pdf.batch)}` : `Combined for printing: ${rel(pdf.batch)}`);
        }
        return EXIT.ok;
      } catch (e) {
        const r = ledgerProblem(e, lang, json, io) ?? storeFailure(e, path, `notices ${sub}`, lang, json, io);
        if (r !== undefined) return r;
        throw e;
      } finally {
        store.close();
      }
    },
  },

  scorecard: {
    summary: { zh: '月度考核评分表（PDF）：分类扣分、一票否决、满意度加权、等级、近 6 期趋势', en: 'Monthly scorecards (PDF): deductions by category, veto items, survey blend, grade, 6-period trend' },
    usage: 'charter scorecard --period YYYY-MM [--provider ID] [--out DIR] [--db PATH] [--json]',
    help: {
      zh: `  --period YYYY-MM  考核月份
  --provider ID     只为该服务商评分
  --at 时间          评分表日期，不早于考核月份结束（默认当前时间）
  --out DIR         PDF 目录（默认 out/scorecards/）
  --tree DIR        标准目录（默认 standards/）
${DB_HELP.zh}
  分类、权重、扣分标准、否决项、满意度权重和等级取自 standards/scoring/*.yaml。`,
      en: `  --period YYYY-MM  the month
  --provider ID     score this provider only
  --at TIME         the scorecard's date, not before the month ends (default: now)
  --out DIR         where PDFs go (default out/scorecards/)
  --tree DIR        the standards tree (default standards/)
${DB_HELP.en}
  Categories, weights, deductions, veto items, the survey blend and grades come from standards/scoring/*.yaml.`,
    },
    options: { ...COMMON, period: { type: 'string' }, provider: { type: 'string' }, at: { type: 'string' }, out: { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const zh = lang === 'zh';
      const period = v.period as string | undefined;
      const bad: Diagnostic[] = [];
      bad.push(...[checkMonth('--period', period, 'scorecard', 'charter scorecard --period YYYY-MM [--provider ID] [--at DATE]', true)].filter((d) => d !== undefined));
      if (v.at !== undefined) {
        const t = parseInstant('--at', String(v.at));
        if (!(t instanceof Date)) bad.push(t);
      }
      const { treeDir, path } = treeAndDb(v, io.cwd, bad);
      if (bad.length) return usageError(bad, lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const card = tree.scorecards[0]?.value;
      if (!card) return usageError([cmdErr('CH003', { value: 'standards/scoring/*.yaml (kind: scorecard)' })], lang, json, io);
      const school = tree.calendars[0]!.value;
      const cal = createCalendar(school);
      let at: Date;
      try {
        at = v.at === undefined ? new Date() : cal.parse(normaliseInstant(String(v.at)));
      } catch {
        return usageError([cmdErr('CH030', { flag: '--at', value: String(v.at) })], lang, json, io);
      }
      // A month is scored after it ends (it cannot be judged before its last day is over).
      const [py, pm] = period!.split('-').map(Number) as [number, number];
      const periodEnd = pm === 12 ? `${py + 1}-01-01T00:00` : `${py}-${String(pm + 1).padStart(2, '0')}-01T00:00`;
      if (at.getTime() < cal.parse(periodEnd).getTime()) return usageError([cmdErr('CH522', { at: String(v.at ?? instantToIso(at.getTime(), school.timezone)).slice(0, 16).replace('T', ' '), period: period!, end: periodEnd.replace('T', ' ') })], lang, json, io);
      const providers = tree.registers[0]!.value.providers.filter((p) => v.provider === undefined || p.id === v.provider);
      const unknownP = typeof v.provider === 'string' ? unknownProvider(tree, '--provider', v.provider, lang) : undefined;
      if (unknownP || !providers.length) return usageError([unknownP ?? cmdErr('CH024', { flag: '--provider', value: String(v.provider), suggest: '', allowedZh: '', allowedEn: '' })], lang, json, io);
      const { evaluate } = await import('../evaluate/evaluate.ts');
      const { scoreProvider, lastPeriods, outsideService } = await import('../scorecard/score.ts');
      const { namesOf } = await import('../validate/names.ts');
      const { localDate, monthWords } = await import('../model/labels.ts');
      const { loadNotices } = await import('../notices/ledger.ts');
      const office = tree.noticeConfigs[0]?.value.office ?? '';
      const store = openCliStore(path, 'read', 'scorecard', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        const notices = loadNotices(store);
        const byPeriod = new Map<string, Findings>();
        const findingsOf = (p: string): Findings => {
          let f = byPeriod.get(p);
          if (!f) byPeriod.set(p, (f = evaluate({ tree, store, period: p })));
          return f;
        };
        const docs: ScorecardDoc[] = [];
        const unassigned: Record<string, unknown[]> = {};
        const skipped: { provider: string; reason_code: string; service: string }[] = [];
        const generatedAt = instantToIso(at.getTime(), school.timezone);
        const serviceText = (p: (typeof providers)[number]): string => `${p.service?.from ? localDate(p.service.from, lang) : ''}—${p.service?.to ? localDate(p.service.to, lang) : ''}`;
        const nameOf = (id: string): string => providers.find((x) => x.id === id)?.name ?? id;
        // A period wholly outside the contract service period has no duties, hence no scorecard.
        const inService = (p: (typeof providers)[number], q: string): boolean => !outsideService(p, q) && (findingsOf(q).providers.find((x) => x.id === p.id) as { in_service?: boolean } | undefined)?.in_service !== false;
        for (const p of providers) {
          if (!inService(p, period!)) {
            skipped.push({ provider: p.id, reason_code: 'outside-service', service: serviceText(p) });
            continue;
          }
          const s = scoreProvider({ tree, store, findings: findingsOf(period!), card, provider: p.id, notices, generatedAt, office });
          s.doc.trend = lastPeriods(period!).map((q) => {
            if (!inService(p, q)) return { period: q, total: null };
            const t = scoreProvider({ tree, store, findings: findingsOf(q), card, provider: p.id, notices, generatedAt, office });
            // A draft on too few verdicts is marked 草稿·待补数据 on the chart; a month without any verdict is 无评价.
            return { period: q, total: t.checked ? t.doc.total : null, ...(t.doc.provisional?.code === 'low-coverage' ? { provisional: true } : {}) };
          });
          docs.push(s.doc);
          unassigned[p.id] = s.unassigned;
        }
        if (!docs.length) {
          return usageError(skipped.map((x) => cmdErr('CH523', { provider: nameOf(x.provider), period: period!, service: x.service })), lang, json, io);
        }
        const outDir = resolve(io.cwd, (v.out as string | undefined) ?? join('out', 'scorecards'));
        const { files, batch: batchFile } = await writeScorecardPdfs(docs, outDir, `scorecards-${period}.pdf`);
        const batch = batchFile!;
        const pct = (d: ScorecardDoc): string => (d.coverage?.ratio === null || !d.coverage ? '—' : zh ? `${d.coverage.verdict}/${d.coverage.applicable}（${Math.round(d.coverage.ratio * 100)}%）` : `${d.coverage.verdict}/${d.coverage.applicable} (${Math.round(d.coverage.ratio * 100)}%)`);
        if (json)
          io.out(
            JSON.stringify(
              {
                ok: true,
                period,
                scorecards: docs.map((d, i) => ({
                  provider: d.provider.id,
                  provisional: d.provisional ? d.provisional.code : false,
                  ...(d.provisional ? { provisional_reason: d.provisional.reason } : {}),
                  coverage: d.coverage,
                  supervisor_score: d.supervisor_score,
                  users_score: d.users_score,
                  // A draft gives no total and no grade: silence is never 100/优秀.
                  total: d.provisional ? null : d.total,
                  grade: d.provisional ? null : d.grade.code,
                  vetoed: d.vetoed,
                  failed: d.failed,
                  categories: d.categories.map((c) => ({ id: c.id, applicable: c.applicable !== false, weight: c.weight, ...(c.base_weight !== undefined ? { base_weight: c.base_weight } : {}), cap: c.cap, deducted: c.deducted, score: c.score, items: c.items })),
                  advisories: d.advisories ?? [],
                  unassigned: unassigned[d.provider.id],
                  trend: d.trend,
                  file: files[i],
                })),
                skipped,
                batch,
              },
              null,
              2,
            ),
          );
        else {
          const names = namesOf(tree);
          const gradeText = (d: ScorecardDoc): string => (d.provisional ? (zh ? '暂不评定（草稿·待补数据）' : 'not graded (draft: data missing)') : (zh ? d.grade.name.zh : (d.grade.name.en ?? d.grade.code)) + (d.vetoed ? (zh ? '（否决）' : ' (veto)') : ''));
          io.out(
            table(
              [zh ? '服务商' : 'provider', zh ? '评价覆盖' : 'coverage', zh ? '监督考核' : 'supervisor', zh ? '满意度' : 'users', zh ? '综合' : 'total', zh ? '等级' : 'grade', zh ? '扣分项' : 'deductions', 'PDF'],
              docs.map((d, i) => [d.provider.name, pct(d), d.supervisor_score, d.users_score ?? '—', d.provisional ? '—' : d.total, gradeText(d), d.categories.reduce((a, c) => a + c.items.filter((x) => x.deduction > 0).length, 0), relative(io.cwd, files[i]!)]),
              // Only the file path wraps: a provider's name and its grade stay on one line.
              { wrap: [7] },
            ),
          );
          for (const d of docs) if (d.provisional) io.out(zh ? `${d.provider.name}：${d.provisional.reason}` : `${d.provider.name}: draft — ${d.provisional.code === 'no-evaluation' ? 'nothing could be judged this period' : `coverage ${pct(d)} is below the floor of ${Math.round((d.coverage?.floor ?? 0) * 100)}%`}; no grade is given.`);
          for (const d of docs) {
            const na = d.categories.filter((c) => c.applicable === false);
            if (na.length) io.out(zh ? `${d.provider.name}：${na.map((c) => c.name.zh).join('、')} 不适用，其权重按比例分配给其余类别（合计仍为 100 分）。` : `${d.provider.name}: ${na.map((c) => c.name.en ?? c.id).join(', ')} not applicable; ${na.length === 1 ? 'its weight' : 'their weights'} went to the other categories in proportion (still 100 in all).`);
            const voided = [...new Set(d.categories.flatMap((c) => c.items.filter((x) => x.voided).map((x) => x.notice!)))];
            if (voided.length) io.out(zh ? `${d.provider.name}：通知单 ${voided.join('、')} 已作废，所列问题不扣分。` : `${d.provider.name}: notice ${voided.join(', ')} was voided; its problems cost nothing.`);
            if (d.advisories?.length) io.out(zh ? `${d.provider.name}：建议改进（宜）${d.advisories.length} 项，列出不扣分：${d.advisories.map((a) => names.requirement(a.requirement, lang)).join('、')}` : `${d.provider.name}: ${d.advisories.length} advisories (should), listed, not deducted: ${d.advisories.map((a) => names.requirement(a.requirement, lang)).join('; ')}`);
          }
          for (const x of skipped) io.out(zh ? `${nameOf(x.provider)}：${monthWords(period!, lang)}整月不在合同服务期（${x.service}）内，不出评分表。` : `${nameOf(x.provider)}: all of ${monthWords(period!, lang)} is outside the service period (${x.service}); no scorecard.`);
          const loose = Object.entries(unassigned).filter(([, xs]) => xs.length);
          for (const [p, xs] of loose) {
            const refs = (xs as { requirement: string }[]).map((x) => names.requirement(x.requirement, lang));
            io.out(zh ? `${nameOf(p)}：${xs.length} 项不通过的条款不属于评分表的任何类别，列出但未扣分：${refs.join('、')}。` : `${nameOf(p)}: ${xs.length} failed requirement${xs.length === 1 ? '' : 's'} belong${xs.length === 1 ? 's' : ''} to no scorecard category; listed, not deducted: ${refs.join('; ')}.`);
          }
          io.out(zh ? `合并打印：${relative(io.cwd, batch)}` : `Combined for printing: ${relative(io.cwd, batch)}`);
        }
        return EXIT.ok;
      } catch (e) {
        const r = storeFailure(e, path, 'scorecard', lang, json, io);
        if (r !== undefined) return r;
        throw e;
      } finally {
        store.close();
      }
    },
  },
};
