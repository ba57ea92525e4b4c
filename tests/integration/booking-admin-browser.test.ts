/**
 * Staff's booking day in the real admin (Chromium), as staff.beispiel@example.com: the appointments open
 * as a calendar with the new online requests in it; the bookmark „Offene Terminanfragen" lists them; one
 * is confirmed and one declined, each by choosing the status and saving (the customer is mailed either
 * way); a lift is blocked for an afternoon; a phone booking is entered. On a laptop and on a phone;
 * screenshots in tests/artifacts/booking-admin/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { id } from '../../seeds/demo/ids.ts';
import { screenshot, settled, signIn } from '../support/admin-walk.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin, as, login } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'booking-admin');
const PASSWORD = 'demo-carbot-2026';
const STAFF = 'staff.beispiel@example.com';
const WORKSHOP = id(1, 'workshop', 1);
const ORIGIN = 'https://termine.autohaus-beispiel.example';
const SUFFIX = Date.now().toString(36);
const LONG = { timeout: 90_000 };

let browser: Browser;
let key: string;
let service: { id: string; name: string };
let slots: { start: string }[];
const requests: Record<'confirm' | 'decline', { id: string; name: string; email: string; start: string }> = {} as never;

async function booking(path: string, body?: unknown) {
  const res = await fetch(`${inject('directusUrl')}/booking${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-carbot-key': key, origin: ORIGIN, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A Berlin date as the admin's date field takes it (TT.MM.JJJJ), from an ISO time with offset. */
const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const berlin = (value: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(value),
  );

