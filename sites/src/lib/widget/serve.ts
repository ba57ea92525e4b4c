import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const cache = new Map<string, string>();

/**
 * Serves a built widget file with the public Directus address filled in. Built by `npm run build`
 * (widget/build.ts); read once per process.
 */
export function widgetScript(name: 'widget.js' | 'widget-app.js'): Response {
  let code = cache.get(name);
  if (!code) {
    const dir = resolve(process.env.CARBOT_WIDGET_DIR ?? join(process.cwd(), 'widget', 'dist'));
    const api = (process.env.PUBLIC_DIRECTUS_URL ?? process.env.DIRECTUS_URL ?? '').replace(/\/$/, '');
    code = readFileSync(join(dir, name), 'utf8').replaceAll('__CARBOT_API__', api);
    cache.set(name, code);
  }
  return new Response(code, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      // Embedded on other sites: must be loadable cross-origin, and short-lived so fixes arrive quickly.
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
}
