import type { Knex } from 'knex';

/**
 * Appointment booking: the per-workshop lock row every booking transaction takes first (so two requests
 * for the last bay are decided one after the other, on any number of instances), mail attachments in the
 * outbox (the .ics of a confirmation), and the index the slot queries use.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('carbot_booking_locks'))) {
    await knex.schema.createTable('carbot_booking_locks', (table) => {
      table.uuid('workshop').primary();
      table.integer('version').notNullable().defaultTo(0);
    });
  }
  if (!(await knex.schema.hasColumn('carbot_outbox', 'attachments'))) {
    await knex.schema.alterTable('carbot_outbox', (table) => {
      table.text('attachments').nullable();
    });
  }
  if (await knex.schema.hasTable('appointments')) {
    await knex.schema.alterTable('appointments', (table) => {
      table.index(['workshop', 'start'], 'appointments_workshop_start');
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_booking_locks');
  await knex.schema.alterTable('carbot_outbox', (table) => {
    table.dropColumn('attachments');
  });
}
