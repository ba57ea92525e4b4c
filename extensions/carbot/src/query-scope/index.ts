import {
  type Filter,
  type Query,
  QueryRefused,
  type ScopeContext,
  scopeFilter,
  scopeQuery,
} from '@carbot/core/security/query-scope';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import { systemCollectionNames } from '@directus/system-data';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { type Action, readScopeOf } from '../shared/read-scope.js';

const Refused = createError<{ reason: string }>('INVALID_QUERY', ({ reason }) => reason, 400);
const NoPermission = createError('FORBIDDEN', 'Dafür fehlt Ihnen die Berechtigung.', 403);

const WRITES: Record<string, Action> = { POST: 'create', PATCH: 'update', DELETE: 'delete' };

/**
 * Some system services validate a payload before they check permissions (roles resolve a nested `parent`
 * object against the database and fail with a 500). A write to a system collection the caller may not
 * write at all is refused up front.
 */
function systemWriteOf(method: string, path: string): { collection: string; action: Action } | null {
  const action = WRITES[method];
  const match = /^\/([a-z_]+)(?:\/(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?\/?$/i.exec(
    path,
  );
  if (!action || !match || match[1] === 'items') return null;
  const collection = `directus_${match[1]}`;
  if (!(systemCollectionNames as string[]).includes(collection)) return null;
  return { collection, action };
}

type ScopedRequest = {
  method: string;
  path: string;
  body?: { query?: unknown } | null;
  accountability?: Accountability | null;
  schema?: SchemaOverview;
  sanitizedQuery?: Query;
};
type Context = { accountability: Accountability | null; schema: SchemaOverview | null; database: Knex };

/** Admins and server code read everything anyway; every other caller gets scoped queries. */
const scoped = (accountability: Accountability | null | undefined): accountability is Accountability =>
  Boolean(accountability) && accountability?.admin !== true;

async function contextFor(
  accountability: Accountability,
  schema: SchemaOverview,
  database: Knex,
): Promise<ScopeContext> {
  return {
    relations: schema.relations,
    scope: await readScopeOf(accountability, database),
    primaryKeyOf: (collection) => schema.collections[collection]?.primary ?? 'id',
  };
}

function refusing<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof QueryRefused) throw new Refused({ reason: error.message });
    throw error;
  }
}

/** `/items/leads` → leads, `/users` → directus_users; null for routes that take no query body. */
function collectionOfPath(path: string): string | null {
  const items = /^\/items\/([^/?]+)\/?$/.exec(path);
  if (items) return decodeURIComponent(items[1] as string);
  const system = /^\/([a-z_]+)\/?$/.exec(path);
  const name = system ? `directus_${system[1]}` : null;
  return name && (systemCollectionNames as string[]).includes(name) ? name : null;
}

/**
 * Batch updates and deletes by query look their keys up *without* permissions, then check the keys: a
 * filter matching another tenant's row answers 403 where a miss answers 200. Scoped to readable rows, the
 * lookup finds only what the caller may see.
 */
function restrictByQuery(query: unknown, collection: string, ctx: ScopeContext): unknown {
  if (!query || typeof query !== 'object') return query;
  const q = query as { filter?: unknown };
  let filter = q.filter;
  if (typeof filter === 'string') {
    try {
      filter = JSON.parse(filter);
    } catch {
      return query; // Directus answers the malformed filter itself.
    }
  }
  const limit = ctx.scope(collection);
  const parts: Filter[] = [];
  if (filter && typeof filter === 'object') parts.push(scopeFilter(filter as Filter, collection, ctx) ?? {});
  if (limit === 'none') parts.push({ [ctx.primaryKeyOf(collection)]: { _null: true } });
  else if (limit) parts.push(limit);
  return { ...q, filter: parts.length === 1 ? parts[0] : { _and: parts } };
}

/**
 * Every read through Directus's item services (REST, GraphQL, exports, websockets, aggregates) is scoped so
 * that filters, deep queries and sorts through relations reach only rows the caller may read; batch
 * writes by query likewise.
 */
/** Queries this hook already scoped (the REST middleware runs before the item services see them). */
const done = new WeakSet<object>();

export default defineHook(({ filter, init }, { getSchema, database }) => {
  const onQuery = async (query: Query, meta: Record<string, unknown>, context: Context) => {
    if (done.has(query) || !scoped(context.accountability) || !context.schema) return query;
    const ctx = await contextFor(context.accountability, context.schema, context.database);
    return refusing(() => scopeQuery(query, meta.collection as string, ctx));
  };
  filter<Query>('items.query', (query, meta, context) => onQuery(query, meta, context as Context));
  for (const name of systemCollectionNames as string[]) {
    filter<Query>(`${name.slice('directus_'.length)}.query`, (query, meta, context) =>
      onQuery(query, meta, context as Context),
    );
  }

  // Over websockets, Directus counts `meta` from the message's own query: scope it before it is read.
  type SocketMessage = { type?: string; action?: string; collection?: unknown; query?: Query | null };
  filter<SocketMessage>('websocket.message', async (message, meta) => {
    const accountability = (meta as { client?: { accountability?: Accountability | null } }).client?.accountability;
    if (message?.type !== 'items' || !message.query || typeof message.collection !== 'string') return message;
    if (!scoped(accountability)) return message;
    const ctx = await contextFor(accountability, await getSchema(), database);
    const collection = message.collection;
    const query =
      message.action === 'update' || message.action === 'delete'
        ? refusing(() => restrictByQuery(message.query, collection, ctx))
        : refusing(() => scopeQuery(message.query as Query, collection, ctx));
    return { ...message, query: query as Query };
  });

  init('middlewares.after', ({ app }) => {
    app.use(async (req: ScopedRequest, _res: unknown, next: (error?: unknown) => void) => {
      try {
        const write = systemWriteOf(req.method, req.path);
        if (write && scoped(req.accountability)) {
          const scope = await readScopeOf(req.accountability, database, write.action);
          if (scope(write.collection) === 'none') throw new NoPermission();
        }
        const collection = collectionOfPath(req.path);
        if (!collection || !scoped(req.accountability)) return next();
        const schema = req.schema ?? (await getSchema());
        const ctx = await contextFor(req.accountability, schema, database);
        // `meta=filter_count` is counted from the request's query, not from what the hook hands the service.
        if (req.sanitizedQuery && Object.keys(req.sanitizedQuery).length > 0) {
          const query = refusing(() => scopeQuery(req.sanitizedQuery as Query, collection, ctx));
          done.add(query);
          req.sanitizedQuery = Object.freeze(query);
        }
        const body = req.body;
        if ((req.method === 'PATCH' || req.method === 'DELETE') && body?.query) {
          body.query = refusing(() => restrictByQuery(body.query, collection, ctx));
        }
        next();
      } catch (error) {
        next(error);
      }
    });
  });
});
