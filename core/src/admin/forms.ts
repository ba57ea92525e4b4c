/**
 * What the admin's forms fill in for a person, so that a workshop employee types only what matters:
 * the workshop when their business has just one, and a post's address from its title.
 */
import { slugify } from '../onboarding/registration.ts';

/**
 * Collections whose rows belong to one workshop (or, where allowed, to all of the tenant's). Appointments
 * and blocked times too: their forms promise „Leer lassen bei nur einer Werkstatt – sie wird beim Speichern
 * gesetzt", and staff taking a phone booking should not have to pick their own workshop.
 */
export const WORKSHOP_CONTENT = [
  'services',
  'faqs',
  'posts',
  'workshop_photos',
  'testimonials',
  'offers',
  'appointments',
  'booking_blocks',
] as const;

/** The workshop to preselect: the only one of the tenant, otherwise none (the person chooses). */
export function soleWorkshop(workshops: readonly string[]): string | null {
  return workshops.length === 1 ? (workshops[0] as string) : null;
}

type Translation = { languages_code?: unknown; title?: unknown };

const codeOf = (t: Translation) =>
  typeof t.languages_code === 'string'
    ? t.languages_code
    : typeof t.languages_code === 'object' && t.languages_code !== null
      ? (t.languages_code as { code?: unknown }).code
      : undefined;

/**
 * The German title of a post being created, from either shape Directus accepts for translations: a
 * plain list, or the admin app's `{ create: [...] }`. Falls back to the first title in any language.
 */
export function titleOf(translations: unknown): string | null {
  const list = Array.isArray(translations)
    ? translations
    : translations && typeof translations === 'object' && Array.isArray((translations as { create?: unknown }).create)
      ? ((translations as { create: unknown[] }).create as unknown[])
      : [];
  const entries = list.filter((t): t is Translation => typeof t === 'object' && t !== null);
  const titled = entries.filter((t) => typeof t.title === 'string' && t.title.trim() !== '');
  const german = titled.find((t) => codeOf(t) === 'de') ?? titled[0];
  return german ? (german.title as string).trim() : null;
}

/** A post's slug from its title: free within the workshop (or the platform), numbered when taken. */
export function postSlug(title: string, taken: ReadonlySet<string>): string {
  const base = slugify(title) || 'beitrag';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
