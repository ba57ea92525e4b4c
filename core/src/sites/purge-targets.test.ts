import { expect, test } from 'vitest';
import { purgeBody, purgeScope, siteServerUrls } from './purge-targets.ts';

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
