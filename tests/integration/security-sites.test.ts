/**
 * Attacks on workshop addresses, the page cache, the site server's files and its proxy headers, as a
 * workshop owner of another tenant or an anonymous visitor would run them: raw HTTP against the real
 * Directus and the built site server, forged Host / X-Forwarded-* headers, DNS answers from the local
 * DNS edge (tests/support/edges/dns.ts).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login } from '../support/http.ts';
import { ensureTemplateWorkshops, get, publishTxt, startSites, verifyDomain } from './sites-support.ts';

const PASSWORD = 'demo-carbot-2026';
const [beispiel, schneider, emobil, brandl] = tenants;
const id = (seed: typeof beispiel, i = 0) => String(seed?.workshops[i]?.id);
const BEISPIEL = id(beispiel);
const SCHNEIDER = id(schneider);
const EMOBIL = id(emobil);
const BRANDL = id(brandl);
const run = randomBytes(3).toString('hex');

let sites: Awaited<ReturnType<typeof startSites>>;
let schneiderOwner: ReturnType<typeof as>;
let emobilOwner: ReturnType<typeof as>;
let beispielOwner: ReturnType<typeof as>;
const cards = (body: string) => (body.match(/class="vehicle-card"/g) ?? []).length;

beforeAll(async () => {
  await ensureTemplateWorkshops();
  sites = await startSites();
  schneiderOwner = as(await login('owner.schneider@example.com', PASSWORD));
  emobilOwner = as(await login('owner.emobil@example.com', PASSWORD));
  beispielOwner = as(await login('owner.beispiel@example.com', PASSWORD));
});
afterAll(() => sites?.stop());

describe('slugs: one rule on every write path', () => {
  const bad = ['www', 'admin', 'api', 'a.kfz-schneider', 'Kfz-Schneider', '-x', 'x_y', 'xn--mller-kva', 'a'.repeat(64)];

  test.each(bad)('PATCH slug %j as owner is 400 with a German reason', async (slug) => {
    const res = await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, { slug });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Subdomain/);
  });

  test('nor through GraphQL, batch updates, creates, nested creates or the admin', async () => {
    const gql = await schneiderOwner.graphql(
      `mutation { update_workshops_item(id: "${SCHNEIDER}", data: { slug: "www" }) { id } }`,
    );
    expect(gql.body.errors?.[0]?.message).toMatch(/Subdomain/);
    const batch = await schneiderOwner.patch('/items/workshops', [{ id: SCHNEIDER, slug: 'admin' }]);
    expect(batch.status).toBe(400);
    const many = await schneiderOwner.patch('/items/workshops', { keys: [SCHNEIDER], data: { slug: 'a.b' } });
    expect(many.status).toBe(400);
    const created = await admin().post('/items/workshops', {
      tenant: String(schneider?.tenant?.id),
      name: 'Zweigstelle',
      slug: 'www',
    });
    expect(created.status).toBe(400);
    const nested = await admin().post('/items/tenants', {
      name: `Nested ${run}`,
      workshops: [{ name: 'Nested', slug: 'api' }],
    });
    expect(nested.status).toBe(400);
    expect((await admin().patch(`/items/workshops/${SCHNEIDER}`, { slug: 'www' })).status).toBe(400);
    const after = await admin().get(`/items/workshops/${SCHNEIDER}?fields=slug`);
    expect(after.body.data.slug).toBe(schneider?.workshops[0]?.slug);
  });

  test('no reserved host ever serves a workshop', async () => {
    for (const host of ['www.localhost', 'admin.localhost', 'a.kfz-schneider.localhost']) {
      const res = await get(sites.port, host);
      expect(res.status, host).toBe(404);
    }
  });

  test('a valid slug still saves', async () => {
    const slug = String(schneider?.workshops[0]?.slug);
    expect((await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, { slug })).status).toBe(200);
  });
});

describe('custom domains: unique, never a platform host, served only once verified', () => {
  const domain = `www.schneider-${run}.example`;

  test.each([
    'localhost',
    'autohaus-beispiel.localhost',
    'KFZ-Schneider.Localhost.',
    '127.0.0.1',
    'http://',
    'bad_domain',
  ])('%j is refused with 400', async (entry) => {
    const res = await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, { custom_domains: [entry] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/Domain|Plattform/);
  });

  test("another tenant's verified domain cannot be claimed, in any spelling", async () => {
    for (const spelling of ['www.autohaus-beispiel.example', 'WWW.Autohaus-Beispiel.example.']) {
      const res = await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, { custom_domains: [spelling] });
      expect(res.status, spelling).toBe(409);
      expect(res.body.errors[0].message).toContain('bereits');
    }
    // Even a workshop created with the domain (id chosen by the attacker) does not take it over.
    const created = await schneiderOwner.post('/items/workshops', {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Übernahme',
      slug: `uebernahme-${run}`,
      status: 'published',
      custom_domains: ['www.autohaus-beispiel.example'],
    });
    expect([403, 409]).toContain(created.status);
    const page = await get(sites.port, 'www.autohaus-beispiel.example');
    expect(page.body).toContain(String(beispiel?.workshops[0]?.name));
  });

  test('a new domain is pending and not served; the admin shows the TXT record; the check verifies it', async () => {
    const res = await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, {
      custom_domains: [domain.toUpperCase()],
    });
    expect(res.status).toBe(200);
    expect(res.body.data.custom_domains).toEqual([domain]);
    expect((await get(sites.port, domain)).status).toBe(404);

    const list = await schneiderOwner.get(`/carbot-domains/${SCHNEIDER}`);
    expect(list.status).toBe(200);
    const [entry] = list.body.data;
    expect(entry).toMatchObject({ domain, status: 'pending' });
    expect(entry.record.name).toBe(`_carbot-verify.${domain}`);
    expect(entry.record.value).toMatch(/^carbot-verify=[\w-]{32,}$/);

    // No record, then a wrong one: still pending, with a German explanation.
    let check = await schneiderOwner.post(`/carbot-domains/${SCHNEIDER}/check`);
    expect(check.body.data[0]).toMatchObject({ status: 'pending' });
    expect(check.body.data[0].message).toContain('Kein TXT-Eintrag');
    await publishTxt(entry.record.name, ['carbot-verify=falsch']);
    check = await schneiderOwner.post(`/carbot-domains/${SCHNEIDER}/check`);
    expect(check.body.data[0]).toMatchObject({ status: 'pending' });
    expect((await get(sites.port, domain)).status).toBe(404);

    await publishTxt(entry.record.name, ['v=spf1 -all', entry.record.value]);
    check = await schneiderOwner.post(`/carbot-domains/${SCHNEIDER}/check`);
    expect(check.body.data[0]).toMatchObject({ status: 'verified' });
    const page = await get(sites.port, domain);
    expect(page.status).toBe(200);
    expect(page.body).toContain(String(schneider?.workshops[0]?.name));
  });

  test('owners cannot mark a domain verified themselves, nor see or check other tenants’ domains', async () => {
    const mine = await schneiderOwner.get('/items/workshop_domains?fields=id,domain,status');
    expect(mine.status).toBe(200);
    const row = mine.body.data.find((d: { domain: string }) => d.domain === domain);
    expect(row).toBeTruthy();
    expect(mine.body.data.every((d: { domain: string }) => !d.domain.includes('beispiel'))).toBe(true);
    const forge = await emobilOwner.post('/items/workshop_domains', {
      workshop: EMOBIL,
      domain: `www.forged-${run}.example`,
      verified_domain: `www.forged-${run}.example`,
      status: 'verified',
    });
    expect(forge.status).toBe(403);
    expect((await schneiderOwner.patch(`/items/workshop_domains/${row.id}`, { status: 'pending' })).status).toBe(403);
    const foreign = await emobilOwner.get(`/carbot-domains/${SCHNEIDER}`);
    expect(foreign.body.data).toEqual([]);
    expect((await emobilOwner.post(`/carbot-domains/${SCHNEIDER}/check`)).body.data).toEqual([]);
  });

  test('two pending claims: the first to prove control wins, the database refuses a second verified one', async () => {
    const contested = `www.umkaempft-${run}.example`;
    expect((await emobilOwner.patch(`/items/workshops/${EMOBIL}`, { custom_domains: [contested] })).status).toBe(200);
    expect(
      (
        await beispielOwner.patch(`/items/workshops/${BEISPIEL}`, {
          custom_domains: ['www.autohaus-beispiel.example', contested],
        })
      ).status,
    ).toBe(200);
    const emobilEntry = (await emobilOwner.get(`/carbot-domains/${EMOBIL}`)).body.data[0];
    const beispielEntry = (await beispielOwner.get(`/carbot-domains/${BEISPIEL}`)).body.data.find(
      (d: { domain: string }) => d.domain === contested,
    );
    expect((await verifyDomain(EMOBIL, contested, emobilOwner)).status).toBe('verified');
    // The other claimant publishes its own token too (say, after buying the domain): still refused.
    await publishTxt(beispielEntry.record.name, [emobilEntry.record.value, beispielEntry.record.value]);
    const check = await beispielOwner.post(`/carbot-domains/${BEISPIEL}/check`);
    const after = check.body.data.find((d: { domain: string }) => d.domain === contested);
    expect(after.status).toBe('pending');
    expect(after.message).toContain('bereits');
    // Even the platform admin writing the record directly hits the unique index.
    const direct = await admin().patch(`/items/workshop_domains/${beispielEntry.id}`, {
      status: 'verified',
      verified_domain: contested,
    });
    expect(direct.status).toBe(400);
    expect((await get(sites.port, contested)).body).toContain(String(emobil?.workshops[0]?.name));
    // Removing the domain from the workshop removes its record: the site stops answering on it.
    expect((await emobilOwner.patch(`/items/workshops/${EMOBIL}`, { custom_domains: [] })).status).toBe(200);
    expect((await get(sites.port, contested)).status).toBe(404);
    expect(
      (
        await beispielOwner.patch(`/items/workshops/${BEISPIEL}`, {
          custom_domains: ['www.autohaus-beispiel.example'],
        })
      ).status,
    ).toBe(200);
  });
});

describe('page cache: an anonymous visitor cannot poison a page for others', () => {
  const host = 'autohaus-beispiel.localhost';
  const purge = () =>
    fetch(`http://127.0.0.1:${sites.port}/_carbot/purge`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sites.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tenants: [String(beispiel?.tenant?.id)] }),
    });
  let baseline = 0;

  beforeAll(async () => {
    await purge();
    baseline = cards((await get(sites.port, host, '/fahrzeuge')).body);
  });

  test('the demo list has vehicles to lose', () => {
    expect(baseline).toBeGreaterThan(2);
  });

  test.each([
    `max_price=${'0'.repeat(60)}1`,
    `max_price=${'0'.repeat(200)}1`,
    'max_price=1&max_price=1',
    'max_price=1e0',
    'max_price=%31',
    'max_price=%201',
    'max_price=1.0',
    'max_price=0x1',
    `make=${'A'.repeat(61)}`,
    'make=BMW&make=BMW',
    'make=%00',
    'fuel=diesel&fuel=diesel',
    'sort=price&sort=-price',
    'max_price=1&utm_source=x',
  ])('?%s, then a plain request is the unfiltered page', async (query) => {
    await purge();
    await get(sites.port, host, `/fahrzeuge?${query}`);
    for (const path of ['/fahrzeuge', '/fahrzeuge?utm_source=newsletter']) {
      const plain = await get(sites.port, host, path);
      expect(plain.status).toBe(200);
      expect(cards(plain.body), `${query} → ${path}`).toBe(baseline);
    }
    // The same through an encoded path, whichever form the renderer matches.
    await get(sites.port, host, `/%66ahrzeuge?${query}`);
    const encoded = await get(sites.port, host, '/%66ahrzeuge');
    if (encoded.status === 200) expect(cards(encoded.body)).toBe(baseline);
  });

  test('a valid filter is applied and cached under its own key only', async () => {
    await purge();
    const filtered = await get(sites.port, host, '/fahrzeuge?max_price=1');
    expect(cards(filtered.body)).toBe(0);
    const again = await get(sites.port, host, '/fahrzeuge?max_price=1&fbclid=x');
    expect(again.headers['x-carbot-cache']).toBe('hit');
    expect(cards((await get(sites.port, host, '/fahrzeuge')).body)).toBe(baseline);
  });
});

describe('files: the Sites token reads only files that published content shows', () => {
  const sitesToken = () => as(inject('sitesToken'));
  const upload = async (who: ReturnType<typeof as>, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), name);
    const res = await who.post('/files', form);
    if (res.status !== 200) throw new Error(`Upload: ${res.status} ${res.text}`);
    return String(res.body.data.id);
  };
  let privateFile: string;
  let logo: string;
  let draftLogo: string;

  beforeAll(async () => {
    privateFile = await upload(schneiderOwner, 'vertrag.png');
    logo = await upload(schneiderOwner, 'logo.png');
    expect((await schneiderOwner.patch(`/items/workshops/${SCHNEIDER}`, { logo })).status).toBe(200);
    draftLogo = await admin()
      .post('/files', formOf('entwurf.png'))
      .then((r) => String(r.body.data.id));
    expect((await admin().patch(`/items/workshops/${BRANDL}`, { logo: draftLogo })).status).toBe(200);
  });

  test("a tenant's private upload is 403 for the Sites token, as asset and as file", async () => {
    expect((await sitesToken().get(`/assets/${privateFile}`)).status).toBe(403);
    expect((await sitesToken().get(`/assets/${privateFile}?width=160`)).status).toBe(403);
    expect((await sitesToken().get(`/files/${privateFile}`)).status).toBe(403);
    expect((await sitesToken().get(`/assets/${draftLogo}`)).status).toBe(403);
  });

  test('listing files with the Sites token shows only referenced ones', async () => {
    const res = await sitesToken().get('/files?limit=-1&fields=id');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((f: { id: string }) => f.id);
    expect(ids).toContain(logo);
    expect(ids).not.toContain(privateFile);
    expect(ids).not.toContain(draftLogo);
    const search = await sitesToken().get('/files?limit=-1&fields=id&search=vertrag');
    expect(search.body.data).toEqual([]);
  });

  test("a published workshop's logo is readable, also through the site's own image route", async () => {
    expect((await sitesToken().get(`/assets/${logo}`)).status).toBe(200);
    const img = await get(sites.port, `${schneider?.workshops[0]?.slug}.localhost`, `/_carbot/img/${logo}?w=160`);
    expect(img.status).toBe(200);
    expect(String(img.headers['content-type'])).toMatch(/^image\//);
    const leak = await get(
      sites.port,
      `${schneider?.workshops[0]?.slug}.localhost`,
      `/_carbot/img/${privateFile}?w=160`,
    );
    expect(leak.status).toBe(404);
  });

  test('unpublishing the workshop makes its logo private again', async () => {
    expect((await admin().patch(`/items/workshops/${SCHNEIDER}`, { status: 'draft' })).status).toBe(200);
    try {
      expect((await sitesToken().get(`/assets/${logo}`)).status).toBe(403);
    } finally {
      await admin().patch(`/items/workshops/${SCHNEIDER}`, { status: 'published' });
    }
  });
});

describe('proxy headers: trusted only when configured, and only the configured hops', () => {
  test('by default X-Forwarded-Host/-Proto are ignored', async () => {
    const viaForged = await get(sites.port, '127.0.0.1', '/', {
      headers: { 'x-forwarded-host': 'autohaus-beispiel.localhost' },
    });
    expect(viaForged.status).toBe(404);
    const forged = await get(sites.port, 'autohaus-beispiel.localhost', '/ueber-uns', {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain('evil.example');
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  describe('with SITES_TRUST_PROXY=1', () => {
    beforeAll(async () => {
      await sites.stop();
      sites = await startSites({ SITES_TRUST_PROXY: '1' });
    });

    test('the entry the one trusted proxy appended counts; what the client sent before it does not', async () => {
      const behind = await get(sites.port, '10.0.0.1', '/kontakt', {
        headers: {
          'x-forwarded-host': 'evil.example, autohaus-beispiel.localhost',
          'x-forwarded-proto': 'http, https',
        },
      });
      expect(behind.status).toBe(200);
      expect(behind.headers['strict-transport-security']).toBeDefined();
      expect(behind.body).not.toContain('evil.example');
      const spoofed = await get(sites.port, '10.0.0.1', '/', {
        headers: { 'x-forwarded-host': 'autohaus-beispiel.localhost, unbekannt.localhost' },
      });
      expect(spoofed.status).toBe(404);
    });

    test('https and http pages never share a cache entry', async () => {
      const host = 'autohaus-beispiel.localhost';
      await get(sites.port, host, '/faq', { headers: { 'x-forwarded-proto': 'https' } });
      const plain = await get(sites.port, host, '/faq', { headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });
  });
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
function formOf(name: string) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), name);
  return form;
}
