/**
 * The five templates in a real browser, on a phone (390×844) and a laptop (1366×768): each home page is
 * its own design (section order, typefaces from our own origin, audience sections), axe-clean, with a
 * menu that opens and closes, the phone number one tap away, a consent banner of at most a quarter of
 * the phone screen and the chat launcher in the template's colour. Photos uploaded for the gallery come
 * back as responsive images through our own image route. Screenshots of every template and of the demo
 * workshops: tests/artifacts/templates/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { admin, as } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';
import { workshopId } from './sites-fixtures.ts';
import { ensureTemplateWorkshops, get, startSites, TEMPLATES, templateSlug } from './sites-support.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'templates');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;
/** The templates' own colours (seeds/base), which the fixtures' workshops do not override. */
const TEMPLATE_COLOR: Record<string, string> = {
  klassisch: 'rgb(30, 58, 95)',
  modern: 'rgb(185, 28, 28)',
  premium: 'rgb(26, 26, 26)',
  elektro: 'rgb(4, 120, 87)',
  oldtimer: 'rgb(124, 45, 18)',
};

let sites: Awaited<ReturnType<typeof startSites>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await ensureTemplateWorkshops();
  sites = await startSites();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await sites?.stop();
});

const url = (host: string, path = '/') => `http://${host}:${sites.port}${path}`;

/** A page that lets only the site's own host through and records every request. */
async function open(viewport: { width: number; height: number }, options: { bypassCSP?: boolean } = {}) {
  const context = await browser.newContext({ locale: 'de-DE', viewport, ...options });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    requests.push(target.href);
    return target.hostname.endsWith('localhost') ? route.continue() : route.abort();
  });
  return { context, page: await context.newPage(), requests };
}

async function axe(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error injected above
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** The home page's structure: its sections in order, by their classes. */
const structure = (page: Page) => page.$$eval('main > section, main > nav', (nodes) => nodes.map((n) => n.className));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });

/** Closes the consent banner the way a visitor does, so the screenshot shows the page. */
async function decline(page: Page) {
  const banner = page.getByRole('region', { name: 'Ihre Privatsphäre' });
  await expect.poll(() => banner.isVisible()).toBe(true);
  await banner.getByRole('button', { name: 'Nur notwendige' }).click();
}

describe('the gallery: photos from the admin, as responsive images', () => {
  const OLDTIMER = workshopId(TEMPLATES.indexOf('oldtimer'));
  const host = `${templateSlug('oldtimer')}.localhost`;

  test('published restoration photos appear on the oldtimer home page; drafts do not', async () => {
    // Pictures to upload: the drawn scenes of three templates, as the browser renders them.
    const { context, page } = await open({ width: 1366, height: 768 });
    const pictures: Buffer[] = [];
    try {
      for (const template of ['oldtimer', 'klassisch', 'premium']) {
        await page.goto(url(`${templateSlug(template)}.localhost`));
        pictures.push(await page.locator('.hero__art').screenshot());
      }
    } finally {
      await context.close();
    }
    const existing = await admin().get(`/items/workshop_photos?filter[workshop][_eq]=${OLDTIMER}&fields=id`);
    if ((existing.body?.data ?? []).length === 0) {
      for (const [i, picture] of pictures.entries()) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(picture)], { type: 'image/png' }), `restaurierung-${i}.png`);
        const file = await admin().post('/files', form);
        expect(file.status, file.text).toBe(200);
        const created = await admin().post('/items/workshop_photos', {
          workshop: OLDTIMER,
          image: file.body.data.id,
          kind: 'restaurierung',
          status: i === 2 ? 'draft' : 'published',
          caption: `Restaurierung ${i + 1}`,
          sort: i,
        });
        expect(created.status, created.text).toBe(200);
      }
    }
    await expect
      .poll(async () => ((await get(sites.port, host, '/')).body.match(/class="gallery__item"/g) ?? []).length, {
        timeout: 20_000,
      })
      .toBe(2);
    const html = (await get(sites.port, host, '/')).body;
    expect(html).toContain('Restaurierung 1');
    expect(html).not.toContain('Restaurierung 3');
    const img = html.match(/<li class="gallery__item">.*?<img ([^>]+)>/s)?.[1] ?? '';
    expect(img).toMatch(/srcset="\/_carbot\/img\/[^"]+ 320w, /);
    expect(img).toContain('loading="lazy"');
    expect(img).toMatch(/width="640" height="480"/);
    const src = img.match(/(?:^|\s)src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const avif = await get(sites.port, host, src, { headers: { accept: 'image/avif,image/webp,*/*' } });
    expect(avif.status).toBe(200);
    expect(avif.headers['content-type']).toBe('image/avif');
    const webp = await get(sites.port, host, src, { headers: { accept: 'image/webp,*/*' } });
    expect(webp.headers['content-type']).toBe('image/webp');
  });
});

