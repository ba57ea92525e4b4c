/**
 * Dead-code check (`npm run lint`, `npm test`): unused files, exports and dependencies in every
 * workspace. The Directus bundle's entries are read from its package.json, so an extension that is no
 * longer registered there shows up as unused code.
 */
import { readFileSync } from 'node:fs';

const extension = JSON.parse(readFileSync(new URL('extensions/carbot/package.json', import.meta.url), 'utf8')) as {
  'directus:extension': { entries: { source: string }[] };
};

export default {
  // Exports only their own file uses are not dead code; what no file uses is.
  ignoreExportsUsedInFile: true,
  workspaces: {
    '.': {
      entry: ['scripts/*.ts', 'widget/build.ts', 'widget/src/{launcher,app}.ts', 'schema/migrations/*.ts'],
      project: ['scripts/**/*.ts', 'widget/**/*.ts', 'schema/**/*.ts', 'seeds/**/*.ts', 'tests/**/*.ts'],
      // Started as programs by scripts/lib/processes.ts (`directus bootstrap|start`, `astro check`), not imported.
      ignoreDependencies: ['directus', '@astrojs/check'],
      // System tools the erasure test reads the whole database with (Debian packages, not npm).
      ignoreBinaries: ['sqlite3', 'pg_dump'],
    },
    core: {
      // Used only through other workspaces' imports (`@carbot/core/<area>/<file>`) and its own tests.
      entry: ['src/**/*.test.ts'],
      project: ['src/**/*.ts'],
      includeEntryExports: true,
    },
    'extensions/carbot': {
      entry: [...extension['directus:extension'].entries.map((e) => e.source), 'extension.config.js'],
      project: ['src/**/*.{ts,vue}'],
    },
    sites: {
      entry: ['server.ts'],
      project: ['src/**/*.{ts,astro}', '*.mjs'],
    },
  },
};
