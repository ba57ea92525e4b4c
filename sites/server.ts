/**
 * The site server: `node sites/server.ts` after `npm run build -w sites`. A plain Node HTTP server around
 * Astro's handler (@astrojs/node in middleware mode) that answers cache hits, build files and unknown
 * hosts itself, so a cached page costs about what a static file costs; the routing order is
 * `frontRoute` in core/src/sites/front.ts. The page cache lives here, once per process, and reaches
 * Astro's middleware through `locals`; the middleware stores rendered pages in it and purges it.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PageViewCounter } from '@carbot/core/analytics/page-views';
import { countableRequest, countableResponse } from '@carbot/core/analytics/visitor';
import { type Check, HEALTH_CONTENT_TYPE, probeCheck, readiness, tokenMatches } from '@carbot/core/ops/health';
import { type CachedPage, PageCache, PLATFORM_TAG, parsePurgeRequest } from '@carbot/core/sites/cache';
import { compress, compressible, type Encoding, pickEncoding } from '@carbot/core/sites/compression';
import { type FrontStep, frontRoute, hitHeaders } from '@carbot/core/sites/front';
import { forwardedValue, parseTrustProxy, publicOrigin } from '@carbot/core/sites/headers';
import { NO_SITE_HEADERS, noSitePage, platformHome } from '@carbot/core/sites/no-site';
import type Send from 'send';

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void, locals?: object) => Promise<void>;

// SITES_DIST: another build to serve, e.g. a test's copy that a rebuild of the shared tree cannot pull away.
const DIST = process.env.SITES_DIST ?? join(import.meta.dirname, 'dist');
const CLIENT = join(DIST, 'client');
const entry = pathToFileURL(join(DIST, 'server', 'entry.mjs')).href;
const { handler } = (await import(entry)) as { handler: AstroHandler };
// The adapter's own static file server (its standalone mode serves dist/client with it), resolved from
// the adapter so its version, not an older copy hoisted to the workspace root, is used.
const send = createRequire(import.meta.resolve('@astrojs/node'))('send') as typeof Send;

const pageCache = new PageCache(Number(process.env.SITES_CACHE_ENTRIES ?? 5000));
const options = {
  trustProxy: parseTrustProxy(process.env.SITES_TRUST_PROXY),
  sitesDomain: process.env.SITES_DOMAIN ?? 'localhost',
};

/**
 * Page views, counted here for cache hits and by the middleware (through `locals.countView`) for rendered
 * pages: no script, no cookie, nothing stored in the browser; see core/src/analytics/page-views.ts.
 * Off without CARBOT_PURGE_SECRET (nothing to authenticate to Directus with) or with CARBOT_ANALYTICS=false.
 */
const counter =
  process.env.CARBOT_PURGE_SECRET && process.env.CARBOT_ANALYTICS !== 'false'
    ? new PageViewCounter({
        directusUrl: String(process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055'),
        secret: process.env.CARBOT_PURGE_SECRET,
        flushMs: Number(process.env.CARBOT_ANALYTICS_FLUSH_MS ?? 2000),
      }).start()
    : null;

/** The visitor's address: the socket's, or what the trusted proxies in front of us saw. */
function clientAddress(req: IncomingMessage): string {
  return (
    forwardedValue(headerValue(req.headers['x-forwarded-for']), options.trustProxy) ?? req.socket.remoteAddress ?? ''
  );
}

function countView(req: IncomingMessage, workshop: string) {
  if (!counter) return;
  const target = req.url ?? '/';
  if (!countableRequest(req.method ?? 'GET', target, { get: (name) => headerValue(req.headers[name]) })) return;
  counter.record({
    workshop,
    url: target,
    ip: clientAddress(req),
    userAgent: headerValue(req.headers['user-agent']) ?? '',
    referrer: headerValue(req.headers.referer),
    host: headerValue(req.headers.host) ?? '',
    at: Date.now(),
  });
}

/** Whether a cached page counts as a view when served (an HTML page of a workshop), decided once per page. */
const countable = new WeakMap<CachedPage, boolean>();
function countsAsView(page: CachedPage): boolean {
  let yes = countable.get(page);
  if (yes === undefined) {
    const type = page.headers.find(([name]) => name === 'content-type')?.[1];
    yes = Boolean(page.workshop) && countableResponse(page.status, type);
    countable.set(page, yes);
  }
  return yes;
}

/** Response heads and compressed bodies of cache hits, made once per cached page and encoding. */
const heads = new WeakMap<CachedPage, Map<Encoding | 'identity', { head: string[]; body: Uint8Array }>>();

function serveHit(page: CachedPage, req: IncomingMessage, res: ServerResponse) {
  const type = page.headers.find(([name]) => name === 'content-type')?.[1];
  const wanted = compressible(type) ? pickEncoding(headerValue(req.headers['accept-encoding'])) : null;
  let variants = heads.get(page);
  if (!variants) {
    variants = new Map();
    heads.set(page, variants);
  }
  let variant = variants.get(wanted ?? 'identity');
  if (!variant) {
    const packed = wanted ? compress(page.body, wanted, 'fast') : null;
    const encoded = compressible(type)
      ? { encoding: packed ? wanted : null, length: packed?.byteLength ?? 0 }
      : undefined;
    variant = { head: hitHeaders(page, encoded), body: packed ?? page.body };
    variants.set(wanted ?? 'identity', variant);
  }
  res.writeHead(page.status, variant.head);
  res.end(req.method === 'HEAD' ? undefined : variant.body);
}

const TEXT_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
  xml: 'application/xml',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
};

