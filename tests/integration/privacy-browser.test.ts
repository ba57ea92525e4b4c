/**
 * The owner's "Datenschutz → Auskunft & Löschung" in a real browser at laptop size: search a person by
 * e-mail, read what was found, erase after confirming, see the proof in the list.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { screenshot, settled, signIn } from '../support/admin-walk.ts';
import { launchBrowser } from '../support/browser.ts';
import { as, login } from '../support/http.ts';

const ARTIFACTS = new URL('../artifacts/privacy/', import.meta.url).pathname;
const [beispiel] = tenants;
const owner = beispiel?.users.find((u) => u.role === 'owner')?.email as string;
let browser: Browser;

/** Waits until the dialog's fade has finished, so the screenshot shows what a person sees. */
const calm = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

test('an owner finds a customer by e-mail and erases everything about them', async () => {
  const token = await login(owner, 'demo-carbot-2026');
  const workshop = (await as(token).get('/items/workshops?fields=id&limit=1&sort=date_created')).body.data[0].id;
  const email = `hannelore.${Date.now()}@example.org`;
  for (const wish of ['Inspektion', 'Reifenwechsel']) {
    const lead = await as(token).post('/items/leads', { workshop, name: 'Hannelore Fragt', email, wish });
    expect(lead.status, lead.text).toBe(200);
  }

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  try {
    await signIn(page, inject('directusUrl'), owner, 'demo-carbot-2026');
    await page.goto(`${inject('directusUrl')}/admin/carbot-privacy`);
    await page.getByRole('heading', { name: 'Nachweise' }).waitFor();
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('heading', { name: '2 Datensätze gefunden' }).waitFor();
    expect(await page.locator('.lines').innerText()).toContain('2 × Anfragen');
    await page.getByText('Auskunft als Text (zum Versenden)').click();
    expect(await page.locator('.summary pre').innerText()).toContain('Auskunft nach Art. 15 DSGVO');
    await settled(page);
    await screenshot(page, ARTIFACTS, 'auskunft-gefunden-1366');

    await page.getByRole('button', { name: 'Alles löschen (Art. 17)' }).click();
    await page.getByText('Endgültig löschen?').waitFor();
    await calm(page);
    await screenshot(page, ARTIFACTS, 'loeschen-bestaetigen-1366');
    await page.getByRole('button', { name: 'Endgültig löschen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Gelöscht: 2 Datensätze' }).waitFor();
    await page.locator('.proofs tbody tr').first().filter({ hasText: 'Löschung' }).waitFor();
    await page.getByText('Endgültig löschen?').waitFor({ state: 'hidden' });
    await calm(page);
    await screenshot(page, ARTIFACTS, 'geloescht-nachweis-1366');
    // Retention on the same page: the plan's defaults, a value outside the bounds refused in German.
    await page.getByRole('heading', { name: 'Aufbewahrung' }).scrollIntoViewIfNeeded();
    expect(await page.getByLabel(/Gespräche \(Tage/).inputValue()).toBe('90');
    await page.getByLabel(/Gespräche \(Tage/).fill('2');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('alert').filter({ hasText: 'zwischen 7 und 365' }).waitFor();
    await screenshot(page, ARTIFACTS, 'aufbewahrung-1366');
    const left = await as(token).get(`/items/leads?filter[email][_eq]=${encodeURIComponent(email)}`);
    expect(left.body.data).toEqual([]);
  } finally {
    await context.close();
  }
});
