import { describe, expect, test } from 'vitest';
import { cacheableHeaders, cacheKey, PageCache, parsePurgeRequest } from './cache.ts';
import { CONSENT_VERSION, currentDecision, decide } from './consent.ts';
import { customDomainAllowed, effectiveTemplate, siteDecision } from './gating.ts';
import { canonicalOrigin, publicOrigin, securityHeaders } from './headers.ts';
import { autoRepair, breadcrumbList, faqPage, jsonLdString, priceRange } from './jsonld.ts';
import { createPreviewToken, verifyPreviewToken } from './preview.ts';
import { plainExcerpt, robotsTxt, rssXml, sitemapXml } from './seo.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const NOW = new Date('2026-06-01T10:00:00Z');

describe('preview tokens', () => {
  const token = createPreviewToken(T1, 'geheim', NOW, 600);
  test.each([
    ['valid', token, 'geheim', NOW, { ok: true, workshopId: T1 }],
    ['expired', token, 'geheim', new Date(NOW.getTime() + 601_000), { ok: false, reason: 'expired' }],
    ['other secret', token, 'anders', NOW, { ok: false, reason: 'signature' }],
    ['other workshop', token.replace(T1, T2), 'geheim', NOW, { ok: false, reason: 'signature' }],
    [
      'longer expiry',
      token.replace(/\.(\d+)\./, (_, e) => `.${Number(e) + 9999}.`),
      'geheim',
      NOW,
      { ok: false, reason: 'signature' },
    ],
    ['garbage', 'v1.x.y.z', 'geheim', NOW, { ok: false, reason: 'malformed' }],
    ['empty', '', 'geheim', NOW, { ok: false, reason: 'malformed' }],
    ['no secret configured', token, '', NOW, { ok: false, reason: 'not-configured' }],
  ])('%s', (_, t, secret, at, expected) => {
    expect(verifyPreviewToken(t, secret, at)).toMatchObject(expected);
  });
  test('refuses to sign without a secret', () => {
    expect(() => createPreviewToken(T1, '', NOW)).toThrow();
  });
});

describe('page cache', () => {
  test.each([
    ['https://a.localhost/kontakt?utm_source=x', 'https://a.localhost/kontakt'],
    [
      'https://a.localhost/fahrzeuge?sort=price&fuel=diesel&fbclid=1',
      'https://a.localhost/fahrzeuge?fuel=diesel&sort=price',
    ],
    ['https://a.localhost/en/', 'https://a.localhost/en/'],
    // Only the vehicle list reads query parameters; elsewhere they cannot split (or flood) the cache.
    ['https://a.localhost/kontakt?make=BMW', 'https://a.localhost/kontakt'],
  ])('cacheKey(%s)', (url, expected) => {
    expect(cacheKey('https://a.localhost', new URL(url))).toBe(expected);
  });

  test('purge drops exactly one tag', () => {
    const cache = new PageCache();
    const page = (tag: string) => ({ status: 200, headers: [], body: new Uint8Array(), tag, storedAt: Date.now() });
    cache.set('a/', page(T1));
    cache.set('a/kontakt', page(T1));
    cache.set('b/', page(T2));
    expect(cache.purge(T1)).toBe(2);
    expect(cache.get('a/')).toBeUndefined();
    expect(cache.get('b/')).toBeDefined();
  });

  test('bounded and expiring', () => {
    const cache = new PageCache(2, 1000);
    const page = { status: 200, headers: [], body: new Uint8Array(), tag: T1, storedAt: 0 };
    cache.set('1', page);
    cache.set('2', page);
    cache.get('1', 10);
    cache.set('3', page);
    expect(cache.get('2', 10)).toBeUndefined();
    expect(cache.get('1', 10)).toBeDefined();
    expect(cache.get('1', 5000)).toBeUndefined();
  });

  test.each([
    [[['content-type', 'text/html']], [['content-type', 'text/html']]],
    [[['Set-Cookie', 'a=b']], null],
    [[['cache-control', 'no-store']], null],
    [[['vary', 'Accept']], null],
    [[['vary', 'Accept-Encoding']], [['vary', 'Accept-Encoding']]],
  ] as [string, string][][][])('cacheableHeaders %j', (headers, expected) => {
    expect(cacheableHeaders(headers as [string, string][])).toEqual(expected);
  });

  test.each([
    [{ tenants: [T1] }, { tenants: [T1], platform: false }],
    [
      { tenants: [T1, T1], platform: true },
      { tenants: [T1], platform: true },
    ],
    [{ platform: true }, { tenants: [], platform: true }],
    [{}, 'error'],
    [{ tenants: ['x'] }, 'error'],
    [{ tenants: T1 }, 'error'],
    [[T1], 'error'],
    [null, 'error'],
    [{ platform: 'ja' }, 'error'],
  ])('parsePurgeRequest(%j)', (body, expected) => {
    const result = parsePurgeRequest(body);
    if (expected === 'error') expect(result).toHaveProperty('error');
    else expect(result).toEqual(expected);
  });
});

