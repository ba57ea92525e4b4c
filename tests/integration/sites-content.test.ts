/**
 * What an owner's day-one edits do to the live site, through the built site server and the Sites token:
 * uploaded images (logo, hero, post and vehicle images) load on every page; posts and FAQs without a
 * workshop show on all of the tenant's sites and nowhere else; pages that would be empty are left out;
 * badges only as ticked; opening hours as the admin stores them; hosts without a site get the styled 404.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login } from '../support/http.ts';
import { png } from '../support/png.ts';
import { TEST_TENANT } from './sites-fixtures.ts';
import { BASIC_WORKSHOP, ensureTemplateWorkshops, get, PAGE_TYPES, startSites, templateSlug } from './sites-support.ts';

const PASSWORD = 'demo-carbot-2026';
const [, schneider, emobil] = tenants;
const KOELN = String(emobil?.workshops[0]?.id);
const BONN = String(emobil?.workshops[1]?.id);
const EMOBIL_TENANT = String(emobil?.tenant.id);
const KOELN_HOST = `${emobil?.workshops[0]?.slug}.localhost`;
const BONN_HOST = `${emobil?.workshops[1]?.slug}.localhost`;
const SCHNEIDER_HOST = `${schneider?.workshops[0]?.slug}.localhost`;
const run = randomBytes(3).toString('hex');

let sites: Awaited<ReturnType<typeof startSites>>;
let owner: ReturnType<typeof as>;
const page = (host: string, path = '/') => get(sites.port, host, path);

beforeAll(async () => {
  await ensureTemplateWorkshops();
  sites = await startSites();
  owner = as(await login('owner.emobil@example.com', PASSWORD));
});
afterAll(() => sites?.stop());

/** Uploads a real PNG as the owner, the way the admin's file field does (POST /files, multipart). */
async function upload(name: string, width: number, height: number): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png(width, height))], { type: 'image/png' }), name);
  const res = await owner.post('/files', form);
  if (res.status !== 200) throw new Error(`Upload ${name}: ${res.status} ${res.text}`);
  return String(res.body.data.id);
}

const imageUrls = (body: string) => [...body.matchAll(/\/_carbot\/img\/([0-9a-f-]{36})\?w=(\d+)/g)].map((m) => m[0]);

async function expectImage(host: string, url: string) {
  const res = await page(host, url);
  expect(res.status, url).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^image\//);
}

