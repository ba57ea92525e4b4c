/**
 * Tenant isolation, proven over HTTP against a live Directus with the real schema, permissions and hook.
 * Tenant A's owner and staff try every access path on tenant B's rows in every tenant-owned collection:
 * they must neither read them, nor learn that they exist, nor change them.
 */
import { POLICY, ROLE } from '@carbot/core/roles';
import { TENANT_OWNED } from '@carbot/core/tenancy';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login, qs, type Reply } from '../support/http.ts';
import { createProbes, type Probe, type Probes } from '../support/probes.ts';

const [seedA, seedB] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
const TENANT_A = seedA.tenant.id;
const TENANT_B = seedB.tenant.id;
const userOf = (seed: typeof seedA, role: 'owner' | 'staff') => {
  const user = seed.users.find((u) => u.role === role);
  if (!user) throw new Error(`Demo-Daten ohne ${role}`);
  return user;
};

const COLLECTIONS = Object.keys(TENANT_OWNED).filter((c) => !c.startsWith('directus_'));
const TRANSLATIONS = new Set(COLLECTIONS.filter((c) => c.endsWith('_translations')));

/** The search term that would find a row: its uuid (uuid fields are searched by equality) or its text. */
const searchTermFor = (collection: string, probe: Probe) =>
  // A number id (translations, daily rollups) would also match own rows' numbers: search the marker text.
  TRANSLATIONS.has(collection) || typeof probe.id === 'number' ? probe.marker : String(probe.id);

const rows = (res: Reply): Record<string, unknown>[] => (Array.isArray(res.body?.data) ? res.body.data : []);
const denied = (res: Reply) => res.status === 403 || res.status === 401;
const readDeniedOrEmpty = (res: Reply) => {
  expect(res.status, res.text).not.toBeGreaterThanOrEqual(500);
  if (res.status === 200) return rows(res);
  expect(denied(res), `${res.status} ${res.text}`).toBe(true);
  return [];
};

let probesA: Probes;
let probesB: Probes;
let tokens: Record<'ownerA' | 'staffA' | 'ownerB' | 'marketer' | 'combined', string>;
let snapshotB: Record<string, unknown>;

async function readAsAdmin(collection: string, id: string | number) {
  const res = await admin().get(`/items/${collection}/${id}`);
  return res.body?.data as Record<string, unknown> | undefined;
}

async function snapshotOf(probes: Probes) {
  const out: Record<string, unknown> = {};
  for (const [c, p] of Object.entries(probes)) out[c] = await readAsAdmin(c, p.id);
  return out;
}

beforeAll(async () => {
  probesA = await createProbes(TENANT_A, 'A');
  probesB = await createProbes(TENANT_B, 'B');
  snapshotB = await snapshotOf(probesB);
  const ownerA = userOf(seedA, 'owner');
  // A user holding both tenant policies: policies OR-combine, isolation must still hold.
  const combined = await admin().post('/users', {
    email: `combined.${Date.now()}@example.com`,
    password: 'combined-pass-2026',
    role: ROLE.staff,
    tenant: TENANT_A,
    status: 'active',
  });
  await admin().post('/access', { user: combined.body.data.id, policy: POLICY.owner });
  tokens = {
    ownerA: await login(ownerA.email, ownerA.password),
    staffA: await login(userOf(seedA, 'staff').email, userOf(seedA, 'staff').password),
    ownerB: await login(userOf(seedB, 'owner').email, userOf(seedB, 'owner').password),
    marketer: await login('marketing@example.com', 'demo-carbot-2026'),
    combined: await login(combined.body.data.email, 'combined-pass-2026'),
  };
});

const TENANT_ACTORS = ['ownerA', 'staffA', 'combined'] as const;
const cases = TENANT_ACTORS.flatMap((actor) => COLLECTIONS.map((collection) => [actor, collection] as const));

/** What each actor may read at all; everything else must answer 403. Keys and GDPR proofs are the owner's. */
const readable = (actor: (typeof TENANT_ACTORS)[number], collection: string) =>
  !(
    actor === 'staffA' &&
    (collection === 'client_keys' || collection === 'privacy_requests' || collection === 'analytics_daily')
  );

