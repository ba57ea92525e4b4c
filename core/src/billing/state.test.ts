import { describe, expect, test } from 'vitest';
import { type BillingTenant, monthStart, serviceState, siteDecision, toDate, widgetPausedMessage } from './state.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const tenant = (t: Partial<BillingTenant>): BillingTenant => ({
  plan: 'premium',
  subscription_status: 'trialing',
  trial_ends_at: days(10),
  past_due_since: null,
  ...t,
});

describe('serviceState', () => {
  test.each([
    [{}, 'trial', true, 'info'],
    [{ trial_ends_at: days(2) }, 'trial', true, 'warning'],
    [{ trial_ends_at: days(-1) }, 'trial_expired', false, 'danger'],
    [{ trial_ends_at: days(-1), stripe_subscription_id: 'sub_1' }, 'pending', true, null],
    [{ subscription_status: 'active', trial_ends_at: null }, 'active', true, null],
    [{ subscription_status: 'active', cancel_at: days(20) }, 'active', true, 'info'],
    [{ subscription_status: 'past_due', past_due_since: days(-1) }, 'grace', true, 'warning'],
    [{ subscription_status: 'past_due', past_due_since: days(-6.9) }, 'grace', true, 'warning'],
    [{ subscription_status: 'past_due', past_due_since: days(-7) }, 'suspended', false, 'danger'],
    [{ subscription_status: 'past_due', past_due_since: days(-30) }, 'suspended', false, 'danger'],
    [{ subscription_status: 'unpaid', past_due_since: days(-8) }, 'suspended', false, 'danger'],
    [{ subscription_status: 'past_due', past_due_since: null }, 'grace', true, 'warning'],
    [{ subscription_status: 'canceled' }, 'canceled', false, 'danger'],
    [{ subscription_status: 'incomplete_expired' }, 'canceled', false, 'danger'],
    [{ subscription_status: 'paused' }, 'suspended', false, 'danger'],
    [{ subscription_status: 'incomplete', trial_ends_at: days(5) }, 'trial', true, 'info'],
    [{ subscription_status: 'incomplete', trial_ends_at: days(-3) }, 'trial_expired', false, 'danger'],
  ] as [Partial<BillingTenant>, string, boolean, string | null][])('%j → %s (live %s)', (t, phase, live, level) => {
    const state = serviceState(tenant(t), NOW);
    expect(state.phase).toBe(phase);
    expect(state.live).toBe(live);
    expect(state.banner?.level ?? null).toBe(level);
  });

  test('the grace period ends seven days after the payment fell due', () => {
    const state = serviceState(
      tenant({ subscription_status: 'past_due', past_due_since: '2026-11-20T00:00:00Z' }),
      NOW,
    );
    expect(state.graceEndsAt?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(state.banner?.text).toContain('27. November 2026');
  });

  test('paused states promise that nothing is deleted', () => {
    for (const status of ['past_due', 'canceled', 'paused']) {
      const state = serviceState(tenant({ subscription_status: status, past_due_since: days(-20) }), NOW);
      expect(state.banner?.text).toContain('Daten bleiben');
    }
  });
});

describe('siteDecision', () => {
  const premium = { website: true, custom_domain: true };
  const basic = { website: false, custom_domain: false };
  const noDomain = { website: true, custom_domain: false };
  test.each([
    [tenant({}), premium, 'slug', { serve: true }],
    [tenant({}), premium, 'custom-domain', { serve: true }],
    [tenant({}), basic, 'slug', { serve: false, reason: 'no_website' }],
    [tenant({}), null, 'slug', { serve: false, reason: 'no_website' }],
    [tenant({}), noDomain, 'custom-domain', { serve: false, reason: 'custom_domain' }],
    [tenant({ trial_ends_at: days(-1) }), premium, 'slug', { serve: false, reason: 'paused' }],
    [tenant({ subscription_status: 'past_due', past_due_since: days(-3) }), premium, 'slug', { serve: true }],
    [
      tenant({ subscription_status: 'past_due', past_due_since: days(-8) }),
      premium,
      'slug',
      { serve: false, reason: 'paused' },
    ],
  ] as const)('%j on %j via %s', (t, plan, via, expected) => {
    expect(siteDecision(t, plan, via, NOW)).toEqual(expected);
  });
});

test.each([
  ['2026-11-22T12:00:00Z', '2026-10-31T23:00:00.000Z'],
  ['2026-11-30T23:30:00Z', '2026-11-30T23:00:00.000Z'],
  ['2026-07-15T00:00:00Z', '2026-06-30T22:00:00.000Z'],
  ['2026-03-31T22:30:00Z', '2026-03-31T22:00:00.000Z'],
  ['2027-01-01T00:30:00Z', '2026-12-31T23:00:00.000Z'],
])('the month of %s starts in Berlin at %s', (now, start) => {
  expect(monthStart(new Date(now)).toISOString()).toBe(start);
});

test.each([
  ['de', 'Der Chat ist gerade nicht verfügbar'],
  ['pl', 'Czat jest chwilowo niedostępny'],
  ['xx', 'Der Chat ist gerade nicht verfügbar'],
])('paused widget message in %s', (lang, text) => {
  expect(widgetPausedMessage(lang)).toContain(text);
});

test.each([
  [1_795_000_000_000, '2026-11-18T11:06:40.000Z'],
  ['1795000000000', '2026-11-18T11:06:40.000Z'],
  ['2026-11-18T11:06:40.000Z', '2026-11-18T11:06:40.000Z'],
  [new Date('2026-11-18T11:06:40.000Z'), '2026-11-18T11:06:40.000Z'],
])('a moment from Directus or the raw driver (%j) reads as the same instant', (value, iso) => {
  expect(toDate(value)?.toISOString()).toBe(iso);
});

test.each([[null], [''], ['kein Datum']])('%j is no moment', (value) => {
  expect(toDate(value)).toBeNull();
});
