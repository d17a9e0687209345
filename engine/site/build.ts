// Builds the commitment site (site/, Astro + MDX) from SiteData: the data goes to a temporary JSON file
// the pages read at build time (CHARTER_SITE_DATA), Astro renders static pages, Pagefind indexes them
// (Chinese pages carry lang="zh-CN", so Pagefind segments them), and the internal edition gets the
// notice and scorecard PDFs in outDir/pdf/. No network: no remote fonts, images or telemetry.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { checkOutDir, writeMarker } from './out-dir.ts';
import { siteErrorIn } from './errors.ts';
import type { SiteData } from './types.ts';
import { iisWebConfig, netlifyRedirects } from './redirects.ts';

export const SITE_ROOT = resolve(import.meta.dirname, '..', '..', 'site');

export interface BuildSiteOptions {
  data: SiteData;
  outDir: string;
  /** Where the notice and scorecard PDFs are (searched recursively); internal edition only. */
  pdfDir?: string;
  quiet?: boolean;
}

const inside = (child: string, parent: string): boolean => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** Every *.pdf under dir, by file name, sorted (the same inputs give the same bytes). */
function findPdfs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.pdf') && !out.has(e.name)) out.set(e.name, p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function countHtml(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += e.name === 'pagefind' ? 0 : countHtml(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}

/** Pagefind lists its language indexes in hash-map order, which varies run to run: sort them by name
 * (the search looks a language up by key) so the same inputs give the same bytes. */
function sortPagefindLanguages(content: Uint8Array): Uint8Array | string {
  const entry = JSON.parse(Buffer.from(content).toString('utf8')) as { languages?: Record<string, unknown> };
  if (!entry.languages) return content;
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(entry);
}

/** @astrojs/sitemap writes sitemap-index.xml pointing at sitemap-0.xml, … ; the site publishes one
 * `sitemap.xml` (robots.txt names it): the only chunk when there is one (a site under 45,000 pages),
 * else the index itself. */
function sitemapAsOneFile(dir: string): void {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) return;
  const chunks = readdirSync(dir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (chunks.length === 1) {
    renameSync(join(dir, chunks[0]!), join(dir, 'sitemap.xml'));
    rmSync(index);
  } else renameSync(index, join(dir, 'sitemap.xml'));
}

// Astro reads CHARTER_SITE_DATA from the process environment and keeps caches under site/: one build at a time.
let queue: Promise<unknown> = Promise.resolve();

export function buildSite(o: BuildSiteOptions): Promise<{ pages: number; ms: number; outDir: string }> {
  const run = queue.then(() => buildOnce(o));
  queue = run.catch(() => undefined);
  return run;
}

async function buildOnce(o: BuildSiteOptions): Promise<{ pages: number; ms: number; outDir: string }> {
  const t0 = performance.now();
  const outDir = resolve(o.outDir);
  const internal = o.data.edition === 'internal';
  const pdfs = internal && o.pdfDir ? findPdfs(resolve(o.pdfDir)) : new Map<string, string>();
  checkOutDir(outDir);

  const tmp = mkdtempSync(join(tmpdir(), 'charter-site-'));
  const dataFile = join(tmp, 'site-data.json');
  writeFileSync(dataFile, JSON.stringify({ data: o.data, pdfs: [...pdfs.keys()] }));
  // Astro renders from bundled chunks it writes next to its output (or into <cwd>/.astro/ when the output
  // is outside the working folder), and those chunks import packages by name: they only resolve below
  // this project's node_modules. So Astro builds into a staging folder under site/, from a working folder
  // that contains it, and the result is moved to outDir.
  mkdirSync(join(SITE_ROOT, '.build'), { recursive: true });
  const staging = mkdtempSync(join(SITE_ROOT, '.build', 'out-'));
  const cwd = process.cwd();
  const saved = { data: process.env.CHARTER_SITE_DATA, telemetry: process.env.ASTRO_TELEMETRY_DISABLED };
  process.env.CHARTER_SITE_DATA = dataFile;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    if (!inside(SITE_ROOT, cwd)) {
      try {
        process.chdir(SITE_ROOT);
      } catch (e) {
        throw new Error(`buildSite: run it from inside ${dirname(SITE_ROOT)}, or where the working folder can be changed (${(e as Error).message})`);
      }
    }
    const { build } = await import('astro');
    // The define makes each build's render chunks unique (see site/src/lib/data.ts); it never reaches the output.
    // Quiet builds log nothing: a page's error would print the renderer's stack trace. A data problem a
    // component reports (site/src/lib/data.ts dataProblem) comes back as a coded SiteError (CH417); any
    // other failure is Charter's own and goes to the crash report.
    try {
      // The site's address (SiteData.site_url) makes the sitemap possible; public edition only (issue 14 §4).
      const siteUrl = o.data.site_url ?? undefined;
      const integrations = siteUrl && !internal ? [(await import('@astrojs/sitemap')).default({ i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } } })] : [];
      await build({ root: SITE_ROOT, outDir: staging, mode: 'production', logLevel: o.quiet ? 'silent' : 'info', ...(siteUrl ? { site: siteUrl } : {}), integrations, vite: { define: { __CHARTER_BUILD__: JSON.stringify(dataFile) } } });
    } catch (e) {
      throw siteErrorIn(e) ?? e;
    }

    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: staging });
      if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
      // The files are taken in memory and written here: writeFiles answered before its writes reached the disk
      // under load (an empty pagefind-entry.json), and the entry's languages are sorted on the way.
      const got = await index.getFiles();
      if (got.errors.length) throw new Error(`Pagefind: ${got.errors.join('; ')}`);
      for (const f of got.files) {
        const to = join(staging, 'pagefind', f.path);
        mkdirSync(dirname(to), { recursive: true });
        writeFileSync(to, f.path === 'pagefind-entry.json' ? sortPagefindLanguages(f.content) : f.content);
      }
    } finally {
      await pagefind.close();
    }

    sitemapAsOneFile(staging);
    // Old clause links (the raw id with ':') redirect to the slug where the host reads these files.
    writeFileSync(join(staging, '_redirects'), netlifyRedirects(o.data.clauses.map((c) => c.id)));
    writeFileSync(join(staging, 'web.config'), iisWebConfig(o.data.clauses.map((c) => c.id)));

    if (pdfs.size) {
      mkdirSync(join(staging, 'pdf'), { recursive: true });
      for (const [name, from] of pdfs) copyFileSync(from, join(staging, 'pdf', basename(name)));
    }

    // The marker claims the folder for the next build; checked again here, as files may have been put
    // into outDir while Astro was building.
    writeMarker(staging, { edition: o.data.edition, asOf: o.data.generated.as_of });
    checkOutDir(outDir);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    try {
      renameSync(staging, outDir);
    } catch {
      cpSync(staging, outDir, { recursive: true }); // another file system
    }
    return { pages: countHtml(outDir), ms: performance.now() - t0, outDir };
  } finally {
    if (process.cwd() !== cwd) process.chdir(cwd);
    if (saved.data === undefined) delete process.env.CHARTER_SITE_DATA;
    else process.env.CHARTER_SITE_DATA = saved.data;
    if (saved.telemetry === undefined) delete process.env.ASTRO_TELEMETRY_DISABLED;
    else process.env.ASTRO_TELEMETRY_DISABLED = saved.telemetry;
    rmSync(tmp, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    try {
      rmdirSync(join(SITE_ROOT, '.build')); // only when no other build is using it
    } catch {
      // not empty: another build is running
    }
  }
}
