import type { Knex } from 'knex';

/**
 * Inventory sync: identities the database itself enforces (a feed's external id once per feed, a VIN
 * once per workshop), a lease per feed so two runs of one feed never overlap across Directus instances
 * (Redis may be absent in the embedded setup, the database never is), and what the sync knows about
 * each downloaded image so an unchanged image is never fetched again.
 */
export async function up(knex: Knex): Promise<void> {
  // Pull schedules are intervals now; a cron text from before becomes hourly.
  await knex('inventory_feeds')
    .whereNotIn('schedule', ['15m', '30m', '1h', '3h', '6h', '12h', '24h'])
    .update({ schedule: '1h' });
  await knex.schema.alterTable('vehicles', (table) => {
    table.unique(['feed', 'external_id'], { indexName: 'vehicles_feed_external_id_unique' });
    table.unique(['workshop', 'vin'], { indexName: 'vehicles_workshop_vin_unique' });
  });
  await knex.schema.createTable('carbot_sync_leases', (table) => {
    table.uuid('feed').primary();
    table.string('holder', 100).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('carbot_sync_images', (table) => {
    table.increments('id');
    table.uuid('tenant').notNullable();
    table.string('url_hash', 64).notNullable();
    table.text('url').notNullable();
    table.string('etag', 255).nullable();
    table.string('sha256', 64).nullable();
    table.uuid('file').nullable();
    table.timestamp('fetched_at', { useTz: true }).notNullable();
    table.unique(['tenant', 'url_hash'], { indexName: 'carbot_sync_images_tenant_url_unique' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_sync_images');
  await knex.schema.dropTableIfExists('carbot_sync_leases');
  await knex.schema.alterTable('vehicles', (table) => {
    table.dropUnique(['workshop', 'vin'], 'vehicles_workshop_vin_unique');
    table.dropUnique(['feed', 'external_id'], 'vehicles_feed_external_id_unique');
  });
}
