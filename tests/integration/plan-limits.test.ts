/**
 * Every plan limit, enforced by the server at and over its boundary, on the paths a tenant can use:
 * client keys, leads per month, locations, templates and website, custom domains, API access.
 */
import { describe, expect, test } from 'vitest';
import { addUser, makeTenant, type TestTenant, unique } from '../support/billing.ts';
import { admin, as, qs, type Reply } from '../support/http.ts';

async function workshopOf(t: TestTenant, fields: Record<string, unknown> = {}) {
  const res = await admin().post('/items/workshops', {
    tenant: t.id,
    name: `Werkstatt ${unique()}`,
    slug: `w-${unique()}`,
    status: 'draft',
    ...fields,
  });
  if (res.status !== 200) throw new Error(`Werkstatt: ${res.status} ${res.text}`);
  return res.body.data.id as string;
}

const refused = (res: Reply, text: string | RegExp) => {
  expect(res.status, res.text).toBe(403);
  expect(res.body.errors[0].extensions.code).toBe('PLAN_LIMIT');
  expect(res.body.errors[0].message).toMatch(text);
};

describe('client keys', () => {
  test.each([
    ['basic', 3],
    ['premium', 10],
  ])('%s allows exactly %i active keys; a disabled key frees a place', async (plan, max) => {
    const t = await makeTenant({ plan });
    const w = await workshopOf(t);
    const owner = as(t.token);
    const batch = await owner.post(
      '/items/client_keys',
      Array.from({ length: max }, (_, i) => ({ workshop: w, name: `Key ${i + 1}` })),
    );
    expect(batch.status, batch.text).toBe(200);
    refused(await owner.post('/items/client_keys', { workshop: w, name: 'Einer zu viel' }), `höchstens ${max} aktive`);
    // A disabled key does not count, and can be created as such.
    expect((await owner.post('/items/client_keys', { workshop: w, name: 'Reserve', status: 'disabled' })).status).toBe(
      200,
    );
    const first = batch.body.data[0].id;
    expect((await owner.patch(`/items/client_keys/${first}`, { status: 'disabled' })).status).toBe(200);
    expect((await owner.post('/items/client_keys', { workshop: w, name: 'Nachrücker' })).status).toBe(200);
    // Re-activating the old one would make max + 1.
    refused(await owner.patch(`/items/client_keys/${first}`, { status: 'active' }), 'aktive Widget-Keys');
    const active = await owner.get(
      `/items/client_keys${qs({ filter: { status: { _eq: 'active' } }, aggregate: { count: '*' } })}`,
    );
    expect(Number(active.body.data[0].count)).toBe(max);
  });

  test('enterprise has no limit', async () => {
    const t = await makeTenant({ plan: 'enterprise' });
    const w = await workshopOf(t);
    const res = await as(t.token).post(
      '/items/client_keys',
      Array.from({ length: 12 }, (_, i) => ({ workshop: w, name: `Key ${i}` })),
    );
    expect(res.status, res.text).toBe(200);
  });

  test('a refused batch writes nothing', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const w = await workshopOf(t);
    const res = await as(t.token).post(
      '/items/client_keys',
      Array.from({ length: 4 }, (_, i) => ({ workshop: w, name: `Key ${i}` })),
    );
    expect(res.status).toBe(403);
    const keys = await admin().get(`/items/client_keys${qs({ filter: { tenant: { _eq: t.id } } })}`);
    expect(keys.body.data).toHaveLength(0);
  });

  test('the platform admin may grant an exception', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const w = await workshopOf(t);
    const res = await admin().post(
      '/items/client_keys',
      Array.from({ length: 4 }, (_, i) => ({ workshop: w, name: `Key ${i}` })),
    );
    expect(res.status, res.text).toBe(200);
  });
});

describe('leads per month', () => {
  test('basic: 100 leads from chat and website per month, then a clear refusal; own entries always work', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const w = await workshopOf(t);
    const staff = as((await addUser(t.id, 'staff')).token);
    const leads = (n: number, source: string) =>
      Array.from({ length: n }, (_, i) => ({ workshop: w, name: `Lead ${i}`, source }));
    expect((await staff.post('/items/leads', leads(60, 'chat'))).status).toBe(200);
    expect((await staff.post('/items/leads', leads(39, 'website'))).status).toBe(200);
    expect((await staff.post('/items/leads', leads(1, 'chat'))).status).toBe(200);
    refused(await staff.post('/items/leads', leads(1, 'chat')), /100 Leads pro Monat.*Premium/);
    // What the workshop records itself (phone, walk-in) is its own bookkeeping and never limited.
    expect((await staff.post('/items/leads', leads(2, 'phone'))).status).toBe(200);
    expect((await staff.post('/items/leads', { workshop: w, name: 'Ohne Quelle' })).status).toBe(200);
  });

  test('leads of last month do not count against this month', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const w = await workshopOf(t);
    const created = await admin().post(
      '/items/leads',
      Array.from({ length: 100 }, (_, i) => ({ workshop: w, name: `Alt ${i}`, source: 'chat' })),
    );
    expect(created.status).toBe(200);
    const lastMonth = new Date();
    lastMonth.setUTCDate(0);
    lastMonth.setUTCDate(10);
    const moved = await admin().patch('/items/leads', {
      keys: created.body.data.map((l: { id: string }) => l.id),
      data: { date_created: lastMonth.toISOString() },
    });
    expect(moved.status, moved.text).toBe(200);
    expect((await as(t.token).post('/items/leads', { workshop: w, name: 'Neu', source: 'chat' })).status).toBe(200);
  });

  test('premium has no lead limit', async () => {
    const t = await makeTenant({ plan: 'premium' });
    const w = await workshopOf(t);
    const res = await as(t.token).post(
      '/items/leads',
      Array.from({ length: 130 }, (_, i) => ({ workshop: w, name: `Lead ${i}`, source: 'chat' })),
    );
    expect(res.status, res.text).toBe(200);
  });
});

