import { defineMiddleware } from 'astro:middleware';
import { timingSafeEqual } from 'node:crypto';
import { countableResponse } from '@carbot/core/analytics/visitor';
import { resolveHost } from '@carbot/core/hosts';
import { BodyTooLarge, readBody } from '@carbot/core/http/body';
import {
  cacheableHeaders,
  EXPIRES_HEADER,
  PLATFORM_TAG,
  pageExpiry,
  parsePurgeRequest,
} from '@carbot/core/sites/cache';
import { PURGE_PATH } from '@carbot/core/sites/front';
import { parseTrustProxy, publicOrigin, securityHeaders } from '@carbot/core/sites/headers';
import { IMAGE_PREFIX } from '@carbot/core/sites/images';
import { NO_SITE_HEADERS, noSitePage, platformHome } from '@carbot/core/sites/no-site';
import { PLATFORM_PREVIEW, verifyPreviewToken } from '@carbot/core/sites/preview';
import { escapeHtml } from '@carbot/core/text/escape';
import { withVerifiedDomains } from './lib/directus/index.ts';
import { imageResponse } from './lib/images.ts';
import { previewBundle } from './lib/preview.ts';
import { buildWorkshopSite, forgetSites, PLATFORM_SITE, resolveWorkshop } from './lib/site.ts';

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
const SITES_DOMAIN = process.env.SITES_DOMAIN ?? 'localhost';
/** No website on this host (unknown, unpublished, widget only): the styled page that leads to the platform. */
const notFound = (origin: string) =>
  new Response(noSitePage(platformHome(origin, SITES_DOMAIN)), { status: 404, headers: NO_SITE_HEADERS });
const jsonError = (status: number, message: string, code: string) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store' } });

/** The chat widget on workshop pages talks to the Directus API, usually on another origin. */
const CONNECT = (() => {
  try {
    return [new URL(process.env.PUBLIC_DIRECTUS_URL ?? process.env.DIRECTUS_URL ?? '').origin];
  } catch {
    return [];
  }
})();

const trustProxy = parseTrustProxy(process.env.SITES_TRUST_PROXY);
const secret = () => process.env.CARBOT_PURGE_SECRET ?? '';

function authorised(header: string | null): boolean {
  const expected = secret();
  const given = header?.startsWith('Bearer ') ? header.slice(7) : '';
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A purge names a few tenants. */
const PURGE_LIMIT = 10_000;

/** POST /_carbot/purge — called by the Directus hook with the shared secret; drops one tenant's pages. */
async function purge(request: Request, pageCache: App.Locals['pageCache']): Promise<Response> {
  if (request.method !== 'POST') return jsonError(405, 'Nur POST ist erlaubt.', 'METHOD_NOT_ALLOWED');
  if (!secret()) return jsonError(503, 'Das Leeren des Caches ist nicht konfiguriert.', 'NOT_CONFIGURED');
  if (!authorised(request.headers.get('authorization'))) {
    return jsonError(401, 'Nicht berechtigt, den Cache zu leeren.', 'UNAUTHORIZED');
  }
  let text: string;
  try {
    // Counted while reading (a chunked body has no Content-Length), not after the whole body is in memory.
    text = (await readBody(request.body ?? [], PURGE_LIMIT)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLarge) return jsonError(413, error.message, 'PAYLOAD_TOO_LARGE');
    return jsonError(400, 'Die Anfrage kam unvollständig an.', 'INVALID_PAYLOAD');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, 'Die Anfrage ist kein gültiges JSON.', 'INVALID_PAYLOAD');
  }
  const parsed = parsePurgeRequest(body);
  if ('error' in parsed) return jsonError(400, parsed.error, 'INVALID_PAYLOAD');
  const tags = [...parsed.tenants, ...(parsed.platform ? [PLATFORM_TAG] : [])];
  let pages = 0;
  for (const tag of tags) {
    // The page cache's purge also forgets the sites (onPurge above); without one (astro dev) do it here.
    if (pageCache) pages += pageCache.purge(tag);
    else forgetSites(tag);
  }
  return Response.json({ data: { purged: pages, tags } }, { headers: { 'cache-control': 'no-store' } });
}

