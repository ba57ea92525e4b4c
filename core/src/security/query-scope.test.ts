import { describe, expect, test } from 'vitest';
import {
  checkSort,
  type Filter,
  QueryRefused,
  type Relation,
  type ScopeContext,
  scopeFilter,
  scopeQuery,
} from './query-scope.ts';

const relations: Relation[] = [
  { collection: 'directus_users', field: 'role', related_collection: 'directus_roles', meta: { one_field: 'users' } },
  { collection: 'directus_users', field: 'tenant', related_collection: 'tenants', meta: null },
  { collection: 'leads', field: 'conversation', related_collection: 'conversations', meta: null },
  { collection: 'leads', field: 'plan', related_collection: 'plans', meta: null },
  { collection: 'leads', field: 'secret', related_collection: 'secrets', meta: null },
  {
    collection: 'messages',
    field: 'conversation',
    related_collection: 'conversations',
    meta: { one_field: 'messages' },
  },
];

const OWN = { tenant: { _eq: 'A' } };
const SCOPES: Record<string, Filter | null | 'none'> = {
  directus_users: OWN,
  directus_roles: { id: { _in: ['owner', 'staff'] } },
  tenants: { id: { _eq: 'A' } },
  conversations: OWN,
  messages: OWN,
  leads: OWN,
  plans: null,
};
const ctx: ScopeContext = {
  relations,
  scope: (c) => (c in SCOPES ? (SCOPES[c] as Filter | null) : 'none'),
  primaryKeyOf: () => 'id',
};

describe('scopeFilter', () => {
  test.each<[string, string, Filter, Filter]>([
    ['plain field stays', 'leads', { name: { _eq: 'x' } }, { name: { _eq: 'x' } }],
    [
      'operator on a relational key compares the stored key only',
      'leads',
      { conversation: { _eq: 'c' } },
      { conversation: { _eq: 'c' } },
    ],
    [
      'o2m hop carries the related read permission',
      'directus_roles',
      { users: { email: { _eq: 'b@x' } } },
      { _and: [{ users: { email: { _eq: 'b@x' } } }, { users: { tenant: { _eq: 'A' } } }] },
    ],
    [
      'two hops carry both permissions',
      'directus_roles',
      { users: { tenant: { vat_id: { _starts_with: 'DE2' } } } },
      {
        _and: [
          {
            _and: [
              { users: { tenant: { vat_id: { _starts_with: 'DE2' } } } },
              { users: { tenant: { id: { _eq: 'A' } } } },
            ],
          },
          { users: { tenant: { _eq: 'A' } } },
        ],
      },
    ],
    [
      'm2o hop into a readable-by-all collection adds nothing',
      'leads',
      { plan: { name: { _eq: 'Basic' } } },
      { plan: { name: { _eq: 'Basic' } } },
    ],
    [
      'o2m hop through a chain of m2o',
      'leads',
      { conversation: { messages: { content: { _contains: 'x' } } } },
      {
        _and: [
          {
            _and: [
              { conversation: { messages: { content: { _contains: 'x' } } } },
              { conversation: { messages: { tenant: { _eq: 'A' } } } },
            ],
          },
          { conversation: { tenant: { _eq: 'A' } } },
        ],
      },
    ],
    [
      '_some runs on the related collection with its permission',
      'directus_roles',
      { users: { _some: { email: { _eq: 'b@x' } } } },
      { users: { _some: { _and: [{ email: { _eq: 'b@x' } }, { tenant: { _eq: 'A' } }] } } },
    ],
    [
      'logical operators are walked',
      'leads',
      { _or: [{ name: { _eq: 'a' } }, { conversation: { origin: { _eq: 'o' } } }] },
      {
        _or: [
          { name: { _eq: 'a' } },
          { _and: [{ conversation: { origin: { _eq: 'o' } } }, { conversation: { tenant: { _eq: 'A' } } }] },
        ],
      },
    ],
    [
      'a hop into a collection without read permission matches nothing',
      'leads',
      { secret: { value: { _eq: 'x' } } },
      { _and: [{ secret: { value: { _eq: 'x' } } }, { secret: { id: { _null: true } } }] },
    ],
    [
      '$FOLLOW reverse relations are hops too',
      'conversations',
      { '$FOLLOW(secret_things,conversation)': { value: { _eq: 'x' } } },
      {
        _and: [
          { '$FOLLOW(secret_things,conversation)': { value: { _eq: 'x' } } },
          { '$FOLLOW(secret_things,conversation)': { id: { _null: true } } },
        ],
      },
    ],
    [
      'permission filters with _and are distributed under the hop',
      'messages',
      { conversation: { origin: { _eq: 'o' } } },
      { _and: [{ conversation: { origin: { _eq: 'o' } } }, { conversation: { tenant: { _eq: 'A' } } }] },
    ],
  ])('%s', (_label, collection, filter, expected) => {
    expect(scopeFilter(filter, collection, ctx)).toEqual(expected);
  });

  test('an unnormalised object with several keys becomes an _and', () => {
    expect(scopeFilter({ name: { _eq: 'a' }, conversation: { origin: { _eq: 'o' } } }, 'leads', ctx)).toEqual({
      _and: [
        { name: { _eq: 'a' } },
        { _and: [{ conversation: { origin: { _eq: 'o' } } }, { conversation: { tenant: { _eq: 'A' } } }] },
      ],
    });
  });

  test.each([
    ['directus_roles', { 'count(users)': { _gt: 0 } }],
    ['leads', { conversation: { 'count(messages)': { _eq: 3 } } }],
  ])('relational counts into restricted rows are refused on %s', (collection, filter) => {
    expect(() => scopeFilter(filter, collection, ctx)).toThrow(QueryRefused);
  });
});

describe('checkSort', () => {
  test.each([
    ['leads', ['name'], false],
    ['leads', ['-plan.name'], false],
    ['leads', ['conversation'], false],
    ['leads', ['conversation.origin'], true],
    ['directus_users', ['-tenant.vat_id'], true],
    ['directus_roles', ['count(users)'], true],
  ])('%s sorted by %j refused: %s', (collection, sort, refused) => {
    const run = () => checkSort(sort, collection, ctx);
    if (refused) expect(run).toThrow(QueryRefused);
    else expect(run).not.toThrow();
  });
});

describe('scopeQuery', () => {
  test('returns a scoped copy, including deep filters through aliases', () => {
    const query = {
      filter: { users: { email: { _eq: 'b@x' } } },
      alias: { people: 'users' },
      deep: { people: { _filter: { tenant: { vat_id: { _eq: 'DE1' } } } } },
    };
    const scoped = scopeQuery(Object.freeze(query), 'directus_roles', ctx);
    expect(query.filter).toEqual({ users: { email: { _eq: 'b@x' } } });
    expect(scoped.filter).toEqual({
      _and: [{ users: { email: { _eq: 'b@x' } } }, { users: { tenant: { _eq: 'A' } } }],
    });
    expect(scoped.deep?.people).toEqual({
      _filter: {
        _and: [{ tenant: { vat_id: { _eq: 'DE1' } } }, { tenant: { id: { _eq: 'A' } } }],
      },
    });
  });

  test.each([
    [{ fields: ['id', 'count(users)'] }],
    [{ aggregate: { count: ['count(users)'] } }],
    [{ groupBy: ['count(users)'] }],
    [{ deep: { users: { _sort: ['tenant.name'] } } }],
  ])('refuses %j', (query) => {
    expect(() => scopeQuery(query as never, 'directus_roles', ctx)).toThrow(QueryRefused);
  });
});
