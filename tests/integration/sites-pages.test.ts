/**
 * Every page type of every template is valid HTML (html-validate) with the SEO essentials: canonical on the
 * tenant's own origin, hreflang alternates with x-default, JSON-LD; plus sitemap.xml, robots.txt and RSS.
 */
import { createServer } from 'node:net';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { netPriceLabel } from '../../core/src/billing/plans.ts';
import { TERMS_VERSION, termsLabel } from '../../core/src/onboarding/terms.ts';
import { makeTenant, unique } from '../support/billing.ts';
import { admin } from '../support/http.ts';
import {
  ensureTemplateWorkshops,
  get,
  PAGE_TYPES,
  PLATFORM_PAGE_TYPES,
  startSites,
  TEMPLATES,
  templateSlug,
} from './sites-support.ts';

let sites: Awaited<ReturnType<typeof startSites>>;
beforeAll(async () => {
  await ensureTemplateWorkshops();
  sites = await startSites();
});
afterAll(() => sites?.stop());

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Per-workshop colours are CSS custom properties on <html>; CSP allows inline styles, not scripts.
    'no-inline-style': 'off',
    // role="list" restores list semantics that Safari drops for lists styled with list-style: none.
    'no-redundant-role': 'off',
  },
});

const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''));

const cases = TEMPLATES.flatMap((template) => PAGE_TYPES.map(([type, path]) => [template, type, path] as const));

