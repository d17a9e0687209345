// The site's own address (issue 14 §4): one configured base URL for the sitemap, robots.txt, canonical
// and Open Graph tags, absolute hreflang and feed links, and the notices' QR codes. It is `public_site`
// in the notice configuration (standards/school/notices.yaml); `charter site build --site-url` overrides it.
import type { Tree } from '../load/tree.ts';

/** A base URL as the site uses it: http(s), no query or fragment, ending in `/`; undefined when unusable. */
export function normaliseSiteUrl(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.search || u.hash || u.username || u.password) return undefined;
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** The override when given, else the tree's public_site, else null (the build warns, CH437). */
export function siteUrlOf(tree: Tree, override?: string | null): string | null {
  if (override) return normaliseSiteUrl(override) ?? null;
  const configured = tree.noticeConfigs[0]?.value.public_site;
  return configured ? (normaliseSiteUrl(configured) ?? null) : null;
}
