import { ROLE } from '@carbot/core/roles';
import type { Knex } from 'knex';

const CARBOT_ROLES = [ROLE.owner, ROLE.staff, ROLE.marketer];

/**
 * Accounts made before new accounts were given German (hook admin-shell) follow the project language
 * only as long as nobody changes it; CarBot's people work in German, so their accounts say so. A
 * language someone chose stays.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('directus_users').whereIn('role', CARBOT_ROLES).whereNull('language').update({ language: 'de-DE' });
}

export async function down(): Promise<void> {
  // Which accounts had no language before cannot be told apart afterwards; German stays.
}
