import { describe, expect, test } from 'vitest';
import { filterDiff, type SchemaDiff } from './schema.ts';

const diff = (fields: SchemaDiff['diff']['fields']): SchemaDiff => ({
  hash: 'h',
  diff: { collections: [], fields, relations: [] },
});

describe('filterDiff', () => {
  test('vendor wording of column types is not a difference', () => {
    const { summary } = filterDiff(
      diff([
        {
          collection: 'leads',
          field: 'name',
          diff: [{ kind: 'E', path: ['schema', 'data_type'], lhs: 'varchar', rhs: 'character varying' }],
        },
        {
          collection: 'leads',
          field: 'n',
          diff: [{ kind: 'E', path: ['schema', 'numeric_precision'], lhs: null, rhs: 32 }],
        },
      ]),
      { prune: true },
    );
    expect(summary.changes).toEqual([]);
  });

  test('real changes are kept and described', () => {
    const { diff: kept, summary } = filterDiff(
      diff([{ collection: 'leads', field: 'name', diff: [{ kind: 'E', path: ['meta', 'note'], lhs: 'a', rhs: 'b' }] }]),
      { prune: false },
    );
    expect(kept.diff.fields).toHaveLength(1);
    expect(summary.changes).toEqual(['~ field leads.name.meta.note']);
  });

  test('removals only happen with prune', () => {
    const removal = diff([{ collection: 'leads', field: 'extra', diff: [{ kind: 'D', lhs: { field: 'extra' } }] }]);
    const kept = filterDiff(removal, { prune: false });
    expect(kept.diff.diff.fields).toEqual([]);
    expect(kept.summary.removals).toEqual(['field leads.extra']);
    expect(filterDiff(removal, { prune: true }).diff.diff.fields).toHaveLength(1);
  });
});
