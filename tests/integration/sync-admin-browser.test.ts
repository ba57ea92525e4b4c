/**
 * "Fahrzeug-Feeds" in the admin, in a real browser at laptop size: an owner creates an upload feed and
 * sees its secret once, uploads a CSV with a progress bar and reads the run report (a bad row named in
 * German), the run is listed; staff use the same page without the owner's parts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { screenshot, settled, signIn } from '../support/admin-walk.ts';
import { launchBrowser } from '../support/browser.ts';
import { as, login } from '../support/http.ts';

const ARTIFACTS = new URL('../artifacts/feeds/', import.meta.url).pathname;
const [beispiel] = tenants;
const user = (role: 'owner' | 'staff') => beispiel?.users.find((u) => u.role === role)?.email as string;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const CSV = [
  'external_id;make;model;price;mileage_km;first_registration;fuel',
  'UP-1;Volkswagen;Polo;14.990,00;41.000;03/2021;Benzin',
  'UP-2;Skoda;Fabia;12.490;52.300;2020-05;Benzin',
  'UP-3;Opel;Corsa;auf Anfrage;61.000;2019-01;Benzin',
].join('\n');

test('an owner creates an upload feed, sees its secret once, uploads a CSV and reads the report', {
  timeout: 240_000,
}, async () => {
  const name = `Upload-Test ${Date.now()}`;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  try {
    await signIn(page, inject('directusUrl'), user('owner'), 'demo-carbot-2026');
    await page.goto(`${inject('directusUrl')}/admin/carbot-feeds`);
    await page.getByRole('heading', { name: 'Neuer Feed' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Art', { exact: true }).selectOption('upload');
    await page.getByRole('button', { name: 'Feed anlegen' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    expect(await secret.innerText()).toMatch(/^cbs_/);
    await settled(page);
    await screenshot(page, ARTIFACTS, 'geheimnis-einmal-1366');
    await page.getByRole('button', { name: 'Ich habe es notiert' }).click();
    await secret.waitFor({ state: 'detached' });

    await page.getByLabel('Feed', { exact: true }).selectOption({ label: name });
    await page.getByLabel(/Datei \(CSV oder JSON/).setInputFiles({
      name: 'bestand.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'latin1'),
    });
    await page.getByRole('button', { name: 'Hochladen und abgleichen' }).click();
    await page.getByRole('heading', { name: /Bericht: mit abgelehnten Zeilen/ }).waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    const counts = await page.locator('.counts').innerText();
    expect(counts).toMatch(/Erhalten\s+3/);
    expect(counts).toMatch(/Neu\s+2/);
    expect(counts).toMatch(/Abgelehnt\s+1/);
    expect(await page.locator('table.rows').first().innerText()).toContain('„auf Anfrage“ ist keine Zahl');
    await page.locator('tbody tr').filter({ hasText: name }).first().waitFor();
    await settled(page);
    await screenshot(page, ARTIFACTS, 'upload-bericht-1366');
  } finally {
    await context.close();
  }
  // The secret shown was the only one: nobody reads it back through the API.
  const token = await login(user('owner'), 'demo-carbot-2026');
  const feeds = await as(token).get(`/items/inventory_feeds?filter[name][_eq]=${encodeURIComponent(name)}&fields=*`);
  expect(feeds.status, feeds.text).toBe(200);
  expect(feeds.body.data[0]).toBeTruthy();
  expect(feeds.body.data[0].push_secret).toBeUndefined();
  // The demo workshop's website stays as the other tests expect it.
  const feed = feeds.body.data[0].id;
  const made = await as(token).get(`/items/vehicles?filter[feed][_eq]=${feed}&fields=id`);
  expect(made.body.data).toHaveLength(2);
  const removed = await as(token).delete(
    '/items/vehicles',
    made.body.data.map((v: { id: string }) => v.id),
  );
  expect(removed.status, removed.text).toBe(204);
});

test('staff upload on the same page but create no feeds and see no secret', { timeout: 240_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  try {
    await signIn(page, inject('directusUrl'), user('staff'), 'demo-carbot-2026');
    await page.goto(`${inject('directusUrl')}/admin/carbot-feeds`);
    await page.getByRole('heading', { name: 'Letzte Abgleiche' }).waitFor();
    await page.getByRole('heading', { name: 'Datei hochladen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Neuer Feed' }).count()).toBe(0);
    expect(await page.getByText('Auch übernehmen, wenn die Schutzgrenze greift').count()).toBe(0);
  } finally {
    await context.close();
  }
});