describe('valid HTML on every page type of every template', () => {
  test.each(cases)('%s: %s', async (template, type, path) => {
    const host = `${templateSlug(template)}.localhost`;
    const res = await get(sites.port, host, path);
    expect(res.status).toBe(type === '404' ? 404 : 200);
    const report = await validator.validateString(res.body);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.line}:${m.column})`),
    );
    expect(messages).toEqual([]);
    expect(res.body).toContain(`data-template="${template}"`);
  });

  test.each(PLATFORM_PAGE_TYPES)('platform: %s (%s)', async (_type, path) => {
    const res = await get(sites.port, 'localhost', path);
    expect(res.status).toBe(200);
    const report = await validator.validateString(res.body);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('SEO', () => {
  const host = `${templateSlug('modern')}.localhost`;

  test('canonical, hreflang alternates with x-default, lang attribute and Open Graph', async () => {
    const { body } = await get(sites.port, host, '/en/leistungen');
    expect(body).toContain('<html lang="en"');
    expect(body).toContain(`<link rel="canonical" href="http://${host}/en/leistungen">`);
    for (const lang of ['de', 'en', 'tr', 'pl']) {
      const href = lang === 'de' ? `http://${host}/leistungen` : `http://${host}/${lang}/leistungen`;
      expect(body).toContain(`<link rel="alternate" hreflang="${lang}" href="${href}">`);
    }
    expect(body).toContain(`<link rel="alternate" hreflang="x-default" href="http://${host}/leistungen">`);
    expect(body).toContain('<meta property="og:title" content="Services">');
    expect(body).toContain('Oil change');
    // No English translation of the second service: German is shown instead of nothing.
    expect(body).toContain('HU/AU');
  });

  test('the canonical origin is the custom domain when the plan includes one', async () => {
    const { body } = await get(sites.port, `${templateSlug('klassisch')}.localhost`, '/faq');
    expect(body).toContain('<link rel="canonical" href="https://www.vorlage-klassisch.example/faq">');
  });

  test('JSON-LD: AutoRepair with address, geo, phone, opening hours and price range', async () => {
    const { body } = await get(sites.port, host, '/');
    const business = jsonLd(body).find((d) => d['@type'] === 'AutoRepair');
    expect(business).toMatchObject({
      name: 'Testwerkstatt modern',
      telephone: '+49 30 23125-000',
      priceRange: '89 € – 149 €',
      address: { streetAddress: 'Teststraße 1', postalCode: '10115', addressLocality: 'Berlin', addressCountry: 'DE' },
      geo: { latitude: 52.53, longitude: 13.38 },
    });
    expect(business.openingHoursSpecification).toHaveLength(5);
  });

  test.each([
    ['/faq', 'FAQPage'],
    ['/blog/reifenwechsel-tipps', 'BlogPosting'],
    ['/blog/reifenwechsel-tipps', 'BreadcrumbList'],
    ['/kontakt', 'AutoRepair'],
  ])('%s has %s', async (path, type) => {
    const { body } = await get(sites.port, host, path);
    expect(jsonLd(body).map((d) => d['@type'])).toContain(type);
  });

  test('sitemap.xml lists every page in every language with alternates', async () => {
    const res = await get(sites.port, host, '/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    for (const path of ['/', '/leistungen', '/en/leistungen', '/pl/kontakt', '/tr/blog/reifenwechsel-tipps']) {
      expect(res.body).toContain(`<loc>http://${host}${path}</loc>`);
    }
    expect(res.body).toContain('hreflang="x-default"');
    expect(res.body).not.toContain('/fahrzeuge');
  });

  test('the booking page is in the navigation and the sitemap of every language where booking is on, nowhere else', async () => {
    const mainNav = (html: string) => /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const sitemap = (await get(sites.port, host, '/sitemap.xml')).body;
    for (const [lang, label] of [
      ['de', '>Termin<'],
      ['en', '>Booking<'],
      ['tr', '>Randevu<'],
      ['pl', '>Wizyta<'],
    ]) {
      const path = lang === 'de' ? '/termin' : `/${lang}/termin`;
      expect(sitemap).toContain(`<loc>http://${host}${path}</loc>`);
      const nav = mainNav((await get(sites.port, host, lang === 'de' ? '/' : `/${lang}/`)).body);
      expect(nav).toContain(`href="${path}"`);
      expect(nav).toContain(label);
    }
    // Kfz Schneider takes no online bookings: no link, no entry, no page.
    const off = 'kfz-schneider.localhost';
    expect((await get(sites.port, off, '/sitemap.xml')).body).not.toContain('/termin');
    expect(mainNav((await get(sites.port, off, '/')).body)).not.toContain('/termin');
    expect((await get(sites.port, off, '/termin')).status).toBe(404);
  });

  test('a manage link that is spent or unknown answers with a German page and the way on, not an error', async () => {
    const res = await get(sites.port, host, '/termin?termin=00000000-0000-4000-8000-000000000000&token=abc.def');
    expect(res.status).toBeLessThan(500);
    expect(res.body).toContain('Dieser Link ist ungültig oder wurde schon benutzt.');
    expect(res.body).toMatch(/<a class="button" href="\/termin"[^>]*>Termin buchen<\/a>/);
    expect(res.body).toContain('href="tel:+493023125000"');
  });

  test('robots.txt points at the tenant’s own sitemap', async () => {
    const res = await get(sites.port, host, '/robots.txt');
    expect(res.body).toContain(`Sitemap: http://${host}/sitemap.xml`);
  });

  test('RSS feed of the blog, per language', async () => {
    const de = await get(sites.port, host, '/blog/rss.xml');
    expect(de.headers['content-type']).toContain('application/rss+xml');
    expect(de.body).toContain('<title>Tipps zum Reifenwechsel</title>');
    const en = await get(sites.port, host, '/en/blog/rss.xml');
    expect(en.body).toContain('<title>Tyre change tips</title>');
    expect((await get(sites.port, 'kfz-schneider.localhost', '/tr/blog/rss.xml')).status).toBe(404);
  });

  test('Impressum has the § 5 DDG data and no TMG wording or EU dispute link', async () => {
    const { body } = await get(sites.port, host, '/impressum');
    for (const text of [
      '§ 5 DDG',
      'Handwerkskammer Berlin',
      'Amtsgericht Charlottenburg',
      'HRB 000000',
      'DE000000000',
      'Erika Mustermann',
    ]) {
      expect(body).toContain(text);
    }
    expect(body).not.toMatch(/TMG|Telemediengesetz|ec\.europa\.eu\/consumers\/odr/);
  });

  test('services show prices, "ab" prices and durations', async () => {
    const body = (await get(sites.port, host, '/leistungen')).body.replaceAll('\u00a0', ' ');
    expect(body).toContain('ab 89 €');
    expect(body).toContain('149 €');
    expect(body).toContain('Dauer ca. 45 Min.');
    expect(body).toContain('Dauer ca. 2 Std.');
  });

  test('vehicles: list with filters and a detail page, only where the workshop has vehicles', async () => {
    const list = await get(sites.port, 'autohaus-beispiel.localhost', '/fahrzeuge');
    expect(list.status).toBe(200);
    const all = (list.body.match(/class="vehicle-card"/g) ?? []).length;
    expect(all).toBeGreaterThan(10);
    const diesel = await get(sites.port, 'autohaus-beispiel.localhost', '/fahrzeuge?fuel=diesel');
    const dieselCount = (diesel.body.match(/class="vehicle-card"/g) ?? []).length;
    expect(dieselCount).toBeGreaterThan(0);
    expect(dieselCount).toBeLessThan(all);
    const detail = /href="(\/fahrzeuge\/[0-9a-f-]{36})"/.exec(list.body)?.[1];
    expect((await get(sites.port, 'autohaus-beispiel.localhost', String(detail))).status).toBe(200);
    expect((await get(sites.port, host, '/fahrzeuge')).status).toBe(404);
  });

  test('blog pagination: a page beyond the last is 404', async () => {
    expect((await get(sites.port, host, '/blog/seite/2')).status).toBe(404);
  });

  test('platform pricing comes from plans, net with "zzgl. MwSt."', async () => {
    const body = (await get(sites.port, 'localhost', '/preise')).body.replaceAll('\u00a0', ' ');
    expect(body).toContain('49 €');
    expect(body).toContain('99 €');
    expect(body).toContain('199 €');
    expect(body).toContain('zzgl. MwSt.');
    expect(body).toContain('href="/registrieren"');
  });

  test('the platform AGB show the version the registration form asks to accept', async () => {
    const agb = await get(sites.port, 'localhost', '/agb');
    const form = await get(sites.port, 'localhost', '/registrieren');
    expect(agb.status).toBe(200);
    expect(termsLabel()).toContain(TERMS_VERSION);
    expect(agb.body).toContain(termsLabel());
    expect(form.body).toContain(`(${termsLabel()})`);
    expect(form.body).toContain(`name="terms_version" value="${TERMS_VERSION}"`);
    // Reading the AGB from the form opens a new tab, so nothing typed is lost.
    expect(form.body).toContain('<a href="/agb" target="_blank" rel="noopener"');
  });

  test('the platform AGB name the provider of the Impressum and take prices from plans', async () => {
    const imprint = (await get(sites.port, 'localhost', '/impressum')).body;
    const provider = /<h2>Angaben gemäß § 5 DDG<\/h2>\s*<p>([^<]+)<\/p>/.exec(imprint)?.[1];
    expect(provider).toBeTruthy();
    const body = (await get(sites.port, 'localhost', '/agb')).body.replaceAll('\u00a0', ' ');
    expect(body).toContain(`<p>${provider}</p>`);
    for (const text of ['§ 14 BGB', 'Art. 28 DSGVO', '7 Tage', '14 Tage', 'href="/preise"', 'href="/impressum"']) {
      expect(body).toContain(text);
    }
    for (const price_net of [49, 99, 199]) {
      expect(body).toContain(netPriceLabel({ price_net }).replaceAll('\u00a0', ' '));
    }
  });

  test('the platform links its AGB in the footer and lists them in its sitemap', async () => {
    for (const path of ['/', '/preise', '/impressum']) {
      expect((await get(sites.port, 'localhost', path)).body).toContain('<a href="/agb">AGB</a>');
    }
    const sitemap = await get(sites.port, 'localhost', '/sitemap.xml');
    expect(sitemap.body).toMatch(/<loc>http:\/\/localhost(:\d+)?\/agb<\/loc>/);
  });
});

