// Old clause links keep working (issue 14 §4). Until issue 14 a clause's folder was its raw id and links
// percent-encoded it (`/standard/nantong-supervision%3Arectification/`, also printed in the QR codes of
// notices issued before); the folder is now the id's slug (engine/model/slug.ts). Static files cannot
// redirect by themselves, so the build writes the rules for the hosts that read them:
// - `_redirects` — Netlify, Cloudflare Pages and hosts with the same format: one 301 line per old path;
// - `web.config` — IIS (URL Rewrite module): one rewrite map from old id to slug and one redirect rule.
// Other servers (nginx, Apache) are configured by hand from the same list (site/README.md).
import { clauseSlug } from './slug.ts';

/** Clause ids whose old address differs from the new one, with their slugs, sorted by id. */
export function movedClauses(ids: Iterable<string>): { id: string; slug: string }[] {
  return [...new Set(ids)]
    .filter((id) => clauseSlug(id) !== id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => ({ id, slug: clauseSlug(id) }));
}

/** Netlify-style `_redirects`: each old path, raw and percent-encoded, in both languages, to its slug (301). */
export function netlifyRedirects(ids: Iterable<string>): string {
  const lines = ['# Old clause addresses (the raw id, with ":") → the clause page at its slug. Written by charter site build.'];
  for (const { id, slug } of movedClauses(ids)) {
    for (const lang of ['', '/en']) {
      const to = `${lang}/standard/${slug}/`;
      const froms = [...new Set([encodeURIComponent(id), id])];
      for (const from of froms) {
        lines.push(`${lang}/standard/${from}/ ${to} 301`);
        lines.push(`${lang}/standard/${from} ${to} 301`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** IIS `web.config`: a rewrite map (old id → slug) and one permanent redirect rule reading it; the
 * map is looked up with the decoded id, so `%3A` and `:` both match. Needs the URL Rewrite module. */
const MIME: [string, string][] = [
  ['.json', 'application/json; charset=utf-8'],
  ['.xml', 'application/xml; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
  ...['.pf_fragment', '.pf_index', '.pf_meta', '.pagefind'].map((e): [string, string] => [e, 'application/octet-stream']),
];

export function iisWebConfig(ids: Iterable<string>): string {
  const moved = movedClauses(ids);
  // IIS serves only the file types it knows: the downloads' and Pagefind's are declared (removed first, in case the server already has them).
  const mime = MIME.map(([ext, type]) => `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${type}" />`).join('\n');
  const map = moved.map(({ id, slug }) => `          <add key="${xml(id)}" value="${xml(slug)}" />`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Written by charter site build. Old clause addresses (/standard/<id>/, the id holding ":") redirect to
     the clause page at its slug; needs the IIS URL Rewrite module. The site itself is static files. -->
<configuration>
  <system.webServer>
    <staticContent>
${mime}
    </staticContent>
    <rewrite>
      <rewriteMaps>
        <rewriteMap name="CharterOldClauses">
${map}
        </rewriteMap>
      </rewriteMaps>
      <rules>
        <rule name="Charter old clause addresses" stopProcessing="true">
          <match url="^(en/)?standard/([^/]+)/?$" />
          <conditions>
            <add input="{CharterOldClauses:{R:2}}" pattern="(.+)" />
          </conditions>
          <action type="Redirect" url="{R:1}standard/{C:1}/" redirectType="Permanent" />
        </rule>
      </rules>
    </rewrite>
  </system.webServer>
</configuration>
`;
}
