/**
 * An owner's first day, in a real browser (Debian Chromium): logs in to the admin on a laptop, uploads the
 * workshop's logo on the workshop form (the real file input, a real PNG) and saves; then the live site on a
 * phone shows the logo on every page type (decoded, not just referenced), a post written for all locations
 * appears on this location's site, and an address without a website shows the styled 404 that leads to the
 * platform. Screenshots: tests/artifacts/owner-site/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin, as, login } from '../support/http.ts';
import { png } from '../support/png.ts';
import { ensureTemplateWorkshops, startSites } from './sites-support.ts';

const ARTIFACTS = join(import.meta.dirname, '../artifacts/owner-site');
const PASSWORD = 'demo-carbot-2026';
const OWNER = 'owner.emobil@example.com';
const emobil = tenants[2];
const BONN = emobil?.workshops[1] as { id: string; slug: string; name: string };
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
// The admin app is a large single-page app; its first load in a headless browser on a busy machine is slow.
const SLOW = { timeout: 90_000 };

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;
const db = () => String(inject('database'));
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${db()}-${name}.png`), fullPage: false });
const site = (host: string, path = '/') => `http://${host}:${sites.port}${path}`;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await ensureTemplateWorkshops();
  sites = await startSites();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sites?.stop();
  await admin().patch(`/items/workshops/${BONN.id}`, { logo: null });
});

/** A browser context that lets only our own hosts through: a site must make no third-party request. */
async function contextFor(viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale: 'de-DE', viewport });
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.localhost'))
      return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  return { context, foreign };
}

/** The visitor answers the consent banner (kept for the visit), so it no longer covers the pages. */
const answerConsent = (page: Page) =>
  page.getByRole('region', { name: 'Ihre Privatsphäre' }).getByRole('button', { name: 'Nur notwendige' }).click();

/** Whether the page's logo is on screen and decoded (a broken image has naturalWidth 0). */
const logoLoaded = (page: Page) =>
  page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('img.brand__logo');
    return Boolean(img?.complete && img.naturalWidth > 0);
  });