describe('locations', () => {
  test.each([
    ['basic', 1],
    ['premium', 1],
  ])('%s: %i workshop; an archived one does not count, un-archiving is checked', async (plan, max) => {
    const t = await makeTenant({ plan });
    const owner = as(t.token);
    const first = await owner.post('/items/workshops', { name: 'Erster Standort', slug: `a-${unique()}` });
    expect(first.status, first.text).toBe(200);
    refused(
      await owner.post('/items/workshops', { name: 'Zweiter Standort', slug: `b-${unique()}` }),
      `${max} Standort`,
    );
    expect((await owner.patch(`/items/workshops/${first.body.data.id}`, { status: 'archived' })).status).toBe(200);
    const second = await owner.post('/items/workshops', { name: 'Neuer Standort', slug: `c-${unique()}` });
    expect(second.status, second.text).toBe(200);
    refused(await owner.patch(`/items/workshops/${first.body.data.id}`, { status: 'draft' }), 'Enterprise');
  });

  test('enterprise may have many', async () => {
    const t = await makeTenant({ plan: 'enterprise' });
    const owner = as(t.token);
    for (let i = 0; i < 3; i++) {
      expect((await owner.post('/items/workshops', { name: `Standort ${i}`, slug: `e-${unique()}` })).status).toBe(200);
    }
  });
});

describe('website, templates and custom domains', () => {
  test('basic is widget only: no publishing, no template, no custom domain', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const w = await workshopOf(t);
    const owner = as(t.token);
    refused(await owner.patch(`/items/workshops/${w}`, { status: 'published' }), 'keine Website');
    refused(await owner.patch(`/items/workshops/${w}`, { template: 'modern' }), 'Vorlage „Moderne Autowerkstatt“');
    refused(
      await owner.patch(`/items/workshops/${w}`, { custom_domains: ['www.basic-werkstatt.example'] }),
      'Eigene Domains',
    );
    expect((await owner.patch(`/items/workshops/${w}`, { custom_domains: [] })).status).toBe(200);
    expect((await owner.patch(`/items/workshops/${w}`, { phone: '+49 711 123' })).status).toBe(200);
  });

  test('premium publishes with any standard template and a custom domain, but not a custom template', async () => {
    const custom = `eigen-${unique()}`;
    const tpl = await admin().post('/items/site_templates', {
      key: custom,
      name: 'Eigenes Design',
      min_plan: 'enterprise',
    });
    expect(tpl.status, tpl.text).toBe(200);
    const t = await makeTenant({ plan: 'premium' });
    const w = await workshopOf(t);
    const owner = as(t.token);
    const ok = await owner.patch(`/items/workshops/${w}`, {
      status: 'published',
      template: 'oldtimer',
      custom_domains: [`www.${unique()}.example`],
    });
    expect(ok.status, ok.text).toBe(200);
    refused(await owner.patch(`/items/workshops/${w}`, { template: custom }), 'Im Tarif Enterprise');

    const e = await makeTenant({ plan: 'enterprise' });
    const ew = await workshopOf(e);
    expect((await as(e.token).patch(`/items/workshops/${ew}`, { template: custom })).status).toBe(200);
  });

  test('the limits also hold for a workshop created in one go', async () => {
    const t = await makeTenant({ plan: 'basic' });
    refused(
      await as(t.token).post('/items/workshops', { name: 'Gleich online', slug: `g-${unique()}`, status: 'published' }),
      'keine Website',
    );
  });
});

describe('API access', () => {
  async function withToken(plan: string) {
    const t = await makeTenant({ plan });
    const token = `api-${unique()}-${unique()}`;
    const res = await admin().patch(`/users/${t.userId}`, { token });
    expect(res.status, res.text).toBe(200);
    return { t, token };
  }

  test.each([
    ['basic', 403],
    ['premium', 403],
    ['enterprise', 200],
  ])('a static token of a %s tenant: %i', async (plan, status) => {
    const { token } = await withToken(plan);
    const res = await as(token).get('/items/workshops');
    expect(res.status, res.text).toBe(status);
    if (status === 403) expect(res.body.errors[0].message).toContain('API-Zugang');
  });

  test('a downgrade switches scripts off; the admin app (login session) keeps working', async () => {
    const { t, token } = await withToken('enterprise');
    expect((await as(token).get('/users/me')).status).toBe(200);
    expect((await admin().patch(`/items/tenants/${t.id}`, { plan: 'premium' })).status).toBe(200);
    expect((await as(token).get('/users/me')).status).toBe(403);
    expect((await as(t.token).get('/users/me')).status).toBe(200);
  });

  test('the site server and the platform admin tokens are not tenant tokens and keep working', async () => {
    expect((await admin().get('/items/plans')).status).toBe(200);
  });
});
