/**
 * Relational queries see only rows the caller may read.
 *
 * Directus checks a non-admin's permissions on the root collection of a query and on the *fields* a filter,
 * sort or deep query names in related collections, but not which *rows* of those related collections the
 * caller may read: a join to another tenant's rows answers "exists or not", and with `_starts_with` that is
 * enough to read any value character by character. This module rewrites a query so that every hop through
 * a relation also carries the related collection's read permission, and refuses what cannot be scoped
 * (relational counts, sorting through relations into rows the caller may not read).
 *
 * It works on Directus's normalised filter form (what `sanitizeQuery` produces: one key per object,
 * `_and`/`_or` lifted above relational keys), but also copes with unnormalised input.
 */

export type Filter = Record<string, unknown>;

/** The part of a Directus relation this module needs (`schema.relations` entries have this shape). */
export type Relation = {
  collection: string;
  field: string;
  related_collection: string | null;
  meta?: { one_field?: string | null; one_allowed_collections?: string[] | null } | null;
};

/**
 * What the caller may read of a collection: `null` = every row, a filter = those rows, `'none'` = nothing.
 * `primary` names the collection's primary key (for "matches nothing").
 */
export type ReadScope = (collection: string) => Filter | null | 'none';
export type PrimaryKeyOf = (collection: string) => string;

export type ScopeContext = { relations: readonly Relation[]; scope: ReadScope; primaryKeyOf: PrimaryKeyOf };

export class QueryRefused extends Error {
  readonly code = 'QUERY_REFUSED';
}

const LOGICAL = new Set(['_and', '_or']);
const QUANTIFIERS = new Set(['_some', '_none']);
const FOLLOW = /^\$FOLLOW\(\s*([^,\s)]+)\s*,\s*([^,\s)]+)\s*(?:,\s*([^,\s)]+)\s*)?\)$/;
const FUNCTION = /^(\w+)\((.+)\)$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The collection a key of `collection` leads to, or null when the key is a plain field. */
export function relatedCollection(relations: readonly Relation[], collection: string, key: string): string | null {
  const follow = FOLLOW.exec(key);
  if (follow) return follow[1] ?? null;
  const [field, scoped] = key.split(':') as [string, string | undefined];
  const m2o = relations.find((r) => r.collection === collection && r.field === field);
  if (m2o) {
    if (m2o.related_collection) return m2o.related_collection;
    // Many-to-any: the scope after the colon names the collection.
    return scoped ?? null;
  }
  const o2m = relations.find((r) => r.related_collection === collection && r.meta?.one_field === field);
  return o2m ? o2m.collection : null;
}

/** `count(field)` over a relation: Directus counts every related row, whatever the caller may read. */
function relationalCount(ctx: ScopeContext, collection: string, key: string): string | null {
  const fn = FUNCTION.exec(key);
  if (fn?.[1] !== 'count') return null;
  return relatedCollection(ctx.relations, collection, fn[2] as string);
}

const NOTHING = (ctx: ScopeContext, collection: string): Filter => ({
  [ctx.primaryKeyOf(collection)]: { _null: true },
});

/** The filter that limits `collection` to what the caller may read, or null when no limit is needed. */
function limitOf(ctx: ScopeContext, collection: string): Filter | null {
  const scope = ctx.scope(collection);
  if (scope === 'none') return NOTHING(ctx, collection);
  if (scope === null || Object.keys(scope).length === 0) return null;
  return scope;
}

/** Puts `filter` under a relational path, distributing over `_and`/`_or` so Directus reads every condition. */
function under(path: string[], filter: Filter): Filter {
  const parts: Filter[] = Object.entries(filter).map(([key, value]) => {
    if (LOGICAL.has(key)) return { [key]: (value as Filter[]).map((f) => under(path, f)) };
    return path.reduceRight<Filter>((inner, hop) => ({ [hop]: inner }), { [key]: value });
  });
  return parts.length === 1 ? (parts[0] as Filter) : { _and: parts };
}

/**
 * Rewrites a filter on `collection` so that every relational hop only reaches readable rows. Refuses
 * relational counts into collections the caller may not read in full.
 */
export function scopeFilter(filter: Filter | null | undefined, collection: string, ctx: ScopeContext): Filter | null {
  if (!isObject(filter)) return filter ?? null;
  const parts: Filter[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL.has(key) && Array.isArray(value)) {
      parts.push({ [key]: value.map((f) => scopeFilter(f as Filter, collection, ctx) ?? {}) });
      continue;
    }
    parts.push(scopeCondition(key, value, collection, ctx, []));
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? (parts[0] as Filter) : { _and: parts };
}

