// charter site build: the public commitment site, or the office's internal edition, from the same YAML
// and the evaluations of every month with data.
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import { openCliStore, storeFailure } from './store-cli.ts';
import { diag } from '../diagnostics.ts';
import { SiteError } from '../site/errors.ts';
import { diagnosticJson, renderDiagnostic, style } from './format.ts';
import { COMMON, EXIT, usageError, type Command } from './common.ts';
import { cmdErr, DB_HELP, loadStandards, treeAndDb } from './data-commands.ts';

export const SITE_COMMANDS: Record<string, Command> = {
  site: {
    summary: { zh: '生成服务承诺公开网站（或后勤处内部版）', en: 'Build the public commitment site (or the office’s internal edition)' },
    usage: 'charter site build [--edition public|internal] [--out DIR] [--pdf DIR] [--db PATH]',
    help: {
      zh: `  build              生成网站
  --edition E        public（默认，公开版，输出 site/dist/）或 internal（内部版，输出 site/dist-internal/）
  --out DIR          输出目录：不存在、空目录，或此前生成的网站（有标记文件 .charter-site）；
                     其他非空目录会被拒绝（CH010/CH011，退出码 2），其中的文件不会被删除
  --pdf DIR          内部版链接的通知单与评分表 PDF 所在目录（默认 out/）
  --tree DIR         标准目录（默认 standards/）
${DB_HELP.zh}
  预览：npm run preview`,
      en: `  build              build the site
  --edition E        public (default, output site/dist/) or internal (output site/dist-internal/)
  --out DIR          output folder: new, empty, or an earlier build (with its .charter-site marker);
                     any other non-empty folder is refused (CH010/CH011, exit 2) and none of its files deleted
  --pdf DIR          where the notice and scorecard PDFs the internal edition links to are (default out/)
  --tree DIR         the standards tree (default standards/)
${DB_HELP.en}
  Preview: npm run preview`,
    },
    options: { ...COMMON, edition: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'string' }, tree: { type: 'string' }, db: { type: 'string' } },
    async run({ values, positionals }, lang, json, io) {
      const v = values as Record<string, string | boolean | undefined>;
      const zh = lang === 'zh';
      const bad: Diagnostic[] = [];
      if (positionals[0] !== 'build') bad.push(cmdErr('CH002', { detail: `${positionals[0] ?? ''} (build)`, command: 'site' }));
      const edition = (v.edition as string | undefined) ?? 'public';
      if (edition !== 'public' && edition !== 'internal') bad.push(cmdErr('CH002', { detail: `--edition ${edition} (public | internal)`, command: 'site build' }));
      const { treeDir, path } = treeAndDb(v, io.cwd, bad);
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
      const store = openCliStore(path, 'read', 'site build', lang, json, io);
      if (typeof store === 'number') return store;
      try {
        const data = buildSiteData({ tree, store, edition: edition as 'public' | 'internal' });
        const r = await buildSite({ data, outDir, ...(edition === 'internal' ? { pdfDir: resolve(io.cwd, (v.pdf as string | undefined) ?? 'out') } : {}), quiet: true });
        const rel = relative(io.cwd, r.outDir) || r.outDir;
        // The internal edition's phone forms, one per inspection round (docs/site.md).
        const rounds = data.internal?.inspections?.length;
        if (json) io.out(JSON.stringify({ ok: true, edition, out: r.outDir, pages: r.pages, ms: Math.round(r.ms), periods: data.periods, ...(rounds !== undefined ? { inspection_rounds: rounds } : {}) }, null, 2));
        else io.out(zh ? `${edition === 'internal' ? '内部版' : '公开版'}网站：${r.pages} 个页面${rounds ? `（含 ${rounds} 轮现场检查的手机检查表：${rel}/internal/inspections/）` : ''}，${(r.ms / 1000).toFixed(1)} 秒 → ${rel}/（预览：npm run preview）` : `${edition} site: ${r.pages} pages${rounds ? ` (with phone forms for ${rounds} inspection rounds: ${rel}/internal/inspections/)` : ''} in ${(r.ms / 1000).toFixed(1)} s → ${rel}/ (preview: npm run preview)`);
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
