import type { Knex } from 'knex';

/**
 * `workshops.custom_domains` moved from a JSON array to Directus's csv type, because Directus cannot
 * filter JSON columns and the site server must find a workshop by its domain. Rewrites stored arrays.
 */
export async function up(knex: Knex): Promise<void> {
  const rows = await knex('workshops').select('id', 'custom_domains').where('custom_domains', 'like', '[%');
  for (const row of rows) {
    let domains: unknown;
    try {
      domains = JSON.parse(String(row.custom_domains));
    } catch {
      continue;
    }
    const list = Array.isArray(domains) ? domains.map((d) => String(d).trim().toLowerCase()).filter(Boolean) : [];
    await knex('workshops')
      .where('id', row.id)
      .update({ custom_domains: list.length ? list.join(',') : null });
  }
}

export async function down(knex: Knex): Promise<void> {
  const rows = await knex('workshops').select('id', 'custom_domains').whereNotNull('custom_domains');
  for (const row of rows) {
    const list = String(row.custom_domains).split(',').filter(Boolean);
    await knex('workshops')
      .where('id', row.id)
      .update({ custom_domains: JSON.stringify(list) });
  }
}
