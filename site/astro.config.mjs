// The commitment site: static pages only, no client-side framework. engine/site/build.ts runs this
// with outDir set per edition and the data file in CHARTER_SITE_DATA.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  integrations: [mdx()],
  // /standard/<id>/index.html: a static server maps /standard/<id>/ (raw or percent-encoded) to it.
  build: { format: 'directory', inlineStylesheets: 'never' },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // No network at build time: no remote images, fonts or prefetch.
  prefetch: false,
  markdown: { syntaxHighlight: false },
});
