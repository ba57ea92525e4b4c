import type { Relation } from './query-scope.ts';

/** Ids a payload points at in one related collection, through one many-to-one field. */
export type Reference = { field: string; collection: string; ids: (string | number)[] };

const isKey = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));

/**
 * The existing rows a create/update payload links to through many-to-one (and file) fields, read from the
 * schema's relations. A nested object without a key is a nested create (checked when it is created); an
 * object with a key links an existing row, like a bare key.
 */
export function referencesOf(
  collection: string,
  payload: Record<string, unknown>,
  relations: readonly Relation[],
): Reference[] {
  const out: Reference[] = [];
  for (const relation of relations) {
    if (relation.collection !== collection || !(relation.field in payload)) continue;
    const value = payload[relation.field];
    if (value === null || value === undefined) continue;
    if (relation.related_collection) {
      const key = typeof value === 'object' ? (value as Record<string, unknown>).id : value;
      if (isKey(key)) out.push({ field: relation.field, collection: relation.related_collection, ids: [key] });
      continue;
    }
    // Many-to-any: the collection is named in the sibling field that `one_collection_field` points to.
    const meta = relation.meta as { one_collection_field?: string | null } | null | undefined;
    const target = meta?.one_collection_field ? payload[meta.one_collection_field] : undefined;
    if (typeof target === 'string' && isKey(value))
      out.push({ field: relation.field, collection: target, ids: [value] });
  }
  return out;
}
