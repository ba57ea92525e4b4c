/**
 * In a real browser (Debian Chromium), each CarBot role signs in to the Directus admin as a person
 * would: where they land, what their navigation offers, and every collection they can see — list, an
 * item, a new item — plus the file library, with no error notice, toast, console error or failed
 * request on the way. Screenshots of each landing page and one form per role go to
 * tests/artifacts/admin-roles/.
 */
import { join } from 'node:path';
import { ROLE } from '@carbot/core/roles';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { id } from '../../seeds/demo/ids.ts';
import { type Problem, screenshot, settled, signIn, walkRole } from '../support/admin-walk.ts';
import { launchBrowser } from '../support/browser.ts';
import { admin, as, login, qs } from '../support/http.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'admin-roles');
const PASSWORD = 'demo-carbot-2026';
const TENANT = id(1, 'tenant', 1);
const WORKSHOP = id(1, 'workshop', 1);
const BRANDL_WORKSHOP = id(4, 'workshop', 1);

/** What only the platform works with; workshop users and the marketer never see it in their navigation. */
const PLATFORM = ['plans', 'tenants', 'languages', 'site_templates', 'stripe_events'];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // Every collection of the workshop should have a row to open, as it will on a workshop's first day.
  const conversation = await admin().post('/items/conversations', {
    tenant: TENANT,
    workshop: WORKSHOP,
    status: 'handoff',
    language: 'de',
    origin: 'https://autohaus-beispiel.localhost',
  });
  expect(conversation.status, conversation.text).toBe(200);
  const conv = conversation.body.data.id as string;
  for (const [role, content] of [
    ['user', 'Haben Sie am Dienstag einen Termin für den Ölwechsel?'],
    ['assistant', 'Ich gebe Ihre Frage an das Team weiter.'],
  ]) {
    const res = await admin().post('/items/messages', { tenant: TENANT, conversation: conv, role, content });
    expect(res.status, res.text).toBe(200);
  }
  const consent = await admin().post('/items/consents', {
    tenant: TENANT,
    workshop: WORKSHOP,
    conversation: conv,
    purpose: 'lead',
    policy_version: '2026-01',
    granted: true,
    text_shown: 'Ich bin einverstanden, dass die Werkstatt mich kontaktiert.',
  });
  expect(consent.status, consent.text).toBe(200);
  const lead = await admin().post('/items/leads', {
    tenant: TENANT,
    workshop: WORKSHOP,
    conversation: conv,
    consent: consent.body.data.id,
    name: 'Petra Probefahrt',
    phone: '+49 89 1234567',
    car: 'VW Golf VII',
    wish: 'Ölwechsel am Dienstag',
    source: 'widget',
  });
  expect(lead.status, lead.text).toBe(200);
  const key = await admin().post('/items/client_keys', {
    tenant: TENANT,
    workshop: WORKSHOP,
    name: 'Alte Firmenwebsite',
    allowed_origins: ['https://www.autohaus-beispiel.example'],
  });
  expect(key.status, key.text).toBe(200);
});
afterAll(async () => {
  await browser?.close();
});

const roles = [
  { name: 'owner', email: 'owner.beispiel@example.com', landing: '/admin/carbot-start', form: 'services' },
  { name: 'staff', email: 'staff.beispiel@example.com', landing: '/admin/carbot-start', form: 'faqs' },
  { name: 'marketer', email: 'marketing@example.com', landing: '/admin/content/posts', form: 'posts' },
] as const;

const describeProblems = (problems: Problem[]) => problems.map((p) => `${p.where}: ${p.what}`);

describe('every role in the admin', { timeout: 900_000 }, () => {
  test.each(roles)('$name: lands on its page and opens everything it can see without an error', async (role) => {
    // A returning user lands there too, wherever they were last.
    const user = await admin().get(`/users${qs({ filter: { email: { _eq: role.email } }, fields: 'id' })}`);
    await admin().patch(`/users/${user.body.data[0].id}`, { last_page: '/content' });

    const walk = await walkRole(browser, {
      baseUrl: inject('directusUrl'),
      email: role.email,
      password: PASSWORD,
      artifacts: ARTIFACTS,
      name: role.name,
      form: role.form,
    });
    expect(walk.landing).toBe(role.landing);
    for (const platform of PLATFORM) expect(walk.navigation).not.toContain(platform);
    expect(describeProblems(walk.problems)).toEqual([]);
    if (role.name === 'marketer') {
      expect(walk.navigation.sort()).toEqual(['faqs', 'posts']);
      expect(walk.groups[0]).toBe('Website');
    } else {
      const groups = walk.groups.filter((g) => ['Website', 'Chat & Leads', 'Fahrzeuge', 'Einstellungen'].includes(g));
      // "Fahrzeuge" is a group and a collection in it.
      expect([...new Set(groups)]).toEqual(['Website', 'Chat & Leads', 'Fahrzeuge', 'Einstellungen']);
      for (const collection of ['services', 'faqs', 'posts', 'leads', 'conversations', 'vehicles', 'workshops'])
        expect(walk.navigation).toContain(collection);
      for (const collection of ['services', 'leads', 'conversations', 'workshops'])
        expect(walk.visited).toContain(`${collection}:item`);
    }
    expect(walk.visited).toContain('files:list');
  });
});