describe('trust: testimonials with source and date, offers that end by themselves', () => {
  const KLASSISCH = workshopId(TEMPLATES.indexOf('klassisch'));
  const host = `${templateSlug('klassisch')}.localhost`;
  const offersShown = async () => {
    const body = (await get(sites.port, host, '/')).body;
    return [...body.matchAll(/<h3 class="offer__title">([^<]+)<\/h3>/g)].map((m) => m[1]);
  };

  test('a testimonial shows its source and date; a running offer shows, an expired one never', async () => {
    const post = (collection: string, row: Record<string, unknown>) =>
      admin().post(`/items/${collection}`, { workshop: KLASSISCH, status: 'published', ...row });
    const existing = await admin().get(`/items/testimonials?filter[workshop][_eq]=${KLASSISCH}&fields=id`);
    if ((existing.body?.data ?? []).length === 0) {
      expect(
        (
          await post('testimonials', {
            author: 'Sabine K.',
            quote: 'Schnell, ehrlich und fair – seit Jahren unsere Werkstatt.',
            source: 'Google-Bewertung',
            given_at: '2026-09-14T10:00:00Z',
            rating: 5,
          })
        ).status,
      ).toBe(200);
      expect(
        (await post('offers', { title: 'Klimacheck zum Sommerstart', price: 49, valid_until: '2099-06-30T21:59:00Z' }))
          .status,
      ).toBe(200);
      expect(
        (await post('offers', { title: 'Wintercheck 2025', price: 29, valid_until: '2025-12-31T22:59:00Z' })).status,
      ).toBe(200);
    }
    await expect.poll(offersShown, { timeout: 20_000 }).toEqual(['Klimacheck zum Sommerstart']);
    const body = (await get(sites.port, host, '/')).body;
    expect(body).toContain('Schnell, ehrlich und fair');
    expect(body).toContain('Google-Bewertung');
    expect(body).toContain('<time datetime="2026-09-14T10:00:00.000Z">14. September 2026</time>');
    expect(body).toContain('5 von 5 Sternen');
    // The Sites token itself never sees an expired offer.
    const visible = await as(inject('sitesToken')).get(`/items/offers?filter[workshop][_eq]=${KLASSISCH}&fields=title`);
    expect(visible.body.data.map((o: { title: string }) => o.title)).toEqual(['Klimacheck zum Sommerstart']);
  });

  test('an offer disappears from the cached page when it ends, without anyone saving anything', async () => {
    const soon = new Date(Date.now() + 4000).toISOString();
    const created = await admin().post('/items/offers', {
      workshop: KLASSISCH,
      status: 'published',
      title: 'Nur noch heute: Reifenwechsel',
      valid_until: soon,
    });
    expect(created.status).toBe(200);
    await expect.poll(offersShown, { timeout: 20_000 }).toContain('Nur noch heute: Reifenwechsel');
    // Served from the cache now …
    expect((await get(sites.port, host, '/')).headers['x-carbot-cache']).toBe('hit');
    // … until the offer's end, which the cache knew: no purge comes.
    await expect.poll(offersShown, { timeout: 20_000, interval: 250 }).not.toContain('Nur noch heute: Reifenwechsel');
    expect((await get(sites.port, host, '/')).headers['x-carbot-expires']).toBeUndefined();
  });
});

