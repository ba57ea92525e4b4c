/**
 * A dealer's vehicle pages in every template, in a real browser: the list with filters and counts, the
 * detail page's photo gallery (axe clean; keyboard: the strip scrolls with the arrow keys; without
 * JavaScript the numbered thumbnails still jump to their photo), the Pkw-EnVKV figures of a new plug-in
 * hybrid and its schema.org Car data. Each template gets its own published workshop with two vehicles,
 * so no other test's pages change.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { admin } from '../support/http.ts';
import { png } from '../support/png.ts';
import { TEMPLATES, TEST_TENANT } from './sites-fixtures.ts';
import { ensureTemplateWorkshops, startSites } from './sites-support.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = new URL('../artifacts/vehicles/', import.meta.url).pathname;
const run = Date.now().toString(36);
const slugOf = (template: string) => `fahrzeuge-${template}-${run}`;
const thisMonth = new Date().toISOString().slice(0, 7);

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;
const made: Record<string, { workshop: string; hybrid: string; used: string }> = {};

async function upload(name: string, colours: [number, number, number][]): Promise<string> {
  const form = new FormData();
  form.append('tenant', TEST_TENANT);
  form.append('file', new Blob([new Uint8Array(png(800, 600, colours))], { type: 'image/png' }), name);
  const res = await admin().post('/files', form);
  if (res.status !== 200) throw new Error(`Upload ${name}: ${res.status} ${res.text}`);
  return String(res.body.data.id);
}

beforeAll(async () => {
  await ensureTemplateWorkshops();
  const photos = [
    await upload('seite.png', [
      [40, 90, 160],
      [200, 205, 210],
    ]),
    await upload('front.png', [
      [160, 40, 50],
      [220, 220, 225],
    ]),
    await upload('heck.png', [
      [60, 120, 80],
      [230, 230, 230],
    ]),
  ];
  for (const template of TEMPLATES) {
    const w = await admin().post('/items/workshops', {
      tenant: TEST_TENANT,
      status: 'published',
      name: `Autohaus ${template}`,
      slug: slugOf(template),
      template,
      languages: ['de', 'en'],
      city: 'Berlin',
      phone: '+49 30 23125-000',
    });
    expect(w.status, w.text).toBe(200);
    const hybrid = await admin().post('/items/vehicles', {
      workshop: w.body.data.id,
      status: 'available',
      make: 'Kia',
      model: 'Sportage',
      variant: '1.6 T-GDI Plug-in Hybrid',
      price: 41990,
      mileage_km: 10,
      first_registration: thisMonth,
      fuel: 'plugin_hybrid',
      consumption_fuel: 1.1,
      consumption_power: 17.4,
      co2_emissions: 25,
      co2_class: 'B',
      cover_image: photos[0],
      photos: { create: photos.map((file, i) => ({ file, sort: i + 1 })), update: [], delete: [] },
    });
    expect(hybrid.status, hybrid.text).toBe(200);
    const used = await admin().post('/items/vehicles', {
      workshop: w.body.data.id,
      status: 'available',
      make: 'Volkswagen',
      model: 'Golf',
      price: 18990,
      mileage_km: 61000,
      first_registration: '2020-04',
      fuel: 'petrol',
    });
    expect(used.status, used.text).toBe(200);
    made[template] = { workshop: w.body.data.id, hybrid: hybrid.body.data.id, used: used.body.data.id };
  }
  sites = await startSites();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sites?.stop();
  for (const m of Object.values(made)) await admin().delete(`/items/workshops/${m.workshop}`);
});

const url = (template: string, path: string) => `http://${slugOf(template)}.localhost:${sites.port}${path}`;

describe.each(TEMPLATES)('%s', { timeout: 120_000 }, (template) => {
  test('list and detail are axe clean on a phone; gallery, EnVKV figures and Car data on the detail page', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
      bypassCSP: true,
    });
    const page = await context.newPage();
    try {
      await page.goto(url(template, '/fahrzeuge?fuel=plugin_hybrid'));
      expect(await page.locator('select[name="make"]').innerText()).toContain('Kia (1)');
      expect(await page.getByRole('status').first().innerText()).toContain('1 Fahrzeug gefunden');
      for (const path of ['/fahrzeuge', `/fahrzeuge/${made[template]?.hybrid}`]) {
        await page.goto(url(template, path));
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
        expect(violations, path).toEqual([]);
      }
      await page.screenshot({ path: `${ARTIFACTS}${template}-fahrzeug-390.png`, fullPage: true });
      const gallery = page.getByRole('region', { name: 'Fotos des Fahrzeugs' });
      const slides = gallery.locator('.gallery__img');
      expect(await slides.count()).toBe(3);
      // The first photo loads at once, the others when they come near; every one has its size.
      expect(await slides.nth(0).getAttribute('loading')).toBe('eager');
      expect(await slides.nth(2).getAttribute('loading')).toBe('lazy');
      for (let i = 0; i < 3; i++) {
        expect(await slides.nth(i).getAttribute('width')).toBe('960');
        expect(await slides.nth(i).getAttribute('srcset')).toContain('w=640 640w');
      }
      const track = gallery.getByRole('list', { name: 'Fotos des Fahrzeugs' });
      await track.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => track.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      const envkv = await page.getByRole('region', { name: /Verbrauch und CO₂/ }).innerText();
      expect(envkv).toMatch(/Kraftstoffverbrauch kombiniert\s+1,1 l\/100 km/);
      expect(envkv).toMatch(/Stromverbrauch kombiniert\s+17,4 kWh\/100 km/);
      expect(envkv).toMatch(/CO₂-Emissionen kombiniert\s+25 g\/km/);
      expect(envkv).toMatch(/CO₂-Klasse\s+B/);
      const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
      const car = jsonLd.map((t) => JSON.parse(t)).find((d) => d['@type'] === 'Car');
      expect(car).toMatchObject({
        brand: { name: 'Kia' },
        model: 'Sportage',
        itemCondition: 'https://schema.org/NewCondition',
        offers: { price: 41990, priceCurrency: 'EUR' },
      });
      expect(car.image).toHaveLength(3);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript on a laptop, the thumbnails jump to their photo', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'de-DE',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    try {
      await page.goto(url(template, `/fahrzeuge/${made[template]?.hybrid}`));
      await page.getByRole('link', { name: 'Foto 3 von 3' }).click();
      const track = page.locator('.gallery__track');
      await expect.poll(() => track.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      expect(new URL(page.url()).hash).toBe('#foto-3');
      await page.screenshot({ path: `${ARTIFACTS}${template}-fahrzeug-1366-ohne-js.png` });
    } finally {
      await context.close();
    }
  });
});