describe('reading another tenant', () => {
  test.each(cases)('%s: list of %s shows own rows and only own rows', async (actor, collection) => {
    const res = await as(tokens[actor]).get(`/items/${collection}?limit=-1&fields=id,tenant`);
    if (!readable(actor, collection)) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status, res.text).toBe(200);
    const list = rows(res);
    expect(list.map((r) => r.id)).toContain(probesA[collection]?.id);
    expect(list.every((r) => r.tenant === TENANT_A)).toBe(true);
    expect(list.map((r) => r.id)).not.toContain(probesB[collection]?.id);
  });

  test.each(cases)('%s: %s by id of tenant B is forbidden', async (actor, collection) => {
    const res = await as(tokens[actor]).get(`/items/${collection}/${probesB[collection]?.id}`);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(probesB[collection]?.marker);
  });

  test.each(cases)('%s: %s filtered by id, tenant and relations of B finds nothing', async (actor, collection) => {
    const probe = probesB[collection] as Probe;
    const filters = [
      { id: { _eq: probe.id } },
      { tenant: { _eq: TENANT_B } },
      { tenant: { name: { _eq: seedB.tenant.name } } },
      { tenant: { id: { _eq: TENANT_B } } },
    ];
    for (const filter of filters) {
      const res = await as(tokens[actor]).get(`/items/${collection}${qs({ filter, fields: 'id' })}`);
      expect(readDeniedOrEmpty(res), JSON.stringify(filter)).toEqual([]);
    }
  });

  test.each(cases)('%s: search in %s does not reveal B', async (actor, collection) => {
    const term = searchTermFor(collection, probesB[collection] as Probe);
    const res = await as(tokens[actor]).get(`/items/${collection}${qs({ search: term, fields: 'id' })}`);
    expect(readDeniedOrEmpty(res)).toEqual([]);
  });

  test.each(cases)('%s: counts and aggregates of %s include only own rows', async (actor, collection) => {
    const own = rows(
      await admin().get(
        `/items/${collection}${qs({ filter: { tenant: { _eq: TENANT_A } }, limit: -1, fields: 'id' })}`,
      ),
    );
    const mine = await as(tokens[actor]).get(`/items/${collection}${qs({ limit: 1, meta: '*', fields: 'id' })}`);
    if (mine.status === 200) {
      expect(mine.body.meta.total_count).toBe(own.length);
      expect(mine.body.meta.filter_count).toBe(own.length);
    } else expect(denied(mine)).toBe(true);

    const agg = await as(tokens[actor]).get(`/items/${collection}${qs({ aggregate: { count: '*' } })}`);
    if (agg.status === 200) expect(Number(agg.body.data[0].count)).toBe(own.length);
    else expect(denied(agg)).toBe(true);

    const grouped = await as(tokens[actor]).get(
      `/items/${collection}${qs({ aggregate: { count: '*' }, groupBy: ['tenant'] })}`,
    );
    for (const group of readDeniedOrEmpty(grouped)) expect(group.tenant).toBe(TENANT_A);

    // A relational filter must not act as an oracle on hidden rows through the count either.
    const oracle = await as(tokens[actor]).get(
      `/items/${collection}${qs({ aggregate: { count: '*' }, filter: { tenant: { name: { _eq: seedB.tenant.name } } } })}`,
    );
    for (const group of readDeniedOrEmpty(oracle)) expect(Number(group.count)).toBe(0);
  });

  test.each(cases)('%s: exports of %s contain only own rows', async (actor, collection) => {
    for (const format of ['json', 'csv']) {
      const res = await as(tokens[actor]).get(`/items/${collection}?export=${format}&limit=-1`);
      expect(res.status, res.text).not.toBeGreaterThanOrEqual(500);
      expect(res.text).not.toContain(TENANT_B);
      expect(res.text).not.toContain(probesB[collection]?.marker);
    }
  });

  test.each(cases)('%s: GraphQL on %s shows only own rows', async (actor, collection) => {
    const list = await as(tokens[actor]).graphql(`{ ${collection}(limit: -1) { id tenant { id } } }`);
    expect(list.status).toBeLessThan(500);
    const items = (list.body?.data?.[collection] ?? []) as { tenant: { id: string } | null }[];
    expect(items.every((r) => r.tenant?.id === TENANT_A)).toBe(true);
    expect(list.text).not.toContain(TENANT_B);

    const byId = await as(tokens[actor]).graphql(`query ($id: ID!) { ${collection}_by_id(id: $id) { id } }`, {
      id: String(probesB[collection]?.id),
    });
    expect(byId.body?.data?.[`${collection}_by_id`] ?? null).toBeNull();

    const agg = await as(tokens[actor]).graphql(`{ ${collection}_aggregated { count { id } } }`);
    const count = agg.body?.data?.[`${collection}_aggregated`]?.[0]?.count?.id;
    const own = rows(
      await admin().get(
        `/items/${collection}${qs({ filter: { tenant: { _eq: TENANT_A } }, limit: -1, fields: 'id' })}`,
      ),
    );
    if (count !== undefined) expect(Number(count)).toBe(own.length);
  });
});

