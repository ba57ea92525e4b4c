import { LEASES_TABLE } from '@carbot/core/ops/lease';
import type { Knex } from 'knex';

/**
 * One lease table for every exclusive job: the retention purge (was `carbot_jobs`) and the feed syncs (was
 * `carbot_sync_leases`, now leases `feed-sync:<feed>`) move onto `carbot_leases` (core/src/ops/lease.ts),
 * which gains the last report a job leaves (the retention purge's counts). The purge's last run is carried
 * over; feed leases are not — a sync that holds one during the upgrade runs on an instance being replaced.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasColumn(LEASES_TABLE, 'last_report'))) {
    await knex.schema.alterTable(LEASES_TABLE, (table) => {
      table.text('last_report').nullable();
    });
  }
  if (await knex.schema.hasTable('carbot_jobs')) {
    const jobs = await knex('carbot_jobs').select('name', 'last_started_at', 'last_finished_at', 'last_report');
    // SQLite keeps knex's dates as milliseconds (a number or its text), PostgreSQL as timestamps.
    const ms = (value: unknown) => {
      if (value === null || value === undefined || value === '') return null;
      const time = /^\d+$/.test(String(value)) ? Number(value) : new Date(value as string).getTime();
      return Number.isFinite(time) ? time : null;
    };
    for (const job of jobs) {
      await knex(LEASES_TABLE)
        .insert({
          name: job.name,
          holder: null,
          expires_at: 0,
          last_started_at: ms(job.last_started_at),
          last_finished_at: ms(job.last_finished_at),
          last_report: job.last_report ?? null,
        })
        .onConflict('name')
        .ignore();
    }
    await knex.schema.dropTable('carbot_jobs');
  }
  await knex.schema.dropTableIfExists('carbot_sync_leases');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('carbot_jobs', (table) => {
    table.string('name', 64).primary();
    table.string('holder', 128).nullable();
    table.timestamp('lease_until', { useTz: true }).nullable();
    table.timestamp('last_started_at', { useTz: true }).nullable();
    table.timestamp('last_finished_at', { useTz: true }).nullable();
    table.text('last_report').nullable();
  });
  await knex.schema.createTable('carbot_sync_leases', (table) => {
    table.uuid('feed').primary();
    table.string('holder', 100).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable(LEASES_TABLE, (table) => {
    table.dropColumn('last_report');
  });
}
