import type { Knex } from 'knex';

/** Fills `posts.sort_date` (hook admin-shell keeps it current) for posts written before it existed. */
export async function up(knex: Knex): Promise<void> {
  await knex('posts')
    .whereNotNull('published_at')
    .update({ sort_date: knex.ref('published_at') });
  await knex('posts')
    .whereNull('published_at')
    .update({ sort_date: new Date('9999-12-31T00:00:00.000Z') });
}

export async function down(): Promise<void> {
  // The column belongs to the schema; nothing to undo here.
}
