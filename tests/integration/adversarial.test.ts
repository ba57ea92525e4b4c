/**
 * What an attacker with a workshop account tries after the direct paths are closed, generated from the live
 * schema: for every relation a tenant role can reach, a filter, aggregate, count, search, deep query or
 * batch write through it must answer exactly the same for another tenant's real value as for a made-up one,
 * sorting through it must not order by rows the caller cannot read, and a write pointing it at another
 * tenant's row is refused. New collections and relations are covered without touching this file.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login, qs, type Reply } from '../support/http.ts';
import { createProbes } from '../support/probes.ts';

const [seedA, seedB] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
const userOf = (seed: typeof seedA, role: 'owner' | 'staff') => {
  const user = seed.users.find((u) => u.role === role);
  if (!user) throw new Error(`Demo-Daten ohne ${role}`);
  return user;
};

type Row = Record<string, unknown>;
type LiveRelation = {
  collection: string;
  field: string;
  related_collection: string | null;
  meta: { one_field: string | null } | null;
};
/** One hop an attacker can take: from `root`, through `key` (a field, o2m alias or `$FOLLOW`), to `target`. */
type Edge = { root: string; key: string; target: string; via: 'm2o' | 'o2m' | 'follow' };
/** A value of a row the attacker must not learn: the target row's primary key or one of its texts. */
type Secret = { field: string; value: string | number };

const ACTORS = ['ownerA', 'staffA'] as const;
type ActorName = (typeof ACTORS)[number];
let tokens: Record<ActorName | 'ownerB', string>;
let edges: Edge[] = [];
const primaryKeys = new Map<string, string>();
/** Per target collection: values of one row the attacker may not read (another tenant's, or the platform's). */
const secrets = new Map<string, Secret[]>();

const pathOf = (collection: string) =>
  collection.startsWith('directus_') ? `/${collection.slice('directus_'.length)}` : `/items/${collection}`;
const rows = (res: Reply): Row[] => (Array.isArray(res.body?.data) ? res.body.data : []);

/** Replies compared as the attacker sees them: status and body, minus nothing. */
const answer = (res: Reply) => ({ status: res.status, body: res.body });

function decoy(secret: Secret): Secret {
  if (typeof secret.value === 'number') return { field: secret.field, value: secret.value + 987_654 };
  const v = String(secret.value);
  if (/^[0-9a-f-]{36}$/i.test(v)) return { field: secret.field, value: randomUUID() };
  // Same length and first character: a `_starts_with` probe with one more character tells the same story.
  return { field: secret.field, value: `${v[0]}${'q'.repeat(Math.max(1, v.length - 1))}` };
}

async function readableKeys(actor: ActorName, collection: string): Promise<Set<string> | null> {
  const pk = primaryKeys.get(collection) ?? 'id';
  const res = await as(tokens[actor]).get(`${pathOf(collection)}${qs({ fields: pk, limit: -1 })}`);
  if (res.status !== 200) return null;
  return new Set(rows(res).map((r) => String(r[pk])));
}

/** A row of `collection` no tenant-A actor may read, with its key and its first text value. */
async function secretOf(collection: string): Promise<Secret[]> {
  const pk = primaryKeys.get(collection) ?? 'id';
  const all = rows(await admin().get(`${pathOf(collection)}${qs({ limit: 200, fields: '*' })}`));
  const visible = await Promise.all(ACTORS.map((a) => readableKeys(a, collection)));
  const hidden = all.filter((row) => visible.every((keys) => !keys?.has(String(row[pk]))));
  // Prefer another tenant's row: that is what the review extracted.
  const row = hidden.find((r) => r.tenant === seedB.tenant.id || r.id === seedB.tenant.id) ?? hidden[0];
  if (!row) return [];
  const out: Secret[] = [{ field: pk, value: row[pk] as string }];
  // A text only the hidden row has: a value shared with the attacker's own rows would match those, rightly.
  const hiddenKeys = new Set(hidden.map((r) => String(r[pk])));
  for (const [field, value] of Object.entries(row)) {
    if (field === pk || typeof value !== 'string' || value.length < 3 || /^[0-9a-f-]{36}$/i.test(value)) continue;
    if (/^\d{4}-\d\d-\d\d/.test(value)) continue;
    const same = rows(
      await admin().get(`${pathOf(collection)}${qs({ filter: { [field]: { _eq: value } }, fields: pk, limit: -1 })}`),
    );
    if (same.every((r) => hiddenKeys.has(String(r[pk])))) {
      out.push({ field, value });
      break;
    }
  }
  return out;
}

