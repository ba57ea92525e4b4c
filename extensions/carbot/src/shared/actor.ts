import type { Actor } from '@carbot/core/tenancy';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';

/** Resolves who is acting, reading the user's tenant from the database the request is using. */
export async function actorOf(accountability: Accountability | null | undefined, database: Knex): Promise<Actor> {
  if (!accountability) return { kind: 'system' };
  if (accountability.admin) return { kind: 'admin' };
  if (!accountability.user) return { kind: 'user', tenant: null };
  const row = await database('directus_users').select('tenant').where('id', accountability.user).first();
  return { kind: 'user', tenant: (row?.tenant as string | null | undefined) ?? null };
}

/** Tenant of a parent row, read without permissions: the caller decides what to do with it. */
export function parentTenantLookup(database: Knex) {
  return async (collection: string, id: unknown): Promise<string | null | undefined> => {
    const row = await database(collection)
      .select('tenant')
      .where('id', id as string)
      .first();
    return row ? ((row.tenant as string | null) ?? null) : undefined;
  };
}
