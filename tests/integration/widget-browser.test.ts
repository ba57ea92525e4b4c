/**
 * The widget as a visitor meets it: embedded with one script tag on a page of another origin that
 * enforces a strict Content-Security-Policy, in a real Chromium. Nothing loads before the chat is
 * opened; then the visitor asks, reads the streamed answer, consents and leaves a lead.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { admin } from '../support/http.ts';
import { startWidgetHost, type WidgetHost, waitForText } from '../support/widget-host.ts';

let host: WidgetHost;
let browser: Browser;
let sitesPort: number;
let hostOrigin: string;

beforeAll(async () => {
  host = await startWidgetHost({
    keyName: 'Browser-Test',
    title: 'Autohaus Beispiel – eigene Website',
    head: '\n<link rel="stylesheet" href="/host.css">',
    body: '<h1>Unsere eigene Website</h1><p>Mit eingebettetem Chat.</p>',
    serve(req, res, port) {
      if (req.url === '/host.css') {
        // A hostile host stylesheet: it must not change the widget.
        res.setHeader('content-type', 'text/css');
        res.end('button{background:red!important;font-size:40px!important}');
        return true;
      }
      res.setHeader(
        'content-security-policy',
        `default-src 'self'; script-src 'self' http://localhost:${port}; connect-src 'self' ${inject('directusUrl')}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'`,
      );
    },
  });
  ({ sitesPort, origin: hostOrigin } = host);
  await fetch(`${inject('edgeUrls').openai}/__control`, {
    method: 'POST',
    body: JSON.stringify({
      mode: 'ok',
      reply: 'Die Inspektion kostet bei uns ab 219 €. Möchten Sie einen Termin?',
      chunkDelayMs: 30,
    }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function openPage(path = '/'): Promise<{ page: Page; requests: string[]; violations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
  const page = await context.newPage();
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(hostOrigin + path);
  return { page, requests, violations };
}

describe('widget embedded on another origin under a strict CSP', () => {
  test('before opening only the launcher loads, nothing is stored, and the host page is untouched', async () => {
    const { page, requests, violations } = await openPage();
    const launcher = page.getByRole('button', { name: 'Chat öffnen' });
    await launcher.waitFor();
    await page.waitForLoadState('networkidle');
    const foreign = requests.filter((u) => !u.startsWith(hostOrigin));
    expect(foreign).toEqual([`http://localhost:${sitesPort}/widget.js`]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual([
      '',
      0,
      0,
    ]);
    // Host CSS does not reach into the widget, and the widget adds no globals.
    expect(await launcher.evaluate((b) => getComputedStyle(b).fontSize)).not.toBe('40px');
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /carbot/i.test(k)));
    expect(globals).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('a visitor asks, sees the answer stream in, consents and leaves a lead that arrives in Directus', async () => {
    const { page, violations } = await openPage();
    await page.getByRole('button', { name: 'Chat öffnen' }).click();
    const dialog = page.getByRole('dialog');
    await waitForText(dialog.getByRole('heading'), 'Autohaus Beispiel');
    // Before anything is typed, the first view says who answers (EU AI Act Art. 50), ahead of the greeting.
    const first = await waitForText(dialog.getByRole('log'), 'Hallo!');
    expect(first.indexOf('Hier antwortet ein KI-Assistent, kein Mensch')).toBe(first.indexOf('Hinweis:') + 9);
    expect(first.indexOf('Hinweis:')).toBeLessThan(first.indexOf('Hallo!'));
    await page.screenshot({ path: 'tests/artifacts/widget-ai-notice-phone.png' });
    const input = dialog.getByRole('textbox', { name: 'Ihre Nachricht' });
    expect(await input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await input.fill('Was kostet eine Inspektion?');
    await input.press('Enter');
    const log = dialog.getByRole('log');
    await waitForText(log, 'Möchten Sie einen Termin?');
    expect(await log.textContent()).toContain('ab 219 €');
    expect(await log.getByRole('link').first().getAttribute('href')).toContain('/leistungen');

    await dialog.getByRole('button', { name: 'Kontaktdaten hinterlassen' }).click();
    await dialog.getByLabel('Name').fill('Browser Besucherin');
    await dialog.getByLabel('Telefon').fill('+49 89 555 0199');
    await dialog.getByLabel('Fahrzeug').fill('Skoda Octavia 2019');
    await dialog.getByRole('button', { name: 'Absenden' }).click();
    await waitForText(dialog.getByRole('alert'), 'Kontaktaufnahme');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Absenden' }).click();
    await waitForText(log, 'Vielen Dank');
    const leads = await admin().get(
      '/items/leads?filter[name][_eq]=Browser%20Besucherin&fields=phone,car,source,consent',
    );
    expect(leads.body.data).toEqual([
      expect.objectContaining({ phone: '+49 89 555 0199', car: 'Skoda Octavia 2019', source: 'chat' }),
    ]);
    expect(leads.body.data[0].consent).toBeTruthy();
    expect(violations).toEqual([]);

    // The open widget passes axe-core without violations (WCAG 2.2 AA rules).
    const axe = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
    await page.evaluate(axe);
    const result = await page.evaluate(async () => {
      const run = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      return run.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    // The visitor erases the conversation from the chat menu: asked first, then gone, in the widget and in Directus.
    const conversation = await admin().get('/items/leads?filter[name][_eq]=Browser%20Besucherin&fields=conversation');
    const conversationId = conversation.body.data[0].conversation as string;
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.screenshot({ path: 'tests/artifacts/widget-erase-link-phone.png' });
    await dialog.getByRole('button', { name: 'Gespräch löschen' }).click();
    const afterErase = await waitForText(log, 'Ihr Gespräch und Ihre Angaben darin sind gelöscht.');
    expect(asked).toEqual(['Dieses Gespräch mit allen Ihren Angaben darin endgültig löschen?']);
    expect(afterErase).not.toContain('Inspektion');
    expect(afterErase).toContain('Hier antwortet ein KI-Assistent');
    await page.screenshot({ path: 'tests/artifacts/widget-erased-phone.png' });
    expect((await admin().get(`/items/conversations/${conversationId}`)).status).toBe(403);
    expect((await admin().get('/items/leads?filter[name][_eq]=Browser%20Besucherin')).body.data).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await page.keyboard.press('Escape');
    expect(await page.getByRole('button', { name: 'Chat öffnen' }).getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });

  test('embedded with data-lang="en" in a German browser, the panel and the answers are English throughout', async () => {
    await fetch(`${inject('edgeUrls').openai}/__requests`, { method: 'DELETE' });
    const { page } = await openPage('/en/');
    await page.getByRole('button', { name: 'Open chat' }).click();
    const dialog = page.getByRole('dialog');
    await waitForText(dialog.getByRole('heading'), 'Chat with Autohaus Beispiel');
    await waitForText(dialog.getByRole('log'), 'Hello');
    await dialog.getByRole('button', { name: 'Talk to a person' }).waitFor();
    await dialog.getByRole('button', { name: 'Leave contact details' }).waitFor();
    const input = dialog.getByRole('textbox', { name: 'Your message' });
    await input.fill('Was kostet eine Inspektion?');
    await input.press('Enter');
    await waitForText(dialog.getByRole('log'), 'Möchten Sie einen Termin?');
    const requests = (await (await fetch(`${inject('edgeUrls').openai}/__requests`)).json()) as {
      messages: { content: string }[];
    }[];
    const chat = requests.filter((r) => !r.messages[0]?.content.startsWith('You translate website texts'));
    expect(chat.at(-1)?.messages[0]?.content).toContain('Answer in English');
    // No German word of the widget's own in the panel.
    expect(await dialog.evaluate((d) => d.textContent)).not.toMatch(/Ihre Nachricht|Senden|Mitarbeiter|Quellen/);
    await page.screenshot({ path: 'tests/artifacts/widget-en-in-german-browser.png' });
    await page.context().close();
  });

  test('the conversation survives navigation within the site, and is forgotten after 30 idle minutes', async () => {
    const { page } = await openPage();
    await page.getByRole('button', { name: 'Chat öffnen' }).click();
    const dialog = page.getByRole('dialog');
    await waitForText(dialog.getByRole('heading'), 'Autohaus Beispiel');
    // Opened but not yet asked: still nothing stored.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const input = dialog.getByRole('textbox', { name: 'Ihre Nachricht' });
    await input.fill('Was kostet eine Inspektion?');
    await input.press('Enter');
    await waitForText(dialog.getByRole('log'), 'Möchten Sie einen Termin?');
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      1,
      '',
    ]);

    // Another page of the site: the chat is back, open, with the conversation so far.
    await page.goto(`${hostOrigin}/leistungen`);
    const again = page.getByRole('dialog');
    const log = again.getByRole('log');
    await waitForText(log, 'Möchten Sie einen Termin?');
    expect(await log.textContent()).toContain('Was kostet eine Inspektion?');
    await page.screenshot({ path: 'tests/artifacts/widget-after-navigation.png' });
    // It goes on in the same conversation.
    await again.getByRole('textbox', { name: 'Ihre Nachricht' }).fill('Und ein Ölwechsel?');
    await again.getByRole('textbox', { name: 'Ihre Nachricht' }).press('Enter');
    await waitForText(log, 'Und ein Ölwechsel?');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);

    // Closed, then 31 minutes without activity: the next page starts afresh and the session is gone.
    await again.getByRole('button', { name: 'Schließen' }).click();
    await page.evaluate(() => {
      const key = sessionStorage.key(0) as string;
      const saved = JSON.parse(sessionStorage.getItem(key) as string);
      sessionStorage.setItem(key, JSON.stringify({ ...saved, t: saved.t - 31 * 60_000 }));
    });
    await page.goto(`${hostOrigin}/kontakt`);
    await page.getByRole('button', { name: 'Chat öffnen' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.getByRole('button', { name: 'Chat öffnen' }).click();
    await waitForText(page.getByRole('dialog').getByRole('log'), 'Hallo');
    expect(await page.getByRole('dialog').getByRole('log').textContent()).not.toContain('Was kostet eine Inspektion?');
    await page.context().close();
  });
});
