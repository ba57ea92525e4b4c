import { LEASES_TABLE } from '@carbot/core/ops/lease';
import { publishRefusal } from '@carbot/core/sync/envkv';
import { newFeedSecret } from '@carbot/core/sync/signature';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { feedLease } from '../shared/sync-feed.js';

const NotLawful = createError<{ reason: string }>('ENVKV_MISSING', ({ reason }) => reason, 400);

type Payload = Record<string, unknown>;

/**
 * Every feed gets a secret from the server at creation. Nobody can read it back (secret fields are in
 * no role's field list); the owner gets a fresh one, shown once, from POST /sync/feeds/{id}/secret.
 * A deleted feed takes its lease row along (its runs go by the database's cascade; a lease names its feed
 * only in text, so nothing else would remove it).
 *
 * A vehicle edited by hand (admin, REST, GraphQL) may not be put on sale as a new car without its
 * Pkw-EnVKV figures — the rule the sync applies to feed rows (core/sync/envkv), here for people.
 */
export default defineHook(({ action, filter }, { database }) => {
  const db = database as unknown as Knex;

  action('inventory_feeds.items.create', async ({ key }) => {
    await db('inventory_feeds').where('id', key).whereNull('push_secret').update({ push_secret: newFeedSecret() });
  });

  // An action, so only a delete that happened takes the lease along: Directus runs delete filters before it
  // checks permissions, and a refused delete (another tenant, staff) must not release a running sync's lease.
  action('inventory_feeds.items.delete', async ({ keys }) => {
    const names = ((keys as unknown[] | undefined) ?? []).map((key) => feedLease(String(key)));
    if (names.length > 0) await db(LEASES_TABLE).whereIn('name', names).delete();
  });

  filter('vehicles.items.create', (payload) => {
    const refusal = publishRefusal(payload as Payload, new Date());
    if (refusal) throw new NotLawful({ reason: refusal });
    return payload;
  });

  filter('vehicles.items.update', async (payload, meta, context) => {
    const keys = ((meta as { keys?: unknown[] }).keys ?? []).map(String);
    if (keys.length === 0) return payload;
    // The write's own connection: an import or batch holds a transaction (SQLite has one connection).
    const trx = ((context as { database?: unknown }).database as Knex | undefined) ?? db;
    const rows = (await trx('vehicles').whereIn('id', keys)) as Payload[];
    for (const row of rows) {
      const refusal = publishRefusal({ ...row, ...(payload as Payload) }, new Date());
      if (refusal) throw new NotLawful({ reason: refusal });
    }
    return payload;
  });
});