describe('images an owner uploads are shown on the live site', () => {
  let logo: string;
  let hero: string;
  let cover: string;
  let vehicleImage: string;
  let postSlug: string;
  let vehicleId: string;

  beforeAll(async () => {
    logo = await upload('logo.png', 480, 144);
    hero = await upload('werkstatt.png', 1600, 1000);
    cover = await upload('beitrag.png', 1200, 675);
    vehicleImage = await upload('fahrzeug.png', 1024, 768);
    expect((await owner.patch(`/items/workshops/${KOELN}`, { logo, hero_image: hero })).status).toBe(200);
    postSlug = `bilder-test-${run}`;
    const post = await owner.post('/items/posts', {
      status: 'published',
      workshop: KOELN,
      slug: postSlug,
      cover_image: cover,
      translations: [{ languages_code: 'de', title: 'Mit Titelbild', excerpt: 'Ein Beitrag mit Bild.' }],
    });
    expect(post.status, post.text).toBe(200);
    vehicleId = String(emobil?.vehicles[0]?.id);
    expect((await owner.patch(`/items/vehicles/${vehicleId}`, { cover_image: vehicleImage })).status).toBe(200);
  });

  afterAll(async () => {
    await admin().patch(`/items/workshops/${KOELN}`, { logo: null, hero_image: null });
    await admin().patch(`/items/vehicles/${vehicleId}`, { cover_image: null });
  });

  const pages = () =>
    [
      ...PAGE_TYPES.filter(([type]) => type !== 'post' && type !== '404'),
      ['post', `/blog/${postSlug}`],
      ['vehicles', '/fahrzeuge'],
      ['vehicle', `/fahrzeuge/${vehicleId}`],
      ['404', '/gibt-es-nicht'],
    ] as [string, string][];

  test('the logo is on every page type, and each of its addresses answers with an image', async () => {
    for (const [type, path] of pages()) {
      const res = await page(KOELN_HOST, path);
      expect([200, 404], `${type} ${path}`).toContain(res.status);
      const src = res.body.match(/<img class="brand__logo" src="([^"]+)"/)?.[1];
      expect(src, `${type} ${path}`).toBe(`/_carbot/img/${logo}?w=320`);
    }
    await expectImage(KOELN_HOST, `/_carbot/img/${logo}?w=320`);
  });

  test('hero, post and vehicle images load at every width the pages ask for', async () => {
    const seen = new Set<string>();
    for (const path of ['/', '/blog', `/blog/${postSlug}`, '/fahrzeuge', `/fahrzeuge/${vehicleId}`]) {
      const res = await page(KOELN_HOST, path);
      expect(res.status, path).toBe(200);
      for (const url of imageUrls(res.body)) seen.add(url);
    }
    for (const id of [hero, cover, vehicleImage])
      expect(
        [...seen].some((u) => u.includes(id)),
        id,
      ).toBe(true);
    for (const url of seen) await expectImage(KOELN_HOST, url);
  });

  test('the browser gets a modern format when it asks for one, and a small image is never blown up', async () => {
    const avif = await get(sites.port, KOELN_HOST, `/_carbot/img/${logo}?w=960`, {
      headers: { accept: 'image/avif,image/webp,*/*' },
    });
    expect(avif.headers['content-type']).toBe('image/avif');
    expect(avif.headers.vary).toBe('Accept');
    const small = await get(sites.port, KOELN_HOST, `/_carbot/img/${logo}?w=960`, { headers: { accept: 'image/png' } });
    const large = await get(sites.port, KOELN_HOST, `/_carbot/img/${logo}?w=1440`, {
      headers: { accept: 'image/png' },
    });
    expect(small.body.length).toBe(large.body.length);
  });

  test('unlisted widths, other paths and files nobody published stay 404', async () => {
    const draft = await upload('entwurf.png', 64, 64);
    for (const path of [
      `/_carbot/img/${logo}?w=333`,
      `/_carbot/img/${logo}/x`,
      '/_carbot/img/nicht-da?w=320',
      `/_carbot/img/${draft}?w=320`,
    ]) {
      expect((await page(KOELN_HOST, path)).status, path).toBe(404);
    }
  });
});

describe('images in a draft preview', () => {
  const brandl = tenants[3];
  const BRANDL = String(brandl?.workshops[0]?.id);
  afterAll(() => admin().patch(`/items/workshops/${BRANDL}`, { logo: null }));

  test('the logo of an unpublished workshop loads in its preview, and only there', async () => {
    const brandlOwner = as(await login('owner.brandl@example.com', PASSWORD));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png(400, 120))], { type: 'image/png' }), 'logo-brandl.png');
    const uploaded = await brandlOwner.post('/files', form);
    expect(uploaded.status, uploaded.text).toBe(200);
    const logo = String(uploaded.body.data.id);
    expect((await brandlOwner.patch(`/items/workshops/${BRANDL}`, { logo })).status).toBe(200);

    const link = await brandlOwner.get(`/carbot-site/preview-link/${BRANDL}`);
    expect(link.status, link.text).toBe(200);
    const url = new URL(link.body.data.url);
    const preview = await get(sites.port, url.host, `${url.pathname}${url.search}`);
    expect(preview.status).toBe(200);
    const src = preview.body.match(/<img class="brand__logo" src="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toMatch(new RegExp(`^/_carbot/img/${logo}\\?w=320&preview=`));
    const image = await get(sites.port, url.host, String(src));
    expect(image.status).toBe(200);
    expect(String(image.headers['content-type'])).toMatch(/^image\//);
    expect(image.headers['cache-control']).toBe('private, no-store');

    // Without the token, or with another workshop's token, the draft's logo does not exist.
    expect((await get(sites.port, url.host, `/_carbot/img/${logo}?w=320`)).status).toBe(404);
    const other = await admin().get(`/carbot-site/preview-link/${KOELN}`);
    const otherToken = new URL(other.body.data.url).searchParams.get('preview') ?? '';
    const foreign = `/_carbot/img/${logo}?w=320&preview=${encodeURIComponent(otherToken)}`;
    expect((await get(sites.port, KOELN_HOST, foreign)).status).toBe(404);
  });
});

