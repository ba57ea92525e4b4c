/**
 * How the Directus admin looks to each CarBot role: where a person lands after signing in, which
 * collections their navigation leaves out, and the language of their account. Directus itself knows
 * only one navigation and one landing rule (the last page visited) for everybody.
 */
import { ROLE } from '../roles.ts';

/** The admin's language for every CarBot account; Directus falls back to English without it. */
export const ADMIN_LANGUAGE = 'de-DE';

/** Where each role starts after signing in (a path inside the admin app, as Directus stores `last_page`). */
const LANDING: Record<string, string> = {
  [ROLE.owner]: '/carbot-start',
  [ROLE.staff]: '/carbot-start',
  [ROLE.marketer]: '/content/posts',
};

export function landingPage(role: string | null | undefined): string | null {
  return (role && LANDING[role]) || null;
}

/**
 * The platform's own data. Workshop users and the marketer still read parts of it — the template picker
 * lists site templates, translations list languages, the billing page shows plans — so it stays readable
 * for them and is only left out of their navigation, together with the groups that hold nothing else.
 */
export const PLATFORM_COLLECTIONS = [
  'tenants',
  'plans',
  'stripe_events',
  'languages',
  'site_templates',
  'carbot_kunden',
  'carbot_system',
] as const;

/** Whether a collection is left out of this role's navigation (administrators see everything). */
export function hiddenInNavigation(role: string | null | undefined, collection: string): boolean {
  if (!role || !Object.values(ROLE).includes(role as never)) return false;
  return (PLATFORM_COLLECTIONS as readonly string[]).includes(collection);
}

type UserPayload = Record<string, unknown>;

/**
 * Defaults of a new account, however it is made (seed, registration, invitation, admin): German and
 * the role's start page. What the creator set explicitly stays.
 */
export function userDefaults(payload: UserPayload): UserPayload {
  const defaults: UserPayload = {};
  if (payload.language === undefined || payload.language === null) defaults.language = ADMIN_LANGUAGE;
  const landing = landingPage(typeof payload.role === 'string' ? payload.role : null);
  if (landing && (payload.last_page === undefined || payload.last_page === null)) defaults.last_page = landing;
  return { ...payload, ...defaults };
}

/** Sorts after every real date, so posts without one come first in a newest-first list. */
export const UNDATED_SORT_DATE = '9999-12-31T00:00:00.000Z';

/**
 * The admin's post list sorts newest first by `sort_date`: the publication date, and for a post
 * without one (a draft still being written) a date after all others. Databases disagree where empty
 * dates go in a descending sort (SQLite last, PostgreSQL first), so the order cannot rest on
 * `published_at` alone. Returns the fields to add to a post's create or update payload.
 */
export function postSortDate(payload: UserPayload, mode: 'create' | 'update'): UserPayload {
  if (mode === 'update' && !('published_at' in payload)) return {};
  const date = payload.published_at;
  if (date === null || date === undefined || date === '') return { sort_date: UNDATED_SORT_DATE };
  const parsed = new Date(date as string);
  return { sort_date: Number.isNaN(parsed.getTime()) ? UNDATED_SORT_DATE : parsed.toISOString() };
}
