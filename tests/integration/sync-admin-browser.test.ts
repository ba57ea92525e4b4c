/**
 * "Fahrzeug-Feeds" in the admin, in a real browser at laptop size: an owner creates an upload feed and
 * sees its secret once, uploads a CSV with a progress bar and reads the run report (a bad row named in
 * German), the run is listed; the owner renews a push feed's secret with the keyboard (laptop and phone),
 * and the shown secret is the one the push API accepts; staff use the same page without the owner's parts.
 */
import { signPayload } from '@carbot/core/sync/signature';
import type { Browser, Page } from 'playwright-core';
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

/** Until the dialog's fade-in and other transitions are over, so a screenshot shows the final state. */
const still = (page: Page) =>
  page.waitForFunction(
    () =>
      !document.querySelector('[class*="-enter-"], [class*="-leave-"]') &&
      document.getAnimations().every((a) => a.playState !== 'running'),
  );

async function push(feed: string, secret: string) {
  // An empty delta changes nothing on the demo workshop, yet passes the signature check and runs.
  const body = JSON.stringify({ mode: 'delta', vehicles: [] });
  const res = await fetch(`${inject('directusUrl')}/sync/feeds/${feed}/vehicles`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-carbot-signature': signPayload(secret, Math.floor(Date.now() / 1000), body),
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

test('an owner renews a feed secret: the old one and its portal links stop, the shown one signs pushes', {
  timeout: 240_000,
}, async () => {
  const name = `Push-Test ${Date.now()}`;
  const token = await login(user('owner'), 'demo-carbot-2026');
  const created = await as(token).post('/items/inventory_feeds', {
    name,
    mode: 'push',
    workshop: beispiel?.workshops[0]?.id,
  });
  expect(created.status, created.text).toBe(200);
  const feed = created.body.data.id as string;
  const first = await as(token).post(`/sync/feeds/${feed}/secret`);
  expect(first.status, first.text).toBe(200);
  const old = first.body.data as { secret: string; portals: { google: string; meta: string } };
  expect((await push(feed, old.secret)).status).toBe(200);

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  let shown = '';
  let google = '';
  try {
    await signIn(page, inject('directusUrl'), user('owner'), 'demo-carbot-2026');
    await page.goto(`${inject('directusUrl')}/admin/carbot-feeds`);
    await page.getByRole('heading', { name: 'Ihre Feeds' }).waitFor();
    const row = page.locator(`[data-feed="${feed}"]`);
    const renew = row.getByRole('button', { name: `Neues Geheimnis erzeugen für „${name}“` });
    await renew.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByText('hören sofort auf zu funktionieren');
    await dialog.waitFor();
    expect(await page.getByText('Tragen Sie das neue Geheimnis danach in Ihrem Händlersystem ein').count()).toBe(1);
    // The keyboard stays in the dialog (its two buttons), also past the last one.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.v-card')?.textContent ?? '')).toContain(
        'hören sofort auf',
      );
    }
    await settled(page);
    await still(page);
    await screenshot(page, ARTIFACTS, 'geheimnis-erneuern-frage-1366');
    // Escape keeps the old secret and returns to the feed's button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await renew.click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Neues Geheimnis erzeugen', exact: true }).focus();
    await page.keyboard.press('Enter');
    const secret = row.locator('[data-secret]');
    await secret.waitFor();
    shown = (await secret.innerText()).trim();
    expect(shown).toMatch(/^cbs_/);
    expect(shown).not.toBe(old.secret);
    expect(await row.innerText()).toContain('nur jetzt sichtbar');
    expect(await row.getByRole('button', { name: 'Geheimnis kopieren' }).count()).toBe(1);
    google = (await row.locator('[data-portal="google"]').innerText()).trim();
    expect(google).toContain(`/sync/feeds/${feed}/portal/google?token=`);
    expect(google).not.toBe(old.portals.google);
    await settled(page);
    await screenshot(page, ARTIFACTS, 'geheimnis-erneuert-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await row.scrollIntoViewIfNeeded();
    await settled(page);
    await screenshot(page, ARTIFACTS, 'geheimnis-erneuert-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await row.getByRole('button', { name: 'Ich habe es notiert' }).click();
    await secret.waitFor({ state: 'detached' });
    await renew.click();
    await dialog.waitFor();
    await settled(page);
    await still(page);
    await screenshot(page, ARTIFACTS, 'geheimnis-erneuern-frage-390');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }

  const accepted = await push(feed, shown);
  expect(accepted.status, accepted.text).toBe(200);
  const refused = await push(feed, old.secret);
  expect(refused.status, refused.text).toBe(401);
  expect((await fetch(old.portals.google)).status).toBe(404);
  expect((await fetch(google)).status).toBe(200);
  const removed = await as(token).delete(`/items/inventory_feeds/${feed}`);
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
    await page.getByRole('heading', { name: 'Ihre Feeds' }).waitFor();
    expect(await page.locator('[data-feed]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /Neues Geheimnis erzeugen/ }).count()).toBe(0);
  } finally {
    await context.close();
  }
});