beforeAll(async () => {
  browser = await launchBrowser();
  const owner = as(await login('owner.beispiel@example.com', PASSWORD));
  const k = await owner.post('/items/client_keys', {
    workshop: WORKSHOP,
    name: 'Admin-Termine',
    allowed_origins: [ORIGIN],
  });
  expect(k.status, k.text).toBe(200);
  key = k.body.data.key;
  const services = await booking('/services');
  expect(services.status).toBe(200);
  service = services.body.data.find((s: { name: string }) => /Ölwechsel/.test(s.name)) ?? services.body.data[0];
  slots = (await booking(`/slots?service=${service.id}`)).body.data;
  // Two online requests on the first bookable day, as visitors leave them on the website.
  for (const [which, slot, name] of [
    ['confirm', slots[0], `Rita Anfrage ${SUFFIX}`],
    ['decline', slots[1], `Bernd Anfrage ${SUFFIX}`],
  ] as const) {
    const email = `${which}.${SUFFIX}@example.org`;
    const res = await booking('/appointments', {
      service: service.id,
      start: slot?.start,
      name,
      phone: '0171 2223334',
      email,
      car: 'VW Passat',
      source: 'site',
      consent: { given: true, version: '2026-11-booking' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    requests[which] = { id: res.body.data.id, name, email, start: res.body.data.start };
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function staffPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport });
  const page = await context.newPage();
  await signIn(page, inject('directusUrl'), STAFF, PASSWORD);
  return page;
}

/** The calendar, paged forward until the appointment of `name` is in view. */
async function calendarShows(page: Page, name: string) {
  await page.goto(`${inject('directusUrl')}/admin/content/appointments`);
  await page.locator('.fc').first().waitFor(LONG);
  await settled(page);
  const event = page.locator('.fc-event', { hasText: name }).first();
  // Each week gets a few seconds to load its appointments before the calendar pages on.
  for (let week = 0; week < 6; week++) {
    const deadline = Date.now() + 8_000;
    while (Date.now() < deadline && (await event.count()) === 0) await page.waitForTimeout(250);
    if ((await event.count()) > 0) break;
    await page.locator('.fc-next-button').first().click();
    await settled(page);
  }
  await event.waitFor(LONG);
  return event;
}

/** Chooses a value in a select-dropdown field of the open item form. */
async function choose(page: Page, field: string, option: string | RegExp) {
  await page.locator(`.field[data-field="${field}"] .v-input, .field[data-field="${field}"] .v-select`).first().click();
  await page.locator('.v-menu-content .v-list-item', { hasText: option }).first().click();
  await page
    .locator('.v-menu-content')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
}

async function typeDate(page: Page, field: string, text: string) {
  const input = page.locator(`.field[data-field="${field}"] [data-carbot-datetime] input.text`);
  await input.fill(text);
  await input.press('Enter');
}

/**
 * Picks the workshop in the form's many-to-one field (Directus opens a list in a drawer). Staff of a
 * tenant with several workshops must choose; with one, the field may stay empty and is set on saving.
 */
async function pickWorkshop(page: Page) {
  const found = await admin().get(`/items/workshops/${WORKSHOP}?fields=name`);
  const name: string = found.body.data.name;
  await page.locator('.field[data-field="workshop"] .many-to-one > button').first().click();
  const drawer = page.locator('.v-drawer').last();
  await drawer.locator('tr.table-row', { hasText: name }).first().click(LONG);
  await page.waitForTimeout(300);
  if (await drawer.isVisible()) {
    await drawer.locator('.header-bar .v-button').last().click();
  }
  await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.field[data-field="workshop"]', { hasText: name }).first().waitFor(LONG);
}

/** Saves the open item (Ctrl+S, as staff do) and returns the answer to Directus's write. */
async function save(page: Page) {
  const written = page.waitForResponse(
    (r) => /\/items\/(appointments|booking_blocks)/.test(r.url()) && ['PATCH', 'POST'].includes(r.request().method()),
    LONG,
  );
  await page.keyboard.press('Control+s');
  const res = await written;
  expect(res.status(), await res.text()).toBeLessThan(300);
  await settled(page);
}

describe('staff work the appointments in the admin', () => {
  test('laptop: calendar, open requests, confirm and decline in one step each, a blocked time, a phone booking', {
    timeout: 300_000,
  }, async () => {
    const page = await staffPage({ width: 1366, height: 768 });
    try {
      const event = await calendarShows(page, requests.confirm.name);
      expect(await event.isVisible()).toBe(true);
      await screenshot(page, ARTIFACTS, 'calendar-laptop');

      // The bookmark lists what waits for a decision.
      await page.locator('.content-navigation a', { hasText: 'Offene Terminanfragen' }).first().click();
      const rows = page.locator('.layout-tabular tbody tr.table-row');
      await rows.filter({ hasText: requests.confirm.name }).first().waitFor(LONG);
      expect(await rows.filter({ hasText: requests.decline.name }).count()).toBe(1);
      await screenshot(page, ARTIFACTS, 'open-requests-laptop');

      // Confirm: choose „Bestätigt", save. The customer gets the confirmation with the .ics.
      await rows.filter({ hasText: requests.confirm.name }).first().locator('td').nth(1).click();
      await page.locator('.field[data-field="status"]').waitFor(LONG);
      await choose(page, 'status', 'Bestätigt');
      await screenshot(page, ARTIFACTS, 'confirm-laptop');
      await save(page);
      await waitForMail(
        (m) => m.to.includes(requests.confirm.email) && m.subject.startsWith('Termin bestätigt'),
        30_000,
      );
      // Decline the other one the same way.
      await page.goto(`${inject('directusUrl')}/admin/content/appointments/${requests.decline.id}`);
      await page.locator('.field[data-field="status"]').waitFor(LONG);
      await choose(page, 'status', 'Abgelehnt');
      await save(page);
      await waitForMail(
        (m) => m.to.includes(requests.decline.email) && m.subject.includes('leider nicht möglich'),
        30_000,
      );
      const decided = await admin().get(
        `/items/appointments?filter[id][_in]=${requests.confirm.id},${requests.decline.id}&fields=id,status`,
      );
      expect(
        Object.fromEntries(decided.body.data.map((r: { id: string; status: string }) => [r.id, r.status])),
      ).toEqual({
        [requests.confirm.id]: 'confirmed',
        [requests.decline.id]: 'declined',
      });

      // A lift out of service: all three bays blocked for the afternoon of the first bookable day.
      const day = germanDate(requests.confirm.start);
      await page.goto(`${inject('directusUrl')}/admin/content/booking_blocks/+`);
      await page.locator('.field[data-field="start"]').waitFor(LONG);
      await settled(page);
      // The demo tenant may run more than one workshop (a branch from a feed): staff choose the one affected.
      await pickWorkshop(page);
      await typeDate(page, 'start', `${day} 14:00`);
      await typeDate(page, 'end', `${day} 16:00`);
      await page.locator('.field[data-field="bays"] input').fill('3');
      await page.locator('.field[data-field="reason"] input').fill(`Hebebühne Wartung ${SUFFIX}`);
      await screenshot(page, ARTIFACTS, 'block-laptop');
      await save(page);
      const blocks = await admin().get(
        `/items/booking_blocks?filter[reason][_eq]=${encodeURIComponent(`Hebebühne Wartung ${SUFFIX}`)}&fields=start,end,bays,workshop`,
      );
      expect(blocks.body.data).toHaveLength(1);
      expect(berlin(blocks.body.data[0].start)).toBe(`${requests.confirm.start.slice(0, 10)} 14:00`);
      expect(blocks.body.data[0]).toMatchObject({ bays: 3, workshop: WORKSHOP });
      // Nobody can book into the blocked afternoon any more.
      const date = requests.confirm.start.slice(0, 10);
      const free = (await booking(`/slots?service=${service.id}&from=${date}&to=${date}`)).body.data as {
        start: string;
      }[];
      expect(free.filter((s) => s.start.slice(11, 16) >= '14:00' && s.start.slice(11, 16) < '16:00')).toEqual([]);

      // A customer calls: staff enter the appointment; it counts against the bays like any other.
      await page.goto(`${inject('directusUrl')}/admin/content/appointments/+`);
      await page.locator('.field[data-field="customer_name"]').waitFor(LONG);
      await settled(page);
      // Start and end typed as staff write them.
      await pickWorkshop(page);
      await typeDate(page, 'start', `${day} 10:00`);
      await typeDate(page, 'end', `${day} 10:45`);
      await page.locator('.field[data-field="customer_name"] input').fill(`Telefon Kunde ${SUFFIX}`);
      await page.locator('.field[data-field="customer_phone"] input').fill('089 1234567');
      await screenshot(page, ARTIFACTS, 'phone-booking-laptop');
      await save(page);
      const phone = await admin().get(
        `/items/appointments?filter[customer_name][_eq]=${encodeURIComponent(`Telefon Kunde ${SUFFIX}`)}&fields=start,end,source,status,workshop`,
      );
      expect(phone.body.data).toHaveLength(1);
      expect(phone.body.data[0]).toMatchObject({ source: 'phone', status: 'confirmed', workshop: WORKSHOP });
      expect(berlin(phone.body.data[0].start)).toBe(`${date} 10:00`);
      await calendarShows(page, `Telefon Kunde ${SUFFIX}`);
      await screenshot(page, ARTIFACTS, 'calendar-after-laptop');
    } finally {
      await page.context().close();
    }
  });

  test('phone: the calendar and the open requests are usable at 390×844', { timeout: 180_000 }, async () => {
    const page = await staffPage({ width: 390, height: 844 });
    try {
      await calendarShows(page, requests.confirm.name);
      await screenshot(page, ARTIFACTS, 'calendar-phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.goto(`${inject('directusUrl')}/admin/content/appointments/${requests.confirm.id}`);
      await page.locator('.field[data-field="status"]').waitFor(LONG);
      await settled(page);
      await screenshot(page, ARTIFACTS, 'appointment-phone');
    } finally {
      await page.context().close();
    }
  });
});