describe('posts and FAQs without a workshop: all of the tenant’s locations, nothing else', () => {
  const slug = `alle-standorte-${run}`;
  const question = `Gilt das an allen Standorten (${run})?`;

  beforeAll(async () => {
    const post = await owner.post('/items/posts', {
      status: 'published',
      workshop: null,
      slug,
      translations: [{ languages_code: 'de', title: `Für alle Standorte ${run}`, excerpt: 'Köln und Bonn.' }],
    });
    expect(post.status, post.text).toBe(200);
    expect(post.body.data.tenant).toBe(EMOBIL_TENANT);
    const faq = await owner.post('/items/faqs', {
      status: 'published',
      workshop: null,
      translations: [{ languages_code: 'de', question, answer: 'Ja.' }],
    });
    expect(faq.status, faq.text).toBe(200);
  });

  test.each([
    [KOELN_HOST, true],
    [BONN_HOST, true],
    [SCHNEIDER_HOST, false],
    [`${templateSlug('klassisch')}.localhost`, false],
    ['localhost', false],
  ])('%s shows them: %s', async (host, shown) => {
    const blog = await page(host, '/blog');
    expect(blog.body.includes(`Für alle Standorte ${run}`)).toBe(shown);
    expect((await page(host, `/blog/${slug}`)).status).toBe(shown ? 200 : 404);
    expect((await page(host, '/blog/rss.xml')).body.includes(`/blog/${slug}`)).toBe(shown);
    expect((await page(host, '/sitemap.xml')).body.includes(`/blog/${slug}`)).toBe(shown);
    if (host !== 'localhost') expect((await page(host, '/faq')).body.includes(question)).toBe(shown);
  });
});

describe('pages that would be empty are left out', () => {
  const id = `5e5e0000-0000-4000-b000-0000000${run.slice(0, 5)}`;
  const host = `leer-${run}.localhost`;

  // A tenant without tenant-wide FAQs, so the new workshop really has none.
  beforeAll(async () => {
    const created = await admin().post('/items/workshops', {
      id,
      tenant: TEST_TENANT,
      status: 'published',
      name: `Frisch registriert ${run}`,
      slug: `leer-${run}`,
      template: 'modern',
      languages: ['de', 'en'],
      city: 'Bonn',
      translations: [{ languages_code: 'de', tagline: 'Neu hier', about: '' }],
    });
    expect(created.status, created.text).toBe(200);
  });
  afterAll(() => admin().delete(`/items/workshops/${id}`));

  test('no FAQ and no About text: no such pages, no links, no sitemap entries', async () => {
    const home = await page(host, '/');
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('href="/faq"');
    expect(home.body).not.toContain('href="/ueber-uns"');
    expect(home.body).toContain('href="/leistungen"');
    for (const path of ['/faq', '/ueber-uns', '/en/faq', '/en/ueber-uns']) {
      expect((await page(host, path)).status, path).toBe(404);
    }
    const sitemap = (await page(host, '/sitemap.xml')).body;
    expect(sitemap).not.toContain('/faq<');
    expect(sitemap).not.toContain('/ueber-uns<');
    expect(sitemap).toContain('/leistungen<');
  });

  test('as soon as the owner writes them, they appear', async () => {
    const faq = await admin().post('/items/faqs', {
      status: 'published',
      tenant: TEST_TENANT,
      workshop: id,
      translations: [{ languages_code: 'de', question: 'Neu?', answer: 'Ja.' }],
    });
    expect(faq.status, faq.text).toBe(200);
    const [translation] = (await admin().get(`/items/workshops_translations?filter[workshops_id][_eq]=${id}&fields=id`))
      .body.data as { id: number }[];
    expect(
      (await admin().patch(`/items/workshops_translations/${translation?.id}`, { about: 'Seit heute **für Sie** da.' }))
        .status,
    ).toBe(200);
    await expect.poll(async () => (await page(host, '/faq')).status, { timeout: 20_000 }).toBe(200);
    await expect.poll(async () => (await page(host, '/ueber-uns')).status, { timeout: 20_000 }).toBe(200);
    const home = await page(host, '/');
    expect(home.body).toContain('href="/faq"');
    expect(home.body).toContain('href="/ueber-uns"');
  });
});

