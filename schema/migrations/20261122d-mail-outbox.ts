import type { Knex } from 'knex';

/** Persisted outbox for notification mails: nothing is lost when the mail server is down. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('carbot_outbox', (table) => {
    table.increments('id');
    table.uuid('tenant').nullable().index();
    table.string('recipient', 320).notNullable();
    table.string('subject', 300).notNullable();
    table.text('text').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('next_attempt_at', { useTz: true }).notNullable().index();
    table.timestamp('sent_at', { useTz: true }).nullable().index();
    table.text('last_error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_outbox');
}
