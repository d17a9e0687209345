// charter site build: the public commitment site, or the office's internal edition, from the same YAML
// and the evaluations of every month with data.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { missingStore, openCliStore, storeFailure } from './store-cli.ts';
import { storeErrorOf } from '../store/store.ts';
import { instantToIso } from '../data/convert.ts';
import { diag } from '../diagnostics.ts';
import { SiteError } from '../site/errors.ts';
import { diagnosticJson, fitLines, renderDiagnostic, style } from './format.ts';
import { localTime, say, SITE_ITEM } from '../model/labels.ts';
import { choiceArgs, COMMON, EXIT, missing, outsideCalendar, parseInstant, usageError, type Command } from './common.ts';
import { cmdErr, DB_HELP, loadStandards, treeAndDb } from './data-commands.ts';

export const SITE_COMMANDS: Record<string, Command> = {
  site: {
    summary: { zh: '生成服务承诺公开网站（或后勤处内部版）', en: 'Build the public commitment site (or the office’s internal edition)' },
    usage: 'charter site build [--edition public|internal] [--out DIR] [--pdf DIR] [--site-url URL] [--now ISO] [--db PATH]',
    help: {
      zh: `  build              生成网站
  --edition E        public（默认，公开版，输出 site/dist/）或 internal（内部版，输出 site/dist-internal/）
  --out DIR          输出目录：不存在、空目录，或此前生成的网站（有标记文件 .charter-site）；
                     其他非空目录会被拒绝（CH010/CH011，退出码 2），其中的文件不会被删除
  --pdf DIR          内部版链接的通知单与评分表 PDF 所在目录（默认 out/）
  --site-url URL     网站地址（以 / 结尾），用于 sitemap.xml、robots.txt、canonical 和 Open Graph 标签；
                     默认取 standards/school/notices.yaml 的 public_site（通知单二维码也用它）
  --now ISO          生成时间（默认当前时间；用于测试和重放）：记入数据库，也是数据的截至时间，
                     此时尚未结束的月份不作为服务承诺结果公布
  --tree DIR         标准目录（默认 standards/）
${DB_HELP.zh}
  数据库须已存在（CH421）。每次生成都记入数据库：版本、时间、输出目录和页面上发布的公示项；
  公示类条款（4.1、4.3、7.2 及方案的公示要求）按当月月末以前最近一次公开版生成评价。
  预览：npm run preview`,
      en: `  build              build the site
  --edition E        public (default, output site/dist/) or internal (output site/dist-internal/)
  --out DIR          output folder: new, empty, or an earlier build (with its .charter-site marker);
                     any other non-empty folder is refused (CH010/CH011, exit 2) and none of its files deleted
  --pdf DIR          where the notice and scorecard PDFs the internal edition links to are (default out/)
  --site-url URL     the site's address (ending in /) for sitemap.xml, robots.txt, canonical and Open Graph
                     tags; default: public_site in standards/school/notices.yaml (the notices' QR codes use it)
  --now ISO          the build time (default: now; for tests and replays): recorded in the store, and the
                     data's as-of: a month not over by then is not reported as a pledge result
  --tree DIR         the standards tree (default standards/)
${DB_HELP.en}
  The store must exist (CH421). Every build is recorded in it: edition, time, output folder and the
  disclosure items its pages publish; disclosure requirements (4.1, 4.3, 7.2 and the plans' publication
  duties) are judged from the latest public build before the end of the month.
  Preview: npm run preview`,
    },
    options: { ...COMMON, edition: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'string' }, 'site-url': { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' }, now: { type: 'string' } },
    async run({ values, positionals }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const zh = lang === 'zh';
      const bad: Diagnostic[] = [];
      if (positionals[0] === undefined) bad.push(missing('site', 'charter site build [--edition public|internal]', { zh: '子命令 build', en: 'the subcommand build' }));
      else if (positionals[0] !== 'build') bad.push(cmdErr('CH032', { command: 'site', value: positionals[0], ...choiceArgs(positionals[0], ['build'], lang, undefined, 'charter site ') }));
      const edition = (v.edition as string | undefined) ?? 'public';
      if (edition !== 'public' && edition !== 'internal') bad.push(cmdErr('CH033', { flag: '--edition', value: edition, ...choiceArgs(edition, ['public', 'internal'], lang, undefined, '--edition ') }));
      let now = new Date();
      if (v.now !== undefined) {
        const t = parseInstant('--now', String(v.now));
        if (t instanceof Date) now = t;
        else bad.push(t);
      }
      const { normaliseSiteUrl } = await import('../site/site-url.ts');
      const siteUrl = v['site-url'] === undefined ? undefined : normaliseSiteUrl(String(v['site-url']));
      if (v['site-url'] !== undefined && siteUrl === undefined) bad.push(cmdErr('CH438', { value: String(v['site-url']) }));
      const { treeDir, path } = treeAndDb(v, io.cwd, bad, false);
      // The store holds the figures and receives the build's record: a missing one is never created empty.
      if (!existsSync(path)) {
        const d = missingStore(path);
        bad.push(d.code === 'CH423' ? cmdErr('CH421', { path }) : d);
      }
      if (bad.length) return usageError(bad, lang, json, io);
      const tree = loadStandards(treeDir, io, lang, json);
      if (!tree) return EXIT.problems;
      const outDir = resolve(io.cwd, (v.out as string | undefined) ?? join('site', edition === 'internal' ? 'dist-internal' : 'dist'));
      const { buildSiteData } = await import('../site/data.ts');
      const { buildSite } = await import('../site/build.ts');
      const { checkOutDir, OutDirError } = await import('../site/out-dir.ts');
      // A folder the build may not replace is refused before the (slow) evaluation, and again by the build.
      const refused = (e: unknown): number | undefined => (e instanceof OutDirError ? usageError([cmdErr(e.code, e.args)], lang, json, io) : undefined);
      try {
        checkOutDir(outDir);
      } catch (e) {
        const code = refused(e);
        if (code !== undefined) return code;
        throw e;
      }
      // Reading builds the site; recording the build (for the disclosure requirements) writes, so a store
      // this user cannot write still gets its site, with a warning that the build was not recorded.
      const store = openCliStore(path, 'prefer-write', 'site build', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        // The build's time: also the notices' statuses are shown as the ledger's rules make them then (not written).
        const data = buildSiteData({ tree, store, edition: edition as 'public' | 'internal', asOf: now, ...(siteUrl ? { siteUrl } : {}) });
        // Without the site's address nothing absolute can be written (sitemap, canonical, og:url): say so.
        const noUrl = data.site_url === null ? diag('CH437', join(relative(io.cwd, treeDir) || '.', 'school', 'notices.yaml'), { line: 1, col: 1 }, { file: 'standards/school/notices.yaml' }) : undefined;
        const r = await buildSite({ data, outDir, ...(edition === 'internal' ? { pdfDir: resolve(io.cwd, (v.pdf as string | undefined) ?? 'out') } : {}), quiet: true });
        const rel = relative(io.cwd, r.outDir) || r.outDir;
        const tz = tree.calendars[0]?.value.timezone ?? 'Asia/Shanghai';
        const builtAt = instantToIso(now.getTime(), tz);
        const { publishedItems } = await import('../site/record.ts');
        const items = publishedItems({ tree, data, outDir: r.outDir });
        const notRecorded = (why: 'read-only' | 'busy'): Diagnostic =>
          diag('CH422', path, { line: 1, col: 1 }, { path, ...(why === 'busy' ? { reason: 'another writer held it past the busy timeout', reasonZh: '数据库正被另一个写入占用，超过了等待时间' } : { reason: 'the store is read-only here', reasonZh: '数据库在此是只读的' }) });
        let warning = store.readOnly ? notRecorded('read-only') : undefined;
        let buildId: number | undefined;
        if (!store.readOnly) {
          try {
            const { recordSiteBuild } = await import('../store/site-builds.ts');
            // The output folder as given from the project (site/dist), or absolute when outside it.
            buildId = recordSiteBuild(store, { edition: edition as 'public' | 'internal', built_at: builtAt, out_path: rel.startsWith('..') ? r.outDir : rel, data_as_of: data.generated.as_of || null, standard: data.generated.standard, items });
          } catch (e) {
            // The site stands; only its record is lost, and the user is told.
            const se = storeErrorOf(e, path, 'site build');
            if (se?.code === 'CH410') warning = notRecorded('busy');
            else if (se?.code === 'CH409') warning = notRecorded('read-only');
            else throw e;
          }
        }
        const codes = [...new Set(items.map((i) => i.code))];
        // The internal edition's phone forms, one per inspection round (docs/site.md).
        const rounds = data.internal?.inspections?.length;
        if (json) io.out(JSON.stringify({ ok: true, edition, out: r.outDir, pages: r.pages, ms: Math.round(r.ms), periods: data.periods, built_at: builtAt, recorded: buildId !== undefined, ...(buildId !== undefined ? { build_id: buildId } : {}), published: items, ...(rounds !== undefined ? { inspection_rounds: rounds } : {}), warnings: [warning, noUrl].filter((w) => w !== undefined).map((w) => diagnosticJson(w, lang)) }, null, 2));
        else {
          io.out(fitLines(zh ? `${edition === 'internal' ? '内部版' : '公开版'}网站：${r.pages} 个页面${rounds ? `（含 ${rounds} 轮现场检查的手机检查表：${rel}/internal/inspections/）` : ''}，${(r.ms / 1000).toFixed(1)} 秒 → ${rel}/（预览：npm run preview）` : `${edition} site: ${r.pages} pages${rounds ? ` (with phone forms for ${rounds} inspection rounds: ${rel}/internal/inspections/)` : ''} in ${(r.ms / 1000).toFixed(1)} s → ${rel}/ (preview: npm run preview)`));
          const counts = edition === 'internal' ? (zh ? '；内部版不作为公示依据' : '; an internal build is not evidence of publication') : '';
          // The disclosure items by their names in the standard or plan (codes stay in --json).
          const itemNames = new Map<string, { zh: string; en?: string }>();
          for (const req of tree.requirements) for (const it of req.value.disclosure?.items ?? []) if (!itemNames.has(it.code)) itemNames.set(it.code, it.name);
          const named = codes.map((c) => {
            const n = itemNames.get(c);
            return n ? (zh ? n.zh : (n.en ?? n.zh)) : say(SITE_ITEM, c, lang);
          });
          const when = localTime(builtAt, lang, { year: true });
          if (buildId !== undefined) io.out(fitLines(zh ? `已记入数据库：${when} 生成，页面发布公示项 ${codes.length} 项（${named.join('、')}）${counts}` : `Recorded in the store: built ${when}, its pages publish ${codes.length} disclosure items (${named.join('; ')})${counts}`));
          if (warning) io.err(renderDiagnostic(warning, lang, '', style(io.color)));
          if (noUrl) io.err(renderDiagnostic(noUrl, lang, '', style(io.color)));
        }
        return EXIT.ok;
      } catch (e) {
        const code = refused(e);
        if (code !== undefined) return code;
        if (e instanceof SiteError) {
          const d = diag(e.code, e.code === 'CH417' ? String(e.args.page) : treeDir, { line: 1, col: 1 }, e.args);
          if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnosticJson(d, lang)] }, null, 2));
          else io.err(renderDiagnostic(d, lang, '', style(io.color)));
          return EXIT.problems;
        }
        const r = storeFailure(e, path, 'site build', lang, json, io);
        if (r !== undefined) return r;
        throw e;
      } finally {
        store.close();
      }
    },
  },
};
