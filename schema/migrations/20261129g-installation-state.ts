import type { Knex } from 'knex';

/**
 * The installation's own bookkeeping as key and value: `npm start` keeps the fingerprint of its last
 * complete preparation here (scripts/lib/preparation.ts), in the database rather than beside it, since
 * every instance of a cluster starts on the same database.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('carbot_state', (table) => {
    table.string('key', 64).primary();
    table.text('value').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_state');
}
