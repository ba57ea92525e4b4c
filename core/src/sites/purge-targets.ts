import { MAX_PURGE_TENANTS } from './cache.ts';

/**
 * Which cached sites a content change in Directus affects. Tenant-owned rows name their tenant in the
 * `tenant` column; platform rows (no tenant) affect the platform site; catalog changes the platform site (and, see
 * `catalogDependents`, the workshops built on the changed plan or template).
 */
export const TENANT_CONTENT = [
  'workshops',
  'workshops_translations',
  'services',
  'services_translations',
  'faqs',
  'faqs_translations',
  'posts',
  'posts_translations',
  'vehicles',
  'vehicle_photos',
  'workshop_photos',
  'testimonials',
  'offers',
  'offers_translations',
  'directus_files',
] as const;
export const CATALOG = ['plans', 'site_templates', 'languages'] as const;

export type PurgeScope = 'tenant-column' | 'tenant-key' | 'platform' | 'none';

export function purgeScope(collection: string): PurgeScope {
  if ((TENANT_CONTENT as readonly string[]).includes(collection)) return 'tenant-column';
  if (collection === 'tenants') return 'tenant-key';
  if ((CATALOG as readonly string[]).includes(collection)) return 'platform';
  return 'none';
}

export type PurgeBody = { tenants: string[]; platform: boolean };

/** Body of the purge call from the tenants of the changed rows (null = platform content). */
export function purgeBody(tenants: (string | null | undefined)[]): PurgeBody | null {
  const ids = [...new Set(tenants.filter((t): t is string => typeof t === 'string' && t.length > 0))];
  const platform = tenants.some((t) => t === null);
  if (ids.length === 0 && !platform) return null;
  return { tenants: ids, platform };
}

/** The same as purge calls the site server accepts: at most MAX_PURGE_TENANTS tenants each. */
export function purgeBodies(tenants: (string | null | undefined)[]): PurgeBody[] {
  const body = purgeBody(tenants);
  if (!body) return [];
  const bodies: PurgeBody[] = [];
  for (let i = 0; i === 0 || i < body.tenants.length; i += MAX_PURGE_TENANTS) {
    bodies.push({ tenants: body.tenants.slice(i, i + MAX_PURGE_TENANTS), platform: body.platform && i === 0 });
  }
  return bodies;
}

/**
 * Catalog rows that shape workshop sites too, not just the platform's pricing: a plan decides whether its
 * tenants have a website, which templates and whether custom domains; a template is rendered by the
 * workshops that chose it. Their tenants' pages are purged with the platform site. (Workshops that fall
 * back to another template, or a plan's `sort` reordering template ranks, are left to the cache's TTL.)
 */
export type CatalogDependents =
  | { table: 'tenants'; column: 'plan'; tenant: 'id' }
  | { table: 'workshops'; column: 'template'; tenant: 'tenant' };

export function catalogDependents(collection: string): CatalogDependents | null {
  if (collection === 'plans') return { table: 'tenants', column: 'plan', tenant: 'id' };
  if (collection === 'site_templates') return { table: 'workshops', column: 'template', tenant: 'tenant' };
  return null;
}

/** Site servers to notify: comma-separated base URLs, each validated. */
export function siteServerUrls(raw: string | undefined, fallbackPort: string | undefined): string[] {
  const list = (raw ?? `http://127.0.0.1:${fallbackPort || '4321'}`)
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.filter((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol));
}
