/**
 * The owner's "Einblicke" in a real browser, at laptop and phone size: figures from real page views and
 * chat questions, the unanswered questions grouped, and one click that turns a group into an FAQ draft
 * with the question filled in.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { screenshot, settled, signIn, watch } from '../support/admin-walk.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin, as, login, widgetRequest } from '../support/http.ts';

const ARTIFACTS = new URL('../artifacts/insights/', import.meta.url).pathname;
const [, schneider] = tenants;
const owner = schneider?.users.find((u) => u.role === 'owner')?.email as string;
const ORIGIN = 'https://www.einblicke-probe.example';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A week of page views as a site server delivers them (hashed already), plus today's chat. */
async function traffic(token: string) {
  const workshop = (
    await as(token).get('/items/workshops?fields=id&sort=date_created&filter[status][_eq]=published&limit=1')
  ).body.data[0].id as string;
  const views = [];
  for (let d = 0; d < 7; d++) {
    const day = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 5 + d * 3; i++) {
      const path = ['/', '/leistungen', '/kontakt', '/leistungen', '/termin'][i % 5] as string;
      views.push({
        workshop,
        path,
        day,
        visitor: (d * 100 + (i % (4 + d))).toString(16).padStart(32, '0'),
        at: Date.now() - d * 86_400_000,
      });
    }
  }
  const sent = await fetch(`${inject('directusUrl')}/carbot-analytics/views`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-carbot-sites-secret': inject('edgeUrls').sitesPurgeSecret as string,
    },
    body: JSON.stringify({ views }),
  });
  expect(sent.status, await sent.text()).toBe(200);

  const key = await as(token).post('/items/client_keys', {
    workshop,
    name: 'Einblicke-Probe',
    allowed_origins: [ORIGIN],
  });
  expect(key.status, key.text).toBe(200);
  const widget = (path: string, body?: unknown, session?: string) =>
    widgetRequest(path, {
      key: key.body.data.key,
      origin: ORIGIN,
      method: body === undefined ? 'GET' : 'POST',
      body,
      session,
    });
  await widget(`/config?opened=${encodeURIComponent('/leistungen')}`);
  for (const questions of [
    ['Verkauft ihr Dachboxen für den Kombi?', 'Was kostet ein Ölwechsel?'],
    ['Dachbox für Kombi, habt ihr sowas?', 'Gibt es bei euch WLAN im Wartebereich?'],
    ['verkauft ihr dachboxen'],
  ]) {
    const started = await widget('/conversations', {});
    expect(started.status, started.text).toBe(201);
    for (const text of questions) {
      const asked = await widget(
        `/conversations/${started.body.data.id}/messages`,
        { text },
        started.body.data.session,
      );
      expect(asked.status, asked.text).toBe(200);
    }
  }
  // Events are written within half a second; then the rollup of the past days.
  await expect
    .poll(async () => {
      const rows = await admin().get(
        `/items/analytics_events?filter[workshop][_eq]=${workshop}&filter[type][_eq]=answer_none&limit=-1&fields=id`,
      );
      return rows.body.data.length;
    })
    .toBeGreaterThanOrEqual(2);
  const run = await admin().post('/carbot-analytics/rollup/run');
  expect([200, 409]).toContain(run.status);
}

test('an owner reads the figures and turns an unanswered question into an FAQ draft', {
  timeout: 240_000,
}, async () => {
  const token = await login(owner, 'demo-carbot-2026');
  await traffic(token);

  for (const [name, viewport] of [
    ['1366', { width: 1366, height: 768 }],
    ['390', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: 'de-DE' });
    const page = await context.newPage();
    const w = watch(page);
    try {
      await signIn(page, inject('directusUrl'), owner, 'demo-carbot-2026');
      await page.goto(`${inject('directusUrl')}/admin/carbot-insights`);
      await page.getByRole('heading', { name: 'Überblick' }).waitFor();
      const kpis = await page.locator('.kpis').innerText();
      expect(kpis).toContain('Besucher');
      expect(kpis).toContain('Conversion');
      const pages = await page.locator('.pages').innerText();
      expect(pages).toContain('/leistungen');
      const group = page
        .locator('.question')
        .filter({ hasText: /dachbox/i })
        .first();
      await group.waitFor();
      // Several wordings of the same wish form one group (how many got no answer depends on the suite's model).
      expect(await group.locator('.times').innerText()).toMatch(/^[2-9]×$/);
      await settled(page);
      await screenshot(page, ARTIFACTS, `einblicke-${name}`);
      await group.scrollIntoViewIfNeeded();
      await screenshot(page, ARTIFACTS, `offene-fragen-${name}`);
      if (name === '1366') {
        const question = (await group.locator('strong').innerText()).trim();
        await group.getByRole('button', { name: 'Als FAQ anlegen' }).click();
        await page.waitForURL(/\/admin\/content\/faqs\/[0-9a-f-]{36}/);
        await settled(page);
        await screenshot(page, ARTIFACTS, 'faq-entwurf-1366');
        const id = page.url().split('/').pop();
        const faq = await as(token).get(
          `/items/faqs/${id}?fields=status,translations.question,translations.languages_code`,
        );
        expect(faq.body.data.status).toBe('draft');
        expect(faq.body.data.translations).toEqual([{ question, languages_code: 'de' }]);
      }
      expect(w.problems).toEqual([]);
    } finally {
      await context.close();
    }
  }
});
