import { stampOnCreate, stampOnUpdate, TenantViolation } from '@carbot/core/tenancy';
import { checkUserWrite } from '@carbot/core/users';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { actorOf, parentTenantLookup } from '../shared/actor.js';

const TenantForbidden = createError<{ reason: string }>('FORBIDDEN', ({ reason }) => reason, 403);

type Payload = Record<string, unknown>;
type Context = { accountability: Accountability | null; database: Knex };

/** Domain violations become a Directus 403 carrying the German reason, so the admin app shows it. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TenantViolation) throw new TenantForbidden({ reason: error.message });
    throw error;
  }
}

async function onCreate(collection: string, payload: Payload, context: Context): Promise<Payload> {
  return guarded(async () => {
    const actor = await actorOf(context.accountability, context.database);
    if (collection === 'directus_users') checkUserWrite(payload, actor, 'create');
    return stampOnCreate(collection, payload, actor, parentTenantLookup(context.database));
  });
}

async function onUpdate(collection: string, payload: Payload, context: Context): Promise<Payload> {
  return guarded(async () => {
    const actor = await actorOf(context.accountability, context.database);
    if (collection === 'directus_users') checkUserWrite(payload, actor, 'update');
    return stampOnUpdate(collection, payload, actor, parentTenantLookup(context.database));
  });
}

/**
 * Stamps `tenant` on every tenant-owned row and refuses writes that would cross tenants. Runs as a
 * filter, i.e. before Directus validates the payload against the caller's permissions, for REST,
 * GraphQL, imports and nested writes alike.
 */
export default defineHook(({ filter }) => {
  filter<Payload>('items.create', (payload, meta, context) =>
    onCreate(meta.collection as string, payload, context as Context),
  );
  filter<Payload>('items.update', (payload, meta, context) =>
    onUpdate(meta.collection as string, payload, context as Context),
  );
  filter<Payload>('users.create', (payload, _meta, context) => onCreate('directus_users', payload, context as Context));
  filter<Payload>('users.update', (payload, _meta, context) => onUpdate('directus_users', payload, context as Context));
  filter<Payload>('files.create', (payload, _meta, context) => onCreate('directus_files', payload, context as Context));
  filter<Payload>('files.update', (payload, _meta, context) => onUpdate('directus_files', payload, context as Context));
});