beforeAll(async () => {
  await createProbes(seedA.tenant.id, 'A');
  await createProbes(seedB.tenant.id, 'B');
  tokens = {
    ownerA: await login(userOf(seedA, 'owner').email, userOf(seedA, 'owner').password),
    staffA: await login(userOf(seedA, 'staff').email, userOf(seedA, 'staff').password),
    ownerB: await login(userOf(seedB, 'owner').email, userOf(seedB, 'owner').password),
  };
  // A private file of tenant B and a platform folder: targets of file and folder links.
  const form = new FormData();
  form.append('file', new Blob(['geheim'], { type: 'text/plain' }), 'privat-b.txt');
  await as(tokens.ownerB).post('/files', form);
  await admin().post('/folders', { name: `plattform-${Date.now()}` });

  const collections = rows(await admin().get('/collections?limit=-1'));
  const fields = rows(await admin().get('/fields?limit=-1'));
  for (const c of collections) {
    const pk = fields.find((f) => f.collection === c.collection && (f.schema as Row | null)?.is_primary_key);
    primaryKeys.set(c.collection as string, (pk?.field as string | undefined) ?? 'id');
  }
  const relations = rows(await admin().get('/relations?limit=-1')) as unknown as LiveRelation[];
  for (const r of relations) {
    if (!r.related_collection) continue;
    edges.push({ root: r.collection, key: r.field, target: r.related_collection, via: 'm2o' });
    if (r.meta?.one_field) {
      edges.push({ root: r.related_collection, key: r.meta.one_field, target: r.collection, via: 'o2m' });
    } else {
      edges.push({
        root: r.related_collection,
        key: `$FOLLOW(${r.collection},${r.field})`,
        target: r.collection,
        via: 'follow',
      });
    }
  }
  // Only hops from a collection a tenant role can list at all.
  const listable = new Set<string>();
  for (const collection of new Set(edges.map((e) => e.root))) {
    for (const actor of ACTORS) if (await readableKeys(actor, collection)) listable.add(collection);
  }
  edges = edges.filter((e) => listable.has(e.root));
  for (const target of new Set(edges.map((e) => e.target))) secrets.set(target, await secretOf(target));
  edges = edges.filter((e) => (secrets.get(e.target) ?? []).length > 0);
}, 240_000);

const name = (e: Edge) => `${e.root} → ${e.key} → ${e.target}`;

