import type { Knex } from 'knex';

/** The dashboard reads today's raw events of one tenant across all types: an index that starts with both. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('analytics_events', (table) => {
    table.index(['tenant', 'day', 'type'], 'analytics_events_tenant_day_type');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('analytics_events', (table) => {
    table.dropIndex(['tenant', 'day', 'type'], 'analytics_events_tenant_day_type');
  });
}