describe('demo data', () => {
  test.each(COLLECTIONS)('every %s row belongs to a tenant (or is platform content)', async (collection) => {
    const orphans = rows(
      await admin().get(`/items/${collection}${qs({ filter: { tenant: { _null: true } }, limit: -1, fields: 'id' })}`),
    );
    if (/^(faqs|posts)/.test(collection)) return; // platform content has no tenant by design
    expect(orphans).toEqual([]);
  });

  test('the owner of tenant A sees its demo workshop with services, FAQ, posts and vehicles', async () => {
    const api = as(tokens.ownerA);
    const workshops = rows(await api.get('/items/workshops?fields=id,slug,services.id&limit=-1'));
    const demo = workshops.find((w) => w.slug === seedA.workshops[0]?.slug) as { services: unknown[] } | undefined;
    expect(demo?.services.length).toBe(seedA.services.length);
    for (const [collection, seeded] of [
      ['faqs', seedA.faqs],
      ['posts', seedA.posts],
      ['vehicles', seedA.vehicles],
    ] as const) {
      const ids = rows(await api.get(`/items/${collection}?fields=id&limit=-1`)).map((r) => r.id);
      for (const row of seeded) expect(ids, collection).toContain(row.id);
    }
  });
});

describe('deep and relational reads', () => {
  test.each(TENANT_ACTORS)('%s: tenants, workshops and their relations stay within tenant A', async (actor) => {
    const api = as(tokens[actor]);
    const tenantsRes = await api.get('/items/tenants?fields=id,workshops.id,workshops.tenant');
    for (const t of readDeniedOrEmpty(tenantsRes)) expect(t.id).toBe(TENANT_A);
    expect(tenantsRes.text).not.toContain(TENANT_B);

    const deep = await api.get(
      `/items/workshops${qs({ fields: 'id,tenant,services.id,services.tenant,translations.tenant', deep: { services: { _filter: { tenant: { _eq: TENANT_B } } } } })}`,
    );
    expect(deep.text).not.toContain(TENANT_B);

    const viaRelation = await api.get(
      '/items/messages?fields=id,conversation.*,conversation.workshop.*,tenant.*&limit=-1',
    );
    expect(viaRelation.text).not.toContain(TENANT_B);
    const leads = await api.get('/items/leads?fields=*.*.*&limit=-1');
    expect(leads.text).not.toContain(TENANT_B);
  });
});

