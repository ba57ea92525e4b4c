import type { Filter, ReadScope } from '@carbot/core/security/query-scope';
import { appAccessMinimalPermissions } from '@directus/system-data';
import type { Accountability } from '@directus/types';
import { parseFilter } from '@directus/utils';
import type { Knex } from 'knex';

type PermissionRow = { collection: string; permissions: Filter | string | null };

/** Read permissions do not change between schema applies; a short cache keeps every request from re-reading them. */
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; scope: Promise<ReadScope> }>();

const asFilter = (value: Filter | string | null): Filter | null =>
  typeof value === 'string' ? (JSON.parse(value) as Filter | null) : value;

/** `$CURRENT_USER.x` paths used by the permission filters, so only those user fields are read. */
function userFieldsUsed(filters: (Filter | null)[]): string[] {
  const fields = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.startsWith('$CURRENT_USER.')) {
      fields.add(value.slice('$CURRENT_USER.'.length).split('.')[0] as string);
    } else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  filters.forEach(visit);
  return [...fields];
}

export type Action = 'create' | 'read' | 'update' | 'delete';

async function buildScope(accountability: Accountability, database: Knex, action: Action): Promise<ReadScope> {
  const roles = accountability.roles ?? (accountability.role ? [accountability.role] : []);
  const access = await database('directus_access')
    .select('policy')
    .where((q) => {
      if (accountability.user) q.where('user', accountability.user);
      if (roles.length > 0) q.orWhereIn('role', roles);
      if (!accountability.user && roles.length === 0) q.whereNull('role').whereNull('user');
    });
  const policies = [...new Set(access.map((a: { policy: string }) => a.policy))];
  const rows: PermissionRow[] =
    policies.length === 0
      ? []
      : await database('directus_permissions')
          .select('collection', 'permissions')
          .where('action', action)
          .whereIn('policy', policies);
  if (accountability.app) {
    for (const p of appAccessMinimalPermissions) {
      if (p.action === action) rows.push({ collection: p.collection, permissions: (p.permissions as Filter) ?? null });
    }
  }

  const filters = rows.map((r) => asFilter(r.permissions));
  const userFields = userFieldsUsed(filters);
  const user =
    accountability.user && userFields.length > 0
      ? await database('directus_users').select(userFields).where('id', accountability.user).first()
      : {};
  const context = {
    $CURRENT_USER: { id: accountability.user, ...(user ?? {}) },
    $CURRENT_ROLE: { id: accountability.role },
    $CURRENT_ROLES: roles,
    $CURRENT_POLICIES: policies.map((id) => ({ id })),
  };

  const byCollection = new Map<string, Filter[] | null>();
  for (const row of rows) {
    const filter = asFilter(row.permissions);
    if (byCollection.get(row.collection) === null) continue;
    if (filter === null || Object.keys(filter).length === 0) {
      byCollection.set(row.collection, null);
      continue;
    }
    const parsed = parseFilter(filter as never, accountability, context as never) as Filter;
    byCollection.set(row.collection, [...(byCollection.get(row.collection) ?? []), parsed]);
  }
  return (collection) => {
    if (!byCollection.has(collection)) return 'none';
    const filters = byCollection.get(collection) ?? null;
    if (filters === null) return null;
    // Permissions of several policies add up: a row is readable when any of them allows it.
    return filters.length === 1 ? (filters[0] as Filter) : { _or: filters };
  };
}

/** What the caller may read (or create, update, delete), per collection, resolved like Directus resolves permission filters. */
export function readScopeOf(
  accountability: Accountability,
  database: Knex,
  action: Action = 'read',
): Promise<ReadScope> {
  const key = `${action}|${accountability.user ?? ''}|${(accountability.roles ?? [accountability.role]).join(',')}|${accountability.app ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.scope;
  const scope = buildScope(accountability, database, action);
  cache.set(key, { at: Date.now(), scope });
  scope.catch(() => cache.delete(key));
  if (cache.size > 1_000) cache.delete(cache.keys().next().value as string);
  return scope;
}