describe.each(VIEWPORTS)('every template at $width×$height', (viewport) => {
  const structures = new Map<string, string[]>();
  const headingFonts = new Map<string, string>();

  test.each(TEMPLATES)('%s: own home page, own typefaces from our origin, axe clean', async (template) => {
    const { context, page, requests } = await open(viewport, { bypassCSP: true });
    try {
      await page.goto(url(`${templateSlug(template)}.localhost`), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      expect(await axe(page)).toEqual([]);
      const heading = await page.$eval('h1', (h) => getComputedStyle(h).fontFamily.split(',')[0] ?? '');
      expect(await page.evaluate((family) => document.fonts.check(`16px ${family}`), heading)).toBe(true);
      const fonts = requests.filter((r) => r.endsWith('.woff2'));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => new URL(f).hostname === `${templateSlug(template)}.localhost`)).toBe(true);
      structures.set(template, await structure(page));
      headingFonts.set(template, heading);
      await decline(page);
      await shot(page, `${template}-${viewport.name}`);
    } finally {
      await context.close();
    }
  });

  test('five different home pages and five different heading typefaces', () => {
    const orders = TEMPLATES.map((t) => structures.get(t)?.join(' > '));
    expect(new Set(orders).size).toBe(TEMPLATES.length);
    expect(new Set(TEMPLATES.map((t) => headingFonts.get(t))).size).toBe(TEMPLATES.length);
    // The audience sections: EV facts, the oldtimer's history, the premium packages and brands.
    const has = (template: string, cls: string) =>
      (structures.get(template) ?? []).some((c) => c.split(' ').includes(cls));
    expect(has('elektro', 'ev')).toBe(true);
    expect(has('oldtimer', 'history')).toBe(true);
    expect(has('oldtimer', 'gallery')).toBe(true);
    expect(has('premium', 'brands')).toBe(true);
    expect(has('premium', 'home-services--packages')).toBe(true);
    expect(has('modern', 'quick')).toBe(true);
  });
});

