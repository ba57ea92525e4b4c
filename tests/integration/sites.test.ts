/**
 * The built site server, started as `npm start` starts it, against the test Directus with the Sites token
 * only: host → tenant routing, plan gating, security headers, and the authenticated purge endpoint.
 */

import { CONSENT_PRECHECK, CONSENT_PRECHECK_HASH } from '@carbot/core/sites/consent';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sitesEnv } from '../../scripts/lib/sites.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { admin } from '../support/http.ts';
import { BASIC_WORKSHOP, ensureTemplateWorkshops, get, startSites } from './sites-support.ts';

let sites: Awaited<ReturnType<typeof startSites>>;
const page = (host: string, path = '/', headers: Record<string, string> = {}) =>
  get(sites.port, host, path, { headers });

beforeAll(async () => {
  await ensureTemplateWorkshops();
  sites = await startSites();
});
afterAll(() => sites?.stop());

const [beispiel, schneider, , brandl] = tenants;
const directus = () => inject('directusUrl');

describe('site server routing', () => {
  test('the bare domain is the platform site', async () => {
    const { status, body } = await page(`localhost:${sites.port}`);
    expect(status).toBe(200);
    expect(body).toContain('CarBot');
    expect(body).toContain('href="/registrieren"');
  });

  test.each([beispiel, schneider])('a published workshop is served on its subdomain', async (seed) => {
    const workshop = seed?.workshops[0];
    const { status, body } = await page(`${workshop?.slug}.localhost:${sites.port}`);
    expect(status).toBe(200);
    expect(body).toContain(String(workshop?.name));
    const translations = (seed?.services[0]?.translations ?? []) as { name: string }[];
    expect(body).toContain(translations[0]?.name ?? '');
  });

  test('a custom domain resolves to its workshop, and canonical links point there', async () => {
    const { status, body } = await page('www.autohaus-beispiel.example');
    expect(status).toBe(200);
    expect(body).toContain(String(beispiel?.workshops[0]?.name));
    expect(body).toContain('<link rel="canonical" href="https://www.autohaus-beispiel.example/">');
  });

  test.each([
    [`${brandl?.workshops[0]?.slug}.localhost`, 'draft workshop'],
    ['basis-werkstatt.localhost', 'published workshop on the Basic plan (widget only)'],
    ['www.basis-werkstatt.example', 'custom domain of a Basic workshop'],
    ['unbekannt.localhost', 'unknown slug'],
    ['autohaus-beispiel.example', 'unknown custom domain'],
    ['127.0.0.1', 'IP address'],
    ['a.b.localhost', 'nested subdomain'],
    ['', 'empty host'],
  ])('%s (%s) is 404 and never cached', async (host) => {
    const first = await page(host);
    expect(first.status).toBe(404);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['x-carbot-cache']).toBeUndefined();
  });

  test('unknown paths of a known site get the site’s own 404 page', async () => {
    const { status, body } = await page('kfz-schneider.localhost', '/gibt-es-nicht');
    expect(status).toBe(404);
    expect(body).toContain('Seite nicht gefunden');
  });

  test('a language the workshop does not offer is 404', async () => {
    // Schneider offers de/en/pl, not tr.
    expect((await page('kfz-schneider.localhost', '/tr/')).status).toBe(404);
    expect((await page('kfz-schneider.localhost', '/pl/')).status).toBe(200);
  });

  test('Basic becomes a website when the plan is upgraded, and goes again on downgrade', async () => {
    await admin().patch('/items/tenants/5e5e0000-0000-4000-a000-000000000002', { plan: 'premium' });
    try {
      await expect.poll(async () => (await page('basis-werkstatt.localhost')).status, { timeout: 5000 }).toBe(200);
    } finally {
      await admin().patch('/items/tenants/5e5e0000-0000-4000-a000-000000000002', { plan: 'basic' });
    }
    await expect.poll(async () => (await page('basis-werkstatt.localhost')).status, { timeout: 5000 }).toBe(404);
    expect(BASIC_WORKSHOP).toBeTruthy();
  });

  test('the site server runs without any admin credentials', () => {
    const env = sitesEnv({ CARBOT_AUTOMATION_TOKEN: 'admin-token', SECRET: 's', ADMIN_PASSWORD: 'p' });
    expect(Object.values(env)).not.toContain('admin-token');
    expect(env.SECRET).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});

describe('headers', () => {
  test('security headers on every page, no cookies, CSP without inline scripts', async () => {
    const { headers, body } = await page('kfz-schneider.localhost', '/kontakt');
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['set-cookie']).toBeUndefined();
    expect(headers['strict-transport-security']).toBeUndefined();
    // Every script is an external file from our origin (JSON-LD data blocks are not executed), but the
    // consent pre-check, which the CSP allows by its hash and nothing else.
    expect(csp).toContain(`script-src 'self' ${CONSENT_PRECHECK_HASH};`);
    const scripts = [...body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attrs, inner] of scripts) {
      if (attrs?.includes('application/ld+json')) continue;
      if (attrs?.trim() === '' && inner === CONSENT_PRECHECK) continue;
      expect(attrs).toMatch(/src="\/(_astro\/|widget\.js")/);
      expect(inner?.trim()).toBe('');
    }
    expect(scripts.filter(([, attrs]) => attrs?.trim() === '')).toHaveLength(1);
  });

  test('every published workshop site has its chat, keyed to the page’s own origin', async () => {
    const { headers, body } = await page('kfz-schneider.localhost', '/');
    // In the template's colour: the workshop chose none of its own.
    expect(body).toMatch(
      /<script src="\/widget\.js" data-client-key="cbs_[^"]+" data-lang="de" data-color="#1e3a5f" async><\/script>/,
    );
    const key = /data-client-key="([^"]+)"/.exec(body)?.[1];
    expect(key).toMatch(/^cbs_/);
    // The widget's API is on the Directus origin, which the CSP allows the page to call.
    expect(String(headers['content-security-policy'])).toContain(`connect-src 'self' ${new URL(directus()).origin}`);
    const ask = (origin: string | null) =>
      fetch(`${directus()}/widget/config`, {
        headers: { 'x-carbot-key': String(key), ...(origin ? { origin } : {}) },
      });
    // The page was requested with this Host, so this is its origin.
    const config = await ask('http://kfz-schneider.localhost');
    expect(config.status).toBe(200);
    expect(((await config.json()) as { data: { workshop: string } }).data.workshop).toBe(schneider?.workshops[0]?.name);
    // Copied onto another site, the key is worthless.
    expect((await ask('https://elsewhere.example')).status).toBe(401);
    expect((await ask('http://autohaus-beispiel.localhost')).status).toBe(401);
    expect((await ask(null)).status).toBe(403);
    // The platform site has no workshop chat.
    expect((await page('localhost', '/')).body).not.toContain('data-client-key');
  });

  test('cached responses carry no cookies either', async () => {
    await page('kfz-schneider.localhost', '/faq');
    const hit = await page('kfz-schneider.localhost', '/faq');
    expect(hit.headers['x-carbot-cache']).toBe('hit');
    expect(hit.headers['set-cookie']).toBeUndefined();
  });

  test('forwarded headers are ignored unless the proxy is trusted', async () => {
    const spoofed = await page('kfz-schneider.localhost', '/', {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    });
    expect(spoofed.status).toBe(200);
    expect(spoofed.body).not.toContain('evil.example');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('purge endpoint', () => {
  const purge = (body: string, auth?: string) =>
    get(sites.port, '127.0.0.1', '/_carbot/purge', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    });

  test.each([
    ['no secret', undefined, 401],
    ['wrong secret', 'Bearer falsch', 401],
  ])('%s → %i', async (_, auth, status) => {
    const res = await purge(JSON.stringify({ platform: true }), auth);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).errors[0].message).toMatch(/Nicht berechtigt/);
  });

  test.each([
    ['not JSON', '{'],
    ['no target', '{}'],
    ['bad tenant id', '{"tenants":["x"]}'],
  ])('bad input (%s) → 400 with a German message', async (_, body) => {
    const res = await purge(body, `Bearer ${sites.secret}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('INVALID_PAYLOAD');
  });

  test('GET is refused', async () => {
    expect((await get(sites.port, '127.0.0.1', '/_carbot/purge')).status).toBe(405);
  });
});
