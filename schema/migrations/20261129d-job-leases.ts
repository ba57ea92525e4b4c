import type { Knex } from 'knex';

/**
 * Leases and last runs of CarBot's own scheduled jobs (the nightly retention purge): a job runs once per
 * cluster because only the instance holding the lease runs it, also without Redis.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('carbot_jobs', (table) => {
    table.string('name', 64).primary();
    table.string('holder', 128).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('last_started_at', { useTz: true }).nullable();
    table.timestamp('last_finished_at', { useTz: true }).nullable();
    table.text('last_report').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_jobs');
}