describe('own legal texts', () => {
  test('a workshop’s own AGB replace the generated ones, escaped and valid; the privacy policy stays generated', async () => {
    const tenant = await makeTenant({ plan: 'premium', subscription_status: 'active' });
    const slug = `eigene-agb-${unique()}`;
    const created = await admin().post('/items/workshops', {
      tenant: tenant.id,
      name: 'Kfz-Meister Eigen',
      slug,
      status: 'published',
      template: 'klassisch',
      languages: ['de'],
    });
    expect(created.status, created.text).toBe(200);
    const host = `${slug}.localhost`;
    expect((await get(sites.port, host, '/agb')).body).toContain('§ 1 Geltungsbereich');

    const terms = '§ 1 Auftrag\nVom Anwalt geprüft.\nZweite Zeile.\n\n# Haftung\n<b>nicht fett</b> & „sicher“';
    const saved = await admin().patch(`/items/workshops/${created.body.data.id}`, { terms_text: terms });
    expect(saved.status, saved.text).toBe(200);
    // The save purges the tenant's cached pages through the hook; the purge arrives just after the save.
    let page = await get(sites.port, host, '/agb');
    for (let i = 0; i < 100 && !page.body.includes('Vom Anwalt geprüft.'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      page = await get(sites.port, host, '/agb');
    }
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h2>§ 1 Auftrag</h2>');
    expect(page.body).toContain('<p>Vom Anwalt geprüft.<br>Zweite Zeile.</p>');
    expect(page.body).toContain('<h2>Haftung</h2>');
    expect(page.body).toContain('&lt;b&gt;nicht fett&lt;/b&gt; &amp; „sicher“');
    expect(page.body).not.toContain('<b>nicht fett</b>');
    expect(page.body).not.toContain('§ 1 Geltungsbereich');
    const report = await validator.validateString(page.body);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);

    expect((await get(sites.port, host, '/datenschutz')).body).toContain('1. Verantwortlicher');
  });
});

describe('privacy policy and the chat’s language model', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });

  test('without a language model it says no AI service is involved', async () => {
    const page = await get(sites.port, 'autohaus-beispiel.localhost', '/datenschutz');
    expect(page.body.replace(/\s+/g, ' ')).toContain('ein externer KI-Dienst ist nicht beteiligt');
    expect(page.body).not.toContain('OpenAI');
  });

  test('with OpenAI configured it names OpenAI as processor and the transfer basis', async () => {
    const port = await freePort();
    const other = await startSites({ PORT: String(port), CARBOT_LLM_ENDPOINT: 'https://api.openai.com/v1' });
    try {
      const text = (await get(port, 'autohaus-beispiel.localhost', '/datenschutz')).body.replace(/\s+/g, ' ');
      expect(text).toContain('an OpenAI Ireland Ltd.');
      expect(text).toContain('weiterer Auftragsverarbeiter (Art. 28 DSGVO)');
      expect(text).toContain('nicht zum Training von KI-Modellen');
      expect(text).toContain('Data Privacy Framework');
    } finally {
      await other.stop();
    }
  });
});
