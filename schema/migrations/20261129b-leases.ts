import { createLeasesTable, LEASES_TABLE } from '@carbot/core/ops/lease';
import type { Knex } from 'knex';

/** Leases of scheduled jobs (core/src/ops/lease.ts): one run at a time and once per tick across instances. */
export async function up(knex: Knex): Promise<void> {
  await createLeasesTable(knex);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists(LEASES_TABLE);
}
