// robots.txt (issue 14 §4): the public edition lets every crawler in and names its sitemap by the site's
// configured address; the internal edition (also noindex on every page) turns every crawler away.
import type { APIRoute } from 'astro';
import { absolute, isInternal } from '../lib/data.ts';

export const GET: APIRoute = () => {
  if (isInternal()) return new Response('# 内部版：不供搜索引擎收录 / Internal edition: not for search engines\nUser-agent: *\nDisallow: /\n');
  const map = absolute('/sitemap.xml');
  // Without a configured address there is no sitemap (an absolute URL is required): the build warns (CH437).
  return new Response(`User-agent: *\nAllow: /\n${map ? `\nSitemap: ${map}\n` : ''}`);
};
