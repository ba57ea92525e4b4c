import { expect, test } from 'vitest';
import { ROLE } from '../roles.ts';
import { hiddenInNavigation, landingPage, postSortDate, userDefaults } from './shell.ts';

test.each([
  [ROLE.owner, '/carbot-start'],
  [ROLE.staff, '/carbot-start'],
  [ROLE.marketer, '/content/posts'],
  [ROLE.sites, null],
  ['someone-else', null],
  [null, null],
])('landingPage(%s) = %s', (role, path) => {
  expect(landingPage(role)).toBe(path);
});

test.each([
  [ROLE.owner, 'plans', true],
  [ROLE.staff, 'site_templates', true],
  [ROLE.staff, 'languages', true],
  [ROLE.owner, 'tenants', true],
  [ROLE.marketer, 'plans', true],
  [ROLE.owner, 'carbot_kunden', true],
  [ROLE.owner, 'services', false],
  [ROLE.staff, 'leads', false],
  [ROLE.marketer, 'posts', false],
  // Administrators (no CarBot role) keep the platform collections.
  ['ffffffff-0000-4000-8000-000000000000', 'plans', false],
  [null, 'tenants', false],
])('hiddenInNavigation(%s, %s) = %s', (role, collection, hidden) => {
  expect(hiddenInNavigation(role, collection)).toBe(hidden);
});

test.each([
  [{ role: ROLE.staff }, { role: ROLE.staff, language: 'de-DE', last_page: '/carbot-start' }],
  [
    { role: ROLE.owner, language: 'en-US' },
    { role: ROLE.owner, language: 'en-US', last_page: '/carbot-start' },
  ],
  [
    { role: ROLE.marketer, language: null },
    { role: ROLE.marketer, language: 'de-DE', last_page: '/content/posts' },
  ],
  [
    { role: ROLE.owner, last_page: '/content/leads' },
    { role: ROLE.owner, language: 'de-DE', last_page: '/content/leads' },
  ],
  [{ email: 'x@example.com' }, { email: 'x@example.com', language: 'de-DE' }],
])('userDefaults(%j)', (payload, expected) => {
  expect(userDefaults(payload)).toEqual(expected);
});

test.each([
  [{ published_at: '2026-03-01T09:00:00Z' }, 'create', { sort_date: '2026-03-01T09:00:00.000Z' }],
  [{}, 'create', { sort_date: '9999-12-31T00:00:00.000Z' }],
  [{ published_at: null }, 'update', { sort_date: '9999-12-31T00:00:00.000Z' }],
  [{ published_at: '2026-03-01T09:00:00+01:00' }, 'update', { sort_date: '2026-03-01T08:00:00.000Z' }],
  [{ status: 'published' }, 'update', {}],
] as const)('postSortDate(%j, %s)', (payload, mode, expected) => {
  expect(postSortDate(payload, mode)).toEqual(expected);
});
