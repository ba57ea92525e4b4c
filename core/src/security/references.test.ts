import { describe, expect, test } from 'vitest';
import type { Relation } from './query-scope.ts';
import { referencesOf } from './references.ts';

const relations: Relation[] = [
  { collection: 'leads', field: 'conversation', related_collection: 'conversations', meta: null },
  { collection: 'leads', field: 'workshop', related_collection: 'workshops', meta: { one_field: 'leads' } },
  { collection: 'vehicles', field: 'cover_image', related_collection: 'directus_files', meta: null },
  {
    collection: 'comments',
    field: 'item',
    related_collection: null,
    meta: { one_collection_field: 'collection' } as never,
  },
];

describe('referencesOf', () => {
  test.each([
    [
      'bare key',
      'leads',
      { conversation: 'c1' },
      [{ field: 'conversation', collection: 'conversations', ids: ['c1'] }],
    ],
    [
      'object with key',
      'leads',
      { conversation: { id: 'c1', note: 'x' } },
      [{ field: 'conversation', collection: 'conversations', ids: ['c1'] }],
    ],
    ['nested create has no key yet', 'leads', { conversation: { origin: 'x' } }, []],
    ['null unlinks', 'leads', { conversation: null }, []],
    ['fields that are not relations', 'leads', { name: 'Anna' }, []],
    [
      'file field',
      'vehicles',
      { cover_image: 'f1' },
      [{ field: 'cover_image', collection: 'directus_files', ids: ['f1'] }],
    ],
    ['numeric key', 'leads', { workshop: 7 }, [{ field: 'workshop', collection: 'workshops', ids: [7] }]],
    [
      'many-to-any takes the named collection',
      'comments',
      { item: 'p1', collection: 'posts' },
      [{ field: 'item', collection: 'posts', ids: ['p1'] }],
    ],
    ['other collection', 'posts', { conversation: 'c1' }, []],
  ])('%s', (_label, collection, payload, expected) => {
    expect(referencesOf(collection, payload, relations)).toEqual(expected);
  });
});
