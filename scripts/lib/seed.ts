import { ROLE } from '@carbot/core/roles';
import { createItems, createTranslations, createUsers, readItems, readTranslations, readUsers } from '@directus/sdk';
import { adminTranslations, languages, plans, siteTemplates } from '../../seeds/base/index.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { platform } from '../../seeds/demo/platform.ts';
import type { DemoUser, Row, TenantSeed } from '../../seeds/types.ts';
import type { Client } from './directus-client.ts';

type Log = (message: string) => void;

/** Inserts the rows whose key is not in the database yet; existing rows are left exactly as they are. */
async function insertMissing(client: Client, collection: string, key: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return 0;
  const existing = (await client.request(
    readItems(
      collection as never,
      { fields: [key], filter: { [key]: { _in: rows.map((r) => r[key]) } }, limit: -1 } as never,
    ),
  )) as Record<string, unknown>[];
  const have = new Set(existing.map((r) => String(r[key])));
  const missing = rows.filter((r) => !have.has(String(r[key])));
  // Batches keep each request small enough for Directus's body limit and show progress on big sets.
  for (let i = 0; i < missing.length; i += 100) {
    await client.request(createItems(collection as never, missing.slice(i, i + 100) as never));
  }
  return missing.length;
}

const ROLE_OF: Record<DemoUser['role'], string> = { owner: ROLE.owner, staff: ROLE.staff, marketer: ROLE.marketer };

async function insertUsers(client: Client, users: DemoUser[], tenant: string | null) {
  if (users.length === 0) return 0;
  const existing = await client.request(readUsers({ fields: ['id'], filter: { id: { _in: users.map((u) => u.id) } } }));
  const have = new Set(existing.map((u) => u.id));
  const missing = users
    .filter((u) => !have.has(u.id))
    .map(({ role, ...user }) => ({ ...user, role: ROLE_OF[role], tenant, status: 'active' as const }));
  if (missing.length) await client.request(createUsers(missing as never));
  return missing.length;
}

const exists = async (client: Client, collection: string, id: string) =>
  (
    (await client.request(
      readItems(collection as never, { fields: ['id'], filter: { id: { _eq: id } } } as never),
    )) as unknown[]
  ).length > 0;

/** Reference data every installation needs: languages, plans, website templates. */
export async function seedBase(client: Client, log: Log) {
  const counts = [
    await insertMissing(client, 'languages', 'code', languages),
    await insertMissing(client, 'plans', 'key', plans),
    await insertMissing(client, 'site_templates', 'key', siteTemplates),
    await insertMissingTranslations(client),
  ];
  log(
    `Stammdaten: ${counts[0]} Sprachen, ${counts[1]} Tarife, ${counts[2]} Vorlagen, ${counts[3]} Admin-Übersetzungen neu`,
  );
}

/** Admin texts by language and key; one an administrator reworded stays as they left it. */
async function insertMissingTranslations(client: Client) {
  const existing = await client.request(readTranslations({ fields: ['language', 'key'], limit: -1 }));
  const have = new Set(existing.map((t) => `${t.language}:${t.key}`));
  const missing = adminTranslations.filter((t) => !have.has(`${t.language}:${t.key}`));
  if (missing.length) await client.request(createTranslations(missing as never));
  return missing.length;
}

async function seedTenant(client: Client, seed: TenantSeed, log: Log) {
  const name = String(seed.tenant.name);
  if (await exists(client, 'tenants', seed.tenant.id)) {
    log(`Demo „${name}“: vorhanden, unverändert`);
    return;
  }
  const steps: [string, string, Row[]][] = [
    ['tenants', 'Mandant', [seed.tenant]],
    // Workshops take their tenant from the creating user; the platform admin seeding has none.
    ['workshops', 'Werkstätten', seed.workshops.map((w) => ({ ...w, tenant: seed.tenant.id }))],
    ['services', 'Leistungen', seed.services],
    ['faqs', 'FAQ', seed.faqs],
    ['posts', 'Beiträge', seed.posts],
    ['inventory_feeds', 'Fahrzeug-Feeds', seed.feeds ?? []],
    ['vehicles', 'Fahrzeuge', seed.vehicles],
  ];
  const done: string[] = [];
  for (const [collection, label, rows] of steps) {
    const n = await insertMissing(client, collection, 'id', rows);
    if (n) done.push(`${n} ${label}`);
  }
  const users = await insertUsers(client, seed.users, seed.tenant.id);
  if (users) done.push(`${users} Benutzer`);
  log(`Demo „${name}“: ${done.join(', ')}`);
}

/** Demo customers and platform content. A customer that already exists is not touched. */
export async function seedDemo(client: Client, log: Log) {
  for (const seed of tenants) await seedTenant(client, seed, log);
  const anchor = platform.posts[0];
  if (anchor && (await exists(client, 'posts', anchor.id))) {
    log('Demo Plattform-Inhalte: vorhanden, unverändert');
    return;
  }
  const faqs = await insertMissing(client, 'faqs', 'id', platform.faqs);
  const posts = await insertMissing(client, 'posts', 'id', platform.posts);
  const users = await insertUsers(client, platform.users, null);
  log(`Demo Plattform-Inhalte: ${faqs} FAQ, ${posts} Beiträge, ${users} Benutzer`);
}

/** Demo logins to print, grouped by customer. */
export function demoLogins(): { label: string; users: DemoUser[] }[] {
  return [
    ...tenants.map((t) => ({ label: String(t.tenant.name), users: t.users })),
    { label: 'Plattform', users: platform.users },
  ];
}