describe('phone first (390×844)', () => {
  test.each(TEMPLATES)(
    '%s: call in one tap, a real menu, a small consent banner, launcher in the template colour',
    async (template) => {
      const { context, page } = await open({ width: 390, height: 844 });
      try {
        await page.goto(url(`${templateSlug(template)}.localhost`, '/leistungen'));
        const banner = page.getByRole('region', { name: 'Ihre Privatsphäre' });
        await expect.poll(() => banner.isVisible()).toBe(true);
        expect((await banner.boundingBox())?.height).toBeLessThanOrEqual(844 / 4);

        const call = page.getByRole('link', { name: 'Anrufen', exact: true });
        expect(await call.getAttribute('href')).toBe('tel:+493023125000');
        const box = await call.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
        // Still there after scrolling down: the header stays.
        await page.mouse.wheel(0, 2000);
        await expect.poll(async () => (await call.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
        await expect.poll(async () => (await call.boundingBox())?.y ?? 1e4).toBeLessThan(100);

        const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
        const menu = page.getByRole('button', { name: 'Menü' });
        expect(await nav.isVisible()).toBe(false);
        await menu.click();
        expect(await nav.isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Menü schließen' }).getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Escape');
        expect(await nav.isVisible()).toBe(false);

        const launcher = page.getByRole('button', { name: 'Chat öffnen' });
        await expect.poll(() => launcher.count()).toBe(1);
        const color = await launcher.evaluate((b) => getComputedStyle(b).backgroundColor);
        expect(color).toBe(TEMPLATE_COLOR[template]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('the contact form: a lead with consent, mailed to the workshop', () => {
  const host = `${templateSlug('modern')}.localhost`;

  test('a visitor on the phone sends an enquiry; mistakes are named at their fields', async () => {
    const { context, page } = await open({ width: 390, height: 844 });
    try {
      await page.goto(url(host, '/kontakt'));
      await decline(page);
      const form = page.getByRole('region', { name: 'Schreiben Sie uns' });
      await form.getByLabel('Name').fill('Jana Formular');
      await form.getByRole('button', { name: 'Anfrage senden' }).click();
      // No phone, no e-mail, no consent: the form comes back with what is missing, filled in as before.
      await expect
        .poll(() => page.getByText('Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an.').count())
        .toBe(1);
      expect(await page.getByText('Bitte stimmen Sie der Kontaktaufnahme zu').count()).toBe(1);
      expect(await form.getByLabel('Name').inputValue()).toBe('Jana Formular');
      await shot(page, 'kontaktformular-fehler-phone');
      await form.getByLabel('Telefon').fill('030 555 1234');
      await form.getByLabel('Ihre Nachricht').fill('Klimacheck vor dem Urlaub?');
      await form.getByRole('checkbox').check();
      await form.getByRole('button', { name: 'Anfrage senden' }).click();
      await expect.poll(() => page.getByText('Vielen Dank – Ihre Anfrage ist angekommen.').count()).toBe(1);
      await shot(page, 'kontaktformular-gesendet-phone');
    } finally {
      await context.close();
    }
    const leads = await admin().get(
      '/items/leads?filter[name][_eq]=Jana Formular&fields=source,phone,wish,workshop,consent.purpose,consent.granted,consent.text_shown',
    );
    expect(leads.body.data).toEqual([
      expect.objectContaining({
        source: 'website',
        phone: '030 555 1234',
        wish: 'Klimacheck vor dem Urlaub?',
        workshop: workshopId(TEMPLATES.indexOf('modern')),
        consent: expect.objectContaining({ purpose: 'lead_contact', granted: true }),
      }),
    ]);
    expect(leads.body.data[0].consent.text_shown).toContain('Testwerkstatt modern');
    const mail = await waitForMail((m) => m.subject === 'Website-Anfrage: Jana Formular', 20_000);
    expect(mail.to).toContain('modern@example.com');
    expect(mail.text).toContain('Telefon: 030 555 1234');
  });

  test('only the site server may hand in an enquiry, and only for a published workshop', async () => {
    const body = { workshop: workshopId(0), form: { name: 'Max', phone: '030 1234567', consent: 'ja' } };
    expect((await as(null).post('/carbot-site/contact', body)).status).toBe(403);
    const sitesToken = as(inject('sitesToken'));
    expect((await sitesToken.post('/carbot-site/contact', { ...body, workshop: 'kein-uuid' })).status).toBe(400);
    const refused = await sitesToken.post('/carbot-site/contact', { ...body, form: { name: 'Max' } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Telefonnummer oder E-Mail-Adresse');
    // A workshop the Sites token cannot see (draft) gets nothing.
    const draft = (await admin().get('/items/workshops?filter[status][_eq]=draft&limit=1&fields=id')).body.data[0];
    expect((await sitesToken.post('/carbot-site/contact', { ...body, workshop: draft.id })).status).toBe(404);
  });

  test('a bot that fills the hidden field is thanked, and nothing is stored', async () => {
    const res = await get(sites.port, `${host}:${sites.port}`, '/kontakt', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://${host}:${sites.port}` },
      body: 'name=Bot+Botson&phone=0301234567&consent=ja&website=http%3A%2F%2Fspam.example',
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Vielen Dank');
    expect((await admin().get('/items/leads?filter[name][_eq]=Bot Botson')).body.data).toEqual([]);
  });
});

describe('the demo workshops as their owners see them', () => {
  test.each([
    ['klassisch', 'kfz-schneider.localhost'],
    ['modern', 'emobil-bonn.localhost'],
    ['premium', 'autohaus-beispiel.localhost'],
    ['elektro', 'emobil-koeln.localhost'],
  ])('%s (%s) on phone and laptop', async (template, host) => {
    for (const viewport of VIEWPORTS) {
      const { context, page } = await open(viewport);
      try {
        await page.goto(url(host), { waitUntil: 'load' });
        expect(await page.getAttribute('html', 'data-template')).toBe(template);
        await page.evaluate(() => document.fonts.ready);
        await decline(page);
        await shot(page, `demo-${host.split('.')[0]}-${viewport.name}`);
      } finally {
        await context.close();
      }
    }
  });
});
