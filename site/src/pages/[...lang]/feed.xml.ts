// Atom feed of `changes` (revisions of the standard, plans and contracts with their dated values, and the
// monthly results), one per language, in the same words as the 变更记录 page (engine/site/changes.ts).
// Links are relative to the feed's own URL, so the feed works wherever the site is hosted.
import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { localDate } from '../../../../engine/model/labels.ts';
import { clausePath, href, langPaths, site, t, type Lang } from '../../lib/data.ts';
import { ui } from '../../lib/ui.ts';

export const getStaticPaths = () => langPaths();

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const when = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+08:00` : date);

export const GET: APIRoute = ({ props }) => {
  const lang = (props as { lang: Lang }).lang;
  const d = site();
  const office = t(d.office.name, lang);
  const updated = d.changes[0]?.date ?? d.generated.as_of.slice(0, 10);
  // The feed sits at the language's root: a page's link is its path below it.
  const root = href(lang);
  const page = (path: string): string => href(lang, path).slice(root.length);
  const entries = d.changes.map((c) => {
    const id = createHash('sha256').update(`${c.date}\n${c.title.zh}\n${c.link}`).digest('hex').slice(0, 16);
    const link = c.clause ? page(clausePath(c.clause)) : page(c.link);
    const lines = [`${localDate(c.date, lang)}${lang === 'zh' ? '：' : ': '}${t(c.title, lang)}`, ...(c.items ?? []).map((i) => t(i.text, lang))];
    return `  <entry>
    <title>${esc(t(c.title, lang))}</title>
    <id>urn:charter:change:${id}</id>
    <updated>${when(c.date)}</updated>
    <link rel="alternate" type="text/html" href="${esc(link)}"/>
    <summary>${esc(lines.join(lang === 'zh' ? '；' : '; '))}</summary>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'en' ? 'en' : 'zh-CN'}">
  <title>${esc(`${office} ${ui(lang).siteName}`)}</title>
  <id>urn:charter:feed:${lang}</id>
  <updated>${when(updated)}</updated>
  <author><name>${esc(office)}</name></author>
  <link rel="self" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="./"/>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