describe('accounts and their admin', () => {
  test('CarBot accounts are German; platform collections stay readable for the forms that need them', async () => {
    const settings = await admin().get('/settings?fields=default_language');
    expect(settings.body.data.default_language).toBe('de-DE');
    const users = await admin().get(
      `/users${qs({ filter: { role: { _in: [ROLE.owner, ROLE.staff, ROLE.marketer] } }, fields: 'email,language', limit: -1 })}`,
    );
    expect(users.body.data.length).toBeGreaterThan(5);
    expect(users.body.data.filter((u: { language: string | null }) => u.language !== 'de-DE')).toEqual([]);

    const staff = as(await login('staff.beispiel@example.com', PASSWORD));
    expect((await staff.get('/items/site_templates?fields=key')).body.data.length).toBe(5);
    expect((await staff.get('/items/languages?fields=code')).body.data.length).toBeGreaterThan(0);
    const collections = (await staff.get('/collections')).body.data as {
      collection: string;
      meta: { hidden: boolean };
    }[];
    for (const platform of ['plans', 'site_templates', 'languages', 'tenants']) {
      expect(collections.find((c) => c.collection === platform)?.meta.hidden).toBe(true);
    }
    const asAdmin = (await admin().get('/collections')).body.data as {
      collection: string;
      meta: { hidden: boolean };
    }[];
    expect(asAdmin.find((c) => c.collection === 'plans')?.meta.hidden).toBe(false);
    // The file library lists no folders for workshop users (folders belong to no tenant).
    const folders = await staff.get('/folders');
    expect(folders.status).toBe(200);
    expect(folders.body.data).toEqual([]);
  });

  test('a post by staff gets the workshop, a slug from its title, and sorts first while undated', async () => {
    // Oldtimer Brandl has exactly one workshop for the whole suite (other files add locations to other tenants).
    const staff = as(await login('staff.brandl@example.com', PASSWORD));
    const title = `Reifenwechsel im Herbst ${Date.now()}`;
    const created = await staff.post('/items/posts', {
      status: 'draft',
      translations: {
        create: [{ languages_code: { code: 'de' }, title, content: 'Wann die Winterreifen drauf müssen.' }],
      },
    });
    expect(created.status, created.text).toBe(200);
    const post = await staff.get(`/items/posts/${created.body.data.id}?fields=workshop,slug`);
    expect(post.body.data).toEqual({
      workshop: BRANDL_WORKSHOP,
      slug: `reifenwechsel-im-herbst-${title.split(' ').pop()}`,
    });
    const again = await staff.post('/items/posts', {
      status: 'draft',
      translations: [{ languages_code: 'de', title, content: 'Noch einmal.' }],
    });
    expect(again.status, again.text).toBe(200);
    expect((await staff.get(`/items/posts/${again.body.data.id}?fields=slug`)).body.data.slug).toBe(
      `${post.body.data.slug}-2`,
    );
    // The list's default order (schema/presets.ts): undated drafts first, then the newest.
    const list = await staff.get(
      `/items/posts${qs({ sort: '-sort_date,-date_created', fields: 'id,published_at', limit: 3 })}`,
    );
    expect(list.body.data[0].id).toBe(again.body.data.id);
    expect(list.body.data[1].id).toBe(created.body.data.id);
    const dated = await staff.patch(`/items/posts/${again.body.data.id}`, { published_at: '2020-01-01T10:00:00Z' });
    expect(dated.status, dated.text).toBe(200);
    const after = await staff.get(`/items/posts${qs({ sort: '-sort_date,-date_created', fields: 'id', limit: 1 })}`);
    expect(after.body.data[0].id).toBe(created.body.data.id);
  });

  test('the user list of an owner speaks German', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    try {
      await signIn(page, inject('directusUrl'), 'owner.beispiel@example.com', PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/users`);
      await page.getByText('Aktive Benutzer').first().waitFor({ timeout: 90_000 });
      expect(await page.getByText('Eingeladene Benutzer').count()).toBeGreaterThan(0);
      expect(await page.getByText('Active Users').count()).toBe(0);
      await screenshot(page, ARTIFACTS, 'owner-users');
    } finally {
      await context.close();
    }
  });

  test('owner and staff of one workshop see the same checklist, on the API and on their start page', async () => {
    const owner = await as(await login('owner.beispiel@example.com', PASSWORD)).get('/onboarding/checklist');
    const staff = await as(await login('staff.beispiel@example.com', PASSWORD)).get('/onboarding/checklist');
    expect(owner.status).toBe(200);
    expect(staff.body.data.steps).toEqual(owner.body.data.steps);
    // Autohaus Beispiel's website is published: it shows the chat, nothing to embed.
    expect(owner.body.data.steps.find((s: { key: string }) => s.key === 'widget').done).toBe(true);

    const seen: string[] = [];
    for (const email of ['owner.beispiel@example.com', 'staff.beispiel@example.com']) {
      const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      try {
        await signIn(page, inject('directusUrl'), email, PASSWORD);
        await page.locator('.progress').waitFor({ timeout: 90_000 });
        seen.push(await page.locator('.progress').innerText());
        await settled(page);
        await screenshot(page, ARTIFACTS, `${email.split('.')[0]}-start-phone`);
      } finally {
        await context.close();
      }
    }
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toBe(`${owner.body.data.done} von ${owner.body.data.total} Schritten erledigt`);
  });

  test('on a phone the start page is what staff see first, not the menu or the sidebar over it', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await signIn(page, inject('directusUrl'), 'staff.beispiel@example.com', PASSWORD);
      await page.locator('.start .progress').waitFor({ timeout: 90_000 });
      await settled(page);
      expect(await page.locator('.v-overlay.active').filter({ visible: true }).count()).toBe(0);
      // What the middle of the screen shows belongs to the start page.
      const covered = await page.evaluate(() => {
        const hit = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
        return hit?.closest('.start, main, #main-content') ? null : (hit?.className ?? 'nichts');
      });
      expect(covered).toBeNull();
      await screenshot(page, ARTIFACTS, 'staff-start-phone-uncovered');
    } finally {
      await context.close();
    }
  });

  test('a post’s date is picked in a German, Monday-first calendar and saved as picked', async () => {
    const marketer = as(await login('marketing@example.com', PASSWORD));
    const created = await marketer.post('/items/posts', {
      status: 'draft',
      translations: [{ languages_code: 'de', title: `Klimacheck vor dem Sommer ${Date.now()}`, content: 'Text.' }],
    });
    expect(created.status, created.text).toBe(200);
    const context = await browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    try {
      await signIn(page, inject('directusUrl'), 'marketing@example.com', PASSWORD);
      await page.goto(`${inject('directusUrl')}/admin/content/posts/${created.body.data.id}`);
      const field = page.locator('[data-carbot-datetime]').filter({ visible: true }).first();
      await field.waitFor({ timeout: 90_000 });
      await field.locator('[data-calendar-toggle]').click();
      expect(await field.locator('[data-weekday]').allInnerTexts()).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
      const month = await field.locator('[data-calendar-month]').innerText();
      expect(month).toMatch(
        /^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/,
      );
      // The 15th of the month shown, at 09:30.
      const day = field.locator('button[data-date$="-15"]').first();
      const date = (await day.getAttribute('data-date')) as string;
      expect(await day.getAttribute('aria-label')).toMatch(
        /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), 15\. /,
      );
      await day.click();
      await field.locator('[data-calendar-hour]').selectOption('09');
      await field.locator('[data-calendar-minute]').selectOption('30');
      await screenshot(page, ARTIFACTS, 'post-date-picker');
      await field.getByRole('button', { name: 'Fertig' }).click();
      const [d, m, y] = [date.slice(8, 10), date.slice(5, 7), date.slice(0, 4)];
      expect(await field.locator('input.text').inputValue()).toMatch(
        new RegExp(`^[A-Z][a-z]\\., ${d}\\.${m}\\.${y}, 09:30 Uhr$`),
      );
      await page.keyboard.press('Control+s');
      await expect
        .poll(
          async () =>
            (await marketer.get(`/items/posts/${created.body.data.id}?fields=published_at`)).body.data.published_at,
          {
            timeout: 60_000,
          },
        )
        .not.toBeNull();
      const saved = (await marketer.get(`/items/posts/${created.body.data.id}?fields=published_at`)).body.data
        .published_at as string;
      const berlin = new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Berlin',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(saved));
      expect(berlin).toBe(`${date} 09:30`);
    } finally {
      await context.close();
    }
  });
});
