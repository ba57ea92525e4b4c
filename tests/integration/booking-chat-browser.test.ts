/**
 * Booking inside the chat, as a visitor on a phone meets it: the widget embedded on the workshop's own
 * website (another origin), a question about a bookable service, the assistant's answer followed by the
 * next free times, one picked, name and phone entered, consent ticked, booked — through the public booking
 * API, stored with source `assistant`. In German and in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { admin } from '../support/http.ts';
import { startWidgetHost, type WidgetHost, waitForText } from '../support/widget-host.ts';

let host: WidgetHost;
let browser: Browser;

async function replyWith(reply: string) {
  await fetch(`${inject('edgeUrls').openai}/__control`, {
    method: 'POST',
    body: JSON.stringify({ mode: 'ok', reply, chunkDelayMs: 10 }),
  });
}

beforeAll(async () => {
  host = await startWidgetHost({
    keyName: 'Termin im Chat',
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function phone(path: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, isMobile: true });
  const page = await context.newPage();
  await page.goto(host.origin + path);
  return page;
}

const CASES = [
  {
    lang: 'de',
    path: '/',
    locale: 'de-DE',
    open: 'Chat öffnen',
    message: 'Ihre Nachricht',
    question: 'Was kostet ein Ölwechsel? Kann ich einen Termin machen?',
    reply: 'Ein Ölwechsel kostet bei uns ab 89 €. Gern auch mit Termin.',
    offer: 'Freie Termine für Ölwechsel',
    weekday: /^(Mo|Di|Mi|Do|Fr|Sa)\., \d{1,2}\.\d{1,2}\., \d{2}:\d{2}$/,
    name: 'Name',
    phoneLabel: 'Telefon',
    book: 'Termin buchen',
    consentRefused: 'Bitte stimmen Sie der Verarbeitung',
    done: 'Ihre Terminanfrage ist eingegangen',
    customer: 'Chat Terminkundin',
  },
  {
    lang: 'en',
    path: '/en/',
    locale: 'de-DE',
    open: 'Open chat',
    message: 'Your message',
    question: 'How much is an oil change? Can I book an appointment?',
    reply: 'An oil change costs from 89 €. You can book a time below.',
    offer: 'Free times for',
    weekday: /^(Mon|Tue|Wed|Thu|Fri|Sat), \d{1,2}\/\d{1,2}, \d{2}:\d{2}$/,
    name: 'Name',
    phoneLabel: 'Phone',
    book: 'Book appointment',
    consentRefused: 'Please agree to the processing',
    done: 'Your appointment request has arrived',
    customer: 'Chat Appointment Customer',
  },
] as const;

describe('booking inside the chat on a phone', () => {
  test.each(CASES)(
    '$lang: the answer offers free times, one is booked, the appointment exists (source assistant)',
    async (c) => {
      await replyWith(c.reply);
      const page = await phone(c.path, c.locale);
      await page.getByRole('button', { name: c.open }).click();
      const dialog = page.getByRole('dialog');
      const input = dialog.getByRole('textbox', { name: c.message });
      await input.fill(c.question);
      await input.press('Enter');
      const log = dialog.getByRole('log');
      await waitForText(log, c.offer);
      const offer = log.locator('div', { hasText: c.offer }).last();
      const times = offer.getByRole('button');
      const labels = await times.allTextContents();
      // Two or three times, in the conversation's language, on different days where there is room.
      expect(labels.length).toBeGreaterThanOrEqual(2);
      expect(labels.length).toBeLessThanOrEqual(3);
      for (const label of labels) expect(label).toMatch(c.weekday);
      await page.screenshot({ path: `tests/artifacts/booking-chat-offer-${c.lang}-phone.png` });

      const picked = labels[1] as string;
      await times.nth(1).click();
      await dialog.getByLabel(c.name, { exact: true }).fill(c.customer);
      await dialog.getByLabel(c.phoneLabel, { exact: true }).fill('+49 89 555 0142');
      const submit = dialog.getByRole('button', { name: `${c.book}: ${picked}` });
      // Without consent the API refuses in the visitor's language and nothing is stored.
      await submit.click();
      await waitForText(dialog.getByRole('alert'), c.consentRefused);
      await dialog.getByRole('checkbox').check();
      await page.screenshot({ path: `tests/artifacts/booking-chat-form-${c.lang}-phone.png` });
      await submit.click();
      const after = await waitForText(log, c.done);
      expect(after).toContain(picked);
      // The offer is gone once booked: the same times cannot be clicked again.
      expect(await log.getByRole('button', { name: picked }).count()).toBe(0);
      await page.screenshot({ path: `tests/artifacts/booking-chat-done-${c.lang}-phone.png` });

      const stored = await admin().get(
        `/items/appointments?filter[customer_name][_eq]=${encodeURIComponent(c.customer)}&fields=source,status,language,customer_phone,consent,start,service.id`,
      );
      expect(stored.status, stored.text).toBe(200);
      expect(stored.body.data).toEqual([
        expect.objectContaining({
          source: 'assistant',
          status: 'requested',
          language: c.lang,
          customer_phone: '+49 89 555 0142',
        }),
      ]);
      expect(stored.body.data[0].consent).toBeTruthy();
      await page.context().close();
    },
  );
});
