/**
 * The sites in a real browser (Debian Chromium): accessibility (axe-core, zero violations on every page type
 * of every template), navigation, language switch, consent banner with a versioned decision, the open-now
 * badge in Europe/Berlin, no third-party request before consent, and draft preview links.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONSENT_STORAGE_KEY, CONSENT_VERSION } from '../../core/src/sites/consent.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { as, login } from '../support/http.ts';
import {
  ensureTemplateWorkshops,
  PAGE_TYPES,
  PLATFORM_PAGE_TYPES,
  startSites,
  TEMPLATES,
  templateSlug,
} from './sites-support.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;

beforeAll(async () => {
  await ensureTemplateWorkshops();
  sites = await startSites();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sites?.stop();
});

const url = (host: string, path = '/') => `http://${host}:${sites.port}${path}`;

/** A context that records every request and lets only the site's own host through (no network here). */
async function visitor(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, ...options });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    requests.push(target.href);
    return target.hostname.endsWith('localhost') ? route.continue() : route.abort();
  });
  return { context, requests };
}

const thirdParty = (requests: string[]) => requests.filter((r) => !new URL(r).hostname.endsWith('localhost'));

describe('accessibility: axe-core on every page type of every template', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // Only here the CSP is bypassed, to inject axe; the other tests run under the real policy.
    ({ context } = await visitor({ bypassCSP: true }));
  });
  afterAll(() => context?.close());

  const cases = [
    ...TEMPLATES.flatMap((template) => PAGE_TYPES.map(([type, path]) => [template, type, path] as const)),
    ...PLATFORM_PAGE_TYPES.map(([type, path]) => ['platform', type, path] as const),
  ];
  test.each(cases)('%s: %s', async (template, _type, path) => {
    const page = await context.newPage();
    try {
      await page.goto(url(template === 'platform' ? 'localhost' : `${templateSlug(template)}.localhost`, path));
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error injected above
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return result.violations.map(
          (v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('visitor journeys', () => {
  let context: BrowserContext;
  let requests: string[];
  let page: Page;
  beforeAll(async () => {
    ({ context, requests } = await visitor());
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  test('no third-party request and no cookie before consent, on every page of a journey', async () => {
    const host = `${templateSlug('elektro')}.localhost`;
    await page.goto(url(host));
    for (const name of ['Leistungen', 'Über uns', 'Blog', 'FAQ', 'Kontakt']) {
      // On the phone the navigation sits behind the menu button.
      await page.getByRole('button', { name: 'Menü', exact: true }).click();
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();
      await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy();
    }
    expect(new URL(page.url()).pathname).toBe('/kontakt');
    expect(requests.length).toBeGreaterThan(5);
    expect(thirdParty(requests)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    // The map is a placeholder until the visitor clicks.
    expect(await page.locator('iframe').count()).toBe(0);
  });

  test('the consent banner stores a versioned decision and the map loads only after consent', async () => {
    const banner = page.getByRole('region', { name: 'Ihre Privatsphäre' });
    await expect.poll(() => banner.isVisible()).toBe(true);
    // On a phone the chat launcher waits above the banner instead of covering its buttons.
    const launcher = page.getByRole('button', { name: 'Chat öffnen' });
    const bannerTop = (await banner.boundingBox())?.y ?? 0;
    await expect.poll(async () => ((await launcher.boundingBox())?.y ?? 1e4) + 56).toBeLessThanOrEqual(bannerTop);
    await banner.getByRole('button', { name: 'Nur notwendige' }).click();
    expect(await banner.isVisible()).toBe(false);
    await expect.poll(async () => (await launcher.boundingBox())?.y).toBe(844 - 20 - 56);
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), CONSENT_STORAGE_KEY)) ?? '{}');
    expect(stored).toMatchObject({ version: CONSENT_VERSION, external: false });
    await page.reload();
    expect(await banner.isVisible()).toBe(false);
    expect(thirdParty(requests)).toEqual([]);

    // An outdated version of the text means asking again.
    await page.evaluate(
      (k) => localStorage.setItem(k, JSON.stringify({ version: 'alt', external: true, decidedAt: 'x' })),
      CONSENT_STORAGE_KEY,
    );
    await page.reload();
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await page.locator('iframe').count()).toBe(0);

    await banner.getByRole('button', { name: 'Externe Inhalte erlauben' }).click();
    await expect.poll(() => page.locator('iframe[src^="https://www.openstreetmap.org/"]').count()).toBe(1);
    // The frame exists before its request leaves the browser.
    await expect
      .poll(() => thirdParty(requests).some((r) => r.startsWith('https://www.openstreetmap.org/')))
      .toBe(true);
    expect(await context.cookies()).toEqual([]);
  });

  test('the footer reopens the privacy settings', async () => {
    await page.getByRole('button', { name: 'Datenschutz-Einstellungen' }).click();
    expect(await page.getByRole('region', { name: 'Ihre Privatsphäre' }).isVisible()).toBe(true);
  });

  test('language switch keeps the page and sets lang', async () => {
    const host = `${templateSlug('premium')}.localhost`;
    await page.goto(url(host, '/leistungen'));
    await page.getByRole('button', { name: 'Menü', exact: true }).click();
    await page.getByRole('navigation', { name: 'Sprache wählen' }).getByRole('link', { name: 'EN' }).click();
    await page.waitForURL(url(host, '/en/leistungen'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Services');
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('navigation', { name: 'Choose language' }).getByRole('link', { name: 'PL' }).click();
    await page.waitForURL(url(host, '/pl/leistungen'));
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    expect(await page.locator('h1').textContent()).toBe('Usługi');
  });
});

describe('open-now badge in Europe/Berlin, whatever the visitor’s time zone', () => {
  test.each([
    // Monday 08:30 in Berlin (07:30 UTC, winter) – the visitor's clock is in New York.
    ['2026-01-12T07:30:00Z', 'Jetzt geöffnet · bis 17:00', 'true'],
    // Monday 07:30 in Berlin in summer (05:30 UTC): not yet open.
    ['2026-07-13T05:30:00Z', 'Jetzt geschlossen · öffnet Mo 08:00', 'false'],
    // Friday 16:00 in Berlin: closed since 15:00, next opening Monday (weekend closed).
    ['2026-01-16T15:00:00Z', 'Jetzt geschlossen · öffnet Mo 08:00', 'false'],
  ])('at %s', async (instant, text, open) => {
    const { context } = await visitor({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    try {
      await page.clock.setFixedTime(new Date(instant));
      await page.goto(url(`${templateSlug('klassisch')}.localhost`, '/kontakt'));
      const badge = page.locator('.open-badge').first();
      await expect.poll(() => badge.textContent()).toBe(text);
      expect(await badge.getAttribute('data-open')).toBe(open);
    } finally {
      await context.close();
    }
  });
});

describe('draft preview', () => {
  const schneider = tenants[1];
  const workshopId = String(schneider?.workshops[0]?.id);
  const draftPost = schneider?.posts.find((p) => p.status === 'draft');
  const draftPath = `/blog/${draftPost?.slug}`;

  test('without a token a draft is never rendered; a signed link from the admin shows it', async () => {
    const { context } = await visitor();
    const page = await context.newPage();
    try {
      const plain = await page.goto(url('kfz-schneider.localhost', draftPath));
      expect(plain?.status()).toBe(404);

      const token = await login('owner.schneider@example.com', 'demo-carbot-2026');
      const link = await as(token).get(`/carbot-site/preview-link/${workshopId}`);
      expect(link.status).toBe(200);
      const previewUrl = new URL(link.body.data.url);
      expect(previewUrl.hostname).toBe('kfz-schneider.localhost');
      const tokenParam = previewUrl.searchParams.get('preview') ?? '';

      const preview = await page.goto(
        url('kfz-schneider.localhost', `${draftPath}?preview=${encodeURIComponent(tokenParam)}`),
      );
      expect(preview?.status()).toBe(200);
      expect(preview?.headers()['cache-control']).toBe('private, no-store');
      expect(preview?.headers()['x-robots-tag']).toContain('noindex');
      expect(await page.locator('.preview-banner').count()).toBe(1);

      // The preview never leaks into the cache: the same address without the token is still 404.
      expect((await page.goto(url('kfz-schneider.localhost', draftPath)))?.status()).toBe(404);

      const tampered = tokenParam.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await page.goto(url('kfz-schneider.localhost', `${draftPath}?preview=${tampered}`)))?.status()).toBe(403);
      // A token for one workshop does not open another.
      expect(
        (await page.goto(url('autohaus-beispiel.localhost', `/?preview=${encodeURIComponent(tokenParam)}`)))?.status(),
      ).toBe(404);
    } finally {
      await context.close();
    }
  });

  test('only users who may read the workshop get a preview link', async () => {
    const other = await login('owner.beispiel@example.com', 'demo-carbot-2026');
    expect((await as(other).get(`/carbot-site/preview-link/${workshopId}`)).status).toBe(404);
    expect((await as(null).get(`/carbot-site/preview-link/${workshopId}`)).status).toBe(401);
    expect((await as(other).get('/carbot-site/preview-link/kein-uuid')).status).toBe(400);
    expect((await as(null).get('/carbot-site/preview-content')).status).toBe(403);
  });
});