/** A lapsed subscription: a neutral notice (no word about payment), nothing cached, nothing indexed. */
const pausedPage = (name: string) =>
  new Response(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(name)}</title></head><body><main><h1>${escapeHtml(name)}</h1><p>Diese Website ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später erneut.</p></main></body></html>`,
    {
      status: 503,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '3600',
        'x-robots-tag': 'noindex',
      },
    },
  );

const unavailable = (error: unknown) => {
  console.error('Directus nicht erreichbar:', (error as Error).message);
  return new Response('Die Website ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.', {
    status: 503,
    headers: { ...TEXT, 'retry-after': '60' },
  });
};

const linked = new WeakSet<object>();

/**
 * Order matters: the purge endpoint (addressed by IP, no site host), then host → tenant (unknown hosts get
 * 404), plan gates, draft preview (never cached), then rendering and storing in the page cache.
 * Cache hits never get here: the front server (sites/server.ts) answers them and hands its cache and the
 * request's cache key over in `locals`; without it (astro dev) nothing is cached.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url } = context;
  const { pageCache } = context.locals;
  if (pageCache && !linked.has(pageCache)) {
    // A purge from the bus (sites/server.ts) drops the resolved hosts and the catalog with the pages.
    linked.add(pageCache);
    pageCache.onPurge(forgetSites);
  }
  if (url.pathname === PURGE_PATH) return purge(request, pageCache);

  const { origin, host, https } = publicOrigin(url, request.headers, trustProxy);
  const target = resolveHost(host, SITES_DOMAIN);
  if (target.kind === 'unknown') return notFound(origin);
  context.locals.origin = origin;

  // Images of any site on CarBot; which files exist here is the Sites token's business. Never page-cached.
  if (url.pathname.startsWith(IMAGE_PREFIX)) {
    try {
      const response = await imageResponse(url, request);
      response.headers.set('x-content-type-options', 'nosniff');
      return response;
    } catch (error) {
      return unavailable(error);
    }
  }

  const previewToken = url.searchParams.get('preview');
  if (previewToken !== null) {
    const check = verifyPreviewToken(previewToken, secret(), new Date());
    if (!check.ok) {
      return new Response(
        'Dieser Vorschau-Link ist ungültig oder abgelaufen. Bitte erzeugen Sie im Admin einen neuen.',
        {
          status: 403,
          headers: { ...TEXT, 'x-robots-tag': 'noindex' },
        },
      );
    }
    // The platform site previews only with a platform-scoped token, a workshop site only with its own.
    if ((target.kind === 'platform') !== (check.workshopId === PLATFORM_PREVIEW)) return notFound(origin);
    let bundle: Awaited<ReturnType<typeof previewBundle>>;
    try {
      bundle = await previewBundle(previewToken);
      // Only verified custom domains: what the owner merely entered is neither served nor canonical.
      const workshop = bundle?.workshop ? await withVerifiedDomains(bundle.workshop) : null;
      if (bundle && workshop) bundle = { ...bundle, workshop };
    } catch (error) {
      return unavailable(error);
    }
    if (target.kind === 'platform') {
      if (!bundle || bundle.workshop) return notFound(origin);
      context.locals.site = { ...PLATFORM_SITE, preview: true };
      context.locals.preview = bundle;
      context.locals.previewToken = previewToken;
      const response = await next();
      for (const [k, v] of Object.entries(securityHeaders({ https, connect: CONNECT }))) response.headers.set(k, v);
      response.headers.set('cache-control', 'private, no-store');
      response.headers.set('x-robots-tag', 'noindex, nofollow');
      response.headers.delete(EXPIRES_HEADER);
      return response;
    }
    const previewed = bundle?.workshop;
    const matches =
      previewed &&
      (target.kind === 'workshop-slug'
        ? previewed.slug === target.slug
        : (previewed.custom_domains ?? []).includes(target.domain));
    if (!bundle || !previewed || !matches) return notFound(origin);
    const built = await buildWorkshopSite(previewed, true, false);
    if (!built) return notFound(origin);
    const site = { ...built, hasFaq: bundle.faqs.length > 0 };
    context.locals.site = site;
    context.locals.preview = bundle;
    context.locals.previewToken = previewToken;
    const response = await next();
    for (const [k, v] of Object.entries(securityHeaders({ https, connect: CONNECT }))) response.headers.set(k, v);
    response.headers.set('cache-control', 'private, no-store');
    response.headers.set('x-robots-tag', 'noindex, nofollow');
    response.headers.delete(EXPIRES_HEADER);
    return response;
  }

  let tag: string;
  let workshop: string | null = null;
  let expiresAt: number | null = null;
  if (target.kind === 'platform') {
    context.locals.site = PLATFORM_SITE;
    tag = PLATFORM_TAG;
  } else {
    let site: Awaited<ReturnType<typeof resolveWorkshop>>;
    try {
      site = await resolveWorkshop(target, host);
    } catch (error) {
      return unavailable(error);
    }
    if (!site) return notFound(origin);
    if (site.paused) return pausedPage(site.workshop.name);
    context.locals.site = site;
    tag = site.tenantId;
    workshop = site.workshop.id;
    expiresAt = site.liveUntil;
  }

  // The key comes from the front server, which looks pages up under exactly that key.
  const key = pageCache && request.method === 'GET' ? (context.locals.cacheKey ?? null) : null;

  let response: Response;
  try {
    response = await next();
  } catch (error) {
    return unavailable(error);
  }
  for (const [k, v] of Object.entries(securityHeaders({ https, connect: CONNECT }))) response.headers.set(k, v);
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-cache');
  response.headers.set('x-carbot-cache', 'miss');
  expiresAt = pageExpiry(expiresAt, response.headers.get(EXPIRES_HEADER));
  response.headers.delete(EXPIRES_HEADER);
  // A page view of a rendered page (cache hits are counted by the front server); drafts never get here.
  if (workshop && countableResponse(response.status, response.headers.get('content-type'))) {
    context.locals.countView?.(workshop);
  }
  if (pageCache && key && response.status === 200) {
    const headers = cacheableHeaders(response.headers.entries());
    if (headers) {
      const body = new Uint8Array(await response.arrayBuffer());
      pageCache.set(key, { status: response.status, headers, body, tag, workshop, storedAt: Date.now(), expiresAt });
      return new Response(body as Uint8Array<ArrayBuffer>, { status: response.status, headers: response.headers });
    }
  }
  return response;
});
