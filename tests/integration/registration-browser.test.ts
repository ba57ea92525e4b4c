/**
 * The owner's first minutes, in a real browser (Debian Chromium): a new workshop registers on the
 * platform site on a phone (a validation error keeps what was typed), confirms through the link in the
 * mail, signs in to the admin on a laptop, sees "Erste Schritte" with starter services and hours already
 * there, changes the hours in the opening-hours editor, publishes, and opens the live address the admin
 * shows — where the starter services and the new hours are. Screenshots: tests/artifacts/registration/.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PASSWORD as BILLING_PASSWORD, makeTenant, unique } from '../support/billing.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser.ts';
import { admin, as, qs } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';
import { startSites } from './sites-support.ts';

const ARTIFACTS = new URL('../artifacts/registration/', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const PASSWORD = 'Zahnriemen-Wechsel-2026';
// The admin is a large single-page app; on a busy machine its first load takes a while.
const SLOW = { timeout: 120_000 };

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sites = await startSites();
  // A German browser, as the owner's: time and date fields show 24-hour times and German dates.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--lang=de-DE'] });
});
afterAll(async () => {
  await browser?.close();
  await sites?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });

describe('from registration to a live website', { timeout: 600_000 }, () => {
  test('register (phone), confirm, checklist, hours, publish, open the live site', async () => {
    const email = `neu.${unique()}@example.com`;
    const workshopName = `E-Werkstatt Probe ${unique()}`;

    // 1. Register on the platform site, on a phone.
    const phone = await browser.newContext({ locale: 'de-DE', viewport: PHONE });
    const mobile = await phone.newPage();
    await mobile.goto(`http://localhost:${sites.port}/registrieren?tarif=premium`);
    expect(await mobile.locator('h1').innerText()).toBe('14 Tage kostenlos testen');
    // Every template is shown with its picture.
    expect(await mobile.locator('.choice--template img.choice__thumb').count()).toBe(5);
    await shot(mobile, '01-registrieren');

    await mobile.fill('#workshop_name', workshopName);
    await mobile.fill('#owner_name', 'Erika Elektra');
    await mobile.fill('#email', email);
    await mobile.fill('#password', PASSWORD);
    await mobile.fill('#city', 'Leipzig');
    await mobile.check('input[name="template"][value="elektro"]');
    // Terms not accepted: a validation error, and everything typed is still there except the password.
    await Promise.all([mobile.waitForNavigation(), mobile.click('button[type="submit"]')]);
    expect(await mobile.locator('#terms-error').innerText()).toContain('AGB');
    expect(await mobile.inputValue('#workshop_name')).toBe(workshopName);
    expect(await mobile.inputValue('#owner_name')).toBe('Erika Elektra');
    expect(await mobile.inputValue('#email')).toBe(email);
    expect(await mobile.inputValue('#city')).toBe('Leipzig');
    expect(await mobile.isChecked('input[name="template"][value="elektro"]')).toBe(true);
    expect(await mobile.isChecked('input[name="plan"][value="premium"]')).toBe(true);
    expect(await mobile.inputValue('#password')).toBe('');
    await shot(mobile, '02-fehler-eingaben-erhalten');

    await mobile.fill('#password', PASSWORD);
    await mobile.check('#terms');
    await Promise.all([mobile.waitForNavigation(), mobile.click('button[type="submit"]')]);
    expect(await mobile.locator('.register__done').innerText()).toContain('Fast geschafft');
    await shot(mobile, '03-registriert');

    // 2. Confirm through the link in the mail (local SMTP sink).
    const mail = await waitForMail((m) => m.to.includes(email) && m.subject.includes('bestätigen'), 30_000);
    expect(mail.text).toContain('14-tägige');
    const link = /https?:\/\/\S+\/onboarding\/verify\?token=[\w.%-]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    await mobile.goto(String(link));
    await Promise.all([mobile.waitForNavigation(), mobile.click('button[type="submit"]')]);
    expect(await mobile.locator('main').innerText()).toContain('14-tägige Testphase hat begonnen');
    await shot(mobile, '04-bestaetigt');
    await phone.close();

    // 3. Sign in to the admin on a laptop: the start page with the checklist.
    const laptop = await browser.newContext({ locale: 'de-DE', viewport: LAPTOP });
    const page = await laptop.newPage();
    await page.goto(`${inject('directusUrl')}/admin/login`);
    await page.fill('input[type="email"]', email);
    await page.fill('input[type="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL((u) => u.pathname.endsWith('/carbot-start'), SLOW);
    await page.waitForSelector('[data-step="hours"]', SLOW);
    // Starter services and hours are there already; the address the site will have is named.
    expect(await page.locator('[data-step="services"]').getAttribute('class')).toContain('done');
    expect(await page.locator('[data-step="hours"]').getAttribute('class')).toContain('done');
    const siteUrlText = await page.locator('.site-later').innerText();
    const siteUrl = /http:\/\/\S+\.localhost:\d+/.exec(siteUrlText)?.[0];
    expect(siteUrl).toBeTruthy();
    await shot(page, '05-erste-schritte');

    // 4. The hours: from the checklist into the workshop form, edited in the opening-hours editor.
    await page.click('[data-step="hours"] a');
    const editor = page.locator('.hours-editor');
    await editor.waitFor(SLOW);
    expect(await editor.locator('.day-name').allInnerTexts()).toEqual([
      'Montag',
      'Dienstag',
      'Mittwoch',
      'Donnerstag',
      'Freitag',
      'Samstag',
      'Sonntag',
    ]);
    const monday = editor.locator('[data-day="mo"]');
    expect(await monday.locator('input[type="time"]').first().inputValue()).toBe('08:00');
    // Monday: 07:30–12:30 and 13:30–17:00, by keyboard, then the same for all weekdays.
    const mondayTimes = monday.locator('input[type="time"]');
    await mondayTimes.nth(0).fill('07:30');
    await mondayTimes.nth(1).fill('12:30');
    await monday.getByRole('button', { name: /\+ Zeitraum/ }).click();
    await mondayTimes.nth(2).fill('13:30');
    await mondayTimes.nth(3).fill('17:00');
    await monday.getByRole('button', { name: /auf alle Werktage/ }).press('Enter');
    expect(await editor.locator('[data-day="th"] input[type="time"]').count()).toBe(4);
    // Saturday closed.
    await editor.locator('[data-day="sa"] input[type="checkbox"]').check();
    expect(await editor.locator('[data-day="sa"]').innerText()).toContain('Ganztägig geschlossen');
    // Company holidays at Christmas.
    await editor.getByRole('button', { name: '+ Schließtag hinzufügen' }).click();
    await editor.locator('[data-closure="0"] input[type="date"]').nth(0).fill('2030-12-24');
    await editor.locator('[data-closure="0"] input[type="date"]').nth(1).fill('2030-12-31');
    await editor.locator('[data-closure="0"] input[type="text"]').fill('Betriebsferien');
    await editor.locator('[data-closure="0"] input[type="text"]').press('Tab');
    await editor.scrollIntoViewIfNeeded();
    await shot(page, '06-oeffnungszeiten');

    // The template picker shows every template with its picture; the registered one is chosen.
    const picker = page.locator('.template-picker');
    expect(await picker.locator('[data-template] img').count()).toBe(5);
    expect(await picker.locator('[data-template="elektro"] input').isChecked()).toBe(true);

    // 5. Publish: status "Veröffentlicht", save.
    const status = page.locator('.field[data-field="status"]');
    await status.scrollIntoViewIfNeeded();
    await status.locator('.interface .v-input').click();
    // The dropdown's options open in Directus's menu outlet, not inside the field.
    await page.locator('#menu-outlet .v-list-item', { hasText: 'Veröffentlicht' }).click();
    expect(await status.locator('input').inputValue()).toBe('Veröffentlicht');
    // Saving returns to the list, where the workshop shows as published.
    await page.locator('#main-content .header-bar button:has([data-icon="check"])').click();
    await page.locator('.v-table .cell', { hasText: 'Veröffentlicht' }).first().waitFor(SLOW);
    // Opened again, the form names the live address.
    await page.locator('.v-table tbody tr', { hasText: workshopName }).click();
    const live = page.locator('[data-live-url] a');
    await live.waitFor(SLOW);
    expect(await live.innerText()).toBe(siteUrl);
    await shot(page, '07-veroeffentlicht');

    const [workshop] = (
      await admin().get(
        `/items/workshops${qs({ filter: { name: { _eq: workshopName } }, fields: 'status,opening_hours' })}`,
      )
    ).body.data;
    expect(workshop.status).toBe('published');
    expect(workshop.opening_hours).toEqual({
      mo: [
        ['07:30', '12:30'],
        ['13:30', '17:00'],
      ],
      tu: [
        ['07:30', '12:30'],
        ['13:30', '17:00'],
      ],
      we: [
        ['07:30', '12:30'],
        ['13:30', '17:00'],
      ],
      th: [
        ['07:30', '12:30'],
        ['13:30', '17:00'],
      ],
      fr: [
        ['07:30', '12:30'],
        ['13:30', '17:00'],
      ],
      sa: [],
      su: [],
      closures: [{ from: '2030-12-24', to: '2030-12-31', note: 'Betriebsferien' }],
    });

    // The start page now shows the live address as a link.
    await page.goto(`${inject('directusUrl')}/admin/carbot-start`);
    const startLink = page.locator('[data-site-url] a');
    await startLink.waitFor(SLOW);
    expect(await startLink.getAttribute('href')).toBe(siteUrl);
    await shot(page, '08-start-online');
    await laptop.close();

    // 6. The live site, on a phone: starter services with prices, the new hours.
    const visitor = await browser.newContext({ locale: 'de-DE', viewport: PHONE });
    const site = await visitor.newPage();
    const home = await site.goto(String(siteUrl));
    expect(home?.status()).toBe(200);
    // A visitor answers the consent banner first (it would cover the screenshots).
    await site.getByRole('button', { name: 'Nur notwendige' }).click();
    await shot(site, '09-website-start');
    const services = await site.goto(`${siteUrl}/leistungen`);
    expect(services?.status()).toBe(200);
    const servicesText = await site.locator('main').innerText();
    expect(servicesText).toContain('Batterie-Gesundheitscheck');
    expect(servicesText).toContain('Inspektion für E-Auto und Hybrid');
    expect(servicesText).toMatch(/89(,00)?\s*€/);
    await shot(site, '10-website-leistungen');
    await site.goto(`${siteUrl}/kontakt`);
    const contact = await site.locator('main').innerText();
    expect(contact).toContain('07:30');
    expect(contact).toContain('13:30');
    // Saturday is now closed like Sunday: the two are shown as one row.
    expect(contact).toMatch(/Mo\s*–\s*Fr\s+07:30\s*–\s*12:30[^\n]*13:30\s*–\s*17:00/);
    expect(contact).toMatch(/Sa\s*–\s*So\s+geschlossen/i);
    await shot(site, '11-website-kontakt');
    await visitor.close();
  });
});

describe('widget key form', { timeout: 300_000 }, () => {
  test('after saving, the key shows the ready-to-copy script line with the real sites address and a test hint', async () => {
    const t = await makeTenant({ plan: 'premium' });
    const workshop = await admin().post('/items/workshops', {
      tenant: t.id,
      name: `Werkstatt ${unique()}`,
      slug: `w-${unique()}`,
      status: 'draft',
    });
    expect(workshop.status, workshop.text).toBe(200);
    const created = await as(t.token).post('/items/client_keys', {
      workshop: workshop.body.data.id,
      name: 'Alte Website',
      allowed_origins: ['https://www.alte-website.example'],
      status: 'active',
    });
    expect(created.status, created.text).toBe(200);
    const { id, key } = created.body.data;
    const laptop = await browser.newContext({ locale: 'de-DE', viewport: LAPTOP });
    const page = await laptop.newPage();
    try {
      await page.goto(`${inject('directusUrl')}/admin/login`);
      await page.fill('input[type="email"]', t.email);
      await page.fill('input[type="password"]', BILLING_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForURL((u) => !u.pathname.endsWith('/login'), SLOW);
      await page.goto(`${inject('directusUrl')}/admin/content/client_keys/${id}`);
      const snippet = page.locator('[data-embed-snippet]');
      await snippet.waitFor(SLOW);
      expect(await snippet.innerText()).toBe(
        `<script src="http://localhost:${sites.port}/widget.js" data-client-key="${key}" async></script>`,
      );
      expect(await page.locator('[data-embed-test]').innerText()).toContain('https://www.alte-website.example');
      await page.locator('[data-embed-snippet]').scrollIntoViewIfNeeded();
      await shot(page, '12-widget-key-einbau-code');
    } finally {
      await laptop.close();
    }
  });
});

describe("the marketer's post form", { timeout: 300_000 }, () => {
  test('SEO fields count characters and show the search result; a draft platform post opens in a signed preview', async () => {
    const slug = `entwurf-${unique()}`;
    const title = `Reifenwechsel im Herbst ${unique()}`;
    const created = await admin().post('/items/posts', {
      status: 'draft',
      slug,
      translations: [
        {
          languages_code: 'de',
          title,
          content: 'Wann die Winterreifen drauf sollten – und warum O bis O nur eine Faustregel ist.',
          seo_title: 'Reifenwechsel: der richtige Zeitpunkt',
          seo_description: 'Kurz',
        },
      ],
    });
    expect(created.status, created.text).toBe(200);
    // Unsigned, the draft is not there.
    expect((await fetch(`http://localhost:${sites.port}/blog/${slug}`)).status).toBe(404);
    expect((await fetch(`http://localhost:${sites.port}/blog/${slug}?preview=true`)).status).toBe(403);

    const laptop = await browser.newContext({ locale: 'de-DE', viewport: LAPTOP });
    const page = await laptop.newPage();
    try {
      await page.goto(`${inject('directusUrl')}/admin/login`);
      await page.fill('input[type="email"]', 'marketing@example.com');
      await page.fill('input[type="password"]', 'demo-carbot-2026');
      await page.click('button[type="submit"]');
      await page.waitForURL((u) => !u.pathname.endsWith('/login'), SLOW);
      await page.goto(`${inject('directusUrl')}/admin/content/posts/${created.body.data.id}`);
      const snippet = page.locator('[data-seo-snippet]');
      await snippet.waitFor(SLOW);
      const counts = page.locator('[data-seo-count]');
      // The translation's values arrive after the form is drawn.
      await expect.poll(() => counts.nth(0).innerText(), { timeout: 60_000 }).toContain('37 / 60 Zeichen');
      expect(await counts.nth(1).innerText()).toMatch(/4 \/ 155 Zeichen – etwas kurz/);
      expect(await snippet.innerText()).toContain('Reifenwechsel: der richtige Zeitpunkt');
      await page
        .locator('.seo-input textarea')
        .fill(
          'Wann Winterreifen aufziehen? Faustregel, Profiltiefe und was ein Räderwechsel bei uns kostet – kurz erklärt.',
        );
      expect(await counts.nth(1).innerText()).toMatch(/^\d+ \/ 155 Zeichen$/);
      expect(await snippet.innerText()).toContain('Faustregel, Profiltiefe');
      await snippet.scrollIntoViewIfNeeded();
      await shot(page, '13-seo-vorschau');

      // Save, then the preview opens the draft on the platform site through a signed link.
      await page.keyboard.press('Control+s');
      const button = page.getByRole('button', { name: 'Vorschau des Beitrags öffnen' });
      await button.waitFor(SLOW);
      const [tab] = await Promise.all([laptop.waitForEvent('page', { timeout: 120_000 }), button.click()]);
      await tab.waitForURL(/\/blog\/.*\?preview=v1\.platform\./, { timeout: 120_000 });
      await tab.waitForLoadState();
      expect(await tab.locator('h1').innerText()).toContain(title);
      await shot(tab, '14-beitrag-vorschau');
    } finally {
      await laptop.close();
    }
  });
});