describe('consent', () => {
  const stored = JSON.stringify(decide(true, NOW));
  test.each([
    [stored, { version: CONSENT_VERSION, external: true }],
    [JSON.stringify(decide(true, NOW, 'alt')), null],
    ['{"version":"x"', null],
    [null, null],
    [JSON.stringify({ version: CONSENT_VERSION, external: 'ja', decidedAt: 'x' }), null],
  ])('currentDecision(%s)', (raw, expected) => {
    const result = currentDecision(raw);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });
});

describe('plan gating', () => {
  const premium = { key: 'premium', website: true, all_templates: true, custom_domain: true };
  const basic = { key: 'basic', website: false, all_templates: false, custom_domain: false };
  const active = { plan: 'premium', subscription_status: 'active' };
  test.each([
    ['published, active', { status: 'published' }, active, premium, { serve: true, pastDue: false, until: null }],
    [
      'trialing',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'trialing' },
      premium,
      { serve: true },
    ],
    [
      'trialing until a date: re-checked then',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'trialing', trial_ends_at: '2026-06-10T00:00:00Z' },
      premium,
      { serve: true, until: new Date('2026-06-10T00:00:00Z') },
    ],
    ['draft', { status: 'draft' }, active, premium, { serve: false, reason: 'unpublished' }],
    ['basic plan', { status: 'published' }, active, basic, { serve: false, reason: 'plan-without-website' }],
    [
      'canceled',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'canceled' },
      premium,
      { serve: false },
    ],
    [
      'past due in grace',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'past_due', past_due_since: '2026-05-28T00:00:00Z' },
      premium,
      { serve: true, pastDue: true, until: new Date('2026-06-04T00:00:00Z') },
    ],
    [
      'past due too long',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'past_due', past_due_since: '2026-04-01T00:00:00Z' },
      premium,
      { serve: false, reason: 'past-due-expired' },
    ],
    [
      'past due just over the 7-day grace',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'past_due', past_due_since: '2026-05-25T09:00:00Z' },
      premium,
      { serve: false, reason: 'past-due-expired' },
    ],
    [
      'trial expired without a subscription',
      { status: 'published' },
      { plan: 'premium', subscription_status: 'trialing', trial_ends_at: '2026-05-31T00:00:00Z' },
      premium,
      { serve: false, reason: 'subscription-trial_expired' },
    ],
    ['no tenant', { status: 'published' }, null, premium, { serve: false, reason: 'no-plan' }],
  ])('%s', (_, workshop, tenant, plan, expected) => {
    expect(siteDecision(workshop, tenant, plan, NOW)).toMatchObject(expected);
  });

  const templates = [
    { key: 'klassisch', min_plan: 'premium' },
    { key: 'oldtimer', min_plan: 'premium' },
    { key: 'spezial', min_plan: 'enterprise' },
  ];
  const order = { basic: 1, premium: 2, enterprise: 3 };
  test.each([
    ['oldtimer', premium, 'oldtimer'],
    ['spezial', premium, 'klassisch'],
    ['spezial', { ...premium, key: 'enterprise' }, 'spezial'],
    [null, premium, 'klassisch'],
    ['unbekannt', premium, 'klassisch'],
  ])('template %s on %j', (wanted, plan, expected) => {
    expect(effectiveTemplate(wanted, plan, templates, order)).toBe(expected);
  });

  test.each([
    [premium, true],
    [basic, false],
    [null, false],
  ])('custom domain on %j', (plan, expected) => {
    expect(customDomainAllowed(plan)).toBe(expected);
  });
});

