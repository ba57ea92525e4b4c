/**
 * Builds the widget: `dist/widget.js` (the launcher every host page loads) and `dist/widget-app.js`
 * (the chat, loaded on first open). Prints both sizes gzipped.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
mkdirSync(out, { recursive: true });

const entries = { widget: 'src/launcher.ts', 'widget-app': 'src/app.ts' };
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(here, file)])),
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
  legalComments: 'none',
  logLevel: 'warning',
});

for (const name of Object.keys(entries)) {
  const code = readFileSync(join(out, `${name}.js`));
  console.log(`${name}.js: ${code.length} B, gzip ${gzipSync(code, { level: 9 }).length} B`);
}
