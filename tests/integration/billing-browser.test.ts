/**
 * In a real browser (Debian Chromium): the registration form on the platform site — errors shown field by
 * field with the input kept, then a successful registration — and, in the Directus admin, the owner's
 * "Erste Schritte" and "Abrechnung" pages up to the redirect into Stripe Checkout.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { deliver, makeTenant, PASSWORD, stripeEvent, subscription, unique } from '../support/billing.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin, qs } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';
import { get, startSites } from './sites-support.ts';

const ARTIFACTS = new URL('../artifacts/billing/', import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;

beforeAll(async () => {
  sites = await startSites();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sites?.stop();
});

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('registration form on the platform site', () => {
  test('shows German errors next to the fields, keeps the input, then registers', async () => {
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    try {
      const response = await page.goto(`http://localhost:${sites.port}/registrieren?tarif=premium`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(await page.locator('h1').innerText()).toContain('14 Tage kostenlos testen');
      expect(await axeViolations(page)).toEqual([]);
      // The honeypot is out of sight and out of the tab order.
      const trap = await page.locator('#website').boundingBox();
      expect((trap?.x ?? 0) + (trap?.width ?? 0)).toBeLessThan(0);
      expect(await page.locator('#website').getAttribute('tabindex')).toBe('-1');

      const email = `browser.${unique()}@example.com`;
      const workshop = `Werkstatt im Browser ${unique()}`;
      await page.fill('#workshop_name', workshop);
      await page.fill('#owner_name', 'Bruno Browser');
      await page.fill('#email', email);
      await page.fill('#password', 'kurz');
      await page.fill('#city', 'Bremen');
      await page.check('input[name="template"][value="modern"]');
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);

      const summary = page.locator('.register__errors');
      expect(await summary.getAttribute('role')).toBe('alert');
      expect(await page.locator('#password-error').innerText()).toContain('mindestens 10 Zeichen');
      expect(await page.locator('#terms-error').innerText()).toContain('AGB');
      expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
      expect(await page.inputValue('#workshop_name')).toBe(workshop);
      expect(await page.inputValue('#email')).toBe(email);
      expect(await page.inputValue('#password')).toBe('');
      expect(await page.isChecked('input[name="template"][value="modern"]')).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      await page.fill('#password', 'Ventildeckel-Dichtung-7');
      await page.check('#terms');
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(await page.locator('.register__done').innerText()).toContain('Fast geschafft');
      await waitForMail((m) => m.to.includes(email) && m.subject.includes('bestätigen'));
      const users = await admin().get(
        `/users${qs({ filter: { email: { _eq: email } }, fields: 'tenant.name,status' })}`,
      );
      expect(users.body.data[0]).toEqual({ tenant: { name: workshop }, status: 'unverified' });
    } finally {
      await context.close();
    }
  });
});

async function adminLogin(page: Page, email: string, password: string) {
  await page.goto(`${inject('directusUrl')}/admin/login`);
  await page.fill('input[type="email"]', email);
  await page.fill('input[type="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 90_000 });
}

// The admin app is a large single-page app; its first load in a headless browser takes a while.
/** Signs the browser in with a Directus session cookie, without a detour through the login page. */
async function adminSession(context: BrowserContext, email: string, password: string) {
  const res = await fetch(`${inject('directusUrl')}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, mode: 'session' }),
  });
  const cookie = /directus_session_token=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`Keine Sitzung für ${email}: ${res.status}`);
  await context.addCookies([{ name: 'directus_session_token', value: cookie, url: inject('directusUrl') }]);
}

describe('billing in the Directus admin', { timeout: 240_000 }, () => {
  test('the owner sees plan, trial, usage and plans, and a plan button leads into Stripe Checkout', async () => {
    const t = await makeTenant({ plan: 'premium', stripe_customer_id: null });
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let checkoutUrl: string | null = null;
    await context.route('https://checkout.stripe.test/**', (route) => {
      checkoutUrl = route.request().url();
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Stripe Checkout (Test)</h1>' });
    });
    try {
      await adminSession(context, t.email, PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/carbot-billing`);
      await page.waitForSelector('.plan-name', { timeout: 90_000 });
      expect(await page.locator('.plan-name').innerText()).toBe('Premium');
      expect(await page.locator('.plan-status').innerText()).toBe('Testphase');
      expect(await page.locator('.trial-end').innerText()).toMatch(/\d{1,2}\. \S+ \d{4}/);
      expect(await page.locator('[data-usage="client_keys"]').innerText()).toMatch(/Aktive Widget-Keys\s+0\s+10/);
      expect(await page.locator('[data-usage="leads_per_month"]').innerText()).toContain('unbegrenzt');
      expect(await page.locator('.banner').innerText()).toContain('Testphase');
      const plans = await page.locator('[data-plan]').allInnerTexts();
      expect(plans.join('\n')).toContain('199,00');
      expect(plans.join('\n')).toContain('zzgl. MwSt.');

      await page.click('[data-plan="premium"] button');
      await page.waitForURL(/checkout\.stripe\.test/, { timeout: 15_000 });
      expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    } finally {
      await context.close();
    }
  });

  test('the current plan is marked and never offered again; an error shows next to the button that caused it', async () => {
    // A subscriber whose Stripe customer is missing: the portal cannot open, which the page must say where asked.
    const t = await makeTenant({
      plan: 'premium',
      subscription_status: 'active',
      stripe_subscription_id: `sub_${unique()}`,
      stripe_customer_id: null,
    });
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    try {
      await adminSession(context, t.email, PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/carbot-billing`);
      await page.waitForSelector('[data-plan="premium"]', { timeout: 90_000 });
      const current = page.locator('[data-plan="premium"]');
      expect(await current.getAttribute('aria-current')).toBe('true');
      expect(await current.innerText()).toContain('Ihr aktueller Tarif');
      expect(await current.locator('button').count()).toBe(0);
      expect(await page.locator('[aria-current="true"]').count()).toBe(1);
      expect(await page.locator('[data-plan="enterprise"] button').innerText()).toBe('Zu Enterprise wechseln');

      await page.click('[data-plan="enterprise"] button');
      const error = page.locator('[data-plan="enterprise"] [data-error-for="enterprise"]');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.innerText()).toContain('Es gibt noch kein Abo');
      // Only there: not at the top of the page, not under another button.
      expect(await page.locator('[role="alert"]').count()).toBe(1);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}abrechnung-fehler-am-knopf.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('a payment problem shows as a banner on the billing page and on the start page', async () => {
    const t = await makeTenant({ plan: 'premium', subscription_status: 'active' });
    const now = Math.floor(Date.now() / 1000);
    const sub = subscription(t, {
      id: `sub_${unique()}`,
      status: 'past_due',
      periodStart: now - 2 * 86_400,
      periodEnd: now + 28 * 86_400,
    });
    expect((await deliver(stripeEvent('customer.subscription.updated', sub, now))).status).toBe(200);
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await adminSession(context, t.email, PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/carbot-billing`);
      await page.waitForSelector('.banner', { timeout: 90_000 });
      expect(await page.locator('.banner').innerText()).toContain('Zahlung ist fehlgeschlagen');
      expect(await page.locator('.plan-status').innerText()).toBe('Zahlung offen');
      expect(await page.getByText('Kundenportal öffnen').count()).toBe(1);

      await page.goto(`${inject('directusUrl')}/admin/carbot-start`);
      await page.waitForSelector('[data-step]', { timeout: 90_000 });
      // The banner comes from its own request and may appear after the checklist.
      await page.getByText('Zahlung ist fehlgeschlagen').waitFor({ timeout: 30_000 });
      expect(await page.getByText('Zahlung ist fehlgeschlagen').count()).toBe(1);
      expect(await page.locator('[data-step]').count()).toBe(6);
    } finally {
      await context.close();
    }
  });

  test('a new owner lands on "Erste Schritte" after the first login', async () => {
    const t = await makeTenant({ plan: 'basic' });
    await admin().patch(`/users/${t.userId}`, { last_page: '/carbot-start' });
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await adminLogin(page, t.email, PASSWORD);
      await page.waitForURL(/\/admin\/carbot-start/, { timeout: 90_000 });
      await page.waitForSelector('[data-step]', { timeout: 90_000 });
      const steps = await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
      // Basic has no website, so there is nothing to publish.
      expect(steps).toEqual(['services', 'hours', 'faq', 'legal', 'widget']);
      expect(await page.getByText('0 von 5 Schritten erledigt').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('draft preview button on the workshop form', { timeout: 240_000 }, () => {
  test('opens the website with drafts in a new tab; a new workshop asks to save first', async () => {
    const t = await makeTenant({ plan: 'premium', subscription_status: 'active' });
    const name = `Entwurfswerkstatt ${unique()}`;
    const created = await admin().post('/items/workshops', {
      tenant: t.id,
      name,
      slug: `entwurf-${unique()}`,
      status: 'draft',
      template: 'klassisch',
      languages: ['de'],
    });
    expect(created.status, created.text).toBe(200);
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await adminSession(context, t.email, PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/content/workshops/${created.body.data.id}`);
      const button = page.getByRole('button', { name: 'Website-Vorschau öffnen (mit Entwürfen)' });
      await button.waitFor({ timeout: 90_000 });
      expect(await page.getByText('eine Stunde gültig').count()).toBe(1);
      // On a loaded machine the new tab can take a while: wait for it as long as for the admin itself.
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 120_000 }), button.click()]);
      await tab.waitForURL(/\?preview=/, { timeout: 120_000 });
      await tab.waitForLoadState();
      expect(await tab.locator('body').innerText()).toContain(name);
      expect(await tab.evaluate(() => window.opener)).toBeNull();
      // The link also stays on the form, for a browser that blocked the new tab.
      expect(await page.getByRole('link', { name: 'Vorschau hier öffnen' }).getAttribute('href')).toBe(tab.url());

      await page.goto(`${inject('directusUrl')}/admin/content/workshops/+`);
      await page
        .getByText('Bitte zuerst speichern – danach können Sie die Website-Vorschau öffnen.')
        .waitFor({ timeout: 90_000 });
      expect(await button.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the website while payment is open', () => {
  async function publishedSite(days: number | null) {
    const t = await makeTenant({ plan: 'premium', subscription_status: 'active' });
    const slug = `zahlung-${unique()}`;
    const name = `Werkstatt Sonnenschein ${unique()}`;
    const res = await admin().post('/items/workshops', {
      tenant: t.id,
      name,
      slug,
      status: 'published',
      template: 'klassisch',
      languages: ['de'],
    });
    expect(res.status, res.text).toBe(200);
    if (days !== null) {
      const now = Math.floor(Date.now() / 1000);
      const sub = subscription(t, {
        id: `sub_${unique()}`,
        status: 'past_due',
        periodStart: now - days * 86_400,
        periodEnd: now + (30 - days) * 86_400,
      });
      expect((await deliver(stripeEvent('customer.subscription.updated', sub, now))).status).toBe(200);
    }
    return { host: `${slug}.localhost`, name };
  }

  test.each([
    [null, 200],
    [3, 200],
    [8, 503],
  ])('payment open for %s days: %i', async (days, status) => {
    const { host, name } = await publishedSite(days);
    const page = await get(sites.port, host, '/');
    expect(page.status).toBe(status);
    expect(page.body).toContain(name);
    if (status === 503) {
      expect(page.body).toContain('vorübergehend nicht erreichbar');
      expect(page.body).not.toMatch(/Zahlung|Abo|Stripe/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['retry-after']).toBe('3600');
    }
  });
});