describe('writing into another tenant', () => {
  const writeCases = (['ownerA', 'staffA'] as const).flatMap((actor) => COLLECTIONS.map((c) => [actor, c] as const));

  test.each(writeCases)('%s: cannot update, batch-update or delete %s of B', async (actor, collection) => {
    const api = as(tokens[actor]);
    const id = probesB[collection]?.id;
    const change = { [markerFieldOf(collection)]: 'hijacked' };
    const attempts = [
      await api.patch(`/items/${collection}/${id}`, change),
      await api.patch(`/items/${collection}`, { keys: [id], data: change }),
      await api.delete(`/items/${collection}/${id}`),
      await api.delete(`/items/${collection}`, { keys: [id] }),
    ];
    for (const res of attempts) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
    }
    // A batch update by query only ever reaches rows the caller may see.
    await api.patch(`/items/${collection}`, { query: { filter: { id: { _eq: id } } }, data: change });
    expect(await readAsAdmin(collection, id as string)).toEqual(snapshotB[collection]);
  });

  test.each(writeCases)('%s: cannot create %s in B or move own rows to B', async (actor, collection) => {
    const api = as(tokens[actor]);
    const intoB = await api.post(`/items/${collection}`, { ...childPayload(collection, probesB), tenant: TENANT_B });
    expect(intoB.status, intoB.text).toBeGreaterThanOrEqual(400);
    expect(intoB.status, intoB.text).toBeLessThan(500);
    if (PARENT_FIELD[collection]) {
      const underBParent = await api.post(`/items/${collection}`, childPayload(collection, probesB));
      expect(underBParent.status, underBParent.text).toBeGreaterThanOrEqual(400);
      expect(underBParent.status).toBeLessThan(500);
    }

    const ownId = probesA[collection]?.id;
    const before = await readAsAdmin(collection, ownId as string);
    const moves = [await api.patch(`/items/${collection}/${ownId}`, { tenant: TENANT_B })];
    const parent = PARENT_FIELD[collection];
    if (parent)
      moves.push(await api.patch(`/items/${collection}/${ownId}`, { [parent.field]: probesB[parent.collection]?.id }));
    for (const res of moves) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect((await readAsAdmin(collection, ownId as string))?.tenant).toBe(before?.tenant);
  });

  test.each(COLLECTIONS)('import into %s cannot overwrite B by id or create rows in B', async (collection) => {
    const api = as(tokens.ownerA);
    const id = probesB[collection]?.id;
    const overwrite = new FormData();
    overwrite.append(
      'file',
      new Blob([JSON.stringify([{ id, [markerFieldOf(collection)]: 'imported' }])], { type: 'application/json' }),
      'x.json',
    );
    const res = await api.post(`/utils/import/${collection}`, overwrite);
    expect(res.status, res.text).toBeLessThan(500);
    expect(await readAsAdmin(collection, id as string)).toEqual(snapshotB[collection]);

    const countB = async () =>
      rows(
        await admin().get(
          `/items/${collection}${qs({ filter: { tenant: { _eq: TENANT_B } }, limit: -1, fields: 'id' })}`,
        ),
      ).length;
    const before = await countB();
    for (const payload of [
      { ...childPayload(collection, probesB), tenant: TENANT_B },
      childPayload(collection, probesB),
    ]) {
      const intoB = new FormData();
      intoB.append('file', new Blob([JSON.stringify([payload])], { type: 'application/json' }), 'y.json');
      const res2 = await api.post(`/utils/import/${collection}`, intoB);
      expect(res2.status, res2.text).toBeLessThan(500);
    }
    expect(await countB()).toBe(before);
  });

  test('rows an owner creates are stamped with the own tenant, whatever the client sends', async () => {
    const api = as(tokens.ownerA);
    const res = await api.post('/items/leads', {
      workshop: probesA.workshops?.id,
      name: 'Stempeltest',
      phone: '+49 89 1',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.tenant).toBe(TENANT_A);
    const sneaky = await api.post('/items/leads', { workshop: probesA.workshops?.id, name: 'X', tenant: TENANT_B });
    expect(sneaky.status).toBe(403);
  });
});

describe('files and assets', () => {
  let fileA: string;
  let fileB: string;
  beforeAll(async () => {
    const upload = async (token: string, name: string) => {
      const form = new FormData();
      form.append('title', name);
      form.append('file', new Blob([`secret ${name}`], { type: 'text/plain' }), `${name}.txt`);
      const res = await as(token).post('/files', form);
      if (res.status !== 200) throw new Error(`Upload ${name}: ${res.status} ${res.text}`);
      return res.body.data as { id: string; tenant: string };
    };
    const a = await upload(tokens.ownerA, 'datei-a');
    const b = await upload(tokens.ownerB, 'datei-b');
    expect(a.tenant).toBe(TENANT_A);
    expect(b.tenant).toBe(TENANT_B);
    fileA = a.id;
    fileB = b.id;
  });

  test.each(TENANT_ACTORS)('%s sees only files of tenant A', async (actor) => {
    const api = as(tokens[actor]);
    const list = readDeniedOrEmpty(await api.get('/files?limit=-1&fields=id,tenant'));
    expect(list.map((f) => f.id)).toContain(fileA);
    expect(list.every((f) => f.tenant === TENANT_A)).toBe(true);
    expect((await api.get(`/files/${fileB}`)).status).toBe(403);
    expect((await api.get(`/assets/${fileB}`)).status).toBe(403);
    expect((await api.get(`/assets/${fileA}`)).status).toBe(200);
    expect(readDeniedOrEmpty(await api.get(`/files${qs({ search: 'datei-b' })}`))).toEqual([]);
    const count = await api.get(`/files${qs({ aggregate: { count: '*' }, filter: { tenant: { _eq: TENANT_B } } })}`);
    for (const g of readDeniedOrEmpty(count)) expect(Number(g.count)).toBe(0);
    const gql = await api.graphql('{ files(limit: -1) { id tenant { id } } }');
    expect(gql.text).not.toContain(fileB);
  });

  test('an owner cannot change, move or delete files of B', async () => {
    const api = as(tokens.ownerA);
    expect((await api.patch(`/files/${fileB}`, { title: 'hijacked' })).status).toBe(403);
    expect((await api.delete(`/files/${fileB}`)).status).toBe(403);
    expect((await api.patch(`/files/${fileA}`, { tenant: TENANT_B })).status).toBe(403);
    const b = await admin().get(`/files/${fileB}`);
    expect(b.body.data.title).toBe('datei-b');
  });
});

