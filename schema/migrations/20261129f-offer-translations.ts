import type { Knex } from 'knex';

/** Offers are translated like services and FAQ: one translation per language per offer. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('offers_translations', (table) => {
    table.unique(['offers_id', 'languages_code'], { indexName: 'offers_translations_one_per_language' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('offers_translations', (table) => {
    table.dropUnique(['offers_id', 'languages_code'], 'offers_translations_one_per_language');
  });
}
