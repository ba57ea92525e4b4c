import type { Passage } from './retrieval.ts';

/** A row of the search index as stored: a passage flattened, with the row's own id. */
export type IndexRow = {
  id: number;
  tenant: string;
  kind: string;
  source_id: string;
  title: string;
  body: string;
  path: string;
  prices: string;
};

export type IndexWrite = Omit<IndexRow, 'id'>;

export type IndexDiff = {
  insert: IndexWrite[];
  update: { id: number; row: IndexWrite }[];
  remove: number[];
};

export const toIndexRow = (tenant: string, p: Passage): IndexWrite => ({
  tenant,
  kind: p.kind,
  source_id: p.sourceId,
  title: p.title,
  body: p.body,
  path: p.path,
  prices: p.prices.join(','),
});

const FIELDS = ['tenant', 'title', 'body', 'path', 'prices'] as const;
const same = (a: IndexWrite, b: IndexWrite) => FIELDS.every((f) => String(a[f]) === String(b[f]));

/**
 * The writes that turn a workshop's stored index into the passages built from its content now.
 * Passages are matched by kind and source row, so one changed vehicle costs one row update: rewriting
 * all of a workshop's passages on every edit leaves thousands of dead rows (and, on PostgreSQL, dead
 * GIN entries) that each search has to step over until the next vacuum.
 */
export function diffIndex(stored: readonly IndexRow[], tenant: string, passages: readonly Passage[]): IndexDiff {
  const byKey = new Map<string, IndexRow>();
  const remove: number[] = [];
  for (const row of stored) {
    const key = `${row.kind}:${row.source_id}`;
    // A second row for the same source can only be a leftover; it goes.
    if (byKey.has(key)) remove.push(row.id);
    else byKey.set(key, row);
  }
  const diff: IndexDiff = { insert: [], update: [], remove };
  for (const passage of passages) {
    const next = toIndexRow(tenant, passage);
    const key = `${next.kind}:${next.source_id}`;
    const current = byKey.get(key);
    if (!current) diff.insert.push(next);
    else {
      byKey.delete(key);
      if (!same(current, next)) diff.update.push({ id: current.id, row: next });
    }
  }
  for (const row of byKey.values()) diff.remove.push(row.id);
  return diff;
}