describe('users', () => {
  test.each(TENANT_ACTORS)('%s sees only users of tenant A', async (actor) => {
    const list = readDeniedOrEmpty(await as(tokens[actor]).get('/users?limit=-1&fields=id,tenant,email'));
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((u) => u.tenant === TENANT_A)).toBe(true);
    const bOwner = userOf(seedB, 'owner');
    expect((await as(tokens[actor]).get(`/users/${bOwner.id}`)).status).toBe(403);
    expect(readDeniedOrEmpty(await as(tokens[actor]).get(`/users${qs({ search: bOwner.email })}`))).toEqual([]);
  });

  test('an owner manages users of the own tenant only, and cannot hand out other roles', async () => {
    const api = as(tokens.ownerA);
    // New users come in by invitation (security-accounts.test.ts); direct creation is refused.
    const email = `neu.${Date.now()}@example.com`;
    const invited = await api.post('/users/invite', { email, role: ROLE.staff });
    expect(invited.status, invited.text).toBe(204);
    const found = await admin().get(`/users${qs({ filter: { email: { _eq: email } }, fields: 'id' })}`);
    const ok = { body: { data: { id: found.body.data[0].id as string } } };
    const created = await admin().get(`/users/${ok.body.data.id}?fields=tenant,role`);
    expect(created.body.data).toEqual({ tenant: TENANT_A, role: ROLE.staff });

    const adminRole = (await admin().get('/roles?filter[name][_eq]=Administrator&fields=id')).body.data[0]?.id;
    const attempts = [
      await api.post('/users', {
        email: `x1.${Date.now()}@example.com`,
        password: 'ein-gutes-passwort',
        role: adminRole,
      }),
      await api.post('/users', {
        email: `x2.${Date.now()}@example.com`,
        password: 'ein-gutes-passwort',
        role: ROLE.marketer,
      }),
      await api.post('/users', {
        email: `x3.${Date.now()}@example.com`,
        password: 'ein-gutes-passwort',
        role: ROLE.staff,
        tenant: TENANT_B,
      }),
      await api.patch(`/users/${ok.body.data.id}`, { role: adminRole }),
      await api.patch(`/users/${ok.body.data.id}`, { tenant: TENANT_B }),
      await api.patch(`/users/${userOf(seedB, 'staff').id}`, { first_name: 'hijacked' }),
      await api.post('/access', { user: ok.body.data.id, policy: POLICY.owner }),
    ];
    for (const res of attempts) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
    }
    const after = await admin().get(`/users/${ok.body.data.id}?fields=tenant,role`);
    expect(after.body.data).toEqual({ tenant: TENANT_A, role: ROLE.staff });
  });
});

