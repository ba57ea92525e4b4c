import { describe, expect, test } from 'vitest';
import { PageCache } from './cache.ts';
import { type FrontRoute, frontRoute, hitHeaders } from './front.ts';

const request = (method: string, path: string, headers: Record<string, string | undefined>) => ({
  method,
  path,
  headers: { get: (name: string) => headers[name] ?? null },
  encrypted: false,
});
const route = (method: string, path: string, headers: Record<string, string | undefined>, trustProxy = 0) =>
  frontRoute(request(method, path, headers), { trustProxy, sitesDomain: 'localhost' });

describe('front server routing order', () => {
  test.each<[string, string, string, Record<string, string | undefined>, FrontRoute]>([
    [
      'the purge endpoint goes to Astro before any host check',
      'POST',
      '/_carbot/purge',
      { host: '127.0.0.1:4321' },
      { steps: ['app'], cacheKey: null },
    ],
    [
      'the purge endpoint refuses GET in Astro, never from the cache',
      'GET',
      '/_carbot/purge',
      { host: 'kfz-schneider.localhost' },
      { steps: ['app'], cacheKey: null },
    ],
    [
      'a workshop page: cache, then build files, then Astro',
      'GET',
      '/leistungen?utm_source=x',
      { host: 'kfz-schneider.localhost:4321' },
      { steps: ['cache', 'static', 'app'], cacheKey: 'http://kfz-schneider.localhost:4321/leistungen' },
    ],
    [
      'HEAD is answered from the cache too',
      'HEAD',
      '/',
      { host: 'Localhost' },
      { steps: ['cache', 'static', 'app'], cacheKey: 'http://localhost/' },
    ],
    [
      'a custom domain is a known host (Astro decides whether it is served)',
      'GET',
      '/fahrzeuge?sort=price&fuel=diesel',
      { host: 'www.autohaus-beispiel.example' },
      {
        steps: ['cache', 'static', 'app'],
        cacheKey: 'http://www.autohaus-beispiel.example/fahrzeuge?fuel=diesel&sort=price',
      },
    ],
    [
      'a draft preview link never reads the cache',
      'GET',
      '/?preview=v1.abc',
      { host: 'kfz-schneider.localhost' },
      { steps: ['static', 'app'], cacheKey: null },
    ],
    [
      'an empty preview parameter is a preview link as well',
      'GET',
      '/kontakt?preview=',
      { host: 'kfz-schneider.localhost' },
      { steps: ['static', 'app'], cacheKey: null },
    ],
    [
      'a POST is neither cached nor a file',
      'POST',
      '/kontakt',
      { host: 'kfz-schneider.localhost' },
      { steps: ['app'], cacheKey: null },
    ],
    [
      'an IP address is no site: files only, then 404',
      'GET',
      '/',
      { host: '127.0.0.1:4321' },
      { steps: ['static', 'not-found'], cacheKey: null },
    ],
    ['an empty Host header', 'GET', '/', { host: '' }, { steps: ['static', 'not-found'], cacheKey: null }],
    ['a nested subdomain', 'GET', '/', { host: 'a.b.localhost' }, { steps: ['static', 'not-found'], cacheKey: null }],
    ['unknown host, POST', 'POST', '/', { host: 'evil' }, { steps: ['not-found'], cacheKey: null }],
    [
      'a forwarded host is ignored unless the proxy is trusted',
      'GET',
      '/',
      { host: '127.0.0.1', 'x-forwarded-host': 'kfz-schneider.localhost' },
      { steps: ['static', 'not-found'], cacheKey: null },
    ],
    [
      'a path that looks like another origin stays a path',
      'GET',
      '//evil.example/kontakt',
      { host: 'kfz-schneider.localhost' },
      { steps: ['cache', 'static', 'app'], cacheKey: 'http://kfz-schneider.localhost//evil.example/kontakt' },
    ],
  ])('%s', (_, method, path, headers, expected) => {
    expect(route(method, path, headers)).toEqual(expected);
  });

  test.each<[Record<string, string>, FrontRoute]>([
    [
      { host: '127.0.0.1', 'x-forwarded-host': 'kfz-schneider.localhost' },
      { steps: ['cache', 'static', 'app'], cacheKey: 'http://kfz-schneider.localhost/' },
    ],
    [
      { host: 'kfz-schneider.localhost', 'x-forwarded-host': 'evil' },
      { steps: ['static', 'not-found'], cacheKey: null },
    ],
  ])('behind a trusted proxy the forwarded host counts: %j', (headers, expected) => {
    expect(route('GET', '/', headers, 1)).toEqual(expected);
  });
});

describe('cache hits', () => {
  test('hit headers: stored headers marked as a hit, with the body length', () => {
    const body = new TextEncoder().encode('<!doctype html>ä');
    const headers: [string, string][] = [
      ['content-type', 'text/html'],
      ['x-carbot-cache', 'miss'],
      ['content-security-policy', "default-src 'self'"],
    ];
    expect(hitHeaders({ headers, body })).toEqual([
      'content-type',
      'text/html',
      'content-security-policy',
      "default-src 'self'",
      'x-carbot-cache',
      'hit',
      'content-length',
      String(body.byteLength),
    ]);
  });

  test.each([
    [{ encoding: 'br' as const, length: 7 }, ['vary', 'Origin, Accept-Encoding', 'content-encoding', 'br'], '7'],
    [{ encoding: null, length: 0 }, ['vary', 'Origin, Accept-Encoding'], '3'],
  ])('hit headers of a compressed page %j', (encoded, extra, length) => {
    const body = new TextEncoder().encode('abc');
    const headers: [string, string][] = [
      ['content-type', 'text/html'],
      ['vary', 'Origin'],
    ];
    expect(hitHeaders({ headers, body }, encoded)).toEqual([
      'content-type',
      'text/html',
      ...extra,
      'x-carbot-cache',
      'hit',
      'content-length',
      length,
    ]);
  });

  test.each([
    ['before the site’s trial or grace period ends', 1999, true],
    ['once it ended', 2000, false],
  ])('a page is served %s', (_, now, served) => {
    const cache = new PageCache(10, 60_000);
    cache.set('a/', { status: 200, headers: [], body: new Uint8Array(), tag: 't', storedAt: 0, expiresAt: 2000 });
    expect(Boolean(cache.get('a/', now))).toBe(served);
  });
});
