import { referencesOf } from '@carbot/core/security/references';
import { stampOnCreate, stampOnUpdate, TenantViolation } from '@carbot/core/tenancy';
import { checkUserWrite } from '@carbot/core/users';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { actorOf, parentTenantLookup } from '../shared/actor.js';

const TenantForbidden = createError<{ reason: string }>('FORBIDDEN', ({ reason }) => reason, 403);

type Payload = Record<string, unknown>;
type Context = { accountability: Accountability | null; database: Knex; schema: SchemaOverview | null };
type ItemsServiceClass = new (
  collection: string,
  options: { accountability: Accountability | null; schema: SchemaOverview; knex: Knex },
) => { readByQuery(query: Record<string, unknown>): Promise<Record<string, unknown>[]> };

const LinkForbidden = createError<{ field: string }>(
  'FORBIDDEN',
  ({ field }) => `Das Feld „${field}“ verweist auf einen Eintrag, auf den Sie keinen Zugriff haben.`,
  403,
);

/**
 * Every existing row a non-admin links to must be one they may read: otherwise a lead could point at
 * another tenant's conversation and a filter through that link would read it. The relations come from
 * the live schema, so new fields are covered without a list to keep.
 */
async function checkReferences(
  ItemsService: ItemsServiceClass,
  collection: string,
  payload: Payload,
  context: Context,
) {
  const { accountability, schema, database } = context;
  if (!accountability || accountability.admin || !schema) return;
  for (const ref of referencesOf(collection, payload, schema.relations)) {
    const primary = schema.collections[ref.collection]?.primary;
    if (!primary) throw new LinkForbidden({ field: ref.field });
    let found: Record<string, unknown>[] = [];
    try {
      found = await new ItemsService(ref.collection, { accountability, schema, knex: database }).readByQuery({
        filter: { [primary]: { _in: ref.ids } },
        fields: [primary],
        limit: -1,
      });
    } catch {
      found = [];
    }
    if (found.length !== new Set(ref.ids.map(String)).size) throw new LinkForbidden({ field: ref.field });
  }
}

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
export default defineHook(({ filter }, { services }) => {
  const ItemsService = services.ItemsService as ItemsServiceClass;
  const withLinks =
    (write: typeof onCreate, fixed?: string) =>
    async (payload: Payload, meta: Record<string, unknown>, context: unknown) => {
      const collection = fixed ?? (meta.collection as string);
      const stamped = await write(collection, payload, context as Context);
      await checkReferences(ItemsService, collection, stamped, context as Context);
      return stamped;
    };
  filter<Payload>('items.create', withLinks(onCreate));
  filter<Payload>('items.update', withLinks(onUpdate));
  for (const [scope, collection] of [
    ['users', 'directus_users'],
    ['files', 'directus_files'],
  ] as const) {
    filter<Payload>(`${scope}.create`, withLinks(onCreate, collection));
    filter<Payload>(`${scope}.update`, withLinks(onUpdate, collection));
  }
});
