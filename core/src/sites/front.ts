/**
 * The site server's front door (sites/server.ts): what it answers itself before Astro is involved. A cached
 * page costs a map lookup and one socket write instead of Astro's request pipeline; everything that needs a
 * site's content or state (resolving a workshop, plan gates, draft preview, rendering, the purge that also
 * drops resolved sites) stays in Astro.
 */

import { resolveHost } from '../hosts.ts';
import { type CachedPage, cacheKey } from './cache.ts';
import { type Encoding, varyWithEncoding } from './compression.ts';
import { publicOrigin } from './headers.ts';

export const PURGE_PATH = '/_carbot/purge';

/**
 * One step of answering a request, tried in order:
 * - `app`: Astro (middleware + pages) renders or answers;
 * - `cache`: a cached page of this host and URL, if there is one;
 * - `static`: a file of the build's client folder, if there is one;
 * - `not-found`: the host belongs to no site.
 */
export type FrontStep = 'app' | 'cache' | 'static' | 'not-found';

export type FrontRoute = {
  steps: FrontStep[];
  /** Where this request's page is (or will be) cached; null when it must neither be read nor stored. */
  cacheKey: string | null;
};

export type FrontRequest = {
  method: string;
  /** The request target as received (path and query). */
  path: string;
  headers: { get(name: string): string | null };
  /** Whether the connection to us is TLS (without a trusted proxy that is the visitor's protocol). */
  encrypted: boolean;
};

/**
 * The order matters:
 * 1. the purge endpoint is addressed by IP (no site host), so it goes to Astro before any host check;
 * 2. the Host header is resolved first: a host that belongs to no site never touches the cache;
 * 3. a cached page (GET/HEAD only, never with a draft-preview token, which is always rendered fresh);
 * 4. a build file (any host, as the adapter's own static handler served them);
 * 5. unknown host → 404, otherwise Astro.
 * Plan gates and lapsed subscriptions need no step here: a cached page exists only for a site that was
 * served, every change of its workshop or tenant purges it, and it expires when its trial or grace ends.
 */
export function frontRoute(req: FrontRequest, opts: { trustProxy: number; sitesDomain: string }): FrontRoute {
  const method = req.method.toUpperCase();
  const readable = method === 'GET' || method === 'HEAD';
  const pathname = pathOf(req.path);
  if (pathname === PURGE_PATH) return { steps: ['app'], cacheKey: null };

  const url = requestUrl(req.encrypted, req.headers.get('host'), req.path);
  const { host, origin } = publicOrigin(url ?? new URL('http://localhost/'), req.headers, opts.trustProxy);
  const known = resolveHost(host, opts.sitesDomain).kind !== 'unknown';
  if (!known) return { steps: readable ? ['static', 'not-found'] : ['not-found'], cacheKey: null };

  // Built exactly like Astro builds its request URL, so the key names the page Astro renders for it; the
  // scheme is part of it because pages behind a TLS proxy differ (canonical links, HSTS).
  const key = readable && url && !url.searchParams.has('preview') ? cacheKey(origin, url) : null;
  const steps: FrontStep[] = [...(key ? (['cache'] as const) : []), ...(readable ? (['static'] as const) : []), 'app'];
  return { steps, cacheKey: key };
}

const pathOf = (target: string) => {
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
};

/** The URL Astro's Node adapter derives from a request; null where it would fall back to a bare origin. */
function requestUrl(encrypted: boolean, host: string | null, target: string): URL | null {
  const href = `${encrypted ? 'https' : 'http'}://${host ?? 'localhost'}${target}`;
  return URL.canParse(href) ? new URL(href) : null;
}

/**
 * Response head of a cache hit as Node's flat header list: the stored headers (no cookies ever reach the
 * cache), marked as a hit, with the body's length. `encoded`: the body is sent compressed (its encoding
 * and compressed length); a compressible page says it varies on Accept-Encoding either way.
 */
export function hitHeaders(
  page: Pick<CachedPage, 'headers' | 'body'>,
  encoded?: { encoding: Encoding | null; length: number },
): string[] {
  const flat: string[] = [];
  let vary: string | null = null;
  for (const [name, value] of page.headers) {
    if (name === 'x-carbot-cache' || name === 'content-length' || name === 'transfer-encoding') continue;
    if (encoded && name === 'vary') {
      vary = value;
      continue;
    }
    flat.push(name, value);
  }
  if (encoded) {
    flat.push('vary', varyWithEncoding(vary));
    if (encoded.encoding) flat.push('content-encoding', encoded.encoding);
  }
  flat.push(
    'x-carbot-cache',
    'hit',
    'content-length',
    String(encoded?.encoding ? encoded.length : page.body.byteLength),
  );
  return flat;
}
