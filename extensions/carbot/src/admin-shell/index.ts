import { hiddenInNavigation, landingPage, userDefaults } from '@carbot/core/admin/shell';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';

type Context = { accountability: Accountability | null; database: Knex };
type CollectionMeta = { collection: string; hidden?: boolean } & Record<string, unknown>;

/**
 * The admin shaped by role (rules in core/admin/shell): German accounts that start on their role's
 * page, and a navigation without the platform's own collections for workshop users and the marketer.
 */
export default defineHook(({ filter }) => {
  // Directus sends a person to the last page they visited; CarBot's roles start on their own page.
  // Only the page to open next is written, so a failed attempt changes nothing that matters.
  filter('auth.login', async (payload, meta, context) => {
    const { database } = context as Context;
    const user = (meta as { user?: string }).user;
    if (!user) return payload;
    const row = (await database('directus_users').select('role').where({ id: user }).first()) as
      | { role: string | null }
      | undefined;
    const landing = landingPage(row?.role);
    if (landing) await database('directus_users').update({ last_page: landing }).where({ id: user });
    return payload;
  });

  filter('users.create', (payload) => userDefaults(payload as Record<string, unknown>));

  // The navigation lists every readable, non-hidden collection. Reference data these roles only read
  // through forms (templates, languages, plans) is marked hidden for them alone.
  filter('collections.read', (records, _meta, context) => {
    const role = (context as Context).accountability?.role;
    if (!role || !Array.isArray(records)) return records;
    return (records as CollectionMeta[]).map((meta) =>
      hiddenInNavigation(role, meta.collection) ? { ...meta, hidden: true } : meta,
    );
  });
});