/** Build text files compressed at the highest level, once per file (and again when it changes). */
const packedFiles = new Map<
  string,
  { mtime: number; type: string; body: Partial<Record<Encoding, Uint8Array | null>> }
>();

/**
 * A text file of the build (CSS, JS, SVG …) compressed for a client that takes it; false where `send`
 * should answer instead (no such file, not text, or the client wants it plain).
 */
function serveCompressed(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  const type = TEXT_TYPES[pathname.slice(pathname.lastIndexOf('.') + 1).toLowerCase()];
  const encoding = type ? pickEncoding(headerValue(req.headers['accept-encoding'])) : null;
  if (!type || !encoding) return false;
  let file: string;
  let mtime: number;
  try {
    const decoded = decodeURIComponent(pathname);
    // Whatever is not a plain path inside the build (dot files, climbing out) is left to `send`'s rules.
    if (decoded.includes('..') || decoded.includes('\\') || decoded.includes('/.') || decoded.includes('\0'))
      return false;
    file = join(CLIENT, decoded);
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    mtime = stat.mtimeMs;
  } catch {
    return false;
  }
  let entry = packedFiles.get(file);
  if (!entry || entry.mtime !== mtime) {
    entry = { mtime, type, body: {} };
    packedFiles.set(file, entry);
  }
  if (!(encoding in entry.body)) entry.body[encoding] = compress(readFileSync(file), encoding, 'max');
  const body = entry.body[encoding];
  if (!body) return false;
  res.writeHead(200, {
    'content-type': type,
    'content-encoding': encoding,
    'content-length': String(body.byteLength),
    vary: 'Accept-Encoding',
    // Hashed build assets never change under their name.
    'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** A file from dist/client, or `next()` when there is none (as the adapter's static handler does). */
function serveStatic(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
  if ((req.method === 'GET' || req.method === 'HEAD') && serveCompressed(req, res, pathname)) return;
  const stream = send(req, pathname, {
    root: CLIENT,
    index: false,
    dotfiles: pathname.startsWith('/.well-known/') ? 'allow' : 'deny',
  });
  let found = false;
  stream.on('file', () => {
    found = true;
  });
  // A folder is no file to send (nor a reason to redirect): Astro answers such paths.
  stream.on('directory', () => next());
  stream.on('error', (error: Error & { statusCode?: number }) => {
    if (!found) return next();
    const status = error.statusCode ?? 500;
    if (status >= 500) console.error(String(error));
    res.writeHead(status);
    res.end();
  });
  stream.on('headers', () => {
    // Hashed build assets never change under their name.
    if (pathname.startsWith('/_astro/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  });
  stream.pipe(res);
}

/** A host without a website on CarBot: the styled page that leads on to the platform (core/sites/no-site). */
function notFound(req: IncomingMessage, res: ServerResponse) {
  const headers = { get: (name: string) => headerValue(req.headers[name]) };
  const { origin } = publicOrigin(new URL('http://localhost/'), headers, options.trustProxy);
  res.writeHead(404, NO_SITE_HEADERS);
  res.end(req.method === 'HEAD' ? undefined : noSitePage(platformHome(origin, options.sitesDomain)));
}

let draining = false;
let directusProbe: { at: number; result: Promise<{ ok: true; ms: number } | { ok: false; error: string }> } | null =
  null;

/** Whether Directus answers, asked at most every two seconds however often the balancer polls. */
function probeDirectus() {
  if (directusProbe && Date.now() - directusProbe.at < 2000) return directusProbe.result;
  const started = performance.now();
  const url = `${String(process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055').replace(/\/$/, '')}/server/ping`;
  const result = fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    (r) =>
      r.ok ? { ok: true as const, ms: performance.now() - started } : { ok: false as const, error: `HTTP ${r.status}` },
    (error: Error) => ({ ok: false as const, error: error.message }),
  );
  directusProbe = { at: Date.now(), result };
  return result;
}

/**
 * Liveness and readiness of this site server (IETF health-check format), on every host: the page cache
 * and Directus behind it; readiness fails as soon as SIGTERM arrives. Details with SITES_HEALTH_TOKEN.
 */
async function health(kind: 'live' | 'ready', req: IncomingMessage, res: ServerResponse) {
  const head = { 'content-type': HEALTH_CONTENT_TYPE, 'cache-control': 'no-store' };
  if (kind === 'live') {
    res.writeHead(200, head);
    res.end(JSON.stringify({ status: 'pass' }));
    return;
  }
  const now = Date.now();
  const checks: Record<string, Check[]> = {
    'directus:responseTime': [probeCheck(await probeDirectus(), now, { componentType: 'component' })],
    'pageCache:entries': [
      { status: 'pass', componentType: 'component', observedValue: pageCache.size, observedUnit: 'Seiten' },
    ],
  };
  if (bus !== 'off') {
    // Without the bus purges do not arrive: pages stay stale up to the cache's safety TTL.
    checks['redis:purges'] = [
      {
        status: bus === 'up' ? 'pass' : 'warn',
        componentType: 'datastore',
        observedValue: bus,
        time: new Date(now).toISOString(),
      },
    ];
  }
  const answer = readiness(
    {
      description: 'CarBot Site-Server',
      releaseId: process.env.CARBOT_RELEASE ?? 'dev',
      serviceId: `${process.env.HOSTNAME ?? 'sites'}:${port}`,
    },
    checks,
    {
      draining,
      detailed: tokenMatches(headerValue(req.headers['x-health-token']), process.env.SITES_HEALTH_TOKEN),
    },
  );
  res.writeHead(answer.httpStatus, head);
  res.end(JSON.stringify(answer.body));
}

/**
 * Purges from the bus: with `REDIS` set, Directus publishes every purge there (extensions/carbot
 * shared/bus.ts) and each site server, however many and whenever started, drops the tenant's pages.
 * Messages sent while this server was cut off from Redis are lost, so on reconnecting it empties its
 * whole cache (one render per page again) instead of serving pages that may be stale.
 */
let bus: 'off' | 'connecting' | 'up' | 'down' = 'off';
async function subscribePurges(url: string) {
  bus = 'connecting';
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: null });
  let lost = false;
  let warned = 0;
  client.on('error', (error: Error) => {
    if (Date.now() - warned < 60_000) return;
    warned = Date.now();
    console.error(`Redis für Cache-Leerungen nicht erreichbar: ${error.message}`);
  });
  client.on('close', () => {
    if (bus === 'up') lost = true;
    bus = 'down';
  });
  client.on('ready', () => {
    bus = 'up';
    if (lost) pageCache.clear();
    lost = false;
  });
  client.on('message', (_channel: string, text: string) => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = parsePurgeRequest(body);
    if ('error' in parsed) return;
    for (const tenant of parsed.tenants) pageCache.purge(tenant);
    if (parsed.platform) pageCache.purge(PLATFORM_TAG);
  });
  await client.subscribe(PURGE_CHANNEL);
}
const PURGE_CHANNEL = 'carbot:sites:purge';
if (process.env.REDIS) {
  await subscribePurges(process.env.REDIS).catch((error: Error) => {
    console.error(`Cache-Leerungen über Redis nicht abonniert: ${error.message}`);
  });
}

const server = createServer((req, res) => {
  const target = req.url ?? '/';
  if (target === '/_carbot/health/live' || target === '/_carbot/health/ready') {
    void health(target.endsWith('live') ? 'live' : 'ready', req, res);
    return;
  }
  try {
    decodeURI(target);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Ungültige Adresse.');
    return;
  }
  const route = frontRoute(
    {
      method: req.method ?? 'GET',
      path: target,
      headers: { get: (name) => headerValue(req.headers[name]) },
      encrypted: false,
    },
    options,
  );
  const step = (steps: FrontStep[]) => {
    const [first, ...rest] = steps;
    if (first === 'cache') {
      const page = route.cacheKey ? pageCache.get(route.cacheKey) : undefined;
      if (page) {
        serveHit(page, req, res);
        if (countsAsView(page)) countView(req, page.workshop as string);
      } else step(rest);
    } else if (first === 'static') {
      serveStatic(req, res, () => step(rest));
    } else if (first === 'not-found') {
      notFound(req, res);
    } else {
      const locals = {
        pageCache,
        cacheKey: route.cacheKey,
        countView: (workshop: string) => countView(req, workshop),
      };
      handler(req, res, () => notFound(req, res), locals).catch((error: Error) => {
        // A render that throws must cost one answer, not the process with every visitor on it.
        console.error(`Seite ${target}: ${error.message}`);
        if (!res.headersSent) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
        res.end('Die Website ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.');
      });
    }
  };
  step(route.steps);
});

const headerValue = (value: string | string[] | undefined) =>
  value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;

const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
server.listen(port, host, () => console.log(`Site-Server läuft auf http://${host}:${port}`));
// Shutdown: readiness fails at once, no new connections, pages being rendered are finished; whatever is
// still open after SITES_SHUTDOWN_TIMEOUT_MS is cut.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    draining = true;
    // The last page views go out before the process does.
    server.close(() => void (counter?.stop() ?? Promise.resolve()).finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), Number(process.env.SITES_SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();
  });
}
