import { newFeedSecret } from '@carbot/core/sync/signature';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';

/**
 * Every feed gets a secret from the server at creation. Nobody can read it back (secret fields are in
 * no role's field list); the owner gets a fresh one, shown once, from POST /sync/feeds/{id}/secret.
 */
export default defineHook(({ action }, { database }) => {
  action('inventory_feeds.items.create', async ({ key }) => {
    await (database as unknown as Knex)('inventory_feeds')
      .where('id', key)
      .whereNull('push_secret')
      .update({ push_secret: newFeedSecret() });
  });
});
