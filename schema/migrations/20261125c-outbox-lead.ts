import type { Knex } from 'knex';

/**
 * A lead's notification mail names its lead, so the lead's "Benachrichtigt am" is set when the mail
 * actually went out, not when it was queued.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('carbot_outbox', (table) => {
    table.uuid('lead').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('carbot_outbox', (table) => {
    table.dropColumn('lead');
  });
}
