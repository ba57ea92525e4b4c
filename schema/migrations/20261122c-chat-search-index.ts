import type { Knex } from 'knex';

/**
 * The chat's full-text index: one row per passage (service, FAQ, post, vehicle, workshop contact),
 * maintained by the `search-index` hook. SQLite uses FTS5 with diacritics folded; PostgreSQL a
 * generated German tsvector with a GIN index.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'sqlite3') {
    await knex.raw(
      `CREATE VIRTUAL TABLE carbot_search USING fts5(
        title, body,
        tenant UNINDEXED, workshop UNINDEXED, kind UNINDEXED, source_id UNINDEXED, path UNINDEXED, prices UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      )`,
    );
    return;
  }
  await knex.schema.createTable('carbot_search', (table) => {
    table.increments('id');
    table.uuid('tenant').notNullable();
    table.uuid('workshop').notNullable().index();
    table.string('kind', 16).notNullable();
    table.string('source_id', 64).notNullable();
    table.text('title').notNullable();
    table.text('body').notNullable();
    table.string('path', 300).notNullable();
    table.string('prices', 300).notNullable().defaultTo('');
    table.index(['source_id']);
  });
  await knex.raw(
    `ALTER TABLE carbot_search ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', title || ' ' || body)) STORED`,
  );
  await knex.raw('CREATE INDEX carbot_search_tsv ON carbot_search USING GIN (tsv)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('carbot_search');
}
