import type { Knex } from 'knex';

/**
 * Composite unique indexes that Directus's data model cannot express: one translation per language
 * per item, and a blog slug unique per workshop (platform posts have no workshop).
 */
const TRANSLATIONS = ['workshops', 'services', 'faqs', 'posts'];

export async function up(knex: Knex): Promise<void> {
  for (const parent of TRANSLATIONS) {
    await knex.schema.alterTable(`${parent}_translations`, (table) => {
      table.unique([`${parent}_id`, 'languages_code'], { indexName: `${parent}_translations_one_per_language` });
    });
  }
  await knex.schema.alterTable('posts', (table) => {
    table.unique(['workshop', 'slug'], { indexName: 'posts_slug_per_workshop' });
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const parent of TRANSLATIONS) {
    await knex.schema.alterTable(`${parent}_translations`, (table) => {
      table.dropUnique([`${parent}_id`, 'languages_code'], `${parent}_translations_one_per_language`);
    });
  }
  await knex.schema.alterTable('posts', (table) => {
    table.dropUnique(['workshop', 'slug'], 'posts_slug_per_workshop');
  });
}
