import { pendingDeletes } from '@carbot/core/ops/pending-deletes';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { CHANNEL, messageBus } from '../shared/bus.js';
import { searchIndexPending } from '../shared/lifecycle.js';
import { reindexWorkshop, shareReindexes } from '../shared/search.js';

/** Which workshop a changed row belongs to: directly, or through its parent. */
const WORKSHOP_OF: Record<string, { table: string; parent?: string; field: string }> = {
  workshops: { table: 'workshops', field: 'id' },
  services: { table: 'services', field: 'workshop' },
  faqs: { table: 'faqs', field: 'workshop' },
  posts: { table: 'posts', field: 'workshop' },
  vehicles: { table: 'vehicles', field: 'workshop' },
  services_translations: { table: 'services_translations', parent: 'services', field: 'services_id' },
  faqs_translations: { table: 'faqs_translations', parent: 'faqs', field: 'faqs_id' },
  posts_translations: { table: 'posts_translations', parent: 'posts', field: 'posts_id' },
};

async function workshopsOf(db: Knex, collection: string, keys: unknown[]): Promise<string[]> {
  const source = WORKSHOP_OF[collection];
  if (!source || keys.length === 0) return [];
  if (collection === 'workshops') return keys.map(String);
  const rows = await db(source.table)
    .select(source.field)
    .whereIn('id', keys as string[]);
  const ids = rows.map((r) => r[source.field]).filter(Boolean);
  if (!source.parent) return [...new Set(ids.map(String))];
  const parents = await db(source.parent).select('workshop').whereIn('id', ids);
  return [
    ...new Set(
      parents
        .map((p) => p.workshop)
        .filter(Boolean)
        .map(String),
    ),
  ];
}

/**
 * Keeps the chat's full-text index current: any change to a workshop's content reindexes that
 * workshop (one transaction, a moment after the write is committed).
 */
export default defineHook(({ action, filter }, { database, logger, env }) => {
  shareReindexes(messageBus(env, logger), CHANNEL.reindexed);
  // Writes come in bursts (a batch create, an inventory sync): collect the workshops they touch and
  // reindex each once, shortly after the burst, instead of once per row.
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One flush at a time, so two reindexes of the same workshop never interleave.
  let running: Promise<void> = Promise.resolve();
  const flush = async () => {
    const workshops = [...pending];
    pending.clear();
    for (const id of workshops) {
      try {
        await reindexWorkshop(database, id);
      } catch (error) {
        logger.warn(`Suchindex für Werkstatt ${id} nicht aktualisiert: ${(error as Error).message}`);
      }
    }
    // Caught up unless new changes arrived meanwhile (the health report shows the lag).
    if (pending.size === 0) searchIndexPending(false);
  };
  const reindex = async (workshops: string[]) => {
    for (const id of workshops) pending.add(id);
    if (pending.size > 0) searchIndexPending(true);
    if (pending.size === 0 || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(flush);
    }, 150);
  };
  // Deleted rows cannot be looked up afterwards: remember their workshops before the delete.
  const deleting = pendingDeletes<string[]>();
  for (const collection of Object.keys(WORKSHOP_OF)) {
    action(`${collection}.items.create`, async ({ key }) => reindex(await workshopsOf(database, collection, [key])));
    action(`${collection}.items.update`, async ({ keys }) => reindex(await workshopsOf(database, collection, keys)));
    filter(`${collection}.items.delete`, async (keys: unknown) => {
      const list = keys as unknown[];
      deleting.set(`${collection}:${list.join(',')}`, await workshopsOf(database, collection, list));
      return keys;
    });
    action(`${collection}.items.delete`, async ({ keys }) => {
      const id = `${collection}:${(keys as unknown[]).join(',')}`;
      const workshops = deleting.take(id) ?? [];
      await reindex(workshops);
    });
  }
});
