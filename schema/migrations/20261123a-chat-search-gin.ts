import type { Knex } from 'knex';

/**
 * PostgreSQL: the chat's search index as one GIN index over (workshop, tsv), written through.
 *
 * - `fastupdate = off`: with GIN's default pending list, a reindexed workshop's rows sit unsorted in that
 *   list until the next vacuum, and every search reads all of them (it made retrieval 5–10× slower
 *   right after content changed, which is exactly when the index is rewritten).
 * - `workshop` inside the GIN index (btree_gin, a trusted contrib extension): a search intersects the
 *   workshop's posting list with the words' lists instead of matching the words across every tenant
 *   and filtering afterwards, so a search stays cheap as the platform grows.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'sqlite3') return;
  await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gin');
  await knex.raw('DROP INDEX IF EXISTS carbot_search_tsv');
  await knex.raw(
    'CREATE INDEX carbot_search_workshop_tsv ON carbot_search USING GIN (workshop, tsv) WITH (fastupdate = off)',
  );
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'sqlite3') return;
  await knex.raw('DROP INDEX IF EXISTS carbot_search_workshop_tsv');
  await knex.raw('CREATE INDEX carbot_search_tsv ON carbot_search USING GIN (tsv)');
}
