import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Custom domains are served only once verified (`workshop_domains`, unique `verified_domain`). Existing
 * entries of `workshops.custom_domains` become pending records, normalised as the hook stores them;
 * one record per domain and workshop.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('workshop_domains', (table) => {
    table.unique(['workshop', 'domain'], { indexName: 'workshop_domains_one_per_workshop' });
  });
  const rows = await knex('workshops').select('id', 'custom_domains').whereNotNull('custom_domains');
  for (const row of rows) {
    const domains = [
      ...new Set(
        String(row.custom_domains)
          .split(',')
          .map((d) => d.trim().toLowerCase().replace(/\.$/, ''))
          .filter(Boolean),
      ),
    ];
    for (const domain of domains) {
      const exists = await knex('workshop_domains').where({ workshop: row.id, domain }).first();
      if (exists) continue;
      await knex('workshop_domains').insert({
        id: randomUUID(),
        workshop: row.id,
        domain,
        status: 'pending',
        token: randomBytes(24).toString('base64url'),
        check_message: 'Noch nicht geprüft.',
      });
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('workshop_domains', (table) => {
    table.dropUnique(['workshop', 'domain'], 'workshop_domains_one_per_workshop');
  });
}
