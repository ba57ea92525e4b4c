import { expect, test } from 'vitest';
import { abandonedBefore, isAbandoned, type PendingRegistration, UNVERIFIED_RETENTION_DAYS } from './cleanup.ts';

const now = new Date('2026-03-10T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const pending = (over: Partial<PendingRegistration> = {}): PendingRegistration => ({
  createdAt: daysAgo(8),
  stripeCustomerId: null,
  stripeSubscriptionId: null,
  users: [{ status: 'unverified' }],
  ...over,
});

test.each<[string, PendingRegistration, boolean]>([
  ['unconfirmed for eight days', pending(), true],
  ['unconfirmed, just over the period', pending({ createdAt: daysAgo(7.01) }), true],
  ['unconfirmed, exactly at the period', pending({ createdAt: daysAgo(7) }), false],
  ['unconfirmed, registered yesterday', pending({ createdAt: daysAgo(1) }), false],
  ['confirmed long ago', pending({ users: [{ status: 'active' }] }), false],
  ['owner confirmed, a second user not', pending({ users: [{ status: 'unverified' }, { status: 'active' }] }), false],
  ['suspended by the platform', pending({ users: [{ status: 'suspended' }] }), false],
  ['invited user', pending({ users: [{ status: 'invited' }] }), false],
  ['tenant without users (set up by hand)', pending({ users: [] }), false],
  ['already a Stripe customer', pending({ stripeCustomerId: 'cus_123' }), false],
  ['already subscribed', pending({ stripeSubscriptionId: 'sub_123' }), false],
  ['unknown creation time', pending({ createdAt: null }), false],
  ['unreadable creation time', pending({ createdAt: 'gestern' }), false],
  ['creation time as Date', pending({ createdAt: new Date(daysAgo(30)) }), true],
])('%s → %s', (_label, registration, removable) => {
  expect(isAbandoned(registration, now)).toBe(removable);
});

test('the period can be chosen', () => {
  expect(isAbandoned(pending({ createdAt: daysAgo(3) }), now, 2)).toBe(true);
  expect(isAbandoned(pending({ createdAt: daysAgo(3) }), now, 4)).toBe(false);
});

test('the cut-off lies the retention period before now', () => {
  expect(UNVERIFIED_RETENTION_DAYS).toBe(7);
  expect(abandonedBefore(now).toISOString()).toBe('2026-03-03T12:00:00.000Z');
});
