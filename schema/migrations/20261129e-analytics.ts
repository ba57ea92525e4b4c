import type { Knex } from 'knex';

/**
 * Cookie-less analytics: one rollup row per workshop, day, metric and dimension (the rollup job replaces a
 * day's rows, a unique index keeps two runs from doubling them), and the indexes the dashboard and the
 * rollup read raw events and rollups by.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('analytics_daily', (table) => {
    table.unique(['workshop', 'day', 'metric', 'dimension'], { indexName: 'analytics_daily_unique' });
    table.index(['tenant', 'day'], 'analytics_daily_tenant_day');
  });
  await knex.schema.alterTable('analytics_events', (table) => {
    table.index(['day', 'workshop', 'type'], 'analytics_events_day_workshop_type');
    table.index(['tenant', 'type', 'day'], 'analytics_events_tenant_type_day');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('analytics_daily', (table) => {
    table.dropUnique(['workshop', 'day', 'metric', 'dimension'], 'analytics_daily_unique');
    table.dropIndex(['tenant', 'day'], 'analytics_daily_tenant_day');
  });
  await knex.schema.alterTable('analytics_events', (table) => {
    table.dropIndex(['day', 'workshop', 'type'], 'analytics_events_day_workshop_type');
    table.dropIndex(['tenant', 'type', 'day'], 'analytics_events_tenant_type_day');
  });
}
