// Atom feed of `changes` (monthly results, revisions of the standard and plans), one per language.
// Links are relative to the feed's own URL, so the feed works wherever the site is hosted.
import type { APIRoute } from 'astro';
import { createHash } from 'node:crypto';
import { langPaths, site, t, type Lang } from '../../lib/data.ts';
import { ui } from '../../lib/ui.ts';

export const getStaticPaths = () => langPaths();

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const when = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+08:00` : date);

export const GET: APIRoute = ({ props }) => {
  const lang = (props as { lang: Lang }).lang;
  const d = site();
  const office = t(d.office.name, lang);
  const updated = d.changes[0]?.date ?? d.generated.as_of.slice(0, 10);
  const entries = d.changes.map((c) => {
    const id = createHash('sha256').update(`${c.date}\n${c.title.zh}\n${c.link}`).digest('hex').slice(0, 16);
    return `  <entry>
    <title>${esc(t(c.title, lang))}</title>
    <id>urn:charter:change:${id}</id>
    <updated>${when(c.date)}</updated>
    <link rel="alternate" type="text/html" href="${esc(c.link)}"/>
    <summary>${esc(`${c.date} ${t(c.title, lang)}`)}</summary>
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
