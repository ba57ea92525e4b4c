import { postSlug, soleWorkshop, titleOf, WORKSHOP_CONTENT } from '@carbot/core/admin/forms';
import { hiddenInNavigation, landingPage, postSortDate, userDefaults } from '@carbot/core/admin/shell';
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

  // Services, FAQ and posts of a business with one workshop belong to it without anyone choosing it.
  filter('items.create', async (payload, meta, context) => {
    const { collection } = meta as { collection: string };
    if (!(WORKSHOP_CONTENT as readonly string[]).includes(collection)) return payload;
    const { accountability, database } = context as Context;
    const p = { ...(payload as Record<string, unknown>) };
    if (accountability?.user && !accountability.admin && (p.workshop === undefined || p.workshop === null)) {
      const user = (await database('directus_users').select('tenant').where({ id: accountability.user }).first()) as
        | { tenant: string | null }
        | undefined;
      if (user?.tenant) {
        const rows = (await database('workshops').select('id').where({ tenant: user.tenant }).limit(2)) as {
          id: string;
        }[];
        const sole = soleWorkshop(rows.map((r) => r.id));
        if (sole) p.workshop = sole;
      }
    }
    if (collection !== 'posts') return p;
    // Newest first in the post list, undated drafts on top, on every database; the address from the title.
    Object.assign(p, postSortDate(p, 'create'));
    const title = typeof p.slug === 'string' && p.slug.trim() !== '' ? null : titleOf(p.translations);
    if (title) {
      const workshop = typeof p.workshop === 'string' ? p.workshop : null;
      const rows = (await database('posts')
        .select('slug')
        .where((q) => (workshop ? q.where({ workshop }) : q.whereNull('workshop')))
        .whereNotNull('slug')) as { slug: string }[];
      p.slug = postSlug(title, new Set(rows.map((r) => r.slug)));
    }
    return p;
  });
  filter('posts.items.update', (payload) => {
    const p = payload as Record<string, unknown>;
    return { ...p, ...postSortDate(p, 'update') };
  });

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
