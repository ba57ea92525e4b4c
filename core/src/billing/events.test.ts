import { describe, expect, test } from 'vitest';
import {
  compareEvents,
  decideSubscriptionEvent,
  type EventRef,
  invoiceSubscription,
  isHandled,
  planOf,
  type SubscriptionLike,
  subscriptionPatch,
  type TenantBilling,
  type TenantPatch,
} from './events.ts';
import { PLANS } from './fixtures.ts';

const T0 = 1_795_000_000;
const sub = (status: string, extra: Partial<SubscriptionLike> = {}): SubscriptionLike => ({
  id: 'sub_1',
  customer: 'cus_1',
  status,
  trial_end: T0 + 14 * 86_400,
  cancel_at: null,
  cancel_at_period_end: false,
  metadata: { carbot_tenant: 't1', carbot_plan: 'basic' },
  items: {
    data: [
      { price: { id: 'price_premium' }, current_period_start: T0 + 14 * 86_400, current_period_end: T0 + 44 * 86_400 },
    ],
  },
  ...extra,
});

describe('ordering', () => {
  test.each([
    [
      { id: 'evt_b', type: 'customer.subscription.updated', created: 1 },
      { id: 'evt_a', type: 'customer.subscription.updated', created: 2 },
      -1,
    ],
    [
      { id: 'evt_a', type: 'customer.subscription.deleted', created: 5 },
      { id: 'evt_b', type: 'customer.subscription.updated', created: 5 },
      1,
    ],
    [
      { id: 'evt_z', type: 'customer.subscription.created', created: 5 },
      { id: 'evt_a', type: 'customer.subscription.updated', created: 5 },
      -1,
    ],
    [
      { id: 'evt_a', type: 'customer.subscription.updated', created: 5 },
      { id: 'evt_b', type: 'customer.subscription.updated', created: 5 },
      -1,
    ],
  ] as [EventRef, EventRef, number][])('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareEvents(a, b))).toBe(sign);
    expect(Math.sign(compareEvents(b, a))).toBe(-sign);
  });

  test.each([
    ['invoice.paid', true],
    ['customer.subscription.trial_will_end', true],
    ['customer.created', false],
    ['charge.succeeded', false],
  ])('%s handled: %s', (type, handled) => {
    expect(isHandled(type)).toBe(handled);
  });
});

describe('subscriptionPatch', () => {
  test.each([
    ['trialing', { subscription_status: 'trialing', past_due_since: null, plan: 'premium' }],
    ['active', { subscription_status: 'active', past_due_since: null }],
    [
      'past_due',
      { subscription_status: 'past_due', past_due_since: new Date((T0 + 14 * 86_400) * 1000).toISOString() },
    ],
    ['unpaid', { subscription_status: 'unpaid', past_due_since: new Date((T0 + 14 * 86_400) * 1000).toISOString() }],
    ['canceled', { subscription_status: 'canceled', past_due_since: null, cancel_at: null }],
  ] as [string, Partial<TenantPatch>][])('%s', (status, expected) => {
    expect(subscriptionPatch(sub(status), PLANS)).toMatchObject({
      stripe_subscription_id: 'sub_1',
      trial_ends_at: new Date((T0 + 14 * 86_400) * 1000).toISOString(),
      current_period_end: new Date((T0 + 44 * 86_400) * 1000).toISOString(),
      ...expected,
    });
  });

  test('a cancellation at period end is shown as the end date', () => {
    expect(subscriptionPatch(sub('active', { cancel_at_period_end: true }), PLANS).cancel_at).toBe(
      new Date((T0 + 44 * 86_400) * 1000).toISOString(),
    );
  });

  test.each([
    [{ id: 'price_premium' }, {}, 'premium'],
    [{ id: 'price_x', metadata: { carbot_plan: 'enterprise' } }, {}, 'enterprise'],
    [{ id: 'price_x' }, { carbot_plan: 'basic' }, 'basic'],
    [{ id: 'price_x' }, { carbot_plan: 'gold' }, undefined],
  ])('plan from price %j and metadata %j', (price, metadata, expected) => {
    const s = sub('active', { metadata, items: { data: [{ price }] } });
    expect(planOf(s, PLANS)).toBe(expected);
  });
});

test.each([
  [{ parent: { subscription_details: { subscription: 'sub_9' } } }, 'sub_9'],
  [{ subscription: 'sub_8' }, 'sub_8'],
  [{ parent: null }, null],
])('invoiceSubscription(%j)', (invoice, expected) => {
  expect(invoiceSubscription(invoice)).toBe(expected);
});

/** Replays events against an in-memory tenant exactly as the webhook does, with a processed-id set. */
function replay(events: { ref: EventRef; sub: SubscriptionLike }[]) {
  const seen = new Set<string>();
  const tenant: TenantBilling & TenantPatch = {
    stripe_subscription_id: null,
    subscription_status: 'trialing',
    last: null,
  };
  for (const { ref, sub: s } of events) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    const decision = decideSubscriptionEvent(ref, s, tenant, PLANS);
    if (decision.apply) Object.assign(tenant, decision.patch, { last: ref });
  }
  const { last: _last, ...state } = tenant;
  return state;
}

function shuffled<T>(list: T[], seed: number): T[] {
  const out = [...list];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('replays and reordering end in the same state', () => {
  const life = [
    { ref: { id: 'evt_1', type: 'customer.subscription.created', created: T0 }, sub: sub('trialing') },
    { ref: { id: 'evt_2', type: 'customer.subscription.updated', created: T0 + 14 * 86_400 }, sub: sub('past_due') },
    { ref: { id: 'evt_3', type: 'customer.subscription.updated', created: T0 + 15 * 86_400 }, sub: sub('active') },
    {
      ref: { id: 'evt_4', type: 'customer.subscription.updated', created: T0 + 20 * 86_400 },
      sub: sub('active', { cancel_at_period_end: true }),
    },
    { ref: { id: 'evt_5', type: 'customer.subscription.deleted', created: T0 + 20 * 86_400 }, sub: sub('canceled') },
  ];
  const inOrder = replay(life);

  test('in order, the last event wins', () => {
    expect(inOrder).toMatchObject({
      subscription_status: 'canceled',
      stripe_subscription_id: 'sub_1',
      plan: 'premium',
    });
  });

  test.each(Array.from({ length: 25 }, (_, i) => i + 1))('shuffle %i, every event three times', (seed) => {
    const thrice = shuffled([...life, ...life, ...life], seed);
    expect(replay(thrice)).toEqual(inOrder);
  });

  test('every prefix of the lifecycle ends in the state of its newest event', () => {
    for (let n = 1; n <= life.length; n++) {
      const prefix = life.slice(0, n);
      expect(replay(shuffled(prefix, n))).toEqual(replay(prefix));
    }
  });

  test('an old subscription ending does not switch off a newer running one', () => {
    const tenant: TenantBilling = { stripe_subscription_id: 'sub_2', subscription_status: 'active', last: null };
    const decision = decideSubscriptionEvent(
      { id: 'evt_9', type: 'customer.subscription.deleted', created: T0 },
      sub('canceled', { id: 'sub_old' }),
      tenant,
      PLANS,
    );
    expect(decision).toEqual({ apply: false, outcome: 'other_subscription' });
  });
});
