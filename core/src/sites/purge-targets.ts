/**
 * Which cached sites a content change in Directus affects. Tenant-owned rows name their tenant in the
 * `tenant` column; platform rows (no tenant) affect the platform site; catalog changes the platform site.
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

/** Body of the purge call from the tenants of the changed rows (null = platform content). */
export function purgeBody(tenants: (string | null | undefined)[]): { tenants: string[]; platform: boolean } | null {
  const ids = [...new Set(tenants.filter((t): t is string => typeof t === 'string' && t.length > 0))];
  const platform = tenants.some((t) => t === null);
  if (ids.length === 0 && !platform) return null;
  return { tenants: ids, platform };
}

/** Site servers to notify: comma-separated base URLs, each validated. */
export function siteServerUrls(raw: string | undefined, fallbackPort: string | undefined): string[] {
  const list = (raw ?? `http://127.0.0.1:${fallbackPort || '4321'}`)
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.filter((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol));
}