describe('platform roles', () => {
  test('the marketer sees and writes platform content only', async () => {
    const api = as(tokens.marketer);
    for (const c of ['faqs', 'posts', 'faqs_translations', 'posts_translations']) {
      const list = readDeniedOrEmpty(await api.get(`/items/${c}?limit=-1&fields=id,tenant`));
      expect(list.length, c).toBeGreaterThan(0);
      expect(list.every((r) => r.tenant === null)).toBe(true);
    }
    for (const c of COLLECTIONS.filter((c) => !/^(faqs|posts)/.test(c))) {
      expect(readDeniedOrEmpty(await api.get(`/items/${c}?limit=-1`)), c).toEqual([]);
    }
    expect((await api.post('/items/faqs', { workshop: probesA.workshops?.id, category: 'x' })).status).toBe(403);
    const own = await api.post('/items/posts', { slug: `plattform-${Date.now()}`, status: 'draft' });
    expect(own.status, own.text).toBe(200);
    expect(own.body.data.tenant).toBeNull();
  });

  test('the Sites token reads published content only, and nothing private', async () => {
    const api = as(inject('sitesToken'));
    for (const c of [
      'leads',
      'conversations',
      'messages',
      'consents',
      'client_keys',
      'analytics_events',
      'analytics_daily',
      'inventory_feeds',
      'vehicle_history',
      'stripe_events',
    ]) {
      expect((await api.get(`/items/${c}`)).status, c).toBe(403);
    }
    expect(readDeniedOrEmpty(await api.get('/users?fields=id,email'))).toEqual([]);
    const workshops = rows(await api.get('/items/workshops?limit=-1&fields=id,status'));
    expect(workshops.length).toBeGreaterThan(0);
    expect(workshops.every((w) => w.status === 'published')).toBe(true);
    const posts = rows(await api.get('/items/posts?limit=-1&fields=id,status'));
    expect(posts.every((p) => p.status === 'published')).toBe(true);
    const tenantsRes = await api.get('/items/tenants?limit=-1');
    expect(tenantsRes.text).not.toMatch(/stripe_customer_id|billing_email|vat_id/);
    const writes = [
      await api.post('/items/posts', { slug: 'x' }),
      await api.patch(`/items/workshops/${probesA.workshops?.id}`, { name: 'x' }),
    ];
    for (const res of writes) expect(res.status).toBe(403);
  });

  test('the public reads nothing', async () => {
    const api = as(null);
    for (const c of [...COLLECTIONS, 'tenants', 'plans', 'site_templates', 'stripe_events']) {
      expect((await api.get(`/items/${c}`)).status, c).toBe(403);
    }
    expect((await api.get('/files')).status).toBe(403);
    expect((await api.get('/users')).status).toBe(403);
    const gql = await api.graphql('{ leads { id } }');
    expect(gql.text).not.toContain('probe-');
  });
});

/** A string field to write to in each collection (to detect any change). */
function markerFieldOf(collection: string): string {
  const fields: Record<string, string> = {
    workshops: 'name',
    workshops_translations: 'tagline',
    services: 'category',
    services_translations: 'name',
    faqs: 'category',
    faqs_translations: 'question',
    posts: 'slug',
    posts_translations: 'title',
    vehicles: 'make',
    workshop_photos: 'caption',
    testimonials: 'author',
    offers: 'title',
    vehicle_history: 'change',
    vehicle_photos: 'alt',
    inventory_feeds: 'name',
    conversations: 'origin',
    messages: 'content',
    leads: 'name',
    consents: 'text_shown',
    client_keys: 'name',
    analytics_events: 'path',
    analytics_daily: 'dimension',
    privacy_requests: 'matched_by',
  };
  return fields[collection] ?? 'id';
}

const PARENT_FIELD: Record<string, { field: string; collection: string }> = Object.fromEntries(
  Object.entries(TENANT_OWNED)
    .filter(([c, s]) => !c.startsWith('directus_') && s.from === 'parent')
    .map(([c, s]) => [
      c,
      s.from === 'parent' ? { field: s.field, collection: s.parent } : { field: '', collection: '' },
    ]),
);

/** A payload for a new row whose parent is the given tenant's probe. */
function childPayload(collection: string, parents: Probes): Record<string, unknown> {
  const parent = PARENT_FIELD[collection];
  const base: Record<string, unknown> = { [markerFieldOf(collection)]: `new-${collection}` };
  if (collection === 'workshops') return { ...base, slug: `neu-${Date.now()}` };
  if (parent) base[parent.field] = parents[parent.collection]?.id;
  const extra: Record<string, Record<string, unknown>> = {
    vehicles: { model: 'X' },
    messages: { role: 'staff' },
    consents: { purpose: 'lead_contact', policy_version: 'v1' },
    analytics_events: { type: 'page_view' },
    analytics_daily: { day: '2026-01-01', metric: 'page_view', value: 1 },
    vehicle_history: { change: 'created' },
  };
  return { ...base, ...(extra[collection] ?? {}) };
}
