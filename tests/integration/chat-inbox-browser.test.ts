/**
 * The handed-off chat, walked in a real Chromium by both people: a visitor on a phone opens the chat on
 * the workshop's website and asks for a person; a staff member on a laptop signs in to the admin, opens
 * the Chat-Postfach, sees the conversation waiting and replies. The visitor sees the reply exactly once,
 * however many polls go by, and when they write again the assistant does not answer over staff.
 * Screenshots of both sides: tests/artifacts/chat-inbox/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin } from '../support/http.ts';
import { startSites } from './sites-support.ts';

const ARTIFACTS = join(import.meta.dirname, '../artifacts/chat-inbox');
const [beispiel] = tenants;
const STAFF = beispiel?.users[1] as { email: string; password: string };
const QUESTION = 'Kann ich mein Auto am Dienstag zur Inspektion bringen?';
const REPLY = 'Guten Tag, Dienstag um 8 Uhr passt – bringen Sie bitte das Serviceheft mit. Lena vom Team';
const AGAIN = 'Ja, Dienstag passt';

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sites = await startSites();
  browser = await launchBrowser();
  await fetch(`${inject('edgeUrls').openai}/__control`, {
    method: 'POST',
    body: JSON.stringify({ mode: 'ok', reply: 'Die Inspektion kostet bei uns ab 219 €. Möchten Sie einen Termin?' }),
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await sites?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Waits for a condition, generously: the machine may be busy; the condition decides, not the clock. */
async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Nicht eingetreten: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const count = (locator: Locator, text: string) => locator.filter({ hasText: text }).count();

describe('a handed-off chat, answered from the Chat-Postfach', { timeout: 300_000 }, () => {
  test('the visitor asks for a person, staff reply in the inbox, the reply shows exactly once and the assistant stays quiet', async () => {
    // The visitor, on a phone, on the workshop's website.
    const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    contexts.push(phone);
    const visitor = await phone.newPage();
    let conversationId = '';
    let polls = 0;
    visitor.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('/widget/conversations') && response.request().method() === 'POST')
        conversationId = (await response.json()).data.id;
      if (/\/widget\/conversations\/[^/]+\/messages$/.test(url.pathname) && response.request().method() === 'GET')
        polls += 1;
    });
    await visitor.goto(`http://autohaus-beispiel.localhost:${sites.port}/`);
    const banner = visitor.getByRole('region', { name: 'Ihre Privatsphäre' });
    if (await banner.isVisible()) await banner.getByRole('button', { name: 'Nur notwendige' }).click();
    await visitor.getByRole('button', { name: 'Chat öffnen' }).click();
    const chat = visitor.getByRole('dialog');
    const input = chat.getByRole('textbox', { name: 'Ihre Nachricht' });
    await input.fill(QUESTION);
    await input.press('Enter');
    const log = chat.getByRole('log');
    await until(async () => (await count(log.locator('.a'), '219')) === 1, 'Antwort des Assistenten');
    await chat.getByRole('button', { name: 'Mit einem Mitarbeiter sprechen' }).click();
    await until(async () => (await count(log.locator('.y'), 'Team')) === 1, 'Bestätigung der Übergabe');
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    await shot(visitor, '01-visitor-asks-for-a-person');

    // Staff, on a laptop, sign in to the admin and open the Chat-Postfach from the module bar.
    const laptop = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 768 } });
    contexts.push(laptop);
    const staff = await laptop.newPage();
    const directus = inject('directusUrl');
    await staff.goto(`${directus}/admin/login`);
    await staff.fill('input[type="email"]', STAFF.email);
    await staff.fill('input[type="password"]', STAFF.password);
    await staff.click('button[type="submit"]');
    await staff.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 120_000 });
    await staff.locator('a[href$="/carbot-inbox"]').first().click({ timeout: 120_000 });
    const item = staff.locator(`a[href$="/carbot-inbox/${conversationId}"]`);
    await item.waitFor({ timeout: 60_000 });
    expect(await item.getAttribute('data-status')).toBe('handoff');
    expect(await item.locator('.badge').innerText()).toBe('Wartet auf Team');
    // Waiting conversations come first: nothing that is not waiting is listed above this one.
    const statuses = await staff
      .locator('.conversations .item')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.status));
    const position = await staff
      .locator('.conversations .item')
      .evaluateAll((items, id) => items.findIndex((i) => i.getAttribute('href')?.endsWith(id)), conversationId);
    expect(statuses.slice(0, position + 1).every((s) => s === 'handoff')).toBe(true);
    await until(async () => (await staff.locator('.live').innerText()).includes('Live'), 'Live-Verbindung');
    await shot(staff, '02-staff-inbox-waiting');

    await item.click();
    const thread = staff.getByRole('log', { name: 'Verlauf' });
    await until(async () => (await count(thread.locator('.message.visitor'), QUESTION)) === 1, 'Verlauf');
    // No tokens, costs or raw data in the staff view.
    const text = await staff.locator('.inbox').innerText();
    expect(text).not.toMatch(/Token|Kosten|€\s*0[,.]|\{"/);
    await shot(staff, '03-staff-thread');
    await staff.getByLabel('Antwort an den Besucher').fill(REPLY);
    await staff.getByRole('button', { name: 'Senden' }).click();
    await until(async () => (await count(thread.locator('.message.staff'), REPLY)) === 1, 'Antwort im Verlauf');
    await until(
      async () => (await staff.locator('.thread-head select').inputValue()) === 'answered',
      'Status „Beantwortet“',
    );
    await shot(staff, '04-staff-replied');

    // The visitor sees the reply; after several more polls it is still there exactly once.
    const staffBubbles = log.locator('.s');
    await until(async () => (await count(staffBubbles, REPLY)) >= 1, 'Antwort beim Besucher', 90_000);
    const seenAt = polls;
    await until(async () => polls >= seenAt + 4, 'vier weitere Abfragen', 120_000);
    expect(await count(staffBubbles, REPLY)).toBe(1);
    expect(await staffBubbles.count()).toBe(1);
    await shot(visitor, '05-visitor-sees-reply-once');

    // The visitor answers: it goes to staff; the assistant does not answer over them.
    const answersBefore = await log.locator('.a').count();
    await input.fill(AGAIN);
    await input.press('Enter');
    await until(async () => (await count(log.locator('.y'), 'beim Team angekommen')) === 1, 'Hinweis an den Besucher');
    expect(await log.locator('.a').count()).toBe(answersBefore);
    expect(await count(log.locator('.a'), 'Inspektion kostet')).toBe(1);
    await shot(visitor, '06-visitor-writes-again');

    // Staff see it arrive live, and the conversation is waiting for them again.
    await until(async () => (await count(thread.locator('.message.visitor'), AGAIN)) === 1, 'neue Nachricht live');
    await until(
      async () => (await staff.locator('.thread-head select').inputValue()) === 'handoff',
      'wieder „Wartet auf Team“',
    );
    await shot(staff, '07-staff-sees-answer-live');

    // And on the server, every message exists exactly once, in the order written.
    const stored = await admin().get(
      `/items/messages?filter[conversation][_eq]=${conversationId}&sort=date_created,id&fields=role,content`,
    );
    expect(stored.body.data.map((m: { role: string }) => m.role)).toEqual([
      'visitor',
      'assistant',
      'system',
      'staff',
      'visitor',
      'system',
    ]);
    // Still exactly once in the widget after all of that.
    expect(await count(staffBubbles, REPLY)).toBe(1);
  });
});