/** One condition `{key: value}` reached through `path` from the query's root. */
function scopeCondition(key: string, value: unknown, collection: string, ctx: ScopeContext, path: string[]): Filter {
  const wrap = (inner: Filter): Filter => path.reduceRight<Filter>((acc, hop) => ({ [hop]: acc }), inner);
  if (key.startsWith('_')) return wrap({ [key]: value });

  const counted = relationalCount(ctx, collection, key);
  if (counted !== null && limitOf(ctx, counted) !== null) {
    throw new QueryRefused(`Zählen verknüpfter Einträge („${key}“) ist in Abfragen nicht erlaubt.`);
  }

  const related = relatedCollection(ctx.relations, collection, key);
  if (related === null || !isObject(value)) return wrap({ [key]: value });

  const entries = Object.entries(value);
  // An operator on the relational field itself (`{conversation: {_null: true}}`) compares the stored key only.
  if (entries.every(([k]) => k.startsWith('_') && !LOGICAL.has(k) && !QUANTIFIERS.has(k))) {
    return wrap({ [key]: value });
  }

  const quantified = entries.length === 1 && QUANTIFIERS.has(entries[0]?.[0] as string);
  if (quantified) {
    // `_some`/`_none` run a subquery on the related collection: scope it there, as a root of its own.
    const [quantifier, inner] = entries[0] as [string, unknown];
    const scoped = scopeFilter(inner as Filter, related, ctx) ?? {};
    const limit = limitOf(ctx, related);
    return wrap({ [key]: { [quantifier]: limit ? { _and: [scoped, limit] } : scoped } });
  }

  const hop = [...path, key];
  const conditions: Filter[] = entries.map(([k, v]) =>
    LOGICAL.has(k) && Array.isArray(v)
      ? { [k]: v.map((f) => scopeFilterAt(f as Filter, related, ctx, hop)) }
      : scopeCondition(k, v, related, ctx, hop),
  );
  const limit = limitOf(ctx, related);
  if (limit) conditions.push(under(hop, limit));
  return conditions.length === 1 ? (conditions[0] as Filter) : { _and: conditions };
}

function scopeFilterAt(filter: Filter, collection: string, ctx: ScopeContext, path: string[]): Filter {
  const parts = Object.entries(filter).map(([k, v]) =>
    LOGICAL.has(k) && Array.isArray(v)
      ? { [k]: v.map((f) => scopeFilterAt(f as Filter, collection, ctx, path)) }
      : scopeCondition(k, v, collection, ctx, path),
  );
  return parts.length === 1 ? (parts[0] as Filter) : { _and: parts };
}

/**
 * Sorting through a relation orders rows by values of related rows; it is allowed only where the caller
 * may read every row of each related collection on the way (plans, templates, languages …).
 */
export function checkSort(sort: readonly string[] | null | undefined, collection: string, ctx: ScopeContext): void {
  for (const entry of sort ?? []) {
    const path = entry.replace(/^-/, '').split('.');
    let current = collection;
    for (const [index, key] of path.entries()) {
      const counted = relationalCount(ctx, current, key);
      if (counted !== null && limitOf(ctx, counted) !== null) {
        throw new QueryRefused(`Sortieren nach der Anzahl verknüpfter Einträge („${entry}“) ist nicht erlaubt.`);
      }
      if (index === path.length - 1) break;
      const related = relatedCollection(ctx.relations, current, key);
      if (related === null) break;
      if (limitOf(ctx, related) !== null) {
        throw new QueryRefused(`Sortieren nach Feldern verknüpfter Einträge („${entry}“) ist nicht erlaubt.`);
      }
      current = related;
    }
  }
}

/** Fields, aggregates and group-by may not count related rows the caller cannot read in full. */
export function checkFields(fields: readonly string[] | null | undefined, collection: string, ctx: ScopeContext) {
  for (const entry of fields ?? []) {
    const path = entry.split('.');
    let current = collection;
    for (const key of path) {
      const counted = relationalCount(ctx, current, key);
      if (counted !== null && limitOf(ctx, counted) !== null) {
        throw new QueryRefused(`Zählen verknüpfter Einträge („${entry}“) ist in Abfragen nicht erlaubt.`);
      }
      const related = relatedCollection(ctx.relations, current, key);
      if (related === null) break;
      current = related;
    }
  }
}

export type Query = {
  filter?: Filter | null;
  sort?: string[] | null;
  fields?: string[] | null;
  groupBy?: string[] | null;
  aggregate?: Record<string, string[]> | null;
  deep?: Record<string, unknown> | null;
  alias?: Record<string, string> | null;
};

/** Returns the query scoped to what the caller may read (a copy: Directus freezes the request's query). */
export function scopeQuery<Q extends Query>(query: Q, collection: string, ctx: ScopeContext): Q {
  const out: Q = { ...query };
  if (query.filter) out.filter = scopeFilter(query.filter, collection, ctx);
  checkSort(query.sort, collection, ctx);
  checkFields(query.fields, collection, ctx);
  checkFields(query.groupBy, collection, ctx);
  for (const fields of Object.values(query.aggregate ?? {})) checkFields(fields, collection, ctx);
  if (query.deep) {
    out.deep = structuredClone(query.deep);
    scopeDeep(out.deep, collection, ctx, query.alias ?? {});
  }
  return out;
}

/** `deep` holds a query per relational field (`_filter`, `_sort`, … and nested fields): scope each. */
function scopeDeep(
  deep: Record<string, unknown>,
  collection: string,
  ctx: ScopeContext,
  alias: Record<string, string>,
) {
  for (const [key, value] of Object.entries(deep)) {
    if (key.startsWith('_') || !isObject(value)) continue;
    const field = alias[key] ?? key;
    const related = relatedCollection(ctx.relations, collection, field);
    if (related === null) continue;
    if (isObject(value._filter)) value._filter = scopeFilter(value._filter, related, ctx);
    const sort = value._sort;
    checkSort(typeof sort === 'string' ? sort.split(',') : (sort as string[] | undefined), related, ctx);
    scopeDeep(value, related, ctx, {});
  }
}