describe("the owner's logo, from the admin to the live site", { timeout: 300_000 }, () => {
  let uploaded: string;

  test('the owner uploads a logo on the workshop form and saves (laptop)', async () => {
    const { context } = await contextFor(LAPTOP);
    const page = await context.newPage();
    try {
      await page.goto(`${inject('directusUrl')}/admin/login`);
      await page.fill('input[type="email"]', OWNER);
      await page.fill('input[type="password"]', PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForURL((u) => !u.pathname.endsWith('/login'), SLOW);

      await page.goto(`${inject('directusUrl')}/admin/content/workshops`);
      await page.getByText(BONN.name, { exact: false }).first().click(SLOW);
      await page.waitForURL((u) => u.pathname.endsWith(`/workshops/${BONN.id}`), SLOW);

      const field = page.locator('.field[data-field="logo"]');
      await field.scrollIntoViewIfNeeded(SLOW);
      const upload = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/files' && r.request().method() === 'POST',
        SLOW,
      );
      await field
        .locator('input[type="file"]')
        .setInputFiles({ name: 'logo-emobil-bonn.png', mimeType: 'image/png', buffer: png(480, 144) });
      const file = await upload;
      expect(file.status()).toBe(200);
      uploaded = String((await file.json()).data.id);
      // The admin shows the uploaded logo itself, loaded.
      await expect
        .poll(() => field.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), SLOW)
        .toBeGreaterThan(0);
      await shot(page, '1-admin-logo-hochgeladen');

      const saved = page.waitForResponse(
        (r) => new URL(r.url()).pathname === `/items/workshops/${BONN.id}` && r.request().method() === 'PATCH',
        SLOW,
      );
      await page.locator('header [data-icon="check"]').first().click();
      expect((await saved).status()).toBe(200);
      // Saving returns to the list, which shows the workshop again.
      await page.getByText(BONN.name, { exact: false }).first().waitFor(SLOW);
      await shot(page, '2-admin-gespeichert');
    } finally {
      await context.close();
    }
    const stored = await admin().get(`/items/workshops/${BONN.id}?fields=logo`);
    expect(stored.body.data.logo).toBe(uploaded);
  });

  test('the live site shows the logo on every page type (phone)', async () => {
    const { context, foreign } = await contextFor(PHONE);
    const page = await context.newPage();
    const host = `${BONN.slug}.localhost`;
    try {
      // Saving purges the site's cache; the logo is there on the next visit.
      await expect
        .poll(async () => {
          await page.goto(site(host));
          return logoLoaded(page);
        }, SLOW)
        .toBe(true);
      await shot(page, '3-website-start');
      await answerConsent(page);

      const post = String(emobil?.posts.find((p) => p.workshop === BONN.id)?.slug);
      const pages: [string, string, number][] = [
        ['leistungen', '/leistungen', 200],
        ['ueber-uns', '/ueber-uns', 200],
        ['kontakt', '/kontakt', 200],
        ['faq', '/faq', 200],
        ['blog', '/blog', 200],
        ['beitrag', `/blog/${post}`, 200],
        ['impressum', '/impressum', 200],
        ['datenschutz', '/datenschutz', 200],
        ['agb', '/agb', 200],
        ['englisch', '/en/', 200],
        ['404', '/gibt-es-nicht', 404],
      ];
      for (const [name, path, status] of pages) {
        const res = await page.goto(site(host, path));
        expect(res?.status(), path).toBe(status);
        await expect.poll(() => logoLoaded(page), SLOW).toBe(true);
        await shot(page, `4-website-${name}`);
      }
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a post for all locations, and an address without a website', { timeout: 300_000 }, () => {
  test("a post without a workshop appears on this location's site (phone)", async () => {
    const owner = as(await login(OWNER, PASSWORD));
    const title = `Neu an allen Standorten ${Date.now().toString(36)}`;
    const created = await owner.post('/items/posts', {
      status: 'published',
      workshop: null,
      slug: `alle-standorte-${Date.now().toString(36)}`,
      translations: [{ languages_code: 'de', title, excerpt: 'Gilt in Köln und in Bonn.', content: 'Für alle.' }],
    });
    expect(created.status, created.text).toBe(200);

    const { context, foreign } = await contextFor(PHONE);
    const page = await context.newPage();
    try {
      await expect
        .poll(async () => {
          await page.goto(site(`${BONN.slug}.localhost`, '/blog'));
          return page.getByRole('link', { name: title }).count();
        }, SLOW)
        .toBe(1);
      await answerConsent(page);
      await page.getByRole('link', { name: title }).click();
      await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe(title);
      await shot(page, '5-website-beitrag-alle-standorte');
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('oldtimer-brandl.localhost shows the styled German 404 with a way to the platform (phone)', async () => {
    const { context, foreign } = await contextFor(PHONE);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      const res = await page.goto(site('oldtimer-brandl.localhost'));
      expect(res?.status()).toBe(404);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), SLOW)
        .toBe('Unter dieser Adresse gibt es keine Website');
      // Styled: the page's own styles apply (not the browser's default serif on white).
      const look = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        return { font: body.fontFamily, background: body.backgroundColor };
      });
      expect(look.font).not.toMatch(/^(Times|serif|monospace)/i);
      expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
      await shot(page, '6-keine-website-404');
      // Nothing but the page itself was loaded.
      expect(requests).toEqual([site('oldtimer-brandl.localhost')]);
      await page.getByRole('link', { name: 'Zur CarBot-Startseite' }).click();
      await page.waitForURL(site('localhost'), SLOW);
      await expect.poll(() => page.locator('h1').count(), SLOW).toBeGreaterThan(0);
      await shot(page, '7-plattform-start');
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