describe('badges and opening hours come from the workshop’s data', () => {
  afterAll(() =>
    admin().patch(`/items/workshops/${BONN}`, {
      badges: null,
      opening_hours: emobil?.workshops[1]?.opening_hours,
    }),
  );

  test('no badge the owner did not tick; the ticked ones in the site’s language', async () => {
    const before = await page(BONN_HOST, '/');
    expect(before.body).not.toContain('class="wrap trust"');
    expect(before.body).not.toContain('Meisterbetrieb');
    expect((await owner.patch(`/items/workshops/${BONN}`, { badges: ['meisterbetrieb', 'hu-au'] })).status).toBe(200);
    await expect.poll(async () => (await page(BONN_HOST, '/')).body, { timeout: 20_000 }).toContain('Meisterbetrieb');
    const de = (await page(BONN_HOST, '/')).body;
    // Both, in the fixed order of core/sites/badges.
    expect(de).toMatch(/<span>Meisterbetrieb<\/span><\/li><li class="trust__item">.*?<span>HU\/AU im Haus<\/span>/s);
    expect(de).not.toContain('Alle Marken');
    expect((await page(BONN_HOST, '/en/')).body).toContain('<span>Master workshop</span>');
  });

  test('several ranges a day, closed days and closing days, as the admin stores them', async () => {
    const hours = {
      mo: [
        ['07:30', '12:00'],
        ['13:00', '18:00'],
      ],
      tu: [
        ['07:30', '12:00'],
        ['13:00', '18:00'],
      ],
      we: [],
      th: [['07:30', '18:00']],
      fr: [['07:30', '14:00']],
      sa: [['09:00', '12:00']],
      su: [],
      closures: [
        { from: '2099-12-24', to: '2099-12-31', note: 'Betriebsferien' },
        { from: '2099-05-01', to: '2099-05-01' },
        { from: '2000-01-01', to: '2000-01-02', note: 'Längst vorbei' },
      ],
    };
    expect((await owner.patch(`/items/workshops/${BONN}`, { opening_hours: hours })).status).toBe(200);
    await expect
      .poll(async () => (await page(BONN_HOST, '/kontakt')).body, { timeout: 20_000 })
      .toContain('Betriebsferien');
    const body = (await page(BONN_HOST, '/kontakt')).body;
    const rows = [...body.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => `${m[1]}: ${m[2]}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        'Mo – Di: 07:30 – 12:00 Uhr, 13:00 – 18:00 Uhr',
        'Mittwoch: geschlossen',
        'Donnerstag: 07:30 – 18:00 Uhr',
        'Samstag: 09:00 – 12:00 Uhr',
        'Sonntag: geschlossen',
        '01.05.2099: geschlossen',
        '24.12.2099 – 31.12.2099: Betriebsferien',
      ]),
    );
    expect(rows.join('\n')).not.toContain('Längst vorbei');
  });
});

describe('hosts without a website get a styled German 404 that leads to the platform', () => {
  test.each([
    ['a workshop that is not published', 'oldtimer-brandl.localhost'],
    ['a workshop on the widget-only plan', 'basis-werkstatt.localhost'],
    ['an unknown subdomain', `gibt-es-nicht-${run}.localhost`],
    ['an unknown domain', 'www.niemand.example'],
    ['a bare IP address', '127.0.0.1'],
  ])('%s (%s)', async (_name, host) => {
    const res = await get(sites.port, `${host}:${sites.port}`, '/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="de">');
    expect(res.body).toContain('Unter dieser Adresse gibt es keine Website');
    expect(res.body).toContain(`href="http://localhost:${sites.port}/"`);
    expect(res.body).not.toMatch(/<script|<link|src=/);
  });

  test('a widget-only workshop exists, but its address says nothing about it', async () => {
    expect((await admin().get(`/items/workshops/${BASIC_WORKSHOP}`)).status).toBe(200);
    const widgetOnly = await get(sites.port, `basis-werkstatt.localhost:${sites.port}`, '/');
    const unknown = await get(sites.port, `gibt-es-nicht-${run}.localhost:${sites.port}`, '/');
    expect(widgetOnly.body).toBe(unknown.body);
  });
});
