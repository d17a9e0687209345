// The commitment site: static pages only, no client-side framework. engine/site/build.ts runs this
// with outDir set per edition and the data file in CHARTER_SITE_DATA; it adds, per build, the site's
// address (`site`, SiteData.site_url) and the sitemap integration (public edition only).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  // /standard/<slug>/index.html: clause folders are slugs without ':' (engine/site/slug.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // No network at build time: no remote images, fonts or prefetch.
  prefetch: false,
  markdown: { syntaxHighlight: false },
});
