/**
 * The site server: `node sites/server.ts` after `npm run build -w sites`. A plain Node HTTP server around
 * Astro's handler (@astrojs/node in middleware mode) that answers cache hits, build files and unknown
 * hosts itself, so a cached page costs about what a static file costs; the routing order is
 * `frontRoute` in core/src/sites/front.ts. The page cache lives here, once per process, and reaches
 * Astro's middleware through `locals`; the middleware stores rendered pages in it and purges it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Check, HEALTH_CONTENT_TYPE, probeCheck, readiness, tokenMatches } from '@carbot/core/ops/health';
import { type CachedPage, PageCache } from '@carbot/core/sites/cache';
import { type FrontStep, frontRoute, hitHeaders } from '@carbot/core/sites/front';
import { parseTrustProxy, publicOrigin } from '@carbot/core/sites/headers';
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

/** Response heads of cache hits, built once per cached page. */
const heads = new WeakMap<CachedPage, string[]>();

function serveHit(page: CachedPage, req: IncomingMessage, res: ServerResponse) {
  let head = heads.get(page);
  if (!head) {
    head = hitHeaders(page);
    heads.set(page, head);
  }
  res.writeHead(page.status, head);
  res.end(req.method === 'HEAD' ? undefined : page.body);
}

/** A file from dist/client, or `next()` when there is none (as the adapter's static handler does). */
function serveStatic(req: IncomingMessage, res: ServerResponse, next: () => void) {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const pathname = q === -1 ? target : target.slice(0, q);
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
      if (page) serveHit(page, req, res);
      else step(rest);
    } else if (first === 'static') {
      serveStatic(req, res, () => step(rest));
    } else if (first === 'not-found') {
      notFound(req, res);
    } else {
      handler(req, res, () => notFound(req, res), { pageCache, cacheKey: route.cacheKey }).catch((error: Error) => {
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
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), Number(process.env.SITES_SHUTDOWN_TIMEOUT_MS ?? 10_000)).unref();
  });
}
