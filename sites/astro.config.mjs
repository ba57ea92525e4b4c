import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  // Astro renders behind our own small Node server (sites/server.ts), which answers page-cache hits and
  // build files without going through Astro's request pipeline.
  adapter: node({ mode: 'middleware' }),
  security: { checkOrigin: true },
  telemetry: false,
  vite: {
    // The CSP allows scripts from our origin only, so no script may ever be inlined into a page.
    build: { assetsInlineLimit: 0 },
    ssr: {
      // In this npm workspace Directus hoists older majors of these packages to the root, while Astro and
      // its Node adapter keep the versions they need nested. Bundling them makes the built server use
      // the nested versions instead of resolving the root ones at run time.
      noExternal: ['cookie', 'send', 'zod'],
    },
  },
});
