import { expect, test } from 'vitest';
import { platformSummary } from './platform.ts';

const now = new Date('2026-11-29T12:00:00Z');
const plans = [
  { key: 'basic', name: 'Basic', price_net: '49.00' },
  { key: 'premium', name: 'Premium', price_net: 99 },
];
const t = (id: string, plan: string | null, status: string | null, trialEnds: string | null, sub: string | null) => ({
  id,
  plan,
  subscription_status: status,
  trial_ends_at: trialEnds,
  past_due_since: null,
  stripe_subscription_id: sub,
});

test('plans, phases, trial conversion and MRR from the mirrored Stripe state', () => {
  const s = platformSummary(
    [
      t('a', 'basic', 'active', '2026-10-01T00:00:00Z', 'sub_a'),
      t('b', 'premium', 'past_due', '2026-10-01T00:00:00Z', 'sub_b'),
      t('c', 'basic', 'trialing', '2026-12-05T00:00:00Z', null),
      t('d', 'basic', 'trialing', '2026-11-01T00:00:00Z', null),
      t('e', 'premium', 'canceled', '2026-09-01T00:00:00Z', 'sub_e'),
      // Active in our table but no Stripe subscription (set by hand): no revenue.
      t('f', 'premium', 'active', null, null),
    ],
    plans,
    now,
  );
  expect(s.tenants).toBe(6);
  expect(s.mrr).toBe(148);
  expect(s.byPlan.find((p) => p.plan === 'basic')).toMatchObject({ tenants: 3, paying: 1, mrr: 49 });
  expect(s.byPlan.find((p) => p.plan === 'premium')).toMatchObject({ tenants: 3, paying: 1, mrr: 99 });
  expect(s.trials).toEqual({ running: 1, ended: 4, converted: 2, rate: 0.5 });
  expect(s.byPhase.trial).toBe(1);
  expect(s.byPhase.trial_expired).toBe(1);
});