describe('headers and origins', () => {
  test('CSP without inline scripts; HSTS only on https', () => {
    const http = securityHeaders({ https: false });
    expect(http['content-security-policy']).toContain("script-src 'self'");
    expect(http['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(http['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(http['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ https: true })['strict-transport-security']).toContain('max-age=');
  });

  test('the chat widget may call its API origin, and nothing else', () => {
    const csp = securityHeaders({ https: true, connect: ['https://api.carbot.example'] })['content-security-policy'];
    expect(csp).toContain("connect-src 'self' https://api.carbot.example;");
    expect(securityHeaders({ https: true })['content-security-policy']).toContain("connect-src 'self';");
  });

  const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });
  test.each([
    [0, { host: 'a.localhost:4321', 'x-forwarded-host': 'evil.example' }, 'http://a.localhost:4321'],
    [0, { host: 'a.localhost', 'x-forwarded-proto': 'https' }, 'http://a.localhost'],
    [
      1,
      { host: 'a.localhost', 'x-forwarded-host': 'a.carbot.de', 'x-forwarded-proto': 'https' },
      'https://a.carbot.de',
    ],
    [1, { host: 'a.localhost', 'x-forwarded-proto': 'gopher' }, 'http://a.localhost'],
    // One trusted proxy appended its view; what the client sent before it is ignored.
    [
      1,
      { host: 'x', 'x-forwarded-host': 'evil.example, a.carbot.de', 'x-forwarded-proto': 'http, https' },
      'https://a.carbot.de',
    ],
    [2, { host: 'x', 'x-forwarded-host': 'evil.example, a.carbot.de, lb.internal' }, 'http://a.carbot.de'],
    [2, { host: 'x', 'x-forwarded-host': 'a.carbot.de' }, 'http://a.carbot.de'],
  ])('publicOrigin trusting proxy=%s', (trust, h, expected) => {
    expect(publicOrigin(new URL('http://127.0.0.1/'), headers(h), trust).origin).toBe(expected);
  });

  test.each([
    [['www.beispiel.example'], true, 'https://www.beispiel.example'],
    [['www.beispiel.example'], false, 'http://a.localhost'],
    [[], true, 'http://a.localhost'],
    [null, true, 'http://a.localhost'],
  ])('canonicalOrigin(%j, %s)', (domains, allowed, expected) => {
    expect(canonicalOrigin(domains, allowed, 'http://a.localhost')).toBe(expected);
  });
});

describe('SEO builders', () => {
  test('sitemap lists alternates', () => {
    const xml = sitemapXml([
      {
        loc: 'https://a.example/',
        lastmod: '2026-05-01T10:00:00Z',
        alternates: [{ hreflang: 'en', href: 'https://a.example/en/' }],
      },
    ]);
    expect(xml).toContain('<loc>https://a.example/</loc><lastmod>2026-05-01</lastmod>');
    expect(xml).toContain('hreflang="en" href="https://a.example/en/"');
  });
  test('robots points at the sitemap', () => {
    expect(robotsTxt('https://a.example')).toContain('Sitemap: https://a.example/sitemap.xml');
  });
  test('rss escapes and dates items', () => {
    const xml = rssXml(
      { title: 'A & B', link: 'https://a/', description: 'd', lang: 'de', self: 'https://a/rss.xml' },
      [{ title: '<T>', link: 'https://a/blog/t', description: 'x', pubDate: '2026-05-01T10:00:00Z' }],
    );
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<title>&lt;T&gt;</title>');
    expect(xml).toContain('<pubDate>Fri, 01 May 2026 10:00:00 GMT</pubDate>');
  });
  test.each([
    ['**Fett** und _kursiv_', 20, 'Fett und kursiv'],
    ['eins zwei drei vier fünf sechs', 16, 'eins zwei drei…'],
    [null, 10, ''],
  ])('plainExcerpt(%s)', (text, max, expected) => {
    expect(plainExcerpt(text, max)).toBe(expected);
  });
});

describe('JSON-LD', () => {
  test('script-safe serialisation', () => {
    expect(jsonLdString({ a: '</script><!--' })).not.toMatch(/<|>/);
  });
  test.each([
    [[], undefined],
    [[39, 219, 149], '39 € – 219 €'],
    [[50], '50 €'],
  ])('priceRange(%j)', (prices, expected) => {
    expect(priceRange(prices)).toBe(expected);
  });
  test('AutoRepair without empty fields', () => {
    const ld = autoRepair({
      name: 'W',
      url: 'https://w.example/',
      phone: null,
      latitude: '48.1',
      longitude: 11.5,
      hours: { mo: [['08:00', '17:00']] },
      prices: [10],
    });
    expect(ld).not.toHaveProperty('telephone');
    expect(ld.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 48.1, longitude: 11.5 });
    expect(ld.openingHoursSpecification).toHaveLength(1);
  });
  test('FAQ and breadcrumbs', () => {
    expect(faqPage([{ question: 'Q', answer: 'A' }]).mainEntity[0]?.acceptedAnswer.text).toBe('A');
    expect(breadcrumbList([{ name: 'Start', url: 'u' }]).itemListElement[0]?.position).toBe(1);
  });
});
