import { pendingDeletes } from '@carbot/core/ops/pending-deletes';
import {
  catalogDependents,
  type PurgeBody,
  purgeBodies,
  purgeScope,
  siteServerUrls,
} from '@carbot/core/sites/purge-targets';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { CHANNEL, messageBus } from '../shared/bus.js';

/**
 * Saving, publishing or deleting anything a website shows purges exactly the owning tenant's cached pages
 * on every site server, after the change is committed. With Redis (`REDIS`) the purge is published on
 * the bus (shared/bus.ts) and every site server subscribed to it drops the pages — however many there
 * are, without a list; a site server that was cut off from Redis empties its whole cache when it is back.
 * Without Redis (the embedded installation) it is posted to the site servers in CARBOT_SITES_URLS
 * (default: the local one), authenticated with CARBOT_PURGE_SECRET; one that cannot be reached is
 * logged, its safety TTL limits staleness. CARBOT_SITES_URLS set explicitly is posted to in both cases.
 */
export default defineHook(({ action, filter }, { env, logger, database }) => {
  const secret = String(env.CARBOT_PURGE_SECRET ?? '');
  const bus = messageBus(env, logger);
  const urls =
    bus.shared && !env.CARBOT_SITES_URLS
      ? []
      : siteServerUrls(env.CARBOT_SITES_URLS as string | undefined, env.SITES_PORT as string | undefined);
  if (!secret && !bus.shared) {
    logger.warn('CARBOT_PURGE_SECRET fehlt: Website-Caches werden nach Änderungen nicht geleert.');
    return;
  }

  // Reads only the tenant column, without permissions: we need to know whose cache to purge even when
  // the acting user could not read the row (e.g. after a status change), and nothing is returned to them.
  const tenantsOf = async (db: Knex, collection: string, keys: unknown[]) => {
    const scope = purgeScope(collection);
    if (scope === 'tenant-key') return keys.map(String);
    if (scope === 'platform') {
      // A plan or template edit also changes the sites of the workshops built on it.
      const dependents = catalogDependents(collection);
      if (!dependents || keys.length === 0) return [null];
      const rows = await db(dependents.table)
        .select({ tenant: dependents.tenant })
        .whereIn(dependents.column, keys.slice(0, 1000) as string[])
        .whereNotNull(dependents.tenant);
      return [null, ...rows.map((r: { tenant: string }) => r.tenant)];
    }
    if (scope !== 'tenant-column' || keys.length === 0) return [];
    const rows = await db(collection)
      .select('tenant')
      .whereIn('id', keys.slice(0, 1000) as string[]);
    return rows.map((r: { tenant: string | null }) => r.tenant ?? null);
  };

  // A site server that is down (e.g. while seeding before it starts) would otherwise log on every save.
  const lastWarned = new Map<string, number>();
  const warnOnce = (url: string, message: string) => {
    const now = Date.now();
    if (now - (lastWarned.get(url) ?? 0) < 60_000) return;
    lastWarned.set(url, now);
    logger.warn(message);
  };

  const sendOne = async (body: PurgeBody) => {
    await Promise.all(
      urls.map(async (url) => {
        try {
          const res = await fetch(`${url}/_carbot/purge`, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(3000),
          });
          if (!res.ok) warnOnce(url, `Website-Cache ${url}: Leeren fehlgeschlagen (${res.status}).`);
        } catch (error) {
          warnOnce(url, `Website-Cache ${url} nicht erreichbar: ${(error as Error).message}`);
        }
      }),
    );
  };
  const send = async (tenants: (string | null | undefined)[]) => {
    for (const body of purgeBodies(tenants)) {
      if (bus.shared) await bus.publish(CHANNEL.purge, body);
      if (urls.length > 0) await sendOne(body);
    }
  };

  /** Tenants of rows about to be deleted, remembered until the delete has happened. */
  const pending = pendingDeletes<(string | null)[]>();
  filter('items.delete', async (keys, meta, context) => {
    const collection = String(meta.collection);
    if (purgeScope(collection) === 'none') return keys;
    const list = Array.isArray(keys) ? keys : [keys];
    try {
      pending.set(
        `${collection}:${JSON.stringify(list)}`,
        await tenantsOf(context.database ?? database, collection, list),
      );
    } catch (error) {
      logger.warn(`Website-Cache: Mandant der gelöschten Einträge unbekannt: ${(error as Error).message}`);
    }
    return keys;
  });

  const after = (keysOf: (meta: Record<string, unknown>) => unknown[]) => async (meta: Record<string, unknown>) => {
    const collection = String(meta.collection);
    if (purgeScope(collection) === 'none') return;
    try {
      await send(await tenantsOf(database, collection, keysOf(meta)));
    } catch (error) {
      logger.warn(`Website-Cache: ${(error as Error).message}`);
    }
  };
  action(
    'items.create',
    after((meta) => [meta.key]),
  );
  action(
    'items.update',
    after((meta) => (meta.keys as unknown[]) ?? []),
  );
  action('items.delete', async (meta) => {
    const collection = String(meta.collection);
    const list = (meta.keys as unknown[]) ?? [];
    const id = `${collection}:${JSON.stringify(list)}`;
    const tenants = pending.take(id);
    if (tenants) await send(tenants);
  });
  action(
    'files.upload',
    after((meta) => [meta.key]),
  );
  action(
    'files.update',
    after((meta) => (meta.keys as unknown[]) ?? []),
  );
});