// Hundreds of requests per test: generous limits, no timing assertions.
describe('relational oracles (generated from the live schema)', { timeout: 600_000 }, () => {
  test('the schema gives the attacker something to try', () => {
    // Guards against a vacuous suite: the review's own paths must be among the generated ones.
    const names = edges.map(name);
    expect(names).toContain('directus_roles → users → directus_users');
    expect(names).toContain('leads → conversation → conversations');
    expect(names).toContain('vehicles → cover_image → directus_files');
    expect(edges.length).toBeGreaterThan(40);
  });

  test.each(ACTORS)(
    '%s: filters, counts, aggregates and batch writes answer the same for real and made-up values',
    async (actor) => {
      const api = as(tokens[actor]);
      const leaks: string[] = [];
      for (const edge of edges) {
        const pk = primaryKeys.get(edge.root) ?? 'id';
        for (const secret of secrets.get(edge.target) ?? []) {
          const probe = async (s: Secret) => {
            const filters: Record<string, unknown>[] = [
              { [edge.key]: { [s.field]: { _eq: s.value } } },
              { [edge.key]: { [s.field]: { _starts_with: String(s.value) } } },
              { [edge.key]: { _some: { [s.field]: { _eq: s.value } } } },
              {
                _and: [
                  { [edge.key]: { [s.field]: { _eq: s.value } } },
                  { [edge.key]: { [s.field]: { _nnull: true } } },
                ],
              },
            ];
            const out: unknown[] = [];
            for (const filter of filters) {
              if (edge.via === 'm2o' && JSON.stringify(filter).includes('_some')) continue;
              out.push(
                answer(
                  await api.get(`${pathOf(edge.root)}${qs({ filter, fields: pk, limit: -1, meta: 'filter_count' })}`),
                ),
              );
            }
            const aggregate = await api.get(
              `${pathOf(edge.root)}${qs({ filter: filters[0], aggregate: { count: '*' } })}`,
            );
            out.push(answer(aggregate));
            const batch = await api.patch(pathOf(edge.root), { query: { filter: filters[0] }, data: {} });
            out.push(batch.status);
            return out;
          };
          const real = await probe(secret);
          const made = await probe(decoy(secret));
          for (const [i, r] of real.entries()) {
            if (JSON.stringify(r) !== JSON.stringify(made[i])) {
              leaks.push(
                `${name(edge)} .${secret.field} #${i}: ${JSON.stringify(r).slice(0, 160)} ≠ ${JSON.stringify(made[i]).slice(0, 160)}`,
              );
            }
          }
          for (const r of real)
            expect((r as { status?: number }).status ?? r, name(edge)).not.toBeGreaterThanOrEqual(500);
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  test.each(ACTORS)(
    '%s: deep queries through every to-many relation answer the same for real and made-up values',
    async (actor) => {
      const api = as(tokens[actor]);
      const leaks: string[] = [];
      const toMany = edges.filter((e) => e.via === 'o2m');
      for (const outer of toMany) {
        // Inside a deep query on `outer`, filter through each hop leaving its target collection.
        for (const edge of edges.filter((e) => e.root === outer.target && e.via !== 'follow')) {
          for (const secret of secrets.get(edge.target) ?? []) {
            const pkOuter = primaryKeys.get(outer.root) ?? 'id';
            const pkInner = primaryKeys.get(outer.target) ?? 'id';
            const probe = async (s: Secret) =>
              answer(
                await api.get(
                  `${pathOf(outer.root)}${qs({
                    fields: `${pkOuter},${outer.key}.${pkInner}`,
                    deep: { [outer.key]: { _filter: { [edge.key]: { [s.field]: { _eq: s.value } } } } },
                    limit: -1,
                  })}`,
                ),
              );
            const real = await probe(secret);
            const made = await probe(decoy(secret));
            expect(real.status, `${name(outer)} / ${name(edge)}`).toBeLessThan(500);
            if (JSON.stringify(real) !== JSON.stringify(made))
              leaks.push(`${name(outer)} / ${name(edge)} .${secret.field}`);
          }
        }
      }
      expect(leaks).toEqual([]);
    },
  );

  test.each(ACTORS)('%s: sorting and counting through relations never orders or counts hidden rows', async (actor) => {
    const api = as(tokens[actor]);
    for (const edge of edges) {
      const pk = primaryKeys.get(edge.root) ?? 'id';
      const [secret] = secrets.get(edge.target) ?? [];
      if (!secret) continue;
      if (edge.via === 'm2o') {
        const res = await api.get(
          `${pathOf(edge.root)}${qs({ sort: `-${edge.key}.${secret.field}`, fields: pk, limit: -1 })}`,
        );
        // Refused with a message, or (where every related row is readable) answered: never a 5xx.
        expect(res.status, `${name(edge)} ${res.text}`).toBeLessThan(500);
        if (res.status !== 200) {
          expect(res.status).toBe(400);
          expect(res.body.errors[0].message).toMatch(/nicht erlaubt/);
        }
      } else if (edge.via === 'o2m') {
        for (const query of [
          { filter: { [`count(${edge.key})`]: { _gt: 0 } }, fields: pk },
          { fields: `${pk},count(${edge.key})` },
          { sort: `count(${edge.key})`, fields: pk },
        ]) {
          const res = await api.get(`${pathOf(edge.root)}${qs({ ...query, limit: -1 })}`);
          expect(res.status, `${name(edge)} ${JSON.stringify(query)} ${res.text}`).toBeLessThan(500);
          // Either refused, or every count covers readable rows only.
          if (res.status === 200) {
            for (const row of rows(res)) {
              const counted = row[`${edge.key}_count`] ?? row[`count(${edge.key})`];
              if (counted === undefined) continue;
              const visible = await api.get(
                `${pathOf(edge.target)}${qs({ filter: { [edge.key]: { _eq: row[pk] } }, aggregate: { count: '*' } })}`,
              );
              if (visible.status === 200)
                expect(Number(counted)).toBeLessThanOrEqual(Number(visible.body.data[0]?.count ?? 0));
            }
          }
        }
      }
    }
  });

  test.each(ACTORS)('%s: search answers the same for another tenant’s values and made-up ones', async (actor) => {
    const api = as(tokens[actor]);
    for (const [collection, list] of secrets) {
      const pk = primaryKeys.get(collection) ?? 'id';
      if (!(await readableKeys(actor, collection))) continue;
      for (const secret of list.filter((x) => typeof x.value === 'string' && x.field !== primaryKeys.get(collection))) {
        const real = await api.get(
          `${pathOf(collection)}${qs({ search: String(secret.value), fields: pk, meta: 'filter_count' })}`,
        );
        const made = await api.get(
          `${pathOf(collection)}${qs({ search: String(decoy(secret).value), fields: pk, meta: 'filter_count' })}`,
        );
        expect(answer(real), `${collection}.${secret.field}`).toEqual(answer(made));
      }
    }
  });

  test.each(ACTORS)(
    '%s: GraphQL filters through relations answer the same for real and made-up values',
    async (actor) => {
      const api = as(tokens[actor]);
      const emailB = userOf(seedB, 'owner').email;
      const queries = [
        (v: string) => `{ leads(filter: { conversation: { messages: { content: { _contains: "${v}" } } } }) { id } }`,
        (v: string) => `{ workshops(filter: { tenant: { billing_email: { _eq: "${v}" } } }) { id } }`,
        (v: string) =>
          `{ leads_aggregated(filter: { workshop: { tenant: { vat_id: { _starts_with: "${v}" } } } }) { count { id } } }`,
      ];
      for (const query of queries) {
        const real = await api.graphql(query(String(seedB.tenant.vat_id ?? emailB)));
        const made = await api.graphql(query('zz-unbekannt'));
        expect(real.status).toBeLessThan(500);
        expect(answer(real)).toEqual(answer(made));
      }
      const system = await as(tokens[actor]).post('/graphql/system', {
        query: `{ roles(filter: { users: { email: { _eq: "${emailB}" } } }) { id } }`,
      });
      const systemMade = await as(tokens[actor]).post('/graphql/system', {
        query: '{ roles(filter: { users: { email: { _eq: "niemand@example.com" } } }) { id } }',
      });
      expect(answer(system)).toEqual(answer(systemMade));
    },
  );
});

describe('links to rows the writer may not read (generated from the live schema)', { timeout: 600_000 }, () => {
  test.each(ACTORS)(
    '%s: every many-to-one field refuses another tenant’s row, on update and batch update',
    async (actor) => {
      const api = as(tokens[actor]);
      const accepted: string[] = [];
      for (const edge of edges.filter((e) => e.via === 'm2o')) {
        const [secret] = secrets.get(edge.target) ?? [];
        if (!secret) continue;
        const pk = primaryKeys.get(edge.root) ?? 'id';
        const own = rows(await api.get(`${pathOf(edge.root)}${qs({ fields: `${pk},${edge.key}`, limit: 1 })}`))[0];
        if (!own) continue;
        const before = (await admin().get(`${pathOf(edge.root)}/${own[pk]}?fields=${edge.key}`)).body?.data;
        const attempts = [
          await api.patch(`${pathOf(edge.root)}/${own[pk]}`, { [edge.key]: secret.value }),
          await api.patch(pathOf(edge.root), { keys: [own[pk]], data: { [edge.key]: secret.value } }),
          await api.patch(`${pathOf(edge.root)}/${own[pk]}`, { [edge.key]: { [secret.field]: secret.value } }),
        ];
        for (const res of attempts) expect(res.status, `${name(edge)} ${res.text}`).toBeLessThan(500);
        const after = (await admin().get(`${pathOf(edge.root)}/${own[pk]}?fields=${edge.key}`)).body?.data;
        const linked = after?.[edge.key];
        if (
          JSON.stringify(after) !== JSON.stringify(before) &&
          String(linked?.[secret.field] ?? linked) === String(secret.value)
        ) {
          accepted.push(name(edge));
        }
      }
      expect(accepted).toEqual([]);
    },
  );

  test('the review’s cases: a lead on B’s conversation, a vehicle with B’s private file as cover', async () => {
    const api = as(tokens.ownerA);
    const conversationB = (secrets.get('conversations') ?? [])[0]?.value;
    const fileB = rows(
      await admin().get(`/files${qs({ filter: { tenant: { _eq: seedB.tenant.id } }, fields: 'id', limit: 1 })}`),
    )[0]?.id;
    const workshopA = seedA.workshops[0]?.id;
    const lead = await api.post('/items/leads', {
      workshop: workshopA,
      name: 'Angreifer',
      phone: '+49 30 1',
      conversation: conversationB,
    });
    expect(lead.status, lead.text).toBe(403);
    expect(lead.body.errors[0].message).toMatch(/keinen Zugriff/);
    const vehicle = await api.post('/items/vehicles', {
      workshop: workshopA,
      make: 'X',
      model: 'Y',
      cover_image: fileB,
    });
    expect(vehicle.status, vehicle.text).toBe(403);
    const viaGraphql = await api.graphql(
      'mutation ($w: ID!, $c: ID!) { create_leads_item(data: { workshop: { id: $w }, name: "G", phone: "1", conversation: { id: $c } }) { id } }',
      { w: workshopA, c: conversationB },
    );
    expect(viaGraphql.body?.data?.create_leads_item ?? null).toBeNull();
    // Own rows and platform rows (plans, templates, languages) stay linkable.
    const fine = await api.post('/items/leads', { workshop: workshopA, name: 'Echt', phone: '+49 30 2' });
    expect(fine.status, fine.text).toBe(200);
  });
});
