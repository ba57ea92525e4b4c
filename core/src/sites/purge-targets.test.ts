import { expect, test } from 'vitest';
import { catalogDependents, purgeBodies, purgeBody, purgeScope, siteServerUrls } from './purge-targets.ts';

test.each([
  ['posts', 'tenant-column'],
  ['services_translations', 'tenant-column'],
  ['directus_files', 'tenant-column'],
  ['tenants', 'tenant-key'],
  ['plans', 'platform'],
  ['leads', 'none'],
  ['conversations', 'none'],
])('purgeScope(%s) = %s', (collection, expected) => {
  expect(purgeScope(collection)).toBe(expected);
});

test.each([
  [['a', 'a', 'b'], { tenants: ['a', 'b'], platform: false }],
  [[null], { tenants: [], platform: true }],
  [['a', null], { tenants: ['a'], platform: true }],
  [[undefined], null],
  [[], null],
])('purgeBody(%j)', (tenants, expected) => {
  expect(purgeBody(tenants)).toEqual(expected);
});

test.each([
  [undefined, undefined, ['http://127.0.0.1:4321']],
  [undefined, '5000', ['http://127.0.0.1:5000']],
  ['http://a:1/, https://b:2', undefined, ['http://a:1', 'https://b:2']],
  ['ftp://x, nonsense', undefined, []],
])('siteServerUrls(%s, %s)', (raw, port, expected) => {
  expect(siteServerUrls(raw, port)).toEqual(expected);
});

test.each([
  ['plans', { table: 'tenants', column: 'plan', tenant: 'id' }],
  ['site_templates', { table: 'workshops', column: 'template', tenant: 'tenant' }],
  ['languages', null],
  ['posts', null],
])('catalogDependents(%s): whose sites a catalog row shapes', (collection, expected) => {
  expect(catalogDependents(collection)).toEqual(expected);
});

test.each([
  [[], []],
  [[null], [{ tenants: [], platform: true }]],
  [['a', 'a', null], [{ tenants: ['a'], platform: true }]],
  [
    [null, ...Array.from({ length: 250 }, (_, i) => `t${i}`)],
    [
      { tenants: Array.from({ length: 100 }, (_, i) => `t${i}`), platform: true },
      { tenants: Array.from({ length: 100 }, (_, i) => `t${i + 100}`), platform: false },
      { tenants: Array.from({ length: 50 }, (_, i) => `t${i + 200}`), platform: false },
    ],
  ],
])('purgeBodies: at most 100 tenants per call (%#)', (tenants, expected) => {
  expect(purgeBodies(tenants)).toEqual(expected);
});
