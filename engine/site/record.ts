// What a finished site build published, for the store's record of it (table site_builds): every disclosure
// item the site can carry (engine/evaluate/disclosure.ts SITE_ITEMS, and clause pages with a published
// value) whose data is complete AND whose page in the output folder shows it. The built HTML is read, not
// assumed: an item counts only where the page a reader opens carries it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteItemOf, SITE_ITEMS, type DisclosureContext, type SiteItemSpec } from '../evaluate/disclosure.ts';
import type { Tree } from '../load/tree.ts';
import type { SiteBuildItem } from '../store/site-builds.ts';
import type { SiteData } from './types.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A page's visible text: tags dropped, entities decoded, white space collapsed. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m)))
    .replace(/\s+/g, ' ');
}

// A range reads 08:30—17:30 on the page (Chinese style) where the YAML writes 08:30-17:30: dashes compare equal.
const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/ ?[-–—~～] ?/g, '-').trim();

/** The disclosure items the build in `outDir` publishes, each with its page. */
export function publishedItems(o: { tree: Tree; data: SiteData; outDir: string }): SiteBuildItem[] {
  const tree = o.tree;
  const reqs = new Map(tree.requirements.map((r) => [r.value.id, r.value]));
  const ctx: DisclosureContext = {
    desk: tree.serviceDesks[0]?.value,
    // The pages list every price and parameter value with the date it applies from, future ones too: a
    // build publishes them whatever its day. Which apply in a month is the evaluation's question.
    day: '9999-12-31',
    standardTitle: tree.standards[0]?.value.title.zh,
    hasPledges: (p) => o.data.pledge_catalogue.some((x) => x.provider.id === p),
    providerName: (p) => o.data.providers.find((x) => x.id === p)?.name ?? p,
    valueOf: (id, param) =>
      reqs
        .get(id)
        ?.parameters?.find((q) => q.name === param)
        ?.values.at(-1)
        ?.value?.toString(),
  };
  const texts = new Map<string, string | null>();
  const textOf = (file: string): string | null => {
    if (!texts.has(file)) {
      const p = join(o.outDir, file);
      texts.set(file, existsSync(p) ? squash(pageText(readFileSync(p, 'utf8'))) : null);
    }
    return texts.get(file)!;
  };
  const shown = (spec: SiteItemSpec, provider?: string): boolean => {
    if (spec.lacks(ctx, provider).length) return false;
    const t = textOf(spec.file);
    return t !== null && spec.shows(ctx, provider).every((s) => t.includes(squash(s)));
  };
  const out: SiteBuildItem[] = [];
  for (const [code, spec] of Object.entries(SITE_ITEMS)) {
    if (spec.perProvider) {
      for (const p of o.data.providers) if (shown(spec, p.id)) out.push({ code, page: spec.page, provider: p.id });
    } else if (shown(spec)) out.push({ code, page: spec.page });
  }
  // Items with a value (the service guide's standard hours): the clause's page shows the value in force.
  for (const { value: r } of tree.requirements) {
    for (const item of r.disclosure?.items ?? []) {
      if (!item.value) continue;
      const spec = siteItemOf(r, item)!;
      if (shown(spec)) out.push({ code: item.code, page: spec.page });
    }
  }
  return out;
}
